import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Interaction, Page} from '../source/domain/types.ts';
import {
	currentRows,
	explorerReducer,
	initialExplorer,
	selected,
	shownTab,
	type ExplorerState,
	type Viewport,
} from '../source/state/explorer.ts';
import {keepInView} from '../source/state/window.ts';
import {matchesFilter, initialPicker, pickerReducer} from '../source/state/picker.ts';

const view: Viewport = {listHeight: 10, detailHeight: 8, detailLines: 100};

function row(n: number, state = 'Completed'): Interaction {
	return {
		id: `i${n}`,
		projectId: 'p',
		state,
		createdAt: '2026-03-01T00:00:00Z',
		createdAtMs: 0,
		userInput: {role: 'user', content: []},
		artifactIds: [],
		raw: {},
	};
}

function page(from: number, size: number, hasNextPage: boolean, totalCount?: number): Page<Interaction> {
	const items = Array.from({length: size}, (_, k) =>
		row(from + k, (from + k) % 7 === 3 ? 'Error' : 'Completed'),
	);
	return {items, hasNextPage, hasPreviousPage: from > 0, nextCursor: items.at(-1)?.id, totalCount};
}

const load = (state: ExplorerState, index: number, data: Page<Interaction>) =>
	explorerReducer(state, {type: 'loaded', page: index, data, view});

test('the first page lands with the cursor on its first row', () => {
	const state = load(initialExplorer(), 0, page(0, 50, true, 120));
	assert.equal(state.want, undefined);
	assert.equal(currentRows(state).length, 50);
	assert.equal(selected(state)?.id, 'i0');
	assert.equal(state.cache.totalCount, 120);
});

test('a burst of 20 moves applies every one of them, and the window follows the cursor', () => {
	let state = load(initialExplorer(), 0, page(0, 50, true));
	for (let k = 0; k < 20; k++) state = explorerReducer(state, {type: 'move', delta: 1, view});
	assert.equal(state.cursor, 20);
	assert.equal(state.top, 11);
	assert.equal(selected(state)?.id, 'i20');
});

test('moving past the last row goes to the prefetched next page at once, and back again', () => {
	let state = load(initialExplorer(), 0, page(0, 50, true));
	state = load(state, 1, page(50, 50, false));
	state = explorerReducer(state, {type: 'jump', to: 'last', view});
	state = explorerReducer(state, {type: 'move', delta: 1, view});
	assert.equal(state.page, 1);
	assert.equal(selected(state)?.id, 'i50');
	state = explorerReducer(state, {type: 'move', delta: -1, view});
	assert.equal(state.page, 0);
	assert.equal(selected(state)?.id, 'i49');
	assert.equal(state.top, 40);
});

test('a page not yet loaded is wanted while the current one stays on screen', () => {
	let state = load(initialExplorer(), 0, page(0, 50, true));
	state = explorerReducer(state, {type: 'page', delta: 1, view});
	assert.deepEqual(state.want, {page: 1, row: 'first'});
	assert.equal(state.page, 0);
	assert.equal(currentRows(state).length, 50);
	state = load(state, 1, page(50, 50, true));
	assert.equal(state.page, 1);
	assert.equal(state.want, undefined);
});

test('the next page stops at the last page, and the previous page at the first', () => {
	let state = load(initialExplorer(), 0, page(0, 50, false));
	assert.equal(explorerReducer(state, {type: 'page', delta: 1, view}), state);
	assert.equal(explorerReducer(state, {type: 'page', delta: -1, view}), state);
	state = explorerReducer(state, {type: 'move', delta: 500, view});
	assert.equal(state.cursor, 49);
});

test('the cache stays bounded and an evicted page is fetched again by its cursor', () => {
	let state = load(initialExplorer(3), 0, page(0, 10, true));
	for (let n = 1; n < 6; n++) {
		state = explorerReducer(state, {type: 'page', delta: 1, view});
		state = load(state, n, page(n * 10, 10, true));
	}

	assert.equal(state.page, 5);
	assert.ok(state.cache.pages.size <= 3);
	assert.equal(state.cache.pages.has(0), false);
	assert.equal(state.cache.afterCursors[1], 'i9');
	state = explorerReducer(state, {type: 'page', delta: -1, view});
	assert.equal(state.page, 4);
});

test('a failed request for the wanted page is an error; a failed prefetch is not', () => {
	let state = load(initialExplorer(), 0, page(0, 50, true));
	state = explorerReducer(state, {type: 'failed', page: 1, message: 'prefetch failed'});
	assert.equal(state.error, undefined);
	state = explorerReducer(state, {type: 'page', delta: 1, view});
	state = explorerReducer(state, {type: 'failed', page: 1, message: 'No answer within 15 s'});
	assert.equal(state.error?.message, 'No answer within 15 s');
	state = explorerReducer(state, {type: 'reload'});
	assert.equal(state.error, undefined);
	assert.equal(state.want?.page, 1);
	assert.equal(currentRows(state).length, 50, 'the old rows stay visible while reloading');
});

test('an Error interaction opens on the errors tab until the user picks a tab', () => {
	let state = load(initialExplorer(), 0, page(0, 50, true));
	state = explorerReducer(state, {type: 'move', delta: 3, view});
	assert.equal(selected(state)?.state, 'Error');
	assert.equal(shownTab(state), 'errors');
	state = explorerReducer(state, {type: 'tab', tab: 'params'});
	assert.equal(shownTab(state), 'params');
	state = explorerReducer(state, {type: 'move', delta: 1, view});
	assert.equal(shownTab(state), 'params');
});

test('with the detail focused, keys scroll the detail within its lines', () => {
	let state = load(initialExplorer(), 0, page(0, 50, true));
	state = explorerReducer(state, {type: 'focus'});
	assert.equal(state.focus, 'detail');
	state = explorerReducer(state, {type: 'page', delta: 1, view});
	assert.equal(state.scroll, 7);
	state = explorerReducer(state, {type: 'jump', to: 'last', view});
	assert.equal(state.scroll, 92);
	state = explorerReducer(state, {type: 'move', delta: 5, view});
	assert.equal(state.scroll, 92);
	assert.equal(state.cursor, 0, 'the list cursor did not move');
});

test('keepInView keeps the cursor in view with the least movement', () => {
	assert.equal(keepInView(0, 5, 10, 100), 0);
	assert.equal(keepInView(0, 10, 10, 100), 1);
	assert.equal(keepInView(50, 40, 10, 100), 40);
	assert.equal(keepInView(95, 99, 10, 100), 90);
});

test('the picker filters by words and moves by every key', () => {
	let state = pickerReducer(initialPicker, {type: 'filter-start'});
	state = pickerReducer(state, {type: 'filter-edit', edit: {type: 'type', text: 'cus'}});
	assert.equal(state.filter, 'cus');
	assert.ok(matchesFilter(state.filter, 'Customer Insights'));
	assert.ok(!matchesFilter('load xyz', 'Load Test Bench'));
	for (let k = 0; k < 5; k++) state = pickerReducer(state, {type: 'move', delta: 1, total: 3, height: 2});
	assert.equal(state.cursor, 2);
	assert.equal(state.top, 1);
});
