// Projects a test adds to a running demo server (DemoServer.addProject): threads with interactions at the
// times it chooses, so a property test can draw random layouts and check the client against them over HTTP.
import type {ProjectRecord, Workspace} from './data.ts';
import {fillerInteraction} from './interactions.ts';
import {indexedArray, type Indexed} from './paging.ts';
import {IdKind, iso, makeId} from './seed.ts';
import {createStore} from './store.ts';
import type {InteractionDto} from './wire.ts';

export type AddedThread = {
	readonly name: string;
	/** Creation times (ms) of its interactions; ties are allowed (ids break them). */
	readonly times: readonly number[];
	/** The thread record's created_at; default a minute before its first interaction. */
	readonly createdAtMs?: number;
};

export type AddedProject = {
	readonly projectId: string;
	readonly threadIds: readonly string[];
	/** Every interaction id, per thread, oldest first. */
	readonly interactionIds: ReadonlyArray<readonly string[]>;
};

const byId = (a: InteractionDto, b: InteractionDto) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

let added = 0;

export function addProject(
	ws: Workspace,
	spec: {readonly name: string; readonly threads: readonly AddedThread[]},
): AddedProject {
	const serial = added++;
	const first = Math.min(...spec.threads.flatMap(thread => thread.times), Date.UTC(2026, 0, 1));
	const projectId = makeId(first - 86_400_000, IdKind.project, 0x1000 + serial);
	const base = ws.projects[0] as ProjectRecord;
	const all: InteractionDto[] = [];
	const perThread = new Map<string, Indexed<InteractionDto>>();
	const threads = spec.threads.map((thread, t) => {
		const earliest = thread.times.length > 0 ? Math.min(...thread.times) : first;
		const createdAtMs = thread.createdAtMs ?? earliest - 60_000;
		const threadId = makeId(createdAtMs, IdKind.thread, 0x100000 + serial * 0x1000 + t);
		const items = thread.times.map((timeMs, k) => {
			const index = serial * 0x100000 + t * 0x1000 + k;
			const dto = fillerInteraction(
				{seed: ws.seed, users: ws.users},
				{
					id: makeId(timeMs, IdKind.added, index),
					projectId,
					threadId,
					timeMs,
					key: 0x3000000 + index,
					light: true,
				},
			);
			dto.created_at = iso(timeMs);
			return dto;
		});
		items.sort(byId);
		all.push(...items);
		perThread.set(
			threadId,
			indexedArray(items, dto => dto.id),
		);
		return {
			wire: {
				id: threadId,
				name: thread.name,
				project_id: projectId,
				visibility: 'Private' as const,
				state: 'Active',
				created_at: iso(createdAtMs),
			},
			creator: ws.me,
			ids: items.map(dto => dto.id),
		};
	});
	all.sort(byId);
	const lookup = new Map(all.map(dto => [dto.id, dto]));
	const record: ProjectRecord = {
		dto: {...base.dto, id: projectId, name: spec.name, is_pinned: false},
		members: base.members,
		threads: threads.map(({wire, creator}) => ({wire, creator})),
		store: createStore({
			all: indexedArray(all, dto => dto.id),
			threads: perThread,
			get: id => lookup.get(id),
		}),
	};
	ws.projects.push(record);
	for (const thread of record.threads) ws.threads.set(thread.wire.id, {...thread, project: record});
	return {
		projectId,
		threadIds: threads.map(thread => thread.wire.id),
		interactionIds: threads.map(thread => thread.ids),
	};
}
