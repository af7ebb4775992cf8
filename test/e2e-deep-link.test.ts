// Deep links from an alert, end to end: the built CLI in a pty against the demo server. A bad minute while the
// link opens (5xx, 429, a timeout, a dropped connection) keeps the user on that link with the error shown, and
// `r` opens the same link once the server is well again, leaving no error text behind. Only a missing (404)
// interaction falls back to the nearest selector. Both route generations.
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import type {DemoFixtures, DemoGeneration, Fault} from '../source/demo/index.ts';
import {startSession, stop, type Session} from './helpers/cli.ts';
import {closeAll} from './helpers/pty.ts';

const ATTEMPTS = 3;
const TUNING = {ZYLON_TIMEOUT_MS: '400', ZYLON_RETRY_BASE_MS: '30', ZYLON_ATTEMPTS: String(ATTEMPTS)};
/** The single-interaction route of either generation, not the lists. */
const ONE_INTERACTION = /\/interaction\/[^/]+$/;

const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
});

/** A legacy server has no route to an interaction without its project. */
const linkArgs = (generation: DemoGeneration, f: DemoFixtures, interactionId: string) =>
	generation === 'legacy'
		? ['--project', f.projects.insightsId, '--interaction', interactionId]
		: ['--interaction', interactionId];

const ERROR_WORDS =
	/Server error|rate-limited|no answer within|Could not connect|press r to|Opening the deep link/;
/** The detail pane's first line: the id, then the state (the error line names the id too). */
const detail = (id: string) => `${id} · ✓ ok`;

async function open(
	generation: DemoGeneration,
	fault: Fault | undefined,
	id = (f: DemoFixtures) => f.interactions.endTurn,
) {
	const session = await startSession({
		demo: {generation, faults: fault ? [fault] : []},
		args: server => linkArgs(generation, server.fixtures, id(server.fixtures)),
		env: TUNING,
	});
	sessions.push(session);
	return session;
}

const faults: Array<{name: string; fault: Fault; words: RegExp}> = [
	{
		name: '503',
		fault: {route: ONE_INTERACTION, status: 503},
		words: /Server error 503 for interaction \S+ \(tried 3 times\)/,
	},
	{
		name: '429',
		fault: {route: ONE_INTERACTION, status: 429},
		words: /rate-limited \(429, tried 3 times\): interaction/,
	},
	{
		name: 'timeout',
		fault: {route: ONE_INTERACTION, latencyMs: 3000},
		words: /Interaction \S+: no answer within 0\.4 s/,
	},
	{
		name: 'dropped connection',
		fault: {route: ONE_INTERACTION, body: 'drop'},
		words: /Could not connect to 127\.0\.0\.1:\d+: the connection was dropped/,
	},
];

for (const generation of ['current', 'legacy'] as const) {
	describe(`deep link to an interaction, ${generation} routes`, () => {
		for (const item of generation === 'current' ? faults : faults.slice(0, 1)) {
			test(`a ${item.name} keeps the user on the link; r after it clears shows the interaction, no error left`, async () => {
				const {server, term} = await open(generation, item.fault);
				const id = server.fixtures.interactions.endTurn;
				await term.waitFor(item.words, {timeoutMs: 10_000});
				await term.waitFor('press r to');
				// Not sent elsewhere: no selector, no list, no detail.
				const screen = term.screen();
				assert.doesNotMatch(screen, /INTERACTIONS|Customer Insights|showing the project list/);
				assert.ok(!screen.includes(detail(id)));

				server.clearFaults();
				await term.press('r');
				await term.waitFor(detail(id), {timeoutMs: 8000});
				// The list fills in around it, and its row is selected once found.
				await term.waitFor(/page \d+ · \d+–\d+/, {timeoutMs: 8000});
				await term.waitIdle(150);
				assert.doesNotMatch(term.screen(), ERROR_WORDS, 'no stale error text anywhere');
				// Whole numbers only: the header's port (42927) once read as a stale 429.
				assert.doesNotMatch(term.screen(), /\b(?:503|429)\b/);
				await term.press('q');
				assert.equal((await term.exit).exitCode, 0);
			});
		}

		test('the detail shows before the list around it, then the project and thread get their names', async () => {
			// A slow list: the linked interaction must not wait for it.
			const session = await startSession({
				demo: {generation, faults: [{route: /\/interaction$/, latencyMs: 2000}]},
				args: server => linkArgs(generation, server.fixtures, server.fixtures.interactions.endTurn),
			});
			sessions.push(session);
			const {server, term} = session;
			const id = server.fixtures.interactions.endTurn;
			await term.waitFor(detail(id), {timeoutMs: 8000});
			assert.doesNotMatch(term.screen(), /page \d+ · \d+–\d+/, 'no list rows yet');
			await term.waitFor(/Customer Insights › Weekly brief/, {timeoutMs: 8000});
			await term.waitFor(/page \d+ · \d+–\d+/, {timeoutMs: 8000});
			assert.ok(term.screen().includes(detail(id)), 'still the linked interaction');
			await term.press('q');
			assert.equal((await term.exit).exitCode, 0);
		});

		test('an interaction that does not exist (404) falls back to the nearest selector, as before', async () => {
			const {term} = await open(generation, undefined, () => '01970000-0000-7000-8000-00000000dead');
			await term.waitFor(/No interaction 01970000-0000-7000-8000-00000000dead \(404\) · showing/, {
				timeoutMs: 8000,
			});
			await term.press('q');
			assert.equal((await term.exit).exitCode, 0);
		});
	});
}
