// The readers a page of the project timeline keeps for the next (TimelineSessions in api/timeline.ts): paging
// on from them fetches nothing twice, they serve one direction only, and only the last few are kept.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {createClient} from '../source/api/client.ts';
import {TimelineSessions, type ThreadInfo} from '../source/api/timeline.ts';
import type {PageRequest} from '../source/domain/types.ts';
import {demoConnection} from './helpers/demo.ts';
import {ids, interleaved, oldestFirst, timelineDemo} from './helpers/timeline-probe.ts';

const demo = timelineDemo();
const {probe} = demo;

describe('sessions: paging on', () => {
	test('with kept readers, walking every page fetches each row once; without, rows are fetched again', async () => {
		const layout = interleaved(5, 12);
		const added = demo.server.addProject({name: 'Walk', threads: layout});
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
		const added = demo.server.addProject({name: 'Both ways', threads: layout});
		const merge = probe(added.projectId, {sessions: new TimelineSessions()});
		const first = await merge.page({first: 6, order: 'ASC'});
		const back = await merge.page({last: 6, before: first.nextCursor, order: 'ASC'});
		assert.deepEqual(ids(back), ids(first));
	});

	test('only the last few cursors are kept: an evicted one is read afresh, with the same page', async () => {
		const layout = interleaved(3, 10);
		const added = demo.server.addProject({name: 'Evicted', threads: layout});
		const sessions = new TimelineSessions(1);
		// One thread list for every page: only the eviction can send a page back to the demo.server.
		const merge = probe(added.projectId, {sessions, threads: await threadList(added.projectId)});
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

	test('a thread list read since the page (a first page refreshes it): the next page is read afresh', async () => {
		const layout = interleaved(3, 10);
		const added = demo.server.addProject({name: 'Relisted', threads: layout});
		const merge = probe(added.projectId, {sessions: new TimelineSessions()});
		const first = await merge.page({first: 4, order: 'ASC'});
		await merge.page({first: 2, order: 'DESC'});
		merge.reset();
		const next = await merge.page({first: 4, after: first.nextCursor, order: 'ASC'});
		assert.deepEqual(ids(next), oldestFirst(added.interactionIds, layout).slice(4, 8));
		assert.ok(merge.requests.length > 0, 'not from readers made with the old list');
	});
});

/** The project's threads as the merge needs them, read once. */
async function threadList(projectId: string): Promise<ThreadInfo[]> {
	const page = await createClient(demoConnection(demo.server), {generation: 'current'}).threads(projectId, {
		first: 100,
	});
	return page.items.map(thread => ({
		id: thread.id,
		name: thread.name,
		createdAtMs: thread.createdAtMs,
		updatedAtMs: thread.updatedAtMs,
	}));
}
