// Keys timed while a scan runs (issue 12), for the list's errors-only scan and the overview's: the 10,000-row
// thread, one request per 100 rows at 100 ms each, and presses while the screen still says the scan is running.
// A scan redraws as pages come in and never leaves the screen quiet, so presses are spaced by a fixed gap (past
// Ink's 9 ms throttle) rather than by waiting for quiet, and each is answered when its signature changes.
import {mkdtemp} from 'node:fs/promises';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {setTimeout as delay} from 'node:timers/promises';
import type {Term} from '../../test/helpers/pty.ts';
import {NotMeasured} from '../harness.ts';
import type {Figure, Harness, Row} from '../harness.ts';
import {describeStats, summarize} from '../stats.ts';
import {closeTerm, openBigList, tenThousand} from './common.ts';

const latencyMs = 100;
const gapMs = 40;

type ScanKeys = {
	/** Starts the scan and waits until there is something for every press to move to. */
	readonly start: (term: Term, presses: number) => Promise<void>;
	/** The key of the n-th press. */
	readonly key: (index: number) => string;
	/** What a press changes on screen. */
	readonly signature: (screen: string) => string | number;
	/** On screen while the scan runs. */
	readonly scanning: RegExp;
};

export async function keysWhileScanning(harness: Harness, figure: Figure, scan: ScanKeys): Promise<Row> {
	harness.requireCli();
	const server = await harness.demo(tenThousand);
	// Its own state directory: the CLI remembers the filter per project, and the figures after this one open the
	// same thread expecting no filter.
	const state = await mkdtemp(path.join(harness.temp, 'scan-state-'));
	const term = await openBigList(harness, server, {}, {XDG_STATE_HOME: state});
	await server.setLatency(latencyMs);
	try {
		await scan.start(term, harness.presses);
		let index = 0;
		const press = async () => {
			await delay(gapMs);
			const before = scan.signature(term.screen());
			const start = performance.now();
			term.write(scan.key(index++));
			const at = await term.waitFor(screen => scan.signature(screen) !== before, {timeoutMs: 3000});
			return Math.max(0, at - start);
		};
		if (!harness.quick) await press();
		const samples: number[] = [];
		for (let count = 0; count < harness.presses; count++) samples.push(await press());
		// Every press must have landed during the scan, or the figure timed an idle screen.
		if (!scan.scanning.test(term.screen()))
			throw new NotMeasured('the scan ended before the presses did (raise the latency)');
		const stats = summarize(samples);
		return {figure: figure.name, budget: figure.budget, value: describeStats(stats), pass: stats.p95 <= 16};
	} finally {
		await server.setLatency(0);
		await closeTerm(term);
	}
}
