import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {sanitize, sanitizeLine, TAB_WIDTH} from '../source/lib/sanitize.ts';

const ESC = '\u001B';
const BEL = '\u0007';

// Every row of ink-field-notes §5.2 plus the ones §5.3 asks for. `expected` is the whole output: the
// payload of a sequence must disappear, not be left behind as visible garbage.
const hostile: ReadonlyArray<readonly [name: string, input: string, expected: string]> = [
	['OSC 0 window title (BEL)', `a${ESC}]0;PWNED${BEL}b`, 'ab'],
	['OSC 52 clipboard write, ESC \\ terminator', `a${ESC}]52;c;ZWNobyBwd25lZA==${ESC}\\b`, 'ab'],
	['OSC 52 with C1 ST 0x9C', `a${ESC}]52;c;ZWNobyBwd25lZA==\u009Cb`, 'ab'],
	[
		'OSC 8 hyperlink keeps only its label',
		`a${ESC}]8;;https://evil.example${ESC}\\label${ESC}]8;;${ESC}\\b`,
		'alabelb',
	],
	['C1 OSC introducer 0x9D … BEL', `a\u009D0;PWNED${BEL}b`, 'ab'],
	['C1 OSC introducer 0x9D … C1 ST', `a\u009D52;c;AAAA\u009Cb`, 'ab'],
	['CSI clear screen', `a${ESC}[2J${ESC}[Hb`, 'ab'],
	['CSI private mode (alt screen)', `a${ESC}[?1049hb`, 'ab'],
	['C1 CSI 0x9B', `a\u009B2Jb`, 'ab'],
	['DCS', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
	['APC', `a${ESC}_Gf=100;AAAA${ESC}\\b`, 'ab'],
	['PM', `a${ESC}^private${ESC}\\b`, 'ab'],
	['SOS', `a${ESC}Xstring${ESC}\\b`, 'ab'],
	['C1 DCS 0x90', `a\u0090payload\u009Cb`, 'ab'],
	['unterminated OSC title', `ok${ESC}]0;PWNED and the rest`, 'ok'],
	['unterminated C1 OSC', `ok\u009D0;PWNED`, 'ok'],
	['SGR colour removed', `${ESC}[31mred${ESC}[0m`, 'red'],
	['lone ESC', `a${ESC}b`, 'ab'],
	['carriage-return overwrite becomes a newline', 'safe\rEVIL', 'safe\nEVIL'],
	['CRLF normalised', 'one\r\ntwo', 'one\ntwo'],
	['backspace and BEL removed', `a\bb${BEL}c`, 'abc'],
	['NUL, DEL and other C0 removed', 'a\u0000b\u007Fc\u001Fd\u000Be\u000Cf', 'abcdef'],
	['C1 controls that start nothing are removed', 'a\u0080\u0085\u0099b', 'ab'],
	['unterminated C1 APC 0x9F drops its payload', 'a\u009Fpayload', 'a'],
	['bidi override U+202E (the invoice_‮gnp.exe trick)', 'invoice_\u202Egnp.exe', 'invoice_gnp.exe'],
	[
		'bidi isolates and marks',
		'a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u061Ch\u202Ai\u202Bj\u202Ck\u202Dl',
		'abcdefghijkl',
	],
	['zero-width space, word joiner and BOM', 'a\u200Bb\u2060c\uFEFFd', 'abcd'],
];

const kept: ReadonlyArray<readonly [name: string, input: string]> = [
	['CJK', '日本語のテキスト'],
	['emoji with ZWJ sequences', 'family 👨‍👩‍👧‍👦 and flag 🏳️‍🌈'],
	['RTL script (not a control)', 'שלום עולם مرحبا'],
	['accents and combining marks', 'café naïve e\u0301'],
	['newlines', 'line one\nline two\n'],
	['plain punctuation', 'a[b]c;d\\e'],
];

describe('sanitize', () => {
	for (const [name, input, expected] of hostile) {
		test(`removes: ${name}`, () => {
			assert.equal(sanitize(input), expected);
		});
	}

	for (const [name, input] of kept) {
		test(`keeps: ${name}`, () => {
			assert.equal(sanitize(input), input);
		});
	}

	test('expands tabs to spaces (string-width counts a tab as 0)', () => {
		assert.equal(sanitize('a\tb'), `a${' '.repeat(TAB_WIDTH)}b`);
	});

	test('a sequence split in two leaves no escape byte in either half', () => {
		const whole = `x${ESC}]52;c;QUJD${BEL}y`;
		for (let cut = 1; cut < whole.length; cut++) {
			for (const half of [whole.slice(0, cut), whole.slice(cut)]) {
				assert.doesNotMatch(sanitize(half), /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
			}
		}
	});

	test('random code points never leave a control character behind', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
		for (let round = 0; round < 500; round++) {
			let text = '';
			for (let index = 0; index < 40; index++) {
				const pick = next() % 4;
				text += String.fromCodePoint(
					pick === 0 ? next() % 0x20 : pick === 1 ? 0x7f + (next() % 0x21) : next() % 0x3000,
				);
			}
			const out = sanitize(text);
			assert.doesNotMatch(out, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		}
	});
});

describe('sanitizeLine', () => {
	test('folds newlines (and overwrites) into spaces', () => {
		assert.equal(sanitizeLine('a\nb\r\nc\rd'), 'a b c d');
		// A run of newlines is one space, as a blank line between paragraphs should read on one line.
		assert.equal(sanitizeLine('para one\n\n\npara two\r\n\r\nthree'), 'para one para two three');
	});

	test('is still a full sanitiser', () => {
		assert.equal(sanitizeLine(`name${ESC}]0;x${BEL}\u202E`), 'name');
	});
});
