// The standalone executable as a jump host runs it: built by scripts/package.js, then run with no `node` anywhere
// on PATH and from a directory holding some other project's package.json. Slow (the build takes about a minute),
// so it runs from .ci/run (npm run test:ship), not in npm test.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {startDemoServer, type DemoServer} from '../../source/demo/index.ts';
import {closeAll, spawnTerminal} from '../helpers/pty.ts';

// A build or an install on a busy machine can take minutes: longer than the runner's per-test timeout.
const slow = {timeout: 600_000};
const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'zylon-executable-'));
const executable = path.join(scratch, 'zylon-tui');
const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};

/** PATH without any directory that holds a `node`: the executable must not need one. */
const nodeless = (process.env['PATH'] ?? '')
	.split(path.delimiter)
	.filter(directory => directory !== '' && !existsSync(path.join(directory, 'node')))
	.join(path.delimiter);
const env = (extra: Record<string, string> = {}): Record<string, string> => ({
	PATH: nodeless,
	HOME: scratch,
	XDG_CONFIG_HOME: path.join(scratch, 'config'),
	XDG_CACHE_HOME: path.join(scratch, 'cache'),
	XDG_STATE_HOME: path.join(scratch, 'state'),
	...extra,
});
// Where the user stands (every run's working directory): another project's package.json, whose version an
// early build printed.
writeFileSync(path.join(scratch, 'package.json'), '{"name": "unrelated", "version": "1.0.0"}');

let unbuildable: string | undefined;
let server: DemoServer;

async function run(args: string[], extra: Record<string, string> = {}) {
	try {
		const {stdout, stderr} = await promisify(execFile)(executable, args, {cwd: scratch, env: env(extra)});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code: number; stdout: string; stderr: string};
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}

before(async () => {
	// First, so that after() closes it even if the build below outlasts the hook.
	server = await startDemoServer({});
	if (Number.parseInt(process.versions.node, 10) < 26) {
		unbuildable = `the tests run on Node ${process.version}; --build-sea with an ES-module main needs Node 26`;
		return;
	}

	try {
		await promisify(execFile)(
			process.execPath,
			[path.join(root, 'scripts/package.js'), '--output', executable],
			{
				cwd: root,
			},
		);
	} catch (error) {
		const {stderr} = error as {stderr?: string};
		unbuildable = `the executable cannot be built on ${process.platform}-${process.arch}: ${stderr?.trim() || String(error)}`;
		return;
	}
}, slow);

after(async () => {
	await closeAll();
	await server?.close();
});

test('no node on the PATH the executable gets', async () => {
	const found = await promisify(execFile)('/bin/sh', ['-c', 'command -v node || echo none'], {env: env()});
	assert.equal(found.stdout.trim(), 'none');
});

test('--version: the version built in (not the package.json beside it), then the runtime', async t => {
	if (unbuildable) return t.skip(unbuildable);
	const result = await run(['--version']);
	assert.equal(result.stderr, '');
	assert.equal(result.code, 0);
	assert.equal(
		result.stdout,
		`${version}\nstandalone executable, Node ${process.version} on ${process.platform}-${process.arch}\n`,
	);
});

test('--help: the commands and flags', async t => {
	if (unbuildable) return t.skip(unbuildable);
	const result = await run(['--help']);
	assert.equal(result.code, 0);
	assert.equal(result.stderr, '');
	for (const word of ['export', 'demo-server', 'completion', '--profile', '--token-file']) {
		assert.ok(result.stdout.includes(word), word);
	}
});

test('export against the demo server: the rows on stdout, the summary alone on stderr', async t => {
	if (unbuildable) return t.skip(unbuildable);
	const result = await run(['export', '--project', server.fixtures.projects.insightsId, '--limit', '3'], {
		ZYLON_URL: server.url,
		ZYLON_TOKEN: server.token,
		ZYLON_ORG: server.org,
	});
	assert.equal(result.code, 0, result.stderr);
	const rows = result.stdout.trim().split('\n');
	assert.equal(rows.length, 3);
	for (const row of rows) assert.equal(typeof (JSON.parse(row) as {id: unknown}).id, 'string');
	assert.equal(result.stderr, 'zylon-tui: exported 3 interactions\n');
});

test('the explorer in a pty: the project list, then q', async t => {
	if (unbuildable) return t.skip(unbuildable);
	const stderrFile = path.join(scratch, 'explorer.stderr');
	const term = await spawnTerminal({
		command: '/bin/sh',
		args: ['-c', 'file=$1; shift; exec "$@" 2>"$file"', 'sh', stderrFile, executable],
		cols: 120,
		rows: 40,
		cwd: scratch,
		env: env({ZYLON_URL: server.url, ZYLON_TOKEN: server.token, ZYLON_ORG: server.org}),
	});
	await term.waitFor(/Customer Insights/, {timeoutMs: 30_000});
	await term.waitIdle(100);
	assert.equal(readFileSync(stderrFile, 'utf8'), '');
	await term.press('q');
	assert.equal((await term.exit).exitCode, 0);
});

test('no network at start: in a network namespace with nothing but loopback, an export from the in-process demo', async t => {
	if (unbuildable) return t.skip(unbuildable);
	// Root, or a kernel that lets users make namespaces, can do this; elsewhere the test says why it did not run.
	const unshare = await promisify(execFile)('/bin/sh', [
		'-c',
		'command -v unshare && unshare --net /bin/true',
	]).then(
		({stdout}) => stdout.trim(),
		() => undefined,
	);
	if (!unshare) return t.skip('unshare --net is not available or not permitted here');
	const {stdout, stderr} = await promisify(execFile)(
		unshare,
		[
			'--net',
			'/bin/sh',
			'-c',
			'ip link set lo up 2>/dev/null; exec "$@"',
			'sh',
			executable,
			'export',
			'--demo',
			'--project',
			server.fixtures.projects.insightsId,
			'--limit',
			'2',
		],
		{cwd: scratch, env: {...env(), PATH: `${nodeless}${path.delimiter}/usr/sbin:/sbin`}},
	);
	assert.equal(stdout.trim().split('\n').length, 2);
	assert.equal(stderr, 'zylon-tui: exported 2 interactions\n');
});
