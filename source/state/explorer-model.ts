// The explorer's state and what is read from it: the shape every explorer reducer module works on.
// Its own module so the reducer and its parts (moves, overlays, follow) import it without importing
// each other.
import type {DetailTab} from '../domain/detail-tabs.ts';
import type {Interaction} from '../domain/types.ts';
import type {FilterView} from './filter-view.ts';
import {emptyCache, type PageCache} from './pages.ts';
import type {ScreenMode} from './screen-mode.ts';

export type Tab = DetailTab;
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
	readonly pageSize: number;
	/** While a filter is on, the list shows its matches; `unfiltered` is where to go back to. */
	readonly filter?: FilterView;
	readonly unfiltered?: {readonly page: number; readonly cursor: number; readonly top: number};
	/** A line being typed: the list filter or the detail search. */
	readonly input?: {readonly kind: 'filter' | 'search'; readonly text: string};
	/** The detail search: its query and which match is current. */
	readonly search?: {readonly query: string; readonly current: number};
	/** Rows marked with Space for a diff (two at most, oldest mark first). */
	readonly marks: readonly Interaction[];
	readonly overlay?: Overlay;
	/** Follow mode: polling for new interactions, and how many arrived since it was turned on. */
	readonly following: boolean;
	readonly arrived: number;
	/** Split, list only or detail only (`+` / `_`). */
	readonly screenMode: ScreenMode;
};

export type Overlay =
	{readonly kind: 'copy'; readonly cursor: number} | {readonly kind: 'diff'; readonly scroll: number};

/** Heights and line counts the view measured; carried by actions so the reducer can clamp. */
export type Viewport = {
	readonly listHeight: number;
	readonly detailHeight: number;
	readonly detailLines: number;
};

export const initialExplorer = (maxPages = 8, pageSize = 50): ExplorerState => ({
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
	pageSize,
	marks: [],
	following: false,
	arrived: 0,
	screenMode: 'split',
});

export const currentRows = (state: ExplorerState): readonly Interaction[] =>
	state.filter ? state.filter.matches : (state.cache.pages.get(state.page)?.items ?? state.stale ?? []);

export const selected = (state: ExplorerState): Interaction | undefined => currentRows(state)[state.cursor];

/** Which tab shows for the selection: the chosen one, but errors first for an Error interaction. */
export function shownTab(state: ExplorerState): Tab {
	if (state.tabChosen) return state.tab;
	return selected(state)?.state === 'Error' ? 'errors' : state.tab;
}
