import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Interaction, Page} from '../source/domain/types.ts';
import {rememberFilter, rememberedFilter} from '../source/lib/remembered-filters.ts';
import {
	currentRows,
	explorerReducer,
	initialExplorer,
	selected,
	type ExplorerState,
	type Viewport,
} from '../source/state/explorer.ts';
import {pageToFetch} from '../source/state/pages.ts';

const view: Viewport = {listHeight: 5, detailHeight: 8, detailLines: 40};
const size = 10;

function row(n: number): Interaction {
	return {
		id: `i${n}`,
		projectId: 'p',
		state: n % 4 === 0 ? 'Error' : 'Completed',
		createdAt: '2026-03-01T00:00:00Z',
		createdAtMs: 0,
		userInput: {role: 'user', content: []},
		artifactIds: [],
		raw: {},
	};
}

function page(index: number, pages: number): Page<Interaction> {
	const items = Array.from({length: size}, (_, k) => row(index * size + k));
	return {items, hasNextPage: index < pages - 1, hasPreviousPage: index > 0, nextCursor: items.at(-1)!.id};
}

const isError = (interaction: Interaction) => interaction.state === 'Error';
const load = (state: ExplorerState, index: number, pages = 6) =>
	explorerReducer(state, {type: 'loaded', page: index, data: page(index, pages), view});

test('a filter runs over loaded pages first, then asks for the next ones until a page of matches', () => {
	let state = load(initialExplorer(8, size), 0);
	state = explorerReducer(state, {type: 'move', delta: 3, view});
	state = explorerReducer(state, {
		type: 'set-filter',
		text: 'state:error',
		errorsOnly: false,
		predicate: isError,
	});
	assert.deepEqual(
		currentRows(state).map(r => r.id),
		['i0', 'i4', 'i8'],
	);
	assert.equal(state.filter?.scannedRows, 10);
	assert.equal(pageToFetch(state), 1, 'the scan wants page 1');
	state = load(state, 1);
	state = load(state, 2);
	state = load(state, 3);
	assert.equal(state.filter?.matches.length, 10);
	assert.equal(pageToFetch(state), undefined, 'a page of matches found: the scan pauses');
	assert.equal(selected(state)?.id, 'i0');
});

test('] in a filter scans for more and lands on the first new match; the end stops it', () => {
	let state = load(initialExplorer(8, size), 0);
	state = explorerReducer(state, {type: 'set-filter', text: '', errorsOnly: true, predicate: isError});
	for (let n = 1; n <= 3; n++) state = load(state, n);
	state = explorerReducer(state, {type: 'jump', to: 'last', view});
	state = explorerReducer(state, {type: 'page', delta: 1, view});
	assert.equal(pageToFetch(state), 4);
	state = load(state, 4);
	state = load(state, 5);
	assert.equal(state.filter?.done, true);
	assert.equal(state.filter?.matches.length, 15);
	assert.equal(state.cursor, 10, 'the cursor landed on the first match of the new batch');
	assert.equal(pageToFetch(state), undefined);
});

test('clearing the filter goes back to the page and row the user left', () => {
	let state = load(initialExplorer(8, size), 0);
	state = explorerReducer(state, {type: 'move', delta: 6, view});
	state = explorerReducer(state, {type: 'set-filter', text: 'x', errorsOnly: false, predicate: isError});
	state = explorerReducer(state, {type: 'move', delta: 1, view});
	state = explorerReducer(state, {type: 'set-filter', text: '', errorsOnly: false});
	assert.equal(state.filter, undefined);
	assert.equal(selected(state)?.id, 'i6');
});

test('typing a line is kept in state, so a fast chunk reads the latest text', () => {
	let state = initialExplorer();
	state = explorerReducer(state, {type: 'input-start', kind: 'filter', text: ''});
	for (const char of 'tokens>5') state = explorerReducer(state, {type: 'input-type', text: char});
	state = explorerReducer(state, {type: 'input-erase'});
	assert.deepEqual(state.input, {kind: 'filter', text: 'tokens>'});
});

test('the last filter is remembered per project across runs, and a broken file is no filter', () => {
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'zylon-filters-')), 'nested', 'filters.json');
	assert.equal(rememberedFilter('p1/*', file), undefined);
	rememberFilter('p1/*', 'state:error', true, file);
	rememberFilter('p2/t', 'model:x', false, file);
	assert.deepEqual(rememberedFilter('p1/*', file), {text: 'state:error', errorsOnly: true});
	rememberFilter('p1/*', '', false, file);
	assert.equal(rememberedFilter('p1/*', file), undefined);
	assert.deepEqual(rememberedFilter('p2/t', file), {text: 'model:x', errorsOnly: false});
});
