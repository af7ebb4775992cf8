// The cell writer as Ink uses it: log-update's whole contract (cursor, clear, sync, done) against Ink's own
// incremental renderer on the same script, screen by screen, and what it saves on a list move.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {frameFits, HOME_AND_ERASE_DOWN, withCellWriter} from '../source/lib/terminal/log-update.ts';
import type {LogUpdate} from '../source/lib/terminal/log-update.ts';
import {capturingStream, inkLogUpdate, terminalScreen} from './helpers/terminal-screen.ts';
import type {CapturingStream, Screen, TerminalScreen} from './helpers/terminal-screen.ts';

const ink = await inkLogUpdate();
const writer = withCellWriter(ink);

type Side = {render: LogUpdate; stream: CapturingStream; screen: TerminalScreen};

function side(module: typeof ink, columns: number, rows: number): Side {
	const stream = capturingStream(columns, rows);
	return {render: module.create(stream, {incremental: true}), stream, screen: terminalScreen(columns, rows)};
}

async function flush({stream, screen}: Side): Promise<Screen> {
	await screen.write(stream.take());
	return screen.snapshot();
}

const frame = (selected: number, detail: string, rows = 6): string =>
	Array.from({length: rows}, (_, row) =>
		`${row === selected ? '>' : ' '}item ${row}   ${row === 1 ? detail : ''}`.trimEnd(),
	).join('\n');

test('every log-update operation leaves the screen Ink leaves', async () => {
	const columns = 30;
	const rows = 10;
	const inkSide = side(ink, columns, rows);
	const cellSide = side(writer, columns, rows);
	const steps: Array<[string, (render: LogUpdate, stream: CapturingStream) => void]> = [
		['first frame', render => render(frame(0, 'alpha') + '\n')],
		['a move', render => render(frame(1, 'beta') + '\n')],
		['the same frame again', render => render(frame(1, 'beta') + '\n')],
		['a cursor shown', render => (render.setCursorPosition({x: 3, y: 2}), render(frame(1, 'beta') + '\n'))],
		[
			'a frame with the cursor shown',
			render => (render.setCursorPosition({x: 5, y: 1}), render(frame(2, 'gamma') + '\n')),
		],
		['the cursor gone', render => (render.setCursorPosition(undefined), render(frame(3, 'delta') + '\n'))],
		['a move after it', render => render(frame(4, 'epsilon') + '\n')],
		['fewer lines', render => render(frame(1, 'zeta', 4) + '\n')],
		['a move', render => render(frame(2, 'eta', 4) + '\n')],
		['more lines', render => render(frame(2, 'theta', 7) + '\n')],
		['clear', render => render.clear()],
		['a frame after clear', render => render(frame(0, 'iota', 7) + '\n')],
		[
			'a frame Ink wrote itself, then sync',
			(render, stream) => {
				render.clear();
				stream.write(frame(5, 'kappa', 7) + '\n');
				render.sync(frame(5, 'kappa', 7) + '\n');
			},
		],
		['a move after sync', render => render(frame(6, 'lambda', 7) + '\n')],
		['a full-screen frame (no trailing newline)', render => render(frame(6, 'mu', 10))],
		['a move in it', render => render(frame(7, 'nu', 10))],
		['reset', render => (render.reset(), render(frame(7, 'xi', 10)))],
		['done', render => render.done()],
	];
	for (const [name, step] of steps) {
		step(inkSide.render, inkSide.stream);
		step(cellSide.render, cellSide.stream);
		const want = await flush(inkSide);
		const got = await flush(cellSide);
		assert.deepEqual(got.rows, want.rows, `${name}: the cells`);
		assert.equal(got.cursorRow, want.cursorRow, `${name}: the cursor row`);
		assert.equal(got.cursorHidden, want.cursorHidden, `${name}: the cursor's visibility`);
		if (!want.cursorHidden)
			assert.equal(got.cursorColumn, want.cursorColumn, `${name}: the shown cursor's column`);
		assert.deepEqual(
			cellSide.render.getCursorPosition(),
			inkSide.render.getCursorPosition(),
			`${name}: getCursorPosition`,
		);
	}
	inkSide.screen.dispose();
	cellSide.screen.dispose();
});

