// The interaction explorer as one pure reducer: paging, the list cursor, focus, tabs and detail scroll.
// Every key is an action applied in order, so a burst of 20 `j` moves 20 rows.
import type {Interaction, Page} from '../domain/types.ts';
import {canFetch, emptyCache, hasNext, storePage, touch, type PageCache} from './pages.ts';
import {clamp, follow} from './window.ts';

export type Tab = 'transcript' | 'params' | 'errors';
export type Focus = 'list' | 'detail';

export type ExplorerState = {
	/** The page on screen. */
	readonly page: number;
	readonly cursor: number;
	readonly top: number;
	/** A page asked for and not yet loaded; the current page stays on screen meanwhile. */
	readonly want?: {readonly page: number; readonly row: 'first' | 'last' | number};
	readonly cache: PageCache;
	/** Rows of the page on screen while it is being reloaded. */
	readonly stale?: readonly Interaction[];
	readonly loading: ReadonlySet<number>;
	readonly error?: {readonly page: number; readonly message: string};
	readonly focus: Focus;
	/** The tab the user chose; an Error interaction shows its errors first. */
	readonly tab: Tab;
	readonly tabChosen: boolean;
	readonly scroll: number;
	readonly systemExpanded: boolean;
	/** Bumped on reload so the data hook refetches. */
	readonly generation: number;
};

/** Heights and line counts the view measured; carried by actions so the reducer can clamp. */
export type Viewport = {
	readonly listHeight: number;
	readonly detailHeight: number;
	readonly detailLines: number;
};

export type ExplorerAction =
	| {readonly type: 'move'; readonly delta: number; readonly view: Viewport}
	| {readonly type: 'jump'; readonly to: 'first' | 'last'; readonly view: Viewport}
	| {readonly type: 'page'; readonly delta: 1 | -1; readonly view: Viewport}
	| {readonly type: 'focus'; readonly focus?: Focus}
	| {readonly type: 'tab'; readonly tab: Tab}
	| {readonly type: 'toggle-system'}
	| {readonly type: 'select-id'; readonly id: string; readonly view: Viewport}
	| {readonly type: 'loading'; readonly page: number}
	| {
			readonly type: 'loaded';
			readonly page: number;
			readonly data: Page<Interaction>;
			readonly view: Viewport;
	  }
	| {readonly type: 'failed'; readonly page: number; readonly message: string}
	| {readonly type: 'reload'};

export const initialExplorer = (maxPages = 8): ExplorerState => ({
	page: 0,
	cursor: 0,
	top: 0,
	want: {page: 0, row: 'first'},
	cache: emptyCache(maxPages),
	loading: new Set(),
	focus: 'list',
	tab: 'transcript',
	tabChosen: false,
	scroll: 0,
	systemExpanded: false,
	generation: 0,
});

export const currentRows = (state: ExplorerState): readonly Interaction[] =>
	state.cache.pages.get(state.page)?.items ?? state.stale ?? [];

export const selected = (state: ExplorerState): Interaction | undefined => currentRows(state)[state.cursor];

/** Which tab shows for the selection: the chosen one, but errors first for an Error interaction. */
export function shownTab(state: ExplorerState): Tab {
	if (state.tabChosen) return state.tab;
	return selected(state)?.state === 'Error' ? 'errors' : state.tab;
}

function placeCursor(state: ExplorerState, page: number, row: 'first' | 'last' | number, view: Viewport) {
	const rows = state.cache.pages.get(page)?.items.length ?? 0;
	const cursor = clamp(row === 'first' ? 0 : row === 'last' ? rows - 1 : row, 0, Math.max(0, rows - 1));
	const top = follow(
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
function goToPage(state: ExplorerState, page: number, row: 'first' | 'last', view: Viewport): ExplorerState {
	if (page < 0 || !canFetch(state.cache, page)) return state;
	if (state.cache.pages.has(page)) return placeCursor(state, page, row, view);
	return {...state, want: {page, row}, error: undefined};
}

function moveInList(state: ExplorerState, delta: number, view: Viewport): ExplorerState {
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

function scrollDetail(state: ExplorerState, delta: number, view: Viewport): ExplorerState {
	const max = Math.max(0, view.detailLines - view.detailHeight);
	return {...state, scroll: clamp(state.scroll + delta, 0, max)};
}

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
	switch (action.type) {
		case 'move':
			return state.focus === 'list'
				? moveInList(state, action.delta, action.view)
				: scrollDetail(state, action.delta, action.view);
		case 'jump': {
			if (state.focus === 'detail') {
				return scrollDetail(state, action.to === 'first' ? -Infinity : Infinity, action.view);
			}

			return placeCursor(state, state.page, action.to, action.view);
		}

		case 'page': {
			if (state.focus === 'detail') {
				return scrollDetail(state, action.delta * Math.max(1, action.view.detailHeight - 1), action.view);
			}

			const from = state.want?.page ?? state.page;
			if (action.delta > 0 && !hasNext(state.cache, from)) return state;
			return goToPage(state, from + action.delta, 'first', action.view);
		}

		case 'focus':
			return {...state, focus: action.focus ?? (state.focus === 'list' ? 'detail' : 'list')};
		case 'tab':
			return {...state, tab: action.tab, tabChosen: true, scroll: 0};
		case 'toggle-system':
			return {...state, systemExpanded: !state.systemExpanded};
		case 'select-id': {
			const index = currentRows(state).findIndex(row => row.id === action.id);
			return index === -1 ? state : placeCursor(state, state.page, index, action.view);
		}

		case 'loading':
			return {...state, loading: new Set([...state.loading, action.page])};
		case 'loaded': {
			const loading = new Set(state.loading);
			loading.delete(action.page);
			const keep = [state.page, state.want?.page ?? state.page];
			const next = {
				...state,
				loading,
				cache: storePage(state.cache, action.page, action.data, keep),
				error: state.error?.page === action.page ? undefined : state.error,
			};
			if (next.want?.page !== action.page) return next;
			return {...placeCursor(next, action.page, next.want.row, action.view), stale: undefined};
		}

		case 'failed': {
			const loading = new Set(state.loading);
			loading.delete(action.page);
			// A failed prefetch is not the user's problem until they ask for that page.
			if (state.want?.page !== action.page) return {...state, loading};
			return {...state, loading, error: {page: action.page, message: action.message}};
		}

		case 'reload':
			// Refetch the page on screen in place; its rows stay visible until the fresh ones arrive.
			return {
				...state,
				cache: {...emptyCache(state.cache.maxPages), afterCursors: state.cache.afterCursors},
				stale: currentRows(state),
				want: {page: state.want?.page ?? state.page, row: state.want ? state.want.row : state.cursor},
				loading: new Set(),
				error: undefined,
				generation: state.generation + 1,
			};
	}
}
