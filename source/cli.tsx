// flags → config → one of: the explorer | export | demo-server. Nothing else.
import meow from 'meow';
import {ConfigError} from './config/errors.ts';
import {helpText, flagSpec} from './cli-help.ts';

const cli = meow(helpText, {
	importMeta: import.meta,
	flags: flagSpec,
	allowUnknownFlags: false,
	description: false,
});

function fail(message: string, code = 2): never {
	process.stderr.write(`zylon-tui: ${message}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	const [command] = cli.input;
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

	if (command !== undefined) fail(`unknown command "${command}" (see zylon-tui --help)`);
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		fail('the explorer needs an interactive terminal; use `zylon-tui export` to pipe interactions instead');
	}

	const {runExplorer} = await import('./commands/explorer.tsx');
	process.exitCode = await runExplorer(cli.flags);
}

main().catch((error: unknown) => {
	if (error instanceof ConfigError) fail(error.message);
	fail(error instanceof Error ? error.message : String(error), 1);
});
