// `y` inside a real tmux server with tmux's default options (no config file, so no set-clipboard on and no
// allow-passthrough): the copy must land in tmux's buffer. A private socket keeps the developer's own tmux out of it.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {promisify} from 'node:util';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {findOnPath} from '../source/lib/clipboard.ts';
import {cliPath} from './helpers/cli.ts';

const run = promisify(execFile);
const tmuxPath = findOnPath('tmux', process.env);
const socket = `zylon-tui-test-${process.pid}-${randomBytes(4).toString('hex')}`;

/** The environment of the tmux server, and so of the explorer in its pane. */
function serverEnv(server: DemoServer): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		// No desktop clipboard tool, no outer tmux or screen, none of the developer's connection settings.
		if (/^(?:ZYLON_|TMUX|STY$|DISPLAY$|WAYLAND_DISPLAY$|TERM_PROGRAM)/.test(name)) continue;
		env[name] = value;
	}
	return {
		...env,
		CI: 'false',
		ZYLON_URL: server.url,
		ZYLON_TOKEN: server.token,
		ZYLON_ORG: server.org,
		XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
	};
}

let server: DemoServer | undefined;
let env: NodeJS.ProcessEnv = process.env;
const tmux = (...args: string[]) => run(tmuxPath!, ['-L', socket, '-f', '/dev/null', ...args], {env});

before(async () => {
	if (!tmuxPath) return;
	server = await startDemoServer({});
	env = serverEnv(server);
});
after(async () => {
	if (tmuxPath) await tmux('kill-server').catch(() => undefined);
	await server?.close();
});

async function paneUntil(match: RegExp, what: string): Promise<string> {
	const deadline = Date.now() + 15_000;
	let screen = '';
	while (Date.now() < deadline) {
		screen = (await tmux('capture-pane', '-p', '-t', 'zylon')).stdout;
		if (match.test(screen)) return screen;
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	throw new Error(`waiting for ${what} in the tmux pane:\n${screen}`);
}

test(
	'y then Enter inside tmux with default options puts the interaction id in the tmux buffer',
	{skip: tmuxPath ? false : 'tmux is not installed: the copy inside tmux is not tested'},
	async () => {
		const {fixtures} = server!;
		const id = fixtures.interactions.endTurn;
		const command = [
			process.execPath,
			cliPath,
			'--project',
			fixtures.projects.insightsId,
			'--thread',
			fixtures.threads.weeklyBriefId,
			'--interaction',
			id,
		];
		await tmux('new-session', '-d', '-s', 'zylon', '-x', '120', '-y', '40', command.join(' '));
		await paneUntil(new RegExp(`${id} ·`), 'the linked interaction');
		const before = await tmux('show-buffer').catch(() => undefined);
		assert.equal(before, undefined, 'a new tmux server starts without a buffer');

		await tmux('send-keys', '-t', 'zylon', 'y');
		await paneUntil(/interaction id/, 'the copy menu');
		await tmux('send-keys', '-t', 'zylon', 'Enter');
		const screen = await paneUntil(/copied id \(36 B\)/, 'the footer');
		assert.match(screen, /copied id \(36 B\) to the tmux buffer/);
		assert.equal((await tmux('show-buffer')).stdout, id);

		await tmux('send-keys', '-t', 'zylon', 'q');
	},
);
