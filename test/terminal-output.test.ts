// The row-composed Output against Ink's own: the same write, clip and unclip operations must give the same frame,
// frame after frame, while its memos carry over from one frame to the next. The text mixes what a frame holds:
// styles opened and closed, wide and zero-width characters, newlines, writes off either edge, nested clips and
// per-line transformers.
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import path from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {withRowCache} from '../source/lib/terminal/output.ts';
import type {OutputInternals} from '../source/lib/terminal/output.ts';

type OutputClass = new (options: {width: number; height: number}) => OutputInternals;
const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));
const InkOutput = (
	(await import(pathToFileURL(path.join(inkBuild, 'output.js')).href)) as {default: OutputClass}
).default;

type Op =
	| {kind: 'write'; x: number; y: number; text: string; transform: number}
	| {kind: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number}
	| {kind: 'unclip'};

const transformers: Array<Array<(line: string, index: number) => string>> = [
	[],
	[line => line.toUpperCase()],
	[(line, index) => `${index}${line}`],
	[line => `\u001B[1m${line}\u001B[22m`, line => line.replace(/a/g, '漢')],
];

const pieces = [
	'a',
	'row ',
	'  ',
	'漢字',
	'é',
	'e\u0301',
	'👍',
	'\u200B',
	'\n',
	'\u001B[31m',
	'\u001B[39m',
	'\u001B[1m',
	'\u001B[22m',
	'\u001B[7m',
	'\u001B[27m',
	'\u001B[0m',
	'\u001B[38;5;208m',
	'\u001B[2m',
	'…',
	'│',
];
const text = fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 14}).map(parts => parts.join(''));
const bound = (max: number) => fc.option(fc.integer({min: -2, max: max + 2}), {nil: undefined});

function opArb(width: number, height: number): fc.Arbitrary<Op> {
	return fc.oneof(
		{
			weight: 6,
			arbitrary: fc.record({
				kind: fc.constant('write' as const),
				x: fc.integer({min: -3, max: width + 2}),
				y: fc.integer({min: -2, max: height + 1}),
				text,
				transform: fc.integer({min: 0, max: transformers.length - 1}),
			}),
		},
		{
			weight: 1,
			arbitrary: fc.record(
				{
					kind: fc.constant('clip' as const),
					x1: bound(width),
					x2: bound(width),
					y1: bound(height),
					y2: bound(height),
				},
				{requiredKeys: ['kind']},
			),
		},
		{weight: 1, arbitrary: fc.constant({kind: 'unclip' as const})},
	);
}

function draw(Output: OutputClass, width: number, height: number, ops: readonly Op[]): string {
	const output = new Output({width, height}) as unknown as {
		write(x: number, y: number, text: string, options: {transformers: unknown[]}): void;
		clip(clip: object): void;
		unclip(): void;
		get(): {output: string; height: number};
	};
	let open = 0;
	for (const op of ops) {
		if (op.kind === 'write') output.write(op.x, op.y, op.text, {transformers: transformers[op.transform]!});
		else if (op.kind === 'clip') {
			open++;
			output.clip({x1: op.x1, x2: op.x2, y1: op.y1, y2: op.y2});
		} else if (open > 0) {
			open--;
			output.unclip();
		}
	}
	const {output: frame, height: frameHeight} = output.get();
	return `${frameHeight}\n${frame}`;
}

test('frame after frame, the row-composed Output draws what Ink draws', () => {
	fc.assert(
		fc.property(
			fc.integer({min: 1, max: 12}),
			fc.integer({min: 1, max: 6}),
			fc.integer({min: 0, max: 2 ** 31}),
			(width, height, seed) => {
				// A fresh class per case: its memos then start empty and fill over the frames of this case only.
				const Rows = withRowCache(InkOutput);
				const frames = fc.sample(fc.array(opArb(width, height), {maxLength: 10}), {seed, numRuns: 4});
				// Each frame drawn twice by the row-composed one: the second comes from its memos.
				for (const ops of [...frames, frames[0]!, ...frames]) {
					const expected = draw(InkOutput, width, height, ops);
					assert.equal(draw(Rows, width, height, ops), expected);
				}
			},
		),
		{numRuns: 400},
	);
});

test('a screen of list rows: one moved cursor changes two rows, and the frame is still Ink’s', () => {
	const Rows = withRowCache(InkOutput);
	const screen = (selected: number): Op[] => [
		{kind: 'clip', x1: 0, x2: 40, y1: 0, y2: 8},
		...Array.from({length: 8}, (_, row): Op => ({
			kind: 'write',
			x: 0,
			y: row,
			text: `${row === selected ? '\u001B[7m>' : ' '}01-30 0${row}:13Z ✓ ok  顧客 row ${row}${row === selected ? '\u001B[27m' : ''}`,
			transform: 0,
		})),
		{kind: 'unclip'},
		{kind: 'write', x: 30, y: 2, text: 'detail\npane', transform: 0},
	];
	for (const selected of [0, 1, 2, 1, 7, 0]) {
		assert.equal(draw(Rows, 40, 8, screen(selected)), draw(InkOutput, 40, 8, screen(selected)));
	}
});

test('one line scrolled past a clip’s left edge, frame by frame: each offset is its own slice', () => {
	const Rows = withRowCache(InkOutput);
	const scrolled = (x: number): Op[] => [
		{kind: 'clip', x1: 0, x2: 20, y1: 0, y2: 1},
		{kind: 'write', x, y: 0, text: 'abc漢字defghij', transform: 0},
		{kind: 'unclip'},
	];
	for (const x of [0, -2, -4, -3, -2, 0]) {
		assert.equal(draw(Rows, 20, 1, scrolled(x)), draw(InkOutput, 20, 1, scrolled(x)), `at x ${x}`);
	}
});
