// What a scan (api/scan.ts) reports while it reads every page of a scope and window, and the words for it:
// the explorer's status line, export's and report's stderr line. Pure, so components can show it.
import {formatCount} from './format.ts';
import type {ResolvedWindow} from './time-window.ts';

export type ScanProgress = {
	/** Rows read inside the window so far. */
	readonly rows: number;
	/** Pages fetched so far (the one that crossed the window's edge included). */
	readonly pages: number;
	/** Rows the scan will read in all: from total_count, or estimated (see `estimated`); absent when unknown. */
	readonly total?: number;
	/** `total` is an estimate (the window cuts the project's total_count, or no total was sent). */
	readonly estimated: boolean;
	readonly elapsedMs: number;
	/** Rows the scan's predicate kept (all rows when it has none). */
	readonly matches: number;
};

export type ScanStatus = 'running' | 'complete' | 'cancelled' | 'failed';

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

/** "scanning · 4,200 of ~12,000 · 38 pages · 2.1 s" (the explorer's line, and report's stderr). */
export function formatScanProgress(progress: ScanProgress, status: ScanStatus = 'running'): string {
	const word = {
		running: 'scanning',
		complete: 'scanned',
		cancelled: 'stopped (partial)',
		failed: 'failed (partial)',
	}[status];
	const of =
		progress.total === undefined
			? ''
			: ` of ${progress.estimated ? '~' : ''}${formatCount(Math.max(progress.total, progress.rows))}`;
	const pages = `${formatCount(progress.pages)} page${progress.pages === 1 ? '' : 's'}`;
	return `${word} · ${formatCount(progress.rows)}${of} · ${pages} · ${seconds(progress.elapsedMs)}`;
}

/** Rows per second so far, or undefined too early to say. */
export function scanRate(progress: ScanProgress): number | undefined {
	return progress.elapsedMs < 200 || progress.rows === 0
		? undefined
		: (progress.rows * 1000) / progress.elapsedMs;
}

/** "exported 4,200 of 12,000 · 38 pages · 2,000/s · ETA 4 s": export's one-line stderr progress on a terminal. */
export function formatExportProgress(progress: ScanProgress, verb = 'exported'): string {
	const rate = scanRate(progress);
	const of =
		progress.total === undefined
			? ''
			: ` of ${progress.estimated ? '~' : ''}${formatCount(Math.max(progress.total, progress.rows))}`;
	const parts = [
		`${verb} ${formatCount(progress.rows)}${of}`,
		`${formatCount(progress.pages)} page${progress.pages === 1 ? '' : 's'}`,
		rate === undefined ? undefined : `${formatCount(Math.round(rate))}/s`,
	];
	if (rate !== undefined && progress.total !== undefined && progress.total > progress.rows) {
		parts.push(`ETA ${seconds(((progress.total - progress.rows) / rate) * 1000)}`);
	}
	return parts.filter(Boolean).join(' · ');
}

/**
 * Rows the window holds, judged from how much of it the rows read so far cover: a scan reading away from
 * `fromMs` (the side it started on) that has reached `reachedMs` has covered |fromMs - reachedMs| of the
 * window's span. Capped by the scope's total_count when known. Undefined while there is nothing to go on.
 */
export function estimateTotal(
	rows: number,
	window: ResolvedWindow,
	fromMs: number | undefined,
	reachedMs: number | undefined,
	totalCount: number | undefined,
): number | undefined {
	const far =
		window.sinceMs !== undefined && fromMs !== undefined && reachedMs !== undefined && reachedMs <= fromMs
			? window.sinceMs
			: window.untilMs;
	if (far === undefined || fromMs === undefined || reachedMs === undefined || rows === 0) return totalCount;
	const span = Math.abs(fromMs - far);
	const covered = Math.abs(fromMs - reachedMs);
	if (covered <= 0 || span <= 0) return totalCount;
	const estimate = Math.max(rows, Math.round((rows * span) / covered));
	return totalCount === undefined ? estimate : Math.min(estimate, totalCount);
}
