// The fault matrix, end to end: the built CLI in a pty against the demo server with one fault injected
// on the interaction list. For each fault: the words on screen are specific to it, the explorer stays
// responsive (help opens and closes, back to the threads and in again), `r` recovers once the fault is
// cleared, nothing crashes, and `q` exits 0 with the terminal restored. Retries are counted from the
// server's log: never more than the configured attempts, with backoff.
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import type {Fault} from '../source/demo/index.ts';
import {demoGet, startSession, stop, type Session} from './helpers/cli.ts';
import {leakScan, watchFrames, type LeakScan} from './helpers/leak-scan.ts';
import {closeAll, keys} from './helpers/pty.ts';
import {explorerLayout} from '../source/screens/explorer-layout.ts';

type Named = {id: string; name: string};

const ATTEMPTS = 3;
const TUNING = {ZYLON_TIMEOUT_MS: '400', ZYLON_RETRY_BASE_MS: '30', ZYLON_ATTEMPTS: String(ATTEMPTS)};
const ROUTE = /\/thread\/[^/]+\/interaction$/;

type Case = {
	readonly name: string;
	readonly fault: Fault;
	/** The words the screen must show, specific to this fault. */
	readonly words: RegExp;
	/** Requests one failed load may send: 1 when not retried, ATTEMPTS when retried. */
	readonly requests: number;
	readonly env?: Record<string, string>;
	/** The fault wears off by itself (times): `r` recovers without clearing it. */
	readonly wearsOff?: boolean;
};

const cases: Case[] = [
	{
		name: '401',
		fault: {route: ROUTE, status: 401},
		words: /The server refused the token from ZYLON_TOKEN \(401\)/,
		requests: 1,
	},
	{
		name: '403',
		fault: {route: ROUTE, status: 403},
		words: /Not allowed to read the interactions of thread .*\(403\)/,
		requests: 1,
	},
	{name: '404', fault: {route: ROUTE, status: 404}, words: /No thread \S+ \(404\)|No .*\(404\)/, requests: 1},
	{
		name: '429 with Retry-After',
		fault: {route: ROUTE, status: 429, retryAfter: '1'},
		words:
			/127\.0\.0\.1:\d+ rate-limited \(429, tried 3 times, Retry-After 1 s\): the interactions of thread/,
		requests: ATTEMPTS,
	},
	{
		name: '429 without Retry-After',
		fault: {route: ROUTE, status: 429},
		words: /127\.0\.0\.1:\d+ rate-limited \(429, tried 3 times\): the interactions of thread/,
		requests: ATTEMPTS,
	},
	{
		name: '500',
		fault: {route: ROUTE, status: 500},
		words: /Server error 500 for the interactions of thread \S+ \(tried 3 times\): Injected fault: 500/,
		requests: ATTEMPTS,
	},
	{
		name: '502 then recovery',
		fault: {route: ROUTE, status: 502, times: ATTEMPTS},
		words: /Server error 502 .*\(tried 3 times\)/,
		requests: ATTEMPTS,
		wearsOff: true,
	},
	{
		name: '503',
		fault: {route: ROUTE, status: 503},
		words: /Server error 503 .*\(tried 3 times\)/,
		requests: ATTEMPTS,
	},
	{
		name: 'timeout',
		fault: {route: ROUTE, latencyMs: 3000},
		words: /The interactions of thread \S+: no answer within 0\.4 s \(tried 3 times\)/,
		requests: ATTEMPTS,
	},
	{
		name: 'dropped connection',
		fault: {route: ROUTE, body: 'drop'},
		words: /Could not connect to 127\.0\.0\.1:\d+: the connection was dropped \(tried 3 times\)/,
		requests: ATTEMPTS,
	},
	{
		name: 'truncated JSON',
		fault: {route: ROUTE, body: 'truncated-json'},
		words: /Unexpected response for the interactions of thread \S+: truncated JSON, not JSON/,
		requests: 1,
	},
	{
		name: 'HTML error page',
		fault: {route: ROUTE, status: 502, body: 'html'},
		words: /Server error 502 for the interactions of thread \S+ \(tried 3 times\): an HTML error page/,
		requests: ATTEMPTS,
	},
	{
		name: 'slow body',
		fault: {route: ROUTE, body: 'slow-body', latencyMs: 3000},
		words: /no answer within 0\.4 s \(tried 3 times\)/,
		requests: ATTEMPTS,
	},
	{
		name: 'not JSON (text/plain 200)',
		fault: {route: ROUTE, body: 'not-json'},
		words: /Unexpected response for the interactions of thread \S+: text starting "upstream said/,
		requests: 1,
	},
	{
		name: 'body over the size cap',
		fault: {route: '/no-such-route'},
		env: {ZYLON_MAX_BODY_BYTES: '16384'},
		words: /The answer for the interactions of thread \S+ is larger than the 16 KiB limit; refused/,
		requests: 1,
	},
];

