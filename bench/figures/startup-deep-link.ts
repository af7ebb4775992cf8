import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {bigThreadArgs, ratioRow, tenThousand} from './common.ts';

export const figure: Figure = {
	name: 'startup to interaction list (deep link, 10,000-interaction project)',
	budget: '<= 1.6× baseline',
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		const options = {args: bigThreadArgs(server), env: harness.connectionEnv(server)};
		const {stats, baseline} = await harness.sampleWithBaseline(() =>
			harness.timeToScreen(markers.interactionList, options),
		);
		return ratioRow(this.name, this.budget, stats, baseline, 1.6);
	},
};
