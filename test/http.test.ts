// The request loop seen from outside: a scripted HTTP server on 127.0.0.1 answers each request as the
// test says, and the public client is asked for something. What was sent, how often, and the exact
// error that comes back (kind, words, details) are the behaviour; how the loop is built is not, so
// these survive a rewrite of api/http.ts.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ApiError, type ApiErrorKind} from '../source/api/errors.ts';
import {answer, scriptedServer, TOKEN} from './helpers/scripted-server.ts';

const server = scriptedServer();
const client: typeof server.client = options => server.client(options);
const seen = () => server.seen;

const me = JSON.stringify({id: 'u1', name: 'U', email: 'u@x'});

async function failure(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
	const error = await promise.then(
		() => assert.fail(`expected an ApiError ${kind}`),
		(error: unknown) => error,
	);
	assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`);
	assert.equal(error.kind, kind, error.message);
	assert.ok(!error.message.includes(TOKEN) && !JSON.stringify(error.details).includes(TOKEN));
	return error;
}

describe('what is sent', () => {
	test('one GET with the bearer token, the org and accept: application/json', async () => {
		server.script = (_n, response) => answer(response, 200, me);
		assert.equal((await client().me()).id, 'u1');
		assert.equal(seen().length, 1);
		const [request] = seen();
		assert.equal(request?.method, 'GET');
		assert.equal(request?.url, '/api/v1/app/me');
		assert.equal(request?.headers.authorization, `Bearer ${TOKEN}`);
		assert.equal(request?.headers['x-org'], 'acme');
		assert.equal(request?.headers.accept, 'application/json');
	});
});

describe('statuses', () => {
	test('a 4xx the client has no word for: "Unexpected status", the server words, no retry', async () => {
		server.script = (_n, response) => answer(response, 418, JSON.stringify({message: 'short and stout'}));
		const error = await failure(client().me(), 'http');
		assert.equal(error.message, 'Unexpected status 418 for the current user: short and stout');
		assert.deepEqual(error.details, {status: 418, resource: 'the current user', retryAfterMs: undefined});
		assert.equal(seen().length, 1);
	});

	test('500 is a server error too, retried; one attempt says nothing about tries', async () => {
		server.script = (_n, response) => answer(response, 500, '');
		const once = await failure(client({attempts: 1}).me(), 'server');
		assert.equal(once.message, 'Server error 500 for the current user');
		assert.equal(once.details.attempts, undefined);
		server.seen = [];
		const twice = await failure(client({attempts: 2}).me(), 'server');
		assert.equal(twice.message, 'Server error 500 for the current user (tried 2 times)');
		assert.equal(twice.details.attempts, 2);
		assert.equal(seen().length, 2);
	});

	test("a proxy's HTML error page is named as one, with the tries first", async () => {
		server.script = (_n, response) =>
			answer(response, 502, '<!DOCTYPE html><html><body>Bad Gateway</body></html>', {
				'content-type': 'text/html',
			});
		const error = await failure(client({attempts: 2}).me(), 'server');
		assert.equal(
			error.message,
			'Server error 502 for the current user (tried 2 times): an HTML error page from a proxy or gateway',
		);
		const plain = await failure(client({attempts: 1}).me(), 'server');
		assert.equal(
			plain.message,
			'Server error 502 for the current user: an HTML error page from a proxy or gateway',
		);
		server.script = (_n, response) => answer(response, 400, '<html><body>Bad Request</body></html>');
		const four = await failure(client().me(), 'http');
		assert.equal(
			four.message,
			'Unexpected status 400 for the current user: an HTML error page from a proxy or gateway',
		);
	});

	test('429 on one attempt: the words it has, and only those', async () => {
		server.script = (_n, response) => answer(response, 429, '', {'retry-after': '2'});
		const withWait = await failure(client({attempts: 1}).me(), 'rate-limited');
		assert.match(
			withWait.message,
			/^127\.0\.0\.1:\d+ rate-limited \(429, Retry-After 2 s\): the current user$/,
		);
		assert.equal(withWait.details.retryAfterMs, 2000);
		server.script = (_n, response) => answer(response, 429, '');
		const bare = await failure(client({attempts: 1}).me(), 'rate-limited');
		assert.match(bare.message, /^127\.0\.0\.1:\d+ rate-limited \(429\): the current user$/);
	});

	test('a 200 whose body is null is malformed, whatever route detection makes of it', async () => {
		server.script = (_n, response) => answer(response, 200, 'null');
		await failure(client().interaction('i-1'), 'malformed');
		await failure(client().thread('t-1'), 'malformed');
	});
});

describe('errors keep their details', () => {
	test('not-found, timeout and network name the resource; retried ones count the attempts', async () => {
		server.script = (_n, response) => answer(response, 404, '');
		const missing = await failure(client().me(), 'not-found');
		assert.deepEqual(missing.details, {status: 404, resource: 'the current user'});

		server.script = () => undefined; // never answers
		const slow = await failure(client({timeoutMs: 100, attempts: 2}).me(), 'timeout');
		assert.equal(slow.message, 'The current user: no answer within 0.1 s (tried 2 times)');
		assert.deepEqual(slow.details, {resource: 'the current user', attempts: 2});

		server.script = (_n, response) => response.socket?.destroy();
		const dropped = await failure(client({attempts: 2}).me(), 'network');
		assert.deepEqual(dropped.details, {resource: 'the current user', attempts: 2});
		const droppedOnce = await failure(client({attempts: 1}).me(), 'network');
		assert.deepEqual(droppedOnce.details, {resource: 'the current user'});
	});
});

describe('a request that ends the loop on a later attempt', () => {
	test('cancelled on its only attempt: cancelled, not a network error', async () => {
		server.script = () => undefined;
		const controller = new AbortController();
		const pending = client({attempts: 1}).me(controller.signal);
		while (seen().length === 0) await new Promise(resolve => setTimeout(resolve, 5));
		controller.abort();
		const error = await failure(pending, 'aborted');
		assert.equal(error.message, 'Cancelled: the current user');
		assert.deepEqual(error.details, {resource: 'the current user'});
	});

	test('cancelled during the second attempt: plain "Cancelled", no count of tries', async () => {
		server.script = (n, response) => (n === 0 ? answer(response, 503, '') : undefined);
		const controller = new AbortController();
		const pending = client({attempts: 3}).me(controller.signal);
		while (seen().length < 2) await new Promise(resolve => setTimeout(resolve, 5));
		controller.abort();
		const error = await failure(pending, 'aborted');
		assert.equal(error.message, 'Cancelled: the current user');
		assert.equal(seen().length, 2);
	});

	test('a body over the cap on the second attempt: too-large at once, as it is', async () => {
		server.script = (n, response) =>
			answer(response, n === 0 ? 503 : 200, n === 0 ? '' : JSON.stringify({x: 'y'.repeat(5000)}));
		const error = await failure(client({attempts: 3, maxBodyBytes: 1000}).me(), 'too-large');
		assert.doesNotMatch(error.message, /tried/);
		assert.equal(error.details.attempts, undefined);
		assert.equal(seen().length, 2, 'not retried');
	});
});
