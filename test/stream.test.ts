// Live streaming of a Processing interaction: the SSE parser on chunks split anywhere, the fold of
// events into an output (escape sequences split across deltas stay inert), the stream client and the
// useLiveInteraction hook against the demo server on both route generations.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {act, createElement, type ReactElement} from 'react';
import {Text} from 'ink';
import {createClient} from '../source/api/client.ts';
import type {ZylonClient} from '../source/api/client-types.ts';
import {ApiError} from '../source/api/errors.ts';
import {createSseParser, type SseMessage} from '../source/api/sse.ts';
import {parseStreamEvent} from '../source/api/parse/stream-event.ts';
import {jsonEvents, STREAM_ACCEPT, streamInteraction} from '../source/api/stream.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {appendSanitized, foldStream, streamOutput, type StreamEvent} from '../source/domain/stream.ts';
import type {Interaction} from '../source/domain/types.ts';
import {useLiveInteraction} from '../source/hooks/use-live-interaction.ts';
import {sanitize} from '../source/lib/sanitize.ts';
import {hostileRaw} from './helpers/fixtures.ts';
import {mount} from './helpers/render.tsx';
import {demoConnection} from './helpers/demo.ts';

const UNSAFE =
	/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

const STREAM =
	'\uFEFF: a comment\r\n' +
	'event: message_start\r\n' +
	'data: {"type":"message_start",\r\n' +
	'data: "message":{"content":[]}}\r\n' +
	'id: 1\r\n' +
	'\r\n' +
	'event:ping\ndata:{}\n\n' +
	'data: plain\rdata: two\r\r' +
	'retry: 10\nevent: ignored-no-data\n\n' +
	'event: done\ndata: {"type":"done"}\n\n' +
	'event: cut\ndata: {"never":"finished"}\n';

function parseAll(chunks: readonly string[]): SseMessage[] {
	const parser = createSseParser();
	const out = chunks.flatMap(chunk => parser.push(chunk));
	return [...out, ...parser.end()];
}

const client = (server: DemoServer, generation?: 'current' | 'legacy'): ZylonClient =>
	createClient(demoConnection(server), {generation, backoffBaseMs: 1});

const textOf = (interaction: Interaction | undefined) =>
	(interaction?.output?.content ?? []).map(block => (block.type === 'text' ? block.text : '')).join('');

describe('SSE parser', () => {
	const whole = parseAll([STREAM]);

	test('fields, multi-line data, comments, CRLF/CR/LF, BOM, id; an unfinished message is dropped', () => {
		assert.deepEqual(whole, [
			{event: 'message_start', data: '{"type":"message_start",\n"message":{"content":[]}}', id: '1'},
			{event: 'ping', data: '{}', id: '1'},
			{event: 'message', data: 'plain\ntwo', id: '1'},
			{event: 'done', data: '{"type":"done"}', id: '1'},
		]);
	});

	test('the same messages however the stream is split (every single split, then random splits)', () => {
		for (let i = 0; i <= STREAM.length; i++) {
			assert.deepEqual(parseAll([STREAM.slice(0, i), STREAM.slice(i)]), whole, `split at ${i}`);
		}
		fc.assert(
			fc.property(fc.array(fc.nat(STREAM.length), {maxLength: 12}), cuts => {
				const points = [...new Set(cuts)].sort((a, b) => a - b);
				const chunks = [0, ...points].map((start, i) => STREAM.slice(start, points[i] ?? STREAM.length));
				assert.deepEqual(parseAll(chunks), whole);
			}),
		);
	});

	test('a message past the cap throws instead of growing without bound', () => {
		const parser = createSseParser(100);
		assert.throws(() => parser.push(`data: ${'x'.repeat(200)}\n`));
		assert.throws(() => createSseParser(100).push('x'.repeat(200)));
	});
});

