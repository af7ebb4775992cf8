// What a page of the project timeline costs and what it keeps (api/timeline.ts), seen through the thread
// requests it sends (helpers/timeline-probe.ts). timeline.test.ts holds the order property; this file the
// economy (requests, rounds, concurrency, sizes), the updated_at hint, totals and failures;
// timeline-sessions.test.ts the readers kept between pages.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ApiError} from '../source/api/errors.ts';
import {TimelineSessions, type TimelineHints} from '../source/api/timeline.ts';
import type {AddedThread} from '../source/demo/index.ts';
import {
	ids,
	interleaved,
	oldestFirst,
	planOf,
	threadList,
	timelineDemo,
	T0,
} from './helpers/timeline-probe.ts';

const demo = timelineDemo();
const {probe} = demo;

/** Two threads of ten rows, Recent's 100 s after Old's: newest first with updated_at, Old is not read at first. */
const oldAndRecent: AddedThread[] = [
	{name: 'Old', times: Array.from({length: 10}, (_, i) => T0 + i * 1000)},
	{name: 'Recent', times: Array.from({length: 10}, (_, i) => T0 + 100_000 + i * 1000)},
];

/** Every id of a walk forward in pages of 5, in the order shown. */
async function walkIds(merge: ReturnType<typeof probe>, order: 'ASC' | 'DESC'): Promise<string[]> {
	const shown: string[] = [];
	let page = await merge.page({first: 5, order});
	shown.push(...ids(page));
	for (let count = 0; page.hasNextPage && count < 20; count++) {
		page = await merge.page({first: 5, after: page.nextCursor, order});
		shown.push(...ids(page));
	}
	return shown;
}

