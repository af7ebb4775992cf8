// What a page of the project timeline costs and what it keeps (api/timeline.ts): the merge called with the real
// client's thread list and thread pages against the demo over HTTP, every thread request counted. timeline.test.ts
// holds the order property; this file holds the economy (requests, rounds, concurrency, sizes), the kept
// sessions, the updated_at hint, totals and failures.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {createClient} from '../source/api/client.ts';
import {ApiError} from '../source/api/errors.ts';
import {
	mergeTimeline,
	TimelineSessions,
	type ThreadInfo,
	type TimelineHints,
} from '../source/api/timeline.ts';
import {startDemoServer, type AddedThread, type DemoServer} from '../source/demo/index.ts';
import type {Interaction, Page, PageRequest} from '../source/domain/types.ts';
import {demoConnection} from './helpers/demo.ts';

const T0 = Date.UTC(2026, 1, 1);

let server: DemoServer;
before(async () => {
	server = await startDemoServer({generation: 'current', interactions: 50});
});
after(() => server.close());

/** `threads` threads of `rows` rows each, their rows interleaved one second apart: every thread is needed at once. */
const interleaved = (threads: number, rows: number): AddedThread[] =>
	Array.from({length: threads}, (_, k) => ({
		name: `T${k}`,
		times: Array.from({length: rows}, (_, i) => T0 + (i * threads + k) * 1000),
	}));

type Options = {
	readonly concurrency?: number;
	readonly sessions?: TimelineSessions;
	readonly hints?: TimelineHints;
	/** The thread list to hand the merge instead of the server's (a stale one). */
	readonly threads?: readonly ThreadInfo[];
	readonly attempts?: number;
};

/** The merge over a project with each thread request counted: in flight, rounds, sizes, rows served. */
function probe(projectId: string, options: Options = {}) {
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
		const page = await client.threads(projectId, {first: 100});
		listing = page.items.map(thread => ({
			id: thread.id,
			name: thread.name,
			createdAtMs: thread.createdAtMs,
			updatedAtMs: thread.updatedAtMs,
		}));
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

const ids = (page: Page<Interaction>) => page.items.map(item => item.id);
/** The project's ids oldest first, from the demo's own record of what it added. */
const oldestFirst = (interactionIds: ReadonlyArray<readonly string[]>, times: AddedThread[]) =>
	interactionIds
		.flatMap((threadIds, t) => threadIds.map((id, i) => ({id, ms: times[t]!.times[i]!})))
		.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : 1))
		.map(row => row.id);

describe('what a page costs', () => {
	test('every thread needed at once: each is asked once, for no more than the page, in two rounds', async () => {
		const layout = interleaved(8, 20);
		const added = server.addProject({name: 'Economy', threads: layout});
		const merge = probe(added.projectId);
		const page = await merge.page({first: 30, order: 'ASC'});
		assert.deepEqual(ids(page), oldestFirst(added.interactionIds, layout).slice(0, 30));
		assert.equal(merge.requests.length, 8, 'one request per thread');
		assert.deepEqual(new Set(merge.requests.map(entry => entry.threadId)), new Set(added.threadIds));
		for (const {request} of merge.requests) assert.ok((request.first ?? 0) <= 30, `asked ${request.first}`);
		assert.ok(merge.rounds() <= 2, `${merge.rounds()} rounds`);
		assert.equal(merge.maxInFlight(), 7, 'the threads after the first go out together');
	});

	test('concurrency caps the requests in flight, and the page is the same', async () => {
		const layout = interleaved(8, 20);
		const added = server.addProject({name: 'Capped', threads: layout});
		const merge = probe(added.projectId, {concurrency: 3});
		const page = await merge.page({first: 30, order: 'ASC'});
		assert.deepEqual(ids(page), oldestFirst(added.interactionIds, layout).slice(0, 30));
		assert.equal(merge.maxInFlight(), 3);
		assert.ok(merge.rounds() >= 3, `${merge.rounds()} rounds for 7 threads 3 at a time`);
	});

	test('a page larger than one thread page: requests stay under the rows the page still needs', async () => {
		const layout = interleaved(4, 60);
		const added = server.addProject({name: 'Large page', threads: layout});
		const merge = probe(added.projectId);
		const page = await merge.page({first: 120, order: 'ASC'});
		assert.deepEqual(ids(page), oldestFirst(added.interactionIds, layout).slice(0, 120));
		const asked = merge.requests.reduce((sum, {request}) => sum + (request.first ?? 0), 0);
		// Every row of the page fetched once, with at most one spare share per thread on top.
		assert.ok(asked <= 120 + 4 * 60, `asked ${asked} rows`);
		for (const {request} of merge.requests) assert.ok((request.first ?? 0) <= 120, `asked ${request.first}`);
		assert.ok(merge.rounds() <= 4, `${merge.rounds()} rounds`);
	});
});

