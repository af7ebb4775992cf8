// Settles where the explorer and export read from: a real server, or the embedded demo workspace
// (asked for with --demo, or because nothing is configured).
import {createClient} from '../api/client.ts';
import {tuningFromEnv} from '../api/tuning.ts';
import type {Connection, ZylonClient} from '../api/client-types.ts';
import type {CliFlags} from '../cli-help.ts';
import {ConfigError} from '../config/errors.ts';
import {resolveConnection} from '../config/resolve.ts';

export type Session = {
	readonly client: ZylonClient;
	readonly notices: readonly string[];
	readonly pageSize: number;
	/** The embedded demo workspace (a fresh server on a new port each start). */
	readonly demo: boolean;
	close(): Promise<void>;
};

export async function openConnection(
	flags: CliFlags,
	options: {revealSecrets?: boolean} = {},
): Promise<Session> {
	const pageSize = flags.pageSize ?? 50;
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
		throw new ConfigError(`--page-size must be a whole number from 1 to 1000 (got ${flags.pageSize})`);
	}

	const resolved = flags.demo
		? {demo: true as const, warnings: [] as readonly string[]}
		: await resolveConnection({
				flags: {url: flags.url, org: flags.org, tokenFile: flags.tokenFile, profile: flags.profile},
				env: process.env,
			});
	const tuning = tuningFromEnv(process.env);
	if ('connection' in resolved) {
		const client = createClient(resolved.connection, {
			...tuning,
			pageSize,
			revealSecrets: options.revealSecrets,
		});
		return {client, notices: resolved.warnings ?? [], pageSize, demo: false, close: async () => {}};
	}

	const {startDemoServer} = await import('../demo/index.ts');
	const server = await startDemoServer({});
	const connection: Connection = {
		baseUrl: `${server.url}/api`,
		org: server.org,
		token: server.token,
		tokenSource: 'the demo workspace',
		label: 'demo',
	};
	const notice = flags.demo
		? 'Demo workspace: built-in sample data, no server needed.'
		: 'Demo workspace: nothing is configured (set ZYLON_URL and ZYLON_TOKEN, or --profile), so this is sample data.';
	return {
		client: createClient(connection, {...tuning, pageSize, revealSecrets: options.revealSecrets}),
		notices: [notice, ...resolved.warnings],
		pageSize,
		demo: true,
		close: () => server.close(),
	};
}
