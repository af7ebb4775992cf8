// Marks for a diff, the copy and diff overlays, and follow mode's new arrivals.
import type {Interaction} from '../domain/types.ts';
import type {ExplorerState, Overlay, Viewport} from './explorer.ts';
import {selected} from './explorer.ts';
import {clamp, follow} from './window.ts';

export type TriageAction =
	| {readonly type: 'toggle-mark'}
	| {readonly type: 'overlay'; readonly overlay?: Overlay}
	| {readonly type: 'overlay-move'; readonly delta: number; readonly max: number}
	| {readonly type: 'follow'; readonly on?: boolean}
	/** New interactions, newest first, to go on top of a newest-first list. */
	| {readonly type: 'prepend'; readonly items: readonly Interaction[]; readonly view: Viewport};

export function triageReducer(state: ExplorerState, action: TriageAction): ExplorerState {
	switch (action.type) {
		case 'toggle-mark': {
			const row = selected(state);
			if (!row) return state;
			const marked = state.marks.some(mark => mark.id === row.id);
			return {
				...state,
				marks: marked ? state.marks.filter(mark => mark.id !== row.id) : [...state.marks, row].slice(-2),
			};
		}

		case 'overlay':
			return {...state, overlay: action.overlay};
		case 'overlay-move': {
			if (!state.overlay) return state;
			if (state.overlay.kind === 'copy') {
				return {
					...state,
					overlay: {kind: 'copy', cursor: clamp(state.overlay.cursor + action.delta, 0, action.max)},
				};
			}

			return {
				...state,
				overlay: {kind: 'diff', scroll: clamp(state.overlay.scroll + action.delta, 0, action.max)},
			};
		}

		case 'follow': {
			const on = action.on ?? !state.following;
			return {...state, following: on, arrived: on ? state.arrived : 0};
		}

		case 'prepend':
			return prepend(state, action.items, action.view);
	}
}

/**
 * New rows go on top of page 0 (the cursor of page 1 is the old last row, so later pages stay right).
 * The selection stays on the same interaction unless it was on the newest row.
 */
function prepend(state: ExplorerState, items: readonly Interaction[], view: Viewport): ExplorerState {
	const page0 = state.cache.pages.get(0);
	const known = new Set(page0?.items.map(item => item.id));
	const fresh = items.filter(item => !known.has(item.id));
	if (!page0 || fresh.length === 0) return state;
	const pages = new Map(state.cache.pages);
	pages.set(0, {...page0, items: [...fresh, ...page0.items]});
	const cache = {
		...state.cache,
		pages,
		totalCount: state.cache.totalCount === undefined ? undefined : state.cache.totalCount + fresh.length,
	};
	const arrived = state.arrived + fresh.length;
	if (state.filter) {
		const matches = fresh.filter(state.filter.predicate);
		const onNewest = state.cursor === 0;
		const cursor = onNewest ? 0 : state.cursor + matches.length;
		const rows = state.filter.matches.length + matches.length;
		return {
			...state,
			cache,
			arrived,
			filter: {...state.filter, matches: [...matches, ...state.filter.matches]},
			cursor,
			top: onNewest ? 0 : follow(state.top + matches.length, cursor, view.listHeight, rows),
		};
	}

	if (state.page !== 0) return {...state, cache, arrived};
	const onNewest = state.cursor === 0;
	const cursor = onNewest ? 0 : state.cursor + fresh.length;
	const rows = page0.items.length + fresh.length;
	return {
		...state,
		cache,
		arrived,
		cursor,
		top: onNewest ? 0 : follow(state.top + fresh.length, cursor, view.listHeight, rows),
	};
}
