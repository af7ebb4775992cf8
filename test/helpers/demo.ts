// Small HTTP helpers for talking to the demo server in tests: plain fetch, no client code, so the
// server is tested on its own.
import type {DemoServer} from '../../source/demo/index.ts';

export type Envelope<T = Record<string, unknown>> = {
	data: T[];
	next_cursor: string | null;
	previous_cursor: string | null;
	has_next_page: boolean;
	has_previous_page: boolean;
	total_count: number | null;
};

export const authHeaders = (server: DemoServer, org = server.org): Record<string, string> => ({
	authorization: `Bearer ${server.token}`,
	'x-org': org,
});

/** GET `/api${path}` with the demo's credentials (or `headers`); returns status, headers and parsed body. */
export async function apiGet<T = unknown>(
	server: DemoServer,
	path: string,
	init: {headers?: Record<string, string>; method?: string} = {},
): Promise<{status: number; headers: Headers; body: T; text: string}> {
	const response = await fetch(`${server.url}/api${path}`, {
		method: init.method ?? 'GET',
		headers: init.headers ?? authHeaders(server),
	});
	const text = await response.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return {status: response.status, headers: response.headers, body: body as T, text};
}

export async function page(server: DemoServer, path: string): Promise<Envelope> {
	const {status, body, text} = await apiGet<Envelope>(server, path);
	if (status !== 200) throw new Error(`GET ${path} → ${status}: ${text}`);
	return body;
}

export const ids = (envelope: Envelope): string[] => envelope.data.map(item => String(item['id']));

/** Reads a whole SSE body into [event, parsed data] pairs. */
export function parseSse(body: string): Array<[string, Record<string, unknown>]> {
	return body
		.split('\n\n')
		.filter(block => block.trim() !== '')
		.map(block => {
			const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
			const data = /^data: (.*)$/m.exec(block)?.[1] ?? '{}';
			return [event, JSON.parse(data) as Record<string, unknown>];
		});
}

/** The client connection to the demo server, as the tests' clients use it. */
export const demoConnection = (server: DemoServer) => ({
	baseUrl: `${server.url}/api`,
	org: server.org,
	token: server.token,
	tokenSource: 'test',
	label: 'test',
});
