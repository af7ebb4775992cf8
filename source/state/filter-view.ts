// A filter runs over the pages already loaded, then keeps loading pages in order until it has found
// the matches asked for (a page's worth per `]`) or the list ends. Matches are kept apart from the
// bounded page cache so the filtered list stays stable while pages come and go.
import type {Interaction, Page} from '../domain/types.ts';

/** Never hold more matches than this: a filter matching everything should not grow memory forever. */
export const MAX_MATCHES = 5000;

export type FilterView = {
	readonly text: string;
	readonly errorsOnly: boolean;
	readonly predicate: (interaction: Interaction) => boolean;
	readonly matches: readonly Interaction[];
	/** Pages 0 … scanned-1 have been run through the predicate. */
	readonly scanned: number;
	readonly scannedRows: number;
	/** Matches still wanted before scanning pauses. */
	readonly seek: number;
	readonly done: boolean;
	/** After `]`: the match index to move the cursor to once it exists. */
	readonly landAt?: number;
};

export function startFilter(
	text: string,
	errorsOnly: boolean,
	predicate: (interaction: Interaction) => boolean,
	seek: number,
): FilterView {
	return {text, errorsOnly, predicate, matches: [], scanned: 0, scannedRows: 0, seek, done: false};
}

/** Runs every cached page that is next in line through the predicate, while matches are wanted. */
export function advanceScan(
	view: FilterView,
	cache: {readonly pages: ReadonlyMap<number, Page<Interaction>>},
): FilterView {
	let next = view;
	while (!next.done && next.seek > 0) {
		const page = cache.pages.get(next.scanned);
		if (!page) break;
		const found = page.items.filter(next.predicate);
		const matches = [...next.matches, ...found].slice(0, MAX_MATCHES);
		next = {
			...next,
			matches,
			scanned: next.scanned + 1,
			scannedRows: next.scannedRows + page.items.length,
			seek: next.seek - found.length,
			done: !page.hasNextPage || page.items.length === 0 || matches.length >= MAX_MATCHES,
		};
	}

	return next;
}

export function wantMore(view: FilterView, count: number, landAt?: number): FilterView {
	return view.done ? view : {...view, seek: Math.max(view.seek, count), landAt};
}

/** The page the scan needs next, if it is waiting for one. */
export const scanNeeds = (view: FilterView): number | undefined =>
	!view.done && view.seek > 0 ? view.scanned : undefined;
