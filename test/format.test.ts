import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import fc from 'fast-check';
import {
	firstLine,
	formatAge,
	formatCount,
	formatDateTimeUtc,
	formatTimeUtc,
	formatTokens,
	stateGlyph,
} from '../source/domain/format.ts';
import {fit, truncate} from '../source/lib/text.ts';

const at = (iso: string) => Date.parse(iso);

test('formatTimeUtc: time only on the same UTC day, date when older, zone always shown', () => {
	const now = at('2026-03-02T17:00:00Z');
	assert.equal(formatTimeUtc(at('2026-03-02T14:02:11Z'), now), '14:02Z');
	assert.equal(formatTimeUtc(at('2026-03-01T23:59:00Z'), now), '03-01 23:59Z');
	assert.equal(formatTimeUtc(at('2025-12-31T10:00:00Z'), now), '2025-12-31');
	assert.equal(formatTimeUtc(at('2026-03-02T14:02:11Z')), '14:02Z');
	assert.equal(formatTimeUtc(Number.NaN, now), '--:--Z');
});

test('formatDateTimeUtc: the full unambiguous form', () => {
	assert.equal(formatDateTimeUtc(at('2026-03-02T14:02:11.456Z')), '2026-03-02 14:02:11Z');
	assert.equal(formatDateTimeUtc(Number.NaN), 'unknown time');
});

test('formatAge: units, future clocks and bad input', () => {
	const now = at('2026-03-02T17:00:00Z');
	assert.equal(formatAge(now - 2_000, now), 'just now');
	assert.equal(formatAge(now - 42_000, now), '42s ago');
	assert.equal(formatAge(now - 5 * 60_000, now), '5m ago');
	assert.equal(formatAge(now - 3 * 3_600_000 - 59_000, now), '3h ago');
	assert.equal(formatAge(now - 2 * 86_400_000, now), '2d ago');
	assert.equal(formatAge(now - 90 * 86_400_000, now), '3mo ago');
	assert.equal(formatAge(now - 800 * 86_400_000, now), '2y ago');
	assert.equal(formatAge(now + 120_000, now), 'in 2m');
	assert.equal(formatAge(Number.NaN, now), 'age unknown');
});

test('formatTokens and formatCount', () => {
	assert.equal(formatTokens({inputTokens: 812, outputTokens: 140}), '812→140');
	assert.equal(formatTokens({inputTokens: 120}), '120→…');
	assert.equal(formatTokens(undefined), '…→…');
	assert.equal(formatTokens({inputTokens: 123_456, outputTokens: 2_500_000}), '123k→2.5M');
	assert.equal(formatCount(5000), '5,000');
	assert.equal(formatCount(1_234_567), '1,234,567');
	assert.equal(formatCount(Number.NaN), '?');
});

test('stateGlyph: a glyph and a word for every state, unknown ones verbatim', () => {
	assert.deepEqual(stateGlyph('Processing'), {glyph: '…', word: 'running', tone: 'running'});
	assert.deepEqual(stateGlyph('Completed'), {glyph: '✓', word: 'ok', tone: 'ok'});
	assert.deepEqual(stateGlyph('Error'), {glyph: '✗', word: 'error', tone: 'error'});
	assert.deepEqual(stateGlyph('Paused'), {glyph: '?', word: 'Paused', tone: 'unknown'});
	assert.equal(stateGlyph('').word, 'unknown');
});

test('truncate counts display width: CJK and emoji are two columns', () => {
	assert.equal(truncate('hello', 10), 'hello');
	assert.equal(truncate('hello world', 8), 'hello w…');
	assert.equal(truncate('日本語のテキスト', 7), '日本語…');
	assert.equal(stringWidth(truncate('日本語のテキスト', 7)), 7);
	assert.equal(truncate('👩‍💻👩‍💻👩‍💻', 4), '👩‍💻…');
	assert.equal(truncate('abc', 0), '');
	assert.equal(truncate('abc', 1), '…');
	assert.equal(fit('ab', 4), 'ab  ');
	assert.equal(fit('日本語', 5), '日本…');
});

test('truncate never exceeds the width (property)', () => {
	fc.assert(
		fc.property(fc.string({unit: 'grapheme', maxLength: 60}), fc.integer({min: 0, max: 40}), (s, w) => {
			const cut = truncate(s, w);
			assert.ok(stringWidth(cut) <= w, `${JSON.stringify(cut)} wider than ${w}`);
			if (stringWidth(s) <= w) assert.equal(cut, s);
		}),
	);
});

test('firstLine skips blank lines and trims', () => {
	assert.equal(firstLine('\n\n   Why did it fail?  \nmore'), 'Why did it fail?');
	assert.equal(firstLine('  \n \n'), '');
	assert.equal(firstLine('one'), 'one');
});

test('threadTag: the thread name cut to a fixed width, blank without one', async () => {
	const {threadTag} = await import('../source/domain/row.ts');
	const row = (threadName?: string) => ({threadName}) as unknown as Parameters<typeof threadTag>[0];
	assert.equal(threadTag(row('Checkout bot · EU storefront'), 12), 'Checkout bo…');
	assert.equal(threadTag(row('Refunds'), 10), 'Refunds   ');
	assert.equal(threadTag(row(undefined), 4), '    ');
});
