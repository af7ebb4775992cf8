// The workspace's shape: org, users, projects, threads, and where each project's interactions
// come from. The big project is lazy (rebuilt from (seed, index)); the others are small enough to
// build once at start.
import {bigStoreBase, smallCountFor} from './big.ts';
import {buildUsers, insightsThreadNames, notableByThread, type DemoFixtures} from './fixtures.ts';
import {hostile, hostileName} from './hostile.ts';
import {incidentInteractions, incidentLayout, INCIDENT_THREAD_NAMES} from './incident.ts';
import {spreadStoreBase} from './spread.ts';
import {fillerInteraction, type GenContext} from './interactions.ts';
import {CONNECTION_STRING, MCP_TOKEN, MCP_TOKEN_2, notableInteraction, type NotableKind} from './notable.ts';

export type {DemoFixtures} from './fixtures.ts';
import {indexedArray, type Indexed} from './paging.ts';
import {BASE_TIME_MS, IdKind, intBetween, iso, makeId, rng} from './seed.ts';
import {createStore, type InteractionStore} from './store.ts';
import type {InteractionDto, ProjectDto, ProjectMemberWire, ThreadWire, UserDto} from './wire.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ThreadRecord = {readonly wire: ThreadWire; readonly creator: UserDto};

export type ProjectRecord = {
	readonly dto: ProjectDto;
	readonly members: readonly ProjectMemberWire[];
	readonly threads: readonly ThreadRecord[];
	readonly store: InteractionStore;
};

export type Workspace = {
	readonly org: {readonly id: string; readonly slug: string};
	readonly me: UserDto;
	readonly users: readonly UserDto[];
	/** Grows with DemoServer.addProject. */
	readonly projects: ProjectRecord[];
	readonly threads: Map<string, ThreadRecord & {readonly project: ProjectRecord}>;
	readonly fixtures: DemoFixtures;
	readonly seed: number;
};

export type BuildOptions = {
	readonly seed: number;
	readonly org: string;
	readonly token: string;
	readonly interactions: number;
	readonly nowMs: number;
	readonly spread?: {readonly threads: number; readonly interactions: number};
};

