// The interaction list's rows as a user reads them in a real pty, at the sizes people run it at: the
// prompt (or an Error's message) gets most of the row, and + / _ switch between split, list and detail.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {closeAll, keys} from './helpers/pty.ts';
import {demoGet, startSession, stop, type Session} from './helpers/cli.ts';

type Wire = {
	id: string;
	state: string;
	user_input: {content: Array<{type: string; text?: string}>};
	assistant_output?: {stop_reason?: string; errors?: Array<{message: string}>};
};

const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
});

const firstLine = (text: string) =>
	text
		.split('\n')
		.map(line => line.trim())
		.find(line => line !== '') ?? '';

/** What a row's text column should hold: the prompt's first line, or an Error's first error message. */
function rowText(wire: Wire): string {
	const error = wire.state === 'Error' ? firstLine(wire.assistant_output?.errors?.[0]?.message ?? '') : '';
	return error || firstLine(wire.user_input.content.find(block => block.type === 'text')?.text ?? '');
}

const ascii = (text: string) => /^[\x20-\x7e]+$/.test(text);

async function open(thread: 'weeklyBriefId' | 'failuresId', cols: number, rows: number) {
	const session = await startSession({
		demo: {generation: 'current'},
		cols,
		rows,
		args: server => [
			'--project',
			server.fixtures.projects.insightsId,
			'--thread',
			server.fixtures.threads[thread],
		],
	});
	sessions.push(session);
	const {server, term} = session;
	const page = await demoGet<{data: Wire[]}>(
		server,
		`/v1/app/thread/${server.fixtures.threads[thread]}/interaction?first=50&page_order=DESC`,
	);
	await term.waitFor(/page 1 · 1–/);
	await term.waitFor(screen => listRows(screen, cols).length >= Math.min(6, page.data.length));
	return {term, page: page.data};
}

/** The list's row lines: those under the title, up to the first line that is not a row. */
function listRows(screen: string, width: number): string[] {
	const lines = screen.split('\n');
	const title = lines.findIndex(line => line.startsWith('INTERACTIONS'));
	const rows: string[] = [];
	for (const line of lines.slice(title + 1)) {
		if (!/^[ >*»]\d\d[-:]/.test(line)) break;
		rows.push(line.slice(0, width));
	}
	return rows;
}

/** Where each expected text starts in its row, and how many of its characters show. */
function textColumns(rows: readonly string[], texts: readonly string[]) {
	return texts.flatMap(text => {
		const head = text.slice(0, 12);
		const row = rows.find(line => line.includes(head));
		if (!row) return [];
		const start = row.indexOf(head);
		let shown = 0;
		while (shown < text.length && row[start + shown] === text[shown]) shown++;
		return [{text, start, shown}];
	});
}

