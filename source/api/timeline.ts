// A project's interactions in time order on servers without the project-wide route (release 1.50 on): a k-way
// merge of its threads' cursors by created_at, ties by id (DESIGN.md "The API, in one paragraph").
//
// - Lazy: a thread is fetched only when it might hold the next row. Its record's created_at bounds it below
//   (no interaction predates its thread), and its updated_at, where the server sends one, bounds it above.
//   Nothing documents updated_at moving with new interactions, so the first row seen newer than its thread's
//   updated_at turns the upper bound off for the rest of the session (TimelineHints).
// - Bounded concurrency: the threads that must be read before the next row can be chosen are fetched
//   together, at most `concurrency` at a time.
// - The page cursor is opaque and stable (timeline-gaps.ts): each thread's position in the server's own
//   cursors, so the same cursor gives the same page for as long as the data stays the same.
import type {Page, PageOrder, PageRequest} from '../domain/types.ts';
import {
	compareKeys,
	decodeCursor,
	encodeCursor,
	keyMs,
	type Direction,
	type Gap,
	type Key,
	type MergeRow,
	type TimelineCursor,
} from './timeline-gaps.ts';
import {ApiError} from './errors.ts';
import {atEnd, atStart, Reader} from './timeline-reader.ts';
import type {ThreadInfo} from './timeline-gaps.ts';

export type {MergeRow, ThreadInfo};

export {isTimelineCursor} from './timeline-gaps.ts';

/** Mutable, shared by every page of one client: what was learnt about the server's thread timestamps. */
export type TimelineHints = {trustUpdatedAt: boolean};

export type TimelineDeps<T extends MergeRow> = {
	/** For messages: "the interactions of project 0197a1b2…". */
	readonly resource: string;
	/** The project's threads; `refresh` refetches rather than using what was fetched before. */
	threads(refresh: boolean): Promise<readonly ThreadInfo[]>;
	threadPage(threadId: string, page: PageRequest): Promise<Page<T>>;
	/** Thread requests in flight at once (DEFAULT_CONCURRENCY). */
	readonly concurrency?: number;
	readonly hints?: TimelineHints;
	/** Each thread request, for the bench's request count. */
	onRequest?(threadId: string): void;
	/** Where a page's readers wait for the next page, so paging on (a scan) refetches nothing. */
	readonly sessions?: TimelineSessions;
};

type Session = {readonly readers: Reader[]; readonly threads: readonly ThreadInfo[]; readonly dir: Direction};

/**
 * The readers of the last few pages, by the cursor they ended on: asked for the page after that cursor, the
 * merge carries on with their buffers instead of refetching from the cursor. Purely a saving: an evicted or
 * unknown cursor is decoded and read afresh, with the same result.
 */
export class TimelineSessions {
	private readonly live = new Map<string, Session>();
	constructor(private readonly size = 4) {}
	take(cursor: string | undefined, dir: Direction): Session | undefined {
		if (cursor === undefined) return undefined;
		const session = this.live.get(cursor);
		this.live.delete(cursor);
		return session?.dir === dir ? session : undefined;
	}
	put(cursor: string, session: Session): void {
		this.live.set(cursor, session);
		while (this.live.size > this.size) this.live.delete(this.live.keys().next().value as string);
	}
}

// Enough for the threads of a busy project in one or two rounds; few enough not to flood an on-premise server.
export const DEFAULT_CONCURRENCY = 24;
const MIN_FETCH = 10;

/**
 * One page of the project's interactions, merged across its threads. `page` is read as the client's paging
 * is: first/after forward, last/before backward, in `page.order` (default ASC, as the server's).
 */
