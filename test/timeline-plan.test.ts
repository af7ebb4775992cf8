// The request plan of the project timeline, pinned: which threads each page asks, for how many rows, in how
// many rounds. A round is a latency paid, a row asked for is a row parsed: this is what All threads and the
// overview cost over the network (bench: "first page of All threads"). A change here is a decision about that
// cost: re-derive the plan by hand and update it, do not just paste the new output.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {TimelineSessions} from '../source/api/timeline.ts';
import {startDemoServer, type AddedThread, type DemoServer} from '../source/demo/index.ts';
import type {PageOrder, PageRequest} from '../source/domain/types.ts';
import {ids, interleaved, oldestFirst, planOf, probe, T0} from './helpers/timeline-probe.ts';

let server: DemoServer;
before(async () => {
	server = await startDemoServer({generation: 'current', interactions: 50});
});
after(() => server.close());

/** Walks every page; each page's plan, and every id in walking order. */
async function walk(
	layout: AddedThread[],
	size: number,
	order: PageOrder,
	how: {backward?: boolean; sessions?: boolean; concurrency?: number} = {},
) {
	const added = server.addProject({name: `Plan ${size}${order}`, threads: layout});
	const merge = probe(server, added.projectId, {
		...(how.sessions ? {sessions: new TimelineSessions()} : {}),
		...(how.concurrency === undefined ? {} : {concurrency: how.concurrency}),
	});
	let request: PageRequest = how.backward ? {last: size, order} : {first: size, order};
	const plans: string[] = [];
	const walked: string[] = [];
	for (let count = 0; count < 30; count++) {
		merge.reset();
		const page = await merge.page(request);
		plans.push(`[${page.items.length}] ${planOf(added.threadIds, merge.requests, merge.rounds())}`);
		walked.push(...(how.backward ? ids(page).reverse() : ids(page)));
		if (!(how.backward ? page.hasPreviousPage : page.hasNextPage)) break;
		request = how.backward
			? {last: size, before: page.previousCursor, order}
			: {first: size, after: page.nextCursor, order};
	}
	const ascending = oldestFirst(added.interactionIds, layout);
	const expected = (order === 'ASC') === !how.backward ? ascending : [...ascending].reverse();
	assert.deepEqual(walked, expected);
	return plans;
}

// Three threads of 40, 8 and 25 rows over the same two minutes, at different rates.
const uneven: AddedThread[] = [
	{name: 'A', times: Array.from({length: 40}, (_, i) => T0 + i * 1000)},
	{name: 'B', times: Array.from({length: 8}, (_, i) => T0 + i * 5000)},
	{name: 'C', times: Array.from({length: 25}, (_, i) => T0 + 500 + i * 1600)},
];

test('oldest first: the earliest-created thread alone, then the rest together; kept readers page on for free', async () => {
	// Thread 0 holds the first row, so it is read first, ten rows (the least worth a request); the other two
	// could hold the second row, and are read in the next round. The seven pages after need no request.
	assert.deepEqual(await walk(interleaved(3, 10), 4, 'ASC', {sessions: true}), [
		'[4] 0:f10 1:f10 2:f10 r2',
		...Array.from({length: 6}, () => '[4] r0'),
		'[2] r0',
	]);
});

test('from a cursor alone (no kept readers): each thread read from its own cursor, skipping what was taken', async () => {
	assert.deepEqual(await walk(interleaved(3, 10), 4, 'ASC'), [
		'[4] 0:f10 1:f10 2:f10 r2',
		'[4] 0:f11@ 1:f10@ 2:f10@ r2',
		'[4] 0:f12@ 1:f12@ 2:f11@ r2',
		'[4] 0:f13@ 1:f13@ 2:f13@ r2',
		'[4] 0:f15@ 1:f14@ 2:f14@ r2',
		'[4] 0:f16@ 1:f16@ 2:f15@ r2',
		'[4] 0:f17@ 1:f17@ 2:f17@ r2',
		'[2] 1:f18@ 2:f18@ r2',
	]);
});

test('backward from the end mirrors it: last rows, the latest thread first', async () => {
	assert.deepEqual(await walk(interleaved(3, 10), 4, 'ASC', {backward: true}), [
		'[4] 2:l10 1:l10 0:l10 r2',
		'[4] 2:l11@ 1:l10@ 0:l10@ r2',
		'[4] 2:l12@ 1:l12@ 0:l11@ r2',
		'[4] 2:l13@ 1:l13@ 0:l13@ r2',
		'[4] 2:l15@ 1:l14@ 0:l14@ r2',
		'[4] 2:l16@ 1:l16@ 0:l15@ r2',
		'[4] 2:l17@ 1:l17@ 0:l17@ r2',
		'[2] 1:l18@ 0:l18@ r2',
	]);
});

