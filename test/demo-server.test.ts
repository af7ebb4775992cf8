import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {apiGet, authHeaders, ids, page, parseSse} from './helpers/demo.ts';

const sorted = (values: readonly string[]) => [...values].sort();

describe('demo server: auth and errors', () => {
	let server: DemoServer;
	before(async () => (server = await startDemoServer({interactions: 200})));
	after(() => server.close());

	test('health needs no auth; /me needs a token and an org', async () => {
		const health = await apiGet<{status: string}>(server, '/health', {headers: {}});
		assert.equal(health.status, 200);
		assert.equal(health.body.status, 'UP');
		const me = await apiGet<{id: string; name: string}>(server, '/v1/app/me');
		assert.equal(me.status, 200);
		assert.equal(me.body.id, server.fixtures.userId);
	});

	test('401 without or with a wrong token, 403 for a missing or unknown org, the UUID is accepted', async () => {
		const noToken = await apiGet<{status: number; error: string; message: string}>(server, '/v1/app/me', {
			headers: {'x-org': 'default'},
		});
		assert.equal(noToken.status, 401);
		assert.deepEqual(Object.keys(noToken.body).sort(), ['error', 'message', 'status']);
		assert.equal(noToken.body.status, 401);
		const wrong = await apiGet(server, '/v1/app/me', {
			headers: {authorization: 'Bearer nope', 'x-org': 'default'},
		});
		assert.equal(wrong.status, 401);
		const noOrg = await apiGet(server, '/v1/app/me', {headers: {authorization: `Bearer ${server.token}`}});
		assert.equal(noOrg.status, 403);
		const otherOrg = await apiGet(server, '/v1/app/me', {headers: authHeaders(server, 'acme')});
		assert.equal(otherOrg.status, 403);
		const byUuid = await apiGet(server, '/v1/app/me', {headers: authHeaders(server, server.fixtures.orgId)});
		assert.equal(byUuid.status, 200);
	});

	test('404 names the unknown id; 405 for anything but GET', async () => {
		const missing = await apiGet<{message: string}>(server, '/v1/app/interaction/0000-nope');
		assert.equal(missing.status, 404);
		assert.match(missing.body.message, /0000-nope/);
		assert.equal((await apiGet(server, '/v1/app/project/nope')).status, 404);
		assert.equal((await apiGet(server, '/v1/app/no/such/route')).status, 404);
		const post = await apiGet(server, '/v1/app/me', {method: 'POST'});
		assert.equal(post.status, 405);
		assert.equal(post.headers.get('allow'), 'GET');
	});

	test('the request log records every request in order', async () => {
		server.log.length = 0;
		await apiGet(server, '/v1/app/me?include=User');
		await apiGet(server, '/v1/app/me', {headers: {}});
		assert.equal(server.log.length, 2);
		const [first, second] = server.log;
		assert.deepEqual(
			{...first, at: 0},
			{
				method: 'GET',
				path: '/api/v1/app/me',
				query: {include: 'User'},
				authorization: `Bearer ${server.token}`,
				org: 'default',
				status: 200,
				at: 0,
			},
		);
		assert.equal(second?.status, 401);
		assert.equal(second?.authorization, undefined);
	});
});

