// The request loop: ofetch with retry 0 and our own retries (ofetch 1.5.1 reuses a timed-out signal
// across retries and ignores Retry-After), a fresh timeout per attempt, a capped body read as text,
// and typed errors built only from our own words, so the token can never leak into one.
import {ofetch} from 'ofetch';
import {sanitizeLine} from '../lib/sanitize.ts';
import type {Connection} from './client-types.ts';
import {ApiError} from './errors.ts';

export type HttpSettings = {
	readonly connection: Connection;
	readonly timeoutMs: number;
	readonly attempts: number;
	readonly maxBodyBytes: number;
	readonly backoffBaseMs: number;
	readonly fetch?: typeof globalThis.fetch;
};

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export type Request = {
	readonly path: string;
	readonly query?: Query;
	/** In words, for messages: "the interactions of thread 0197…". */
	readonly resource: string;
	/** What a 404 means is missing: "thread 0197…" → "No thread 0197… (404)". */
	readonly missing?: string;
	readonly signal?: AbortSignal;
};

/** A 404 handed back instead of thrown, so the caller can tell a missing route from a missing id. */
export type NotFound = {readonly notFound: true; readonly message?: string};

const RETRIABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_BACKOFF_MS = 8_000;
const MAX_SERVER_TEXT = 160;

export type Http = {
	get(request: Request): Promise<unknown>;
	/** Like get, but a 404 resolves to NotFound (after no retries) instead of throwing. */
	getOr404(request: Request): Promise<unknown | NotFound>;
};

export const isNotFound = (value: unknown): value is NotFound =>
	typeof value === 'object' && value !== null && (value as NotFound).notFound === true;

export function createHttp(settings: HttpSettings): Http {
	const {connection} = settings;
	const host = new URL(connection.baseUrl).host;
	const raw = ofetch.create(
		{retry: 0, ignoreResponseError: true, responseType: 'stream'},
		settings.fetch ? {fetch: settings.fetch} : {},
	);
	const headers = {
		authorization: `Bearer ${connection.token}`,
		'x-org': connection.org,
		accept: 'application/json',
	};

	async function attempt(request: Request, perTry: AbortSignal): Promise<Outcome> {
		const signal = request.signal ? AbortSignal.any([request.signal, perTry]) : perTry;
		let response: Response;
		try {
			response = await raw.raw(`${connection.baseUrl}${request.path}`, {
				method: 'GET',
				query: cleanQuery(request.query),
				headers,
				signal,
			});
		} catch (error) {
			return failure(error, request, perTry);
		}
		if (response.status === 404) {
			await response.body?.cancel().catch(() => undefined);
			return {kind: 'not-found'};
		}
		let text: string;
		try {
			text = await readCapped(response, settings.maxBodyBytes, request.resource);
		} catch (error) {
			if (error instanceof ApiError) return {kind: 'fatal', error};
			return failure(error, request, perTry);
		}
		if (response.ok) return {kind: 'ok', text};
		return {kind: 'status', status: response.status, text, retryAfterMs: retryAfter(response.headers)};
	}

	function failure(error: unknown, request: Request, perTry: AbortSignal): Outcome {
		if (request.signal?.aborted) return {kind: 'fatal', error: aborted(request)};
		if (perTry.aborted) {
			const seconds = settings.timeoutMs / 1000;
			return {
				kind: 'retry',
				error: new ApiError('timeout', `${capital(request.resource)}: no answer within ${seconds} s`, {
					resource: request.resource,
				}),
			};
		}
		return {
			kind: 'retry',
			error: new ApiError('network', `Could not connect to ${host}: ${networkReason(error)}`, {
				resource: request.resource,
			}),
		};
	}

	async function run(request: Request, allow404: boolean): Promise<unknown> {
		for (let count = 1; ; count++) {
			if (request.signal?.aborted) throw aborted(request);
			const outcome = await attempt(request, AbortSignal.timeout(settings.timeoutMs));
			if (outcome.kind === 'ok') return parseJson(outcome.text, request.resource);
			if (outcome.kind === 'not-found') {
				if (allow404) return {notFound: true} satisfies NotFound;
				throw new ApiError('not-found', `No ${request.missing ?? request.resource} (404)`, {
					status: 404,
					resource: request.resource,
				});
			}
			if (outcome.kind === 'fatal') throw outcome.error;
			const retriable = outcome.kind === 'retry' || RETRIABLE.has(outcome.status);
			if (!retriable || count >= settings.attempts) {
				throw outcome.kind === 'status'
					? statusError(outcome, request, count)
					: withAttempts(outcome.error, count);
			}
			const wait =
				outcome.kind === 'status' && outcome.retryAfterMs !== undefined
					? outcome.retryAfterMs
					: backoff(settings.backoffBaseMs, count);
			await sleep(wait, request.signal).catch(() => {
				throw aborted(request);
			});
		}
	}

	// The specific words first and the server's own words last, so a narrow pane that cuts the message
	// cuts what matters least: "Server error 503 for … (tried 4 times): <server words>".
	function statusError(outcome: StatusOutcome, request: Request, count: number): ApiError {
		const {status} = outcome;
		const said = serverText(outcome.text, connection.token);
		const tried = count > 1 ? ` (tried ${count} times)` : '';
		const suffix = `${tried}${said ? `: ${said}` : ''}`;
		const details = {
			status,
			resource: request.resource,
			retryAfterMs: outcome.retryAfterMs,
			...(count > 1 ? {attempts: count} : {}),
		};
		if (status === 401) {
			return new ApiError(
				'unauthorized',
				`The server refused the token from ${connection.tokenSource} (401)`,
				details,
			);
		}
		if (status === 403)
			return new ApiError('forbidden', `Not allowed to read ${request.resource} (403)${suffix}`, details);
		if (status === 429) {
			const notes = [
				'429',
				...(count > 1 ? [`tried ${count} times`] : []),
				...(outcome.retryAfterMs === undefined ? [] : [`Retry-After ${formatSeconds(outcome.retryAfterMs)}`]),
			];
			return new ApiError(
				'rate-limited',
				`${host} rate-limited (${notes.join(', ')}): ${request.resource}`,
				details,
			);
		}
		// A proxy or gateway answering for the API sends its own HTML page: say so, not "not JSON".
		const html = isHtml(outcome.text) ? `${tried}: an HTML error page from a proxy or gateway` : suffix;
		if (status >= 500)
			return new ApiError('server', `Server error ${status} for ${request.resource}${html}`, details);
		return new ApiError('http', `Unexpected status ${status} for ${request.resource}${html}`, details);
	}

	return {
		get: request => run(request, false),
		getOr404: request => run(request, true),
	};
}

