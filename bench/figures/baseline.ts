import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {describeStats} from '../stats.ts';

export const figure: Figure = {
	name: 'baseline: bundled Ink hello, spawn to text on screen',
	budget: 'reference',
	async run(harness) {
		const stats = await harness.sample(() =>
			harness.timeToScreen(markers.hello, {script: harness.helloPath}),
		);
		return {figure: this.name, budget: this.budget, value: describeStats(stats)};
	},
};
