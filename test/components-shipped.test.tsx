// Components drawn the way the CLI ships them: Ink with the cell frame writer and the string-width shim
// (scripts/ink-patch.js), not the stock Ink the other component tests run on.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cellWriterInUse, installShippedInk, keyThrottleInUse, rowOutputInUse} from './helpers/shipped-ink.ts';

installShippedInk();
// Imported after the hook, so that Ink and string-width resolve to what the bundle holds.
const {mountShipped} = await import('./helpers/shipped-render.tsx');
const {InteractionList} = await import('../source/components/interaction-list.tsx');
const {interaction, NOW, user} = await import('./helpers/fixtures.ts');

const rows = Array.from({length: 40}, (_, i) =>
	interaction({id: `id-${i}`, userInput: user(`prompt number ${i} 日本語 ✓`), createdAtMs: NOW - i * 60_000}),
);
const list = (cursor: number) => (
	<InteractionList
		rows={rows}
		cursor={cursor}
		top={0}
		height={20}
		width={100}
		focused
		title="Interactions"
		status="page 1 · 1–40 of 40"
		loading={false}
		nowMs={NOW}
	/>
);

test('a list move through the shipped frame writer leaves the screen a fresh render draws', async () => {
	const moved = await mountShipped(list(3), {columns: 100, rows: 24});
	moved.bytesWritten();
	await moved.rerender(list(4));
	const screen = await moved.screen();
	const moveBytes = moved.bytesWritten();
	moved.unmount();
	assert.ok(cellWriterInUse(), 'Ink was loaded with the cell frame writer');
	assert.ok(rowOutputInUse(), 'Ink was loaded with the row-composed Output');
	assert.ok(keyThrottleInUse(), 'Ink was loaded with the key-aware throttle');
	// The cell writer rewrites the changed cells (29 B measured); Ink's own incremental renderer rewrites both
	// changed rows (283 B).
	assert.ok(moveBytes < 100, `a move wrote ${moveBytes} B`);

	const fresh = await mountShipped(list(4), {columns: 100, rows: 24});
	const want = await fresh.screen();
	fresh.unmount();
	assert.deepEqual(screen, want);
	assert.match(screen.find(line => line.startsWith('>')) ?? '', /prompt number 4/);
});
