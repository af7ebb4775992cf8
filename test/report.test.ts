// `zylon-tui report` and the overview numbers behind it, against the demo incident. Every expected number is
// computed here from the raw JSON the demo serves (plain fetch), not by the code under test: counts by state,
// model, stop reason and error type, token and latency percentiles by nearest rank.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {Writable} from 'node:stream';
import {promisify} from 'node:util';
import {after, before, describe, test} from 'node:test';
import type {CliFlags} from '../source/cli-help.ts';
import {runReport} from '../source/commands/report.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import type {OverviewSnapshot} from '../source/domain/overview.ts';
import {cliPath} from './helpers/cli.ts';

const run = promisify(execFile);

type Raw = {
	id: string;
	state: string;
	created_at: string;
	thread_id: string;
	created_by?: {email: string};
	assistant_output?: {
		model?: string;
		stop_reason?: string;
		usage?: {input_tokens?: number; output_tokens?: number};
		errors?: {type: string; message: string}[];
		content?: {start_timestamp?: string; stop_timestamp?: string}[];
	};
};

class Sink extends Writable {
	text = '';
	override _write(chunk: Buffer, _encoding: string, done: () => void) {
		this.text += chunk.toString('utf8');
		done();
	}
}

let server: DemoServer;
let raw: Raw[];
const saved: Record<string, string | undefined> = {};
const ENV = ['ZYLON_URL', 'ZYLON_TOKEN', 'ZYLON_ORG', 'ZYLON_PROFILE', 'XDG_CONFIG_HOME'] as const;

before(async () => {
	server = await startDemoServer({generation: 'current'});
	for (const name of ENV) saved[name] = process.env[name];
	Object.assign(process.env, {
		ZYLON_URL: server.url,
		ZYLON_TOKEN: server.token,
		ZYLON_ORG: server.org,
		XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
	});
	delete process.env['ZYLON_PROFILE'];
	raw = [];
	for (const threadId of server.fixtures.incident.threadIds) {
		const response = await fetch(
			`${server.url}/api/v1/app/thread/${threadId}/interaction?first=1000&include=User`,
			{
				headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org},
			},
		);
		raw.push(...((await response.json()) as {data: Raw[]}).data);
	}
});

after(async () => {
	for (const name of ENV) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await server.close();
});

const failed = (row: Raw) =>
	row.state === 'Error' ||
	row.assistant_output?.stop_reason === 'error' ||
	(row.assistant_output?.errors?.length ?? 0) > 0;

function countBy<T>(rows: readonly T[], key: (row: T) => string | undefined): Map<string, number> {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const value = key(row);
		if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
	}
	return counts;
}

