// `zylon-tui export` in-process against the demo server (row counts, masking, --filter, --json) and
// once through the built CLI for what a pipe sees: stdout, stderr and the exit code.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {Writable} from 'node:stream';
import {promisify} from 'node:util';
import {createClient} from '../source/api/client.ts';
import type {CliFlags} from '../source/cli-help.ts';
import {exportFilter, runExport} from '../source/commands/export.ts';
import {ConfigError} from '../source/config/errors.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import type {Interaction} from '../source/domain/types.ts';
import {cliPath} from './helpers/cli.ts';
import {spawnTerminal} from './helpers/pty.ts';
import {demoConnection} from './helpers/demo.ts';

const run = promisify(execFile);

class Sink extends Writable {
	text = '';
	override _write(chunk: Buffer, _encoding: string, done: () => void) {
		this.text += chunk.toString('utf8');
		done();
	}
}

let server: DemoServer;
const saved: Record<string, string | undefined> = {};
const ENV = ['ZYLON_URL', 'ZYLON_TOKEN', 'ZYLON_ORG', 'ZYLON_PROFILE', 'XDG_CONFIG_HOME'] as const;

before(async () => {
	server = await startDemoServer({});
	for (const name of ENV) saved[name] = process.env[name];
	process.env['ZYLON_URL'] = server.url;
	process.env['ZYLON_TOKEN'] = server.token;
	process.env['ZYLON_ORG'] = server.org;
	process.env['XDG_CONFIG_HOME'] = '/nonexistent-zylon-tui-test';
	delete process.env['ZYLON_PROFILE'];
});

after(async () => {
	for (const name of ENV) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await server.close();
});

async function exported(flags: CliFlags): Promise<{code: number; text: string}> {
	const sink = new Sink();
	const code = await runExport(flags, sink);
	return {code, text: sink.text};
}

const rows = (text: string) => text.split('\n').filter(line => line !== '');

/** Every interaction of the project, newest first, fetched the way export pages through them. */
async function allInteractions(projectId: string): Promise<Interaction[]> {
	const client = createClient(demoConnection(server), {pageSize: 1000});
	const out: Interaction[] = [];
	let after: string | undefined;
	for (;;) {
		const page = await client.interactions({projectId}, {first: 1000, after, order: 'DESC'});
		out.push(...page.items);
		after = page.nextCursor ?? page.items.at(-1)?.id;
		if (!page.hasNextPage || !after || page.items.length === 0) return out;
	}
}

describe('export in-process', () => {
	test('the 5,000-interaction project: one valid JSON line per interaction', async () => {
		const {code, text} = await exported({project: server.fixtures.projects.bigId, pageSize: 1000});
		assert.equal(code, 0);
		const lines = rows(text);
		assert.equal(lines.length, server.fixtures.bigInteractionCount);
		const seen = new Set(lines.map(line => (JSON.parse(line) as {id: string}).id));
		assert.equal(seen.size, lines.length, 'no interaction twice across pages');
	});

	test('secrets are masked, and appear only with --show-secrets', async () => {
		const project = server.fixtures.projects.insightsId;
		const masked = await exported({project});
		assert.equal(masked.code, 0);
		assert.ok(server.fixtures.secrets.length > 0);
		for (const secret of server.fixtures.secrets) assert.ok(!masked.text.includes(secret), 'secret leaked');
		const shown = await exported({project, showSecrets: true});
		// The API token is a secret too, but no interaction holds it.
		const stored = server.fixtures.secrets.filter(secret => secret !== server.token);
		assert.ok(stored.length > 0);
		for (const secret of stored) {
			assert.ok(shown.text.includes(JSON.stringify(secret).slice(1, -1)), `revealed on request: ${secret}`);
		}
		assert.ok(!shown.text.includes(server.token));
	});

	test('--filter state:error gives exactly the Error interactions, newest first; --limit counts matches', async () => {
		const project = server.fixtures.projects.insightsId;
		// Expected from the data itself, not from the matcher under test: the demo (seed 1) has 49 of 964.
		const all = await allInteractions(project);
		const expected = all
			.filter(interaction => interaction.state === 'Error')
			.map(interaction => interaction.id);
		assert.equal(all.length, 964);
		assert.equal(expected.length, 49);
		const {code, text} = await exported({project, filter: 'state:error'});
		assert.equal(code, 0);
		const got = rows(text).map(line => JSON.parse(line) as {id: string; state: string});
		assert.deepEqual(
			got.map(row => row.id),
			expected,
		);
		assert.ok(got.every(row => row.state === 'Error'));

		const limited = await exported({project, filter: 'state:error', limit: 2});
		assert.deepEqual(
			rows(limited.text).map(line => (JSON.parse(line) as {id: string}).id),
			expected.slice(0, 2),
		);
	});

	test('--json writes one valid array', async () => {
		const {code, text} = await exported({project: server.fixtures.projects.insightsId, json: true, limit: 7});
		assert.equal(code, 0);
		const array = JSON.parse(text) as unknown[];
		assert.ok(Array.isArray(array));
		assert.equal(array.length, 7);
		const empty = await exported({project: server.fixtures.projects.emptyId, json: true});
		assert.deepEqual(JSON.parse(empty.text), []);
	});

	test('an invalid filter is a ConfigError showing the expression and a caret, before any request', async () => {
		const before = server.log.length;
		await assert.rejects(
			runExport({project: server.fixtures.projects.insightsId, filter: 'state:err tokens>x'}, new Sink()),
			(error: unknown) => {
				assert.ok(error instanceof ConfigError);
				const [first, expression, caret] = error.message.split('\n');
				assert.match(first ?? '', /^invalid --filter: .+ at \d+$/);
				assert.equal(expression, '  state:err tokens>x');
				assert.equal(caret?.indexOf('^'), expression!.indexOf('x'));
				return true;
			},
		);
		assert.equal(server.log.length, before);
		assert.equal(exportFilter('   '), undefined);
	});
});

