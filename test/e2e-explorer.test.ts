// The built CLI in a real pseudo-terminal against the demo server, on both route generations: the
// flow an on-call engineer follows, and the terminal left as it was found.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {closeAll, keys} from './helpers/pty.ts';
import {demoGet, startSession, stop, type Session} from './helpers/cli.ts';

type Named = {id: string; name: string};
type InteractionWire = {
	id: string;
	assistant_output?: {errors?: Array<{message: string}>};
	pgpt?: {temperature?: number};
};
type Envelope<T> = {data: T[]; total_count?: number | null};

after(closeAll);

/** Where the list's cursor is: its screen line and that row's time (the list may scroll under a still cursor). */
const cursorRow = (screen: string): string => {
	const lines = screen.split('\n');
	const at = lines.findIndex(line => line.startsWith('>'));
	return `${at}:${lines[at]?.slice(0, 14)}`;
};

for (const generation of ['current', 'legacy'] as const) {
	describe(`the explorer on the ${generation} routes`, () => {
		let session: Session | undefined;
		after(() => stop(session));

		test('project → all threads → pages → an Error interaction → params → resize → quit', async () => {
			session = await startSession({demo: {generation}});
			const {server, term} = session;
			const {fixtures} = server;
			const insights = await demoGet<Named>(server, `/v1/app/project/${fixtures.projects.insightsId}`);
			const errorRoute =
				generation === 'current'
					? `/v1/app/interaction/${fixtures.interactions.error}`
					: `/v1/app/project/${fixtures.projects.insightsId}/interaction/${fixtures.interactions.error}`;
			const failing = await demoGet<InteractionWire>(server, errorRoute);
			const errorMessage = failing.assistant_output?.errors?.[0]?.message ?? '';
			assert.ok(errorMessage.length > 10, 'the demo error interaction carries an error message');

			await term.waitFor(insights.name);
			assert.ok(term.isAlternateScreen(), 'the explorer runs in the alternate screen');
			await term.press('/');
			await term.press(insights.name.slice(0, 8));
			await term.press(keys.enter);
			await term.press(keys.enter);
			await term.waitFor('All threads');
			await term.press(keys.enter);
			await term.waitFor(/page 1 · 1–50/);
			await term.press(']');
			await term.waitFor(/page 2 · 51–100/);
			await term.press(']');
			await term.waitFor(/page 3 · 101–150/);
			await term.press('[');
			await term.waitFor(/page 2 · 51–100/);

			// Back to the threads, into the thread that holds the failures, down to the Error interaction.
			// A lone Esc followed at once by another key reads as Alt+key, as in every terminal app: wait.
			await term.press(keys.esc);
			await term.waitFor('every interaction of the project');
			const failures = await demoGet<Named>(
				server,
				generation === 'current'
					? `/v1/app/thread/${fixtures.threads.failuresId}`
					: `/v1/app/project/${fixtures.projects.insightsId}/thread/${fixtures.threads.failuresId}`,
			);
			await term.waitFor(failures.name);
			await term.press('/');
			await term.press(failures.name);
			await term.press(keys.enter);
			await term.press(keys.enter);
			await term.waitFor(/page 1 · \d/);
			for (
				let row = 0;
				row < 60 && !term.screen().includes(fixtures.interactions.error.slice(0, 20));
				row++
			) {
				// The cursor, not the screen: a streaming (Processing) selection changes the screen by itself,
				// and a move read from such a change would press j again before the first one was drawn.
				const before = cursorRow(term.screen());
				await term.press('j');
				await term.waitFor(screen => cursorRow(screen) !== before);
			}

			await term.waitFor(errorMessage.slice(0, 30));
			assert.match(term.screen(), /3 Errors \(\d+\)/);

			await term.press('2');
			await term.waitFor(/temperature/);
			const temperature = failing.pgpt?.temperature;
			if (temperature !== undefined) await term.waitFor(String(temperature));

			// The terminal always has 24 rows: what proves the relayout is every row within 80 columns and
			// the footer on the last row, drawn after the resize.
			const mark = term.mark();
			term.resize(80, 24);
			await term.waitFor(
				screen => term.bytesSince(mark) > 0 && screen.includes('INTERACTIONS') && screen.includes('Params'),
			);
			await term.waitIdle(100);
			const lines = term.screen().split('\n');
			for (const line of lines) assert.ok(stringWidth(line) <= 80, `wider than 80: ${line}`);
			assert.match(lines.at(-1) ?? '', /^j\/k move · /, 'the footer is on the last row');

			await term.press('q');
			const exit = await term.exit;
			assert.equal(exit.exitCode, 0);
			assert.equal(term.isAlternateScreen(), false, 'the alternate screen was left');
			assert.equal(term.cursorHidden(), false, 'the cursor is shown again');
			assert.ok(
				server.log.every(entry => entry.method === 'GET'),
				'only GET was sent',
			);
		});
	});
}

describe('key bursts', () => {
	let session: Session | undefined;
	after(() => stop(session));

	test('20 j written in one chunk move the cursor 20 rows', async () => {
		session = await startSession({
			demo: {generation: 'current'},
			args: server => ['--project', server.fixtures.projects.bigId, '--thread', server.fixtures.bigThreadId],
		});
		const {server, term: deep} = session;
		const page = await demoGet<Envelope<{id: string}>>(
			server,
			`/v1/app/thread/${server.fixtures.bigThreadId}/interaction?first=50&page_order=DESC`,
		);
		await deep.waitFor(page.data[0]!.id);
		deep.write('j'.repeat(20));
		await deep.waitFor(page.data[20]!.id);
		assert.ok(!deep.screen().includes(`${page.data[21]!.id} `));
		await deep.press('q');
		assert.equal((await deep.exit).exitCode, 0);
	});
});
