// One thread of the project timeline (timeline.ts), read in one direction: a buffer of rows in reading order,
// the next fetch, and the gap (timeline-gaps.ts) after the last row taken, so a page can end anywhere.
import type {Page, PageOrder, PageRequest} from '../domain/types.ts';
import {
	compareKeys,
	keyMs,
	type Direction,
	type Gap,
	type Key,
	type MergeRow,
	type ThreadInfo,
} from './timeline-gaps.ts';

const MAX_FETCH = 1000;

type Plan = {readonly c?: string; readonly skip: number};
type Segment = {readonly count: number; readonly gapAt: (taken: number) => Gap};

/** A thread read in one direction: a buffer of rows in reading order and where the next fetch starts. */
export class Reader<T extends MergeRow = MergeRow> {
	buffer: T[] = [];
	/**
	 * The fetched pages the buffer holds rows of, oldest first, each with the gap after its `taken`-th row: a
	 * reader topped up before running dry holds the rest of one page and the start of the next.
	 */
	private segments: Segment[];
	private taken = 0;
	/** The next fetch in the reading direction; undefined when nothing lies beyond the buffer. */
	plan: Plan | undefined;
	/** A backward read from a forward gap (or the reverse) must first fetch the rows next to it. */
	bridge: Gap | undefined;
	last: Key | undefined;
	fetched = false;
	total: number | undefined;

	constructor(
		readonly thread: ThreadInfo,
		readonly dir: Direction,
		start: Gap,
		/** Rows that are not after this key (in reading order) are dropped: set for threads not reached yet. */
		readonly edge: Key | undefined,
		/** Whether reading order is oldest first (for the edge). */
		readonly ascending: boolean,
	) {
		this.segments = [{count: 0, gapAt: () => start}];
		if (start.d === dir) {
			this.plan = start.x ? undefined : {c: start.c, skip: start.s};
		} else if (start.s > 0 || start.c !== undefined) {
			this.bridge = start;
		}
	}

	get exhausted(): boolean {
		return this.buffer.length === 0 && this.plan === undefined && this.bridge === undefined;
	}

	get needsFetch(): boolean {
		return this.buffer.length === 0 && (this.plan !== undefined || this.bridge !== undefined);
	}

	/** Rows in hand but fewer than `rows`, and more to fetch: worth topping up in a round that goes out anyway. */
	low(rows: number): boolean {
		return (
			this.buffer.length > 0 &&
			this.buffer.length < rows &&
			this.plan !== undefined &&
			this.bridge === undefined
		);
	}

	/** Nothing more from this thread (it is gone). */
	stop(): void {
		this.buffer = [];
		this.plan = undefined;
		this.bridge = undefined;
	}

	gap(): Gap {
		return this.segments[0]!.gapAt(this.taken);
	}

	/** A fetched page's rows (after `dropped` were left out) join the buffer. */
	private load(rows: T[], count: number, gapAt: Segment['gapAt'], dropped: number): void {
		if (this.buffer.length === 0) {
			this.segments = [{count, gapAt}];
			this.taken = dropped;
			this.buffer = rows;
		} else {
			this.segments.push({count, gapAt});
			this.buffer.push(...rows);
		}
	}

	take(): T {
		const item = this.buffer.shift() as T;
		this.taken++;
		// Past the end of a page whose successor is in the buffer: count in the successor from here.
		while (this.segments.length > 1 && this.taken >= this.segments[0]!.count) {
			this.segments.shift();
			this.taken = 0;
		}
		this.last = {ms: keyMs(item.createdAtMs), id: item.id};
		return item;
	}

