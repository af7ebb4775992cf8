// The words of a failed request, kept apart from the request loop: what went wrong is said in our own
// terms, and the server's words only ever arrive sanitised, shortened and with the token taken out.
import {sanitizeLine} from '../lib/sanitize.ts';

const MAX_SERVER_TEXT = 160;

export const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function describeBody(text: string, error: unknown): string {
	const start = text.trimStart();
	if (start === '') return 'an empty body';
	if (isHtml(start)) return 'an HTML page';
	if (start.startsWith('{') || start.startsWith('[')) {
		return error instanceof SyntaxError && /end of (?:JSON )?input|Unterminated/i.test(error.message)
			? 'truncated JSON'
			: 'invalid JSON';
	}
	return `text starting "${sanitizeLine(start.slice(0, 40))}"`;
}

/** The server's own words from an error body: sanitised, one line, short, and never the token. */
export function serverText(text: string, token: string): string {
	let said = text;
	try {
		const json: unknown = JSON.parse(text);
		if (typeof json === 'object' && json !== null) {
			const record = json as Record<string, unknown>;
			const nested = record['error'];
			const candidate =
				record['message'] ??
				(typeof nested === 'object' && nested !== null
					? (nested as Record<string, unknown>)['message']
					: nested) ??
				record['detail'];
			said = typeof candidate === 'string' ? candidate : '';
		}
	} catch {
		if (text.trimStart().startsWith('<')) said = '';
	}
	if (token) said = said.split(token).join('••••');
	said = sanitizeLine(said).trim();
	return said.length > MAX_SERVER_TEXT ? `${said.slice(0, MAX_SERVER_TEXT - 1)}…` : said;
}

export const isHtml = (text: string): boolean => text.trimStart().startsWith('<');

export const formatSeconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** 64 MiB, 512 KiB, 900 bytes: the cap in the unit a person would use. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
	if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
	return `${bytes} bytes`;
}

export function networkReason(error: unknown): string {
	// ofetch wraps the transport's failure, and undici (a test's own fetch) hides the system error a cause deeper.
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string') {
			const known: Record<string, string> = {
				ECONNREFUSED: 'connection refused',
				// node:http's "socket hang up" and a peer's reset alike: the server or a proxy closed it mid-way.
				ECONNRESET: 'the connection was dropped',
				ENOTFOUND: 'host not found',
				EAI_AGAIN: 'host name lookup failed',
				ETIMEDOUT: 'connection timed out',
				EHOSTUNREACH: 'host unreachable',
				ENETUNREACH: 'network unreachable',
				UND_ERR_SOCKET: 'the connection was dropped',
				UND_ERR_CLOSED: 'the connection was dropped',
			};
			if (known[code]) return known[code];
			if (/CERT|SSL|TLS/i.test(code)) return `TLS certificate problem (${sanitizeLine(code)})`;
		}
		current = (current as {cause?: unknown}).cause;
	}
	return 'the connection failed';
}
