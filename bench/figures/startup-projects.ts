import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {ratioRow, tenThousand} from './common.ts';

export const figure: Figure = {
	name: 'startup to project list',
	budget: '<= 1.3× baseline',
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		const env = harness.connectionEnv(server);
		const {stats, baseline} = await harness.sampleWithBaseline(() =>
			harness.timeToScreen(markers.projectList, {env}),
		);
		return ratioRow(this.name, this.budget, stats, baseline, 1.3);
	},
};
