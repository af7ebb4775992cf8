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
import type {ScanProgress} from '../source/domain/scan-progress.ts';
import {filterStatus} from '../source/screens/explorer-layout.ts';
import {MAX_MATCHES} from '../source/state/filter-view.ts';
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

const progress = (rows: number, pages: number): ScanProgress => ({
	rows,
	pages,
	estimated: false,
	elapsedMs: 10,
	matches: 0,
});
const filterOn = (state: ExplorerState) =>
	explorerReducer(state, {type: 'set-filter', text: 'state:error', errorsOnly: false, predicate: isError});
const pageOf = (state: ExplorerState, matches: Interaction[], rows: number, pages: number) =>
	explorerReducer(state, {
		type: 'scan-page',
		run: state.filter!.run,
		matches,
		progress: progress(rows, pages),
	});

test('a filter shows no loaded rows of its own: its scan streams matches in, page by page', () => {
	let state = load(initialExplorer(8, size), 0);
	state = explorerReducer(state, {type: 'move', delta: 3, view});
	state = filterOn(state);
	assert.equal(state.filter?.status, 'running');
	assert.deepEqual(currentRows(state), [], 'the loaded page is not the answer: the scan is');
	assert.equal(pageToFetch(state), undefined, 'the list fetches no pages of its own while filtered');
	state = pageOf(state, [row(0), row(4)], 1000, 1);
	state = pageOf(state, [], 2000, 2);
	state = pageOf(state, [row(2004)], 3000, 3);
	assert.deepEqual(
		currentRows(state).map(r => r.id),
		['i0', 'i4', 'i2004'],
	);
	assert.equal(state.filter?.progress?.rows, 3000);
	assert.equal(selected(state)?.id, 'i0');
	state = explorerReducer(state, {
		type: 'scan-done',
		run: state.filter!.run,
		status: 'complete',
		progress: progress(3100, 4),
		boundHit: false,
	});
	assert.equal(state.filter?.status, 'complete');
	assert.equal(state.filter?.progress?.rows, 3100);
});

test('a page of an older run is dropped: a filter replaced mid-scan keeps only its own matches', () => {
	let state = filterOn(initialExplorer(8, size));
	const old = state.filter!.run;
	state = explorerReducer(state, {type: 'set-filter', text: '', errorsOnly: true, predicate: isError});
	state = explorerReducer(state, {type: 'scan-page', run: old, matches: [row(8)], progress: progress(10, 1)});
	assert.deepEqual(currentRows(state), []);
	state = explorerReducer(state, {
		type: 'scan-done',
		run: old,
		status: 'complete',
		progress: progress(10, 1),
		boundHit: false,
	});
	assert.equal(state.filter?.status, 'running');
});

test('matches stop at MAX_MATCHES and the filter says the bound was hit', () => {
	let state = filterOn(initialExplorer(8, size));
	const batch = Array.from({length: 1000}, (_, k) => row(k * 4));
	for (let n = 1; n <= 6; n++) state = pageOf(state, batch, n * 1000, n);
	assert.equal(state.filter?.matches.length, MAX_MATCHES);
	assert.equal(state.filter?.boundHit, true);
	state = explorerReducer(state, {
		type: 'scan-done',
		run: state.filter!.run,
		status: 'complete',
		progress: progress(6000, 6),
		boundHit: true,
	});
	assert.match(filterStatus(state.filter!, 'state:error'), /first 5,000 matches .*bound/);
});

test('] and [ page within the matches; G goes to the last one found so far', () => {
	let state = filterOn(initialExplorer(8, size));
	state = pageOf(
		state,
		Array.from({length: 12}, (_, k) => row(k * 4)),
		100,
		1,
	);
	state = explorerReducer(state, {type: 'page', delta: 1, view});
	assert.equal(state.cursor, 5);
	state = explorerReducer(state, {type: 'page', delta: 1, view});
	state = explorerReducer(state, {type: 'page', delta: 1, view});
	assert.equal(state.cursor, 11, 'paging stops at the last match');
	state = explorerReducer(state, {type: 'page', delta: -1, view});
	assert.equal(state.cursor, 6);
	state = explorerReducer(state, {type: 'jump', to: 'last', view});
	assert.equal(selected(state)?.id, 'i44');
});

