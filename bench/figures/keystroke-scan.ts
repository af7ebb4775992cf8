// Keys while a scan runs (issue 12): `e` starts the errors-only scan of every page of the 10,000-row thread,
// one request per 100 rows at 100 ms each, and `j` is timed while the list status still says "scanning". The
// screen changes with every page the scan reads, so presses are spaced by a fixed gap (past Ink's 8 ms
// throttle) rather than by waiting for a quiet screen, which a scan never leaves.
import {mkdtemp} from 'node:fs/promises';
import {performance} from 'node:perf_hooks';
import {setTimeout as delay} from 'node:timers/promises';
import path from 'node:path';
import {markers, NotMeasured} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {summarize, describeStats} from '../stats.ts';
import {closeTerm, openBigList, tenThousand} from './common.ts';

const latencyMs = 100;
const gapMs = 40;
const scanning = /scanning · /;
/** "errors only · 167 · scanning · …": the matches found so far. */
const matchesSoFar = (screen: string) =>
	Number(/errors only · ([\d,]+) · scanning/.exec(screen)?.[1]?.replaceAll(',', '') ?? 0);

export const figure: Figure = {
	name: 'keystroke latency, `j` in the list while a scan runs (errors only, 10,000 rows, 100 ms latency)',
	budget: 'p95 <= 16 ms',
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		// Its own state directory: the CLI remembers the filter per project, and the figures after this one open
		// the same thread expecting no filter.
		const state = await mkdtemp(path.join(harness.temp, 'scan-state-'));
		const term = await openBigList(harness, server, {}, {XDG_STATE_HOME: state});
		await server.setLatency(latencyMs);
		try {
			term.write('e');
			await term.waitFor(scanning, {timeoutMs: 10_000});
			// Enough matches on screen for every press to have a row to go to.
			const enough = harness.presses + 5;
			await term.waitFor(screen => matchesSoFar(screen) >= enough && markers.selection(screen) !== screen, {
				timeoutMs: 30_000,
			});
			const press = async () => {
				await delay(gapMs);
				const before = markers.selection(term.screen());
				const start = performance.now();
				term.write(markers.listDown);
				const at = await term.waitFor(screen => markers.selection(screen) !== before, {timeoutMs: 3000});
				return Math.max(0, at - start);
			};
			if (!harness.quick) await press();
			const samples: number[] = [];
			for (let index = 0; index < harness.presses; index++) samples.push(await press());
			// Every press must have landed during the scan, or the figure timed an idle list.
			if (!scanning.test(term.screen()))
				throw new NotMeasured('the scan ended before the presses did (raise the latency)');
			const stats = summarize(samples);
			return {figure: this.name, budget: this.budget, value: describeStats(stats), pass: stats.p95 <= 16};
		} finally {
			await server.setLatency(0);
			await closeTerm(term);
		}
	},
};
