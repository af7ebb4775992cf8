// The sanitiser against any string (fast-check, seeded): nothing that drives a terminal survives, and
// printable text does. HARDENING_SEED replays a run, HARDENING_RUNS changes the case count.
import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import fc from 'fast-check';
import {applyStreamEvent, initialStreamState, streamOutput} from '../source/domain/stream.ts';
import {sanitize, sanitizeLine} from '../source/lib/sanitize.ts';

const SEED = Number(process.env['HARDENING_SEED'] ?? 20_260_306);
const RUNS = Number(process.env['HARDENING_RUNS'] ?? 10_000);

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

// Controls a terminal acts on: C0 but newline, DEL, C1 (ESC and BEL are in C0), bidi controls.
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Invisible characters the sanitiser also drops, so they are not part of "printable" below.
const DROPPED = /[\u200B\u2060\uFEFF]/;

const counts = {cases: 0};
after(() => console.log(`sanitiser property cases: ${counts.cases}, seed ${SEED}`));

/** Characters that start or take part in escape sequences, weighted heavily. */
const controlChar = fc.oneof(
	fc.constantFrom(ESC, BEL, '\r', '\b', '\t', '\u0000', '\u007F', '\u009B', '\u009C', '\u009D', '\u0090'),
	fc.constantFrom('[', ']', ';', '?', 'P', '_', '^', 'X', '\\', '0', '2', '8', '52', 'c', 'm', 'H', 'J'),
	fc.integer({min: 0, max: 0x9f}).map(code => String.fromCharCode(code)),
	fc.constantFrom('\u202E', '\u2066', '\u200F', '\u061C', '\u200B', '\uFEFF', '\u200D'),
);
const hostileText = fc
	.array(fc.oneof(controlChar, fc.string({unit: 'grapheme', maxLength: 4})), {maxLength: 60})
	.map(parts => parts.join(''));
const anyText = fc.oneof(
	fc.string({unit: 'binary', maxLength: 200}),
	hostileText,
	fc.string({unit: 'grapheme', maxLength: 100}),
);

/** Printable graphemes: no control, no bidi control, no character the sanitiser drops on purpose. */
const printable = fc
	.string({unit: 'grapheme', maxLength: 40})
	.map(s => [...s].filter(ch => !UNSAFE.test(ch) && !DROPPED.test(ch) && ch !== '\n').join(''));

/** Complete, terminated sequences: whatever they carry must vanish and take nothing else with it. */
const payload = fc.string({maxLength: 30}).map(s => s.replace(/[\u0000-\u001F\u007F-\u009F]/g, ''));
const sequence = fc.oneof(
	fc
		.tuple(fc.constantFrom('0', '2', '8;;', '52;c;'), payload, fc.constantFrom(BEL, ST, '\u009C'))
		.map(([code, body, end]) => `${ESC}]${code}${body}${end}`),
	fc.tuple(payload, fc.constantFrom(BEL, '\u009C')).map(([body, end]) => `\u009D0;${body}${end}`),
	fc
		.tuple(
			fc.constantFrom(`${ESC}[`, '\u009B'),
			fc.array(fc.nat({max: 999}), {maxLength: 4}),
			fc.constantFrom('A', 'B', 'C', 'D', 'H', 'J', 'K', 'm', 'f', 'S', 'T', 'h', 'l', 'r'),
		)
		.map(([intro, params, final]) => `${intro}${params.join(';')}${final}`),
	fc.constantFrom(`${ESC}[?1049h`, `${ESC}[?25l`, `${ESC}[6n`, `${ESC}[>c`),
	fc
		.tuple(fc.constantFrom(`${ESC}P`, `${ESC}_`, `${ESC}^`, `${ESC}X`, '\u0090', '\u009F'), payload)
		.map(([intro, body]) => `${intro}${body}${ST}`),
	fc.constantFrom(BEL, '\b', '\u0000', '\u007F', '\u0085', '\u202E', '\u2067', '\u200F', '\u200B', '\uFEFF'),
);

