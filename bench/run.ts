// `npm run bench`: every figure in a real pseudo-terminal, as ratios against an Ink hello bundled and run
// the same way in the same run. `--quick` measures each figure once and fails if any could not be measured.
import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {createHarness, NotMeasured} from './harness.ts';
import type {Figure, Row} from './harness.ts';
import {figure as baseline} from './figures/baseline.ts';
import {figure as startupProjects} from './figures/startup-projects.ts';
import {figure as startupDeepLink} from './figures/startup-deep-link.ts';
import {figure as startupDemo} from './figures/startup-demo.ts';
import {figure as keystroke} from './figures/keystroke.ts';
import {figure as keystrokeScan} from './figures/keystroke-scan.ts';
import {figure as keystrokeOverview} from './figures/keystroke-overview.ts';
import {figure as detailScroll} from './figures/detail-scroll.ts';
import {figure as nextPage} from './figures/next-page.ts';
import {figure as bytesPerMove} from './figures/bytes-per-move.ts';
import {figure as peakRss} from './figures/peak-rss.ts';
import {figure as startupLatency} from './figures/startup-latency.ts';
import {figure as deepLinkInteraction} from './figures/deep-link-interaction.ts';
import {figure as startupExecutable} from './figures/startup-executable.ts';
import {figure as allThreads} from './figures/all-threads.ts';
import {figure as overviewScan} from './figures/overview-scan.ts';

// The baseline row is for reading; each startup figure also alternates its own runs with baseline runs.
const figures: readonly Figure[] = [
	baseline,
	startupProjects,
	startupDeepLink,
	startupDemo,
	keystroke,
	keystrokeScan,
	keystrokeOverview,
	detailScroll,
	nextPage,
	bytesPerMove,
	peakRss,
	startupLatency,
	deepLinkInteraction,
	startupExecutable,
	allThreads,
	overviewScan,
];

const root = fileURLToPath(new URL('..', import.meta.url));
const {values} = parseArgs({
	options: {
		quick: {type: 'boolean', default: false},
		runs: {type: 'string'},
		out: {type: 'string'},
		only: {type: 'string'},
		cli: {type: 'string'},
	},
});
const quick = values.quick;
// A quick run is a smoke test: it must not overwrite the recorded results unless asked to.
const out = values.out ?? (quick ? undefined : path.join(root, 'bench/results.md'));

function escapeCell(text: string): string {
	return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function verdict(row: Row): string {
	if (row.value === undefined) return 'not measured';
	if (row.pass === undefined) return 'report';
	return row.pass ? 'pass' : 'FAIL';
}

function table(rows: readonly Row[]): string {
	const lines = ['| figure | value | budget | result |', '| --- | --- | --- | --- |'];
	for (const row of rows) {
		const value = row.value ?? `not measured: ${row.why ?? 'unknown'}`;
		lines.push(`| ${[row.figure, value, row.budget, verdict(row)].map(escapeCell).join(' | ')} |`);
	}
	return lines.join('\n');
}

const harness = await createHarness({
	quick,
	root,
	...(values.runs ? {runs: Number(values.runs)} : {}),
	...(values.cli ? {cliPath: path.resolve(values.cli)} : {}),
});
const rows: Row[] = [];
try {
	for (const figure of figures) {
		if (values.only && figure !== baseline && !figure.name.includes(values.only)) continue;
		if (quick && figure.slow) {
			process.stderr.write(`bench: ${figure.name}: left out of --quick (slow)\n`);
			continue;
		}

		process.stderr.write(`bench: ${figure.name}\n`);
		try {
			const result = await figure.run(harness);
			rows.push(...(Array.isArray(result) ? result : [result as Row]));
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			// An unexpected failure keeps its detail (e.g. the screen dump) on stderr; the table gets one line.
			if (!(error instanceof NotMeasured)) process.stderr.write(`${message}\n`);
			rows.push({figure: figure.name, budget: figure.budget, why: message.split('\n')[0]!});
		}
	}
} finally {
	await harness.close();
}

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const header = [
	`# zylon-tui benchmark${quick ? ' (quick: each figure measured once)' : ''}`,
	'',
	`- date: ${new Date().toISOString()}`,
	`- node: ${process.version}`,
	`- cpu: ${cpu} × ${os.cpus().length}, ${os.platform()} ${os.release()}`,
	`- runs: ${harness.runs} per startup figure${quick ? '' : ' after 1 warm-up'}, ${harness.presses} presses per key figure`,
	'- timing: spawn (or key write) to the expected text on the screen of a headless xterm fed by a real pty',
	"- startup: runs after the first reuse what any later start finds in the cache directory: the remembered user id and Node's compile cache (the hello's too)",
	'',
	'',
].join('\n');
const report = `${header}${table(rows)}\n`;
process.stdout.write(report);
if (out) await writeFile(out, report);

const missing = rows.filter(row => row.value === undefined);
if (quick && missing.length > 0) {
	process.stderr.write(`bench: ${missing.length} figure(s) not measured\n`);
	process.exitCode = 1;
}