export function buildWorkspace(options: BuildOptions): Workspace {
	const {seed} = options;
	const orgId = makeId(BASE_TIME_MS - 200 * DAY, IdKind.org, 0);
	const users = buildUsers(orgId);
	const me = users[0] as UserDto;
	const other = users[1] as UserDto;
	const ctx: GenContext = {seed, users};
	const random = rng(seed, 0xda7a);
	let threadCounter = 0;
	let interactionCounter = 0;

	const members = (roles: ProjectMemberWire['role'][]): ProjectMemberWire[] =>
		roles.map((role, index) => ({
			id: makeId(BASE_TIME_MS - 60 * DAY, IdKind.member, index),
			role,
			user: users[index] as UserDto,
			is_project_member: true,
		}));
	const project = (
		index: number,
		name: string,
		extra: Partial<ProjectDto>,
		roles: ProjectMemberWire['role'][],
	) => ({
		dto: {
			id: makeId(BASE_TIME_MS - 90 * DAY + index * DAY, IdKind.project, index),
			name,
			default_member_role: 'Viewer',
			default_role_enabled: true,
			visibility: 'Private',
			member_count: roles.length,
			is_pinned: index === 0,
			...extra,
		} satisfies ProjectDto as ProjectDto,
		members: members(roles),
	});
	const thread = (
		projectId: string,
		name: string,
		timeMs: number,
		creator: UserDto,
		state = 'Active',
	): ThreadRecord => ({
		wire: {
			id: makeId(timeMs, IdKind.thread, threadCounter++),
			name,
			project_id: projectId,
			visibility: threadCounter % 5 === 0 ? 'Public' : 'Private',
			state,
			created_at: iso(timeMs),
		},
		creator,
	});

	// Customer Insights: the realistic project where every notable interaction lives.
	const insights = project(
		0,
		'Customer Insights',
		{
			goal: 'Understand why customers stay or leave',
			visibility: 'Public',
			project_context: 'B2B SaaS, 400 customers',
		},
		['Owner', 'Editor', 'Viewer'],
	);
	const insightsStart = BASE_TIME_MS - 30 * DAY;
	const insightsThreads: ThreadRecord[] = [];
	const insightsItems: InteractionDto[] = [];
	const notableIds = {} as Record<NotableKind, string>;
	insightsThreadNames.forEach((name, t) => {
		const threadStart = insightsStart + t * 10 * HOUR;
		const threadName = t === 3 ? hostileName('Hostile names') : name;
		const record = thread(
			insights.dto.id,
			threadName,
			threadStart,
			t % 3 === 0 ? me : (users[t % users.length] as UserDto),
		);
		insightsThreads.push(record);
		const notable = notableByThread[t] ?? [];
		const count = Math.max(notable.length + 3, intBetween(random, 3, 60));
		const firstNotable = count - notable.length;
		for (let k = 0; k < count; k++) {
			const index = interactionCounter++;
			const timeMs = threadStart + k * 17 * 60_000 + (index % 50) * 1000;
			const slot = {
				id: makeId(timeMs, IdKind.interaction, index),
				projectId: insights.dto.id,
				threadId: record.wire.id,
				timeMs,
				key: index,
			};
			const kind = k >= firstNotable ? notable[k - firstNotable] : undefined;
			if (kind) notableIds[kind] = slot.id;
			insightsItems.push(
				kind
					? notableInteraction(kind, {slot, me, other, nowMs: options.nowMs})
					: fillerInteraction(ctx, slot),
			);
		}
	});

	// Load Test Bench: `interactions` items, lazy; a few in small threads, the rest in one big thread.
	const big = project(1, 'Load Test Bench', {goal: 'Soak the explorer with volume'}, ['Owner', 'Editor']);
	const bigStart = BASE_TIME_MS - 20 * DAY;
	const total = Math.max(0, Math.floor(options.interactions));
	const bigThread = thread(big.dto.id, 'Soak test run', bigStart - HOUR, me);
	const smallThreads = ['Smoke test', 'Warm-up', 'Cache check'].map((name, i) =>
		thread(big.dto.id, name, bigStart - 2 * HOUR + i * 60_000, other),
	);
	const bigBase = bigStoreBase(ctx, {
		projectId: big.dto.id,
		total,
		startMs: bigStart,
		bigThreadId: bigThread.wire.id,
		smallThreadIds: smallThreads.map(record => record.wire.id),
	});

	// A project whose own name and thread names are hostile, with one Deleted thread.
	const hostileProject = project(
		2,
		`Red Team ${hostile.clearScreen} ${hostile.bidi}`,
		{goal: hostile.hyperlink},
		['Admin', 'Commenter'],
	);
	const hostileThreads: ThreadRecord[] = [];
	const hostileItems: InteractionDto[] = [];
	const hostileThreadNames = [
		hostileName('Title'),
		`Clip ${hostile.clipboardBel}`,
		`CR ${hostile.carriageReturn}`,
		`C1 ${hostile.c1Osc}`,
		'Plain thread',
		'Another plain thread',
		'Archive',
		'Removed thread',
	];
	hostileThreadNames.forEach((name, t) => {
		const start = BASE_TIME_MS - 10 * DAY + t * HOUR;
		const record = thread(hostileProject.dto.id, name, start, me, t === 7 ? 'Deleted' : 'Active');
		hostileThreads.push(record);
		for (let k = 0; k < 3; k++) {
			const index = interactionCounter++;
			const timeMs = start + k * 5 * 60_000;
			hostileItems.push(
				fillerInteraction(ctx, {
					id: makeId(timeMs, IdKind.interaction, index),
					projectId: hostileProject.dto.id,
					threadId: record.wire.id,
					timeMs,
					key: index,
				}),
			);
		}
	});

	const emptyProject = project(3, 'Empty Sandbox', {}, ['Owner']);

	// Checkout Assistant: a day of traffic with an incident in it (incident.ts), for the overview.
	const incidentProject = project(
		4,
		'Checkout Assistant',
		{goal: 'Answer shoppers and merchants; on call watches its errors'},
		['Owner', 'Editor', 'Viewer'],
	);
	const layout = incidentLayout(options.nowMs);
	const incidentThreads = INCIDENT_THREAD_NAMES.map((name, t) =>
		thread(
			incidentProject.dto.id,
			name,
			layout.startMs - (INCIDENT_THREAD_NAMES.length - t) * HOUR,
			users[t % users.length] as UserDto,
		),
	);
	const incidentItems = incidentInteractions(
		{projectId: incidentProject.dto.id, threadIds: incidentThreads.map(t => t.wire.id), users, seed},
		layout,
		IdKind.incident,
	);

	// The bench's wide project, only when asked for.
	const spreadProject = options.spread
		? project(5, 'Spread Load', {goal: 'Many threads at once'}, ['Owner'])
		: undefined;
	const spreadThreads = options.spread
		? Array.from({length: Math.max(1, Math.floor(options.spread.threads))}, (_, t) =>
				thread(spreadProject!.dto.id, `Spread thread ${t + 1}`, bigStart - 3 * HOUR + t * 1000, me),
			)
		: [];

	const materialised = (items: InteractionDto[], threads: readonly ThreadRecord[]) => {
		const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		const byId = new Map(sorted.map(dto => [dto.id, dto]));
		const perThread = new Map<string, Indexed<InteractionDto>>();
		for (const record of threads) {
			perThread.set(
				record.wire.id,
				indexedArray(
					sorted.filter(dto => dto.thread_id === record.wire.id),
					dto => dto.id,
				),
			);
		}
		return createStore({
			all: indexedArray(sorted, dto => dto.id),
			threads: perThread,
			get: id => byId.get(id),
		});
	};

	const projects: ProjectRecord[] = [
		{...insights, threads: insightsThreads, store: materialised(insightsItems, insightsThreads)},
		{
			...big,
			threads: [...smallThreads, bigThread].sort((a, b) => (a.wire.id < b.wire.id ? -1 : 1)),
			store: createStore(bigBase),
		},
		{...hostileProject, threads: hostileThreads, store: materialised(hostileItems, hostileThreads)},
		{...emptyProject, threads: [], store: materialised([], [])},
		{...incidentProject, threads: incidentThreads, store: materialised(incidentItems, incidentThreads)},
	];
	if (spreadProject && options.spread) {
		projects.push({
			...spreadProject,
			threads: spreadThreads,
			store: createStore(
				spreadStoreBase(ctx, {
					projectId: spreadProject.dto.id,
					total: Math.max(0, Math.floor(options.spread.interactions)),
					startMs: bigStart,
					threadIds: spreadThreads.map(record => record.wire.id),
					spacingMs: 20_000,
				}),
			),
		});
	}
	const threads = new Map<string, ThreadRecord & {project: ProjectRecord}>();
	for (const p of projects)
		for (const record of p.threads) threads.set(record.wire.id, {...record, project: p});

	const byKind = (t: number) => (insightsThreads[t] as ThreadRecord).wire.id;
	const fixtures: DemoFixtures = {
		orgId,
		userId: me.id,
		otherUserIds: users.slice(1).map(user => user.id),
		projects: {
			bigId: big.dto.id,
			insightsId: insights.dto.id,
			hostileId: hostileProject.dto.id,
			emptyId: emptyProject.dto.id,
			incidentId: incidentProject.dto.id,
			...(spreadProject ? {spreadId: spreadProject.dto.id} : {}),
		},
		incident: {
			threadIds: incidentThreads.map(record => record.wire.id),
			count: incidentItems.length,
			burstStartMs: layout.burstStartMs,
			burstEndMs: layout.burstEndMs,
			startMs: layout.startMs,
			endMs: layout.anchorMs,
		},
		bigThreadId: bigThread.wire.id,
		bigSmallThreadIds: smallThreads.map(record => record.wire.id),
		bigInteractionCount: total,
		bigThreadInteractionCount: total - smallCountFor(total),
		threads: {
			weeklyBriefId: byKind(0),
			failuresId: byKind(1),
			longResearchId: byKind(2),
			hostileId: byKind(3),
			unusualId: byKind(4),
			deletedId: (hostileThreads[7] as ThreadRecord).wire.id,
		},
		interactions: {
			...notableIds,
			hostile: [
				notableIds.hostilePrompt,
				notableIds.hostileOutput,
				notableIds.hostileTool,
				notableIds.hostileError,
			],
		},
		secrets: [options.token, MCP_TOKEN, MCP_TOKEN_2, CONNECTION_STRING],
	};
	return {org: {id: orgId, slug: options.org}, me, users, projects, threads, fixtures, seed};
}

/** The interaction with this id in any project, with the project that holds it. */
export function findInteraction(
	ws: Workspace,
	id: string,
): {dto: InteractionDto; project: ProjectRecord} | undefined {
	for (const project of ws.projects) {
		const dto = project.store.get(id);
		if (dto) return {dto, project};
	}
	return undefined;
}