describe('export through the built CLI', () => {
	const env = () => ({
		...process.env,
		ZYLON_URL: server.url,
		ZYLON_TOKEN: server.token,
		ZYLON_ORG: server.org,
		XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
	});

	test('NDJSON on stdout, a count on stderr, exit 0', async () => {
		const {stdout, stderr} = await run(
			process.execPath,
			[cliPath, 'export', '--project', server.fixtures.projects.insightsId, '--filter', 'state:error'],
			{env: env()},
		);
		const lines = rows(stdout);
		assert.ok(lines.length >= 2);
		for (const line of lines) assert.equal((JSON.parse(line) as {state: string}).state, 'Error');
		assert.match(stderr, new RegExp(`exported ${lines.length} interactions`));
	});

	test('an invalid filter: non-zero exit, one clear message on stderr, nothing on stdout', async () => {
		const failed = await run(
			process.execPath,
			[cliPath, 'export', '--project', server.fixtures.projects.insightsId, '--filter', 'model:"gpt'],
			{env: env()},
		).then(
			() => assert.fail('export should fail'),
			(error: {code: number; stdout: string; stderr: string}) => error,
		);
		assert.notEqual(failed.code, 0);
		assert.equal(failed.stdout, '');
		assert.match(
			failed.stderr,
			/^zylon-tui: invalid --filter: unclosed quote at 6\n {2}model:"gpt\n {8}\^\n$/,
		);
	});
});

describe('export with a time window and progress', () => {
	test('--since/--until export exactly the rows created inside the window, newest first', async () => {
		const projectId = server.fixtures.projects.insightsId;
		const all = await allInteractions(projectId);
		const times = all.map(item => item.createdAtMs).sort((a, b) => a - b);
		const sinceMs = times[Math.floor(times.length / 3)]!;
		const untilMs = times[Math.floor((2 * times.length) / 3)]!;
		const {code, text} = await exported({
			project: projectId,
			since: new Date(sinceMs).toISOString(),
			until: new Date(untilMs).toISOString(),
		});
		assert.equal(code, 0);
		const ids = rows(text).map(line => (JSON.parse(line) as {id: string}).id);
		const expected = all
			.filter(item => item.createdAtMs >= sinceMs && item.createdAtMs < untilMs)
			.map(item => item.id);
		assert.deepEqual(ids, expected);
		assert.ok(expected.length > 10);
		await assert.rejects(
			exported({project: projectId, since: 'last tuesday'}),
			/--since "last tuesday" is not/,
		);
	});

	test('on a terminal, stderr shows one line of progress, redrawn in place and cleared; piped, nothing extra', async () => {
		server.setLatency(15);
		try {
			const term = await spawnTerminal({
				args: [
					cliPath,
					'export',
					'--project',
					server.fixtures.projects.bigId,
					'--page-size',
					'100',
					'--filter',
					'zzznothingmatches',
				],
				env: {
					ZYLON_URL: server.url,
					ZYLON_TOKEN: server.token,
					ZYLON_ORG: server.org,
					XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
				},
			});
			const exit = await term.exit;
			assert.equal(exit.exitCode, 0);
			const raw = term.raw();
			assert.match(
				raw,
				/\rscanned [\d,]+ of 5,000 · \d+ pages · [\d,]+\/s · ETA [\d.]+ s · 0 matched\u001b\[K/,
			);
			assert.match(raw, /\r\u001b\[Kzylon-tui: exported 0 interactions/);
			const piped = await run(
				process.execPath,
				[cliPath, 'export', '--project', server.fixtures.projects.bigId, '--filter', 'zzznothingmatches'],
				{env: {...process.env, ZYLON_URL: server.url, ZYLON_TOKEN: server.token, ZYLON_ORG: server.org}},
			);
			assert.equal(piped.stderr, 'zylon-tui: exported 0 interactions\n');
		} finally {
			server.setLatency(0);
		}
	});
});
