// The scan behind the overview and `report`: a complete overview of 10,000 interactions over 40 threads at
// 50 ms per request (budget 3 s, the client in this process against the demo in its own), and `report` on
// 100,000 interactions with no latency through the built CLI (its time, and its peak RSS: budget 150 MiB).
import {spawn} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {performance} from 'node:perf_hooks';
import {runScan} from '../../source/api/scan.ts';
import {OverviewAccumulator} from '../../source/domain/overview.ts';
import {fixture} from '../demo.ts';
import {NotMeasured} from '../harness.ts';
import type {Figure, Harness, Row} from '../harness.ts';
import {describeStats, summarize} from '../stats.ts';
import {countingClient, spreadDemo} from './all-threads.ts';

const latencyMs = 50;
const budgetS = 3;
const rssBudgetMiB = 150;

async function overview(harness: Harness): Promise<Row> {
	const server = await harness.demo(spreadDemo(40));
	await server.setLatency(latencyMs);
	try {
		const projectId = fixture(server, 'projects.spreadId');
		const times: number[] = [];
		let requests = 0;
		let rounds = 0;
		for (let run = 0; run < (harness.quick ? 1 : 3); run++) {
			const counting = countingClient(server);
			const accumulator = new OverviewAccumulator({nowMs: Date.now()});
			const start = performance.now();
			const outcome = await runScan({
				client: counting.client,
				scope: {projectId},
				onPage: rows => accumulator.add(rows),
			});
			times.push(performance.now() - start);
			requests = counting.requests();
			rounds = counting.rounds();
			const snapshot = accumulator.snapshot();
			if (outcome.status !== 'complete' || snapshot.interactions !== 10_000)
				throw new NotMeasured(`the scan read ${snapshot.interactions} of 10,000 (${outcome.status})`);
		}
		const stats = summarize(times);
		return {
			figure: `complete overview of 10,000 interactions over 40 threads, ${latencyMs} ms server latency per request`,
			budget: `<= ${budgetS} s`,
			value: `${describeStats(stats)}; ${requests} requests in ${rounds} rounds`,
			pass: stats.median <= budgetS * 1000,
		};
	} finally {
		await server.setLatency(0);
	}
}

/** Peak RSS of a child, from its VmHWM (a high-water mark), read until it exits. */
async function reportRun(
	harness: Harness,
	args: string[],
	env: Record<string, string>,
): Promise<{ms: number; mib: number}> {
	const start = performance.now();
	const child = spawn(process.execPath, [harness.requireCli(), ...args], {
		env: {...process.env, ...env, XDG_CONFIG_HOME: '/nonexistent-zylon-tui-bench'},
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
	let peakKiB = 0;
	const poll = setInterval(() => {
		readFile(`/proc/${child.pid}/status`, 'utf8').then(
			status => (peakKiB = Math.max(peakKiB, Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0))),
			() => undefined,
		);
	}, 10);
	const code = await new Promise<number | null>(resolve => child.once('exit', resolve));
	clearInterval(poll);
	if (code !== 0) throw new NotMeasured(`report exited ${code}: ${stderr.trim().split('\n')[0] ?? ''}`);
	return {ms: performance.now() - start, mib: peakKiB / 1024};
}

async function bigReport(harness: Harness): Promise<Row> {
	const server = await harness.demo({interactions: 100_000});
	const env = harness.connectionEnv(server);
	const args = ['report', '--json', '--project', fixture(server, 'projects.bigId')];
	const runs: {ms: number; mib: number}[] = [];
	for (let run = 0; run < (harness.quick ? 1 : 3); run++) runs.push(await reportRun(harness, args, env));
	const time = summarize(runs.map(run => run.ms));
	const peak = Math.max(...runs.map(run => run.mib));
	return {
		figure: 'report over 100,000 interactions (one thread-scoped project, no latency): time and peak RSS',
		budget: `peak RSS <= ${rssBudgetMiB} MiB; time report only`,
		value: `${peak.toFixed(1)} MiB (VmHWM, highest of ${runs.length}); ${describeStats(time)}`,
		pass: peak <= rssBudgetMiB,
	};
}

export const figure: Figure = {
	name: 'overview scan',
	budget: `10,000 over 40 threads at ${latencyMs} ms <= ${budgetS} s; 100,000: peak RSS <= ${rssBudgetMiB} MiB`,
	async run(harness) {
		const rows: Row[] = [];
		for (const measure of [overview, bigReport]) {
			try {
				rows.push(await measure(harness));
			} catch (error) {
				rows.push({
					figure: `${this.name}: ${measure.name}`,
					budget: this.budget,
					why: (error as Error).message.split('\n')[0],
				});
			}
		}
		return rows;
	},
};
