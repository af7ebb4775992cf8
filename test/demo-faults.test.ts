import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, test} from 'node:test';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {apiGet, authHeaders} from './helpers/demo.ts';

describe('demo server: injected faults', () => {
	let server: DemoServer;
	before(async () => (server = await startDemoServer({interactions: 20})));
	after(() => server.close());
	beforeEach(() => {
		server.clearFaults();
		server.setLatency(0);
	});

	test('a status fault with Retry-After hits only matching routes, `times` times', async () => {
		server.setFaults([{route: '/v1/app/me', status: 503, retryAfter: '2', times: 2}]);
		const first = await apiGet<{status: number}>(server, '/v1/app/me');
		assert.equal(first.status, 503);
		assert.equal(first.headers.get('retry-after'), '2');
		assert.equal(first.body.status, 503);
		assert.equal(
			(await apiGet(server, `/v1/app/project/${server.fixtures.projects.insightsId}`)).status,
			200,
		);
		assert.equal((await apiGet(server, '/v1/app/me')).status, 503);
		assert.equal((await apiGet(server, '/v1/app/me')).status, 200, 'used up after two');
	});

	test('a RegExp route matches; 429 is logged with its status; clearFaults ends it', async () => {
		server.setFaults([{route: /\/thread\/[^/]+\/interaction$/, status: 429}]);
		const path = `/v1/app/thread/${server.fixtures.bigThreadId}/interaction`;
		assert.equal((await apiGet(server, path)).status, 429);
		assert.equal(server.log.at(-1)?.status, 429);
		server.clearFaults();
		assert.equal((await apiGet(server, path)).status, 200);
	});

	test('truncated JSON, an HTML error page and a text/plain body', async () => {
		server.setFaults([{route: '/v1/app/me', body: 'truncated-json', times: 1}]);
		const cut = await apiGet(server, '/v1/app/me');
		assert.equal(cut.status, 200);
		assert.match(cut.headers.get('content-type') ?? '', /application\/json/);
		assert.throws(() => JSON.parse(cut.text));
		assert.ok(cut.text.startsWith('{"id":'));

		server.setFaults([{route: '/v1/app/me', body: 'html', status: 502, times: 1}]);
		const html = await apiGet(server, '/v1/app/me');
		assert.equal(html.status, 502);
		assert.match(html.headers.get('content-type') ?? '', /text\/html/);
		assert.match(html.text, /<html>/);

		server.setFaults([{route: '/v1/app/me', body: 'not-json', times: 1}]);
		const plain = await apiGet(server, '/v1/app/me');
		assert.equal(plain.status, 200);
		assert.match(plain.headers.get('content-type') ?? '', /text\/plain/);
		assert.equal(plain.body, undefined);
	});

	test('a dropped connection fails the request; the next one is fine', async () => {
		server.setFaults([{route: '/v1/app/me', body: 'drop', times: 1}]);
		await assert.rejects(fetch(`${server.url}/api/v1/app/me`, {headers: authHeaders(server)}));
		assert.equal((await apiGet(server, '/v1/app/me')).status, 200);
	});

	test('a slow body sends headers first and the body over the fault latency', async () => {
		server.setFaults([{route: '/v1/app/me', body: 'slow-body', latencyMs: 300, times: 1}]);
		const started = Date.now();
		const response = await fetch(`${server.url}/api/v1/app/me`, {headers: authHeaders(server)});
		const headersAt = Date.now() - started;
		const body = (await response.json()) as {id: string};
		const bodyAt = Date.now() - started;
		assert.equal(body.id, server.fixtures.userId);
		assert.ok(bodyAt - headersAt >= 150, `body took ${bodyAt - headersAt} ms after the headers`);
	});

	test('fault latency and global latency delay the answer', async () => {
		server.setFaults([{route: '/health', latencyMs: 150, times: 1}]);
		let started = Date.now();
		assert.equal((await apiGet(server, '/health')).status, 200);
		assert.ok(Date.now() - started >= 140);
		server.setLatency(120);
		started = Date.now();
		await apiGet(server, '/health');
		assert.ok(Date.now() - started >= 110);
	});

	test('faults given at start apply from the first request', async () => {
		const faulty = await startDemoServer({interactions: 10, faults: [{status: 500, times: 1}], latencyMs: 0});
		try {
			assert.equal((await apiGet(faulty, '/health')).status, 500);
			assert.equal((await apiGet(faulty, '/health')).status, 200);
		} finally {
			await faulty.close();
		}
	});
});