test('Esc stops a running scan: matches stay, marked partial; r resumes with them kept', () => {
	let state = filterOn(initialExplorer(8, size));
	state = pageOf(state, [row(0), row(4)], 1000, 1);
	state = explorerReducer(state, {type: 'scan-stop'});
	assert.equal(state.filter?.stopping, true, 'the hook aborts the scan on this');
	assert.match(filterStatus(state.filter!, 'state:error'), /stopping/);
	state = explorerReducer(state, {
		type: 'scan-done',
		run: state.filter!.run,
		status: 'cancelled',
		progress: progress(1000, 1),
		boundHit: false,
	});
	assert.equal(state.filter?.matches.length, 2);
	assert.match(filterStatus(state.filter!, 'state:error'), /2 matches · partial · scanned 1,000 · r resumes/);
	const run = state.filter!.run;
	state = explorerReducer(state, {type: 'reload'});
	assert.equal(state.filter?.status, 'running');
	assert.equal(state.filter?.resuming, true);
	assert.notEqual(state.filter?.run, run, 'a new run token starts the resumed scan');
	state = pageOf(state, [row(1008)], 2000, 2);
	assert.deepEqual(
		currentRows(state).map(r => r.id),
		['i0', 'i4', 'i1008'],
	);
});

test('a failure mid-scan keeps the matches, shows the words with how far it got, and r resumes', () => {
	let state = filterOn(initialExplorer(8, size));
	state = pageOf(state, [row(0)], 1000, 1);
	state = explorerReducer(state, {
		type: 'scan-done',
		run: state.filter!.run,
		status: 'failed',
		progress: progress(1000, 1),
		boundHit: false,
		error: 'stopped after 1,000 rows in 1 page: server error 500',
	});
	assert.equal(state.filter?.error, 'stopped after 1,000 rows in 1 page: server error 500');
	assert.match(filterStatus(state.filter!, 'state:error'), /1 match · partial · scanned 1,000 · r resumes/);
	state = explorerReducer(state, {type: 'reload'});
	assert.equal(state.filter?.resuming, true);
	assert.equal(state.filter?.error, undefined);
	assert.equal(state.filter?.matches.length, 1);
});

test('r on a complete scan scans afresh; while running the status line shows the progress words', () => {
	let state = filterOn(initialExplorer(8, size));
	state = pageOf(state, [row(0)], 4200, 38);
	assert.equal(
		filterStatus(state.filter!, 'state:error'),
		'state:error · 1 · scanning · 4,200 · 38 pages · 0.0 s',
	);
	state = explorerReducer(state, {
		type: 'scan-done',
		run: state.filter!.run,
		status: 'complete',
		progress: progress(4300, 39),
		boundHit: false,
	});
	assert.equal(filterStatus(state.filter!, 'state:error'), 'state:error · 1 match · scanned 4,300');
	state = explorerReducer(state, {type: 'reload'});
	assert.equal(state.filter?.status, 'running');
	assert.equal(state.filter?.resuming, false);
	assert.deepEqual(currentRows(state), []);
});

test('a window with no filter lists the window through the same scan, and says "in window"', () => {
	let state = explorerReducer(initialExplorer(8, size), {
		type: 'set-filter',
		text: '',
		errorsOnly: false,
		predicate: () => true,
		windowOnly: true,
	});
	state = pageOf(state, [row(1), row(2)], 2, 1);
	state = explorerReducer(state, {
		type: 'scan-done',
		run: state.filter!.run,
		status: 'complete',
		progress: progress(2, 1),
		boundHit: false,
	});
	assert.equal(filterStatus(state.filter!, ''), 'in window · 2 rows · scanned 2');
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
	for (const char of 'tokens>5')
		state = explorerReducer(state, {type: 'input-edit', edit: {type: 'type', text: char}});
	state = explorerReducer(state, {type: 'input-edit', edit: {type: 'erase'}});
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
