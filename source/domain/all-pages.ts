// The first pages the screens ask for, in one place: the start-up prefetch asks for exactly these, so that the
// screens' own calls find its answers (commands/startup-prefetch.ts).
import {nextAfter, type Page, type PageOrder, type PageRequest} from './types.ts';

/** A selector list's (projects, threads) page size. */
export const LIST_PAGE = 100;

/** The first page of a selector list. */
export const firstListPage = (first = LIST_PAGE): PageRequest => ({first});

/** The first page of the interaction list: with the total count, for the "of N" in its status. */
export const firstInteractionPage = (pageSize: number, order: PageOrder): PageRequest => ({
	first: pageSize,
	order,
	totalCount: true,
});

/**
 * Collects every page of a short list (projects, threads) so the selector can filter as you type.
 * Bounded: a workspace with more than `cap` items shows the first `cap`.
 */
export async function allPages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	cap = 2000,
	first = LIST_PAGE,
): Promise<{items: T[]; truncated: boolean}> {
	const items: T[] = [];
	let after: string | undefined;
	for (;;) {
		const page = await fetchPage(after === undefined ? firstListPage(first) : {first, after});
		items.push(...page.items);
		after = nextAfter(page as Page<{id?: string}>);
		if (!after || page.items.length === 0) return {items, truncated: false};
		if (items.length >= cap) return {items: items.slice(0, cap), truncated: true};
	}
}
