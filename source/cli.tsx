// flags → config → one of: the explorer | export | report | demo-server | completion. Nothing else.
import {parseCommonArgs, type ParsedArgs} from './cli-args.ts';
import {ConfigError} from './config/errors.ts';
import {helpText, flagSpec, flagNames, optionName} from './cli-help.ts';
import {applyMemoryFlags} from './lib/runtime-memory.ts';
import {VERSION, versionText} from './version.ts';

/** The flags and command; `given` lists every flag name as typed, for the unknown-flag check. */
async function parseArgs(argv: readonly string[]): Promise<ParsedArgs & {given: readonly string[]}> {
	const common = parseCommonArgs(argv);
	if (common) {
		process.title = 'zylon-tui'; // as meow would
		return {...common, given: []};
	}

	// Help, errors and every unusual command line: meow, loaded only when needed.
	const {default: meow} = await import('meow');
	const cli = meow(helpText, {
		importMeta: import.meta,
		argv: [...argv],
		flags: flagSpec,
		// Given, so meow reads no package.json: the standalone executable has none, and one near the working
		// directory is some other project's.
		pkg: {name: 'zylon-tui', version: VERSION},
		// meow's own unknown-flag message spans two lines; ours names the flag in one.
		allowUnknownFlags: true,
		description: false,
	});
	return {input: cli.input, flags: cli.flags, given: Object.keys(cli.unnormalizedFlags)};
}

function fail(message: string, code = 2): never {
	process.stderr.write(`zylon-tui: ${message}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	// Before the bulk of the bundle allocates: a GC for a small footprint, not throughput (runtime-memory.ts).
	applyMemoryFlags();
	const argv = process.argv.slice(2);
	if (argv.length === 1 && argv[0] === '--version') {
		process.stdout.write(await versionText());
		return;
	}

	const cli = await parseArgs(argv);
	const unknown = unknownFlags(cli.given);
	if (unknown.includes('token'))
		fail('there is no --token flag (it would show in ps): set ZYLON_TOKEN or use --token-file');
	if (unknown.length > 0)
		fail(`unknown flag ${unknown.map(flag => `--${flag}`).join(', ')} (see zylon-tui --help)`);
	const [command, ...rest] = cli.input;
	if (command === 'completion') {
		const {runCompletion} = await import('./commands/completion.ts');
		process.stdout.write(await runCompletion(rest));
		return;
	}

	if (command === 'demo-server') {
		const {runDemoServer} = await import('./commands/demo-server.ts');
		await runDemoServer(cli.flags);
		return;
	}

	if (command === 'export') {
		const {runExport} = await import('./commands/export.ts');
		process.exitCode = await runExport(cli.flags);
		return;
	}

	if (command === 'report') {
		const {runReport} = await import('./commands/report.ts');
		process.exitCode = await runReport(cli.flags);
		return;
	}

	if (command !== undefined) fail(`unknown command "${command}" (see zylon-tui --help)`);
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		fail('the explorer needs an interactive terminal; use `zylon-tui export` to pipe interactions instead');
	}

	const {runExplorer} = await import('./commands/explorer.tsx');
	process.exitCode = await runExplorer(cli.flags);
}

/** Flags as meow reports them (camelCase and as typed) that no definition names. */
function unknownFlags(given: readonly string[]): string[] {
	const known = new Set<string>(['help', 'version']);
	for (const name of flagNames) {
		known.add(name);
		known.add(optionName(name).slice(2));
	}

	return given.filter(flag => !known.has(flag));
}

main().catch((error: unknown) => {
	if (error instanceof ConfigError) fail(error.message);
	fail(error instanceof Error ? error.message : String(error), 1);
});
