// Cursor paging over an indexable collection, as zylon-api.md §4 describes it. Pure: the server
// turns the query string into PageQuery, and a thrown PagingError into a 400.

/** Anything with a length, positional access and a way back from an id to its position. */
export type Indexed<T> = {
	readonly length: number;
	at(index: number): T;
	indexOf(id: string): number;
};

export type PageQuery = {
	readonly first?: number;
	readonly after?: string;
	readonly last?: number;
	readonly before?: string;
	readonly page?: number;
	readonly pageSize?: number;
	readonly order: 'ASC' | 'DESC';
	readonly totalCount: boolean;
};

export type PageEnvelope<T> = {
	data: T[];
	next_cursor: string | null;
	previous_cursor: string | null;
	has_next_page: boolean;
	has_previous_page: boolean;
	total_count: number | null;
};

export const DEFAULT_FIRST = 50;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE = 1000;

export class PagingError extends Error {
	override readonly name = 'PagingError';
}

const positiveInt = (name: string, raw: string | undefined, min = 1): number | undefined => {
	if (raw === undefined || raw === '') return undefined;
	if (!/^\d+$/.test(raw)) throw new PagingError(`${name} must be an integer, got "${raw}"`);
	const value = Number(raw);
	if (value < min) throw new PagingError(`${name} must be at least ${min}`);
	return Math.min(value, name === 'page' ? Number.MAX_SAFE_INTEGER : MAX_PAGE);
};

/** Reads the documented flat paging parameters; rejects what a real server would reject. */
export function parsePageQuery(query: Readonly<Record<string, string>>): PageQuery {
	const order = (query['page_order'] ?? 'ASC').toUpperCase();
	if (order !== 'ASC' && order !== 'DESC') throw new PagingError(`page_order must be ASC or DESC`);
	const parsed: PageQuery = {
		first: positiveInt('first', query['first']),
		after: query['after'] || undefined,
		last: positiveInt('last', query['last']),
		before: query['before'] || undefined,
		page: positiveInt('page', query['page']),
		pageSize: positiveInt('page_size', query['page_size']),
		order,
		totalCount: query['total_count'] === 'true',
	};
	const cursorStyle = parsed.first ?? parsed.after ?? parsed.last ?? parsed.before;
	if (parsed.page !== undefined && cursorStyle !== undefined) {
		throw new PagingError('page cannot be combined with first/after/last/before');
	}
	if ((parsed.after ?? parsed.first) !== undefined && (parsed.before ?? parsed.last) !== undefined) {
		throw new PagingError('use first/after or last/before, not both');
	}
	return parsed;
}

/**
 * One page of `items`. Positions count in the requested order (DESC = newest first); a cursor is
 * the id of the edge item, and both cursors are filled whenever the page is not empty so a
 * follower can ask for what came after the newest item it has.
 */
export function paginate<T>(items: Indexed<T>, query: PageQuery, idOf: (item: T) => string): PageEnvelope<T> {
	const n = items.length;
	const itemAt = (position: number): T => items.at(query.order === 'ASC' ? position : n - 1 - position);
	const positionOf = (cursor: string): number => {
		const index = items.indexOf(cursor);
		if (index < 0) throw new PagingError(`unknown cursor "${cursor}"`);
		return query.order === 'ASC' ? index : n - 1 - index;
	};

	let start: number;
	let end: number;
	if (query.page !== undefined || query.pageSize !== undefined) {
		const size = query.pageSize ?? DEFAULT_PAGE_SIZE;
		start = Math.min(((query.page ?? 1) - 1) * size, n);
		end = Math.min(start + size, n);
	} else if (query.before !== undefined || query.last !== undefined) {
		end = query.before === undefined ? n : positionOf(query.before);
		start = Math.max(0, end - (query.last ?? DEFAULT_FIRST));
	} else {
		start = query.after === undefined ? 0 : positionOf(query.after) + 1;
		end = Math.min(n, start + (query.first ?? DEFAULT_FIRST));
	}

	const data: T[] = [];
	for (let position = start; position < end; position++) data.push(itemAt(position));
	const firstItem = data[0];
	const lastItem = data[data.length - 1];
	return {
		data,
		next_cursor: lastItem === undefined ? null : idOf(lastItem),
		previous_cursor: firstItem === undefined ? null : idOf(firstItem),
		has_next_page: end < n,
		has_previous_page: start > 0,
		total_count: query.totalCount ? n : null,
	};
}

/** An Indexed view over a plain array, with an id index built once. */
export function indexedArray<T>(items: readonly T[], idOf: (item: T) => string): Indexed<T> {
	const positions = new Map<string, number>();
	items.forEach((item, index) => positions.set(idOf(item), index));
	return {
		get length() {
			return items.length;
		},
		at: index => items[index] as T,
		indexOf: id => positions.get(id) ?? -1,
	};
}
