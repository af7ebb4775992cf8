// Starts the built CLI in a pseudo-terminal against a demo server, the way a user would run it.
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startDemoServer, type DemoOptions, type DemoServer} from '../../source/demo/index.ts';
import {spawnTerminal, type Term} from './pty.ts';

export const cliPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');

export type Session = {readonly server: DemoServer; readonly term: Term};

export async function startSession(
	options: {
		demo?: DemoOptions;
		args?: string[] | ((server: DemoServer) => string[]);
		cols?: number;
		rows?: number;
		env?: Record<string, string>;
	} = {},
): Promise<Session> {
	const server = await startDemoServer(options.demo ?? {});
	const term = await spawnTerminal({
		args: [cliPath, ...(typeof options.args === 'function' ? options.args(server) : (options.args ?? []))],
		cols: options.cols ?? 120,
		rows: options.rows ?? 40,
		env: {
			ZYLON_URL: server.url,
			ZYLON_TOKEN: server.token,
			ZYLON_ORG: server.org,
			XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
			XDG_STATE_HOME: mkdtempSync(path.join(os.tmpdir(), 'zylon-tui-state-')),
			...options.env,
		},
	});
	return {server, term};
}

/** GETs a demo route as the test's own client would, for expected values. */
export async function demoGet<T>(server: DemoServer, route: string): Promise<T> {
	const response = await fetch(`${server.url}/api${route}`, {
		headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org},
	});
	if (!response.ok) throw new Error(`GET ${route}: ${response.status}`);
	return (await response.json()) as T;
}

export async function stop(session: Session | undefined): Promise<void> {
	if (!session) return;
	if (!session.term.exited()) session.term.kill('SIGKILL');
	await session.server.close();
}
