import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import {
	HelpOverlay,
	helpScrollMax,
	layoutHelp,
	type HelpBinding,
} from '../source/components/help-overlay.tsx';
import {helpBindings} from '../source/help-table.ts';
import {HeaderBar, PRODUCTION_WORD} from '../source/components/header-bar.tsx';
import {Footer} from '../source/components/footer.tsx';
import {ErrorBox, errorBoxLines} from '../source/components/error-box.tsx';
import {colorDisabled, createTheme, lineStyle} from '../source/components/theme.ts';
import {withMounted} from './helpers/render.tsx';

afterEach(cleanup);

const run = promisify(execFile);

const bindings: HelpBinding[] = [
	{keys: 'j/k ↓/↑', action: 'move / scroll', context: 'everywhere'},
	{keys: 'g/G', action: 'first / last row', context: 'everywhere'},
	{keys: ']/[', action: 'next / previous page', context: 'interaction list'},
	{keys: 'Enter', action: 'open', context: 'interaction list'},
	{keys: '1 2 3', action: 'Transcript, Params, Errors', context: 'detail'},
	{keys: 's', action: 'expand the system prompt', context: 'detail'},
	{keys: '?', action: 'help', context: 'everywhere'},
	{keys: 'q', action: 'quit', context: 'everywhere'},
];

function assertFits(lines: string[], width: number, height: number) {
	assert.ok(lines.length <= height, `${lines.length} lines > ${height}:\n${lines.join('\n')}`);
	for (const l of lines) assert.ok(stringWidth(l) <= width, `wider than ${width}: ${JSON.stringify(l)}`);
}

test('help lists every binding grouped by context, contexts in first-seen order', async () => {
	await withMounted(<HelpOverlay bindings={bindings} width={70} height={20} />, m => {
		const frame = m.frame();
		assertFits(m.lines(), 70, 20);
		assert.match(frame, /Keys · \? or Esc to close/);
		const order = [
			'everywhere',
			'j/k ↓/↑',
			'g/G',
			'?',
			'q',
			'interaction list',
			']/[',
			'Enter',
			'detail',
			'1 2 3',
			's ',
		];
		let from = 0;
		for (const piece of order) {
			const at = frame.indexOf(piece, from);
			assert.ok(at >= 0, `missing or out of order: ${piece}\n${frame}`);
			from = at;
		}
		for (const b of bindings) assert.ok(frame.includes(b.action), b.action);
	});
});

test('help fits any size: columns when wide, scrolling when not, never cut', async () => {
	const twoColumns = layoutHelp(bindings, 80, 6);
	assert.equal(twoColumns.columns.length, 2);
	assert.equal(twoColumns.height, 6, 'whole groups, balanced: everything shows without scrolling');
	const narrow = layoutHelp(bindings, 28, 5);
	assert.equal(narrow.columns.length, 1);
	assert.equal(narrow.height, 14, 'eleven lines, three of them wrapped under their action');
	assert.equal(helpScrollMax(bindings, 30, 8), 9, 'fourteen lines, five rows: nine to scroll');
	for (const [width, height] of [
		[30, 8],
		[80, 9],
		[24, 4],
		[10, 3],
		[3, 2],
	] as const) {
		for (const scroll of [0, 99]) {
			await withMounted(
				<HelpOverlay bindings={bindings} width={width} height={height} scroll={scroll} />,
				m => {
					assertFits(m.lines(), width, height);
				},
			);
		}
	}
	await withMounted(<HelpOverlay bindings={bindings} width={30} height={8} scroll={99} />, m => {
		assert.match(m.frame(), /system\W+prompt/, 'scrolled to the end, the last entry shows whole');
	});
	await withMounted(<HelpOverlay bindings={bindings} width={40} height={6} scroll={2} />, m => {
		assert.match(m.frame(), /3–5 of 11/, 'the title says where the view is');
	});
});

test('the real help at 80x24 and 120x40: every entry whole, within the frame, the end reachable', async () => {
	const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
	// The overlay gets the terminal minus the header line.
	for (const [width, height] of [
		[80, 23],
		[120, 39],
	] as const) {
		const layout = layoutHelp(helpBindings, width - 2, height - 3);
		const shown = squash(layout.columns.map(column => column.map(line => line.text).join(' ')).join(' '));
		for (const b of helpBindings)
			assert.ok(shown.includes(squash(b.action)), `${width}x${height}: ${b.action}`);
		for (const column of layout.columns)
			for (const line of column) assert.ok(stringWidth(line.text) <= layout.columnWidth, line.text);
		const max = helpScrollMax(helpBindings, width, height);
		const seen: string[] = [];
		for (let scroll = 0; scroll <= max; scroll++) {
			await withMounted(
				<HelpOverlay bindings={helpBindings} width={width} height={height} scroll={scroll} />,
				m => {
					assertFits(m.lines(), width, height);
					seen.push(m.frame());
				},
			);
		}
		assert.match(seen[0]!, /Keys · \? or Esc to close/);
		assert.match(seen.at(-1)!, /-term negates/, `${width}x${height}: the filter syntax's last line`);
		assert.match(seen.join('\n'), /R +refusal/, 'the flag legend');
		if (width === 120) assert.equal(max, 0, 'at 120x40 it all fits at once, in columns');
		else assert.ok(max > 0 && layout.columns.length >= 2, 'at 80x24 it takes two columns and scrolls');
	}
});

