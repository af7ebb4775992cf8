// Follow mode: switching it, and the new interactions it brings in on top of a newest-first list.
import type {Interaction} from '../domain/types.ts';
import type {ExplorerState, Viewport} from './explorer-model.ts';
import {reducerPart} from './reducer-part.ts';
import {keepInView} from './window.ts';

export type FollowAction =
	| {readonly type: 'follow'; readonly on?: boolean}
	/** New interactions, newest first, to go on top of a newest-first list. */
	| {readonly type: 'prepend'; readonly items: readonly Interaction[]; readonly view: Viewport};

export const following = reducerPart<ExplorerState, FollowAction>({
	follow(state, action) {
		const on = action.on ?? !state.following;
		return {...state, following: on, arrived: on ? state.arrived : 0};
	},
	prepend: (state, action) => prepend(state, action.items, action.view),
});

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
			top: onNewest ? 0 : keepInView(state.top + matches.length, cursor, view.listHeight, rows),
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
		top: onNewest ? 0 : keepInView(state.top + fresh.length, cursor, view.listHeight, rows),
	};
}
