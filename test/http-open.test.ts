// Opening a stream through the one request path: what is sent, that the body comes back unread and is
// not cut by the per-attempt timer, and how the route generation is found on the way.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {ServerResponse} from 'node:http';
import {ApiError} from '../source/api/errors.ts';
import {answer, scriptedServer} from './helpers/scripted-server.ts';

const server = scriptedServer();
const ACCEPT = 'text/event-stream, application/json;q=0.9';
const CURRENT = '/api/v1/app/interaction/i1/stream';
const LEGACY = '/api/v1/app/project/p1/interaction/i1/stream';

function events(response: ServerResponse, ...chunks: readonly string[]) {
	response.writeHead(200, {'content-type': 'text/event-stream'});
	for (const chunk of chunks) response.write(chunk);
	response.end();
}

const read = async (body: ReadableStream<Uint8Array> | null) => new Response(body).text();

describe('opening a stream', () => {
	test('sent with the Accept asked for and cache-control: no-cache; a JSON request has no cache-control', async () => {
		server.script = (n, response) =>
			n === 0 ? events(response, 'data: {"a":1}\n\n') : answer(response, 200, '{"id":"u1","name":"U"}');
		const client = server.client({generation: 'current'});
		const opened = await client.openStream('i1', 'p1', {accept: ACCEPT});
		assert.equal(opened.status, 200);
		assert.equal(opened.headers.get('content-type'), 'text/event-stream');
		// Handed back unread: the body is all there for the caller.
		assert.equal(await read(opened.body), 'data: {"a":1}\n\n');
		await client.me();
		const [stream, json] = server.seen;
		assert.equal(stream?.url, CURRENT);
		assert.equal(stream?.headers.accept, ACCEPT);
		assert.equal(stream?.headers['cache-control'], 'no-cache');
		assert.equal(json?.headers.accept, 'application/json');
		assert.equal(json?.headers['cache-control'], undefined);
	});

	test('a body that outlives the connect timeout is read to its end', async () => {
		server.script = (_n, response) => {
			response.writeHead(200, {'content-type': 'text/event-stream'});
			response.write('data: 1\n\n');
			setTimeout(() => response.end('data: 2\n\n'), 400);
		};
		const opened = await server
			.client({generation: 'current'})
			.openStream('i1', 'p1', {accept: ACCEPT, connectTimeoutMs: 150});
		assert.equal(await read(opened.body), 'data: 1\n\ndata: 2\n\n');
	});

	test('generation unknown: the current route, then the legacy one on a 404, which it keeps', async () => {
		server.script = (n, response) => (n === 0 ? answer(response, 404, '') : events(response, 'data: {}\n\n'));
		const client = server.client();
		const opened = await client.openStream('i1', 'p1', {accept: ACCEPT});
		assert.equal(await read(opened.body), 'data: {}\n\n');
		assert.deepEqual(
			server.seen.map(seen => seen.url),
			[CURRENT, LEGACY],
		);
		assert.equal(client.generation(), 'legacy');
	});

	test('generation unknown and the current route answers: it is opened there, unread', async () => {
		server.script = (_n, response) => events(response, 'data: {"x":2}\n\n');
		const client = server.client();
		const opened = await client.openStream('i1', 'p1', {accept: ACCEPT});
		assert.equal(await read(opened.body), 'data: {"x":2}\n\n');
		assert.deepEqual(
			server.seen.map(seen => seen.url),
			[CURRENT],
		);
		assert.equal(client.generation(), 'current');
	});

	test('an error status is worded like any other and not retried; 404 on both routes is not-found', async () => {
		server.script = (_n, response) => answer(response, 503, '');
		const failed = await server
			.client({generation: 'current', attempts: 3})
			.openStream('i1', 'p1', {accept: ACCEPT})
			.catch((error: unknown) => error);
		assert.ok(failed instanceof ApiError);
		assert.equal(failed.kind, 'server');
		assert.equal(server.seen.length, 1, 'not retried');

		server.seen = [];
		server.script = (_n, response) => answer(response, 404, '');
		const missing = await server
			.client()
			.openStream('i1', 'p1', {accept: ACCEPT})
			.catch((error: unknown) => error);
		assert.ok(missing instanceof ApiError);
		assert.equal(missing.kind, 'not-found');
		assert.equal(missing.message, 'No stream for interaction i1 (404)');
		assert.equal(server.seen.length, 2);
	});
});
