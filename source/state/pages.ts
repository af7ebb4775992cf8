// A bounded cache of API pages. Page n is fetched with `first=size&after=afterCursors[n]`, so
// remembering one cursor string per page lets any evicted page come back by cursor while memory stays
// bounded by `maxPages` pages of interactions, however far the user pages.
import {nextAfter, type Interaction, type Page} from '../domain/types.ts';
import type {FilterView} from './filter-view.ts';

export type PageCache = {
	readonly pages: ReadonlyMap<number, Page<Interaction>>;
	/** afterCursors[n]: the cursor that fetches page n; page 0 needs none. */
	readonly afterCursors: ReadonlyArray<string | undefined>;
	/** Most recently used last. */
	readonly recent: readonly number[];
	readonly totalCount?: number;
	/** Index of the last page, once a page said there is no next one. */
	readonly lastPage?: number;
	readonly maxPages: number;
};

export const emptyCache = (maxPages = 8): PageCache => ({
	pages: new Map(),
	afterCursors: [],
	recent: [],
	maxPages,
});

export function storePage(
	cache: PageCache,
	index: number,
	page: Page<Interaction>,
	keep: number[] = [],
): PageCache {
	const pages = new Map(cache.pages);
	pages.set(index, page);
	const recent = [...cache.recent.filter(n => n !== index), index];
	while (pages.size > cache.maxPages) {
		const victim = recent.find(n => n !== index && !keep.includes(n));
		if (victim === undefined) break;
		pages.delete(victim);
		recent.splice(recent.indexOf(victim), 1);
	}

	const afterCursors = [...cache.afterCursors];
	const nextCursor = nextAfter(page);
	if (nextCursor) afterCursors[index + 1] = nextCursor;
	return {
		...cache,
		pages,
		recent,
		afterCursors,
		totalCount: page.totalCount ?? cache.totalCount,
		lastPage: page.hasNextPage ? cache.lastPage : index,
	};
}

export function touch(cache: PageCache, index: number): PageCache {
	if (!cache.pages.has(index) || cache.recent.at(-1) === index) return cache;
	return {...cache, recent: [...cache.recent.filter(n => n !== index), index]};
}

/** Whether page n can be fetched: page 0 always, later pages once the page before gave its cursor. */
export const canFetch = (cache: PageCache, index: number): boolean =>
	index === 0 || (index > 0 && cache.afterCursors[index] !== undefined);

export const hasNext = (cache: PageCache, index: number): boolean =>
	cache.lastPage === undefined ? cache.afterCursors[index + 1] !== undefined : index < cache.lastPage;

/** What a list has asked of the API: the explorer's state, seen from its pages. */
export type PageDemand = {
	/** The page on screen. */
	readonly page: number;
	readonly cache: PageCache;
	readonly loading: ReadonlySet<number>;
	/** A page asked for and not yet loaded. */
	readonly want?: {readonly page: number};
	/** The page whose fetch failed: not asked for again until the user retries. */
	readonly error?: {readonly page: number};
	/** While a filter is on, the list shows its scan's matches and fetches no pages of its own. */
	readonly filter?: FilterView;
};

/** The page to fetch now, if any: one at a time; the wanted one (or the scan's), else a prefetch of the next. */
export function pageToFetch(state: PageDemand): number | undefined {
	if (state.loading.size > 0) return undefined;
	const {want, cache} = state;
	if (state.filter) return undefined;

	if (want) {
		if (state.error?.page === want.page) return undefined;
		return cache.pages.has(want.page) || !canFetch(cache, want.page) ? undefined : want.page;
	}

	const next = state.page + 1;
	if (!hasNext(cache, state.page) || cache.pages.has(next) || state.error?.page === next) return undefined;
	return next;
}
