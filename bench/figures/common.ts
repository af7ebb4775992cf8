// Shared steps of the figures: the 10,000-interaction workspace, opening its list, and timing one key.
import {performance} from 'node:perf_hooks';
import type {DemoOptions} from '../../source/demo/types.ts';
import type {Term} from '../../test/helpers/pty.ts';
import {fixture} from '../demo.ts';
import type {DemoHandle} from '../demo.ts';
import {markers, startupTimeoutMs} from '../harness.ts';
import type {Harness, Row} from '../harness.ts';
import {describeStats} from '../stats.ts';
import type {Stats} from '../stats.ts';

export const tenThousand: DemoOptions = {interactions: 10_000};

export function bigThreadArgs(server: DemoHandle): string[] {
	return ['--project', fixture(server, 'projects.bigId'), '--thread', fixture(server, 'bigThreadId')];
}

/** The CLI deep-linked into the big thread, with rows on screen and nothing left to draw. */
export async function openBigList(
	harness: Harness,
	server: DemoHandle,
	size: {cols?: number; rows?: number} = {},
	env: Record<string, string> = {},
): Promise<Term> {
	const term = await harness.spawnCli({
		args: bigThreadArgs(server),
		env: {...harness.connectionEnv(server), ...env},
		...size,
	});
	await term.waitFor(markers.interactionList, {timeoutMs: startupTimeoutMs});
	await term.waitIdle(200);
	return term;
}

/** Idle first (so presses are spaced beyond Ink's 33 ms throttle), then key → expected change on screen. */
export async function keyLatency(
	term: Term,
	key: string,
	signature: (screen: string) => string,
): Promise<number> {
	await term.waitIdle(50);
	const before = signature(term.screen());
	const start = performance.now();
	term.write(key);
	const at = await term.waitFor(screen => signature(screen) !== before, {timeoutMs: 3000});
	return Math.max(0, at - start);
}

export async function closeTerm(term: Term): Promise<void> {
	term.kill('SIGKILL');
	await term.exit;
}

export function ratioRow(
	figure: string,
	budget: string,
	stats: Stats,
	baseline: Stats,
	maxRatio: number | undefined,
): Row {
	const ratio = stats.median / baseline.median;
	return {
		figure,
		budget,
		value: `${describeStats(stats)}; ${ratio.toFixed(2)}× baseline`,
		...(maxRatio === undefined ? {} : {pass: ratio <= maxRatio}),
	};
}
