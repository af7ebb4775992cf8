// The bench's screen signatures: a figure that waits for a change it cannot see times out as "not measured".
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {selection} from '../bench/markers.ts';

const header = (id: string) => `INTERACTIONS  page 1 · 1–50 of 9,988   ${id} · ✓ ok`;
const twin = ' 02-12 11:08Z ✓ ok      Why did the nightly import fail?';
const screenWith = (cursor: number, id: string) =>
	[header(id), twin, twin, twin]
		.map((line, index) => (index === cursor ? `>${line.slice(1)}` : line))
		.join('\n');

test('selection: a move between two rows that read the same is still a change', () => {
	const a = '019c5189-5280-7010-8000-0000000026f8';
	const b = '019c5189-5280-7010-8000-0000000026f7';
	assert.notEqual(selection(screenWith(1, a)), selection(screenWith(2, b)));
	// The list scrolled under a cursor kept on the last line: only the detail header's id tells.
	assert.notEqual(selection(screenWith(3, a)), selection(screenWith(3, b)));
	assert.equal(selection(screenWith(2, a)), selection(screenWith(2, a)));
});

test('selection: with no cursor glyph, the whole screen', () => {
	const screen = [header('x'), twin].join('\n');
	assert.equal(selection(screen), screen);
});
