// The next-cursor rule, once for every list that pages forward (the selectors, the interaction list's page
// cache, export, the thread walk of a project): the server's cursor, else the last item's id, and nothing
// once the server says there is no next page.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nextAfter, type Page} from '../source/domain/types.ts';

const page = (ids: string[], more: boolean, nextCursor?: string): Page<{id: string}> => ({
	items: ids.map(id => ({id})),
	hasNextPage: more,
	hasPreviousPage: false,
	...(nextCursor === undefined ? {} : {nextCursor}),
});

test("the server's cursor when it sends one", () => {
	assert.equal(nextAfter(page(['a', 'b'], true, 'cur-9')), 'cur-9');
});

test("more without a cursor: the last item's id", () => {
	assert.equal(nextAfter(page(['a', 'b'], true)), 'b');
});

test('no next page: nothing, even when the server sent a cursor', () => {
	assert.equal(nextAfter(page(['a', 'b'], false, 'cur-9')), undefined);
	assert.equal(nextAfter(page(['a', 'b'], false)), undefined);
});

test('more, but neither a cursor nor an item: nothing to go on, so it stops', () => {
	assert.equal(nextAfter(page([], true)), undefined);
});
