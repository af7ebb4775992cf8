import type {CliFlags} from '../cli-help.ts';
import {openConnection} from './connect.ts';

export async function runExplorer(flags: CliFlags): Promise<number> {
	const session = await openConnection(flags);
	// UI modules load after the connection is settled (and the demo server, if any, is listening).
	const [{render}, {App}] = await Promise.all([import('ink'), import('../app.tsx')]);
	const instance = render(
		<App
			client={session.client}
			notices={session.notices}
			deepLink={{projectId: flags.project, threadId: flags.thread, interactionId: flags.interaction}}
			order={flags.oldestFirst ? 'ASC' : 'DESC'}
			pageSize={session.pageSize}
		/>,
		{alternateScreen: true, exitOnCtrlC: false, incrementalRendering: true, patchConsole: false, maxFps: 60},
	);

	// Leave the alternate screen and show the cursor on every way out, not just `q`.
	let crash: unknown;
	const leave = () => {
		instance.unmount();
	};
	process.once('SIGTERM', leave);
	process.once('SIGHUP', leave);
	process.once('uncaughtException', error => {
		crash = error;
		leave();
	});
	process.once('unhandledRejection', error => {
		crash = error;
		leave();
	});
	try {
		await instance.waitUntilExit();
	} catch (error) {
		crash = error;
	}

	await session.close();
	if (crash !== undefined) {
		const message = crash instanceof Error ? crash.message : String(crash);
		process.stderr.write(`zylon-tui stopped after an internal error: ${message}\n`);
		return 1;
	}

	return 0;
}
