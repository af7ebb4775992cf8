// Positions inside one thread for the project timeline (timeline.ts), and its opaque page cursor.
//
// A position is a gap between two of a thread's interactions, named only with the server's own cursors (never
// by guessing that a cursor is an id): {c, s, d} is "fetch the thread in direction d from cursor c (absent:
// from its start in that direction) and step over the first s items". `x` says nothing lies beyond the gap in
// direction d, so reading on costs no request. A thread absent from the cursor has not been reached yet: its
// gap is at its start (or its end, for a cursor made reading back from the last page). The cursor also carries the key of the last row on its side of the page, so rows that
// arrived since in a thread not reached yet (follow mode) cannot be listed out of order.
import type {PageOrder} from '../domain/types.ts';
import {ApiError} from './errors.ts';

/** 'f' reads along the list's order (first/after), 'b' against it (last/before). */
export type Direction = 'f' | 'b';

export type Gap = {
	readonly c?: string;
	readonly s: number;
	readonly d: Direction;
	readonly x?: boolean;
};

/** What the merge reads of a row: its key, and its thread for the name. The rest is the caller's. */
export type MergeRow = {
	readonly id: string;
	readonly createdAtMs: number;
	readonly threadId?: string | undefined;
	readonly threadName?: string | undefined;
};

/** The merge key: creation time, ties broken by id. */
export type Key = {readonly ms: number; readonly id: string};

export type TimelineCursor = {
	readonly order: PageOrder;
	readonly gaps: ReadonlyMap<string, Gap>;
	/** Where a thread absent from `gaps` stands: at its start (paging on from the top) or its end (from `last`). */
	readonly rest: 'start' | 'end';
	/** The key of the row next to the cursor on its older side in reading order; absent for a start. */
	readonly edge?: Key;
};

const PREFIX = 'm.';

export const isTimelineCursor = (cursor: string | undefined): boolean => cursor?.startsWith(PREFIX) === true;

type WireGap = [thread: string, cursor: string | null, skip: number, direction: Direction, exhausted?: 1];
type Wire = {o: 'A' | 'D'; g: WireGap[]; e?: [number | null, string]; r?: 1};

export function encodeCursor(cursor: TimelineCursor): string {
	const wire: Wire = {
		o: cursor.order === 'ASC' ? 'A' : 'D',
		g: [...cursor.gaps].map(([thread, gap]): WireGap => {
			const entry: WireGap = [thread, gap.c ?? null, gap.s, gap.d];
			if (gap.x) entry.push(1);
			return entry;
		}),
		...(cursor.edge ? {e: [Number.isFinite(cursor.edge.ms) ? cursor.edge.ms : null, cursor.edge.id]} : {}),
		...(cursor.rest === 'end' ? {r: 1} : {}),
	};
	return PREFIX + Buffer.from(JSON.stringify(wire)).toString('base64url');
}

const isWireGap = (value: unknown): value is WireGap =>
	Array.isArray(value) &&
	typeof value[0] === 'string' &&
	(value[1] === null || typeof value[1] === 'string') &&
	Number.isInteger(value[2]) &&
	(value[2] as number) >= 0 &&
	(value[3] === 'f' || value[3] === 'b') &&
	(value[4] === undefined || value[4] === 1);

export function decodeCursor(text: string, order: PageOrder, resource: string): TimelineCursor {
	const invalid = (why: string) =>
		new ApiError('malformed', `Invalid page cursor for ${resource} (${why}); reload the list`, {resource});
	let wire: Wire;
	try {
		wire = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8')) as Wire;
	} catch {
		throw invalid('not ours');
	}
	if (!wire || !Array.isArray(wire.g) || !wire.g.every(isWireGap)) throw invalid('not ours');
	if ((wire.o === 'A' ? 'ASC' : 'DESC') !== order) throw invalid('made for the other sort order');
	const edge =
		Array.isArray(wire.e) &&
		(typeof wire.e[0] === 'number' || wire.e[0] === null) &&
		typeof wire.e[1] === 'string'
			? {ms: wire.e[0] ?? Number.NEGATIVE_INFINITY, id: wire.e[1]}
			: undefined;
	return {
		order,
		rest: wire.r === 1 ? 'end' : 'start',
		gaps: new Map(
			wire.g.map(([thread, c, s, d, x]) => [
				thread,
				{...(c === null ? {} : {c}), s, d, ...(x ? {x: true} : {})},
			]),
		),
		...(edge ? {edge} : {}),
	};
}

/** Unknown creation times sort as the oldest, so a row without one is still listed once. */
export const keyMs = (ms: number): number => (Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY);

/** Compares keys in time order (ascending); ties by id. */
export function compareKeys(a: Key, b: Key): number {
	if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the merge needs to know of a thread: from the thread list, refetched on a first page. */
export type ThreadInfo = {
	readonly id: string;
	readonly name: string;
	/** NaN when unknown. */
	readonly createdAtMs: number;
	/** The record's updated_at, when sent; NaN or absent otherwise. */
	readonly updatedAtMs?: number;
};
