// Watching a Processing interaction over its stream (zylon-api.md §8). The request goes through the client's
// own path (client.openStream → http.ts: route generations, auth, status words, timeouts); only reading the
// answer is done here, as it arrives: a quiet generation can legitimately send nothing for a while, so only
// the wait for the headers is timed.
//
// The developer manual documents Server-Sent Events, while the vendor's OpenAPI document declares the route as
// application/json: we ask for both, SSE preferred, and read a JSON answer as one event, an array of events or
// newline-delimited events. A 406, or an answer that holds no event we know, is not an error: the caller polls.
import {setTimeout as delay} from 'node:timers/promises';
import type {StreamEvent} from '../domain/stream.ts';
import {sanitizeLine} from '../lib/sanitize.ts';
import type {ZylonClient} from './client-types.ts';
import {ApiError, isApiError} from './errors.ts';
import {readCapped} from './body.ts';
import {capital, networkReason} from './http-words.ts';
import type {Opened} from './client-types.ts';
import {parseStreamEventJson, parseStreamEvent} from './parse/stream-event.ts';
import {createSseParser, SseTooLargeError} from './sse.ts';

export type StreamOptions = {
	readonly signal?: AbortSignal;
	readonly onEvent: (event: StreamEvent) => void;
	/** How long to wait for the response headers (default 15 000 ms); the body itself is not timed. */
	readonly connectTimeoutMs?: number;
};

/**
 * How the stream ended: a `done` (or `error`) event, the server closing without one, or 'unusable': a 406
 * or an answer with no event in it (nothing was delivered; poll instead).
 */
export type StreamEnd = {readonly reason: 'done' | 'error' | 'closed' | 'unusable'; readonly events: number};

/** SSE first; the JSON forms the vendor's OpenAPI document declares after it. */
export const STREAM_ACCEPT = 'text/event-stream, application/json;q=0.9, application/x-ndjson;q=0.8';

/** A whole JSON answer is read at once: bounded like any other answer. */
const MAX_JSON_STREAM_BYTES = 64 * 1024 * 1024;

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
	const resource = `the stream of interaction ${sanitizeLine(interactionId)}`;
	let opened: Opened;
	try {
		opened = await client.openStream(interactionId, projectId, {
			accept: STREAM_ACCEPT,
			signal: options.signal,
			connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
		});
	} catch (error) {
		// A server that cannot send any form we asked for: not a failure of the interaction.
		if (isApiError(error) && error.details.status === 406) return {reason: 'unusable', events: 0};
		throw error;
	}
	const type = (opened.headers.get('content-type') ?? '').toLowerCase();
	if (/json/.test(type)) return readJson(opened, resource, options);
	if (type === '' || type.includes('text/event-stream')) return readSse(opened, resource, options);
	await opened.body?.cancel().catch(() => undefined);
	return {reason: 'unusable', events: 0};
}

const stopped = (resource: string) => new ApiError('aborted', `Stopped reading ${resource}`, {resource});

/** A JSON answer's events: one event object, an array of them, or one per line; undefined if it is none of those. */
export function jsonEvents(text: string): readonly unknown[] | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return [];
	try {
		const value: unknown = JSON.parse(trimmed);
		return Array.isArray(value) ? value : [value];
	} catch {
		// Not one JSON value: newline-delimited ones, or nothing usable.
	}
	try {
		return trimmed
			.split(/\r?\n/)
			.filter(line => line.trim() !== '')
			.map(line => JSON.parse(line) as unknown);
	} catch {
		return undefined;
	}
}

async function readJson(opened: Opened, resource: string, options: StreamOptions): Promise<StreamEnd> {
	let text: string;
	try {
		text = await readCapped(opened as Response, MAX_JSON_STREAM_BYTES, resource);
	} catch (error) {
		if (options.signal?.aborted) throw stopped(resource);
		if (isApiError(error)) throw error;
		throw new ApiError('network', `${capital(resource)} broke off: ${networkReason(error)}`, {resource});
	}
	const items = jsonEvents(text) ?? [];
	const events = items.flatMap(item => {
		const event = parseStreamEventJson('', item);
		return event && event.type !== 'unknown' ? [event] : [];
	});
	if (events.length === 0) return {reason: 'unusable', events: 0};
	let count = 0;
	for (const event of events) {
		count++;
		options.onEvent(event);
		if (event.type === 'done' || event.type === 'error') return {reason: event.type, events: count};
	}
	return {reason: 'closed', events: count};
}

async function readSse(opened: Opened, resource: string, options: StreamOptions): Promise<StreamEnd> {
	const body = opened.body;
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
				if (options.signal?.aborted) throw stopped(resource);
				throw new ApiError('network', `${capital(resource)} broke off: ${networkReason(error)}`, {resource});
			}
			if (options.signal?.aborted) throw stopped(resource);
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
	const grace = new AbortController();
	const expired = delay(graceMs, 'expired' as const, {signal: grace.signal}).catch(() => 'expired' as const);
	try {
		for (;;) {
			const next = await Promise.race([reader.read().catch(() => ({done: true}) as const), expired]);
			if (next === 'expired' || next.done) break;
		}
	} finally {
		grace.abort();
		await reader.cancel().catch(() => undefined);
	}
}
