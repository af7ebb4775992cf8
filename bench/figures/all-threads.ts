// "All threads" on a server with only the current routes: the first page is a k-way merge of the threads'
// cursors (source/api/timeline.ts). Reported for 10, 40, 200 and 1,000 threads at 50 ms per request, as the
// client sees it (requests and time for one page, a fresh client each run); and for 40 threads, the whole
// start-up to the list on screen, against the baseline (budget: baseline + 400 ms).
import {performance} from 'node:perf_hooks';
import {createClient} from '../../source/api/client.ts';
import {fixture} from '../demo.ts';
import type {DemoHandle} from '../demo.ts';
import {keys} from '../../test/helpers/pty.ts';
import {markers, startupTimeoutMs} from '../harness.ts';
import type {Figure, Harness, Row} from '../harness.ts';
import {describeStats, ms, summarize} from '../stats.ts';

const latencyMs = 50;
const sizes = [10, 40, 200, 1000] as const;
const budgetMs = 400;

export const spreadDemo = (threads: number) => ({
	generation: 'current' as const,
	interactions: 300,
	spread: {threads, interactions: Math.max(10_000, threads * 10)},
});

export const connectionOf = (server: DemoHandle) => ({
	baseUrl: `${server.url}/api`,
	org: server.org,
	token: server.token,
	tokenSource: 'bench',
	label: 'bench',
});

/**
 * A client as the explorer makes one (route generation not known yet), counting its requests and its rounds:
 * a round starts whenever a request goes out with none in flight, so rounds × latency is the time the
 * network alone costs, whatever the load on the machine adds to the rest.
 */
export function countingClient(server: DemoHandle, pageSize = 50) {
	let requests = 0;
	let rounds = 0;
	let inFlight = 0;
	const client = createClient(connectionOf(server), {
		pageSize,
		fetch: async (input, init) => {
			requests++;
			if (inFlight++ === 0) rounds++;
			try {
				const response = await globalThis.fetch(input, init);
				// The body is read by the caller; a round ends when the headers are in.
				return response;
			} finally {
				inFlight--;
			}
		},
	});
	return {client, requests: () => requests, rounds: () => rounds};
}

async function firstPage(harness: Harness, threads: number): Promise<Row> {
	const server = await harness.demo(spreadDemo(threads));
	await server.setLatency(latencyMs);
	try {
		const projectId = fixture(server, 'projects.spreadId');
		const times: number[] = [];
		let requests = 0;
		let rounds = 0;
		const runs = harness.quick ? 1 : 3;
		for (let run = 0; run < runs; run++) {
			const counting = countingClient(server);
			const start = performance.now();
			const page = await counting.client.interactions(
				{projectId},
				{first: 50, order: 'DESC', totalCount: true},
			);
			times.push(performance.now() - start);
			requests = counting.requests();
			rounds = counting.rounds();
			if (page.items.length !== 50) throw new Error(`a first page of ${page.items.length} rows`);
		}
		return {
			figure: `first page of All threads (50 rows, newest first), ${threads} threads, ${latencyMs} ms latency: requests and time`,
			budget: 'report only',
			value: `${requests} requests in ${rounds} rounds; ${describeStats(summarize(times))}`,
		};
	} finally {
		await server.setLatency(0);
	}
}

const startupName = `start-up to All threads (--project, then Enter on "All threads"), 40 threads, ${latencyMs} ms server latency per request`;

/** Spawn → the thread list → Enter on its first row, "All threads" → rows on screen. */
async function startup(harness: Harness): Promise<Row> {
	harness.requireCli();
	const server = await harness.demo(spreadDemo(40));
	const env = harness.connectionEnv(server);
	const args = ['--project', fixture(server, 'projects.spreadId')];
	await server.setLatency(latencyMs);
	try {
		const {stats, baseline} = await harness.sampleWithBaseline(async () => {
			const term = await harness.spawnCli({env, args});
			try {
				// The "All threads" row is drawn before the list is ready for keys; its threads' rows are not.
				await term.waitFor(/All threads[\s\S]*Spread thread \d/, {timeoutMs: startupTimeoutMs});
				await term.waitIdle(30);
				await term.press(keys.enter);
				const at = await term.waitFor(markers.interactionList, {timeoutMs: startupTimeoutMs});
				return at - term.spawnedAt;
			} finally {
				term.kill('SIGKILL');
				await term.exit;
			}
		});
		const limit = baseline.median + budgetMs;
		return {
			figure: startupName,
			budget: `<= baseline + ${budgetMs} ms (= ${ms(limit)})`,
			value: describeStats(stats),
			pass: stats.median <= limit,
		};
	} finally {
		await server.setLatency(0);
	}
}

export const figure: Figure = {
	name: 'first page of All threads',
	budget: `40 threads, ${latencyMs} ms latency: start-up to the list <= baseline + ${budgetMs} ms`,
	async run(harness) {
		const rows: Row[] = [];
		for (const threads of sizes) {
			try {
				rows.push(await firstPage(harness, threads));
			} catch (error) {
				rows.push({
					figure: `first page of All threads, ${threads} threads`,
					budget: 'report only',
					why: (error as Error).message,
				});
			}
		}
		try {
			rows.push(await startup(harness));
		} catch (error) {
			rows.push({
				figure: startupName,
				budget: `<= baseline + ${budgetMs} ms`,
				why: (error as Error).message.split('\n')[0],
			});
		}
		return rows;
	},
};
