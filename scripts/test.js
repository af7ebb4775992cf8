// Runs node's test runner over explicit patterns. Node's runner passes quietly ("tests 0", exit 0) when a
// pattern matches nothing; here every pattern must match at least one file, or the run fails loudly.
// `npm test -- test/foo.test.ts` runs just those files. No --test-force-exit: it let a file's process end
// before its report reached the runner, and passing tests went missing from the count (372 of 389 once);
// a per-test timeout bounds a hang instead.
// The end-to-end tests drive dist/, so a dist/ older than what it is built from is rebuilt first: run
// directly (`node scripts/test.js`, no pretest) they would otherwise pass or fail on a stale binary.
import {spawnSync} from 'node:child_process';
import {existsSync, globSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';

const patterns = process.argv.length > 2 ? process.argv.slice(2) : ['test/*.test.ts', 'test/*.test.tsx'];
const files = [];
for (const pattern of patterns) {
	const found = globSync(pattern).sort();
	if (found.length === 0) {
		console.error(`npm test: no test file matches ${pattern}`);
		process.exit(1);
	}

	files.push(...found);
}

const BUILT = ['dist/cli.js', 'dist/cli-bundle.js'];
const INPUTS = [
	'source',
	'scripts/build.js',
	'scripts/bundle.js',
	'scripts/devtools-stub.js',
	'package.json',
	'package-lock.json',
];

/** The newest file among the inputs of the build (a directory counts every file under it). */
function newestInput() {
	let newest = {file: undefined, ms: -Infinity};
	const consider = file => {
		const ms = statSync(file).mtimeMs;
		if (ms > newest.ms) newest = {file, ms};
	};
	for (const input of INPUTS) {
		if (!existsSync(input)) continue;
		if (!statSync(input).isDirectory()) consider(input);
		else
			for (const entry of readdirSync(input, {recursive: true, withFileTypes: true}))
				if (entry.isFile()) consider(path.join(entry.parentPath, entry.name));
	}
	return newest;
}

/** Why dist/ must be rebuilt, or undefined when every built file is newer than every input. */
function staleReason() {
	const missing = BUILT.find(file => !existsSync(file));
	if (missing) return `${missing} is missing`;
	const oldest = Math.min(...BUILT.map(file => statSync(file).mtimeMs));
	const newest = newestInput();
	return newest.ms > oldest ? `dist/ is older than ${newest.file}` : undefined;
}

const stale = staleReason();
if (stale) {
	console.error(`npm test: ${stale}; rebuilding dist/`);
	const build = spawnSync(process.execPath, ['scripts/build.js'], {stdio: 'inherit'});
	if (build.status !== 0) {
		console.error('npm test: the build failed; not running the tests against a stale dist/');
		process.exit(1);
	}
	const still = staleReason();
	if (still) {
		console.error(`npm test: ${still} after the build; not running the tests against it`);
		process.exit(1);
	}
}

const run = spawnSync(
	process.execPath,
	['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files],
	{stdio: 'inherit'},
);
process.exit(run.status ?? 1);