/** Nearest rank: the value at position ceil(q·n) of the sorted values. */
function nearestRank(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

async function reportJson(
	flags: CliFlags,
): Promise<OverviewSnapshot & {partial: string | null; window: string}> {
	const sink = new Sink();
	const code = await runReport({json: true, ...flags}, sink);
	assert.equal(code, 0);
	return JSON.parse(sink.text) as OverviewSnapshot & {partial: string | null; window: string};
}

function checkNumbers(report: OverviewSnapshot, rows: readonly Raw[]): void {
	assert.equal(report.interactions, rows.length);
	assert.equal(report.errors, rows.filter(failed).length);
	assert.deepEqual(
		new Map(report.byState.map(row => [row.key, row.count])),
		countBy(rows, row => row.state),
	);
	const models = countBy(rows, row => row.assistant_output?.model);
	const modelErrors = countBy(rows.filter(failed), row => row.assistant_output?.model);
	assert.deepEqual(new Map(report.byModel.map(row => [row.key, row.count])), models);
	for (const row of report.byModel) assert.equal(row.errors, modelErrors.get(row.key) ?? 0, row.key);
	assert.deepEqual(
		new Map(report.byStopReason.map(row => [row.key, row.count])),
		countBy(rows, row => row.assistant_output?.stop_reason),
	);
	// The demo's messages vary only in numbers and ids: one cluster per error type.
	const byType = countBy(rows.filter(failed), row => row.assistant_output?.errors?.[0]?.type);
	assert.deepEqual(new Map(report.clusters.map(cluster => [cluster.type, cluster.count])), byType);
	const counts = report.clusters.map(cluster => cluster.count);
	assert.deepEqual(
		counts,
		[...counts].sort((a, b) => b - a),
		'sorted by count',
	);
	const inputs = rows.flatMap(row => row.assistant_output?.usage?.input_tokens ?? []);
	assert.deepEqual(report.tokens.input, {
		count: inputs.length,
		p50: nearestRank(inputs, 0.5),
		p95: nearestRank(inputs, 0.95),
		max: Math.max(...inputs),
	});
	for (const model of models.keys()) {
		const durations = rows
			.filter(
				row => row.assistant_output?.model === model && row.assistant_output.content?.[0]?.start_timestamp,
			)
			.map(row => {
				const block = row.assistant_output!.content![0]!;
				return Date.parse(block.stop_timestamp!) - Date.parse(block.start_timestamp!);
			});
		const latency = report.latency?.find(row => row.model === model);
		assert.deepEqual(latency && {...latency}, {
			model,
			count: durations.length,
			p50: nearestRank(durations, 0.5),
			p95: nearestRank(durations, 0.95),
			max: Math.max(...durations),
		});
	}
	assert.equal(
		report.chart.buckets.reduce((sum, bucket) => sum + bucket.interactions, 0),
		rows.length,
	);
	assert.equal(
		report.chart.buckets.reduce((sum, bucket) => sum + bucket.errors, 0),
		rows.filter(failed).length,
	);
}

describe('report --json against the demo incident', () => {
	test('the whole project: every number equals the direct count', async () => {
		const report = await reportJson({project: server.fixtures.projects.incidentId});
		assert.equal(report.partial, null);
		checkNumbers(report, raw);
		// The incident as designed: the fast model fails more, and the burst holds most failures.
		const [fast, large] = ['zylon-fast', 'zylon-large'].map(key =>
			report.byModel.find(row => row.key === key)!,
		);
		assert.ok(fast!.errorRate > 2 * large!.errorRate);
		assert.ok(report.clusters.length >= 3);
	});

	test('--since/--until: the burst window only; one thread with --thread', async () => {
		const {burstStartMs, burstEndMs, threadIds} = server.fixtures.incident;
		const since = new Date(burstStartMs).toISOString();
		const until = new Date(burstEndMs).toISOString();
		const inBurst = raw.filter(
			row => Date.parse(row.created_at) >= burstStartMs && Date.parse(row.created_at) < burstEndMs,
		);
		const report = await reportJson({project: server.fixtures.projects.incidentId, since, until});
		checkNumbers(report, inBurst);
		assert.match(report.window, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z – /);
		const thread = await reportJson({project: server.fixtures.projects.incidentId, thread: threadIds[0]});
		checkNumbers(
			thread,
			raw.filter(row => row.thread_id === threadIds[0]),
		);
	});
});

describe('report on a legacy server', () => {
	test('the project-wide route gives the same numbers', async () => {
		const legacy = await startDemoServer({generation: 'legacy'});
		const url = process.env['ZYLON_URL'];
		process.env['ZYLON_URL'] = legacy.url;
		try {
			const report = await reportJson({project: legacy.fixtures.projects.incidentId});
			// Same seed: the same incident (shifted only if the hour turned in between), so the counts of the raw rows
			// fetched from the current server apply.
			assert.equal(legacy.fixtures.incident.count, raw.length);
			checkNumbers(report, raw);
			assert.ok(
				legacy.log.some(entry =>
					entry.path.endsWith(`/project/${legacy.fixtures.projects.incidentId}/interaction`),
				),
			);
		} finally {
			process.env['ZYLON_URL'] = url;
			await legacy.close();
		}
	});
});

describe('report through the built CLI', () => {
	const env = () => ({
		...process.env,
		ZYLON_URL: server.url,
		ZYLON_TOKEN: server.token,
		ZYLON_ORG: server.org,
		XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
	});

	test('text: the header counts, the chart, the top cluster with its count; nothing on a piped stderr', async () => {
		const {stdout, stderr} = await run(
			process.execPath,
			[cliPath, 'report', '--project', server.fixtures.projects.incidentId],
			{
				env: env(),
			},
		);
		assert.equal(stderr, '');
		const errors = raw.filter(failed);
		assert.ok(
			stdout.startsWith(
				`Checkout Assistant · all threads · all time\n${raw.length.toLocaleString('en-US')} interactions · ${errors.length} failed`,
			),
		);
		assert.match(stdout, /Interactions per \d+[mhd] \(UTC; ▓ = failed\)/);
		const byType = [...countBy(errors, row => row.assistant_output?.errors?.[0]?.type)].sort(
			(a, b) => b[1] - a[1],
		);
		const [topType, topCount] = byType[0]!;
		const clusterBlock = stdout.slice(stdout.indexOf('Error clusters'));
		assert.match(
			clusterBlock,
			new RegExp(`\\n +1 +${topCount} +[\\d.]+% .* cluster:[0-9a-f]{8}\\n +${topType}: `),
		);
		assert.match(stdout, /By model +count +share +error rate\n {2}zylon-fast/);
		assert.match(stdout, /Latency \(block start → stop\)/);
	});

	test('hostile text and secrets: escapes inert, secrets masked, in text and JSON', async () => {
		for (const format of [[], ['--json']]) {
			const {stdout} = await run(
				process.execPath,
				[cliPath, 'report', '--project', server.fixtures.projects.insightsId, ...format],
				{
					env: env(),
				},
			);
			assert.doesNotMatch(stdout, /[\u001b\u0007\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
			for (const secret of server.fixtures.secrets) assert.ok(!stdout.includes(secret));
			if (format.length === 0) assert.match(stdout, /Latency: not in the data/);
			else JSON.parse(stdout);
		}
	});

	test('exit codes as export: 2 for a bad --since (nothing on stdout), 1 for an unknown project', async () => {
		const bad = await run(process.execPath, [cliPath, 'report', '--project', 'x', '--since', 'soon'], {
			env: env(),
		}).then(
			() => assert.fail('should fail'),
			(error: {code: number; stdout: string; stderr: string}) => error,
		);
		assert.equal(bad.code, 2);
		assert.equal(bad.stdout, '');
		assert.match(bad.stderr, /^zylon-tui: --since "soon" is not an age like 90m/);
		const missing = await run(process.execPath, [cliPath, 'report', '--project', 'no-such-project'], {
			env: env(),
		}).then(
			() => assert.fail('should fail'),
			(error: {code: number; stdout: string; stderr: string}) => error,
		);
		assert.equal(missing.code, 1);
		assert.match(missing.stderr, /zylon-tui: report failed: .*no-such-project/);
	});
});
