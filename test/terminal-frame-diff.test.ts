import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseLine} from '../source/lib/terminal/cells.ts';
import {changedRuns, diffFrame} from '../source/lib/terminal/frame-diff.ts';
import {moveTo, wireBytes} from '../source/lib/terminal/moves.ts';
import {terminalScreen} from './helpers/terminal-screen.ts';

const size = {columns: 20, rows: 6};

/** The screen after `previous` in full, then the diff: it must be the screen of `next` in full. */
async function assertDraws(previous: string, next: string): Promise<string> {
	const diff = diffFrame(previous, next, size);
	assert.ok(diff !== undefined, 'the writer takes this frame');
	const screen = terminalScreen(size.columns, size.rows);
	const expected = terminalScreen(size.columns, size.rows);
	await screen.write(previous);
	await screen.write(diff);
	await expected.write(next);
	const got = screen.snapshot();
	const want = expected.snapshot();
	screen.dispose();
	expected.dispose();
	assert.deepEqual(got.rows, want.rows);
	assert.equal(got.cursorRow, want.cursorRow, 'the cursor ends on the bottom row, as after a full write');
	if (diff !== '') assert.equal(got.cursorColumn, 0, 'at its start');
	return diff;
}

test('identical frames cost nothing', () => {
	assert.equal(diffFrame('abc\ndef', 'abc\ndef', size), '');
});

test('one changed cell is one glyph between two cursor moves', async () => {
	const diff = await assertDraws('abc\ndef\nghi', 'abc\ndXf\nghi');
	// Up a line to column 0, one column right, the glyph, and a line feed back to the start of the bottom row.
	assert.equal(diff, '\u001B[F\u001B[CX\n');
});

test('a selection glyph moving down a list rewrites the two glyphs, not the two lines', async () => {
	const rows = ['>row one   detail a', ' row two   detail b', ' row three detail c'];
	const next = [' row one   detail a', '>row two   detail b', ' row three detail c'];
	const diff = await assertDraws(rows.join('\n'), next.join('\n'));
	assert.ok(wireBytes(diff) <= 16, `${JSON.stringify(diff)} is more than two glyphs and moves`);
});

test('a short unchanged gap is written through rather than jumped', async () => {
	const diff = await assertDraws('a1b2c3', 'aXbYcZ');
	assert.equal(diff, '\u001B[2GXbYcZ\r');
});

test('a changed run starts with its own rendition and leaves none behind', async () => {
	const diff = await assertDraws('plain \u001B[1mbold\u001B[22m end', 'plain \u001B[1mBOLD\u001B[22m end');
	assert.match(diff, /\u001B\[1mBOLD\u001B\[0m\r$/);
	await assertDraws('\u001B[7m>x\u001B[27m y', ' x y');
	await assertDraws('ab \u001B[43mcd\u001B[49m', 'ab \u001B[42mcd\u001B[49m');
});

test('a line that got shorter is erased to its end, with the default background', async () => {
	const diff = await assertDraws(
		'header\nsome long detail\nfooter',
		'header\n\u001B[44mshort\u001B[49m\nfooter',
	);
	assert.match(diff, /short\u001B\[0m\u001B\[K/);
});

test('wide characters are replaced whole, whatever replaces them', async () => {
	await assertDraws('中文 x', 'ab文 x');
	await assertDraws('a中b', 'a文b');
	await assertDraws('abcd', 'a中d');
	await assertDraws('x한국', 'x한');
});

test('past an emoji (terminals disagree on its width) the line is rewritten from a column they agree on', async () => {
	const diff = await assertDraws('ok 😀 one', 'ok 😀 two');
	assert.match(diff, /^\u001B\[4G\u001B\[K😀 two/);
	await assertDraws('ab e\u0301 cd', 'ab e\u0301 cX');
});

test('a line holding a sequence that is not a cell is written as it is', async () => {
	const diff = await assertDraws('x\n\u001B]0;title\u0007abc', 'x\n\u001B]0;title\u0007abd');
	assert.match(diff, /\u001B\[K\u001B\]0;title\u0007abd/);
});

test('frames the writer leaves to Ink', () => {
	assert.equal(diffFrame('a\nb', 'a\nb\nc', size), undefined, 'a different line count');
	assert.equal(diffFrame('a', 'x'.repeat(21), size), undefined, 'a line wider than the terminal');
	assert.equal(
		diffFrame('a\n'.repeat(6), 'b\n'.repeat(6), size),
		undefined,
		'a frame taller than the screen',
	);
});

test('changed runs never split a wide grapheme', () => {
	assert.deepEqual(changedRuns(parseLine('中文'), parseLine('中x ')), [{start: 2, end: 4}]);
	assert.deepEqual(changedRuns(parseLine('xab'), parseLine('x中')), [{start: 1, end: 3}]);
});

test('cursor moves: the fewest bytes, columns taken as unknown after the last column', () => {
	assert.equal(moveTo({row: 5, column: 3}, 5, 3), '');
	assert.equal(moveTo({row: 5, column: undefined}, 5, 0), '\r');
	assert.equal(moveTo({row: 5, column: 10}, 5, 12), '\u001B[2C');
	assert.equal(moveTo({row: 5, column: 10}, 6, 9), '\u001B[B\u001B[D');
	assert.equal(moveTo({row: 5, column: undefined}, 5, 40), '\u001B[41G');
	assert.equal(moveTo({row: 39, column: undefined}, 1, 64), '\u001B[38A\u001B[65G');
	assert.equal(moveTo({row: 2, column: 7}, 3, 0), '\n');
	assert.equal(moveTo({row: 2, column: 7}, 30, undefined), '\u001B[28B');
});

test('wire bytes count UTF-8 and the CR that ONLCR adds to a line feed', () => {
	assert.equal(wireBytes('a\n'), 3);
	assert.equal(wireBytes('·→😀'), 2 + 3 + 4);
});