describe('folding stream events', () => {
	test('hostile text split across deltas anywhere ends up as sanitize(whole), never a control byte', () => {
		const deltas = (cuts: number[]) => {
			const points = [...new Set(cuts)].sort((a, b) => a - b);
			return [0, ...points].map((start, i) => hostileRaw.slice(start, points[i] ?? hostileRaw.length));
		};
		const fold = (pieces: string[]) => {
			let acc = {clean: '', pending: ''};
			for (const piece of pieces) {
				acc = appendSanitized(acc.clean, acc.pending, piece);
				assert.doesNotMatch(acc.clean.replaceAll('\n', ''), UNSAFE);
			}
			return acc.clean + sanitize(acc.pending);
		};
		for (let i = 0; i <= hostileRaw.length; i++)
			assert.equal(fold(deltas([i])), sanitize(hostileRaw), `cut ${i}`);
		fc.assert(
			fc.property(fc.array(fc.nat(hostileRaw.length), {maxLength: 20}), cuts => {
				assert.equal(fold(deltas(cuts)), sanitize(hostileRaw));
			}),
		);
	});

	test('blocks by block_id, index fallback, synthetic, message_delta, error; unknown events ignored', () => {
		const events = [
			['message_start', {message: {id: 'm1', model: 'default', content: []}}],
			['content_block_start', {block_id: 'b0', content_block: {type: 'thinking', thinking: ''}}],
			['content_block_start', {index: 1, content_block: {type: 'text', text: ''}}],
			['content_block_delta', {block_id: 'b0', delta: {type: 'thinking_delta', thinking: 'hmm'}}],
			['content_block_delta', {index: 1, delta: {type: 'text_delta', text: 'Hello \u001B[31'}}],
			['interaction_progress', {note: 'x'}],
			['content_block_delta', {index: 1, delta: {type: 'text_delta', text: 'mworld'}}],
			['content_block_stop', {index: 1}],
			[
				'content_block_synthetic',
				{block_id: 's', block: {type: 'tool_use', id: 't', name: 'web_search', input: {}}},
			],
			['message_delta', {delta: {stop_reason: 'end_turn'}, usage: {input_tokens: 5, output_tokens: 7}}],
			['error', {error: {type: 'overloaded_error', message: 'busy'}}],
		] as const;
		const parsed = events.map(([name, data]) =>
			parseStreamEvent(name, JSON.stringify({type: name, ...data})),
		);
		assert.equal(parsed[5]?.type, 'unknown');
		const state = foldStream(parsed.filter((e): e is StreamEvent => e !== undefined));
		const output = streamOutput(state);
		assert.deepEqual(
			output.content.map(block => block.type),
			['thinking', 'text', 'tool_use'],
		);
		assert.deepEqual(output.content[0], {type: 'thinking', thinking: 'hmm', citations: []});
		assert.deepEqual(output.content[1], {type: 'text', text: 'Hello world', citations: []});
		assert.equal(output.id, 'm1');
		assert.equal(output.stopReason, 'end_turn');
		assert.deepEqual(output.usage, {inputTokens: 5, outputTokens: 7});
		assert.deepEqual(output.errors, [{type: 'overloaded_error', message: 'busy'}]);
		assert.ok(state.ended);
		assert.equal(parseStreamEvent('x', 'not json'), undefined);
	});
});

for (const generation of ['current', 'legacy'] as const) {
	describe(`streaming on the ${generation} routes`, () => {
		test('the processing interaction streams to completion; the streamed text is the stored text', async () => {
			const server = await startDemoServer({interactions: 10, generation});
			try {
				const c = client(server);
				const id = server.fixtures.interactions.processing;
				const events: StreamEvent[] = [];
				const end = await streamInteraction(c, id, server.fixtures.projects.insightsId, {
					onEvent: event => events.push(event),
				});
				assert.equal(end.reason, 'done');
				const names = events.map(event => event.type);
				assert.ok(names.includes('ping') && names.includes('unknown'));
				assert.equal(names.at(-1), 'done');
				const streamed = streamOutput(foldStream(events));
				const stored = await c.interaction(id, server.fixtures.projects.insightsId);
				assert.equal(stored.state, 'Completed');
				assert.ok(textOf(stored).length > 20);
				assert.equal(
					streamed.content.map(block => (block.type === 'text' ? block.text : '')).join(''),
					textOf(stored),
				);
				assert.equal(streamed.stopReason, stored.output?.stopReason);
				const request = server.log.find(entry => entry.path.endsWith('/stream') && entry.status === 200);
				assert.equal(request?.authorization, `Bearer ${server.token}`);
				assert.equal(request?.org, server.org);
			} finally {
				await server.close();
			}
		});

		test('useLiveInteraction shows the streamed text, then the Completed interaction', async () => {
			const server = await startDemoServer({interactions: 10, generation});
			try {
				const c = client(server);
				const start = await c.interaction(
					server.fixtures.interactions.processing,
					server.fixtures.projects.insightsId,
				);
				assert.equal(start.state, 'Processing');
				const seen: Array<{state: string; text: string; mode: string}> = [];
				function Probe(): ReactElement {
					const live = useLiveInteraction(c, start, {pollMs: 50});
					seen.push({state: live.interaction.state, text: textOf(live.interaction), mode: live.mode});
					return createElement(
						Text,
						null,
						`${live.interaction.state}|${live.mode}|${textOf(live.interaction)}`,
					);
				}
				const m = await mount(createElement(Probe));
				try {
					await m.waitFor('Completed|idle|', 5000);
					const final = seen.at(-1)!;
					assert.ok(final.text.startsWith('Weekly brief'));
					const partial = seen.filter(
						s => s.mode === 'streaming' && s.text.length > 0 && s.text.length < final.text.length,
					);
					assert.ok(partial.length >= 1, 'text appeared while streaming, before it was complete');
				} finally {
					await m.unmount();
				}
			} finally {
				await server.close();
			}
		});
	});
}

