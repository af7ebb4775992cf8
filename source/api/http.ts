// The request loop: ofetch with retry 0 and our own retries (ofetch 1.5.1 reuses a timed-out signal
// across retries and ignores Retry-After), a fresh timeout per attempt, a capped body read as text,
// and typed errors built only from our own words, so the token can never leak into one. Every request
// goes through here, the interaction stream too: `open` runs the same loop with its own Accept and hands
// back the answer with its body unread, timing only the wait for the headers.
import {createFetch} from 'ofetch';
import type {Connection, Opened} from './client-types.ts';
import {ApiError} from './errors.ts';
import {capital, formatSeconds, isHtml, networkReason, serverText} from './http-words.ts';
import {setTimeout as delay} from 'node:timers/promises';
import {backoff, retryAfter} from './retry-timing.ts';
import {LiteHeaders, liteFetch} from './transport.ts';
import {parseJson, readCapped} from './body.ts';

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
	/** Instead of the client's per-attempt timeout. */
	readonly timeoutMs?: number;
	/** Instead of the client's attempts (a stream that fails has polling to fall back on). */
	readonly attempts?: number;
	/** Instead of application/json. */
	readonly accept?: string;
};

/** A request whose answer is read by the caller as it arrives. */
export type OpenRequest = Request & {readonly accept: string};

/** A 404 handed back instead of thrown, so the caller can tell a missing route from a missing id. */
export type NotFound = {readonly notFound: true; readonly message?: string};

const RETRIABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

export type Http = {
	get(request: Request): Promise<unknown>;
	/** Like get, but a 404 resolves to NotFound (after no retries) instead of throwing. */
	getOr404(request: Request): Promise<unknown | NotFound>;
	/** The same loop, with the caller's Accept; the 2xx answer comes back with its body unread. */
	open(request: OpenRequest): Promise<Opened>;
	openOr404(request: OpenRequest): Promise<Opened | NotFound>;
};

export const isNotFound = (value: unknown): value is NotFound =>
	typeof value === 'object' && value !== null && (value as NotFound).notFound === true;

export function createHttp(settings: HttpSettings): Http {
	const {connection} = settings;
	const host = new URL(connection.baseUrl).host;
	const raw = createFetch({
		// node:http rather than undici (api/transport.ts says why); a test may pass its own fetch.
		fetch: settings.fetch ?? (liteFetch as unknown as typeof globalThis.fetch),
		Headers: LiteHeaders as unknown as typeof globalThis.Headers,
		defaults: {retry: 0, ignoreResponseError: true, responseType: 'stream'},
	});
	const headersFor = (request: Request) => ({
		authorization: `Bearer ${connection.token}`,
		'x-org': connection.org,
		accept: request.accept ?? 'application/json',
		// A stream must come from the server, never from a cache on the way.
		...(request.accept === undefined ? {} : {'cache-control': 'no-cache'}),
	});

	async function attempt(request: Request, perTry: AbortSignal, open: boolean): Promise<Outcome> {
		const signal = request.signal ? AbortSignal.any([request.signal, perTry]) : perTry;
		let response: Response;
		try {
			response = await raw.raw(`${connection.baseUrl}${request.path}`, {
				method: 'GET',
				query: cleanQuery(request.query),
				headers: headersFor(request),
				signal,
			});
		} catch (error) {
			return failure(error, request, perTry);
		}
		if (response.status === 404) {
			await response.body?.cancel().catch(() => undefined);
			return {kind: 'not-found'};
		}
		if (open && response.ok) return {kind: 'open', opened: response};
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
			const seconds = (request.timeoutMs ?? settings.timeoutMs) / 1000;
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

	async function run(request: Request, allow404: boolean, open = false): Promise<unknown> {
		const attempts = request.attempts ?? settings.attempts;
		for (let count = 1; ; count++) {
			if (request.signal?.aborted) throw aborted(request);
			// A timer we can stop: an opened stream's body may take as long as the generation does.
			const perTry = new AbortController();
			const timer = setTimeout(() => perTry.abort(), request.timeoutMs ?? settings.timeoutMs);
			const outcome = await attempt(request, perTry.signal, open).finally(() => clearTimeout(timer));
			if (outcome.kind === 'open') return outcome.opened;
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
			if (!retriable || count >= attempts) {
				throw outcome.kind === 'status'
					? statusError(outcome, request, count)
					: withAttempts(outcome.error, count);
			}
			const wait =
				outcome.kind === 'status' && outcome.retryAfterMs !== undefined
					? outcome.retryAfterMs
					: backoff(settings.backoffBaseMs, count);
			await delay(wait, undefined, {signal: request.signal}).catch(() => {
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
		open: request => run(request, false, true) as Promise<Opened>,
		openOr404: request => run(request, true, true) as Promise<Opened | NotFound>,
	};
}

type StatusOutcome = {kind: 'status'; status: number; text: string; retryAfterMs?: number};
type Outcome =
	| {kind: 'ok'; text: string}
	| {kind: 'open'; opened: Opened}
	| {kind: 'not-found'}
	| StatusOutcome
	| {kind: 'retry'; error: ApiError}
	| {kind: 'fatal'; error: ApiError};

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