const checked = (property: fc.IProperty<[string]> | fc.IProperty<[string[], string[]]>, seedOffset: number) =>
	fc.assert(property as fc.IProperty<unknown[]>, {seed: SEED + seedOffset, numRuns: RUNS});

describe('sanitiser property tests (fast-check, seeded)', () => {
	test(`any string: no control but newline, no DEL, C1, ESC or bidi; idempotent (${RUNS} cases)`, () => {
		checked(
			fc.property(anyText, input => {
				counts.cases++;
				const out = sanitize(input);
				assert.ok(!UNSAFE.test(out), `unsafe left in ${JSON.stringify(out)} from ${JSON.stringify(input)}`);
				assert.equal(sanitize(out), out, 'sanitising twice changes nothing');
				const line = sanitizeLine(input);
				assert.ok(!UNSAFE.test(line) && !line.includes('\n'), 'one line, nothing unsafe');
			}),
			0,
		);
	});

	test(`printable text is kept exactly (${RUNS} cases)`, () => {
		checked(
			fc.property(
				fc.array(printable, {maxLength: 5}).map(parts => parts.join('\n')),
				input => {
					counts.cases++;
					assert.equal(sanitize(input), input);
				},
			),
			1,
		);
	});

	test(`printable text around complete escape sequences survives whole (${RUNS} cases)`, () => {
		checked(
			fc.property(
				fc.array(printable, {minLength: 1, maxLength: 6}),
				fc.array(sequence, {minLength: 1, maxLength: 6}),
				(words, sequences) => {
					counts.cases++;
					// Words are separated by a space so a CSI's parameters cannot run into the next word.
					const input = words.map((word, i) => `${word} ${sequences[i % sequences.length]}`).join('');
					assert.equal(sanitize(input), words.map(word => `${word} `).join(''));
				},
			),
			2,
		);
	});

	// Real chunks through the stream fold (deltas of a live interaction): however the text is cut, what is
	// on screen at every step is safe, and once the block ends it is what sanitising the whole would give.
	const foldChunks = (chunks: readonly string[]): string => {
		let state = applyStreamEvent(initialStreamState(), {
			type: 'content_block_start',
			key: 'b',
			block: {type: 'text', text: '', citations: []},
		});
		const shown = () => {
			const block = streamOutput(state).content[0];
			assert.ok(block?.type === 'text');
			return block.text;
		};
		for (const chunk of chunks) {
			state = applyStreamEvent(state, {
				type: 'content_block_delta',
				key: 'b',
				delta: {kind: 'text', text: chunk},
			});
			const now = shown();
			assert.ok(!UNSAFE.test(now), `unsafe on screen mid-stream: ${JSON.stringify(now)}`);
		}
		state = applyStreamEvent(state, {type: 'content_block_stop', key: 'b'});
		return shown();
	};
	const cutAt = (text: string, cuts: readonly number[]): string[] => {
		const points = [...new Set(cuts.map(cut => cut % (text.length + 1)))].sort((a, b) => a - b);
		return [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
	};

	test('a sequence split across two chunks anywhere is removed once the text is whole', () => {
		const text = `before ${ESC}]52;c;Y3VybA==${BEL} mid ${ESC}P+q544e${ESC}\\ ${ESC}[2J\u009B1;1H after\r\nend`;
		for (let cut = 0; cut <= text.length; cut++) {
			counts.cases++;
			assert.equal(foldChunks([text.slice(0, cut), text.slice(cut)]), sanitize(text), `cut at ${cut}`);
		}
		assert.equal(foldChunks([...text]), sanitize(text), 'one character at a time');
	});

	test(`hostile text in random chunks folds to sanitize(whole), safe at every step (${RUNS / 10} cases)`, () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(sequence, printable), {minLength: 1, maxLength: 8}).map(parts => parts.join(' ')),
				fc.array(fc.nat(), {maxLength: 12}),
				(text, cuts) => {
					counts.cases++;
					assert.equal(foldChunks(cutAt(text, cuts)), sanitize(text));
				},
			),
			{seed: SEED + 3, numRuns: RUNS / 10},
		);
	});
});
