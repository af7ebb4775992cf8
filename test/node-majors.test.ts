// The built CLI under every Node major it supports writes nothing on stderr that it did not mean to: V8
// prints "unrecognized flag" from C++ for a runtime flag it does not know (Node 26 dropped one), and in
// the explorer that line lands on the terminal before the first frame.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {memoryFlags} from '../source/lib/runtime-memory.ts';
import {cliPath} from './helpers/cli.ts';
import {NODE_VERSIONS, nodeBinary, runNode} from './helpers/node-majors.ts';
import {closeAll, spawnTerminal} from './helpers/pty.ts';

let server: DemoServer;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'zylon-node-majors-'));
const baseEnv = (): Record<string, string> => ({
	PATH: process.env['PATH'] ?? '',
	HOME: scratch,
	XDG_CONFIG_HOME: path.join(scratch, 'config'),
	XDG_CACHE_HOME: path.join(scratch, 'cache'),
	XDG_STATE_HOME: path.join(scratch, 'state'),
});

before(async () => {
	server = await startDemoServer({});
});

after(async () => {
	await closeAll();
	await server.close();
});

for (const version of NODE_VERSIONS) {
	describe(`Node ${version}`, () => {
		let node: string;
		// The first run installs this Node from the registry: on a busy machine, longer than a test's timeout.
		before(
			async () => {
				node = await nodeBinary(version);
			},
			{timeout: 600_000},
		);

		test('every runtime GC flag the CLI would set is one this V8 knows', async () => {
			const {stdout: v8Version} = await runNode(node, ['-p', 'process.versions.v8']);
			const {stdout: options} = await runNode(node, ['--v8-options']);
			const known = new Set(options.match(/^ {2}--[\w-]+/gm)?.map(option => option.trim()));
			assert.ok(known.has('--heap-growing-percent'), 'the option list was read');
			for (const flag of memoryFlags([], undefined, v8Version.trim())) {
				const name = flag.replace(/=.*$/, '').replace(/^--no-/, '--');
				assert.ok(known.has(name), `V8 ${v8Version.trim()} does not know ${flag}`);
			}
		});

		test('--version: the version and nothing on stderr', async () => {
			const result = await runNode(node, [cliPath, '--version'], {env: baseEnv()});
			assert.equal(result.code, 0);
			assert.match(result.stdout, /^\d+\.\d+\.\d+\n/);
			assert.equal(result.stderr, '');
		});

		test('export from the demo: nothing on stderr but its own summary line', async () => {
			const result = await runNode(
				node,
				[cliPath, 'export', '--project', server.fixtures.projects.insightsId, '--limit', '5'],
				{env: {...baseEnv(), ZYLON_URL: server.url, ZYLON_TOKEN: server.token, ZYLON_ORG: server.org}},
			);
			assert.equal(result.code, 0, result.stderr);
			assert.equal(result.stdout.trim().split('\n').length, 5);
			assert.equal(result.stderr, 'zylon-tui: exported 5 interactions\n');
		});

		test("the explorer's first frame: nothing on stderr", async () => {
			// The pty carries stdout and stderr alike; the shell sends stderr to a file of its own.
			const stderrFile = path.join(scratch, `explorer-${version}.stderr`);
			const term = await spawnTerminal({
				command: '/bin/sh',
				args: ['-c', 'file=$1; shift; exec "$@" 2>"$file"', 'sh', stderrFile, node, cliPath],
				cols: 120,
				rows: 40,
				env: {
					ZYLON_URL: server.url,
					ZYLON_TOKEN: server.token,
					ZYLON_ORG: server.org,
					XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
				},
			});
			await term.waitFor(/Customer Insights/, {timeoutMs: 20_000});
			await term.waitIdle(100);
			assert.equal(readFileSync(stderrFile, 'utf8'), '');
			await term.press('q');
			const exit = await term.exit;
			assert.equal(exit.exitCode, 0);
			// On the way out Ink's cursor restore shows the cursor again through stderr; nothing else.
			assert.equal(readFileSync(stderrFile, 'utf8').replace('\u001B[?25h', ''), '');
		});
	});
}