test('header: product, host, org, profile, breadcrumb; PRODUCTION is never cut off', async () => {
	const props = {
		label: 'demo',
		org: 'default',
		breadcrumb: ['Customer Insights', 'Weekly brief'],
		width: 100,
	};
	await withMounted(<HeaderBar {...props} />, m => {
		assert.equal(m.frame().trimEnd(), 'zylon-tui · demo · org default · Customer Insights › Weekly brief');
	});
	await withMounted(
		<HeaderBar {...props} label="zylon.acme.com" profile="prod" production width={40} />,
		m => {
			const lines = m.lines();
			assertFits(lines, 40, 1);
			assert.ok(lines[0]!.startsWith(`⚠ ${PRODUCTION_WORD} zylon-tui · zylon.acme.com`), lines[0]);
			assert.ok(lines[0]!.endsWith('…'));
		},
	);
});

test('footer: one line, message first, keys truncated to the width', async () => {
	const keys = [
		{keys: 'j/k', action: 'move'},
		{keys: ']/[', action: 'page'},
		{keys: 'tab', action: 'focus'},
		{keys: '?', action: 'help'},
		{keys: 'q', action: 'quit'},
	];
	await withMounted(<Footer bindings={keys} width={100} />, m => {
		assert.equal(m.frame().trimEnd(), 'j/k move · ]/[ page · tab focus · ? help · q quit');
	});
	await withMounted(<Footer bindings={keys} width={30} message="Copied 12 lines" />, m => {
		assertFits(m.lines(), 30, 1);
		assert.ok(m.lines()[0]!.startsWith('Copied 12 lines · j/k move'), m.frame());
	});
});

test('error box: the message wrapped within its lines, hint kept', async () => {
	const long = 'The server refused the token from ZYLON_TOKEN (401). Check that it has not expired.';
	const box = errorBoxLines(long, 'press r to retry', 30, 3);
	assert.equal(box.lines.length, 2);
	assert.ok(box.lines[1]!.endsWith('…'));
	assert.equal(box.hint, 'press r to retry');
	await withMounted(<ErrorBox message={long} hint="press r to retry" width={30} />, m => {
		assertFits(m.lines(), 30, 3);
		assert.match(m.frame(), /^✗ The server refused/);
		assert.match(m.frame(), /press r to retry/);
	});
});

test('theme: NO_COLOR turns every colour off, attributes stay', () => {
	assert.equal(colorDisabled({NO_COLOR: '1'}), true);
	assert.equal(colorDisabled({NO_COLOR: ''}), false);
	assert.equal(colorDisabled({}), false);
	const plain = createTheme(true);
	const colours = Object.entries(plain).filter(([k, v]) => k !== 'noColor' && v !== undefined);
	assert.deepEqual(colours, []);
	assert.equal(lineStyle('error', plain).color, undefined);
	assert.equal(lineStyle('error', plain).bold, true);
	assert.equal(lineStyle('error', createTheme(false)).color, 'red');
});

test('theme: NO_COLOR honoured end to end (a child process with colours forced)', async () => {
	const frame = async (env: Record<string, string>) => {
		const {stdout} = await run(process.execPath, ['--import', 'tsx', 'test/fixtures/theme-frame.tsx'], {
			env: {...process.env, FORCE_COLOR: '1', NO_COLOR: '', ...env},
		});
		return stdout;
	};
	const [coloured, plain] = await Promise.all([frame({}), frame({NO_COLOR: '1'})]);
	// SGR foreground colours: 30–37, 90–97, or extended 38;…
	const colour = /\u001B\[(?:3[0-7]|9[0-7]|38;[0-9;]+)m/;
	assert.match(coloured, colour);
	assert.doesNotMatch(plain, colour);
	assert.match(plain, /\u001B\[1m/, 'attributes still forced, so the absence of colour is the theme');
	assert.match(plain, /⚠ PRODUCTION/);
	assert.match(plain, /✗ error/);
	assert.match(plain, /\^/, 'the filter line points at its mistake');
	// Nothing else in the frame is coloured: the filter line's mistake is the last line.
	assert.doesNotMatch(plain.split('\n').at(-1) ?? '', colour);
	assert.match(coloured.split('\n').at(-1) ?? '', colour, 'the mistake is coloured when colours are on');
});