let scan: LeakScan = leakScan([]);
const matrix: string[] = [];
const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
	scan.assertNoLeaks();
	console.log(`fault matrix (${matrix.length} faults), words on screen:\n${matrix.join('\n')}`);
	console.log(`fault e2e: ${scan.totals.frames} frames and ${scan.totals.bytes} bytes scanned for secrets`);
});

const COLS = 120;
const LIST_WIDTH = explorerLayout(COLS, 39).list.width;

/** The error box of the list pane, unwrapped: its (at most two) lines joined with a space. */
function errorText(screen: string): string {
	const lines = screen.split('\n').map(line => line.slice(0, LIST_WIDTH).trimEnd());
	const at = lines.findIndex(line => line.includes('✗ '));
	if (at === -1) return '';
	const next = lines[at + 1] ?? '';
	const more = next === '' || next.includes('press r to retry') ? '' : ` ${next.trim()}`;
	return `${lines[at]!.slice(lines[at]!.indexOf('✗ '))}${more}`;
}

const shows = (words: RegExp) => (screen: string) => words.test(errorText(screen));

const loaded = /page 1 · 1–\d+/;

const routeHits = (session: Session, since: number) =>
	session.server.log.slice(since).filter(entry => ROUTE.test(entry.path)).length;

describe('fault matrix end to end', () => {
	for (const item of cases) {
		test(item.name, async () => {
			const session = await startSession({
				demo: {generation: 'current', faults: [item.fault]},
				args: server => [
					'--project',
					server.fixtures.projects.insightsId,
					'--thread',
					server.fixtures.threads.weeklyBriefId,
				],
				env: {...TUNING, ...item.env},
				cols: COLS,
			});
			sessions.push(session);
			if (sessions.length === 1) scan = leakScan(session.server.fixtures.secrets);
			watchFrames(session.term, scan, item.name);
			const {server, term} = session;
			const thread = await demoGet<Named>(server, `/v1/app/thread/${server.fixtures.threads.weeklyBriefId}`);

			// The fault, in its own words.
			await term.waitFor(shows(item.words), {timeoutMs: 8000});
			matrix.push(`  ${item.name}: ${errorText(term.screen())}`);
			// Retries never storm: the configured attempts for one load, no more.
			await term.waitIdle(150);
			assert.equal(routeHits(session, 0), item.requests, 'requests sent for one failed load');

			// Still responsive: help opens and closes, back to the threads and into the thread again.
			await term.press('?');
			await term.waitFor('Keys · ? or Esc to close');
			await term.press(keys.esc);
			// A fault that wears off may be gone by now: the screen refetches when help closes.
			const again = (screen: string) =>
				shows(item.words)(screen) || (item.wearsOff === true && loaded.test(screen));
			await term.waitFor(again, {timeoutMs: 8000});
			await term.press(keys.esc);
			await term.waitFor('All threads');
			await term.press('/');
			await term.press(thread.name);
			await term.waitFor(`/${thread.name}`);
			// The session began deep in the thread, so the thread list is fetched only now, and Enter on a list still
			// loading opens nothing (CI, under load, pressed both Enters before the rows came).
			await term.waitFor(`> ${thread.name}`);
			await term.press(keys.enter);
			await term.waitIdle(50);
			await term.press(keys.enter);
			await term.waitFor(again, {timeoutMs: 8000});

			// r recovers once the fault is cleared (or has worn off).
			if (!item.wearsOff) server.clearFaults();
			if (item.env?.ZYLON_MAX_BODY_BYTES) {
				// The cap is the CLI's own: this one stays refused, and says so again on r.
				const before = routeHits(session, 0);
				await term.press('r');
				await term.waitFor(screen => routeHits(session, before) > 0 && shows(item.words)(screen));
			} else {
				await term.press('r');
				await term.waitFor(loaded, {timeoutMs: 8000});
				// The rows may land a frame before the error line is redrawn away.
				await term.waitForNot(shows(item.words), {timeoutMs: 8000});
			}

			await term.press('q');
			const exit = await term.exit;
			assert.equal(exit.exitCode, 0, 'q exits 0');
			assert.equal(term.isAlternateScreen(), false, 'the alternate screen was left');
			assert.equal(term.cursorHidden(), false, 'the cursor is shown again');
			assert.doesNotMatch(term.raw(), /internal error|Unhandled|TypeError|at .*\.js:\d+/, 'no crash');
			scan.text(term.raw(), `${item.name} bytes`);
			assert.ok(
				server.log.every(entry => entry.method === 'GET'),
				'only GET was sent',
			);
		});
	}
});