describe('stream fallbacks', () => {
	test('an unknown interaction is a typed not-found error', async () => {
		const server = await startDemoServer({interactions: 10});
		try {
			await assert.rejects(
				streamInteraction(client(server, 'current'), 'no-such-id', undefined, {onEvent: () => {}}),
				(error: unknown) => error instanceof ApiError && error.kind === 'not-found',
			);
		} finally {
			await server.close();
		}
	});

	test('without a stream route the hook polls the interaction until it leaves Processing', async () => {
		const server = await startDemoServer({interactions: 10, generation: 'current'});
		try {
			const c = client(server, 'current');
			const start = await c.interaction(server.fixtures.interactions.processing);
			server.setFaults([{route: '/stream', status: 404}]);
			function Probe(): ReactElement {
				const live = useLiveInteraction(c, start, {pollMs: 30});
				return createElement(Text, null, `${live.interaction.state}|${live.mode}|${live.error ?? ''}`);
			}
			const m = await mount(createElement(Probe));
			try {
				await m.waitFor('Processing|polling|');
				// Something else completes it (here: a stream read by another client, faults off).
				server.clearFaults();
				// Inside act: the hook keeps polling (and re-rendering) while this stream is read.
				await act(async () => {
					const response = await fetch(`${server.url}/api/v1/app/interaction/${start.id}/stream`, {
						headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org},
					});
					await response.text();
				});
				await m.waitFor('Completed|idle|', 3000);
			} finally {
				await m.unmount();
			}
		} finally {
			await server.close();
		}
	});

	test('the connect is timed out, not the body', async () => {
		const server = await startDemoServer({interactions: 10, generation: 'current'});
		try {
			server.setFaults([{route: '/stream', latencyMs: 500}]);
			await assert.rejects(
				streamInteraction(client(server, 'current'), server.fixtures.interactions.processing, undefined, {
					onEvent: () => {},
					connectTimeoutMs: 50,
				}),
				(error: unknown) => error instanceof ApiError && error.kind === 'timeout',
			);
		} finally {
			await server.close();
		}
	});

	test('aborting stops the read with an aborted error', async () => {
		const server = await startDemoServer({interactions: 10, generation: 'current'});
		try {
			const controller = new AbortController();
			const events: StreamEvent[] = [];
			await assert.rejects(
				streamInteraction(client(server, 'current'), server.fixtures.interactions.stuck, undefined, {
					signal: controller.signal,
					onEvent: event => {
						events.push(event);
						if (event.type === 'ping') controller.abort();
					},
				}),
				(error: unknown) => error instanceof ApiError && error.kind === 'aborted',
			);
			assert.equal(events[0]?.type, 'message_start');
		} finally {
			await server.close();
		}
	});
});