type StatusOutcome = {kind: 'status'; status: number; text: string; retryAfterMs?: number};
type Outcome =
	| {kind: 'ok'; text: string}
	| {kind: 'not-found'}
	| StatusOutcome
	| {kind: 'retry'; error: ApiError}
	| {kind: 'fatal'; error: ApiError};

export const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const aborted = (request: Request): ApiError =>
	new ApiError('aborted', `Cancelled: ${request.resource}`, {resource: request.resource});

function withAttempts(error: ApiError, attempts: number): ApiError {
	if (attempts <= 1 || error.details.attempts !== undefined) return error;
	const message = `${error.message} (tried ${attempts} times)`;
	return new ApiError(error.kind, message, {...error.details, attempts});
}

function cleanQuery(query: Query | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) out[key] = String(value);
	return out;
}

/** Full-jitter-ish exponential backoff: between half and all of base·2^(n-1), capped. */
export function backoff(baseMs: number, attempt: number): number {
	const ceiling = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
	return ceiling * (0.5 + Math.random() / 2);
}

/** Retry-After in seconds or as an HTTP date; capped so a hostile value cannot stall us for hours. */
export function retryAfter(headers: Headers, now = Date.now()): number | undefined {
	const value = headers.get('retry-after')?.trim();
	if (!value) return undefined;
	if (/^\d+(?:\.\d+)?$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new Error('aborted'));
		const onAbort = () => {
			clearTimeout(timer);
			reject(new Error('aborted'));
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

async function readCapped(response: Response, max: number, resource: string): Promise<string> {
	const tooLarge = () =>
		new ApiError(
			'too-large',
			`The answer for ${resource} is larger than the ${formatBytes(max)} limit; refused`,
			{
				status: response.status,
				resource,
			},
		);
	const declared = Number(response.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > max) {
		await response.body?.cancel().catch(() => undefined);
		throw tooLarge();
	}
	if (!response.body) return '';
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let size = 0;
	let text = '';
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel().catch(() => undefined);
			throw tooLarge();
		}
		text += decoder.decode(value, {stream: true});
	}
	return text + decoder.decode();
}

function parseJson(text: string, resource: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const what = describeBody(text, error);
		throw new ApiError('malformed', `Unexpected response for ${resource}: ${what}, not JSON`, {resource});
	}
}

function describeBody(text: string, error: unknown): string {
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

const isHtml = (text: string): boolean => text.trimStart().startsWith('<');

const formatSeconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** 64 MiB, 512 KiB, 900 bytes: the cap in the unit a person would use. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
	if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
	return `${bytes} bytes`;
}

function networkReason(error: unknown): string {
	// ofetch wraps the fetch failure; undici hides the system error one or two causes deeper.
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string') {
			const known: Record<string, string> = {
				ECONNREFUSED: 'connection refused',
				ECONNRESET: 'connection reset',
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
