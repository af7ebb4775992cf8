import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {isNarrowText, textWidth} from '../source/lib/narrow-text.ts';
import {formatCount} from '../source/domain/format.ts';
import {truncate} from '../source/lib/text.ts';

// Every BMP code point the shortcut accepts, found by asking it: the class is checked, not restated.
const narrow: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
	const character = String.fromCharCode(code);
	if (isNarrowText(character)) narrow.push(character);
}

test('every character the shortcut counts is one column to string-width, alone and next to others', () => {
	assert.ok(narrow.length > 1000, `only ${narrow.length} characters`);
	const wrong = narrow.filter(
		character =>
			stringWidth(character) !== 1 ||
			stringWidth(`a${character}b`) !== 3 ||
			stringWidth(character + character) !== 2 ||
			stringWidth(character, {countAnsiEscapeCodes: true}) !== 1,
	);
	assert.deepEqual(
		wrong.map(character => character.codePointAt(0)!.toString(16)),
		[],
	);
});

test('what the UI draws is narrow; what joins or is wide is not', () => {
	for (const text of [
		'zylon-tui · demo · org default',
		'✓ ok',
		'✗ error',
		'812→140',
		'List the op…',
		'›',
		'⠋ ',
		'│─┌',
		'┤▁▂▃▄▅▆▇█▓░',
	])
		assert.ok(isNarrowText(text), text);
	for (const text of [
		'日本',
		'👩‍💻',
		'e\u0301',
		'\u001b[31m',
		'a\u00adb',
		'\u200b',
		'❤\ufe0f',
		'✅',
		'◽',
		'‼',
	])
		assert.ok(!isNarrowText(text), JSON.stringify(text));
});

test('textWidth agrees with string-width on any text, options included', () => {
	const alphabet = fc.constantFrom(
		...narrow.slice(0, 400),
		...narrow.slice(-200),
		'日',
		'👍',
		'\u0301',
		'\u001b[1m',
		'\u001b[38;5;208m',
		'\u001b[39m',
		'\u009b7m',
		'\u001b]8;;https://x\u0007',
		'\u001b[',
		'\t',
	);
	fc.assert(
		fc.property(
			fc.array(alphabet, {maxLength: 30}).map(parts => parts.join('')),
			fc.constantFrom(undefined, {countAnsiEscapeCodes: true}, {ambiguousIsNarrow: false}),
			(text, options) => textWidth(text, options) === stringWidth(text, options),
		),
		{numRuns: 2000},
	);
});

test('truncate on narrow text matches the grapheme-by-grapheme answer', () => {
	const reference = (text: string, width: number) => {
		if (width <= 0) return '';
		let used = 0;
		let fitEnd = 0;
		for (const {segment, index} of new Intl.Segmenter().segment(text)) {
			used += stringWidth(segment);
			if (used > width) return `${text.slice(0, fitEnd)}…`;
			if (used <= width - 1) fitEnd = index + segment.length;
		}
		return text;
	};
	fc.assert(
		fc.property(
			fc.array(fc.constantFrom(...narrow), {maxLength: 40}).map(parts => parts.join('')),
			fc.integer({min: -1, max: 45}),
			(text, width) => truncate(text, width) === reference(text, width),
		),
	);
});

test('formatCount groups like Intl.NumberFormat en-US without building one', () => {
	const intl = new Intl.NumberFormat('en-US');
	fc.assert(
		fc.property(
			fc.oneof(
				fc.integer(),
				fc.maxSafeNat(),
				fc.maxSafeInteger(),
				fc.double({noNaN: true, noDefaultInfinity: true}),
			),
			n => formatCount(n) === intl.format(n),
		),
	);
	assert.equal(formatCount(-0), intl.format(-0));
	assert.equal(formatCount(Number.POSITIVE_INFINITY), '?');
});
