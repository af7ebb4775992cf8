import type {Page, PageRequest} from '../domain/types.ts';

/**
 * Collects every page of a short list (projects, threads) so the selector can filter as you type.
 * Bounded: a workspace with more than `cap` items shows the first `cap`.
 */
export async function allPages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	cap = 2000,
	first = 100,
): Promise<{items: T[]; truncated: boolean}> {
	const items: T[] = [];
	let after: string | undefined;
	for (;;) {
		const page = await fetchPage({first, after});
		items.push(...page.items);
		after = page.nextCursor ?? (page.items.at(-1) as {id?: string} | undefined)?.id;
		if (!page.hasNextPage || !after || page.items.length === 0) return {items, truncated: false};
		if (items.length >= cap) return {items: items.slice(0, cap), truncated: true};
	}
}
