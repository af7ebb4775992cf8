// The project timeline (api/timeline.ts) against the demo server on the current routes only: a property over
// random thread layouts, page sizes and directions (paging equals sorting every row; no row lost or repeated
// across cursors), and the laziness and cursor rules one example at a time.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import fc from 'fast-check';
import {createClient} from '../source/api/client.ts';
import {startDemoServer, type AddedThread, type DemoServer} from '../source/demo/index.ts';
import type {Interaction, Page, PageOrder, PageRequest} from '../source/domain/types.ts';
import {demoConnection} from './helpers/demo.ts';

const T0 = Date.UTC(2026, 1, 1);

type Row = {id: string; ms: number; thread: string};

/** Every row of the layout as the server holds it, fetched thread by thread with plain fetch. */
async function allRows(server: DemoServer, threadIds: readonly string[]): Promise<Row[]> {
	const rows: Row[] = [];
	for (const threadId of threadIds) {
		const response = await fetch(`${server.url}/api/v1/app/thread/${threadId}/interaction?first=1000`, {
			headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org},
		});
		const body = (await response.json()) as {data: {id: string; created_at: string}[]};
		for (const item of body.data) rows.push({id: item.id, ms: Date.parse(item.created_at), thread: threadId});
	}
	return rows;
}

/** The independent expectation: sort by created_at, ties by id, in the list's order. */
function sorted(rows: readonly Row[], order: PageOrder): string[] {
	const ascending = [...rows].sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return (order === 'ASC' ? ascending : ascending.reverse()).map(row => row.id);
}

async function pageThrough(
	fetchPage: (request: PageRequest) => Promise<Page<Interaction>>,
	size: number,
	order: PageOrder,
	backward: boolean,
): Promise<{ids: string[]; pages: Page<Interaction>[]}> {
	const pages: Page<Interaction>[] = [];
	let request: PageRequest = backward ? {last: size, order} : {first: size, order};
	for (let count = 0; count < 500; count++) {
		const page = await fetchPage(request);
		pages.push(page);
		assert.ok(page.items.length <= size, `a page of ${page.items.length} > ${size}`);
		const more = backward ? page.hasPreviousPage : page.hasNextPage;
		if (!more) break;
		request = backward
			? {last: size, before: page.previousCursor, order}
			: {first: size, after: page.nextCursor, order};
	}
	// What each page says of its neighbours: only the page the walk started on has nothing behind it, and
	// only the one it ended on has nothing ahead.
	pages.forEach((page, index) => {
		const behind = index > 0;
		const ahead = index < pages.length - 1;
		assert.equal(backward ? page.hasNextPage : page.hasPreviousPage, behind, `page ${index}: behind`);
		assert.equal(backward ? page.hasPreviousPage : page.hasNextPage, ahead, `page ${index}: ahead`);
		// (A backward walk's first page keeps a cursor after it: where rows that arrive later will be.)
		if (!behind && !backward) assert.equal(page.previousCursor, undefined);
	});
	const ordered = backward ? [...pages].reverse() : pages;
	return {ids: ordered.flatMap(page => page.items.map(item => item.id)), pages: ordered};
}

const layoutArb = fc.array(
	fc.record({
		// Small offsets in whole seconds: ties within and across threads are common.
		times: fc.array(fc.integer({min: 0, max: 60}), {maxLength: 18}),
		createdEarly: fc.boolean(),
	}),
	{minLength: 1, maxLength: 6},
);

for (const updatedAt of [true, false]) {
	describe(`timeline on current routes, threads ${updatedAt ? 'with' : 'without'} updated_at`, () => {
		let server: DemoServer;
		before(async () => {
			server = await startDemoServer({generation: 'current', interactions: 50, threadUpdatedAt: updatedAt});
		});
		after(() => server.close());

		test('property: paging either way equals sorting all rows; no row lost or repeated', async () => {
			let serial = 0;
			await fc.assert(
				fc.asyncProperty(
					layoutArb,
					fc.integer({min: 1, max: 12}),
					fc.constantFrom<PageOrder>('ASC', 'DESC'),
					fc.boolean(),
					async (layout, size, order, backward) => {
						const threads: AddedThread[] = layout.map((thread, t) => ({
							name: `Thread ${t}`,
							times: thread.times.map(offset => T0 + offset * 1000),
							...(thread.createdEarly ? {createdAtMs: T0 - 3_600_000} : {}),
						}));
						const added = server.addProject({name: `Property ${serial++}`, threads});
						const client = createClient(demoConnection(server), {generation: 'current', pageSize: size});
						const scope = {projectId: added.projectId};
						const expected = sorted(await allRows(server, added.threadIds), order);
						const walked = await pageThrough(page => client.interactions(scope, page), size, order, backward);
						assert.deepEqual(walked.ids, expected);
						// Every page but the far one is full.
						const inner = backward ? walked.pages.slice(1) : walked.pages.slice(0, -1);
						assert.ok(inner.every(page => page.items.length === size));
						// Each page's cursors lead back to its neighbours: the same page again, from either side.
						const pages = walked.pages;
						for (let index = 1; index < pages.length; index++) {
							const back = await client.interactions(scope, {
								last: size,
								before: pages[index]!.previousCursor,
								order,
							});
							assert.deepEqual(
								back.items.map(item => item.id),
								pages[index - 1]!.items.map(item => item.id),
							);
							const on = await client.interactions(scope, {
								first: size,
								after: pages[index - 1]!.nextCursor,
								order,
							});
							assert.deepEqual(
								on.items.map(item => item.id),
								pages[index]!.items.map(item => item.id),
							);
						}
						const names = new Map(added.threadIds.map((id, t) => [id, `Thread ${t}`]));
						for (const page of pages)
							for (const item of page.items) assert.equal(item.threadName, names.get(item.threadId ?? ''));
					},
				),
				{numRuns: 40},
			);
		});
	});
}

