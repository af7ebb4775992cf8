import {fixture} from '../demo.ts';
import {markers, startupTimeoutMs} from '../harness.ts';
import type {Figure} from '../harness.ts';
import type {DemoHandle} from '../demo.ts';
import {summarize, describeStats} from '../stats.ts';
import {closeTerm, keyLatency, tenThousand} from './common.ts';

// The demo's 200 KB conversation, in Customer Insights › Long research.
function largeTranscriptArgs(server: DemoHandle): string[] {
	return [
		'--project',
		fixture(server, 'projects.insightsId'),
		'--thread',
		fixture(server, 'threads.longResearchId'),
		'--interaction',
		fixture(server, 'interactions.largeTranscript'),
	];
}

export const figure: Figure = {
	name: 'detail scroll latency, 200 KB transcript',
	budget: 'p95 <= 16 ms',
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		const args = largeTranscriptArgs(server);
		const term = await harness.spawnCli({args, env: harness.connectionEnv(server)});
		try {
			await term.waitFor(markers.detailPane, {timeoutMs: startupTimeoutMs});
			// The deep link lands on the long transcript once its page is in: wait for its position label.
			await term.waitFor(screen => markers.hasDetailScroll(screen), {timeoutMs: startupTimeoutMs});
			await term.waitIdle(200);
			await term.press(markers.focusDetail, {gapMs: 50});
			await term.waitFor(screen => markers.hasDetailScroll(screen), {timeoutMs: startupTimeoutMs});
			await term.waitIdle(100);
			if (!harness.quick) await keyLatency(term, markers.detailDown, markers.detailScroll);
			const samples: number[] = [];
			for (let index = 0; index < harness.presses; index++) {
				samples.push(await keyLatency(term, markers.detailDown, markers.detailScroll));
			}
			const stats = summarize(samples);
			return {figure: this.name, budget: this.budget, value: describeStats(stats), pass: stats.p95 <= 16};
		} finally {
			await closeTerm(term);
		}
	},
};
