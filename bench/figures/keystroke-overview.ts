// Keys in the overview while its scan runs (issue 12): `v` on the 10,000-row thread starts the overview's scan,
// and `j`/`k` move its cursor while the title still says "scanning" (scan-keys.ts). A press is answered when the
// cursor's line moves (between the largest cluster and the row below it). A scan that reorders the lines above a
// resting cursor would move it too; above the first cluster there are only the totals and the chart.
import type {Figure} from '../harness.ts';
import {keysWhileScanning} from './scan-keys.ts';

const scanning = /OVERVIEW · [^\n]*scanning · /;

/** The line the overview's cursor is on, or -1. */
const cursorLine = (screen: string) => screen.split('\n').findIndex(line => line.startsWith('>'));

export const figure: Figure = {
	name: 'keystroke latency, `j`/`k` in the overview while its scan runs (10,000 rows, 100 ms latency)',
	budget: 'p95 <= 16 ms',
	run(harness) {
		return keysWhileScanning(harness, this, {
			async start(term) {
				term.write('v');
				await term.waitFor(scanning, {timeoutMs: 10_000});
				// A cursor on the first cluster, and breakdown rows below it to move to.
				await term.waitFor(screen => cursorLine(screen) >= 0 && /BY MODEL/.test(screen), {
					timeoutMs: 30_000,
				});
			},
			key: index => (index % 2 === 0 ? 'j' : 'k'),
			signature: cursorLine,
			scanning,
		});
	},
};
