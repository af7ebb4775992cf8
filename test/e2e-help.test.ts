// The help overlay in the built CLI, in a real pseudo-terminal: at 80x24 it scrolls to the end of the
// filter syntax with its own keys, and at 120x40 it shows everything at once; in both, the frame's border
// is whole (a line past the right edge would wrap and break it, one past the bottom would push it off).
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {closeAll, keys, type Term} from './helpers/pty.ts';
import {startSession, stop, type Session} from './helpers/cli.ts';

after(closeAll);

const sessions: Session[] = [];
after(() => Promise.all(sessions.map(stop)));

/** The overlay's rows between its border lines: every one inside the frame, none past the width. */
function assertWhole(term: Term, cols: number, rows: number): void {
	const lines = term.screen().split('\n');
	const top = lines.findIndex(line => line.startsWith('╭'));
	const bottom = lines.findIndex(line => line.startsWith('╰'));
	assert.ok(top >= 0 && bottom > top, `a bordered overlay:\n${term.screen()}`);
	assert.ok(bottom < rows, 'the bottom border is on screen');
	for (const line of lines.slice(top, bottom + 1)) {
		assert.ok(stringWidth(line) <= cols, `wider than ${cols}: ${line}`);
		assert.equal(stringWidth(line), cols, `the border reaches the right edge, no more: ${line}`);
		assert.match(line, /^[╭│╰].*[╮│╯]$/u, `a row cut or wrapped: ${line}`);
	}
}

const position = (term: Term) => /(\d+)–(\d+) of (\d+)/.exec(term.screen());

test('help at 80x24: scrolls with j, PgDn and G to the last line of the filter syntax, nothing cut', async () => {
	const session = await startSession({cols: 80, rows: 24});
	sessions.push(session);
	const {term} = session;
	await term.waitFor('PROJECTS');
	await term.press('?');
	await term.waitFor('Keys · ? or Esc to close');
	assertWhole(term, 80, 24);
	const first = position(term);
	assert.ok(first, 'the title says there is more, and where the view is');
	assert.equal(first[1], '1');
	assert.doesNotMatch(term.screen(), /-term negates/, 'the end is below');

	await term.press('j');
	await term.waitFor(/ 2–\d+ of /);
	await term.press(keys.pageDown);
	await term.waitFor(screen => Number(/(\d+)–\d+ of/.exec(screen)?.[1]) > 2);
	await term.press('G');
	await term.waitFor('-term negates');
	const end = position(term)!;
	assert.equal(end[2], end[3], 'at the end, the last line shows');
	assertWhole(term, 80, 24);

	await term.press(keys.pageUp);
	await term.waitForNot('-term negates');
	await term.press(keys.esc);
	await term.waitForNot('Keys · ?');
	await term.waitFor('PROJECTS');
	await term.press('q');
	assert.equal((await term.exit).exitCode, 0);
});

test('help at 120x40: everything at once, in columns, within the frame', async () => {
	const session = await startSession({cols: 120, rows: 40});
	sessions.push(session);
	const {term} = session;
	await term.waitFor('PROJECTS');
	await term.press('?');
	await term.waitFor('-term negates');
	assertWhole(term, 120, 40);
	assert.equal(position(term), null, 'no scrolling needed');
	for (const needle of ['everywhere', 'flag column', 'R           refusal', 'copy menu', '1-5 Enter'])
		assert.ok(term.screen().includes(needle), needle);
	await term.press('?');
	await term.waitForNot('Keys · ?');
	await term.press('q');
	assert.equal((await term.exit).exitCode, 0);
});
