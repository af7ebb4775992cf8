// The built CLI's contract outside the explorer: help, version, and one clear line for every bad start.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {cliPath} from './helpers/cli.ts';

const run = async (args: string[], env: Record<string, string> = {}, cwd?: string) => {
	try {
		const {stdout, stderr} = await promisify(execFile)(process.execPath, [cliPath, ...args], {
			cwd,
			env: {PATH: process.env['PATH'], HOME: os.tmpdir(), XDG_CONFIG_HOME: '/nonexistent', ...env},
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code: number; stdout: string; stderr: string};
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
};

const oneLine = (text: string) => text.trim().split('\n').length === 1 && !/\n\s+at /.test(text);

test('--help lists the commands and connection flags; --version prints the version', async () => {
	const help = await run(['--help']);
	assert.equal(help.code, 0);
	for (const word of ['export', 'demo-server', '--url', '--org', '--token-file', '--profile', '--demo']) {
		assert.ok(help.stdout.includes(word), word);
	}

	// The version built in, not one read from a package.json near the working directory; then the runtime.
	const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'zylon-cli-version-'));
	writeFileSync(path.join(elsewhere, 'package.json'), '{"name": "unrelated", "version": "9.9.9"}');
	const version = await run(['--version'], {}, elsewhere);
	assert.equal(version.code, 0);
	assert.equal(version.stderr, '');
	const {version: packageVersion} = JSON.parse(
		readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
	) as {
		version: string;
	};
	assert.equal(
		version.stdout,
		`${packageVersion}\nNode ${process.version} on ${process.platform}-${process.arch}\n`,
	);
});

test('bad starts exit non-zero with one clear line and no stack trace', async () => {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'zylon-cli-'));
	const empty = path.join(directory, 'empty-token');
	writeFileSync(empty, '\n');
	const cases: Array<[string[], Record<string, string>, RegExp]> = [
		[['--bogus'], {}, /unknown flag --bogus/],
		[['--token', 'x'], {}, /no --token flag.*ZYLON_TOKEN.*--token-file/],
		[[], {}, /needs an interactive terminal.*export/],
		[['export', '--project', 'p', '--url', 'ftp://example.com'], {ZYLON_TOKEN: 'tok'}, /http/i],
		[
			['export', '--project', 'p', '--url', 'https://example.com', '--token-file', '/nonexistent/token'],
			{},
			/\/nonexistent\/token/,
		],
		[['export', '--project', 'p', '--url', 'https://example.com', '--token-file', empty], {}, /empty/i],
		[
			['export', '--project', 'p', '--url', 'https://user:secret-pass@example.com'],
			{ZYLON_TOKEN: 'tok'},
			/token/i,
		],
		[['export'], {}, /--project/],
		[['demo-server', '--generation', 'nope'], {}, /--generation/],
		[['demo-server', '--stream', 'xml'], {}, /--stream must be one of sse, json, ndjson/],
		[['frobnicate'], {}, /unknown command "frobnicate"/],
	];
	for (const [args, env, message] of cases) {
		const result = await run(args, env);
		assert.notEqual(result.code, 0, args.join(' '));
		assert.match(result.stderr, message, args.join(' '));
		assert.ok(oneLine(result.stderr), `one line for ${args.join(' ')}: ${result.stderr}`);
		assert.ok(!result.stderr.includes('secret-pass'), 'user-info is never echoed');
		assert.equal(result.stdout, '');
	}
});
