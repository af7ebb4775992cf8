import assert from 'node:assert/strict';
import {test} from 'node:test';
import {OverviewAccumulator} from '../source/domain/overview.ts';
import {overviewLines, snapshotLayoutFor} from '../source/domain/overview-lines.ts';
import {moveOverview, overviewLine, initialOverviewCursor} from '../source/state/overview-cursor.ts';
import {textWidth} from '../source/lib/narrow-text.ts';
import {interaction, NOW} from './helpers/fixtures.ts';

const MINUTE = 60_000;

function failed(message: string, minutesAgo: number, model = 'default') {
	return interaction({
		state: 'Error',
		createdAtMs: NOW - minutesAgo * MINUTE,
		output: {
			model,
			stopReason: 'error',
			content: [],
			usage: {inputTokens: 10, outputTokens: 0},
			errors: [{type: 'upstream', message}],
		},
	});
}

/** 30 fine interactions over two hours, then a burst of two kinds of error in the last half hour. */
function incident() {
	const sum = new OverviewAccumulator({nowMs: NOW});
	sum.add(Array.from({length: 30}, (_, i) => interaction({createdAtMs: NOW - (120 - i * 4) * MINUTE})));
	sum.add(
		Array.from({length: 7}, (_, i) => failed(`upstream timeout after ${3000 + i * 17}ms`, 25 - i, 'fast')),
	);
	sum.add(Array.from({length: 3}, (_, i) => failed(`rate limited for request ${1000 + i}`, 20 - i)));
	return sum;
}

for (const width of [60, 80, 120, 200]) {
	test(`every overview line fits ${width} columns`, () => {
		const snapshot = incident().snapshot(snapshotLayoutFor(width));
		for (const line of overviewLines(snapshot, {width, chartHeight: 5})) {
			assert.ok(textWidth(line.text) <= width, `${textWidth(line.text)} > ${width}: ${line.text}`);
		}
	});
}

test('the chart spans the width, shows the failed part with its own glyph, and labels its axis in UTC', () => {
	const width = 80;
	const lines = overviewLines(incident().snapshot(snapshotLayoutFor(width)), {width, chartHeight: 5});
	const chart = lines.filter(line => line.style === 'chart');
	assert.equal(chart.length, 5);
	assert.ok(
		chart.some(line => line.text.includes('▓')),
		'failed buckets show ▓',
	);
	assert.match(chart[0]!.text, /^\s+\d+ ┤/, 'the top line carries the peak');
	const axis = lines.find(line => line.style === 'axis');
	assert.match(axis!.text, /\d\d:\d\d/);
	assert.ok(lines.some(line => /1 bar = \d+m · UTC/.test(line.text)));
});

test('a window with no failures draws no ▓ and says there are no clusters', () => {
	const sum = new OverviewAccumulator({nowMs: NOW});
	sum.add([interaction({createdAtMs: NOW - MINUTE}), interaction({createdAtMs: NOW - 9 * MINUTE})]);
	const lines = overviewLines(sum.snapshot(snapshotLayoutFor(80)), {width: 80, chartHeight: 4});
	assert.ok(!lines.some(line => line.style === 'chart' && line.text.includes('▓')));
	assert.ok(lines.some(line => line.text.includes('no failed interactions in this window')));
	assert.ok(
		lines.some(line => line.text.includes('not in the data')),
		'no block timestamps: latency says so',
	);
});

test('clusters are listed largest first, each with its count and the filter that lists it', () => {
	const lines = overviewLines(incident().snapshot(snapshotLayoutFor(120)), {width: 120, chartHeight: 4});
	const clusters = lines.filter(line => line.filter?.startsWith('cluster:'));
	assert.equal(clusters.length, 2);
	assert.match(clusters[0]!.text, /^\s+7\s+70%.*upstream: upstream timeout after <duration>/);
	assert.match(clusters[1]!.text, /^\s+3\s+30%.*rate limited for request <n>/);
	const head = lines.find(line => line.text.startsWith('ERROR CLUSTERS'));
	assert.equal(head?.text, 'ERROR CLUSTERS (2)');
	const model = lines.find(line => line.filter === 'model:fast');
	assert.match(model!.text, /fast\s+7\s+18%\s+7\s+100%/, 'model row: count, share, failed, rate');
});

test('the cursor steps over selectable lines only, keeps its line by filter, and scrolls past the ends', () => {
	const lines = overviewLines(incident().snapshot(snapshotLayoutFor(80)), {width: 80, chartHeight: 4});
	const selectable = lines.flatMap((line, index) => (line.filter ? [index] : []));
	assert.ok(selectable.length >= 4);
	const height = 8;
	let view = initialOverviewCursor;
	assert.equal(overviewLine(view, lines), selectable[0], 'the first selectable line before any key');
	view = moveOverview(view, 1, lines, height);
	assert.equal(overviewLine(view, lines), selectable[1]);
	assert.ok(
		selectable[1]! >= view.top && selectable[1]! < view.top + height,
		'the selection is in the window',
	);
	// The lines change under it (a cluster is added above): the selection stays on the same filter.
	const shifted = [{text: 'new', style: 'failed' as const, filter: 'cluster:00000000'}, ...lines];
	assert.equal(shifted[overviewLine(view, shifted)]!.filter, lines[selectable[1]!]!.filter);
	view = moveOverview(view, 'last', lines, height);
	assert.equal(overviewLine(view, lines), selectable.at(-1));
	assert.equal(view.top, lines.length - height, 'G shows the last lines');
	const top = moveOverview({top: 0}, -3, lines, height);
	assert.equal(top.top, 0);
	const down = moveOverview(moveOverview(initialOverviewCursor, 'last', lines, height), 5, lines, height);
	assert.equal(down.top, lines.length - height, 'never past the end');
});
