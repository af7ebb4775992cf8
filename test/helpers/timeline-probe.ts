// The project timeline's merge (api/timeline.ts) called with the real client's thread list and thread pages
// against the demo over HTTP, every thread request counted: in flight, rounds, sizes, rows served.
import {createClient} from '../../source/api/client.ts';
import {
	mergeTimeline,
	type ThreadInfo,
	type TimelineHints,
	type TimelineSessions,
} from '../../source/api/timeline.ts';
import {after, before} from 'node:test';
import {startDemoServer, type AddedThread, type DemoServer} from '../../source/demo/index.ts';
import type {Interaction, Page, PageRequest} from '../../source/domain/types.ts';
import {demoConnection} from './demo.ts';

export const T0 = Date.UTC(2026, 1, 1);

/** `threads` threads of `rows` rows each, their rows interleaved one second apart: every thread is needed at once. */
export const interleaved = (threads: number, rows: number): AddedThread[] =>
	Array.from({length: threads}, (_, k) => ({
		name: `T${k}`,
		times: Array.from({length: rows}, (_, i) => T0 + (i * threads + k) * 1000),
	}));

/** The project's thread list as the merge takes it, read now: kept, it goes stale as rows are added. */
export async function threadList(server: DemoServer, projectId: string): Promise<ThreadInfo[]> {
	const page = await createClient(demoConnection(server), {generation: 'current'}).threads(projectId, {
		first: 100,
	});
	return page.items.map(({id, name, createdAtMs, updatedAtMs}) => ({id, name, createdAtMs, updatedAtMs}));
}

export type ProbeOptions = {
	readonly concurrency?: number;
	readonly sessions?: TimelineSessions;
	readonly hints?: TimelineHints;
	/** The thread list to hand the merge instead of the server's (a stale one). */
	readonly threads?: readonly ThreadInfo[];
	readonly attempts?: number;
};

/** The merge over a project with each thread request counted: in flight, rounds, sizes, rows served. */
export function probe(server: DemoServer, projectId: string, options: ProbeOptions = {}) {
	const client = createClient(demoConnection(server), {
		generation: 'current',
		attempts: options.attempts ?? 4,
	});
	const requests: {threadId: string; request: PageRequest}[] = [];
	const served: string[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	let rounds = 0;
	let listing: readonly ThreadInfo[] | undefined = options.threads;
	const threads = async (refresh: boolean) => {
		if (listing && (!refresh || options.threads)) return listing;
		listing = await threadList(server, projectId);
		return listing;
	};
	const threadPage = async (threadId: string, request: PageRequest): Promise<Page<Interaction>> => {
		requests.push({threadId, request});
		// A request sent with none in flight starts a round: the network's share of the page is rounds × latency.
		if (inFlight === 0) rounds++;
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		try {
			const page = await client.interactions({projectId, threadId}, request);
			served.push(...page.items.map(item => item.id));
			return page;
		} finally {
			inFlight--;
		}
	};
	const page = (request: PageRequest, pageSize = 50) =>
		mergeTimeline(
			{
				resource: 'the test project',
				threads,
				threadPage,
				...(options.concurrency === undefined ? {} : {concurrency: options.concurrency}),
				...(options.sessions ? {sessions: options.sessions} : {}),
				...(options.hints ? {hints: options.hints} : {}),
			},
			request,
			pageSize,
		);
	const reset = () => {
		requests.length = 0;
		served.length = 0;
		rounds = 0;
		maxInFlight = 0;
	};
	return {page, requests, served, reset, rounds: () => rounds, maxInFlight: () => maxInFlight};
}

export const ids = (page: Page<Interaction>) => page.items.map(item => item.id);
/** The project's ids oldest first, from the demo's own record of what it added. */
export const oldestFirst = (interactionIds: ReadonlyArray<readonly string[]>, times: AddedThread[]) =>
	interactionIds
		.flatMap((threadIds, t) => threadIds.map((id, i) => ({id, ms: times[t]!.times[i]!})))
		.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : 1))
		.map(row => row.id);

/**
 * The thread requests of one page, compactly: `thread index:f|l rows`, with `@` when sent from a cursor and `#`
 * when it asks for the total;
 * ` rN` closes the page with its rounds. What the network cost of paging is made of.
 */
export function planOf(
	threadIds: readonly string[],
	requests: readonly {threadId: string; request: PageRequest}[],
	rounds: number,
): string {
	const each = requests.map(({threadId, request}) => {
		const rows = request.first === undefined ? `l${request.last}` : `f${request.first}`;
		const from = request.after !== undefined || request.before !== undefined ? '@' : '';
		const total = request.totalCount === true ? '#' : '';
		return `${threadIds.indexOf(threadId)}:${rows}${from}${total}`;
	});
	return [...each, `r${rounds}`].join(' ');
}

/** A current-routes demo for the file's tests (its own before/after), and the probe bound to it. */
export function timelineDemo() {
	const demo = {
		server: undefined as unknown as DemoServer,
		probe: (projectId: string, options?: ProbeOptions) => probe(demo.server, projectId, options),
	};
	before(async () => {
		demo.server = await startDemoServer({generation: 'current', interactions: 50});
	});
	after(() => demo.server.close());
	return demo;
}
