// The one scan behind the explorer's filter, errors-only and overview, `export` and `report`: it reads every
// page of a scope inside a time window, not only the pages the list happens to hold.
//
// - Newest first (the default), it stops at the first row older than the window: nothing after it can be in.
// - It asks for large pages (SCAN_PAGE_SIZE) and falls back to the caller's size when the server refuses (400).
// - Memory is the caller's choice: `onPage` sees each page once (the overview keeps aggregates, export writes
//   them out); only rows the predicate keeps are held, at most `maxMatches`, and the outcome says when the
//   bound was hit.
// - Cancelled (AbortSignal) or failed mid-way, it returns what it has, marked partial, with the error in words
//   and how far it got; `resumeScan` carries on from the page that failed.
import {formatCount, formatTimeUtc} from '../domain/format.ts';
import {estimateTotal, type ScanProgress} from '../domain/scan-progress.ts';
import {
	ALL_TIME,
	inWindow,
	newerThanWindow,
	olderThanWindow,
	resolveWindow,
	type ResolvedWindow,
	type TimeWindow,
} from '../domain/time-window.ts';
import type {Interaction, InteractionScope, PageOrder, PageRequest} from '../domain/types.ts';
import type {ZylonClient} from './client-types.ts';
import {ApiError} from './errors.ts';

export type {ScanProgress} from '../domain/scan-progress.ts';

/** The page size a scan asks for; the demo and, per [3P], real servers accept 1000. */
export const SCAN_PAGE_SIZE = 1000;
/**
 * For a scan behind a screen that must keep answering keys: parsing a page is synchronous, and 1,000
 * interactions took 150-600 ms to parse (parseInteractionPage, measured on the shared 2-core machine under
 * load), so the explorer should scan in pages of this size, about a tenth of that per page.
 */
export const INTERACTIVE_SCAN_PAGE_SIZE = 100;
/** Rows a filtered list keeps by default. */
export const DEFAULT_MAX_MATCHES = 5000;
// A server that keeps saying "more" while sending nothing must not keep a scan looping.
const MAX_EMPTY_PAGES = 3;

export type ScanOptions = {
	readonly client: Pick<ZylonClient, 'interactions'>;
	readonly scope: InteractionScope;
	readonly window?: TimeWindow;
	/** DESC (newest first, the default) stops at the window's older edge; ASC at its newer edge. */
	readonly order?: PageOrder;
	/** The instant relative windows are resolved against; default Date.now() at the start. */
	readonly nowMs?: number;
	/** Default SCAN_PAGE_SIZE. */
	readonly pageSize?: number;
	/** Used when the server refuses `pageSize` with a 400 (default 50). */
	readonly fallbackPageSize?: number;
	/** Which rows to keep (default: none are kept, only counted as matches). */
	readonly keep?: (interaction: Interaction) => boolean;
	/** At most this many kept rows (default DEFAULT_MAX_MATCHES). */
	readonly maxMatches?: number;
	/** Stop reading once the bound is hit (default true): a list cannot show more anyway. */
	readonly stopAtBound?: boolean;
	/**
	 * Each page's rows inside the window, in order, with the progress after it. Awaited (export's back-pressure);
	 * 'stop' ends the scan there, complete but partial (export --limit).
	 */
	readonly onPage?: (
		rows: readonly Interaction[],
		progress: ScanProgress,
	) => void | 'stop' | Promise<void | 'stop'>;
	readonly signal?: AbortSignal;
};

export type ScanOutcome = {
	readonly status: 'complete' | 'cancelled' | 'failed';
	/** Not every page in the window was read: cancelled, failed, or stopped at the bound. */
	readonly partial: boolean;
	readonly progress: ScanProgress;
	/** Kept rows in scan order, at most maxMatches. */
	readonly matches: readonly Interaction[];
	/** More rows matched than `matches` holds. */
	readonly boundHit: boolean;
	/** Why it failed, in words, with how far it got; absent unless failed. */
	readonly error?: string;
	/** The creation time of the last row read: how far back (or forward) the scan got. */
	readonly reachedMs?: number;
	/** Where to carry on (resumeScan); absent when complete. */
	readonly resume?: ScanResume;
};

/** Opaque to callers: what resumeScan needs to carry on. */
export type ScanResume = {
	readonly cursor?: string;
	readonly pageSize: number;
	readonly rows: number;
	readonly pages: number;
	readonly elapsedMs: number;
	readonly totalCount?: number;
	readonly fromMs?: number;
	readonly reachedMs?: number;
	readonly nowMs: number;
	readonly matches: readonly Interaction[];
	readonly matched: number;
};

const aborted = (error: unknown) => error instanceof ApiError && error.kind === 'aborted';

export function runScan(options: ScanOptions): Promise<ScanOutcome> {
	return scan(options, undefined);
}

/** Carries on a cancelled or failed scan from where it stopped; matches and counts continue. */
export function resumeScan(options: ScanOptions, from: ScanOutcome): Promise<ScanOutcome> {
	return scan(options, from.resume);
}

