// The project timeline (api/timeline.ts) against the demo server on the current routes only: a property over
// random thread layouts, page sizes and directions (paging equals sorting every row; no row lost or repeated
// across cursors), and the laziness and cursor rules one example at a time.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import fc from 'fast-check';
import {createClient} from '../source/api/client.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import type {Interaction, Page, PageOrder, PageRequest} from '../source/domain/types.ts';
import {demoConnection} from './helpers/demo.ts';
import {T0} from './helpers/timeline-probe.ts';
import {allRows, layoutArb, sorted, threadsOf} from './helpers/timeline-rows.ts';

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
						const added = server.addProject({name: `Property ${serial++}`, threads: threadsOf(layout)});
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

	test("back past a thread's start and forward again: the row at the turn is shown, not dropped", async () => {
		// Found by the walk property (timeline-walk.test.ts): the cursor before a backward page carried that page's
		// edge, and the forward page after it dropped the thread's first row as if it had been shown.
		const added = server.addProject({
			name: 'Turn',
			threads: [
				{name: 'A', times: [T0 + 1000]},
				{name: 'B', times: [T0, T0]},
			],
		});
		const client = createClient(demoConnection(server), {generation: 'current'});
		const scope = {projectId: added.projectId};
		const order = 'DESC';
		const newestFirst = [added.interactionIds[0]![0]!, ...[...added.interactionIds[1]!].sort().reverse()];
		const seen: string[] = [];
		let page = await client.interactions(scope, {first: 1, order});
		for (const step of ['next', 'next', 'prev', 'prev', 'next', 'next'] as const) {
			seen.push(page.items[0]!.id);
			page =
				step === 'next'
					? await client.interactions(scope, {first: 1, after: page.nextCursor, order})
					: await client.interactions(scope, {last: 1, before: page.previousCursor, order});
		}
		seen.push(page.items[0]!.id);
		const [a, b1, b2] = newestFirst;
		assert.deepEqual(seen, [a, b1, b2, b1, a, b1, b2]);
	});

	test('oldest first, a thread created at the instant of its first row is read before a tie in another thread', async () => {
		// Equal times sort by id, and the first thread's row has the smaller id: its thread, bounded below by
		// its created_at, must be read before the other thread's row is taken.
		const added = server.addProject({
			name: 'Same instant',
			threads: [
				{name: 'Born at T0', createdAtMs: T0, times: [T0]},
				{name: 'Born earlier', createdAtMs: T0 - 3_600_000, times: [T0]},
			],
		});
		const [first, second] = [added.interactionIds[0]![0]!, added.interactionIds[1]![0]!];
		assert.ok(first < second);
		const client = createClient(demoConnection(server), {generation: 'current'});
		const page = await client.interactions({projectId: added.projectId}, {first: 2, order: 'ASC'});
		assert.deepEqual(
			page.items.map(item => item.id),
			[first, second],
		);
	});

	test('a last page keeps a cursor after it, with nothing there yet; an empty project gives none', async () => {
		const added = server.addProject({
			name: 'Tail',
			threads: [{name: 'Only', times: [T0, T0 + 1000, T0 + 2000]}],
		});
		const client = createClient(demoConnection(server), {generation: 'current'});
		const scope = {projectId: added.projectId};
		const last = await client.interactions(scope, {last: 2, order: 'ASC'});
		assert.deepEqual(
			last.items.map(item => item.id),
			added.interactionIds[0]!.slice(1),
		);
		assert.equal(last.hasNextPage, false);
		assert.notEqual(last.nextCursor, undefined);
		const beyond = await client.interactions(scope, {first: 2, after: last.nextCursor, order: 'ASC'});
		assert.deepEqual(beyond.items, []);
		assert.equal(beyond.hasNextPage, false);
		const empty = server.addProject({name: 'Empty tail', threads: []});
		const none = await client.interactions({projectId: empty.projectId}, {last: 2, order: 'ASC'});
		assert.deepEqual(none.items, []);
		assert.equal(none.nextCursor, undefined);
		assert.equal(none.previousCursor, undefined);
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