describe('demo server: paging', () => {
	let server: DemoServer;
	before(async () => (server = await startDemoServer({interactions: 237})));
	after(() => server.close());
	const threadPath = () => `/v1/app/thread/${server.fixtures.bigThreadId}/interaction`;

	test('first/after walks forward to the end, last/before walks back, both see every item once', async () => {
		const total = server.fixtures.bigThreadInteractionCount;
		const forward: string[] = [];
		let envelope = await page(server, `${threadPath()}?first=40&total_count=true`);
		assert.equal(envelope.total_count, total);
		assert.equal(envelope.has_previous_page, false);
		forward.push(...ids(envelope));
		while (envelope.has_next_page) {
			envelope = await page(server, `${threadPath()}?first=40&after=${envelope.next_cursor}`);
			assert.equal(envelope.has_previous_page, true);
			assert.equal(envelope.total_count, null);
			forward.push(...ids(envelope));
		}
		assert.equal(forward.length, total);
		assert.equal(new Set(forward).size, total);
		assert.deepEqual(forward, sorted(forward), 'ASC is oldest first, and ids sort by creation');

		const backward: string[] = [];
		envelope = await page(server, `${threadPath()}?last=40`);
		assert.equal(envelope.has_next_page, false);
		backward.unshift(...ids(envelope));
		while (envelope.has_previous_page) {
			envelope = await page(server, `${threadPath()}?last=40&before=${envelope.previous_cursor}`);
			backward.unshift(...ids(envelope));
		}
		assert.deepEqual(backward, forward);
	});

	test('DESC is newest first; page/page_size is 1-based; defaults 50 and 20; cap 1000', async () => {
		const asc = await page(server, `${threadPath()}?first=1000`);
		const desc = await page(server, `${threadPath()}?first=5&page_order=DESC`);
		assert.deepEqual(ids(desc), ids(asc).reverse().slice(0, 5));
		const descNext = await page(server, `${threadPath()}?first=5&page_order=DESC&after=${desc.next_cursor}`);
		assert.deepEqual(ids(descNext), ids(asc).reverse().slice(5, 10));
		const second = await page(server, `${threadPath()}?page=2&page_size=7`);
		assert.deepEqual(ids(second), ids(asc).slice(7, 14));
		assert.equal((await page(server, `${threadPath()}?page=1`)).data.length, 20);
		assert.equal((await page(server, threadPath())).data.length, 50);
		const big = await startDemoServer({interactions: 1500});
		try {
			const capped = await page(big, `/v1/app/thread/${big.fixtures.bigThreadId}/interaction?first=5000`);
			assert.equal(capped.data.length, 1000);
		} finally {
			await big.close();
		}
	});

	test('bad paging parameters are a 400, not a silent default', async () => {
		for (const query of [
			'first=abc',
			'first=0',
			'page_order=UP',
			'after=not-an-id',
			'page=1&after=x',
			'first=2&last=2',
		]) {
			const {status} = await apiGet(server, `${threadPath()}?${query}`);
			assert.equal(status, 400, query);
		}
	});

	test('include=User fills created_by; without it the key is absent', async () => {
		const plain = await page(server, `${threadPath()}?first=3`);
		assert.ok(plain.data.every(item => !('created_by' in item)));
		const withUser = await page(server, `${threadPath()}?first=3&include=User`);
		assert.ok(
			withUser.data.every(item => typeof (item['created_by'] as {email?: unknown}).email === 'string'),
		);
	});
});

describe('demo server: route generations', () => {
	const paths = (server: DemoServer) => {
		const f = server.fixtures;
		const interaction = f.interactions.allBlocks;
		const project = f.projects.insightsId;
		const thread = f.threads.weeklyBriefId;
		return {
			current: [
				`/v1/app/thread/${thread}`,
				`/v1/app/thread/${thread}/interaction`,
				`/v1/app/interaction/${interaction}`,
			],
			legacy: [
				`/v1/app/project/${project}/thread/${thread}`,
				`/v1/app/project/${project}/interaction?threadId=${thread}`,
				`/v1/app/project/${project}/interaction/${interaction}`,
			],
			shared: ['/v1/app/me', `/v1/app/project/${project}`, `/v1/app/project/${project}/thread`],
		};
	};
	for (const generation of ['current', 'legacy', 'both'] as const) {
		test(`generation ${generation} serves exactly its routes`, async () => {
			const server = await startDemoServer({generation, interactions: 50});
			try {
				const p = paths(server);
				for (const path of p.shared) assert.equal((await apiGet(server, path)).status, 200, path);
				for (const path of p.current) {
					assert.equal((await apiGet(server, path)).status, generation === 'legacy' ? 404 : 200, path);
				}
				for (const path of p.legacy) {
					assert.equal((await apiGet(server, path)).status, generation === 'current' ? 404 : 200, path);
				}
			} finally {
				await server.close();
			}
		});
	}

	test('the legacy project list spans threads in creation order; threadId filters it like the thread route', async () => {
		const server = await startDemoServer({interactions: 50});
		try {
			const f = server.fixtures;
			const all = await page(
				server,
				`/v1/app/project/${f.projects.insightsId}/interaction?first=1000&total_count=true`,
			);
			assert.ok(new Set(all.data.map(item => item['thread_id'])).size >= 25);
			assert.equal(all.data.length, all.total_count);
			assert.deepEqual(ids(all), sorted(ids(all)), 'ordered by creation across threads');
			const legacy = await page(
				server,
				`/v1/app/project/${f.projects.insightsId}/interaction?threadId=${f.threads.failuresId}`,
			);
			const current = await page(server, `/v1/app/thread/${f.threads.failuresId}/interaction`);
			assert.deepEqual(ids(legacy), ids(current));
		} finally {
			await server.close();
		}
	});
});

