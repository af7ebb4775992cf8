// Where the list and the detail go, and what the list's status line says.
import {formatCount} from '../domain/format.ts';
import {describeFilter, parseFilter} from '../domain/filter.ts';
import {keyHints, keyOf} from '../keymap.ts';
import type {ExplorerState} from '../state/explorer.ts';
import type {FilterView} from '../state/filter-view.ts';

export type Layout = {
	readonly sideBySide: boolean;
	readonly list: {readonly width: number; readonly height: number};
	readonly detail: {readonly width: number; readonly height: number};
};

/** Side by side from 100 columns, stacked below that; `height` excludes the footer. */
export function explorerLayout(width: number, height: number): Layout {
	const body = Math.max(4, height - 1);
	if (width >= 100) {
		const listWidth = Math.max(40, Math.floor(width * 0.45));
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

export function filterStatus(filter: FilterView, described: string): string {
	const what = [filter.errorsOnly ? 'errors only' : '', filter.text ? described : '']
		.filter(Boolean)
		.join(' + ');
	// Short enough for a 54-column list: "state:error · 49 of 964 loaded · end".
	const progress = filter.done ? 'end' : filter.seek > 0 ? 'scanning…' : '] more';
	return `${what} · ${formatCount(filter.matches.length)} of ${formatCount(filter.scannedRows)} loaded · ${progress}`;
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
