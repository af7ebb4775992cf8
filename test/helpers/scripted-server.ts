// A scripted HTTP server on 127.0.0.1 for the request-loop tests: each request is answered as the test's
// script says, and what was sent is kept. Registers its own before/beforeEach/after hooks.
import {after, before, beforeEach} from 'node:test';
import {createServer, type IncomingHttpHeaders, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createClient} from '../../source/api/client.ts';
import type {ClientOptions} from '../../source/api/client-types.ts';

export type Seen = {method: string; url: string; headers: IncomingHttpHeaders};
/** Answers the n-th request (0-based); an answer that never calls end() hangs until the client gives up. */
export type Script = (n: number, response: ServerResponse) => void;

export const TOKEN = 'tok-3f9a-never-printed';

export function scriptedServer() {
	let server: Server;
	const open = new Set<ServerResponse>();
	const state = {
		base: '',
		script: ((_n, response) => response.end('{}')) as Script,
		seen: [] as Seen[],
		client: (options: ClientOptions = {}) =>
			createClient(
				{baseUrl: `${state.base}/api`, org: 'acme', token: TOKEN, tokenSource: 'ZYLON_TOKEN', label: 'test'},
				{backoffBaseMs: 1, attempts: 3, timeoutMs: 2000, ...options},
			),
	};
	before(async () => {
		server = createServer((request, response) => {
			state.seen.push({method: request.method ?? '', url: request.url ?? '', headers: request.headers});
			open.add(response);
			response.on('close', () => open.delete(response));
			state.script(state.seen.length - 1, response);
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	beforeEach(() => {
		state.seen = [];
		for (const response of open) response.destroy();
	});
	after(async () => {
		for (const response of open) response.destroy();
		server.closeAllConnections();
		await new Promise<void>(resolve => server.close(() => resolve()));
	});
	return state;
}

export function answer(
	response: ServerResponse,
	status: number,
	body: string,
	headers: Record<string, string> = {},
) {
	response.writeHead(status, {'content-type': 'application/json', ...headers});
	response.end(body);
}
