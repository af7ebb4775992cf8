// A real HTTP proxy in front of the demo server that bloats chosen interactions as they pass: a
// transcript of N megabytes, a history of N messages. The demo's own data stays small; the CLI sees
// the sizes an on-call engineer meets on a bad day.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

export type Bloat = {
	/** Interaction id → what to do to it. */
	readonly [id: string]: {readonly textBytes?: number; readonly messages?: number};
};

type Dto = Record<string, unknown> & {id?: string; user_input?: unknown; pgpt?: Record<string, unknown>};

function bloat(dto: Dto, how: Bloat[string]): Dto {
	const out: Dto = {...dto};
	if (how.textBytes) {
		const line = 'Line of a very long tool log that goes on and on. ';
		const text = `BIG-START ${line.repeat(Math.ceil(how.textBytes / line.length))} BIG-END`;
		out.user_input = {role: 'user', content: [{type: 'text', text}]};
	}
	if (how.messages) {
		const messages = Array.from({length: how.messages}, (_, i) => ({
			role: i % 2 === 0 ? 'user' : 'assistant',
			content: [{type: 'text', text: `HISTORY-${i + 1} short turn of a long conversation`}],
		}));
		out.pgpt = {...(dto.pgpt ?? {}), messages};
	}
	return out;
}

export async function startBloatProxy(
	target: string,
	rules: Bloat,
): Promise<{url: string; close(): Promise<void>}> {
	const server: Server = createServer(async (req, res) => {
		const upstream = await fetch(`${target}${req.url ?? '/'}`, {
			method: req.method,
			headers: Object.fromEntries(
				Object.entries(req.headers).filter(
					(e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
				),
			),
		});
		let body = await upstream.text();
		if (upstream.ok && (upstream.headers.get('content-type') ?? '').includes('json')) {
			const json = JSON.parse(body) as Dto & {data?: Dto[]};
			const apply = (dto: Dto) => (dto.id && rules[dto.id] ? bloat(dto, rules[dto.id]!) : dto);
			body = JSON.stringify(Array.isArray(json.data) ? {...json, data: json.data.map(apply)} : apply(json));
		}
		res.writeHead(upstream.status, {
			'content-type': upstream.headers.get('content-type') ?? 'application/json',
		});
		res.end(body);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