describe('sessions: paging on', () => {
	test('with kept readers, walking every page fetches each row once; without, rows are fetched again', async () => {
		const layout = interleaved(5, 12);
		const added = server.addProject({name: 'Walk', threads: layout});
		const expected = oldestFirst(added.interactionIds, layout);
		const walk = async (sessions?: TimelineSessions) => {
			const merge = probe(added.projectId, sessions ? {sessions} : {});
			const got: string[] = [];
			let request: PageRequest = {first: 7, order: 'ASC'};
			for (let count = 0; count < 50; count++) {
				const page = await merge.page(request);
				got.push(...ids(page));
				if (!page.hasNextPage) break;
				request = {first: 7, after: page.nextCursor, order: 'ASC'};
			}
			return {got, served: merge.served};
		};
		const kept = await walk(new TimelineSessions());
		assert.deepEqual(kept.got, expected);
		assert.equal(new Set(kept.served).size, kept.served.length, 'no row fetched twice');
		const fresh = await walk();
		assert.deepEqual(fresh.got, expected);
		assert.ok(fresh.served.length > expected.length, 'without sessions the cursors are read afresh');
	});

	test('a kept reader goes one way: the page before a cursor is read afresh, not from the readers after it', async () => {
		const layout = interleaved(3, 10);
		const added = server.addProject({name: 'Both ways', threads: layout});
		const merge = probe(added.projectId, {sessions: new TimelineSessions()});
		const first = await merge.page({first: 6, order: 'ASC'});
		const back = await merge.page({last: 6, before: first.nextCursor, order: 'ASC'});
		assert.deepEqual(ids(back), ids(first));
	});

	test('only the last few cursors are kept: an evicted one is read afresh, with the same page', async () => {
		const layout = interleaved(3, 10);
		const added = server.addProject({name: 'Evicted', threads: layout});
		const sessions = new TimelineSessions(1);
		const merge = probe(added.projectId, {sessions});
		const a = await merge.page({first: 4, order: 'ASC'});
		const b = await merge.page({first: 5, order: 'ASC'});
		merge.reset();
		// b's cursor took the one place: the page after b comes from the readers in hand…
		const afterB = await merge.page({first: 5, after: b.nextCursor, order: 'ASC'});
		assert.deepEqual(ids(afterB), oldestFirst(added.interactionIds, layout).slice(5, 10));
		assert.equal(merge.requests.length, 0, 'kept: served from the readers in hand');
		merge.reset();
		// …and the page after a is read from its cursor, fetching rows a already had.
		const afterA = await merge.page({first: 4, after: a.nextCursor, order: 'ASC'});
		assert.deepEqual(ids(afterA), oldestFirst(added.interactionIds, layout).slice(4, 8));
		assert.ok(merge.requests.length > 0, 'evicted: fetched again');
	});
});

