import {readFile} from 'node:fs/promises';
import {markers, NotMeasured, startupTimeoutMs} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {bigThreadArgs, closeTerm} from './common.ts';

const total = 100_000;
const budgetMiB = 150;
const pagingTimeoutMs = 240_000;
const stallMs = 15_000;

async function peakRssKiB(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const peak = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
	if (!peak) throw new NotMeasured(`no VmHWM in /proc/${pid}/status`);
	return Number(peak[1]);
}

export const figure: Figure = {
	name: 'peak RSS after paging through 100,000 interactions',
	budget: `<= ${budgetMiB} MiB`,
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo({interactions: total});
		const term = await harness.spawnCli({args: bigThreadArgs(server), env: harness.connectionEnv(server)});
		try {
			await term.waitFor(markers.interactionList, {timeoutMs: startupTimeoutMs});
			const deadline = Date.now() + pagingTimeoutMs;
			let reached = 0;
			let progressAt = Date.now();
			for (;;) {
				const range = markers.pageRange(term.screen());
				if (!range) throw new NotMeasured('no page range (e.g. "101–150 of 5,000") on screen');
				if (range.to >= range.total) break;
				if (range.to > reached) {
					reached = range.to;
					progressAt = Date.now();
				}
				if (Date.now() - progressAt > stallMs || Date.now() > deadline) {
					throw new NotMeasured(`paging stopped at ${range.to} of ${range.total}`);
				}
				// A burst, as a user holding the key would send; the app may drop presses while a page loads.
				await term.press(Array.from({length: 20}, () => markers.nextPage));
				await term
					.waitFor(screen => (markers.pageRange(screen)?.to ?? 0) > range.to, {timeoutMs: 2000})
					.catch(() => undefined);
			}
			await term.waitIdle(200);
			const kib = await peakRssKiB(term.pid);
			const mib = kib / 1024;
			return {
				figure: this.name,
				budget: this.budget,
				value: `${mib.toFixed(1)} MiB (VmHWM)`,
				pass: mib <= budgetMiB,
			};
		} finally {
			await closeTerm(term);
		}
	},
};