describe('demo server: size, follow mode and streams', () => {
	test('100,000 interactions are lazy: the last page comes back at once and ids decode', async () => {
		const heapBefore = process.memoryUsage().heapUsed;
		const server = await startDemoServer({interactions: 100_000});
		try {
			assert.ok(process.memoryUsage().heapUsed - heapBefore < 60e6, 'the big project is not materialised');
			const started = Date.now();
			const last = await page(
				server,
				`/v1/app/thread/${server.fixtures.bigThreadId}/interaction?last=50&total_count=true`,
			);
			assert.ok(Date.now() - started < 5000);
			assert.equal(last.total_count, server.fixtures.bigThreadInteractionCount);
			assert.equal(last.data.length, 50);
			assert.equal(last.has_next_page, false);
			const newest = ids(last).at(-1) ?? '';
			const single = await apiGet<{id: string}>(server, `/v1/app/interaction/${newest}`);
			assert.equal(single.body.id, newest);
		} finally {
			await server.close();
		}
	});

	test('addInteraction appends a newest item that after=<old newest> returns', async () => {
		const server = await startDemoServer({interactions: 100});
		try {
			const path = `/v1/app/thread/${server.fixtures.bigThreadId}/interaction`;
			const before = await page(server, `${path}?last=1`);
			const added = server.addInteraction(server.fixtures.bigThreadId, {state: 'Processing'});
			const next = await page(server, `${path}?after=${before.next_cursor}`);
			assert.deepEqual(ids(next), [added]);
			assert.equal(next.data[0]?.['state'], 'Processing');
			assert.ok(added > (before.next_cursor ?? ''), 'new ids sort after older ones');
			const projectWide = await page(
				server,
				`/v1/app/project/${server.fixtures.projects.bigId}/interaction?last=1`,
			);
			assert.deepEqual(ids(projectWide), [added]);
			assert.throws(() => server.addInteraction('no-such-thread'));
		} finally {
			await server.close();
		}
	});

	test('a Processing interaction streams in order, then reads as Completed with the streamed text', async () => {
		const server = await startDemoServer({interactions: 10});
		try {
			const id = server.fixtures.interactions.processing;
			const response = await fetch(`${server.url}/api/v1/app/interaction/${id}/stream`, {
				headers: authHeaders(server),
			});
			assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
			const events = parseSse(await response.text());
			const names = events.map(([name]) => name);
			const known = names.filter(name => name !== 'ping' && name !== 'interaction_progress');
			assert.deepEqual(
				[...new Set(known)],
				[
					'message_start',
					'content_block_start',
					'content_block_delta',
					'content_block_stop',
					'message_delta',
					'message_stop',
					'done',
				],
			);
			assert.ok(names.includes('ping') && names.includes('interaction_progress'));
			for (const [name, data] of events) assert.equal(data['type'], name);
			const streamed = events
				.filter(([name]) => name === 'content_block_delta')
				.map(([, data]) => (data['delta'] as {text: string}).text)
				.join('');
			const after = await apiGet<{state: string; assistant_output: {content: {text: string}[]}}>(
				server,
				`/v1/app/interaction/${id}`,
			);
			assert.equal(after.body.state, 'Completed');
			assert.equal(after.body.assistant_output.content[0]?.text, streamed);

			const again = parseSse(
				await (
					await fetch(`${server.url}/api/v1/app/interaction/${id}/stream`, {headers: authHeaders(server)})
				).text(),
			);
			assert.deepEqual(
				again.map(([name]) => name),
				['message_start', 'message_stop', 'done'],
			);
		} finally {
			await server.close();
		}
	});
});
