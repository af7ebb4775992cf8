import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {describeStats, ms} from '../stats.ts';
import {tenThousand} from './common.ts';

const latencyMs = 50;

export const figure: Figure = {
	name: `startup to project list, ${latencyMs} ms server latency per request`,
	budget: `<= baseline + 2.5 × ${latencyMs} ms`,
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		const env = harness.connectionEnv(server);
		await server.setLatency(latencyMs);
		try {
			const {stats, baseline} = await harness.sampleWithBaseline(() =>
				harness.timeToScreen(markers.projectList, {env}),
			);
			const limit = baseline.median + 2.5 * latencyMs;
			return {
				figure: this.name,
				budget: `${this.budget} (= ${ms(limit)})`,
				value: describeStats(stats),
				pass: stats.median <= limit,
			};
		} finally {
			await server.setLatency(0);
		}
	},
};
