// What every figure gets: how many runs, the bundled CLI, the baseline, demo servers, and timed spawns.
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {bundle} from '../scripts/bundle.js';
import {spawnTerminal} from '../test/helpers/pty.ts';
import type {Matcher, Term} from '../test/helpers/pty.ts';
import type {DemoOptions} from '../source/demo/types.ts';
import {NotMeasured, startDemoProcess} from './demo.ts';
import type {DemoHandle} from './demo.ts';
import * as markers from './markers.ts';
import {summarize} from './stats.ts';
import type {Stats} from './stats.ts';

export type Row = {
	readonly figure: string;
	readonly budget: string;
	/** Absent: not measured, and `why` says why. */
	readonly value?: string;
	/** Absent with a value: report only. */
	readonly pass?: boolean;
	readonly why?: string;
};

export type Figure = {
	readonly name: string;
	readonly budget: string;
	/** Minutes rather than seconds (it builds something): left out of --quick, which is the test suite's smoke run. */
	readonly slow?: boolean;
	run(harness: Harness): Promise<Row | readonly Row[]>;
};

export type SpawnCliOptions = {
	readonly args?: readonly string[];
	readonly env?: Readonly<Record<string, string>>;
	readonly cols?: number;
	readonly rows?: number;
	/** Defaults to the bundled CLI; the baseline passes its own bundle. */
	readonly script?: string;
	/** A program to run instead of node with a script: the standalone executable. */
	readonly executable?: string;
};

export type Harness = {
	readonly quick: boolean;
	/** Measured runs of a startup figure (after one warm-up unless quick). */
	readonly runs: number;
	/** Measured presses of a keystroke figure. */
	readonly presses: number;
	readonly cliPath: string;
	readonly helloPath: string;
	/** A directory of this run, removed at the end. */
	readonly temp: string;
	requireCli(): string;
	/** One demo server per distinct options, shared by the figures and closed at the end. */
	demo(options: DemoOptions): Promise<DemoHandle>;
	connectionEnv(server: DemoHandle): Record<string, string>;
	spawnCli(options: SpawnCliOptions): Promise<Term>;
	/** ms from spawn until `marker` is on the rendered screen; the child is killed afterwards. */
	timeToScreen(marker: Matcher, options: SpawnCliOptions): Promise<number>;
	/** Warm-up (unless quick), then `runs` samples. */
	sample(measure: () => Promise<number>, runs?: number): Promise<Stats>;
	/** Like sample, alternating each run with a baseline run, so load on a shared machine hits both alike. */
	sampleWithBaseline(measure: () => Promise<number>): Promise<{stats: Stats; baseline: Stats}>;
	close(): Promise<void>;
};

export const startupTimeoutMs = 20_000;

export async function createHarness(options: {
	quick: boolean;
	root: string;
	runs?: number;
	/** Another bundle to measure instead of dist/cli.js. */
	cliPath?: string;
}): Promise<Harness> {
	const temp = await mkdtemp(path.join(tmpdir(), 'zylon-bench-'));
	const helloPath = path.join(temp, 'hello.js');
	// Same esbuild options and the same launcher (with Node's compile cache) as the bin; only the CLI's own plugins
	// (its string-width shortcut and cell frame writer) are left out, so the baseline is what plain Ink costs.
	await bundle({entry: path.join(options.root, 'bench/hello.tsx'), outfile: helloPath});
	const cliPath = options.cliPath ?? path.join(options.root, 'dist/cli.js');
	const servers = new Map<string, Promise<DemoHandle>>();
	const quick = options.quick;
	// An empty config home: a developer's own profile must not steer the bench.
	const configHome = path.join(temp, 'config');
	// The CLI remembers per-connection hints here (the user id); the warm-up run fills it, as any earlier
	// start on the user's machine would have.
	const cacheHome = path.join(temp, 'cache');

	const harness: Harness = {
		quick,
		runs: quick ? 1 : (options.runs ?? 10),
		presses: quick ? 1 : 30,
		cliPath,
		helloPath,
		temp,
		requireCli() {
			if (!existsSync(cliPath))
				throw new NotMeasured(
					`${path.relative(options.root, cliPath)} is missing (the CLI is not built: npm run build)`,
				);
			return cliPath;
		},
		demo(demoOptions) {
			const key = JSON.stringify(demoOptions);
			let server = servers.get(key);
			if (!server) {
				server = startDemoProcess(demoOptions);
				servers.set(key, server);
			}
			return server;
		},
		connectionEnv: server => ({ZYLON_URL: server.url, ZYLON_TOKEN: server.token, ZYLON_ORG: server.org}),
		spawnCli({args = [], env = {}, cols = 120, rows = 40, script, executable}) {
			return spawnTerminal({
				...(executable ? {command: executable, args} : {args: [script ?? harness.requireCli(), ...args]}),
				cols,
				rows,
				env: {XDG_CONFIG_HOME: configHome, XDG_CACHE_HOME: cacheHome, ...env},
			});
		},
		async timeToScreen(marker, spawnOptions) {
			const term = await harness.spawnCli(spawnOptions);
			try {
				const at = await term.waitFor(marker, {timeoutMs: startupTimeoutMs});
				return at - term.spawnedAt;
			} finally {
				term.kill('SIGKILL');
				await term.exit;
			}
		},
		async sample(measure, runs = harness.runs) {
			if (!quick) await measure();
			const samples: number[] = [];
			for (let index = 0; index < runs; index++) samples.push(await measure());
			return summarize(samples);
		},
		async sampleWithBaseline(measure) {
			const hello = () => harness.timeToScreen(markers.hello, {script: helloPath});
			if (!quick) {
				await hello();
				await measure();
			}
			const own: number[] = [];
			const base: number[] = [];
			for (let index = 0; index < harness.runs; index++) {
				base.push(await hello());
				own.push(await measure());
			}
			return {stats: summarize(own), baseline: summarize(base)};
		},
		async close() {
			const started = await Promise.allSettled(servers.values());
			await Promise.all(
				started.map(result => (result.status === 'fulfilled' ? result.value.close() : undefined)),
			);
			await rm(temp, {recursive: true, force: true});
		},
	};
	return harness;
}

export {markers, NotMeasured};
