// The time window (domain/time-window.ts), the text chart (lib/text-chart.ts), the value sketch and the time
// buckets behind the overview: pure, so examples and a few properties.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {ValueSketch} from '../source/domain/quantiles.ts';
import {formatExportProgress, formatScanProgress} from '../source/domain/scan-progress.ts';
import {fitStep, LADDER} from '../source/domain/time-buckets.ts';
import {
	inWindow,
	nextWindow,
	olderThanWindow,
	parseWindow,
	resolveWindow,
	windowLabel,
	windowPreset,
	WINDOW_CYCLE,
	type TimeWindow,
} from '../source/domain/time-window.ts';
import {axisLine, barChart, PART_GLYPH, sparkline} from '../source/lib/text-chart.ts';

const NOW = Date.UTC(2026, 2, 2, 14, 0);

function windowOf(since?: string, until?: string): TimeWindow {
	const parsed = parseWindow({since, until});
	assert.ok(parsed.ok, since);
	return parsed.window;
}
const HOUR = 3_600_000;

test('--since/--until: ages and UTC dates, resolved against now; bad input says what is accepted', () => {
	const parsed = parseWindow({since: '90m', until: '2099-03-02T13:30'});
	assert.ok(parsed.ok);
	const resolved = resolveWindow(parsed.window, NOW);
	assert.equal(resolved.sinceMs, NOW - 90 * 60_000);
	assert.equal(resolved.untilMs, Date.UTC(2099, 2, 2, 13, 30));
	assert.deepEqual(resolveWindow(windowOf('2d'), NOW), {
		sinceMs: NOW - 48 * HOUR,
	});
	const bad = parseWindow({since: 'yesterday'});
	assert.ok(
		!bad.ok && /--since "yesterday" is not an age like 90m, 6h or 2d, or a UTC date/.test(bad.message),
	);
	const empty = parseWindow({since: '1h', until: '2h'});
	assert.ok(!empty.ok && /not before --until/.test(empty.message));
	assert.deepEqual(parseWindow({}), {ok: true, window: {}});
});

test('predicates: since inclusive, until exclusive, unknown times inside; newest-first stops past since', () => {
	const window = {sinceMs: 1000, untilMs: 2000};
	assert.ok(inWindow(window, 1000));
	assert.ok(!inWindow(window, 999));
	assert.ok(!inWindow(window, 2000));
	assert.ok(inWindow(window, Number.NaN));
	assert.ok(olderThanWindow(window, 999));
	assert.ok(!olderThanWindow(window, 1000));
	assert.ok(!olderThanWindow({}, 0));
});

test('the w cycle goes 15m, 1h, 6h, 24h, 7d, all and round; a custom window goes to the first', () => {
	let window = windowOf('2026-03-01');
	const seen: string[] = [];
	for (let index = 0; index < WINDOW_CYCLE.length + 1; index++) {
		window = nextWindow(window);
		seen.push(windowPreset(window) ?? 'custom');
	}
	assert.deepEqual(seen, [...WINDOW_CYCLE, '15m']);
});

test('header labels', () => {
	const label = (since?: string, until?: string) => {
		const parsed = parseWindow({since, until});
		assert.ok(parsed.ok);
		return windowLabel(parsed.window);
	};
	assert.equal(label(), 'all time');
	assert.equal(label('6h'), 'last 6h');
	assert.equal(label('2026-03-02T14:00'), 'since 2026-03-02 14:00Z');
	assert.equal(label(undefined, '2026-03-02'), 'until 2026-03-02 00:00Z');
	assert.equal(label('2026-03-01', '2026-03-02'), '2026-03-01 00:00Z – 2026-03-02 00:00Z');
	assert.equal(label('2d', '1h'), 'last 2d until 1h ago');
});

