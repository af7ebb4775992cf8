// Runs node's test runner over explicit patterns. Node's runner passes quietly ("tests 0", exit 0) when a
// pattern matches nothing; here every pattern must match at least one file, or the run fails loudly.
// `npm test -- test/foo.test.ts` runs just those files. No --test-force-exit: it let a file's process end
// before its report reached the runner, and passing tests went missing from the count (372 of 389 once);
// a per-test timeout bounds a hang instead.
import {spawnSync} from 'node:child_process';
import {globSync} from 'node:fs';

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

const run = spawnSync(
	process.execPath,
	['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files],
	{stdio: 'inherit'},
);
process.exit(run.status ?? 1);
