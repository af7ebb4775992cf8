import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createClient} from '../source/api/client.ts';
import {isApiError} from '../source/api/errors.ts';
import {firstScreen} from '../source/commands/first-screen.ts';
import {startupPrefetch} from '../source/commands/startup-prefetch.ts';
import {connectionKey, rememberedUserId, rememberUserId} from '../source/commands/user-cache.ts';
import {allPages, firstListPage} from '../source/domain/all-pages.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {demoConnection} from './helpers/demo.ts';

let server: DemoServer;
let dir: string;
before(async () => {
	server = await startDemoServer({interactions: 300});
	dir = await mkdtemp(path.join(tmpdir(), 'zylon-prefetch-'));
});
after(async () => {
	await server.close();
	await rm(dir, {recursive: true, force: true});
});

const connection = () => demoConnection(server);

function requestsSince(mark: number) {
	return server.log.slice(mark).map(entry => entry.path);
}

/** Waits until the server has seen `count` requests since `mark`: proof they went out unasked. */
async function served(mark: number, count: number): Promise<void> {
	const deadline = Date.now() + 3000;
	while (requestsSince(mark).length < count) {
		if (Date.now() > deadline)
			assert.fail(`expected ${count} requests, saw ${requestsSince(mark).join(', ')}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

test('with a remembered user id, me() and the project list go out together, each once', async () => {
	const client = createClient(connection());
	const me = await client.me();
	const mark = server.log.length;
	const {client: prefetching, sent} = startupPrefetch(client, {
		deepLink: {},
		order: 'DESC',
		pageSize: 50,
		rememberedUserId: me.id,
	});
	await sent;
	// Both go out before anyone asked: the UI would still be loading.
	await served(mark, 2);
	const user = await prefetching.me();
	// What the project screen does (lib/all-pages.ts), so the shapes must keep matching.
	const {items} = await allPages(request => prefetching.projects(user.id, request));
	assert.ok(items.length > 0);
	assert.deepEqual(
		requestsSince(mark).filter(p => p.endsWith('/me')),
		['/api/v1/app/me'],
		'me() was fetched once',
	);
	assert.equal(requestsSince(mark).filter(p => p.includes('/project')).length, 1, 'projects fetched once');
	// A second ask is a fresh request (the prefetch is used once).
	await prefetching.me();
	assert.equal(requestsSince(mark).filter(p => p.endsWith('/me')).length, 2);
	assert.deepEqual(firstListPage(), {first: 100});
});

test('a wrong remembered id costs one unused request, never a wrong list', async () => {
	const client = createClient(connection());
	const users: string[] = [];
	const {client: prefetching} = startupPrefetch(client, {
		deepLink: {},
		order: 'DESC',
		pageSize: 50,
		rememberedUserId: 'someone-else',
		onUser: user => users.push(user.id),
	});
	const user = await prefetching.me();
	const page = await prefetching.projects(user.id, firstListPage());
	assert.ok(page.items.length > 0);
	assert.deepEqual(users, [user.id]);
});

test('a deep link fetches its project, thread and first page up front, and the screens reuse them', async () => {
	const projectId = server.fixtures.projects.bigId;
	const threadId = server.fixtures.bigThreadId;
	const client = createClient(connection());
	const mark = server.log.length;
	const {client: prefetching, sent} = startupPrefetch(client, {
		deepLink: {projectId, threadId},
		order: 'DESC',
		pageSize: 50,
	});
	await sent;
	await served(mark, 3);
	const upFront = requestsSince(mark).length;
	const project = await prefetching.project(projectId);
	await prefetching.thread(threadId, project.id);
	// The explorer's first page request, as hooks/use-interaction-pages.ts builds it.
	const page = await prefetching.interactions(
		{projectId: project.id, threadId},
		{first: 50, after: undefined, order: 'DESC', totalCount: true},
	);
	assert.equal(page.items.length, 50);
	assert.equal(requestsSince(mark).length, upFront, 'no request repeated');
});

test('an abort while the prefetched answer is pending rejects as aborted; failures are not unhandled', async () => {
	const client = createClient(connection());
	server.setLatency(200);
	try {
		const {client: prefetching} = startupPrefetch(client, {
			deepLink: {projectId: 'no-such-project'},
			order: 'DESC',
			pageSize: 50,
		});
		const controller = new AbortController();
		const asked = prefetching.project('no-such-project', controller.signal);
		controller.abort();
		await assert.rejects(asked, error => isApiError(error) && error.kind === 'aborted');
	} finally {
		server.setLatency(0);
	}

	// Never asked for, and failing (404): must not surface as an unhandled rejection.
	const {sent} = startupPrefetch(client, {deepLink: {threadId: 'missing'}, order: 'ASC', pageSize: 10});
	await sent;
	await new Promise(resolve => setTimeout(resolve, 100));
});

test('the user id is remembered per connection, privately, without the token in the file', async () => {
	const file = path.join(dir, 'zylon-tui', 'users.json');
	const key = connectionKey(connection());
	assert.equal(rememberedUserId(file, key), undefined);
	await rememberUserId(file, key, 'user-1');
	assert.equal(rememberedUserId(file, key), 'user-1');
	assert.equal(rememberedUserId(file, connectionKey({...connection(), token: 'another'})), undefined);
	const text = await readFile(file, 'utf8');
	assert.ok(!text.includes(server.token) && !text.includes(server.url));
	assert.equal((await stat(file)).mode & 0o777, 0o600);
	// A damaged file is no hint, not a crash.
	await import('node:fs/promises').then(fs => fs.writeFile(file, '{not json'));
	assert.equal(rememberedUserId(file, key), undefined);
});

test('first screen: the whole project list is in hand once settled, and a later ask goes to the server', async () => {
	const client = createClient(connection());
	const me = await client.me();
	const plan = {deepLink: {}, order: 'DESC' as const, pageSize: 50};
	const prefetch = startupPrefetch(client, {...plan, rememberedUserId: me.id});
	await prefetch.settled(5000);
	const first = await firstScreen(prefetch, plan);
	assert.deepEqual(first.place, {level: 'projects'});
	const {items} = await allPages(request => client.projects(me.id, request));
	assert.deepEqual(
		first.projects?.map(project => project.id),
		items.map(project => project.id),
	);
	// Shown already: a reload must not be handed the start-up answer again.
	const mark = server.log.length;
	await prefetch.client.me();
	assert.deepEqual(requestsSince(mark), ['/api/v1/app/me']);
});

test('first screen: a deep link lands with its place and first page, nothing asked twice', async () => {
	const projectId = server.fixtures.projects.bigId;
	const threadId = server.fixtures.bigThreadId;
	const client = createClient(connection());
	const plan = {deepLink: {projectId, threadId}, order: 'DESC' as const, pageSize: 50};
	const mark = server.log.length;
	const prefetch = startupPrefetch(client, plan);
	await prefetch.settled(5000);
	const first = await firstScreen(prefetch, plan);
	assert.equal(first.place?.level, 'interactions');
	assert.equal(first.place?.level === 'interactions' && first.place.thread?.id, threadId);
	assert.equal(first.firstPage?.items.length, 50);
	assert.equal(first.notice, undefined);
	assert.equal(requestsSince(mark).length, 3, 'project, thread, first page: once each');
});

test('first screen: answers not in yet, or failed, leave the screens to ask as usual', async () => {
	const client = createClient(connection());
	const projectId = server.fixtures.projects.bigId;
	const threadId = server.fixtures.bigThreadId;
	const plan = {deepLink: {projectId, threadId}, order: 'DESC' as const, pageSize: 50};
	server.setLatency(300);
	try {
		const mark = server.log.length;
		const prefetch = startupPrefetch(client, plan);
		await prefetch.settled(20);
		assert.deepEqual(await firstScreen(prefetch, plan), {});
		// The screens then get the requests already in flight, not new ones.
		await prefetch.client.project(projectId);
		await prefetch.client.thread(threadId, projectId);
		assert.equal(requestsSince(mark).length, 3);
	} finally {
		server.setLatency(0);
	}

	// A missing project is the App's to explain (with its notice), not a fallback guessed from a missing answer.
	const missing = {...plan, deepLink: {projectId: 'no-such-project', threadId}};
	const prefetch = startupPrefetch(client, missing);
	await prefetch.settled(5000);
	assert.deepEqual(await firstScreen(prefetch, missing), {});
});