test('without incremental rendering it is the renderer Ink ships, byte for byte', () => {
	const inkStream = capturingStream(30, 10);
	const cellStream = capturingStream(30, 10);
	const inkRender = ink.create(inkStream);
	const cellRender = writer.create(cellStream);
	for (const text of [frame(0, 'a'), frame(1, 'b'), frame(1, 'b'), frame(2, 'c')]) {
		assert.equal(cellRender.willRender(text), inkRender.willRender(text));
		assert.equal(cellRender(text), inkRender(text));
		assert.equal(cellStream.take(), inkStream.take());
	}
});

test('a list move at 120x40 costs a fraction of what the incremental renderer Ink ships writes', () => {
	const listFrame = (selected: number) =>
		Array.from({length: 40}, (_, row) => {
			const list = `${row === selected ? '>' : ' '}02-12 11:${String(59 - row).padStart(2, '0')}Z ✓ ok      1127→267        Why did the n…`;
			const detail =
				row === 3 ? `Interaction ${selected}: prompt and answer ${'x'.repeat(selected)}` : `field ${row}`;
			return `${list} ${detail}`;
		}).join('\n');
	const inkStream = capturingStream(120, 40);
	const cellStream = capturingStream(120, 40);
	const inkRender = ink.create(inkStream, {incremental: true});
	const cellRender = writer.create(cellStream, {incremental: true});
	inkRender(listFrame(5));
	cellRender(listFrame(5));
	inkStream.take();
	cellStream.take();
	inkRender(listFrame(6));
	cellRender(listFrame(6));
	const inkBytes = Buffer.byteLength(inkStream.take());
	const cellBytes = Buffer.byteLength(cellStream.take());
	assert.ok(cellBytes * 4 < inkBytes, `${cellBytes} B against Ink's ${inkBytes} B`);
});

test('after a size change every frame is drawn whole from the top-left until one fits the new size', () => {
	let written = '';
	const stream = {columns: 30, rows: 10, isTTY: true, write: (data: string) => (written += data)};
	const render = writer.create(stream, {incremental: true});
	const take = () => {
		const data = written;
		written = '';
		return data;
	};
	render(frame(0, 'alpha'));
	render(frame(1, 'alpha'));
	take();

	// The resize handler draws the old layout first: wider than the new screen, so it cannot be the base of a diff.
	stream.columns = 20;
	const wide = frame(1, 'a frame wider than 20');
	render(wide);
	assert.equal(take(), HOME_AND_ERASE_DOWN + wide);
	const narrow = frame(1, 'narrow');
	render(narrow);
	assert.equal(take(), HOME_AND_ERASE_DOWN + narrow, 'drawn whole again: the wide frame did not fit');
	render(frame(2, 'narrow'));
	const diff = take();
	assert.ok(
		!diff.includes(HOME_AND_ERASE_DOWN) && diff.length < 20,
		`a diff once settled: ${JSON.stringify(diff)}`,
	);

	// Ink's own clear on a narrower width, then a frame: still drawn from the top-left, never from the cursor.
	stream.rows = 8;
	render.clear();
	take();
	const shorter = frame(2, 'short', 8);
	render(shorter);
	assert.equal(take(), HOME_AND_ERASE_DOWN + shorter);

	assert.equal(frameFits('ab\ncd\n', 2, 2), true);
	assert.equal(frameFits('abc', 2, 2), false);
	assert.equal(frameFits('a\nb\nc', 2, 2), false);
	assert.equal(frameFits('\u001B[1mab\u001B[22m', 2, 1), true, 'styles take no columns');
	assert.equal(frameFits('界', 1, 1), false, 'a wide glyph takes two');
});
