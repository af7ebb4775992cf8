import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import {readFile} from 'node:fs/promises';
import {createServer as createHttpsServer, globalAgent as httpsAgent} from 'node:https';
import {createServer} from 'node:net';
import {createClient} from '../source/api/client.ts';
import {isApiError} from '../source/api/errors.ts';
import {LiteHeaders, liteFetch, requestSentChannel} from '../source/api/transport.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {authHeaders} from './helpers/demo.ts';

let server: DemoServer;
before(async () => {
	server = await startDemoServer({interactions: 20});
});
after(async () => {
	await server.close();
});

async function text(body: ReadableStream<Uint8Array> | null): Promise<string> {
	return body ? new Response(body).text() : '';
}

test('LiteHeaders: case-insensitive names, appended values, iteration as pairs', () => {
	const headers = new LiteHeaders({Accept: 'application/json'});
	headers.set('X-Org', 'a');
	headers.append('x-org', 'b');
	assert.equal(headers.get('accept'), 'application/json');
	assert.equal(headers.get('X-ORG'), 'a, b');
	assert.equal(headers.has('missing'), false);
	assert.equal(headers.get('missing'), null);
	headers.delete('ACCEPT');
	assert.deepEqual([...headers], [['x-org', 'a, b']]);
	assert.deepEqual([...new LiteHeaders([['A', '1']]).entries()], [['a', '1']]);
});

test('a GET answers with status, headers and the body as a web stream, and says when it was sent', async () => {
	const written: unknown[] = [];
	const listen = (message: unknown) => written.push(message);
	subscribe(requestSentChannel, listen);
	try {
		const url = `${server.url}/api/v1/app/me`;
		const response = await liteFetch(url, {headers: new LiteHeaders(authHeaders(server))});
		assert.equal(response.status, 200);
		assert.equal(response.ok, true);
		assert.match(response.headers.get('Content-Type') ?? '', /application\/json/);
		assert.ok(JSON.parse(await text(response.body)).id);
		assert.deepEqual(written, [url]);
	} finally {
		unsubscribe(requestSentChannel, listen);
	}
});

test('an error status is an answer, not a rejection', async () => {
	const response = await liteFetch(`${server.url}/api/v1/app/me`, {headers: {'x-org': server.org}});
	assert.equal(response.status, 401);
	assert.equal(response.ok, false);
	await text(response.body);
});

test('an abort before the answer rejects as an AbortError', async () => {
	server.setLatency(500);
	try {
		const controller = new AbortController();
		const answer = liteFetch(`${server.url}/api/v1/app/me`, {
			headers: authHeaders(server),
			signal: controller.signal,
		});
		setTimeout(() => controller.abort(), 20);
		await assert.rejects(answer, (error: Error) => error.name === 'AbortError');
	} finally {
		server.setLatency(0);
	}
});

test('a refused connection rejects with the system code the client words', async () => {
	const probe = createServer();
	await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
	const {port} = probe.address() as {port: number};
	await new Promise(resolve => probe.close(resolve));
	await assert.rejects(
		liteFetch(`http://127.0.0.1:${port}/api/v1/app/me`),
		(error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
	);
});

test('https: a certificate the system does not trust is refused in words; a trusted one answers', async () => {
	const fixtures = new URL('fixtures/tls/', import.meta.url);
	const [key, cert] = await Promise.all([
		readFile(new URL('key.pem', fixtures)),
		readFile(new URL('cert.pem', fixtures)),
	]);
	const tls = createHttpsServer({key, cert}, (_request, response) => {
		response.setHeader('content-type', 'application/json');
		response.end('{"ok":true}');
	});
	await new Promise<void>(resolve => tls.listen(0, '127.0.0.1', resolve));
	const {port} = tls.address() as {port: number};
	try {
		const client = createClient(
			{baseUrl: `https://127.0.0.1:${port}/api`, org: 'o', token: 't', tokenSource: 'test', label: 'test'},
			{attempts: 1},
		);
		await assert.rejects(
			client.me(),
			(error: Error) => isApiError(error) && /TLS certificate problem \(\w+\)/.test(error.message),
		);

		const defaults = httpsAgent.options.ca;
		httpsAgent.options.ca = cert;
		try {
			const response = await liteFetch(`https://127.0.0.1:${port}/anything`);
			assert.equal(response.status, 200);
			assert.deepEqual(JSON.parse(await text(response.body)), {ok: true});
		} finally {
			httpsAgent.options.ca = defaults;
		}
	} finally {
		tls.closeAllConnections();
		await new Promise(resolve => tls.close(resolve));
	}
});
