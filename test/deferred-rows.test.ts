// The rows behind a merged project page (api/deferred-rows.ts): keyed when their thread's page arrives, parsed in
// full only once they make the page. Keyed and then parsed, a row is what parsing it at once gives; a row the
// page never shows is never parsed, so its faults cost nothing until it is shown, and then fail in its words.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {deferredPage, parseDeferred} from '../source/api/deferred-rows.ts';
import {ApiError} from '../source/api/errors.ts';
import {parseInteractionPage} from '../source/api/parse/index.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {page} from './helpers/demo.ts';

let server: DemoServer;
let body: Awaited<ReturnType<typeof page>>;
const options = {resource: 'the interactions of thread 019c3f7b…'};
before(async () => {
	server = await startDemoServer({interactions: 60});
	body = await page(
		server,
		`/v1/app/thread/${server.fixtures.bigThreadId}/interaction?first=20&include=User`,
	);
});
after(() => server.close());

test('keyed, then parsed in full: the same rows as parsing the page at once, with the merge’s thread name', async () => {
	const whole = parseInteractionPage(body, options);
	const keyed = deferredPage(body, options);
	assert.deepEqual(
		keyed.items.map(row => [row.id, row.createdAtMs, row.threadId]),
		whole.items.map(item => [item.id, item.createdAtMs, item.threadId]),
	);
	assert.equal(keyed.nextCursor, whole.nextCursor);
	const named = keyed.items.map(row => ({...row, threadName: 'Weekly brief'}));
	const parsed = await parseDeferred(named);
	assert.deepEqual(
		parsed,
		whole.items.map(item => ({...item, threadName: 'Weekly brief'})),
	);
});

test('a row unfit to show fails only when it is shown, naming where it sits; one without a key fails at once', async () => {
	const data = body.data.map(item => ({...item}));
	delete data[1]!['user_input'];
	const keyed = deferredPage({...body, data}, options);
	assert.equal(keyed.items.length, data.length);
	assert.equal((await parseDeferred([keyed.items[0]!])).length, 1);
	const shown = await parseDeferred(keyed.items.slice(0, 2)).catch((error: unknown) => error);
	assert.ok(shown instanceof ApiError, String(shown));
	assert.equal(shown.kind, 'malformed');
	assert.match(shown.message, /data\[1\]\.user_input/);
	assert.match(shown.message, /019c3f7b/);
	delete data[2]!['created_at'];
	assert.throws(() => deferredPage({...body, data}, options), /data\[2\]\.created_at/);
});
