// The demo workspace over real HTTP on 127.0.0.1: auth, faults, latency and the request log wrap
// the pure routing in routes.ts.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {setTimeout as delay} from 'node:timers/promises';
import {errorReply, route, type Reply, type RouteContext} from './routes.ts';
import type {Fault, RequestLogEntry} from './types.ts';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};
type ActiveFault = {readonly fault: Fault; remaining: number};

export type ServerState = {
	readonly ctx: RouteContext;
	readonly token: string;
	latencyMs: number;
	faults: ActiveFault[];
	readonly log: RequestLogEntry[];
};

/** A page with nothing in it that still says there is more either way: a client must not loop on it. */
const EMPTY_MORE = {
	data: [],
	next_cursor: 'more',
	previous_cursor: 'more',
	has_next_page: true,
	has_previous_page: true,
};

const sleep = async (ms: number) => (ms > 0 ? delay(ms) : undefined);

const routeMatches = (pattern: Fault['route'], path: string): boolean =>
	pattern === undefined || (typeof pattern === 'string' ? path.includes(pattern) : pattern.test(path));

export const activate = (faults: readonly Fault[]): ActiveFault[] =>
	faults.map(fault => ({fault, remaining: fault.times ?? Number.POSITIVE_INFINITY}));

/** Takes one use of the first fault that matches, if any. */
function takeFault(state: ServerState, path: string): Fault | undefined {
	const active = state.faults.find(item => item.remaining > 0 && routeMatches(item.fault.route, path));
	if (!active) return undefined;
	active.remaining -= 1;
	return active.fault;
}

function authorise(state: ServerState, req: IncomingMessage): Reply | undefined {
	const auth = req.headers.authorization;
	if (auth === undefined) return errorReply(401, 'Missing Authorization header');
	if (auth !== `Bearer ${state.token}`) return errorReply(401, 'Invalid or expired token');
	const org = req.headers['x-org'];
	if (typeof org !== 'string' || org === '') return errorReply(403, 'Missing x-org header');
	const {ws} = state.ctx;
	if (org !== ws.org.slug && org !== ws.org.id) return errorReply(403, `Not a member of organization ${org}`);
	return undefined;
}

function answer(
	state: ServerState,
	req: IncomingMessage,
	path: string,
	query: Record<string, string>,
): Reply {
	if (!path.startsWith('/api/') && path !== '/api') return errorReply(404, `No route ${path}`);
	if (req.method !== 'GET')
		return errorReply(405, `${req.method} is not allowed: the demo is read-only`, {allow: 'GET'});
	const rest = path.slice('/api'.length);
	if (rest === '/health') {
		return {
			status: 200,
			json: {
				status: 'UP',
				uptime: Math.floor((state.ctx.now() - state.ctx.startedAt) / 1000),
				commit: 'demo',
			},
		};
	}
	if (rest.startsWith('/v1/app/')) {
		const refused = authorise(state, req);
		if (refused) return refused;
	}
	return route(state.ctx, rest, query);
}

const htmlPage = (status: number) =>
	`<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;

async function send(
	res: ServerResponse,
	status: number,
	headers: Record<string, string>,
	body: string,
	fault?: Fault,
) {
	const bytes = Buffer.from(body);
	res.writeHead(status, {...headers, 'content-length': String(bytes.length)});
	if (fault?.body !== 'slow-body') {
		res.end(bytes);
		return;
	}
	// Headers at once, then the body in ten slices over the fault's latency.
	const slices = 10;
	const step = Math.ceil(bytes.length / slices);
	for (let i = 0; i < bytes.length && !res.destroyed; i += step) {
		res.write(bytes.subarray(i, i + step));
		await sleep((fault.latencyMs ?? 1000) / slices);
	}
	res.end();
}

export function createHandler(state: ServerState) {
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const query: Record<string, string> = {};
		for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
		const entry: Mutable<RequestLogEntry> = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query,
			authorization: req.headers.authorization,
			org: typeof req.headers['x-org'] === 'string' ? req.headers['x-org'] : undefined,
			status: 0,
			at: Date.now(),
		};
		state.log.push(entry);

		await sleep(state.latencyMs);
		const fault = takeFault(state, url.pathname);
		if (fault && fault.body !== 'slow-body') await sleep(fault.latencyMs ?? 0);
		if (res.destroyed) return;

		if (fault?.body === 'drop') {
			req.socket.destroy();
			return;
		}
		const retryAfter: Record<string, string> = fault?.retryAfter ? {'retry-after': fault.retryAfter} : {};
		if (fault?.body === 'html') {
			entry.status = fault.status ?? 502;
			await send(res, entry.status, {'content-type': 'text/html', ...retryAfter}, htmlPage(entry.status));
			return;
		}
		if (fault?.body === 'not-json') {
			entry.status = fault.status ?? 200;
			await send(
				res,
				entry.status,
				{'content-type': 'text/plain', ...retryAfter},
				'upstream said: service warming up',
			);
			return;
		}

		const reply =
			fault?.status !== undefined && fault.body === undefined
				? errorReply(fault.status, `Injected fault: ${fault.status}`, retryAfter)
				: fault?.body === 'empty-more'
					? {status: 200, json: EMPTY_MORE}
					: answer(state, req, url.pathname, query);

		if ('stream' in reply) {
			reply.stream(res, req.headers.accept ?? '*/*');
			entry.status = res.statusCode;
			return;
		}
		entry.status = fault?.status ?? reply.status;
		let body = JSON.stringify(reply.json);
		if (fault?.body === 'truncated-json') body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
		await send(
			res,
			entry.status,
			{'content-type': 'application/json; charset=utf-8', ...retryAfter, ...reply.headers},
			body,
			fault,
		);
	};
}

export async function listen(
	state: ServerState,
	host: string,
	port: number,
): Promise<{url: string; close: () => Promise<void>}> {
	const handler = createHandler(state);
	const server = createServer((req, res) => {
		handler(req, res).catch((error: unknown) => {
			console.error('demo server error:', error);
			if (!res.headersSent) res.writeHead(500, {'content-type': 'application/json'});
			res.end(JSON.stringify({status: 500, error: 'Internal Server Error', message: 'demo server error'}));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://${host}:${address.port}`,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
