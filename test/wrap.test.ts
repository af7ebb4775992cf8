import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import fc from 'fast-check';
import {search, wrapLines, wrapText} from '../source/lib/wrap.ts';

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

type L = {text: string; style: string};
const line = (text: string, style = 'text'): L => ({text, style});

test('long words are hard-wrapped and styles are kept on every piece', () => {
	const out = wrapLines([line('a'.repeat(25), 'tool'), line('short', 'dim')], 10);
	assert.deepEqual(out, [
		line('a'.repeat(10), 'tool'),
		line('a'.repeat(10), 'tool'),
		line('aaaaa', 'tool'),
		line('short', 'dim'),
	]);
});

test('indentation is kept, and repeated on continuation lines', () => {
	const out = wrapLines([line('    indented text that is long enough to wrap around')], 20);
	assert.ok(out.length > 1);
	for (const l of out) assert.ok(l.text.startsWith('    '), JSON.stringify(l.text));
	assert.equal(out.map(l => l.text.trim()).join(' '), 'indented text that is long enough to wrap around');
});

test('empty lines stay as one empty visual line', () => {
	assert.deepEqual(wrapLines([line(''), line('x')], 5), [line(''), line('x')]);
});

test('CJK and emoji wrap by display width', () => {
	const out = wrapLines([line('日本語のテキストはとても長いのでラップする必要があります')], 10);
	for (const l of out) assert.ok(stringWidth(l.text) <= 10);
	assert.equal(out.map(l => l.text).join(''), '日本語のテキストはとても長いのでラップする必要があります');
});

test('no visual line is wider than the width (property)', () => {
	fc.assert(
		fc.property(
			fc.array(fc.string({unit: 'grapheme', maxLength: 80}), {maxLength: 5}),
			fc.integer({min: 1, max: 30}),
			(texts, width) => {
				const lines = texts.map(t => line(t.replace(/\n/g, ' ')));
				for (const l of wrapLines(lines, width)) {
					// A single grapheme wider than the pane cannot be split; Ink cuts that one.
					const graphemes = [...segmenter.segment(l.text.trim())].length;
					assert.ok(stringWidth(l.text) <= width || graphemes <= 1, `${JSON.stringify(l.text)} > ${width}`);
				}
			},
		),
		{numRuns: 200},
	);
});

test('the pieces join back to the input: only whitespace at a break is dropped or added (property)', () => {
	// wrap-ansi hands back NFC (U+F900 comes back as U+8C48, the same glyph): compare in that form.
	const noSpace = (text: string) => text.normalize('NFC').replace(/\s/g, '');
	fc.assert(
		fc.property(
			fc.array(
				fc.tuple(
					fc.nat({max: 12}),
					fc.oneof(
						fc.string({unit: 'grapheme', maxLength: 80}),
						fc
							.array(fc.stringMatching(/^[a-zA-Z0-9.,]{1,14}$/), {maxLength: 14})
							.map(words => words.join(' ')),
					),
				),
				{maxLength: 5},
			),
			fc.integer({min: 1, max: 30}),
			(parts, width) => {
				// Each input line gets its own style, so its pieces can be told apart in the output.
				const lines = parts.map(([indent, t], i) =>
					line(' '.repeat(indent) + t.replace(/\n/g, ' '), `s${i}`),
				);
				const out = wrapLines(lines, width);
				lines.forEach(input => {
					const pieces = out.filter(piece => piece.style === input.style);
					assert.ok(pieces.length >= 1, 'every line gives at least one piece');
					assert.equal(noSpace(pieces.map(piece => piece.text).join('')), noSpace(input.text));
					if (stringWidth(input.text) <= width)
						assert.equal(pieces.length, 1, 'a line that fits is not split');
				});
				assert.deepEqual(
					out.map(piece => piece.style),
					[...out.map(piece => piece.style)].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
					'pieces in input order',
				);
			},
		),
		{numRuns: 300},
	);
});

test('a character NFC writes shorter (U+2F800) does not make the rest repeat or split a surrogate pair', () => {
	const out = wrapLines([line(' \u{2F800} \u{10000} tail')], 5).map(l => l.text);
	assert.deepEqual(out, [' \u4E3D \u{10000}', ' tail']);
});

test('memoised on (array identity, width)', () => {
	const lines = [line('some text that wraps at a narrow width')];
	const a = wrapLines(lines, 12);
	assert.equal(wrapLines(lines, 12), a);
	assert.notEqual(wrapLines(lines, 13), a);
	assert.equal(wrapLines(lines, 12), a, 'the first width is still cached');
	assert.notEqual(wrapLines([...lines], 12), a, 'a new array is a new key');
});

test('a 200 KB transcript is wrapped once per width', () => {
	const paragraph = 'The nightly import failed because the upstream export was truncated at 2 GB. ';
	const lines = Array.from({length: 2600}, (_, i) => line(`${i} ${paragraph}`));
	assert.ok(lines.reduce((n, l) => n + l.text.length, 0) > 200_000);
	let started = performance.now();
	const first = wrapLines(lines, 60);
	const firstMs = performance.now() - started;
	started = performance.now();
	const again = wrapLines(lines, 60);
	const againMs = performance.now() - started;
	assert.equal(again, first);
	assert.ok(againMs < firstMs, `cached ${againMs} ms vs first ${firstMs} ms`);
	assert.ok(first.length > lines.length);
});

test('wrapText splits on newlines and wraps each', () => {
	assert.deepEqual(wrapText('ab\ncdefgh', 3), ['ab', 'cde', 'fgh']);
});

test('search: case-insensitive positions with display columns', () => {
	const lines = [line('Error: the import FAILED'), line('no match'), line('日本 failed, failed again')];
	assert.deepEqual(search(lines, 'failed'), [
		{line: 0, index: 18, column: 18, length: 6},
		{line: 2, index: 3, column: 5, length: 6},
		{line: 2, index: 11, column: 13, length: 6},
	]);
	assert.deepEqual(search(lines, ''), []);
	assert.deepEqual(search(lines, 'zzz'), []);
	assert.deepEqual(search([line('aaaa')], 'aa'), [
		{line: 0, index: 0, column: 0, length: 2},
		{line: 0, index: 2, column: 2, length: 2},
	]);
	// Lower-casing İ changes the length: positions must still point into the original text.
	const turkish = search([line('İstanbul İSTANBUL')], 'stanbul');
	assert.deepEqual(
		turkish.map(m => 'İstanbul İSTANBUL'.slice(m.index, m.index + m.length).toLowerCase()),
		['stanbul', 'stanbul'],
	);
});
