// An alert's deep link: `--interaction ID` alone, for an interaction a few pages into a 10,000-interaction
// thread, at 100 ms per request. The screen counts once that interaction's detail is on it (its id heads the
// detail pane), however the list around it is doing.
import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {fixture} from '../demo.ts';
import {describeStats, ms} from '../stats.ts';
import {tenThousand} from './common.ts';

const latencyMs = 100;
/** Newest first, the 251st interaction: six list pages of 50 in. */
const depth = 250;

export const figure: Figure = {
	name: `deep link to an interaction, ${latencyMs} ms server latency per request`,
	budget: `<= baseline + 2.5 × ${latencyMs} ms`,
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		const env = harness.connectionEnv(server);
		const thread = fixture(server, 'bigThreadId');
		const response = await fetch(
			`${server.url}/api/v1/app/thread/${thread}/interaction?first=${depth + 1}&page_order=DESC`,
			{headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org}},
		);
		const {data} = (await response.json()) as {data: Array<{id: string}>};
		const id = data[depth]!.id;
		await server.setLatency(latencyMs);
		try {
			const {stats, baseline} = await harness.sampleWithBaseline(() =>
				harness.timeToScreen(markers.interactionDetail(id), {args: ['--interaction', id], env}),
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
