// Where the list and the detail go, and what the list's status line says.
import {formatCount} from '../domain/format.ts';
import {describeFilter, parseFilter} from '../domain/filter.ts';
import {keyHints, keyOf} from '../keymap.ts';
import type {ExplorerState} from '../state/explorer.ts';
import {formatScanProgress} from '../domain/scan-progress.ts';
import type {ScreenMode} from '../state/screen-mode.ts';
import {MAX_MATCHES, type FilterView} from '../state/filter-view.ts';

export type Layout = {
	readonly sideBySide: boolean;
	/** A pane the screen mode hides has width and height 0. */
	readonly list: {readonly width: number; readonly height: number};
	readonly detail: {readonly width: number; readonly height: number};
};

const hidden = {width: 0, height: 0};

/**
 * Side by side from 100 columns, stacked below that; `height` excludes the footer. Side by side the list
 * takes half: at 120 columns that is a 59-column row, room for time, state, flags and 30+ of the prompt
 * (at the old 45% the prompt got 13). In list-only or detail-only mode the one pane takes the whole body.
 */
export function explorerLayout(width: number, height: number, mode: ScreenMode = 'split'): Layout {
	const body = Math.max(4, height - 1);
	if (mode === 'list') return {sideBySide: false, list: {width, height: body}, detail: hidden};
	if (mode === 'detail') return {sideBySide: false, list: hidden, detail: {width, height: body}};
	if (width >= 100) {
		const listWidth = Math.max(40, Math.floor(width / 2));
		return {
			sideBySide: true,
			list: {width: listWidth, height: body},
			detail: {width: width - listWidth - 1, height: body},
		};
	}

	const listHeight = Math.max(4, Math.floor(body * 0.4));
	return {
		sideBySide: false,
		list: {width, height: listHeight},
		detail: {width, height: Math.max(3, body - listHeight)},
	};
}

export function pageStatus(
	page: number,
	rows: number,
	pageSize: number,
	total: number | undefined,
	lastPage: number | undefined,
	loading = false,
): string {
	if (rows === 0) return `page ${page + 1} · ${loading ? 'loading…' : 'no interactions'}`;
	const from = page * pageSize + 1;
	const to = from + rows - 1;
	const of =
		total === undefined ? (lastPage === page ? ` of ${formatCount(to)}` : '') : ` of ${formatCount(total)}`;
	return `page ${page + 1} · ${formatCount(from)}–${formatCount(to)}${of}`;
}

/**
 * While the scan runs: what is matched, how many so far and the scan's progress words; when it is done,
 * "N matches · scanned M". A stopped or failed scan says partial and that `r` resumes.
 */
export function filterStatus(filter: FilterView, described: string, windowText = 'in window'): string {
	const what =
		[filter.errorsOnly ? 'errors only' : '', filter.text ? described : ''].filter(Boolean).join(' + ') ||
		windowText;
	const count = filter.matches.length;
	const found = `${filter.boundHit ? 'first ' : ''}${formatCount(count)} ${filter.windowOnly ? 'row' : 'match'}${count === 1 ? '' : filter.windowOnly ? 's' : 'es'}`;
	const progress = filter.progress ?? {rows: 0, pages: 0, estimated: false, elapsedMs: 0, matches: 0};
	if (filter.status === 'running') {
		return `${what} · ${formatCount(count)} · ${filter.stopping ? 'stopping…' : formatScanProgress(progress)}`;
	}

	const scanned = `scanned ${formatCount(progress.rows)}`;
	const bound = filter.boundHit ? ` · kept at the bound of ${formatCount(MAX_MATCHES)}` : '';
	if (filter.status === 'complete' && !filter.boundHit) return `${what} · ${found} · ${scanned}`;
	if (filter.status === 'complete') return `${what} · ${found} · ${scanned}${bound}`;
	// Stopped or failed (the list's error line says why): short enough to keep `r resumes` on a 72-column list.
	return `${what} · ${found} · partial · ${scanned}${bound} · ${keyOf('reload')} resumes`;
}

export function describeFilterText(text: string): string {
	const parsed = parseFilter(text);
	return parsed.ok ? describeFilter(parsed.filter) : text;
}

export function footerMessage(state: ExplorerState, searchMatches: number): string | undefined {
	if (state.overlay?.kind === 'diff') return `diff of the two marked · ${keyHints('diff')}`;
	if (state.overlay?.kind === 'copy') return keyHints('copy menu');
	if (state.input?.kind === 'search') return `search: ${state.input.text}▏ · ${keyHints('search line')}`;
	if (state.input?.kind === 'filter')
		return `filter: ${keyHints('filter line')} · empty clears · ${keyOf('errors-only')} errors only`;
	if (state.search) {
		const at = state.search.current + 1;
		return searchMatches === 0
			? `no match for "${state.search.query}"`
			: `"${state.search.query}": match ${Math.max(1, at)} of ${searchMatches} · ${keyOf('next-match')} next · ${keyOf('previous-match')} previous`;
	}

	return undefined;
}

/** The list's status line and spinner: the filter scan's while one is set, the page's otherwise. */
export function listStatus(
	state: ExplorerState,
	rows: number,
	pageSize: number,
): {readonly status: string; readonly loading: boolean} {
	if (state.filter) {
		const {filter} = state;
		return {
			status: filterStatus(filter, filter.text ? describeFilterText(filter.text) : ''),
			loading: filter.status === 'running',
		};
	}

	const wanted = state.want !== undefined;
	return {
		status: pageStatus(state.page, rows, pageSize, state.cache.totalCount, state.cache.lastPage, wanted),
		loading: wanted && state.loading.size > 0,
	};
}