test('progress lines: "~" only for estimates; rate and ETA once measurable', () => {
	assert.equal(
		formatScanProgress({
			rows: 4200,
			pages: 38,
			total: 12000,
			estimated: true,
			elapsedMs: 2100,
			matches: 4200,
		}),
		'scanning · 4,200 of ~12,000 · 38 pages · 2.1 s',
	);
	assert.equal(
		formatScanProgress({rows: 1, pages: 1, elapsedMs: 50, estimated: false, matches: 0}, 'cancelled'),
		'stopped (partial) · 1 · 1 page · 0.1 s',
	);
	assert.equal(
		formatExportProgress({
			rows: 4000,
			pages: 4,
			total: 12000,
			estimated: false,
			elapsedMs: 2000,
			matches: 4000,
		}),
		'exported 4,000 of 12,000 · 4 pages · 2,000/s · ETA 4.0 s',
	);
});

test('bar chart: one column per bar, the part in its own glyph, in proportion', () => {
	const lines = barChart(
		[
			{value: 8, part: 0},
			{value: 4, part: 4},
			{value: 0, part: 0},
			{value: 8, part: 1},
		],
		2,
	);
	// The last bar's part is an eighth of two cells: too small for a cell here (the sparkline shows it).
	assert.deepEqual(lines, ['█  █', `█${PART_GLYPH} █`]);
	assert.deepEqual(barChart([{value: 8, part: 8}], 2), [PART_GLYPH, PART_GLYPH]);
	assert.ok(lines.every(line => line.length === 4));
	fc.assert(
		fc.property(
			fc.array(fc.record({value: fc.nat(1000), part: fc.nat(1000)}), {maxLength: 40}),
			fc.integer({min: 1, max: 8}),
			(bars, height) => {
				const drawn = barChart(bars, height);
				assert.equal(drawn.length, height);
				for (const line of drawn) assert.equal([...line].length, bars.length);
				// Part cells sit at the bottom, only in bars with a part, and at most half a cell off its share.
				bars.forEach((bar, index) => {
					const column = drawn.map(line => [...line][index]);
					const parts = column.filter(glyph => glyph === PART_GLYPH).length;
					if (bar.value === 0 || bar.part === 0) assert.equal(parts, 0);
					assert.ok(column.slice(column.length - parts).every(glyph => glyph === PART_GLYPH));
					if (bar.value > 0) {
						const cells =
							Math.max(1, Math.round((bar.value / Math.max(...bars.map(b => b.value))) * height * 8)) / 8;
						assert.ok(Math.abs(parts - (Math.min(bar.part, bar.value) / bar.value) * cells) <= 0.5 + 1e-9);
					}
				});
			},
		),
	);
});

test('sparkline and axis', () => {
	assert.equal(sparkline([0, 1, 4, 8]), ' ▂▅█');
	assert.equal(sparkline([0, 0], {zero: '·'}), '··');
	// t18 would run past the end: left out.
	assert.equal(
		axisLine(20, 6, index => `t${index}`),
		't0    t6    t12     ',
	);
	assert.equal(
		axisLine(10, 2, () => '14:00Z'),
		'14:00Z    ',
	);
});

test('value sketch: exact nearest-rank quantiles while values are few; within 1% once binned', () => {
	const sketch = new ValueSketch();
	for (let value = 1; value <= 100; value++) sketch.add(value);
	assert.deepEqual(sketch.summary(), {count: 100, p50: 50, p95: 95, max: 100});
	const big = new ValueSketch();
	for (let value = 1; value <= 20_000; value++) big.add(value);
	const p50 = big.quantile(0.5);
	assert.ok(Math.abs(p50 - 10_000) / 10_000 < 0.01, String(p50));
	assert.equal(big.max, 20_000);
});

test('chart step: the finest ladder step that fits the width', () => {
	assert.equal(fitStep(0, 2 * HOUR, 60, LADDER[0]!), 5 * 60_000);
	assert.equal(fitStep(0, 24 * HOUR, 60, LADDER[0]!), 30 * 60_000);
	assert.equal(fitStep(0, 24 * HOUR, 24, LADDER[0]!), HOUR);
	assert.equal(fitStep(0, 2 * HOUR, 60, HOUR), HOUR);
});
