// The overview's scan: reads every page of the scope in the window into an OverviewAccumulator (aggregates
// only, no rows), and redraws at most every REDRAW_MS while it runs so a fast server does not turn every page
// into a frame. Esc cancels (what was read stays, marked partial); r resumes a cancelled or failed scan from
// the page it stopped at, or starts afresh once it is complete.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {
	INTERACTIVE_SCAN_PAGE_SIZE,
	resumeScan,
	runScan,
	type ScanOptions,
	type ScanOutcome,
} from '../api/scan.ts';
import {OverviewAccumulator} from '../domain/overview.ts';
import type {ScanProgress, ScanStatus} from '../domain/scan-progress.ts';
import {resolveWindow, type TimeWindow} from '../domain/time-window.ts';
import type {InteractionScope} from '../domain/types.ts';

// A redraw while the scan runs changes most of the screen (chart, counts, clusters): at every 100 ms, keys pressed
// in the overview during its scan had p95 17-21 ms; at 250, 12-15 (bench: keys in the overview while its scan
// runs, A/B). Four updates a second still show the numbers moving.
const REDRAW_MS = 250;

export type OverviewScan = {
	readonly status: ScanStatus;
	readonly progress?: ScanProgress;
	/** Why it failed, with how far it got. */
	readonly error?: string;
	/** Bumped whenever the accumulator has more in it: what a memoised snapshot depends on. */
	readonly version: number;
	/** The scope and window these numbers are for. */
	readonly key?: string;
};

export type OverviewScanHandle = OverviewScan & {
	readonly accumulator: OverviewAccumulator;
	readonly cancel: () => void;
	readonly retry: () => void;
};

export function useOverviewScan(options: {
	readonly client: Pick<ZylonClient, 'interactions'>;
	readonly scope: InteractionScope;
	readonly window: TimeWindow;
	/** False until the overview first opens; then it stays true, and the numbers stay while it is closed. */
	readonly enabled: boolean;
}): OverviewScanHandle {
	const {client, scope, window, enabled} = options;
	const [scan, setScan] = useState<OverviewScan>({status: 'running', version: 0});
	const [generation, setGeneration] = useState(0);
	const accumulator = useRef<OverviewAccumulator | undefined>(undefined);
	const controller = useRef<AbortController | undefined>(undefined);
	const last = useRef<ScanOutcome | undefined>(undefined);
	const resume = useRef(false);
	const key = `${scope.projectId}/${scope.threadId ?? '*'}/${JSON.stringify(window)}`;
	const scanned = useRef<string | undefined>(undefined);

	useEffect(() => {
		if (!enabled) return;
		const carryOn = resume.current && last.current?.resume !== undefined && scanned.current === key;
		resume.current = false;
		scanned.current = key;
		const nowMs = carryOn ? last.current!.resume!.nowMs : Date.now();
		const sum =
			carryOn && accumulator.current
				? accumulator.current
				: new OverviewAccumulator({nowMs, window: resolveWindow(window, nowMs)});
		accumulator.current = sum;
		if (!carryOn) last.current = undefined;
		const abort = new AbortController();
		controller.current = abort;
		let drawn = 0;
		let version = 0;
		setScan(previous => ({
			status: 'running',
			version: previous.version + 1,
			progress: carryOn ? previous.progress : undefined,
			key,
		}));
		const scanOptions: ScanOptions = {
			client,
			scope,
			window,
			nowMs,
			// Keys stay answered while it runs: a page of 1,000 takes too long to parse in one go.
			pageSize: INTERACTIVE_SCAN_PAGE_SIZE,
			signal: abort.signal,
			onPage(rows, progress) {
				sum.add(rows);
				version++;
				const now = performance.now();
				if (now - drawn < REDRAW_MS) return;
				drawn = now;
				setScan(previous => ({status: 'running', progress, version: previous.version + 1, key}));
			},
		};
		const running = carryOn ? resumeScan(scanOptions, last.current!) : runScan(scanOptions);
		void running.then(outcome => {
			if (controller.current !== abort) return;
			last.current = outcome;
			controller.current = undefined;
			setScan(previous => ({
				key,
				status: outcome.status,
				progress: outcome.progress,
				version: previous.version + 1 + version,
				...(outcome.error === undefined ? {} : {error: outcome.error}),
			}));
		});
		return () => {
			if (controller.current === abort) controller.current = undefined;
			abort.abort();
		};
		// `client` is stable for a mounted screen; `key` covers scope and window.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [enabled, key, generation]);

	const cancel = useCallback(() => controller.current?.abort(), []);
	const retry = useCallback(() => {
		if (controller.current) return;
		resume.current = last.current?.status !== 'complete';
		setGeneration(value => value + 1);
	}, []);
	// Between a new window and the effect that starts its scan, the numbers on hand are the old window's: say
	// the scan is running rather than show them as the new window's result.
	const current: OverviewScan = scan.key === key ? scan : {status: 'running', version: scan.version, key};
	return {...current, accumulator: accumulator.current ?? emptyAccumulator, cancel, retry};
}

const emptyAccumulator = new OverviewAccumulator({nowMs: 0});
