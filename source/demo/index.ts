// The embedded demo workspace: a real HTTP server on 127.0.0.1 that behaves like a Zylon Workspace
// API with deterministic seeded data. Used by --demo, `demo-server`, the tests and the bench.
import {addProject, type AddedProject, type AddedThread} from './added.ts';
import {buildWorkspace, type DemoFixtures} from './data.ts';
import {fillerInteraction} from './interactions.ts';
import {BASE_TIME_MS, IdKind, iso, makeId, parseId} from './seed.ts';
import {activate, listen, type ServerState} from './server.ts';
import type {DemoOptions, Fault, RequestLogEntry} from './types.ts';

export type {DemoFixtures} from './data.ts';
export type {AddedProject, AddedThread} from './added.ts';
export type {DemoGeneration, DemoOptions, Fault, RequestLogEntry} from './types.ts';

export const DEFAULT_DEMO_TOKEN = 'zdemo_tok_9c41e2b7f05a4d13-DO-NOT-PRINT';

export type DemoServer = {
	/** 'http://127.0.0.1:PORT'; routes live under /api/v1/…, so clients append /api. */
	readonly url: string;
	readonly token: string;
	readonly org: string;
	/** Every request served, in arrival order. */
	readonly log: RequestLogEntry[];
	readonly fixtures: DemoFixtures;
	setFaults(faults: readonly Fault[]): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	/** Appends a new newest interaction to the thread (follow mode); returns its id. */
	addInteraction(threadId: string, init?: {state?: string}): string;
	/** A new project with threads holding interactions at the given times (property tests). */
	addProject(spec: {readonly name: string; readonly threads: readonly AddedThread[]}): AddedProject;
	close(): Promise<void>;
};

export async function startDemoServer(options: DemoOptions = {}): Promise<DemoServer> {
	const token = options.token ?? DEFAULT_DEMO_TOKEN;
	const org = options.org ?? 'default';
	const seed = options.seed ?? 1;
	const startedAt = Date.now();
	const ws = buildWorkspace({
		seed,
		org,
		token,
		interactions: options.interactions ?? 5000,
		nowMs: startedAt,
		spread: options.spread,
	});
	const state: ServerState = {
		ctx: {
			ws,
			generation: options.generation ?? 'both',
			startedAt,
			now: Date.now,
			streamSpacingMs: 50,
			threadUpdatedAt: options.threadUpdatedAt ?? true,
			streamMode: options.stream ?? 'sse',
		},
		token,
		latencyMs: options.latencyMs ?? 0,
		faults: activate(options.faults ?? []),
		log: [],
	};
	const server = await listen(state, options.host ?? '127.0.0.1', options.port ?? 0);
	let appended = 0;
	let lastTimeMs = BASE_TIME_MS;

	return {
		url: server.url,
		token,
		org,
		log: state.log,
		fixtures: ws.fixtures,
		setFaults(faults) {
			state.faults = activate(faults);
		},
		clearFaults() {
			state.faults = [];
		},
		setLatency(ms) {
			state.latencyMs = Math.max(0, ms);
		},
		addInteraction(threadId, init = {}) {
			const record = ws.threads.get(threadId);
			if (!record) throw new Error(`addInteraction: unknown thread ${threadId}`);
			const items = record.project.store.all;
			const newest = items.length > 0 ? items.at(items.length - 1) : undefined;
			const newestMs = newest ? (parseId(newest.id)?.timeMs ?? BASE_TIME_MS) : BASE_TIME_MS;
			// Strictly after everything so ids keep sorting by creation time.
			const timeMs = Math.max(Date.now(), newestMs + 1000, lastTimeMs + 1000);
			lastTimeMs = timeMs;
			const index = appended++;
			const dto = fillerInteraction(
				{seed, users: ws.users},
				{
					id: makeId(timeMs, IdKind.appended, index),
					projectId: record.project.dto.id,
					threadId,
					timeMs,
					key: 0x4000000 + index,
				},
			);
			dto.created_at = iso(timeMs);
			const wanted = init.state ?? 'Completed';
			dto.state = wanted as typeof dto.state;
			if (wanted === 'Processing') delete dto.assistant_output;
			record.project.store.append(dto);
			return dto.id;
		},
		addProject: spec => addProject(ws, spec),
		close: server.close,
	};
}
