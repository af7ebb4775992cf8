import type {Page} from '../../domain/types.ts';
import {mapSliced} from '../../lib/slices.ts';
import {join, optNumber, requireArray, requireObject, type ParseOptions} from './reader.ts';

/**
 * The page envelope. `data` must be an array (else malformed); the flags fall back to whether a
 * cursor was given. Cursors are kept verbatim, not sanitised: they are opaque tokens handed back to
 * the server, never shown.
 */
export function parsePage<T>(
	json: unknown,
	options: ParseOptions,
	parseItem: (item: unknown, path: string) => T,
): Page<T> {
	const {data, withItems} = envelope(json, options);
	return withItems(data.map((item, index) => parseItem(item, join('data', index))));
}

/**
 * parsePage a slice at a time (lib/slices.ts): a page of large interactions takes tens of milliseconds to parse
 * on a slow machine, and a key pressed meanwhile (a scan reads page after page) would wait for all of it.
 */
export async function parsePageSliced<T>(
	json: unknown,
	options: ParseOptions,
	parseItem: (item: unknown, path: string) => T,
	sliceMs?: number,
): Promise<Page<T>> {
	const {data, withItems} = envelope(json, options);
	return withItems(await mapSliced(data, (item, index) => parseItem(item, join('data', index)), sliceMs));
}

function envelope(json: unknown, options: ParseOptions) {
	const object = requireObject(json, '', options);
	const data = requireArray(object['data'], 'data', options);
	const nextCursor = cursor(object['next_cursor']);
	const previousCursor = cursor(object['previous_cursor']);
	const withItems = <T>(items: T[]): Page<T> => ({
		items,
		nextCursor,
		previousCursor,
		hasNextPage: flag(object['has_next_page'], nextCursor),
		hasPreviousPage: flag(object['has_previous_page'], previousCursor),
		totalCount: optNumber(object['total_count']),
	});
	return {data, withItems};
}

const cursor = (value: unknown): string | undefined =>
	typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

const flag = (value: unknown, cursorValue: string | undefined): boolean =>
	typeof value === 'boolean' ? value : cursorValue !== undefined;
