// A page asked ahead (the thread list asks "All threads"' first page while the list is read): the list's own
// call takes it, once and while it is fresh; after that, the call asks the server as usual.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {createClient} from '../source/api/client.ts';
import {startupPrefetch} from '../source/commands/startup-prefetch.ts';
import {firstInteractionPage} from '../source/domain/all-pages.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {demoConnection} from './helpers/demo.ts';

let server: DemoServer;
before(async () => {
	server = await startDemoServer({generation: 'current', interactions: 300});
});
after(() => server.close());

const page = firstInteractionPage(50, 'DESC');
const paths = (mark: number) =>
	server.log
		.slice(mark)
		.map(entry => entry.path)
		.join(', ');
const ids = (items: readonly {id: string}[]) => items.map(item => item.id);

/** Requests the server has seen since `mark`, once none has arrived for 100 ms. */
async function settledSince(mark: number): Promise<number> {
	for (let seen = -1; seen !== server.log.length;) {
		seen = server.log.length;
		await delay(100);
	}
	return server.log.length - mark;
}

test('the list call takes the page asked ahead: no request of its own, the same rows', async () => {
	const projectId = server.fixtures.projects.incidentId;
	// What the page costs a client that asks it itself, after the calls the prefetch makes at start-up.
	const plain = createClient(demoConnection(server));
	await plain.me();
	await plain.project(projectId);
	let mark = server.log.length;
	const expected = await plain.interactions({projectId}, page);
	const cost = await settledSince(mark);
	assert.ok(cost > 0);

	const client = createClient(demoConnection(server));
	await client.me();
	const prefetch = startupPrefetch(client, {deepLink: {}, order: 'DESC', pageSize: 50});
	await settledSince(server.log.length);
	mark = server.log.length;
	prefetch.ahead({projectId}, page);
	assert.equal(await settledSince(mark), cost, `the guess went out unasked: ${paths(mark)}`);
	// The screen asks with its own scope object, thread id undefined, and a signal: nothing more goes out.
	mark = server.log.length;
	const got = await prefetch.client.interactions(
		{projectId, threadId: undefined},
		page,
		new AbortController().signal,
	);
	assert.equal(await settledSince(mark), 0, `asked again: ${paths(mark)}`);
	assert.deepEqual(ids(got.items), ids(expected.items));

	// Taken once: the same call again is a reload, and asks the server (without the route probe now).
	mark = server.log.length;
	await prefetch.client.interactions({projectId}, page);
	assert.ok((await settledSince(mark)) > 0);
});

test('a guess older than its freshness is not handed over: the call asks afresh', async () => {
	const projectId = server.fixtures.projects.incidentId;
	const client = createClient(demoConnection(server));
	await client.me();
	const prefetch = startupPrefetch(client, {
		deepLink: {projectId},
		order: 'DESC',
		pageSize: 50,
		aheadFreshMs: 200,
	});
	await settledSince(server.log.length);
	let mark = server.log.length;
	prefetch.ahead({projectId}, page);
	const cost = await settledSince(mark);
	assert.ok(cost > 0, 'the guess went out unasked');
	await delay(250);
	// A new row since the guess: a stale page would not have it.
	const threadId = (await client.threads(projectId, {first: 1})).items[0]!.id;
	const newest = server.addInteraction(threadId);
	client.refreshThreads(projectId);
	mark = server.log.length;
	const got = await prefetch.client.interactions({projectId}, page);
	assert.ok((await settledSince(mark)) > 0, 'asked the server');
	assert.equal(got.items[0]?.id, newest);
});

test('a project alone on the command line: All threads is asked at start-up, beside the project', async () => {
	const projectId = server.fixtures.projects.incidentId;
	const client = createClient(demoConnection(server));
	await client.me();
	let mark = server.log.length;
	const prefetch = startupPrefetch(client, {deepLink: {projectId}, order: 'DESC', pageSize: 50});
	await settledSince(mark);
	assert.ok(
		server.log.slice(mark).some(entry => /\/thread\/[^/]+\/interaction$/.test(entry.path)),
		`the merge went out: ${paths(mark)}`,
	);
	mark = server.log.length;
	const got = await prefetch.client.interactions({projectId, threadId: undefined}, page);
	assert.equal(await settledSince(mark), 0, `asked again: ${paths(mark)}`);
	assert.equal(got.items.length, 50);
	// A thread named too: that thread's list is what opens, and no All threads page is guessed.
	const threadId = (await client.threads(projectId, {first: 1})).items[0]!.id;
	mark = server.log.length;
	startupPrefetch(client, {deepLink: {projectId, threadId}, order: 'DESC', pageSize: 50});
	await settledSince(mark);
	const others = server.log
		.slice(mark)
		.filter(entry => /\/thread\/[^/]+\/interaction$/.test(entry.path) && !entry.path.includes(threadId));
	assert.deepEqual(others, [], 'no other thread read');
});