describe('exits and retries', () => {
	test('Ctrl-C during an in-flight request aborts it and exits promptly, terminal restored', async () => {
		const session = await startSession({
			demo: {generation: 'current', faults: [{route: ROUTE, latencyMs: 20_000}]},
			args: server => [
				'--project',
				server.fixtures.projects.insightsId,
				'--thread',
				server.fixtures.threads.weeklyBriefId,
			],
			env: {ZYLON_TIMEOUT_MS: '30000'},
		});
		sessions.push(session);
		const {server, term} = session;
		await term.waitFor(() => routeHits(session, 0) > 0);
		await term.waitFor(/INTERACTIONS/);
		const start = Date.now();
		term.write(keys.ctrlC);
		const exit = await term.exit;
		const took = Date.now() - start;
		assert.equal(exit.exitCode, 0);
		assert.ok(took < 1500, `exited in ${took} ms, not after the 20 s request`);
		assert.equal(term.isAlternateScreen(), false, 'the alternate screen was left');
		assert.equal(term.cursorHidden(), false, 'the cursor is shown again');
		assert.equal(routeHits(session, 0), 1, 'the request was not retried on the way out');
		assert.ok(server.log.every(entry => entry.method === 'GET'));
	});

	test('retries back off: the configured attempts, each wait longer than the last', async () => {
		const session = await startSession({
			demo: {generation: 'current', faults: [{route: ROUTE, status: 503}]},
			args: server => [
				'--project',
				server.fixtures.projects.insightsId,
				'--thread',
				server.fixtures.threads.weeklyBriefId,
			],
			env: {ZYLON_ATTEMPTS: '4', ZYLON_RETRY_BASE_MS: '200'},
		});
		sessions.push(session);
		const {server, term} = session;
		await term.waitFor(shows(/Server error 503 .*\(tried 4 times\)/), {timeoutMs: 8000});
		await term.waitIdle(300);
		const times = server.log.filter(entry => ROUTE.test(entry.path)).map(entry => entry.at);
		assert.equal(times.length, 4, 'four attempts, no more');
		const gaps = times.slice(1).map((at, i) => at - times[i]!);
		// Waits are drawn from [base·2^(n-1)/2, base·2^(n-1)]: 100–200, 200–400, 400–800 ms.
		gaps.forEach((gap, i) => assert.ok(gap >= 100 * 2 ** i - 15, `wait ${i + 1} was ${gap} ms`));
		await term.press('q');
		assert.equal((await term.exit).exitCode, 0);
	});
});
