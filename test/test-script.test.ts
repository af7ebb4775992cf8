// scripts/test.js never lets the tests run against a stale dist/: it rebuilds when dist/ is missing or
// older than any input of the build, and refuses to run the tests when that build fails. Run in a small
// project of its own (a build script that records each build, one probe test that records that it ran),
// so that no real rebuild of this repository is needed.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	mkdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(repo, 'scripts/test.js');

const WORKING_BUILD = `import {appendFileSync, mkdirSync, writeFileSync} from 'node:fs';
appendFileSync('builds.log', 'built\\n');
mkdirSync('dist', {recursive: true});
writeFileSync('dist/cli.js', 'cli');
writeFileSync('dist/cli-bundle.js', 'bundle');
`;
const FAILING_BUILD = `console.error('esbuild: syntax error'); process.exit(1);\n`;
const SILENT_BUILD = `// exits 0 and writes nothing\n`;

let dir: string;
const at = (file: string) => path.join(dir, file);
const builds = () =>
	existsSync(at('builds.log')) ? readFileSync(at('builds.log'), 'utf8').split('\n').length - 1 : 0;
const testsRan = () => existsSync(at('probe-ran'));

function runScript(): {code: number | null; stderr: string} {
	rmSync(at('probe-ran'), {force: true});
	// Without the runner's own NODE_TEST_CONTEXT, or the inner runner reports to this one instead of running.
	const {NODE_TEST_CONTEXT: _, ...env} = process.env;
	const result = spawnSync(process.execPath, [script, 'test/probe.test.mjs'], {
		cwd: dir,
		env,
		encoding: 'utf8',
	});
	return {code: result.status, stderr: result.stderr};
}

/** Sets a file's modification time `seconds` from now. */
const age = (file: string, seconds: number) => {
	const when = new Date(Date.now() + seconds * 1000);
	utimesSync(at(file), when, when);
};

before(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'zylon-test-script-'));
	symlinkSync(path.join(repo, 'node_modules'), at('node_modules'));
	for (const folder of ['source/lib', 'scripts', 'test']) mkdirSync(at(folder), {recursive: true});
	writeFileSync(at('source/lib/a.ts'), 'export const a = 1;\n');
	writeFileSync(at('scripts/build.js'), WORKING_BUILD);
	writeFileSync(
		at('test/probe.test.mjs'),
		`import {test} from 'node:test';\nimport {writeFileSync} from 'node:fs';\ntest('probe', () => writeFileSync('probe-ran', 'yes'));\n`,
	);
});
after(() => rmSync(dir, {recursive: true, force: true}));

describe('scripts/test.js and dist/', () => {
	test('a missing dist/ is built before the tests run', () => {
		const {code, stderr} = runScript();
		assert.equal(code, 0, stderr);
		assert.match(stderr, /dist\/cli\.js is missing; rebuilding dist\//);
		assert.equal(builds(), 1);
		assert.ok(testsRan());
	});

	test('a fresh dist/ is used as it is', () => {
		const {code, stderr} = runScript();
		assert.equal(code, 0, stderr);
		assert.doesNotMatch(stderr, /rebuilding/);
		assert.equal(builds(), 1);
		assert.ok(testsRan());
	});

	test('a source file newer than dist/ (at any depth) triggers a rebuild naming it', () => {
		for (const built of ['dist/cli.js', 'dist/cli-bundle.js']) age(built, -60);
		age('scripts/build.js', -90);
		age('source/lib/a.ts', -30);
		const {code, stderr} = runScript();
		assert.equal(code, 0, stderr);
		assert.match(stderr, /dist\/ is older than source\/lib\/a\.ts; rebuilding/);
		assert.equal(builds(), 2);
		assert.ok(testsRan());
	});

	test('so does a newer build script, or one built file older than the rest', () => {
		for (const built of ['dist/cli.js', 'dist/cli-bundle.js']) age(built, -60);
		age('source/lib/a.ts', -90);
		age('scripts/build.js', -30);
		assert.match(runScript().stderr, /older than scripts\/build\.js/);
		assert.equal(builds(), 3);
		age('dist/cli-bundle.js', -3600);
		assert.match(runScript().stderr, /older than/);
		assert.equal(builds(), 4);
	});

	test('a failing build: the tests do not run and the run fails', () => {
		writeFileSync(at('scripts/build.js'), FAILING_BUILD);
		const {code, stderr} = runScript();
		assert.equal(code, 1);
		assert.match(stderr, /the build failed; not running the tests against a stale dist\//);
		assert.ok(!testsRan(), 'no test ran');
	});

	test('a build that leaves dist/ stale: the tests do not run either', () => {
		writeFileSync(at('scripts/build.js'), SILENT_BUILD);
		age('scripts/build.js', 300);
		const {code, stderr} = runScript();
		assert.equal(code, 1);
		assert.match(stderr, /after the build; not running the tests against it/);
		assert.ok(!testsRan(), 'no test ran');
	});
});
