// What ofetch sends its requests through. Node's own fetch is undici, which Node loads on the first use of fetch or
// Headers: ~18 ms measured on the 2-core CI machine, a fifth of an Ink hello's whole start-up, spent before the first
// request can go out. node:http costs ~3 ms and node:https loads only for an https URL. ofetch takes the fetch and
// Headers it should use (createFetch), so ofetch still builds the request, the query and its errors; this only
// carries a GET and hands back the status, the headers and the body as a web stream, as fetch would.
import {channel} from 'node:diagnostics_channel';
import type {IncomingHttpHeaders, IncomingMessage, RequestOptions} from 'node:http';
import {Readable} from 'node:stream';

/**
 * Published once a request is written to the socket: loading the UI blocks the event loop for tens of milliseconds,
 * and a request not yet written by then waits for all of it (commands/startup-prefetch.ts).
 */
export const requestSentChannel = 'zylon-tui:request-sent';
const sent = channel(requestSentChannel);

type HeadersInit = Iterable<readonly [string, string]> | Record<string, string> | undefined;

/** The part of the Fetch API's Headers that ofetch and the client use: names are case-insensitive. */
export class LiteHeaders {
	readonly #map = new Map<string, string>();

	constructor(init?: HeadersInit) {
		if (!init) return;
		const entries = Symbol.iterator in init ? init : Object.entries(init);
		for (const [name, value] of entries) this.append(name, value);
	}

	append(name: string, value: string): void {
		const key = name.toLowerCase();
		const had = this.#map.get(key);
		this.#map.set(key, had === undefined ? String(value) : `${had}, ${value}`);
	}

	set(name: string, value: string): void {
		this.#map.set(name.toLowerCase(), String(value));
	}

	get(name: string): string | null {
		return this.#map.get(name.toLowerCase()) ?? null;
	}

	has(name: string): boolean {
		return this.#map.has(name.toLowerCase());
	}

	delete(name: string): void {
		this.#map.delete(name.toLowerCase());
	}

	forEach(callback: (value: string, name: string) => void): void {
		for (const [name, value] of this.#map) callback(value, name);
	}

	entries(): IterableIterator<[string, string]> {
		return this.#map.entries();
	}

	[Symbol.iterator](): IterableIterator<[string, string]> {
		return this.#map.entries();
	}
}

type Init = {
	readonly method?: string;
	readonly headers?: LiteHeaders | HeadersInit;
	readonly signal?: AbortSignal | null;
};

/** The answer as the client reads it (a subset of the Fetch API's Response). */
export type LiteResponse = {
	readonly status: number;
	readonly statusText: string;
	readonly ok: boolean;
	readonly url: string;
	readonly redirected: false;
	readonly headers: LiteHeaders;
	readonly body: ReadableStream<Uint8Array> | null;
};

/** A GET (or HEAD) over node:http/https, in fetch's shape. Redirects come back as they are: the API never sends one. */
export async function liteFetch(input: string | URL, init: Init = {}): Promise<LiteResponse> {
	const url = new URL(input);
	const {request} = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
	const headers = init.headers instanceof LiteHeaders ? init.headers : new LiteHeaders(init.headers);
	const options: RequestOptions = {
		method: init.method ?? 'GET',
		headers: Object.fromEntries(headers),
		...(init.signal ? {signal: init.signal} : {}),
	};
	return new Promise((resolve, reject) => {
		const outgoing = request(url, options, (response: IncomingMessage) => {
			const status = response.statusCode ?? 0;
			resolve({
				status,
				statusText: response.statusMessage ?? '',
				ok: status >= 200 && status < 300,
				url: url.href,
				redirected: false,
				headers: responseHeaders(response.headers),
				body: Readable.toWeb(response) as ReadableStream<Uint8Array>,
			});
		});
		outgoing.once('error', reject);
		outgoing.once('finish', () => {
			if (sent.hasSubscribers) sent.publish(url.href);
		});
		outgoing.end();
	});
}

function responseHeaders(raw: IncomingHttpHeaders): LiteHeaders {
	const headers = new LiteHeaders();
	for (const [name, value] of Object.entries(raw)) {
		if (value === undefined) continue;
		for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
	}
	return headers;
}