	async fetch(
		order: PageOrder,
		size: number,
		withTotal: boolean,
		get: (request: PageRequest) => Promise<Page<T>>,
	): Promise<void> {
		this.fetched = true;
		const bridge = this.bridge;
		if (bridge) {
			// The rows between the gap and its cursor, read the other way; then on from that page's far edge.
			this.bridge = undefined;
			const page = await get(request(bridge.d, order, bridge.c, Math.max(1, bridge.s), false));
			const rows =
				bridge.s === 0
					? []
					: bridge.d === 'f'
						? page.items.slice(0, bridge.s).reverse()
						: page.items.slice(-bridge.s);
			const base = rows.length;
			this.load(
				rows,
				base,
				taken => ({...(bridge.c === undefined ? {} : {c: bridge.c}), s: base - taken, d: bridge.d}),
				0,
			);
			// Beyond those rows, in the reading direction, from the bridge page's far edge.
			if (page.items.length === 0) {
				this.plan = bridge.c === undefined ? undefined : {skip: 0};
			} else if (bridge.d === 'f') {
				this.plan =
					page.hasPreviousPage && page.previousCursor ? {c: page.previousCursor, skip: 0} : undefined;
			} else {
				this.plan = page.hasNextPage && page.nextCursor ? {c: page.nextCursor, skip: 0} : undefined;
			}
			return;
		}
		const plan = this.plan as Plan;
		const n = Math.min(MAX_FETCH, plan.skip + Math.max(1, size));
		const page = await get(request(this.dir, order, plan.c, n, withTotal));
		if (withTotal) this.total = page.totalCount;
		const inOrder = this.dir === 'f' ? page.items : page.items.slice().reverse();
		const rows = inOrder.slice(plan.skip);
		const more =
			this.dir === 'f'
				? page.hasNextPage && page.nextCursor !== undefined
					? page.nextCursor
					: undefined
				: page.hasPreviousPage && page.previousCursor !== undefined
					? page.previousCursor
					: undefined;
		const dir = this.dir;
		const skip = plan.skip;
		const count = rows.length;
		// A page that claims more while giving nothing new would loop: treated as the end.
		const next = more !== undefined && count > 0 ? more : undefined;
		// A gap counted from the start of a list that grows at its start (newest first, follow) would slip:
		// anchored to the page's first row's cursor instead, it stays put.
		const near = this.dir === 'f' ? page.previousCursor : page.nextCursor;
		const anchor = plan.c === undefined && near !== undefined && inOrder.length > 0 ? near : undefined;
		const gapAt = (taken: number): Gap => {
			if (taken === count && next !== undefined) return {c: next, s: 0, d: dir};
			const at = skip + taken;
			const end = taken === count ? {x: true} : {};
			if (anchor !== undefined && at > 0) return {c: anchor, s: at - 1, d: dir, ...end};
			return {...(plan.c === undefined ? {} : {c: plan.c}), s: at, d: dir, ...end};
		};
		// Only the first rows of a thread can fall on the wrong side of the edge; dropped ones count as taken.
		const kept = this.buffer.length === 0 ? this.keep(rows) : rows;
		this.load(kept, count, gapAt, count - kept.length);
		this.plan = next === undefined ? undefined : {c: next, skip: 0};
	}

	private keep(rows: T[]): T[] {
		const edge = this.edge;
		if (!edge) return rows;
		const ascending = this.ascending;
		let start = 0;
		while (start < rows.length) {
			const row = rows[start] as T;
			const against = compareKeys({ms: keyMs(row.createdAtMs), id: row.id}, edge);
			if (ascending ? against > 0 : against < 0) break;
			start++;
		}
		return rows.slice(start);
	}
}

export function request(
	dir: Direction,
	order: PageOrder,
	cursor: string | undefined,
	n: number,
	total: boolean,
): PageRequest {
	return dir === 'f'
		? {first: n, after: cursor, order, totalCount: total}
		: {last: n, before: cursor, order, totalCount: total};
}

export const atStart = (gap: Gap) => (gap.d === 'f' ? gap.c === undefined && gap.s === 0 : gap.x === true);
export const atEnd = (gap: Gap) => (gap.d === 'b' ? gap.c === undefined && gap.s === 0 : gap.x === true);
