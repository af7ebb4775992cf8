// Keys while the list's scan runs (issue 12): `e` starts the errors-only scan of every page of the 10,000-row
// thread, and `j` is timed while the list status still says "scanning" (scan-keys.ts).
import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {keysWhileScanning} from './scan-keys.ts';

const scanning = /scanning · /;
/** "errors only · 167 · scanning · …": the matches found so far. */
const matchesSoFar = (screen: string) =>
	Number(/errors only · ([\d,]+) · scanning/.exec(screen)?.[1]?.replaceAll(',', '') ?? 0);

export const figure: Figure = {
	name: 'keystroke latency, `j` in the list while a scan runs (errors only, 10,000 rows, 100 ms latency)',
	budget: 'p95 <= 16 ms',
	run(harness) {
		return keysWhileScanning(harness, this, {
			async start(term, presses) {
				term.write('e');
				await term.waitFor(scanning, {timeoutMs: 10_000});
				// Enough matches on screen for every press to have a row to go to.
				await term.waitFor(
					screen => matchesSoFar(screen) >= presses + 5 && markers.selection(screen) !== screen,
					{timeoutMs: 30_000},
				);
			},
			key: () => markers.listDown,
			signature: markers.selection,
			scanning,
		});
	},
};
