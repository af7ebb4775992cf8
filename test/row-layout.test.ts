import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {contentWidths, renderRow} from '../source/domain/row.ts';
import {
	COLUMNS,
	DROP_ORDER,
	MAX_WIDTH,
	rowLayout,
	textFloor,
	type Column,
	type ContentWidths,
	type RowLayout,
} from '../source/domain/row-layout.ts';

/** The Weekly brief page of the demo: dated times, a running row, two-letter flags. */
const weekly: ContentWidths = {time: 12, age: 8, state: 9, model: 7, tokens: 8, stop: 8, flag: 2};

const shown = (layout: RowLayout) => layout.columns.map(c => c.column);
const used = (layout: RowLayout) => layout.columns.reduce((sum, c) => sum + c.width + 1, 0);

test('wide rows show every column at its content width and give the text the rest', () => {
	const layout = rowLayout(weekly, 200);
	assert.deepEqual(
		layout.columns,
		COLUMNS.map(column => ({column, width: weekly[column]})),
	);
	assert.equal(layout.text, 200 - used(layout));
});

test('the split list at 120x40 (59 columns after the marker) keeps 30+ for the text', () => {
	const layout = rowLayout(weekly, 59);
	assert.deepEqual(shown(layout), ['time', 'state', 'flag']);
	assert.ok(layout.text >= 30, `text ${layout.text}`);
});

test('stacked at 80 columns the stop reason goes before the model and the tokens', () => {
	const layout = rowLayout(weekly, 79);
	assert.deepEqual(shown(layout), ['time', 'state', 'model', 'tokens', 'flag']);
	assert.ok(layout.text >= textFloor(79));
});

test('the text floor: 40% of the row, or 30 columns where the row is wide enough', () => {
	assert.equal(textFloor(100), 40);
	assert.equal(textFloor(59), 30);
	assert.equal(textFloor(20), 20);
	assert.equal(textFloor(0), 0);
});

test('a column nothing fills takes no room; open-ended values stop at their cap', () => {
	const layout = rowLayout({...weekly, flag: 0, model: 60}, 200);
	assert.equal(shown(layout).includes('flag'), false);
	assert.equal(layout.columns.find(c => c.column === 'model')?.width, MAX_WIDTH.model);
});

test('the state is never dropped: on a tiny row it is cut, and only past nothing does it go', () => {
	assert.deepEqual(shown(rowLayout(weekly, 12)), ['state']);
	assert.deepEqual(rowLayout(weekly, 5), {columns: [{column: 'state', width: 4}], text: 0});
	assert.deepEqual(rowLayout(weekly, 1), {columns: [], text: 1});
	assert.deepEqual(rowLayout(weekly, 0), {columns: [], text: 0});
});

const widths = fc.record(
	Object.fromEntries(COLUMNS.map(c => [c, fc.integer({min: 0, max: 40})])) as Record<
		Column,
		fc.Arbitrary<number>
	>,
);

test('property: every row fits, the text keeps its floor where the width allows, drops follow the order', () => {
	fc.assert(
		fc.property(widths, fc.integer({min: 0, max: 400}), (content, width) => {
			const layout = rowLayout(content, width);
			// Fits, and the text takes all that is left.
			assert.equal(used(layout) + layout.text, Math.max(0, width));
			for (const {column, width: w} of layout.columns) {
				assert.ok(w > 0 && w <= Math.min(content[column], MAX_WIDTH[column]), `${column} ${w}`);
				if (column !== 'state') assert.equal(w, Math.min(content[column], MAX_WIDTH[column]));
			}

			// Where the state column leaves room for it, the text gets its floor (≥ 40% of the width).
			const state = Math.min(content.state, MAX_WIDTH.state);
			const room = width - (state > 0 ? state + 1 : 0);
			assert.ok(layout.text >= Math.min(textFloor(width), room), `text ${layout.text}`);
			assert.ok(layout.text >= Math.min(Math.ceil(width * 0.4), room));

			// Drops are a prefix of DROP_ORDER (among the columns that have content), and no more than needed.
			const dropped = DROP_ORDER.filter(c => content[c] > 0 && !shown(layout).includes(c));
			const present = DROP_ORDER.filter(c => content[c] > 0);
			assert.deepEqual(dropped, present.slice(0, dropped.length));
			const last = dropped.at(-1);
			if (last !== undefined) {
				const back = Math.min(content[last], MAX_WIDTH[last]) + 1;
				assert.ok(layout.text - back < textFloor(width), `${last} was dropped though it fits`);
			}
		}),
		{numRuns: 2000},
	);
});

test('property: rendered rows are never wider than the row, whatever the text (wide, combining, emoji)', () => {
	const cell = fc.string({unit: 'grapheme', maxLength: 24});
	const cells = fc.record({
		...(Object.fromEntries(COLUMNS.map(c => [c, cell])) as Record<Column, fc.Arbitrary<string>>),
		text: fc.string({unit: 'grapheme', maxLength: 80}),
	});
	fc.assert(
		fc.property(
			fc.array(cells, {minLength: 1, maxLength: 5}),
			fc.integer({min: 0, max: 160}),
			(rows, width) => {
				const layout = rowLayout(contentWidths(rows), width);
				const rendered = rows.map(row => renderRow(row, layout));
				for (const row of rendered) assert.ok(stringWidth(row) <= width, `${width}: ${JSON.stringify(row)}`);
			},
		),
		{numRuns: 300},
	);
});
