// A filtered list (a filter, errors-only, or a time window) is a scan of every page of the scope in the
// window (api/scan.ts, run by hooks/use-list-scan.ts), not only of the pages the list happens to hold.
// Matches stream in page by page and are kept apart from the bounded page cache, at most MAX_MATCHES,
// so the filtered list stays stable while pages come and go. This module is the pure half: the state of
// one scan and the actions the hook feeds it.
import type {ScanProgress, ScanStatus} from '../domain/scan-progress.ts';
import type {Interaction} from '../domain/types.ts';

/** Never hold more matches than this: a filter matching everything should not grow memory forever. */
export const MAX_MATCHES = 5000;

export type FilterView = {
	readonly text: string;
	readonly errorsOnly: boolean;
	/** No filter, only the time window: every row of the window is a match. */
	readonly windowOnly: boolean;
	readonly predicate: (interaction: Interaction) => boolean;
	readonly matches: readonly Interaction[];
	readonly status: ScanStatus;
	readonly progress?: ScanProgress;
	/** More rows matched than MAX_MATCHES: the list holds the first ones only. */
	readonly boundHit: boolean;
	/** Why the scan failed, with how far it got. */
	readonly error?: string;
	/** Esc was pressed: the hook aborts the scan, which then reports 'cancelled'. */
	readonly stopping: boolean;
	/** Carry on from where the last run stopped (after `r` on a stopped or failed scan). */
	readonly resuming: boolean;
	/**
	 * One token per run of the scan: the hook starts a run when it changes, and a page or outcome of an older
	 * run (a filter replaced while its scan was in flight) carries an old token and is dropped.
	 */
	readonly run: object;
};

export type ScanAction =
	| {
			readonly type: 'scan-page';
			readonly run: object;
			readonly matches: readonly Interaction[];
			readonly progress: ScanProgress;
	  }
	| {
			readonly type: 'scan-done';
			readonly run: object;
			readonly status: Exclude<ScanStatus, 'running'>;
			readonly progress: ScanProgress;
			readonly boundHit: boolean;
			readonly error?: string;
	  }
	| {readonly type: 'scan-stop'};

export function startFilter(
	text: string,
	errorsOnly: boolean,
	predicate: (interaction: Interaction) => boolean,
	windowOnly = false,
): FilterView {
	return {
		text,
		errorsOnly,
		windowOnly,
		predicate,
		matches: [],
		status: 'running',
		boundHit: false,
		stopping: false,
		resuming: false,
		run: {},
	};
}

/** The same filter scanned afresh (reload of a complete scan). */
export const restartFilter = (filter: FilterView): FilterView =>
	startFilter(filter.text, filter.errorsOnly, filter.predicate, filter.windowOnly);

/** A stopped or failed scan carries on from its last page; its matches stay. */
export const resumeFilter = (filter: FilterView): FilterView => ({
	...filter,
	status: 'running',
	error: undefined,
	stopping: false,
	resuming: true,
	run: {},
});

export const resumable = (filter: FilterView): boolean =>
	filter.status === 'cancelled' || filter.status === 'failed';

/** One page's matches (appended up to the bound) and the progress after it. */
export function addScanPage(
	filter: FilterView,
	run: object,
	found: readonly Interaction[],
	progress: ScanProgress,
): FilterView {
	if (run !== filter.run || filter.status !== 'running') return filter;
	const room = MAX_MATCHES - filter.matches.length;
	const matches =
		found.length === 0 || room <= 0 ? filter.matches : [...filter.matches, ...found.slice(0, room)];
	return {...filter, matches, progress, boundHit: filter.boundHit || found.length > room};
}

export function finishScan(filter: FilterView, action: Extract<ScanAction, {type: 'scan-done'}>): FilterView {
	if (action.run !== filter.run) return filter;
	return {
		...filter,
		status: action.status,
		progress: action.progress,
		boundHit: filter.boundHit || action.boundHit,
		error: action.error,
		stopping: false,
		resuming: false,
	};
}

export const stopScan = (filter: FilterView): FilterView =>
	filter.status === 'running' ? {...filter, stopping: true} : filter;
