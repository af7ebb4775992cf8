// Watching a Processing interaction over its SSE stream (zylon-api.md §8). Plain fetch rather than the
// client's ofetch loop: a stream is read as it arrives, is never retried, and only its connect is timed
// (a quiet generation can legitimately send nothing for a while). A 404 becomes a typed 'not-found'
// ApiError so that the caller can fall back to polling.
import type {StreamEvent} from '../domain/stream.ts';
import {sanitizeLine} from '../lib/sanitize.ts';
import type {RouteGeneration, ZylonClient} from './client-types.ts';
import {ApiError} from './errors.ts';
import {retryAfter} from './retry-timing.ts';
import {capital} from './http-words.ts';
import {parseStreamEvent} from './parse/stream-event.ts';
import {createSseParser, SseTooLargeError} from './sse.ts';

export type StreamOptions = {
	readonly signal?: AbortSignal;
	readonly onEvent: (event: StreamEvent) => void;
	/** How long to wait for the response headers (default 15 000 ms); the body itself is not timed. */
	readonly connectTimeoutMs?: number;
	/** Only for tests that must control the transport. */
	readonly fetch?: typeof globalThis.fetch;
};

/** How the stream ended: a `done` (or `error`) event, or the server closing without one. */
export type StreamEnd = {readonly reason: 'done' | 'error' | 'closed'; readonly events: number};

const seg = (id: string) => encodeURIComponent(id);

export function streamPath(generation: RouteGeneration, interactionId: string, projectId: string): string {
	return generation === 'current'
		? `/v1/app/interaction/${seg(interactionId)}/stream`
		: `/v1/app/project/${seg(projectId)}/interaction/${seg(interactionId)}/stream`;
}

/**
 * Streams the interaction's events to `onEvent` until `done`, `error` or the end of the body. Uses the
 * client's generation; when it is not known yet, the current route first and the legacy one on a 404.
 */
export async function streamInteraction(
	client: ZylonClient,
	interactionId: string,
	projectId: string | undefined,
	options: StreamOptions,
): Promise<StreamEnd> {
	const known = client.generation();
	const order: RouteGeneration[] = known ? [known] : ['current', 'legacy'];
	const resource = `the stream of interaction ${sanitizeLine(interactionId)}`;
	for (const generation of order) {
		if (generation === 'legacy' && !projectId) break;
		const response = await connect(
			client,
			streamPath(generation, interactionId, projectId ?? ''),
			resource,
			options,
		);
		if (response.status === 404) {
			await response.body?.cancel().catch(() => undefined);
			continue;
		}
		if (!response.ok) {
			await response.body?.cancel().catch(() => undefined);
			throw statusError(client, response, resource);
		}
		return read(response, resource, options);
	}
	throw new ApiError('not-found', `No stream for interaction ${sanitizeLine(interactionId)} (404)`, {
		status: 404,
		resource,
	});
}

async function connect(client: ZylonClient, path: string, resource: string, options: StreamOptions) {
	const {connection} = client;
	const timeoutMs = options.connectTimeoutMs ?? 15_000;
	const connectTimer = new AbortController();
	const timer = setTimeout(() => connectTimer.abort(), timeoutMs);
	const signal = options.signal
		? AbortSignal.any([options.signal, connectTimer.signal])
		: connectTimer.signal;
	try {
		return await (options.fetch ?? globalThis.fetch)(`${connection.baseUrl}${path}`, {
			method: 'GET',
			headers: {
				authorization: `Bearer ${connection.token}`,
				'x-org': connection.org,
				accept: 'text/event-stream',
				'cache-control': 'no-cache',
			},
			signal,
		});
	} catch (error) {
		if (options.signal?.aborted) throw new ApiError('aborted', `Stopped reading ${resource}`, {resource});
		if (connectTimer.signal.aborted) {
			throw new ApiError('timeout', `${capital(resource)}: no answer within ${timeoutMs / 1000} s`, {
				resource,
			});
		}
		const host = new URL(connection.baseUrl).host;
		throw new ApiError('network', `Could not connect to ${host}: ${reason(error)}`, {resource});
	} finally {
		// Headers are in (or it failed): the body may take as long as the generation does.
		clearTimeout(timer);
	}
}

async function read(response: Response, resource: string, options: StreamOptions): Promise<StreamEnd> {
	const body = response.body;
	if (!body) return {reason: 'closed', events: 0};
	const reader = body.pipeThrough(new TextDecoderStream()).getReader();
	const parser = createSseParser();
	let events = 0;
	const abort = () => void reader.cancel().catch(() => undefined);
	options.signal?.addEventListener('abort', abort, {once: true});
	try {
		for (;;) {
			let chunk: Awaited<ReturnType<typeof reader.read>>;
			try {
				chunk = await reader.read();
			} catch (error) {
				if (options.signal?.aborted) throw new ApiError('aborted', `Stopped reading ${resource}`, {resource});
				throw new ApiError('network', `${capital(resource)} broke off: ${reason(error)}`, {resource});
			}
			if (options.signal?.aborted) throw new ApiError('aborted', `Stopped reading ${resource}`, {resource});
			if (chunk.done) return {reason: 'closed', events};
			let messages;
			try {
				messages = parser.push(chunk.value);
			} catch (error) {
				if (error instanceof SseTooLargeError)
					throw new ApiError('too-large', `${capital(resource)}: ${error.message}`, {resource});
				throw error;
			}
			for (const message of messages) {
				const event = parseStreamEvent(message.event, message.data);
				if (!event) continue;
				events++;
				options.onEvent(event);
				if (event.type === 'done' || event.type === 'error') {
					await drain(reader, DRAIN_GRACE_MS);
					return {reason: event.type, events};
				}
			}
		}
	} finally {
		options.signal?.removeEventListener('abort', abort);
	}
}

/** After `done`, how long the server gets to close the stream itself before we do. */
const DRAIN_GRACE_MS = 1000;

// Some servers finalise the interaction only once the response has been written out to its end, so
// hanging up at `done` could leave it Processing; a server that keeps the socket open is cut off.
async function drain(reader: ReadableStreamDefaultReader<string>, graceMs: number): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	const expired = new Promise<'expired'>(resolve => {
		timer = setTimeout(() => resolve('expired'), graceMs);
	});
	try {
		for (;;) {
			const next = await Promise.race([reader.read().catch(() => ({done: true}) as const), expired]);
			if (next === 'expired' || next.done) break;
		}
	} finally {
		clearTimeout(timer);
		await reader.cancel().catch(() => undefined);
	}
}

function statusError(client: ZylonClient, response: Response, resource: string): ApiError {
	const {status} = response;
	const details = {status, resource, retryAfterMs: retryAfter(response.headers)};
	if (status === 401)
		return new ApiError(
			'unauthorized',
			`The server refused the token from ${client.connection.tokenSource} (401)`,
			details,
		);
	if (status === 403) return new ApiError('forbidden', `Not allowed to read ${resource} (403)`, details);
	if (status === 429) return new ApiError('rate-limited', `Too many requests for ${resource} (429)`, details);
	if (status >= 500)
		return new ApiError('server', `The server failed to send ${resource} (${status})`, details);
	return new ApiError('http', `Could not read ${resource} (${status})`, details);
}

function reason(error: unknown): string {
	const cause =
		error instanceof Error
			? ((error.cause as {code?: string} | undefined)?.code ?? error.message)
			: String(error);
	return sanitizeLine(String(cause)).slice(0, 120);
}
