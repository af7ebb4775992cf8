// Keys while a scan runs (issue 12): `e` starts the errors-only scan of every page of the 10,000-row thread,
// one request per 100 rows at 50 ms each, and `j` is timed while the list status still says "scanning".
import {mkdtemp} from 'node:fs/promises';
import path from 'node:path';
import {markers, NotMeasured} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {summarize, describeStats} from '../stats.ts';
import {closeTerm, keyLatency, openBigList, tenThousand} from './common.ts';

const latencyMs = 50;
const scanning = /scanning · /;

export const figure: Figure = {
	name: 'keystroke latency, `j` in the list while a scan runs (errors only, 10,000 rows, 50 ms latency)',
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
			// The first matches must be on screen for j to have somewhere to go.
			await term.waitFor(screen => scanning.test(screen) && markers.selection(screen) !== screen, {
				timeoutMs: 10_000,
			});
			if (!harness.quick) await keyLatency(term, markers.listDown, markers.selection);
			const samples: number[] = [];
			for (let index = 0; index < harness.presses; index++) {
				samples.push(await keyLatency(term, markers.listDown, markers.selection));
			}
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
