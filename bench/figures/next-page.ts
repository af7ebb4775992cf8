import {setTimeout as sleep} from 'node:timers/promises';
import {markers, NotMeasured} from '../harness.ts';
import type {Figure, Harness, Row} from '../harness.ts';
import {summarize, describeStats} from '../stats.ts';
import type {Stats} from '../stats.ts';
import {closeTerm, keyLatency, openBigList, tenThousand} from './common.ts';

function pageSignature(screen: string): string {
	const range = markers.pageRange(screen);
	if (!range) throw new NotMeasured('no page range (e.g. "101–150 of 5,000") on screen');
	return `${range.from}-${range.to}`;
}

async function measure(harness: Harness, latencyMs: number): Promise<Stats> {
	const server = await harness.demo(tenThousand);
	await server.setLatency(latencyMs);
	const term = await openBigList(harness, server);
	try {
		pageSignature(term.screen());
		const samples: number[] = [];
		const presses = harness.quick ? 1 : Math.min(harness.presses, 20) + 1;
		for (let index = 0; index < presses; index++) {
			// The prefetch of the next page draws nothing, so quiet alone does not prove it finished.
			await term.waitIdle(100);
			await sleep(latencyMs + 150);
			samples.push(await keyLatency(term, markers.nextPage, pageSignature));
		}
		// The first press of a full run is its warm-up.
		return summarize(harness.quick ? samples : samples.slice(1));
	} finally {
		await closeTerm(term);
		await server.setLatency(0);
	}
}

export const figure: Figure = {
	name: 'next page (`]`), next page prefetched',
	budget: 'p95 <= 50 ms',
	async run(harness) {
		harness.requireCli();
		const rows: Row[] = [];
		for (const latencyMs of [0, 100]) {
			const name = latencyMs === 0 ? this.name : `${this.name}, ${latencyMs} ms server latency`;
			const budget = latencyMs === 0 ? this.budget : 'report only';
			try {
				const stats = await measure(harness, latencyMs);
				const pass = latencyMs === 0 ? {pass: stats.p95 <= 50} : {};
				rows.push({figure: name, budget, value: describeStats(stats), ...pass});
			} catch (error) {
				rows.push({figure: name, budget, why: (error as Error).message.split('\n')[0]});
			}
		}
		return rows;
	},
};