describe('rows you can read', () => {
	test('120x40 side by side: the prompt column shows 30+ characters, the columns line up', async t => {
		const {term, page} = await open('weeklyBriefId', 120, 40);
		const rows = listRows(term.screen(), 60);
		assert.ok(rows.length >= 20, `rows on screen:\n${term.screen()}`);
		const texts = page.map(rowText).filter(text => ascii(text) && text.length >= 30);
		const seen = textColumns(rows, texts);
		assert.ok(seen.length >= 10, `${seen.length} long prompts found in the list:\n${rows.join('\n')}`);
		for (const {text, shown} of seen) assert.ok(shown >= 30, `only ${shown} of "${text}" shows`);
		assert.equal(new Set(seen.map(s => s.start)).size, 1, 'every prompt starts in the same column');
		t.diagnostic(`120x40: prompt from column ${seen[0]!.start} of 60, ${60 - seen[0]!.start} wide`);
		await term.press('q');
	});

	test('80x24 stacked: 32+ characters of text, an Error row shows its message, no stop-reason column', async t => {
		const {term, page} = await open('failuresId', 80, 24);
		const rows = listRows(term.screen(), 80);
		assert.ok(rows.length >= 6, `rows on screen:\n${term.screen()}`);
		const texts = page.map(rowText).filter(ascii);
		const seen = textColumns(rows, texts);
		assert.ok(seen.length >= rows.length - 1, `texts found:\n${rows.join('\n')}`);
		for (const {text, shown} of seen) {
			assert.ok(shown >= Math.min(32, text.length), `only ${shown} of "${text}" shows`);
		}
		const failed = page.find(wire => wire.state === 'Error' && wire.assistant_output?.errors?.length);
		assert.ok(failed, 'the failures thread holds an Error interaction with errors[]');
		assert.ok(
			rows.some(row => row.includes(rowText(failed).slice(0, 30))),
			`the Error row reads "${rowText(failed)}":\n${rows.join('\n')}`,
		);
		assert.ok(!rows.some(row => /end_turn/.test(row)), `the stop reason went first:\n${rows.join('\n')}`);
		assert.match(rows.join('\n'), /✓ ok/);
		t.diagnostic(`80x24: text from column ${seen[0]!.start} of 80, ${80 - seen[0]!.start} wide`);
		await term.press('q');
	});

	test('+ and _ switch split, list only and detail only; a single pane follows Enter and Esc', async () => {
		const {term} = await open('failuresId', 120, 40);
		const uuidAt = (line: string) => line.search(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
		const split = (s: string) =>
			s.split('\n')[1]!.startsWith('INTERACTIONS') && uuidAt(s.split('\n')[1]!) > 50;
		const listOnly = (s: string) =>
			s.split('\n')[1]!.startsWith('INTERACTIONS') && uuidAt(s.split('\n')[1]!) === -1 && /end_turn/.test(s);
		const detailOnly = (s: string) => uuidAt(s.split('\n')[1]!) === 0 && !s.includes('INTERACTIONS');
		await term.waitFor(split);
		assert.match(term.screen(), /\+\/_ screen/, 'the footer names the keys');
		await term.press('+');
		await term.waitFor(listOnly);
		await term.press('+');
		await term.waitFor(detailOnly);
		await term.press('+');
		await term.waitFor(split);
		await term.press('_');
		await term.waitFor(detailOnly);
		await term.press(keys.esc);
		await term.waitFor(listOnly);
		await term.press(keys.enter);
		await term.waitFor(detailOnly);
		await term.press('_');
		await term.waitFor(listOnly);
		await term.press('_');
		await term.waitFor(split);
		await term.press('q');
		assert.equal((await term.exit).exitCode, 0);
	});

	test('back from the list alone to the 80x24 split, the selected row stays in view', async () => {
		const {term, page} = await open('weeklyBriefId', 80, 24);
		const last = rowText(page.at(-1)!).slice(0, 20);
		await term.press('+');
		await term.waitFor(screen => listRows(screen, 80).length > 12);
		await term.press('G');
		await term.waitFor(screen => listRows(screen, 80).some(row => row.startsWith('>') && row.includes(last)));
		await term.press('_');
		await term.waitFor(screen => screen.includes('[1 Transcript]'));
		const rows = listRows(term.screen(), 80);
		assert.ok(rows.length <= 8, rows.join('\n'));
		assert.ok(
			rows.some(row => row.startsWith('>') && row.includes(last)),
			`the cursor row is on screen:\n${term.screen()}`,
		);
		await term.press('q');
	});

	test('a key typed as the first frame lands is read, not echoed over a full-width footer', async () => {
		const {term} = await open('weeklyBriefId', 80, 24);
		const mark = term.mark();
		term.write('+');
		await term.waitFor(screen => listRows(screen, 80).length > 12);
		// The tty echoed it before raw mode was on: "+" after the footer's last column scrolled the screen.
		assert.ok(!term.rawSince(mark).startsWith('+'), 'the key was echoed');
		assert.match(
			term.screen().split('\n')[0]!,
			/^zylon-tui · /,
			`the header is on the first row:\n${term.screen()}`,
		);
		await term.press('q');
	});
});
