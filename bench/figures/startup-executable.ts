// The standalone executable (npm run package) against the bundled CLI, both to the project list, in alternating runs
// of one loop so load on a shared machine hits all alike. It builds the executable from today's bundle twice, with
// and without the V8 code cache Node builds into it, and runs the CLI with and without Node's compile cache, so
// the rows say what each cache saves.
import {execFile} from 'node:child_process';
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {markers, NotMeasured} from '../harness.ts';
import type {Figure, Row} from '../harness.ts';
import {describeStats, summarize} from '../stats.ts';
import {tenThousand} from './common.ts';

const budget = 1.1;
const packageScript = fileURLToPath(new URL('../../scripts/package.js', import.meta.url));

async function buildExecutable(output: string, codeCache: boolean): Promise<void> {
	if (Number.parseInt(process.versions.node, 10) < 26)
		throw new NotMeasured(`the bench runs on Node ${process.version}; the executable needs Node 26 to build`);
	await promisify(execFile)(process.execPath, [
		packageScript,
		'--output',
		output,
		...(codeCache ? [] : ['--no-code-cache']),
	]).catch((error: {stderr?: string}) => {
		throw new NotMeasured(`npm run package failed: ${error.stderr?.trim() ?? String(error)}`);
	});
}

export const figure: Figure = {
	name: 'startup to project list, standalone executable vs the bundled CLI',
	budget: `<= ${budget}× bundled CLI`,
	slow: true,
	async run(harness) {
		harness.requireCli();
		const executable = path.join(harness.temp, 'zylon-tui');
		const withoutCodeCache = path.join(harness.temp, 'zylon-tui-no-code-cache');
		await buildExecutable(executable, true);
		await buildExecutable(withoutCodeCache, false);
		const server = await harness.demo(tenThousand);
		const env = harness.connectionEnv(server);
		const variants = {
			cli: () => harness.timeToScreen(markers.projectList, {env}),
			cliNoCache: () =>
				harness.timeToScreen(markers.projectList, {env: {...env, NODE_DISABLE_COMPILE_CACHE: '1'}}),
			executable: () => harness.timeToScreen(markers.projectList, {env, executable}),
			executableNoCache: () => harness.timeToScreen(markers.projectList, {env, executable: withoutCodeCache}),
		};
		const samples = Object.fromEntries(Object.keys(variants).map(name => [name, [] as number[]])) as Record<
			keyof typeof variants,
			number[]
		>;
		const entries = Object.entries(variants) as Array<[keyof typeof variants, () => Promise<number>]>;
		// The warm-up fills the CLI's compile cache and the user-id cache, as any earlier start would have.
		if (!harness.quick) for (const [, measure] of entries) await measure();
		for (let index = 0; index < harness.runs; index++) {
			for (const [name, measure] of entries) samples[name].push(await measure());
		}

		const stats = Object.fromEntries(entries.map(([name]) => [name, summarize(samples[name])])) as Record<
			keyof typeof variants,
			ReturnType<typeof summarize>
		>;
		const ratio = (name: keyof typeof variants) => (stats[name].median / stats.cli.median).toFixed(2);
		const size = (await stat(executable)).size / 1048576;
		const rows: Row[] = [
			{
				figure: this.name,
				budget: this.budget,
				value: `${describeStats(stats.executable)}; ${ratio('executable')}× the bundled CLI's ${describeStats(stats.cli)}`,
				pass: stats.executable.median / stats.cli.median <= budget,
			},
			{
				figure:
					'what the caches do: the bundled CLI without its compile cache (NODE_DISABLE_COMPILE_CACHE=1)',
				budget: 'report only',
				value: `${describeStats(stats.cliNoCache)}; ${ratio('cliNoCache')}× the CLI with it`,
			},
			{
				figure:
					"what the caches do: the executable without its built-in code cache (sea-config's useCodeCache)",
				budget: 'report only',
				value: `${describeStats(stats.executableNoCache)}; ${ratio('executableNoCache')}× the CLI with its cache`,
			},
			{
				figure: 'size of the standalone executable (npm run package)',
				budget: 'report only',
				value: `${size.toFixed(1)} MiB (${process.platform}-${process.arch}, Node ${process.version})`,
			},
		];
		return rows;
	},
};
