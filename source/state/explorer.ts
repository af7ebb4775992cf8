// The interaction explorer as one pure reducer: paging, the list cursor, focus, tabs and detail scroll.
// Every key is an action applied in order, so a burst of 20 `j` moves 20 rows.
import type {Interaction, Page} from '../domain/types.ts';
import {following, type FollowAction} from './explorer-follow.ts';
import {currentRows, type ExplorerState, type Focus, type Tab, type Viewport} from './explorer-model.ts';
import {goToPage, moveInFilter, moveInList, placeCursor, scrollDetail} from './explorer-moves.ts';
import {overlays, type OverlayAction} from './explorer-overlays.ts';
import {
	addScanPage,
	finishScan,
	restartFilter,
	resumable,
	resumeFilter,
	startFilter,
	stopScan,
	type ScanAction,
} from './filter-view.ts';
import {emptyCache, hasNext, storePage} from './pages.ts';
import {editLine, type LineEdit} from './line-edit.ts';
import {followFocus, stepScreenMode, type ScreenModeAction} from './screen-mode.ts';
import {clamp} from './window.ts';

// The model is re-exported so that users of the explorer import one module.
export {
	currentRows,
	initialExplorer,
	selected,
	shownTab,
	type ExplorerState,
	type Viewport,
} from './explorer-model.ts';

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
	| {readonly type: 'reload'}
	| {
			readonly type: 'set-filter';
			readonly text: string;
			readonly errorsOnly: boolean;
			readonly predicate?: (interaction: Interaction) => boolean;
			/** The predicate only keeps the time window's rows (no filter typed). */
			readonly windowOnly?: boolean;
	  }
	| {readonly type: 'input-start'; readonly kind: 'filter' | 'search'; readonly text: string}
	| {readonly type: 'input-edit'; readonly edit: LineEdit}
	| {readonly type: 'input-end'}
	| {readonly type: 'set-search'; readonly query: string}
	| {readonly type: 'search-step'; readonly current: number; readonly line: number; readonly view: Viewport}
	| ScanAction
	| OverlayAction
	| FollowAction
	| ScreenModeAction;

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
	if (overlays.handles(action)) return overlays.reduce(state, action);
	if (following.handles(action)) return following.reduce(state, action);
	switch (action.type) {
		case 'move':
			return state.focus === 'list'
				? moveInList(state, action.delta, action.view)
				: scrollDetail(state, action.delta, action.view);
		case 'jump': {
			if (state.focus === 'detail') {
				return scrollDetail(state, action.to === 'first' ? -Infinity : Infinity, action.view);
			}

			if (state.filter) {
				return moveInFilter(state, action.to === 'first' ? 0 : state.filter.matches.length - 1, action.view);
			}

			return placeCursor(state, state.page, action.to, action.view);
		}

		case 'page': {
			if (state.focus === 'detail') {
				return scrollDetail(state, action.delta * Math.max(1, action.view.detailHeight - 1), action.view);
			}

			if (state.filter) {
				const size = Math.max(1, action.view.listHeight);
				if (action.delta < 0) return moveInFilter(state, state.cursor - size, action.view);
				const last = state.filter.matches.length - 1;
				return moveInFilter(state, Math.min(state.cursor + size, Math.max(0, last)), action.view);
			}

			const from = state.want?.page ?? state.page;
			if (action.delta > 0 && !hasNext(state.cache, from)) return state;
			return goToPage(state, from + action.delta, 'first', action.view);
		}

		case 'focus':
			return followFocus({...state, focus: action.focus ?? (state.focus === 'list' ? 'detail' : 'list')});
		case 'screen-mode':
			return stepScreenMode(state, action.delta);
		case 'tab':
			return {...state, tab: action.tab, tabChosen: true, scroll: 0};
		case 'toggle-system':
			return {...state, systemExpanded: !state.systemExpanded};
		case 'select-id': {
			const index = currentRows(state).findIndex(row => row.id === action.id);
			if (index === -1) return state;
			return state.filter
				? moveInFilter(state, index, action.view)
				: placeCursor(state, state.page, index, action.view);
		}

		case 'loading':
			return {...state, loading: new Set([...state.loading, action.page])};
		case 'loaded': {
			const loading = new Set(state.loading);
			loading.delete(action.page);
			const keep = [state.page, state.want?.page ?? state.page];
			const cache = storePage(state.cache, action.page, action.data, keep);
			const next = {
				...state,
				loading,
				cache,
				error: state.error?.page === action.page ? undefined : state.error,
			};
			// A filtered list shows its scan's matches; loaded pages wait for the filter to be cleared.
			if (next.filter) return next;
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

		case 'set-filter': {
			if (!action.predicate) {
				if (!state.filter) return state;
				const back = state.unfiltered ?? {page: 0, cursor: 0, top: 0};
				const restored = {...state, filter: undefined, unfiltered: undefined, scroll: 0, tabChosen: false};
				if (state.cache.pages.has(back.page)) return {...restored, ...back};
				return {...restored, page: back.page, want: {page: back.page, row: back.cursor}, cursor: 0, top: 0};
			}

			const filter = startFilter(action.text, action.errorsOnly, action.predicate, action.windowOnly);
			return {
				...state,
				filter,
				unfiltered: state.unfiltered ?? {page: state.page, cursor: state.cursor, top: state.top},
				want: undefined,
				cursor: 0,
				top: 0,
				scroll: 0,
				tabChosen: false,
				error: undefined,
			};
		}

		case 'input-start':
			return {...state, input: {kind: action.kind, text: action.text}};
		case 'input-edit':
			return state.input
				? {...state, input: {...state.input, text: editLine(state.input.text, action.edit)}}
				: state;
		case 'input-end':
			return {...state, input: undefined};
		case 'set-search':
			return {...state, search: action.query ? {query: action.query, current: -1} : undefined};
		case 'search-step':
			return state.search
				? {
						...state,
						search: {...state.search, current: action.current},
						scroll: clamp(
							action.line - 2,
							0,
							Math.max(0, action.view.detailLines - action.view.detailHeight),
						),
					}
				: state;
		case 'scan-page':
			return state.filter
				? {...state, filter: addScanPage(state.filter, action.run, action.matches, action.progress)}
				: state;
		case 'scan-done':
			return state.filter ? {...state, filter: finishScan(state.filter, action)} : state;
		case 'scan-stop':
			return state.filter ? {...state, filter: stopScan(state.filter)} : state;
		case 'reload':
			// A stopped or failed scan carries on from where it stopped, its matches kept.
			if (state.filter && resumable(state.filter)) return {...state, filter: resumeFilter(state.filter)};
			// Refetch the page on screen in place; its rows stay visible until the fresh ones arrive.
			return {
				...state,
				cache: {...emptyCache(state.cache.maxPages), afterCursors: state.cache.afterCursors},
				stale: currentRows(state),
				want: state.filter
					? undefined
					: {page: state.want?.page ?? state.page, row: state.want ? state.want.row : state.cursor},
				filter: state.filter && restartFilter(state.filter),
				loading: new Set(),
				error: undefined,
				generation: state.generation + 1,
			};
	}
}
