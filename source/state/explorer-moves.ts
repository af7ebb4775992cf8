// Cursor and page movements of the explorer reducer: pure functions of the state and the viewport.
import type {ExplorerState, Viewport} from './explorer-model.ts';
import {currentRows} from './explorer-model.ts';
import {canFetch, hasNext, touch} from './pages.ts';
import {clamp, keepInView} from './window.ts';

export function placeCursor(
	state: ExplorerState,
	page: number,
	row: 'first' | 'last' | number,
	view: Viewport,
) {
	const rows = state.cache.pages.get(page)?.items.length ?? 0;
	const cursor = clamp(row === 'first' ? 0 : row === 'last' ? rows - 1 : row, 0, Math.max(0, rows - 1));
	const top = keepInView(
		page === state.page ? state.top : cursor === 0 ? 0 : rows,
		cursor,
		view.listHeight,
		rows,
	);
	return {
		...state,
		page,
		cursor,
		top,
		want: undefined,
		scroll: page === state.page && cursor === state.cursor ? state.scroll : 0,
		tabChosen: page === state.page && cursor === state.cursor ? state.tabChosen : false,
		cache: touch(state.cache, page),
	};
}

/** Go to page `page` (showing `row` of it): at once if cached, else ask for it and keep showing this one. */
export function goToPage(
	state: ExplorerState,
	page: number,
	row: 'first' | 'last',
	view: Viewport,
): ExplorerState {
	if (page < 0 || !canFetch(state.cache, page)) return state;
	if (state.cache.pages.has(page)) return placeCursor(state, page, row, view);
	return {...state, want: {page, row}, error: undefined};
}

export function moveInFilter(state: ExplorerState, target: number, view: Viewport): ExplorerState {
	const filter = state.filter!;
	const rows = filter.matches.length;
	const cursor = clamp(target, 0, Math.max(0, rows - 1));
	return {
		...state,
		cursor,
		top: keepInView(state.top, cursor, view.listHeight, rows),
		scroll: cursor === state.cursor ? state.scroll : 0,
		tabChosen: cursor === state.cursor ? state.tabChosen : false,
	};
}

export function moveInList(state: ExplorerState, delta: number, view: Viewport): ExplorerState {
	if (state.filter) return moveInFilter(state, state.cursor + delta, view);
	const rows = currentRows(state).length;
	if (state.want) {
		// Still waiting for a page: keep counting so no key of a burst is lost.
		return {...state, want: {...state.want, row: nudge(state.want.row, delta)}};
	}

	const target = state.cursor + delta;
	if (target >= rows && hasNext(state.cache, state.page))
		return goToPage(state, state.page + 1, 'first', view);
	if (target < 0 && state.page > 0) return goToPage(state, state.page - 1, 'last', view);
	return placeCursor(state, state.page, clamp(target, 0, Math.max(0, rows - 1)), view);
}

function nudge(row: 'first' | 'last' | number, delta: number): 'first' | 'last' | number {
	if (row === 'first') return Math.max(0, delta);
	if (row === 'last') return row;
	return Math.max(0, row + delta);
}

export function scrollDetail(state: ExplorerState, delta: number, view: Viewport): ExplorerState {
	const max = Math.max(0, view.detailLines - view.detailHeight);
	return {...state, scroll: clamp(state.scroll + delta, 0, max)};
}
