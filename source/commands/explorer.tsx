import type {CliFlags} from '../cli-help.ts';
import type {DeepLink} from '../deep-link.ts';
import type {PageOrder} from '../domain/types.ts';
import {openConnection, type Session} from './connect.ts';
import {windowFlags} from './time-flags.ts';
import {firstScreen} from './first-screen.ts';
import {startupPrefetch} from './startup-prefetch.ts';
import {connectionKey, rememberedUserId, rememberUserId, userCacheFile} from './user-cache.ts';

/**
 * How long the first frame may wait for the prefetched answers: a moment of nothing reads as start-up, while a
 * spinner that turns into the list a frame later reads as flicker. A slower server gets the spinner.
 */
const FIRST_FRAME_WAIT_MS = 200;

export async function runExplorer(flags: CliFlags): Promise<number> {
	// Checked before connecting: a typo in --since costs no request.
	const timeWindow = windowFlags(flags);
	const session = await openConnection(flags);
	const deepLink: DeepLink = {
		projectId: flags.project,
		threadId: flags.thread,
		interactionId: flags.interaction,
	};
	const order: PageOrder = flags.oldestFirst ? 'ASC' : 'DESC';
	// The first screen's requests go out now, so their round trips overlap with loading the UI modules.
	const plan = {deepLink, order, pageSize: session.pageSize};
	const prefetch = startupPrefetch(session.client, {...plan, ...userHint(session)});
	await prefetch.sent;
	const [{render}, {App}] = await Promise.all([import('ink'), import('../app.tsx')]);
	await prefetch.settled(FIRST_FRAME_WAIT_MS);
	const first = await firstScreen(prefetch, plan);
	// Ink turns raw mode on in an effect, after the first frame is drawn: a key typed in between was echoed by
	// the tty, and at the end of a full-width footer the echo scrolled the screen. Ink takes it over from here
	// (and turns it off on exit); not earlier, so that Ctrl-C still interrupts a slow start.
	if (process.stdin.isTTY) process.stdin.setRawMode(true);
	const instance = render(
		<App
			client={prefetch.client}
			first={first}
			notices={session.notices}
			deepLink={deepLink}
			order={order}
			pageSize={session.pageSize}
			followMs={Number(process.env['ZYLON_FOLLOW_MS']) || undefined}
			timeWindow={timeWindow}
			overview={flags.overview === true}
			ahead={prefetch.ahead}
		/>,
		// maxFps 120: Ink draws at most once per 9 ms, which merges the frames of a burst of keys (at 250, paging
		// 100,000 rows in bursts peaked at 152-155 MiB in 4 of 9 runs, against 138-145). A key's own frame skips
		// that window (lib/input-priority.ts).
		{alternateScreen: true, exitOnCtrlC: false, incrementalRendering: true, patchConsole: false, maxFps: 120},
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

/** The remembered user id of a real connection (the demo gets a new port, so nothing to remember). */
function userHint(session: Session): {rememberedUserId?: string; onUser?: (user: {id: string}) => void} {
	if (session.demo) return {};
	const file = userCacheFile();
	const key = connectionKey(session.client.connection);
	return {
		rememberedUserId: rememberedUserId(file, key),
		onUser: user => rememberUserId(file, key, user.id),
	};
}