export async function mergeTimeline<T extends MergeRow>(
	deps: TimelineDeps<T>,
	page: PageRequest,
	pageSize: number,
): Promise<Page<T>> {
	const order: PageOrder = page.order ?? 'ASC';
	const backward =
		page.before !== undefined ||
		(page.last !== undefined && page.after === undefined && page.first === undefined);
	const dir: Direction = backward ? 'b' : 'f';
	const want = Math.max(1, backward ? (page.last ?? pageSize) : (page.first ?? pageSize));
	const text = backward ? page.before : page.after;
	const cursor: TimelineCursor =
		text === undefined
			? {order, gaps: new Map(), rest: backward ? 'end' : 'start'}
			: decodeCursor(text, order, deps.resource);
	const threads = await deps.threads(text === undefined);
	// Readers kept from the page before, unless the thread list changed since (a refresh may add a thread).
	const kept = deps.sessions?.take(text, dir);
	const session = kept?.threads === threads ? kept : undefined;
	const hints = deps.hints ?? {trustUpdatedAt: true};
	// Time runs the same way as reading: oldest-first read forward, or newest-first read backward.
	const ascending = (order === 'ASC') === (dir === 'f');
	const precedes = (a: Key, b: Key) => (ascending ? compareKeys(a, b) : compareKeys(b, a));
	const restGap: Gap = cursor.rest === 'start' ? {s: 0, d: 'f'} : {s: 0, d: 'b'};

	const readers =
		// A client's sessions only ever hold its own kind of row: the readers of its earlier pages.
		(session?.readers as Reader<T>[] | undefined) ??
		threads.map(thread => {
			const known = cursor.gaps.get(thread.id);
			return new Reader<T>(thread, dir, known ?? restGap, known ? undefined : cursor.edge, ascending);
		});
	const names = new Map(threads.map(thread => [thread.id, thread.name]));

	/** The earliest key (in reading order) the reader's next row can have, without fetching. */
	const bound = (reader: Reader<T>): Key => {
		const head = reader.buffer[0];
		if (head) return {ms: keyMs(head.createdAtMs), id: head.id};
		const far = ascending ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
		let ms = far;
		if (ascending && Number.isFinite(reader.thread.createdAtMs)) ms = reader.thread.createdAtMs;
		const updated = reader.thread.updatedAtMs;
		if (!ascending && hints.trustUpdatedAt && updated !== undefined && Number.isFinite(updated)) ms = updated;
		let key: Key = {ms, id: ascending ? '' : '\uffff'};
		if (reader.last && precedes(reader.last, key) > 0) key = reader.last;
		return key;
	};

	const concurrency = Math.max(1, deps.concurrency ?? DEFAULT_CONCURRENCY);
	const withTotal = page.totalCount === true && text === undefined;
	const items: T[] = [];
	const fetchOne = (reader: Reader<T>, size: number) =>
		reader
			.fetch(order, size, withTotal && !reader.fetched, request => {
				deps.onRequest?.(reader.thread.id);
				return deps.threadPage(reader.thread.id, request);
			})
			.catch((error: unknown) => {
				// A thread deleted since the list was fetched has nothing more to give; anything else fails the page.
				if (!(error instanceof ApiError && error.kind === 'not-found')) throw error;
				reader.stop();
			});

	while (items.length < want) {
		let best: Reader<T> | undefined;
		let bestKey: Key | undefined;
		let bestRow: Key | undefined;
		for (const reader of readers) {
			if (reader.exhausted) continue;
			const key = bound(reader);
			if (!bestKey || precedes(key, bestKey) < 0) {
				best = reader;
				bestKey = key;
			}
			if (reader.buffer.length > 0 && (!bestRow || precedes(key, bestRow) < 0)) bestRow = key;
		}
		if (!best) break;
		if (!best.needsFetch) {
			const item = best.take();
			const updated = best.thread.updatedAtMs;
			if (updated !== undefined && Number.isFinite(updated) && keyMs(item.createdAtMs) > updated) {
				hints.trustUpdatedAt = false;
			}
			items.push(item);
			continue;
		}
		// Every thread that could hold a row before the best one in hand must be read first; with none in hand,
		// the threads that share the best bound (all of them, when no thread says when it was last active).
		const limit = bestRow ?? bestKey!;
		const remaining = want - items.length;
		const needed = readers
			.filter(reader => reader.needsFetch && precedes(bound(reader), limit) <= 0)
			.sort((a, b) => precedes(bound(a), bound(b)))
			.slice(0, concurrency);
		// Spare places in the round go to threads about to run dry (under their share of the rest of the page):
		// they would each cost a round of their own a few rows later.
		const share = Math.max(MIN_FETCH, Math.ceil(remaining / Math.max(1, readers.length)));
		const topUps = readers
			.filter(reader => reader.low(share))
			.sort((a, b) => a.buffer.length - b.buffer.length)
			.slice(0, concurrency - needed.length);
		const due = [...needed, ...topUps];
		// Twice a fair share each: fewer round trips later, without fetching every thread's whole page.
		const size = Math.min(
			Math.max(MIN_FETCH, remaining),
			Math.max(MIN_FETCH, Math.ceil((2 * remaining) / due.length)),
		);
		await Promise.all(due.map(reader => fetchOne(reader, size)));
	}

	const gapsAfter = new Map<string, Gap>();
	for (const reader of readers) {
		const gap = reader.gap();
		if (cursor.rest === 'start' ? !atStart(gap) : !atEnd(gap)) gapsAfter.set(reader.thread.id, gap);
	}
	const lastItem = items.at(-1);
	// The edge guards threads the merge never reached, read the way this page was. Read the other way from
	// the rest (a page before a forward cursor), a thread at rest was read back past its start instead: all
	// its rows lie ahead, the page's own rows among them, and an edge would drop them.
	const fromRest = (cursor.rest === 'start') === (dir === 'f');
	const farCursor =
		lastItem === undefined
			? undefined
			: encodeCursor({
					order,
					rest: cursor.rest,
					gaps: gapsAfter,
					...(fromRest ? {edge: {ms: keyMs(lastItem.createdAtMs), id: lastItem.id}} : {}),
				});
	const moreAhead = readers.some(reader => !reader.exhausted);
	if (farCursor !== undefined && moreAhead) deps.sessions?.put(farCursor, {readers, threads, dir});
	// The incoming cursor is this page's near edge: the other way from here is where the reader came from.
	const nearCursor =
		text ?? (items.length === 0 ? undefined : encodeCursor({order, rest: cursor.rest, gaps: new Map()}));
	// Whether anything lies on the near side of the incoming cursor (behind a forward read, ahead of a backward one).
	const gapOf = (thread: ThreadInfo) => cursor.gaps.get(thread.id) ?? restGap;
	const moreBehind =
		text !== undefined &&
		threads.some(thread => (backward ? !atEnd(gapOf(thread)) : !atStart(gapOf(thread))));
	const totals = readers.map(reader => reader.total);
	const totalCount =
		withTotal && totals.length > 0 && totals.every(total => total !== undefined)
			? totals.reduce((sum: number, total) => sum + (total as number), 0)
			: withTotal && threads.length === 0
				? 0
				: undefined;

	const named = items.map(item => withThreadName(item, names));
	const rows = backward ? named.reverse() : named;
	return {
		items: rows,
		nextCursor: backward ? nearCursor : farCursor,
		previousCursor: backward ? farCursor : text === undefined ? undefined : nearCursor,
		hasNextPage: backward ? moreBehind : items.length > 0 && moreAhead,
		hasPreviousPage: backward ? items.length > 0 && moreAhead : moreBehind,
		...(totalCount === undefined ? {} : {totalCount}),
	};
}

/** The row with its thread's name, for "All threads" (the thread list has it; the interaction does not). */
export function withThreadName<T extends MergeRow>(item: T, names: ReadonlyMap<string, string>): T {
	const name = item.threadId === undefined ? undefined : names.get(item.threadId);
	return name === undefined || item.threadName === name ? item : {...item, threadName: name};
}
