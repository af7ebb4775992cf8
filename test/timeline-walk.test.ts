// The project timeline walked as a user pages: a random run of next and previous pages from either end, each
// page's cursor taken from the page before. Every page must be the next slice of the independently sorted rows,
// and its hasPreviousPage / hasNextPage must say whether rows lie before and after it. Zigzags make
// cursors from cursors (a backward page from a forward gap, and back), which a walk one way never does.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {TimelineSessions} from '../source/api/timeline.ts';
import type {PageOrder, PageRequest} from '../source/domain/types.ts';
import {ids, timelineDemo} from './helpers/timeline-probe.ts';
import {allRows, layoutArb, sorted, threadsOf} from './helpers/timeline-rows.ts';

const demo = timelineDemo();

test('property: any walk of next and previous pages shows the sorted rows in slices, with exact flags', async () => {
	let serial = 0;
	await fc.assert(
		fc.asyncProperty(
			layoutArb,
			fc.integer({min: 1, max: 7}),
			fc.constantFrom<PageOrder>('ASC', 'DESC'),
			fc.boolean(),
			fc.array(fc.boolean(), {minLength: 1, maxLength: 10}),
			fc.boolean(),
			async (layout, size, order, fromEnd, moves, kept) => {
				const added = demo.server.addProject({name: `Walk ${serial++}`, threads: threadsOf(layout)});
				const expected = sorted(await allRows(demo.server, added.threadIds), order);
				const n = expected.length;
				const merge = demo.probe(added.projectId, kept ? {sessions: new TimelineSessions()} : {});
				let request: PageRequest = fromEnd ? {last: size, order} : {first: size, order};
				let [start, end] = fromEnd ? [Math.max(0, n - size), n] : [0, Math.min(size, n)];
				const path: string[] = [fromEnd ? 'last' : 'first'];
				for (const forward of moves) {
					const page = await merge.page(request);
					const where = `${path.join(' ')} (${n} rows, pages of ${size})`;
					assert.deepEqual(ids(page), expected.slice(start, end), where);
					// A thread never asked (a full page needs no more of it) may hold rows on either side: a flag may
					// be true with no rows there ("maybe", and the page it leads to is empty), never false with rows.
					// An empty page claims nothing ahead, and a first page nothing behind.
					const backward = request.last !== undefined;
					const [near, far] = backward
						? [page.hasNextPage, page.hasPreviousPage]
						: [page.hasPreviousPage, page.hasNextPage];
					const [nearRows, farRows] = backward ? [end < n, start > 0] : [start > 0, end < n];
					if (nearRows) assert.equal(near, true, `${where}: rows behind the cursor`);
					if (farRows) assert.equal(far, true, `${where}: rows ahead`);
					if (page.items.length === 0) assert.equal(far, false, `${where}: an empty page`);
					if (path.length === 1) assert.equal(near, false, `${where}: a first page`);
					// Go the way asked where there is one, else the other way; a page with neither ends the walk.
					if (!page.hasNextPage && !page.hasPreviousPage) break;
					const ahead = forward ? page.hasNextPage : !page.hasPreviousPage;
					if (ahead) {
						request = {first: size, after: page.nextCursor, order};
						[start, end] = [end, Math.min(n, end + size)];
					} else {
						request = {last: size, before: page.previousCursor, order};
						[start, end] = [Math.max(0, start - size), start];
					}
					path.push(ahead ? 'next' : 'prev');
				}
			},
		),
		{numRuns: 60},
	);
});
