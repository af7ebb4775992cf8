// Property: whatever frames Ink draws, the cell writer leaves the terminal exactly as writing the last frame in full
// would: every glyph, every attribute, the cursor on the frame's bottom row.
import {reduceAnsiCodes, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import type {AnsiCode, StyledChar} from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {withCellWriter} from '../source/lib/terminal/log-update.ts';
import {capturingStream, inkLogUpdate, terminalScreen} from './helpers/terminal-screen.ts';

const ink = await inkLogUpdate();
const writer = withCellWriter(ink);
const columns = 16;

// ASCII, the narrow symbols the explorer draws, wide CJK, a combining mark, and emoji whose width terminals
// disagree on (xterm's Unicode 6 table draws 😀 in one column, string-width says two).
const glyphs = [
	'a',
	'b',
	'z',
	'Q',
	' ',
	' ',
	' ',
	'·',
	'→',
	'…',
	'é',
	'✓',
	'中',
	'文',
	'한',
	'e\u0301',
	'😀',
	'👍🏽',
];
const sgr = [
	'\u001B[1m',
	'\u001B[2m',
	'\u001B[3m',
	'\u001B[4m',
	'\u001B[7m',
	'\u001B[31m',
	'\u001B[32m',
	'\u001B[38;5;208m',
	'\u001B[38;2;10;20;30m',
	'\u001B[43m',
	'\u001B[48;5;21m',
];

type Glyph = {readonly value: string; readonly codes: readonly string[]};

const glyph: fc.Arbitrary<Glyph> = fc.record({
	value: fc.constantFrom(...glyphs),
	codes: fc.oneof(fc.constant([]), fc.subarray(sgr, {maxLength: 3})),
});

const lineGlyphs = fc.array(glyph, {maxLength: 12});

/** A line as Ink's Output.get() makes it: styled chars serialised, trailing blanks trimmed, within the width. */
function inkLine(line: readonly Glyph[]): string {
	const chars: StyledChar[] = [];
	let width = 0;
	for (const {value, codes} of line) {
		const cellWidth = Math.max(1, stringWidth(value));
		if (width + cellWidth > columns) break;
		width += cellWidth;
		const styles = reduceAnsiCodes(
			codes.flatMap(code => tokenize(code).filter((token): token is AnsiCode => token.type === 'ansi')),
		);
		chars.push({type: 'char', value, fullWidth: cellWidth > 1, styles});
	}
	return styledCharsToString(chars).trimEnd();
}

/** The next frame's line: the same, a few cells edited, cut short, or a new line altogether. */
const nextLine = (line: readonly Glyph[]): fc.Arbitrary<readonly Glyph[]> =>
	fc.oneof(
		fc.constant(line),
		fc.array(fc.tuple(fc.nat({max: 11}), glyph), {minLength: 1, maxLength: 4}).map(edits => {
			const edited = [...line];
			for (const [index, replacement] of edits) edited[Math.min(index, edited.length)] = replacement;
			return edited;
		}),
		fc.nat({max: 11}).map(length => line.slice(0, length)),
		lineGlyphs,
	);

type Frame = readonly (readonly Glyph[])[];

const nextFrame = (frame: Frame): fc.Arbitrary<Frame> =>
	fc.oneof(
		{weight: 4, arbitrary: fc.tuple(...frame.map(nextLine))},
		{weight: 1, arbitrary: fc.array(lineGlyphs, {minLength: 1, maxLength: 6})},
	);

// Three frames in a row: the second diff starts from what the first one left (rendition, cursor).
const frames = fc
	.array(lineGlyphs, {minLength: 1, maxLength: 6})
	.chain(first => nextFrame(first).map(second => [first, second] as const))
	.chain(([first, second]) => nextFrame(second).map(third => [first, second, third] as const));

const text = (frame: Frame, trailingNewline: boolean): string =>
	frame.map(inkLine).join('\n') + (trailingNewline ? '\n' : '');

test('the cell writer leaves the screen a full write of the last frame leaves', async () => {
	const rows = 8;
	await fc.assert(
		fc.asyncProperty(frames, fc.boolean(), async (sequence, trailingNewline) => {
			const stream = capturingStream(columns, rows);
			const render = writer.create(stream, {incremental: true});
			const screen = terminalScreen(columns, rows);
			for (const frame of sequence) {
				render(text(frame, trailingNewline));
				await screen.write(stream.take());
			}
			const reference = capturingStream(columns, rows);
			ink.create(reference).call(undefined, text(sequence.at(-1)!, trailingNewline));
			const expected = terminalScreen(columns, rows);
			await expected.write(reference.take());
			const got = screen.snapshot();
			const want = expected.snapshot();
			screen.dispose();
			expected.dispose();
			assert.deepEqual(got.rows, want.rows);
			assert.equal(got.cursorRow, want.cursorRow);
		}),
		{numRuns: Number(process.env.RUNS ?? 400)},
	);
});
