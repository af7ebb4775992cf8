// Runs the scan behind a filtered list (filter-view.ts): every page of the scope in the time window, each
// page's matches dispatched as they arrive. A new run token starts a scan (and aborts the one before); Esc
// (`stopping`) aborts it, and a resumed run carries on from the page the last one stopped at.
import {useEffect, useRef, type Dispatch} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {
	INTERACTIVE_SCAN_PAGE_SIZE,
	resumeScan,
	runScan,
	type ScanOptions,
	type ScanOutcome,
} from '../api/scan.ts';
import type {TimeWindow} from '../domain/time-window.ts';
import type {Interaction, InteractionScope, PageOrder} from '../domain/types.ts';
import type {ExplorerAction} from '../state/explorer.ts';
import {MAX_MATCHES, type FilterView} from '../state/filter-view.ts';
import type {ScanProgress} from '../domain/scan-progress.ts';

/** The fewest milliseconds between two hand-overs of matches while a scan runs (about six frames a second). */
const DISPATCH_MS = 150;

type Options = {
	readonly client: Pick<ZylonClient, 'interactions'>;
	readonly scope: InteractionScope;
	readonly order: PageOrder;
	/** The list's page size: what the scan falls back to when the server refuses large pages. */
	readonly pageSize: number;
	readonly window: TimeWindow;
	readonly filter: FilterView | undefined;
	readonly dispatch: Dispatch<ExplorerAction>;
};

export function useListScan({client, scope, order, pageSize, window, filter, dispatch}: Options): void {
	const controller = useRef<AbortController | undefined>(undefined);
	// The last run's outcome, for resuming it; and which run it belongs to (the filter it scanned).
	const last = useRef<{predicate: FilterView['predicate']; outcome: ScanOutcome} | undefined>(undefined);
	const run = filter?.run;

	useEffect(() => {
		if (!filter || filter.status !== 'running') return;
		const abort = new AbortController();
		controller.current = abort;
		const {predicate} = filter;
		// Kept rows are collected here by `keep` and handed over at most every DISPATCH_MS: each hand-over is a
		// frame, and frames that land between a key and its answer are what a key waits for during a scan.
		let found: Interaction[] = [];
		let handedAt = 0;
		let latest: ScanProgress | undefined;
		const handOver = () => {
			if (!latest) return;
			const matches = found;
			found = [];
			handedAt = performance.now();
			dispatch({type: 'scan-page', run: filter.run, matches, progress: latest});
			latest = undefined;
		};
		const options: ScanOptions = {
			client,
			scope,
			order,
			window,
			pageSize: INTERACTIVE_SCAN_PAGE_SIZE,
			fallbackPageSize: pageSize,
			maxMatches: MAX_MATCHES,
			signal: abort.signal,
			keep(row) {
				const kept = predicate(row);
				if (kept) found.push(row);
				return kept;
			},
			onPage(_rows, progress) {
				if (abort.signal.aborted) return;
				latest = progress;
				if (performance.now() - handedAt >= DISPATCH_MS) handOver();
			},
		};
		const previous = last.current;
		const carryOn =
			filter.resuming && previous?.predicate === predicate && previous.outcome.resume !== undefined;
		const scanning = carryOn ? resumeScan(options, previous.outcome) : runScan(options);
		void scanning.then(outcome => {
			// A run replaced by another (new filter, window or reload) says nothing: its successor owns the list.
			if (controller.current !== abort) return;
			// What the last pages found, before the run says it is done (a stopped run keeps it too).
			handOver();
			controller.current = undefined;
			last.current = {predicate, outcome};
			dispatch({
				type: 'scan-done',
				run: filter.run,
				status: outcome.status,
				progress: outcome.progress,
				boundHit: outcome.boundHit,
				...(outcome.error === undefined ? {} : {error: outcome.error}),
			});
		});
		return () => {
			if (controller.current === abort) controller.current = undefined;
			abort.abort();
		};
		// A run token changes whenever the filter, the window or a reload asks for a new scan; `client`,
		// `scope` and `order` are fixed for a mounted list.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [run]);

	const stopping = filter?.stopping ?? false;
	useEffect(() => {
		if (!stopping || !controller.current) return;
		// Aborted here, the run's outcome is still reported (as cancelled), so its matches stay marked partial.
		const abort = controller.current;
		abort.abort();
	}, [stopping]);
}