async function scan(options: ScanOptions, from: ScanResume | undefined): Promise<ScanOutcome> {
	const order = options.order ?? 'DESC';
	const nowMs = from?.nowMs ?? options.nowMs ?? Date.now();
	const window: ResolvedWindow = resolveWindow(options.window ?? ALL_TIME, nowMs);
	const max = options.maxMatches ?? DEFAULT_MAX_MATCHES;
	const stopAtBound = options.stopAtBound ?? true;
	const started = performance.now() - (from?.elapsedMs ?? 0);
	let pageSize = from?.pageSize ?? options.pageSize ?? SCAN_PAGE_SIZE;
	const fallback = options.fallbackPageSize ?? 50;
	let cursor = from?.cursor;
	let rows = from?.rows ?? 0;
	let pages = from?.pages ?? 0;
	let totalCount = from?.totalCount;
	let fromMs = from?.fromMs;
	let reachedMs = from?.reachedMs;
	const matches: Interaction[] = [...(from?.matches ?? [])];
	let matched = from?.matched ?? 0;
	let empty = 0;
	const windowed = window.sinceMs !== undefined || window.untilMs !== undefined;

	const progress = (): ScanProgress => {
		const total = windowed ? estimateTotal(rows, window, fromMs, reachedMs, totalCount) : totalCount;
		return {
			rows,
			pages,
			...(total === undefined ? {} : {total}),
			estimated: total !== undefined && (windowed || totalCount === undefined),
			elapsedMs: performance.now() - started,
			matches: matched,
		};
	};
	const outcome = (status: ScanOutcome['status'], more: boolean, error?: string): ScanOutcome => {
		const done = progress();
		return {
			status,
			partial: more,
			progress: status === 'complete' && !more ? {...done, total: rows, estimated: false} : done,
			matches,
			boundHit: matched > matches.length,
			...(error === undefined ? {} : {error}),
			...(reachedMs === undefined ? {} : {reachedMs}),
			...(more
				? {
						resume: {
							cursor,
							pageSize,
							rows,
							pages,
							elapsedMs: done.elapsedMs,
							totalCount,
							fromMs,
							reachedMs,
							nowMs,
							matches,
							matched,
						},
					}
				: {}),
		};
	};

	for (;;) {
		if (options.signal?.aborted) return outcome('cancelled', true);
		const request: PageRequest = {first: pageSize, after: cursor, order, totalCount: pages === 0};
		let page;
		try {
			page = await options.client.interactions(options.scope, request, options.signal);
		} catch (error) {
			if (aborted(error) || options.signal?.aborted) return outcome('cancelled', true);
			// A server that refuses large pages says 400 on the first one; the caller's size is known to work.
			if (
				error instanceof ApiError &&
				error.details.status === 400 &&
				pageSize > fallback &&
				cursor === undefined
			) {
				pageSize = fallback;
				continue;
			}
			const message = error instanceof Error ? error.message : String(error);
			return outcome('failed', true, failureWords(message, rows, pages, reachedMs));
		}
		pages++;
		if (page.totalCount !== undefined) totalCount = page.totalCount;
		const inside: Interaction[] = [];
		let pastEdge = false;
		for (const item of page.items) {
			const ms = item.createdAtMs;
			if (order === 'DESC' ? olderThanWindow(window, ms) : newerThanWindow(window, ms)) {
				pastEdge = true;
				break;
			}
			if (!inWindow(window, ms)) continue;
			inside.push(item);
			if (Number.isFinite(ms)) {
				fromMs ??= order === 'DESC' ? (window.untilMs ?? ms) : (window.sinceMs ?? ms);
				reachedMs = ms;
			}
		}
		rows += inside.length;
		for (const item of inside) {
			if (!options.keep || !options.keep(item)) continue;
			matched++;
			if (matches.length < max) matches.push(item);
		}
		const next = page.nextCursor ?? page.items.at(-1)?.id;
		cursor = next;
		if ((await options.onPage?.(inside, progress())) === 'stop') return outcome('complete', true);
		empty = page.items.length === 0 ? empty + 1 : 0;
		if (pastEdge || !page.hasNextPage || next === undefined || empty >= MAX_EMPTY_PAGES) {
			return outcome('complete', false);
		}
		if (stopAtBound && matched > max) return outcome('complete', true);
	}
}

/** "stopped after 4,200 rows in 38 pages (reached 14:02Z): <why>". */
function failureWords(message: string, rows: number, pages: number, reachedMs: number | undefined): string {
	if (pages === 0) return message;
	const reach = reachedMs === undefined ? '' : ` (reached ${formatTimeUtc(reachedMs, Date.now())})`;
	return `stopped after ${formatCount(rows)} row${rows === 1 ? '' : 's'} in ${formatCount(pages)} page${pages === 1 ? '' : 's'}${reach}: ${message}`;
}
