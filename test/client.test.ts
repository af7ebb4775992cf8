import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {inspect} from 'node:util';
import {after, afterEach, before, describe, test} from 'node:test';
import {createClient} from '../source/api/client.ts';
import type {ClientOptions, Connection} from '../source/api/client-types.ts';
import {ApiError, type ApiErrorKind} from '../source/api/errors.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {errorMessage} from '../source/lib/error-message.ts';
import type {Interaction, Page, PageRequest} from '../source/domain/types.ts';

const PAGE = 50;

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
	const {port} = probe.address() as AddressInfo;
	await new Promise<void>(resolve => probe.close(() => resolve()));
	return port;
}

for (const generation of ['current', 'legacy'] as const) {
	describe(`client against a ${generation} server`, () => {
		let server: DemoServer;
		const seenErrors: unknown[] = [];
		before(async () => {
			server = await startDemoServer({generation, interactions: 230});
		});
		afterEach(() => {
			server.clearFaults();
			server.setLatency(0);
		});
		after(async () => {
			// Every error any test saw, in every form it could be printed or logged.
			for (const error of seenErrors) {
				for (const form of [
					String(error),
					JSON.stringify(error),
					(error as Error).stack ?? '',
					inspect(error, {depth: 9}),
				]) {
					for (const secret of server.fixtures.secrets)
						assert.ok(!form.includes(secret), `secret leaked in ${form}`);
				}
			}
			assert.ok(seenErrors.length >= 10);
			assert.deepEqual(new Set(server.log.map(entry => entry.method)), new Set(['GET']));
			await server.close();
		});

		const connection = (token = server.token): Connection => ({
			baseUrl: `${server.url}/api`,
			org: server.org,
			token,
			tokenSource: 'ZYLON_TOKEN',
			label: 'demo',
		});
		const client = (options: ClientOptions = {}, token?: string) =>
			createClient(connection(token), {backoffBaseMs: 5, pageSize: PAGE, ...options});
		const logFrom = (start: number) => server.log.slice(start);

		async function expectError(
			promise: Promise<unknown>,
			kind: ApiErrorKind,
			pattern: RegExp,
		): Promise<ApiError> {
			const error = await promise.then(
				() => assert.fail(`expected ApiError ${kind}`),
				(error: unknown) => error,
			);
			seenErrors.push(error);
			assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
			assert.equal(error.kind, kind, error.message);
			assert.match(error.message, pattern);
			assert.equal(error.cause, undefined);
			// lib/error-message.ts relies on this: the message is already one safe line.
			assert.equal(errorMessage(error), error.message);
			return error;
		}

		async function walk(
			fetchPage: (page: PageRequest) => Promise<Page<Interaction>>,
			backward: boolean,
		): Promise<{ids: string[]; pages: Array<Page<Interaction>>}> {
			const ids: string[] = [];
			const pages: Array<Page<Interaction>> = [];
			let request: PageRequest = backward ? {last: PAGE} : {};
			for (let count = 0; count < 40; count++) {
				const page = await fetchPage(request);
				pages.push(page);
				const pageIds = page.items.map(item => item.id);
				if (backward) ids.unshift(...pageIds);
				else ids.push(...pageIds);
				const more = backward ? page.hasPreviousPage : page.hasNextPage;
				if (!more) break;
				request = backward ? {before: page.previousCursor} : {after: page.nextCursor};
			}
			return {ids, pages};
		}

		test('pages a thread forward to the end and back to the start, with total counts', async () => {
			const api = client();
			const scope = {projectId: server.fixtures.projects.bigId, threadId: server.fixtures.bigThreadId};
			const expected = server.fixtures.bigThreadInteractionCount;
			const forward = await walk(page => api.interactions(scope, page), false);
			assert.equal(forward.ids.length, expected);
			assert.equal(new Set(forward.ids).size, expected);
			assert.ok(forward.pages.every(page => page.totalCount === expected));
			assert.equal(forward.pages.length, Math.ceil(expected / PAGE));
			assert.equal(forward.pages[0]?.hasPreviousPage, false);
			const backward = await walk(page => api.interactions(scope, page), true);
			assert.deepEqual(backward.ids, forward.ids);
			// Back from the last forward page with its previous cursor.
			const last = forward.pages.at(-1) as Page<Interaction>;
			const before = await api.interactions(scope, {before: last.previousCursor});
			assert.deepEqual(
				before.items.map(item => item.id),
				forward.ids.slice(-(last.items.length + PAGE), -last.items.length),
			);
			assert.equal(api.generation(), generation);
			// include=User asked for, so the author is there.
			assert.ok(forward.pages[0]?.items[0]?.createdBy?.id);
		});

		test('lists a whole project, forward and backward, across thread boundaries', async () => {
			const api = client();
			const scope = {projectId: server.fixtures.projects.bigId};
			const expected = server.fixtures.bigInteractionCount;
			const start = server.log.length;
			const forward = await walk(page => api.interactions(scope, page), false);
			assert.equal(forward.ids.length, expected);
			assert.equal(new Set(forward.ids).size, expected);
			assert.ok(forward.pages.slice(0, -1).every(page => page.items.length === PAGE));
			const backward = await walk(page => api.interactions(scope, page), true);
			assert.deepEqual(new Set(backward.ids), new Set(forward.ids));
			assert.equal(backward.ids.length, expected);
			const paths = logFrom(start).map(entry => entry.path);
			if (generation === 'legacy') {
				assert.ok(forward.pages.every(page => page.totalCount === expected));
				assert.deepEqual(backward.ids, forward.ids);
				// The project route for the rows, and the thread list once for their threads' names.
				const rowPaths = paths.filter(path => path.endsWith(`/project/${scope.projectId}/interaction`));
				assert.equal(rowPaths.length + 1, paths.length);
				assert.equal(paths.filter(path => path.endsWith(`/project/${scope.projectId}/thread`)).length, 1);
				assert.ok(forward.pages.every(page => page.items.every(item => item.threadName)));
			} else {
				// One failed try of the legacy project route, remembered; then the threads are walked.
				assert.equal(
					paths.filter(path => path.endsWith(`/project/${scope.projectId}/interaction`)).length,
					1,
				);
				assert.ok(paths.some(path => path.endsWith('/thread')));
				assert.equal(forward.pages[0]?.totalCount, undefined);
				// A composite cursor in the middle of a thread goes both ways.
				const middle = forward.pages[2] as Page<Interaction>;
				const back = await api.interactions(scope, {before: middle.previousCursor});
				assert.deepEqual(
					back.items.map(item => item.id),
					forward.ids.slice(PAGE, 2 * PAGE),
				);
			}
		});

		test('detects the route generation once and remembers it', async () => {
			const api = client();
			const scope = {
				projectId: server.fixtures.projects.insightsId,
				threadId: server.fixtures.threads.weeklyBriefId,
			};
			const start = server.log.length;
			await api.interactions(scope, {first: 5});
			await api.interactions(scope, {first: 5});
			const log = logFrom(start);
			const currentRoute = (path: string) => path.includes('/v1/app/thread/');
			if (generation === 'current') {
				assert.deepEqual(
					log.map(entry => entry.status),
					[200, 200],
				);
				assert.ok(log.every(entry => currentRoute(entry.path)));
			} else {
				assert.deepEqual(
					log.map(entry => entry.status),
					[404, 200, 200],
				);
				assert.ok(currentRoute(log[0]?.path ?? ''));
				assert.ok(
					log
						.slice(1)
						.every(entry => !currentRoute(entry.path) && entry.query['threadId'] === scope.threadId),
				);
			}
			assert.equal(api.generation(), generation);
			const interactionId = (await api.interactions(scope, {first: 1})).items[0]?.id as string;
			const one = await api.interaction(interactionId, scope.projectId);
			assert.equal(one.id, interactionId);
			const thread = await api.thread(scope.threadId, scope.projectId);
			assert.equal(thread.id, scope.threadId);
		});

		test('a pinned generation is used from the first request', async () => {
			const api = client({generation});
			const start = server.log.length;
			await api.interactions(
				{projectId: server.fixtures.projects.insightsId, threadId: server.fixtures.threads.failuresId},
				{},
			);
			assert.deepEqual(
				logFrom(start).map(entry => entry.status),
				[200],
			);
		});

		test('an unknown id is not-found naming it, and does not decide the generation', async () => {
			const api = client();
			const missing = '0197ffff-0000-7000-8000-00000000dead';
			await expectError(
				api.interaction(missing, server.fixtures.projects.insightsId),
				'not-found',
				new RegExp(`^No interaction ${missing} \\(404\\)$`),
			);
			await expectError(
				api.interactions({projectId: server.fixtures.projects.insightsId, threadId: missing}, {}),
				'not-found',
				new RegExp(`No thread ${missing} \\(404\\)`),
			);
			assert.equal(api.generation(), undefined);
			await expectError(api.threads(missing, {}), 'not-found', new RegExp(`No project ${missing}`));
			await expectError(
				api.interactions({projectId: missing}, {}),
				'not-found',
				new RegExp(`No project ${missing}`),
			);
		});

		test('secrets in interactions are masked, in fields and raw', async () => {
			const api = client();
			const page = await api.interactions({projectId: server.fixtures.projects.insightsId}, {first: 200});
			const text = JSON.stringify(page);
			for (const secret of server.fixtures.secrets) assert.ok(!text.includes(secret), secret);
			assert.match(text, /masked/);
		});

		test('401: the token was refused, naming where it came from; not retried', async () => {
			const start = server.log.length;
			const error = await expectError(
				client({}, 'wrong-token').me(),
				'unauthorized',
				/^The server refused the token from ZYLON_TOKEN \(401\)$/,
			);
			assert.equal(error.details.status, 401);
			assert.equal(logFrom(start).length, 1);
		});

		test('403 names the resource', async () => {
			server.setFaults([{route: '/thread', status: 403}]);
			await expectError(
				client().threads(server.fixtures.projects.insightsId, {}),
				'forbidden',
				new RegExp(
					`Not allowed to read the threads of project ${server.fixtures.projects.insightsId.slice(0, 8)}… \\(403\\)`,
				),
			);
		});

		test('429 honours Retry-After, then succeeds', async () => {
			server.setFaults([{route: '/me', status: 429, retryAfter: '1', times: 1}]);
			const start = server.log.length;
			const me = await client().me();
			assert.equal(me.id, server.fixtures.userId);
			const [first, second] = logFrom(start);
			assert.equal(first?.status, 429);
			assert.equal(second?.status, 200);
			const waited = (second?.at ?? 0) - (first?.at ?? 0);
			assert.ok(waited >= 950 && waited < 3000, `waited ${waited} ms`);
		});

		test('429 that persists is rate-limited after the allowed attempts', async () => {
			server.setFaults([{route: '/me', status: 429, retryAfter: '0'}]);
			const start = server.log.length;
			const error = await expectError(
				client({attempts: 3}).me(),
				'rate-limited',
				/rate-limited \(429, tried 3 times, Retry-After 0 s\): the current user/,
			);
			assert.equal(error.details.attempts, 3);
			assert.equal(logFrom(start).length, 3);
		});

		test('500 once, then recovery', async () => {
			server.setFaults([{route: '/me', status: 500, times: 1}]);
			const start = server.log.length;
			await client().me();
			assert.deepEqual(
				logFrom(start).map(entry => entry.status),
				[500, 200],
			);
		});

		test('503 that persists is a server error, with the server words sanitised', async () => {
			server.setFaults([{route: '/me', status: 503}]);
			const start = server.log.length;
			const error = await expectError(
				client({attempts: 2}).me(),
				'server',
				/^Server error 503 for the current user \(tried 2 times\): Injected fault: 503$/,
			);
			assert.equal(error.details.status, 503);
			assert.equal(logFrom(start).length, 2);
		});

		test('an HTML page is malformed, saying so', async () => {
			server.setFaults([{route: '/me', status: 200, body: 'html'}]);
			await expectError(
				client().me(),
				'malformed',
				/^Unexpected response for the current user: an HTML page, not JSON$/,
			);
		});

		test('truncated JSON is malformed, saying so', async () => {
			server.setFaults([{route: '/thread', body: 'truncated-json'}]);
			await expectError(
				client().threads(server.fixtures.projects.insightsId, {}),
				'malformed',
				/truncated JSON/,
			);
		});

		test('a body over the size cap is too-large', async () => {
			await expectError(
				client({maxBodyBytes: 1000}).interactions({projectId: server.fixtures.projects.insightsId}, {}),
				'too-large',
				/larger than/,
			);
		});

		test('a dropped connection is a network error, retried', async () => {
			server.setFaults([{route: '/me', body: 'drop'}]);
			const start = server.log.length;
			await expectError(
				client({attempts: 2}).me(),
				'network',
				/^Could not connect to 127\.0\.0\.1:\d+: .+ \(tried 2 times\)$/,
			);
			assert.equal(logFrom(start).length, 2);
		});

		test('connection refused', async () => {
			const port = await closedPort();
			const api = createClient({...connection(), baseUrl: `http://127.0.0.1:${port}/api`}, {attempts: 1});
			await expectError(
				api.me(),
				'network',
				new RegExp(`^Could not connect to 127\\.0\\.0\\.1:${port}: connection refused$`),
			);
		});

		test('a slow answer times out per attempt, each attempt with a fresh timeout', async () => {
			server.setFaults([{route: '/me', latencyMs: 400}]);
			const start = server.log.length;
			const began = Date.now();
			await expectError(
				client({timeoutMs: 100, attempts: 2}).me(),
				'timeout',
				/^The current user: no answer within 0\.1 s \(tried 2 times\)$/,
			);
			assert.equal(logFrom(start).length, 2);
			assert.ok(Date.now() - began < 1000);
		});

		test('a body that dribbles in past the timeout is a timeout too', async () => {
			server.setFaults([{route: '/me', body: 'slow-body', latencyMs: 400}]);
			await expectError(client({timeoutMs: 100, attempts: 1}).me(), 'timeout', /no answer within 0\.1 s$/);
		});

		test('abort while in flight', async () => {
			server.setLatency(1000);
			const controller = new AbortController();
			const began = Date.now();
			setTimeout(() => controller.abort(), 50);
			await expectError(client().me(controller.signal), 'aborted', /Cancelled/);
			assert.ok(Date.now() - began < 500);
		});

		test('abort during the backoff sleep', async () => {
			server.setFaults([{route: '/me', status: 503}]);
			const controller = new AbortController();
			const start = server.log.length;
			const began = Date.now();
			setTimeout(() => controller.abort(), 150);
			await expectError(client({backoffBaseMs: 5000}).me(controller.signal), 'aborted', /Cancelled/);
			assert.ok(Date.now() - began < 1000);
			assert.equal(logFrom(start).length, 1);
		});

		test('an aborted signal sends nothing', async () => {
			const start = server.log.length;
			await expectError(client().me(AbortSignal.abort()), 'aborted', /Cancelled/);
			assert.equal(logFrom(start).length, 0);
		});
	});
}