describe('what a page costs', () => {
	test('every thread needed at once: each is asked once, for no more than the page, in two rounds', async () => {
		const layout = interleaved(8, 20);
		const added = demo.server.addProject({name: 'Economy', threads: layout});
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
		const added = demo.server.addProject({name: 'Capped', threads: layout});
		const merge = probe(added.projectId, {concurrency: 3});
		const page = await merge.page({first: 30, order: 'ASC'});
		assert.deepEqual(ids(page), oldestFirst(added.interactionIds, layout).slice(0, 30));
		assert.equal(merge.maxInFlight(), 3);
		assert.ok(merge.rounds() >= 3, `${merge.rounds()} rounds for 7 threads 3 at a time`);
	});

	test('a page larger than one thread page: requests stay under the rows the page still needs', async () => {
		const layout = interleaved(4, 60);
		const added = demo.server.addProject({name: 'Large page', threads: layout});
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

describe('the updated_at hint', () => {
	test('a row newer than its thread says turns the bound off; the next first page puts it first', async () => {
		const added = demo.server.addProject({name: 'Stale list', threads: oldAndRecent});
		const stale = await threadList(demo.server, added.projectId);
		// A new row in the old thread, after the list was read: its updated_at now lags behind it.
		const newest = demo.server.addInteraction(added.threadIds[0]!);
		const hints: TimelineHints = {trustUpdatedAt: true};
		const merge = probe(added.projectId, {threads: stale, hints});
		await merge.page({first: 12, order: 'DESC'});
		assert.equal(hints.trustUpdatedAt, false, 'the hint is off once the row was seen');
		const again = await merge.page({first: 3, order: 'DESC'});
		assert.equal(ids(again)[0], newest);
	});

	test('rows a thread hid behind its record stay out of the pages after the first: each page follows on in order', async () => {
		// Newest first, the stale updated_at hides Old's new row from the first page; oldest first, a created_at
		// later than the thread's rows hides them. Either way the hidden rows belong before the first page's
		// cursor: later pages drop them, and the walk stays in order.
		const hiding = demo.server.addProject({name: 'Hidden newest', threads: oldAndRecent});
		const stale = await threadList(demo.server, hiding.projectId);
		demo.server.addInteraction(hiding.threadIds[0]!);
		const shown = await walkIds(probe(hiding.projectId, {threads: stale}), 'DESC');
		assert.deepEqual(shown, oldestFirst(hiding.interactionIds, oldAndRecent).reverse());

		const oldestFirstLayout: AddedThread[] = [
			{name: 'Recorded late', createdAtMs: T0 + 50_000, times: [T0 + 500, T0 + 1500]},
			{name: 'Steady', createdAtMs: T0 - 1000, times: Array.from({length: 10}, (_, i) => T0 + i * 1000)},
		];
		const late = demo.server.addProject({name: 'Hidden oldest', threads: oldestFirstLayout});
		const ascending = await walkIds(probe(late.projectId), 'ASC');
		assert.deepEqual(ascending, late.interactionIds[1]);
	});

	test('while updated_at holds, newest first reads only the threads whose rows can make the page', async () => {
		const added = demo.server.addProject({name: 'Fresh list', threads: oldAndRecent});
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
		const added = demo.server.addProject({name: 'Totals', threads: layout});
		const merge = probe(added.projectId);
		const page = await merge.page({first: 10, order: 'ASC', totalCount: true});
		assert.equal(page.totalCount, 36);
		const asking = merge.requests.filter(({request}) => request.totalCount === true);
		assert.equal(asking.length, 4);
		assert.equal(new Set(asking.map(entry => entry.threadId)).size, 4);
		const next = await merge.page({first: 10, after: page.nextCursor, order: 'ASC', totalCount: true});
		assert.equal(next.totalCount, undefined);
		const empty = demo.server.addProject({name: 'No threads', threads: []});
		const none = await probe(empty.projectId).page({first: 10, order: 'ASC', totalCount: true});
		assert.equal(none.totalCount, 0);
		assert.deepEqual(ids(none), []);
		assert.equal(none.hasNextPage, false);
	});

	test('a total is only given when every thread was asked: a lazy first page, a kept reader, no threads', async () => {
		// Thread k is created at hour k: the first ten rows are thread 0's, and the other seven are never asked.
		const hours: AddedThread[] = Array.from({length: 8}, (_, k) => ({
			name: `Hour ${k}`,
			createdAtMs: T0 + k * 3_600_000,
			times: Array.from({length: 10}, (_, i) => T0 + k * 3_600_000 + i * 60_000),
		}));
		const lazy = demo.server.addProject({name: 'Lazy total', threads: hours});
		const lazyPage = await probe(lazy.projectId).page({first: 10, order: 'ASC', totalCount: true});
		assert.equal(lazyPage.items.length, 10);
		assert.equal(lazyPage.totalCount, undefined);
		// Readers kept from a page that asked keep their totals; the page after did not ask, and gets none.
		const every = demo.server.addProject({name: 'Kept total', threads: interleaved(3, 6)});
		const merge = probe(every.projectId, {sessions: new TimelineSessions()});
		const first = await merge.page({first: 5, order: 'ASC', totalCount: true});
		assert.equal(first.totalCount, 18);
		merge.reset();
		const next = await merge.page({first: 5, after: first.nextCursor, order: 'ASC'});
		assert.deepEqual(merge.requests, []);
		assert.equal(next.totalCount, undefined);
		const empty = demo.server.addProject({name: 'No threads, no total asked', threads: []});
		assert.equal((await probe(empty.projectId).page({first: 10, order: 'ASC'})).totalCount, undefined);
	});

	test('a total survives a thread read twice for one page, and each thread is asked for it once', async () => {
		// All four created together: the first round reads each for 20 rows; Busy's 100 run out before the other
		// three's late rows, so the second round reads Busy again, without asking its total again.
		const layout: AddedThread[] = [
			{name: 'Busy', createdAtMs: T0 - 1000, times: Array.from({length: 100}, (_, i) => T0 + i * 1000)},
			...[1, 2, 3].map(k => ({
				name: `Late ${k}`,
				createdAtMs: T0 - 1000,
				times: [T0 + 1_000_000 + k * 1000],
			})),
		];
		const added = demo.server.addProject({name: 'Read twice', threads: layout});
		const merge = probe(added.projectId);
		const page = await merge.page({first: 40, order: 'ASC', totalCount: true});
		assert.deepEqual(ids(page), added.interactionIds[0]!.slice(0, 40));
		assert.equal(page.totalCount, 103);
		assert.deepEqual(
			planOf(added.threadIds, merge.requests, merge.rounds()),
			'0:f20# 1:f20# 2:f20# 3:f20# 0:f20@ r2',
		);
	});

	test(
		'a thread that says "more" while sending nothing is asked once each way; the page is the others\' rows',
		{timeout: 20_000},
		async () => {
			const layout = interleaved(3, 4);
			const added = demo.server.addProject({name: 'Empty more', threads: layout});
			const liar = added.threadIds[1]!;
			demo.server.setFaults([{route: `/thread/${liar}/interaction`, body: 'empty-more'}]);
			try {
				const others = oldestFirst(added.interactionIds, layout).filter(
					id => !added.interactionIds[1]!.includes(id),
				);
				for (const backward of [false, true]) {
					const merge = probe(added.projectId);
					const page = await merge.page(backward ? {last: 20, order: 'ASC'} : {first: 20, order: 'ASC'});
					assert.deepEqual(ids(page), others);
					assert.equal(merge.requests.filter(entry => entry.threadId === liar).length, 1);
				}
			} finally {
				demo.server.clearFaults();
			}
		},
	);

	test('a thread gone since the list (404) is left out; any other failure fails the page in its words', async () => {
		const layout = interleaved(3, 4);
		const added = demo.server.addProject({name: 'Gone', threads: layout});
		const gone = added.threadIds[1]!;
		demo.server.setFaults([{route: `/thread/${gone}/interaction`, status: 404}]);
		try {
			const page = await probe(added.projectId).page({first: 20, order: 'ASC'});
			assert.deepEqual(
				ids(page),
				oldestFirst(added.interactionIds, layout).filter(id => !added.interactionIds[1]!.includes(id)),
			);
			demo.server.setFaults([{route: `/thread/${gone}/interaction`, status: 500}]);
			const failed = await probe(added.projectId, {attempts: 1})
				.page({first: 20, order: 'ASC'})
				.catch((error: unknown) => error);
			assert.ok(failed instanceof ApiError);
			assert.equal(failed.kind, 'server');
		} finally {
			demo.server.clearFaults();
		}
	});
});

describe('first pages', () => {
	test('a first page reads the thread list again: a row added since is first, newest first', async () => {
		const layout: AddedThread[] = [
			{name: 'Quiet', times: Array.from({length: 5}, (_, i) => T0 + i * 1000)},
			{name: 'Busy', times: Array.from({length: 5}, (_, i) => T0 + 100_000 + i * 1000)},
		];
		const added = demo.server.addProject({name: 'Relist', threads: layout});
		const merge = probe(added.projectId);
		await merge.page({first: 3, order: 'DESC'});
		// The quiet thread's updated_at moves with the new row only in a list read after it.
		const newest = demo.server.addInteraction(added.threadIds[0]!);
		const page = await merge.page({first: 3, order: 'DESC'});
		assert.equal(ids(page)[0], newest);
	});

	test('no order given: oldest first, as the server pages', async () => {
		const layout = interleaved(2, 4);
		const added = demo.server.addProject({name: 'No order', threads: layout});
		const page = await probe(added.projectId).page({first: 5});
		assert.deepEqual(ids(page), oldestFirst(added.interactionIds, layout).slice(0, 5));
	});
});
