import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {ratioRow} from './common.ts';

export const figure: Figure = {
	name: 'startup to project list with --demo (server in-process)',
	budget: 'report only',
	async run(harness) {
		harness.requireCli();
		const {stats, baseline} = await harness.sampleWithBaseline(() =>
			harness.timeToScreen(markers.projectList, {args: ['--demo']}),
		);
		return ratioRow(this.name, this.budget, stats, baseline, undefined);
	},
};