describe('timeline laziness and cursors', () => {
	let server: DemoServer;
	before(async () => {
		server = await startDemoServer({generation: 'current', interactions: 50});
	});
	after(() => server.close());

	const threadRequests = (from: number) =>
		server.log.slice(from).filter(entry => /\/v1\/app\/thread\/[^/]+\/interaction$/.test(entry.path));

	test('oldest first, threads created after the page is full are never fetched', async () => {
		// Thread k is created at hour k and holds ten rows in that hour: the first page of 10 needs thread 0 only.
		const added = server.addProject({
			name: 'Hours',
			threads: Array.from({length: 8}, (_, k) => ({
				name: `Hour ${k}`,
				createdAtMs: T0 + k * 3_600_000,
				times: Array.from({length: 10}, (_, i) => T0 + k * 3_600_000 + i * 60_000),
			})),
		});
		const client = createClient(demoConnection(server), {generation: 'current'});
		const start = server.log.length;
		const page = await client.interactions({projectId: added.projectId}, {first: 10, order: 'ASC'});
		assert.deepEqual(
			page.items.map(item => item.id),
			added.interactionIds[0],
		);
		const fetched = new Set(threadRequests(start).map(entry => entry.path.split('/')[5]));
		assert.deepEqual([...fetched], [added.threadIds[0]]);
	});

	test('newest first, updated_at lets the merge skip threads whose newest row is older than the page', async () => {
		const added = server.addProject({
			name: 'Hours newest',
			threads: Array.from({length: 8}, (_, k) => ({
				name: `Hour ${k}`,
				createdAtMs: T0 + k * 3_600_000,
				times: Array.from({length: 10}, (_, i) => T0 + k * 3_600_000 + i * 60_000),
			})),
		});
		const client = createClient(demoConnection(server), {generation: 'current'});
		const start = server.log.length;
		const page = await client.interactions({projectId: added.projectId}, {first: 10, order: 'DESC'});
		assert.deepEqual(
			page.items.map(item => item.id),
			[...added.interactionIds[7]!].reverse(),
		);
		const fetched = new Set(threadRequests(start).map(entry => entry.path.split('/')[5]));
		assert.deepEqual([...fetched], [added.threadIds[7]]);
	});

	test('a new row shows up on the next first page; an old cursor stays valid and in order', async () => {
		const added = server.addProject({
			name: 'Growing',
			threads: [{name: 'Only', times: Array.from({length: 6}, (_, i) => T0 + i * 1000)}],
		});
		const client = createClient(demoConnection(server), {generation: 'current'});
		const scope = {projectId: added.projectId};
		const first = await client.interactions(scope, {first: 3, order: 'DESC'});
		const threadId = added.threadIds[0]!;
		const newId = server.addInteraction(threadId);
		client.refreshThreads(added.projectId);
		const again = await client.interactions(scope, {first: 3, order: 'DESC'});
		assert.equal(again.items[0]?.id, newId);
		// The old cursor still lists the three older rows after the first page, not the new row.
		const second = await client.interactions(scope, {first: 3, after: first.nextCursor, order: 'DESC'});
		assert.deepEqual(
			second.items.map(item => item.id),
			[...added.interactionIds[0]!].reverse().slice(3),
		);
	});

	test('a cursor from the other sort order, or not ours, is refused in words', async () => {
		const client = createClient(demoConnection(server), {generation: 'current'});
		const scope = {projectId: server.fixtures.projects.incidentId};
		const page = await client.interactions(scope, {first: 5, order: 'DESC'});
		await assert.rejects(
			client.interactions(scope, {first: 5, after: page.nextCursor, order: 'ASC'}),
			/other sort order/,
		);
		await assert.rejects(
			client.interactions(scope, {first: 5, after: 'm.garbage', order: 'DESC'}),
			/Invalid page cursor/,
		);
	});
});