describe('the updated_at hint', () => {
	test('a row newer than its thread says turns the bound off; the next first page puts it first', async () => {
		const layout: AddedThread[] = [
			{name: 'Old', times: Array.from({length: 10}, (_, i) => T0 + i * 1000)},
			{name: 'Recent', times: Array.from({length: 10}, (_, i) => T0 + 100_000 + i * 1000)},
		];
		const added = server.addProject({name: 'Stale list', threads: layout});
		const listing = await createClient(demoConnection(server), {generation: 'current'}).threads(
			added.projectId,
			{first: 10},
		);
		const stale = listing.items.map(thread => ({
			id: thread.id,
			name: thread.name,
			createdAtMs: thread.createdAtMs,
			updatedAtMs: thread.updatedAtMs,
		}));
		// A new row in the old thread, after the list was read: its updated_at now lags behind it.
		const newest = server.addInteraction(added.threadIds[0]!);
		const hints: TimelineHints = {trustUpdatedAt: true};
		const merge = probe(added.projectId, {threads: stale, hints});
		await merge.page({first: 12, order: 'DESC'});
		assert.equal(hints.trustUpdatedAt, false, 'the hint is off once the row was seen');
		const again = await merge.page({first: 3, order: 'DESC'});
		assert.equal(ids(again)[0], newest);
	});

	test('while updated_at holds, newest first reads only the threads whose rows can make the page', async () => {
		const layout: AddedThread[] = [
			{name: 'Old', times: Array.from({length: 10}, (_, i) => T0 + i * 1000)},
			{name: 'Recent', times: Array.from({length: 10}, (_, i) => T0 + 100_000 + i * 1000)},
		];
		const added = server.addProject({name: 'Fresh list', threads: layout});
		const hints: TimelineHints = {trustUpdatedAt: true};
		const merge = probe(added.projectId, {hints});
		const page = await merge.page({first: 5, order: 'DESC'});
		assert.deepEqual(ids(page), [...added.interactionIds[1]!].reverse().slice(0, 5));
		assert.deepEqual(
			merge.requests.map(entry => entry.threadId),
			[added.threadIds[1]],
		);
		assert.equal(hints.trustUpdatedAt, true);
	});
});

describe('totals and failures', () => {
	test('totalCount on a first page is the sum over the threads, asked of each thread once; none past it', async () => {
		const layout = interleaved(4, 9);
		const added = server.addProject({name: 'Totals', threads: layout});
		const merge = probe(added.projectId);
		const page = await merge.page({first: 10, order: 'ASC', totalCount: true});
		assert.equal(page.totalCount, 36);
		const asking = merge.requests.filter(({request}) => request.totalCount === true);
		assert.equal(asking.length, 4);
		assert.equal(new Set(asking.map(entry => entry.threadId)).size, 4);
		const next = await merge.page({first: 10, after: page.nextCursor, order: 'ASC', totalCount: true});
		assert.equal(next.totalCount, undefined);
		const empty = server.addProject({name: 'No threads', threads: []});
		const none = await probe(empty.projectId).page({first: 10, order: 'ASC', totalCount: true});
		assert.equal(none.totalCount, 0);
		assert.deepEqual(ids(none), []);
		assert.equal(none.hasNextPage, false);
	});

	test('a thread gone since the list (404) is left out; any other failure fails the page in its words', async () => {
		const layout = interleaved(3, 4);
		const added = server.addProject({name: 'Gone', threads: layout});
		const gone = added.threadIds[1]!;
		server.setFaults([{route: `/thread/${gone}/interaction`, status: 404}]);
		try {
			const page = await probe(added.projectId).page({first: 20, order: 'ASC'});
			assert.deepEqual(
				ids(page),
				oldestFirst(added.interactionIds, layout).filter(id => !added.interactionIds[1]!.includes(id)),
			);
			server.setFaults([{route: `/thread/${gone}/interaction`, status: 500}]);
			const failed = await probe(added.projectId, {attempts: 1})
				.page({first: 20, order: 'ASC'})
				.catch((error: unknown) => error);
			assert.ok(failed instanceof ApiError);
			assert.equal(failed.kind, 'server');
		} finally {
			server.clearFaults();
		}
	});
});
