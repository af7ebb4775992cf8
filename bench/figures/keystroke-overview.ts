// Keys in the overview while its scan runs (issue 12): `v` on the 10,000-row thread starts the overview's scan,
// one request per 100 rows at 100 ms each, and `j`/`k` move its cursor while the title still says "scanning".
// The overview redraws its chart and counts as pages come in, so, as in the list's figure, presses are spaced by
// a fixed gap, and a press is answered when the cursor's line moves (between the largest cluster and the row
// below it). A scan that reorders the lines above a resting cursor would move it too; above the first cluster
// there are only the totals and the chart.
import {performance} from 'node:perf_hooks';
import {setTimeout as delay} from 'node:timers/promises';
import {mkdtemp} from 'node:fs/promises';
import path from 'node:path';
import {NotMeasured} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {summarize, describeStats} from '../stats.ts';
import {closeTerm, openBigList, tenThousand} from './common.ts';

const latencyMs = 100;
const gapMs = 40;
const scanning = /OVERVIEW · [^\n]*scanning · /;

/** The line the overview's cursor is on, or -1. */
const cursorLine = (screen: string) => screen.split('\n').findIndex(line => line.startsWith('>'));

export const figure: Figure = {
	name: 'keystroke latency, `j`/`k` in the overview while its scan runs (10,000 rows, 100 ms latency)',
	budget: 'p95 <= 16 ms',
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		const state = await mkdtemp(path.join(harness.temp, 'overview-state-'));
		const term = await openBigList(harness, server, {}, {XDG_STATE_HOME: state});
		await server.setLatency(latencyMs);
		try {
			term.write('v');
			await term.waitFor(scanning, {timeoutMs: 10_000});
			// A cursor on the first cluster, and breakdown rows below it to move to.
			await term.waitFor(screen => cursorLine(screen) >= 0 && /BY MODEL/.test(screen), {timeoutMs: 30_000});
			let down = true;
			const press = async () => {
				await delay(gapMs);
				const before = cursorLine(term.screen());
				const start = performance.now();
				term.write(down ? 'j' : 'k');
				down = !down;
				const at = await term.waitFor(screen => cursorLine(screen) !== before, {timeoutMs: 3000});
				return Math.max(0, at - start);
			};
			if (!harness.quick) await press();
			const samples: number[] = [];
			for (let index = 0; index < harness.presses; index++) samples.push(await press());
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
