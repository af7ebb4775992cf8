import {markers} from '../harness.ts';
import type {Figure} from '../harness.ts';
import {summarize} from '../stats.ts';
import {closeTerm, keyLatency, openBigList, tenThousand} from './common.ts';

const cols = 120;
const rows = 40;
// A held key on a typical terminal repeats at about 30 Hz.
const repeatGapMs = 33;
const heldMoves = 10;

export const figure: Figure = {
	name: `bytes written per cursor move vs a full repaint at ${cols}x${rows}`,
	budget: '<= 10%',
	async run(harness) {
		harness.requireCli();
		const server = await harness.demo(tenThousand);
		// Start one column wider: narrowing makes Ink clear and draw the whole frame, which is the full repaint.
		const term = await openBigList(harness, server, {cols: cols + 1, rows});
		try {
			const beforeResize = term.mark();
			term.resize(cols, rows);
			await term.waitFor(() => term.bytesSince(beforeResize) > 0, {timeoutMs: 3000});
			await term.waitIdle(200);
			const repaint = term.bytesSince(beforeResize);
			const moves: number[] = [];
			for (let index = 0; index < Math.max(1, Math.min(harness.presses, 10)); index++) {
				await term.waitIdle(100);
				const mark = term.mark();
				await keyLatency(term, markers.listDown, markers.selection);
				await term.waitIdle(100);
				moves.push(term.bytesSince(mark));
			}
			const move = summarize(moves).median;
			const share = move / repaint;
			// Holding j: what a scroll through the list sends, the final redraw of the detail pane included.
			await term.waitIdle(150);
			const before = markers.selection(term.screen());
			const mark = term.mark();
			await term.press(
				Array.from({length: heldMoves}, () => markers.listDown),
				{gapMs: repeatGapMs},
			);
			await term.waitFor(screen => markers.selection(screen) !== before, {timeoutMs: 3000});
			await term.waitIdle(250);
			const held = term.bytesSince(mark) / heldMoves;
			return [
				{
					figure: this.name,
					budget: this.budget,
					value: `${Math.round(move)} B per move (median of single presses, detail redraw included) / ${repaint} B repaint = ${(share * 100).toFixed(1)}%`,
					pass: share <= 0.1,
				},
				{
					figure: `bytes per cursor move with j held (${heldMoves} moves at ${Math.round(1000 / repeatGapMs)} Hz key repeat)`,
					budget: 'report only',
					value: `${Math.round(held)} B per move / ${repaint} B repaint = ${((held / repaint) * 100).toFixed(1)}%`,
				},
			];
		} finally {
			await closeTerm(term);
		}
	},
};
