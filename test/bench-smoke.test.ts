import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

// Runs every figure once against the built CLI: it proves each can still be measured, not how fast it is;
// only the figures that timing cannot move (bytes per move, peak RSS) are held to their budgets here.
test(
	'bench --quick measures every figure',
	{skip: process.env['ZYLON_SKIP_BENCH'] === '1' ? 'ZYLON_SKIP_BENCH=1' : false, timeout: 300_000},
	async t => {
		const dir = await mkdtemp(path.join(tmpdir(), 'zylon-bench-smoke-'));
		const out = path.join(dir, 'results.md');
		try {
			const result = await run(
				process.execPath,
				['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out],
				{
					maxBuffer: 16 * 1024 * 1024,
				},
			).catch((error: {code?: number; stdout?: string; stderr?: string}) => error);
			const report = await readFile(out, 'utf8').catch(() =>
				assert.fail(`no report written:\n${result.stderr}`),
			);
			const rows = report.split('\n').filter(line => line.startsWith('| ') && !line.startsWith('| figure'));
			assert.ok(rows.length >= 10, `expected a row per figure:\n${report}`);
			const missing = rows.filter(line => line.includes('not measured'));
			assert.deepEqual(missing, [], `figures not measured:\n${report}\n${result.stderr ?? ''}`);
			// Figures that do not depend on how fast this machine is right now hold to their budgets even
			// measured once: bytes written per cursor move, and peak memory after paging 100,000 rows.
			for (const name of ['bytes written per cursor move vs a full repaint', 'peak RSS after paging']) {
				const row = rows.find(line => line.startsWith(`| ${name}`));
				assert.ok(row, `no row for ${name}:\n${report}`);
				t.diagnostic(row);
				assert.equal(row.split('|').at(-2)?.trim(), 'pass', `over budget: ${row}`);
			}
			assert.equal('code' in result ? result.code : 0, 0, result.stderr);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	},
);