describe('what the stream route may answer', () => {
	test('a JSON answer: one event, an array, or one event per line; anything else is not events', () => {
		assert.deepEqual(jsonEvents('{"type":"done"}'), [{type: 'done'}]);
		assert.deepEqual(jsonEvents(' [{"type":"ping"},{"type":"done"}] '), [{type: 'ping'}, {type: 'done'}]);
		assert.deepEqual(jsonEvents('{"type":"ping"}\r\n\n{"type":"done"}\n'), [{type: 'ping'}, {type: 'done'}]);
		assert.deepEqual(jsonEvents(''), []);
		assert.equal(jsonEvents('{"type":"ping"}\nnot json'), undefined);
		assert.equal(jsonEvents('<html>'), undefined);
	});

	test('the request asks for SSE first and JSON after it', () => {
		assert.match(STREAM_ACCEPT, /^text\/event-stream, application\/json;q=0\.\d/);
	});

	for (const mode of ['json', 'ndjson'] as const) {
		for (const generation of ['current', 'legacy'] as const) {
			test(`a server that answers ${mode} (as its OpenAPI document says), ${generation} routes`, async () => {
				const server = await startDemoServer({interactions: 10, generation, stream: mode});
				try {
					// The demo refuses an Accept of SSE alone, as such a server does.
					const projectPath =
						generation === 'current' ? '' : `/project/${server.fixtures.projects.insightsId}`;
					const refused = await fetch(
						`${server.url}/api/v1/app${projectPath}/interaction/${server.fixtures.interactions.processing}/stream`,
						{
							headers: {
								authorization: `Bearer ${server.token}`,
								'x-org': server.org,
								accept: 'text/event-stream',
							},
						},
					);
					assert.equal(refused.status, 406);
					await refused.body?.cancel();

					const c = client(server);
					const id = server.fixtures.interactions.processing;
					const events: StreamEvent[] = [];
					const end = await streamInteraction(c, id, server.fixtures.projects.insightsId, {
						onEvent: event => events.push(event),
					});
					assert.equal(end.reason, 'done');
					const streamed = streamOutput(foldStream(events));
					const stored = await c.interaction(id, server.fixtures.projects.insightsId);
					assert.equal(stored.state, 'Completed');
					assert.equal(
						streamed.content.map(block => (block.type === 'text' ? block.text : '')).join(''),
						textOf(stored),
					);
				} finally {
					await server.close();
				}
			});
		}
	}

	for (const [name, fault] of [
		['a 406', {route: '/stream', status: 406}],
		['an answer that is not events (text/plain)', {route: '/stream', body: 'not-json'}],
	] as const) {
		test(`${name} drops to polling silently: no error line, and the interaction still completes`, async () => {
			const server = await startDemoServer({interactions: 10, generation: 'current'});
			try {
				const c = client(server, 'current');
				const start = await c.interaction(server.fixtures.interactions.processing);
				server.setFaults([fault]);
				assert.equal(
					await streamInteraction(c, start.id, undefined, {onEvent: () => {}}).then(e => e.reason),
					'unusable',
				);
				const seen: string[] = [];
				function Probe(): ReactElement {
					const live = useLiveInteraction(c, start, {pollMs: 30});
					seen.push(live.error ?? '');
					return createElement(Text, null, `${live.interaction.state}|${live.mode}|${live.error ?? ''}`);
				}
				const m = await mount(createElement(Probe));
				try {
					await m.waitFor('Processing|polling|');
					server.clearFaults();
					await act(async () => {
						const response = await fetch(`${server.url}/api/v1/app/interaction/${start.id}/stream`, {
							headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org},
						});
						await response.text();
					});
					await m.waitFor('Completed|idle|', 3000);
					assert.deepEqual(
						seen.filter(error => error !== ''),
						[],
						'no error was ever shown',
					);
				} finally {
					await m.unmount();
				}
			} finally {
				await server.close();
			}
		});
	}

	test('a 429 on the stream is worded like every other 429 (one request path)', async () => {
		const server = await startDemoServer({interactions: 10, generation: 'current'});
		try {
			server.setFaults([{route: '/stream', status: 429, retryAfter: '1'}]);
			const c = client(server, 'current');
			await assert.rejects(
				streamInteraction(c, server.fixtures.interactions.processing, undefined, {onEvent: () => {}}),
				(error: unknown) =>
					error instanceof ApiError &&
					error.kind === 'rate-limited' &&
					/^127\.0\.0\.1:\d+ rate-limited \(429, Retry-After 1 s\): the stream of interaction /.test(
						error.message,
					),
			);
			const sent = server.log.filter(entry => entry.path.endsWith('/stream'));
			assert.equal(sent.length, 1, 'a stream is not retried: the live view polls instead');
			assert.equal(sent[0]?.authorization, `Bearer ${server.token}`);
		} finally {
			await server.close();
		}
	});
});
