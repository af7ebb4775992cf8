import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {summarize, describeStats} from '../stats.ts';
import {closeTerm, keyLatency, openBigList, tenThousand} from './common.ts';

export const figure: Figure = {
	name: 'keystroke latency, `j` in the list, 10,000 rows',
	budget: 'p95 <= 16 ms',
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		const term = await openBigList(harness, server);
		try {
			if (!harness.quick) await keyLatency(term, markers.listDown, markers.selection);
			const samples: number[] = [];
			for (let index = 0; index < harness.presses; index++) {
				samples.push(await keyLatency(term, markers.listDown, markers.selection));
			}
			const stats = summarize(samples);
			return {figure: this.name, budget: this.budget, value: describeStats(stats), pass: stats.p95 <= 16};
		} finally {
			await closeTerm(term);
		}
	},
};