test('uneven threads: a reader about to run dry is topped up in a round that goes out anyway', async () => {
	assert.deepEqual(await walk(uneven, 15, 'ASC', {sessions: true}), [
		'[15] 0:f15 1:f15 2:f15 r2',
		'[15] 0:f10@ 2:f10@ r1',
		'[15] r0',
		'[15] 0:f15@ r1',
		'[13] r0',
	]);
});

test('newest first with updated_at: one thread per round until the page is sure, then top-ups', async () => {
	assert.deepEqual(await walk(uneven, 15, 'DESC', {sessions: true}), [
		'[15] 0:f15 2:f14 1:f10 r3',
		'[15] 0:f10@ 2:f10@ r1',
		'[15] r0',
		'[15] 0:f15@ 2:f15@ r1',
		'[13] r0',
	]);
	assert.deepEqual(await walk(uneven, 15, 'DESC'), [
		'[15] 0:f15 2:f14 1:f10 r3',
		'[15] 0:f23@ 2:f19@ 1:f15@ r2',
		'[15] 0:f31@ 2:f24@ 1:f17@ r2',
		'[15] 0:f39@ 2:f29@ 1:f19@ r2',
		'[13] 0:f47@ 2:f35@ 1:f20@ r2',
	]);
});

test('back and forth from cursors alone: the rows next to each gap are first read the other way', async () => {
	const layout = interleaved(3, 10);
	const added = server.addProject({name: 'Back and forth', threads: layout});
	const merge = probe(server, added.projectId);
	const all = oldestFirst(added.interactionIds, layout);
	const step = async (request: PageRequest) => {
		merge.reset();
		const page = await merge.page(request);
		const rows = ids(page).map(id => all.indexOf(id));
		const flags = `${page.hasPreviousPage ? '<' : ''}${page.hasNextPage ? '>' : ''}`;
		return {
			page,
			line: `[${rows.join(',')}] ${flags} ${planOf(added.threadIds, merge.requests, merge.rounds())}`,
		};
	};
	const p1 = await step({first: 4, order: 'ASC', totalCount: true});
	const p2 = await step({first: 4, after: p1.page.nextCursor, order: 'ASC'});
	// Back from the end of the second page: its own rows again, each thread's rows before its gap bridged.
	const b1 = await step({last: 4, before: p2.page.nextCursor, order: 'ASC'});
	const b2 = await step({last: 4, before: b1.page.previousCursor, order: 'ASC'});
	const f1 = await step({first: 4, after: b2.page.nextCursor, order: 'ASC'});
	// From the cursor at the very end, backward: nothing after it.
	let end = p2;
	while (end.page.hasNextPage) end = await step({first: 4, after: end.page.nextCursor, order: 'ASC'});
	const bEnd = await step({last: 4, before: end.page.nextCursor, order: 'ASC'});
	assert.deepEqual(bEnd.line.split(' ').slice(0, 2), ['[26,27,28,29]', '<']);
	assert.deepEqual(
		[p1, p2, b1, b2, f1].map(step => step.line),
		[
			'[0,1,2,3] > 0:f10# 1:f10# 2:f10# r2',
			'[4,5,6,7] <> 0:f11@ 1:f10@ 2:f10@ r2',
			'[4,5,6,7] <> 2:f1@ 1:f2@ 0:f2@ 2:l10@ r2',
			'[0,1,2,3] > 2:l10@ 1:f1@ 0:f1@ 1:l10@ 0:l10@ r3',
			'[4,5,6,7] <> 0:f11@ 1:f10@ 2:l1@ 2:f10@ r3',
		],
	);
});

test('two requests at a time: the reader needed goes first, then the one lowest on rows', async () => {
	const five: AddedThread[] = [
		...uneven,
		{name: 'D', times: Array.from({length: 30}, (_, i) => T0 + 250 + i * 1300)},
		{name: 'E', times: Array.from({length: 12}, (_, i) => T0 + 750 + i * 3500)},
	];
	// The first page: the earliest thread, then the other four two by two (three rounds, not two). Later pages
	// top up two readers a round, the lowest first.
	assert.deepEqual(await walk(five, 12, 'ASC', {sessions: true, concurrency: 2}), [
		'[12] 0:f12 1:f12 3:f12 2:f12 4:f12 r3',
		'[12] r0',
		'[12] 0:f10@ 3:f10@ r1',
		'[12] r0',
		'[12] 2:f10@ 0:f10@ r1',
		'[12] r0',
		'[12] 3:f10@ 0:f10@ r1',
		'[12] r0',
		'[12] 2:f10@ r1',
		'[7] r0',
	]);
});
