// The overview in place of the list and detail: the scan's numbers as lines, a cursor over the clusters and
// breakdown rows, and its own key layer. The scan itself lives in the explorer screen (use-overview-scan), so
// closing the overview and coming back shows the same numbers without reading the project again.
import {Box, useInput} from 'ink';
import {useMemo, useState} from 'react';
import {Footer} from '../components/footer.tsx';
import {Overview, overviewBodyHeight} from '../components/overview.tsx';
import {overviewLines, snapshotLayoutFor} from '../domain/overview-lines.ts';
import {formatScanProgress} from '../domain/scan-progress.ts';
import type {OverviewScanHandle} from '../hooks/use-overview-scan.ts';
import {layerFooterBindings, resolveKeys, scrollDelta} from '../keymap.ts';
import {clampOverview, initialOverviewCursor, moveOverview, overviewLine} from '../state/overview-cursor.ts';

type Props = {
	readonly scan: OverviewScanHandle;
	readonly width: number;
	readonly height: number;
	readonly active: boolean;
	/** "last 6h", "all time". */
	readonly windowLabel: string;
	readonly message?: string;
	/** Enter on a cluster or a breakdown row: its filter term. */
	readonly onPick: (filter: string) => void;
	readonly onClose: () => void;
	readonly onWindow: () => void;
	readonly onHelp: () => void;
	readonly onQuit: () => void;
};

/** Chart rows for the body's height: the clusters must still show below it on a short terminal. */
const chartHeight = (height: number) => (height >= 36 ? 8 : height >= 26 ? 6 : height >= 18 ? 4 : 2);

export function OverviewPanel({scan, width, height, active, windowLabel, message, ...on}: Props) {
	const [cursor, setCursor] = useState(initialOverviewCursor);
	const panelHeight = Math.max(2, height - 1);
	const snapshot = useMemo(
		() => scan.accumulator.snapshot(snapshotLayoutFor(width)),
		// A new version means more rows in the same accumulator.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[scan.accumulator, scan.version, width],
	);
	const lines = useMemo(
		() => overviewLines(snapshot, {width, chartHeight: chartHeight(panelHeight)}),
		[snapshot, width, panelHeight],
	);
	const body = overviewBodyHeight(panelHeight, scan.error !== undefined);
	const view = clampOverview(cursor, lines, body);
	const running = scan.status === 'running';

	useInput(
		(input, key) => {
			for (const command of resolveKeys(input, key, 'overview')) {
				if (command === 'quit') return on.onQuit();
				if (command === 'back') {
					// Esc stops a running scan first (what it found stays); a second Esc closes.
					if (running) scan.cancel();
					else on.onClose();
					return;
				}
				if (command === 'open') {
					const filter = lines[overviewLine(view, lines)]?.filter;
					if (filter !== undefined) on.onPick(filter);
					return;
				}
				if (command === 'reload') scan.retry();
				else if (command === 'window') on.onWindow();
				else if (command === 'help') on.onHelp();
				else if (command === 'first' || command === 'last')
					setCursor(moveOverview(view, command, lines, body));
				else {
					const delta = scrollDelta(command, Math.max(1, body - 1));
					if (delta !== undefined)
						setCursor(current => moveOverview(clampOverview(current, lines, body), delta, lines, body));
				}
			}
		},
		{isActive: active},
	);

	const progress = scan.progress
		? formatScanProgress(scan.progress, scan.status)
		: running
			? 'scanning…'
			: formatScanProgress({rows: 0, pages: 0, estimated: false, elapsedMs: 0, matches: 0}, scan.status);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Overview
				lines={lines}
				cursor={overviewLine(view, lines)}
				top={view.top}
				width={width}
				height={panelHeight}
				title={`OVERVIEW · ${windowLabel} · ${progress}`}
				running={running}
				error={scan.error}
			/>
			<Footer bindings={layerFooterBindings('overview')} width={width} message={message} />
		</Box>
	);
}
