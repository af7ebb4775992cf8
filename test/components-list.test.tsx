import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import {InteractionList, listVisibleRows} from '../source/components/interaction-list.tsx';
import {Picker, pickerVisibleRows} from '../source/components/picker.tsx';
import type {Interaction} from '../source/domain/types.ts';
import {interaction, NOW, text, user} from './helpers/fixtures.ts';
import {withMounted} from './helpers/render.tsx';

afterEach(cleanup);

const many = (n: number): Interaction[] =>
	Array.from({length: n}, (_, i) =>
		interaction({id: `id-${i}`, userInput: user(`prompt number ${i}`), createdAtMs: NOW - i * 60_000}),
	);

const props = {
	cursor: 0,
	top: 0,
	height: 6,
	width: 80,
	focused: true,
	title: 'Interactions',
	status: 'page 1 · 1–50 of 5,000',
	loading: false,
	nowMs: NOW,
};

function assertFits(lines: string[], width: number, height: number) {
	assert.ok(lines.length <= height, `${lines.length} lines > height ${height}:\n${lines.join('\n')}`);
	for (const l of lines) assert.ok(stringWidth(l) <= width, `wider than ${width}: ${JSON.stringify(l)}`);
}

test('the window shows the title and only rows[top, top + visible)', async () => {
	const rows = many(50);
	await withMounted(<InteractionList {...props} rows={rows} top={10} cursor={12} />, m => {
		const lines = m.lines();
		assert.equal(lines.length, 6);
		assert.match(lines[0]!, /^INTERACTIONS {2}page 1 · 1–50 of 5,000/);
		assert.equal(listVisibleRows(6), 5);
		const shown = lines.slice(1).map(l => /prompt number (\d+)/.exec(l)?.[1]);
		assert.deepEqual(shown, ['10', '11', '12', '13', '14']);
		assertFits(lines, 80, 6);
	});
});

test('the cursor row carries the ">" marker and no other row does', async () => {
	await withMounted(<InteractionList {...props} rows={many(20)} top={0} cursor={2} />, m => {
		const lines = m.lines().slice(1);
		assert.deepEqual(
			lines.map(l => l.startsWith('>')),
			[false, false, true, false, false],
		);
		assert.match(lines[2]!, /prompt number 2$/);
	});
	// Unfocused, the marker stays: selection is never shown by inverse (or colour) alone.
	await withMounted(<InteractionList {...props} focused={false} rows={many(3)} cursor={1} />, m => {
		assert.ok(m.lines()[2]!.startsWith('>'));
	});
});

test('10,000 rows: only `height` lines are rendered', async () => {
	const rows = many(10_000);
	// How fast is the bench's business (keystroke latency, 10,000 rows); here only what is rendered.
	await withMounted(
		<InteractionList {...props} rows={rows} width={120} height={20} top={9_990} cursor={9_995} />,
		m => {
			const lines = m.lines();
			assert.equal(lines.length, 20);
			assert.match(
				lines.findLast(l => l.trim() !== '')!,
				/prompt number 9999/,
			);
			assert.match(
				lines.find(l => l.startsWith('>'))!,
				/prompt number 9995/,
			);
			assert.equal(m.frame().match(/prompt number/g)?.length, 10, 'only the ten rows left in the window');
		},
	);
	await withMounted(
		<InteractionList {...props} rows={rows} width={120} height={20} top={0} cursor={0} />,
		m => {
			assert.equal(m.frame().match(/prompt number/g)?.length, 19);
		},
	);
});

test('state is shown as a glyph and a word; rows fit narrow widths (CJK)', async () => {
	const rows = [
		interaction({state: 'Completed', userInput: user('日本語の長い質問はここにあります、とても長いです')}),
		interaction({state: 'Error', output: {stopReason: 'error', content: [text('x')], errors: []}}),
		interaction({state: 'Processing', createdAtMs: NOW - 1000, output: undefined}),
		interaction({state: 'Weird'}),
	];
	for (const width of [30, 42, 60]) {
		await withMounted(<InteractionList {...props} rows={rows} width={width} height={5} />, m => {
			const lines = m.lines();
			assertFits(lines, width, 5);
			assert.match(lines[1]!, /✓ ok/);
			assert.match(lines[2]!, /✗ error/);
			assert.match(lines[3]!, /… running/);
			assert.match(lines[4]!, /\? Weird/);
		});
	}
});

test('errors, loading and emptiness are said in words, within the height', async () => {
	await withMounted(<InteractionList {...props} rows={[]} />, m => {
		assert.match(m.frame(), /No interactions here\./);
	});
	const message = 'The server refused the token (from ZYLON_TOKEN). Check it and press r to retry.';
	await withMounted(
		<InteractionList {...props} rows={many(10)} error={message} height={6} width={50} />,
		m => {
			const lines = m.lines();
			assertFits(lines, 50, 6);
			assert.match(m.frame(), /✗ The server refused the token/);
			assert.equal(listVisibleRows(6, true), 3);
			assert.equal(m.frame().match(/prompt number/g)?.length, 3);
			assert.doesNotMatch(m.frame(), /press r to retry\n.*press r to retry/s);
		},
	);
	await withMounted(<InteractionList {...props} rows={many(3)} loading />, m => {
		assert.match(m.lines()[0]!, /INTERACTIONS/);
		assertFits(m.lines(), 80, 6);
	});
});

test('tiny heights never overflow', async () => {
	for (const height of [1, 2, 3]) {
		await withMounted(<InteractionList {...props} rows={many(10)} height={height} error="boom" />, m => {
			assertFits(m.lines(), 80, height);
		});
	}
});

test('Picker: windowed items, cursor marker, filter line, detail text, empty filter result', async () => {
	const items = Array.from({length: 1_000}, (_, i) => ({label: `Project ${i}`, detail: `${i} members`}));
	const base = {
		title: 'Projects',
		items,
		cursor: 502,
		top: 500,
		height: 8,
		width: 40,
		filtering: false,
		loading: false,
	};
	await withMounted(<Picker {...base} />, m => {
		const lines = m.lines();
		assertFits(lines, 40, 8);
		assert.match(lines[0]!, /^Projects {2}1,000/);
		assert.equal(pickerVisibleRows(8), 7);
		assert.deepEqual(
			lines.slice(1).map(l => /Project (\d+)/.exec(l)?.[1]),
			['500', '501', '502', '503', '504', '505', '506'],
		);
		assert.match(lines[3]!, /^> Project 502 {2}502 members/);
	});
	await withMounted(<Picker {...base} filtering filter="insi" items={[]} cursor={0} top={0} />, m => {
		assert.match(m.lines()[1]!, /^\/insi/);
		assert.match(m.frame(), /Nothing matches "insi"\./);
		assert.equal(pickerVisibleRows(8, {filtering: true}), 6);
	});
	await withMounted(<Picker {...base} error="Network unreachable" height={4} />, m => {
		assertFits(m.lines(), 40, 4);
		assert.match(m.frame(), /✗ Network unreachable/);
		assert.match(m.frame(), /press r to retry/);
	});
});
