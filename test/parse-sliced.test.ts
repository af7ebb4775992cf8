// A page parsed a slice at a time (parse/page.ts) is the page parsed at once, and it lets the event loop run
// between slices: a key pressed while the explorer parses a scan's page is answered before the page is done.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {
	parseInteraction,
	parseInteractionPage,
	parseInteractionPageSliced,
} from '../source/api/parse/index.ts';
import {parsePageSliced} from '../source/api/parse/page.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {page} from './helpers/demo.ts';

let server: DemoServer;
let body: Awaited<ReturnType<typeof page>>;
before(async () => {
	server = await startDemoServer({interactions: 120});
	const thread = server.fixtures.bigThreadId;
	body = await page(server, `/v1/app/thread/${thread}/interaction?first=100&include=User`);
});
after(() => server.close());

test('sliced or at once, the same page: items, cursors and flags', async () => {
	assert.ok(body.data.length >= 50, `a page of ${body.data.length}`);
	const whole = parseInteractionPage(body);
	assert.deepEqual(await parseInteractionPageSliced(body), whole);
	// A slice of no time at all: a yield before every item, and still the same page.
	const sliced = await parsePageSliced(body, {}, (item, path) => parseInteraction(item, path, {}), 0);
	assert.deepEqual(sliced, whole);
});

test('between slices the event loop runs: a key queued before the parse is handled before its last item', async () => {
	const order: string[] = [];
	setImmediate(() => order.push('key'));
	await parsePageSliced(body, {}, () => order.push('item'), 0);
	assert.equal(order[0], 'key');
	assert.equal(order.length, body.data.length + 1);
	// Parsed at once, the same key waits for every item.
	order.length = 0;
	setImmediate(() => order.push('key'));
	parseInteractionPage(body).items.forEach(() => order.push('item'));
	await new Promise(resolve => setImmediate(resolve));
	assert.equal(order.at(-1), 'key');
});
