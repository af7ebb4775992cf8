// The bytes that turn one Ink frame on screen into the next by rewriting only the cells that differ. Ink 8's own
// incremental writer rewrites a changed line from its first changed column to the end of the line and steps over
// every unchanged line with a cursor move; over an SSH link a cursor move in a list costs several times what it
// changed. Pure: frame strings in, terminal bytes out.
import {blankCell, parseLine, plainStyle, styleTransition} from './cells.ts';
import type {Cell, Line, Style} from './cells.ts';
import {moveTo, wireBytes} from './moves.ts';
import type {Position} from './moves.ts';

export type FrameSize = {
	readonly columns: number;
	/** The terminal's rows, when known: a frame taller than the screen has rows no cursor move reaches. */
	readonly rows?: number;
};

const sameCell = (a: Cell, b: Cell): boolean => a.text === b.text && a.style === b.style;

const cellAt = (line: Line, column: number): Cell => line.cells[column] ?? blankCell;

const isBlank = (cell: Cell): boolean => cell.text === ' ' && cell.style === plainStyle;

type Run = {start: number; end: number};

/** Column ranges whose cells differ, widened so none starts or ends inside a wide grapheme of either line. */
export function changedRuns(before: Line, after: Line): Run[] {
	const length = Math.max(before.cells.length, after.cells.length);
	const isContinuation = (column: number) =>
		cellAt(before, column).width === 0 || cellAt(after, column).width === 0;
	const runs: Run[] = [];
	let column = 0;
	while (column < length) {
		if (sameCell(cellAt(before, column), cellAt(after, column))) {
			column++;
			continue;
		}
		let start = column;
		while (column < length && !sameCell(cellAt(before, column), cellAt(after, column))) column++;
		let end = column;
		while (start > 0 && isContinuation(start)) start--;
		while (end < length && isContinuation(end)) end++;
		const last = runs.at(-1);
		if (last && start <= last.end) last.end = Math.max(last.end, end);
		else runs.push({start, end});
		column = end;
	}
	return runs;
}

class FrameWriter {
	out = '';
	position: Position;
	/** The terminal's current rendition; undefined when a verbatim line may have left anything. */
	style: Style | undefined = plainStyle;

	constructor(
		readonly bottom: number,
		readonly columns: number,
	) {
		// Ink leaves the cursor on the frame's bottom row; which column depends on what it wrote last.
		this.position = {row: bottom, column: undefined};
	}

	private cells(
		line: Line,
		from: number,
		to: number,
		style: Style | undefined,
	): {bytes: string; style: Style | undefined} {
		let bytes = '';
		for (let column = from; column < to; column++) {
			const cell = cellAt(line, column);
			// The second column of a wide grapheme was drawn with its first.
			if (cell.width === 0) continue;
			bytes += styleTransition(style, cell.style) + cell.text;
			style = cell.style;
		}
		return {bytes, style};
	}

	/** Puts the cursor on (row, column), writing through a short unchanged gap when that is cheaper than a move. */
	private reach(row: number, column: number, line: Line): void {
		const move = moveTo(this.position, row, column);
		const next = cellAt(line, column).style;
		const from = this.position.column;
		if (this.position.row === row && from !== undefined && from < column) {
			const gap = this.cells(line, from, column, this.style);
			if (
				wireBytes(gap.bytes) + styleTransition(gap.style, next).length <
				wireBytes(move) + styleTransition(this.style, next).length
			) {
				this.out += gap.bytes;
				this.style = gap.style;
				this.position = {row, column};
				return;
			}
		}
		this.out += move;
		this.position = {row, column};
	}

	private write(line: Line, from: number, to: number): void {
		const written = this.cells(line, from, to, this.style);
		this.out += written.bytes;
		this.style = written.style;
		// In the last column a terminal holds a pending wrap, and they disagree on the column it reports.
		this.position = {row: this.position.row, column: to < this.columns ? to : undefined};
	}

	private eraseToEnd(): void {
		// Erase paints with the current background.
		this.out += styleTransition(this.style, plainStyle) + '\u001B[K';
		this.style = plainStyle;
	}

	line(row: number, raw: string, before: Line, after: Line): void {
		const uncertain = Math.min(before.uncertainAt, after.uncertainAt);
		const runs = changedRuns(before, after);
		// Past the new line's last glyph every changed cell becomes a blank: one erase clears them all when that
		// is cheaper than writing each (a reset may be needed first: erase paints the current background).
		let ink = after.cells.length;
		while (ink > 0 && isBlank(cellAt(after, ink - 1))) ink--;
		let blanks = 0;
		for (const run of runs) blanks += Math.max(0, run.end - Math.max(run.start, ink));
		const erase =
			blanks > 3 + (ink > 0 ? styleTransition(cellAt(after, ink - 1).style, plainStyle).length : 0);
		// The first changed cell left for the erase, which a rewrite of the rest of the line must then cover.
		let erasedFrom = Number.POSITIVE_INFINITY;
		for (const run of runs) {
			if (run.end > uncertain) {
				this.rewriteFrom(row, Math.min(run.start, uncertain, erasedFrom), raw, after, ink);
				return;
			}
			const end = erase ? Math.min(run.end, ink) : run.end;
			if (end < run.end) erasedFrom = Math.min(erasedFrom, Math.max(run.start, ink));
			if (run.start >= end) continue;
			this.reach(row, run.start, after);
			this.write(after, run.start, end);
		}
		if (erase) {
			this.reach(row, ink, after);
			this.eraseToEnd();
		}
	}

	/** From a column every terminal agrees on, the rest of the line as a full write draws it. */
	private rewriteFrom(row: number, column: number, raw: string, after: Line, ink: number): void {
		this.reach(row, column, after);
		// Erase first: in the last column an erase would take the glyph just written (pending wrap).
		this.eraseToEnd();
		if (column === 0) {
			this.out += raw;
			this.style = undefined;
		} else {
			const written = this.cells(after, column, ink, this.style);
			this.out += written.bytes;
			this.style = written.style;
		}
		this.position = {row, column: undefined};
	}

	finish(): string {
		if (this.out === '') return '';
		if (this.style !== plainStyle) this.out += styleTransition(this.style, plainStyle);
		// Column 0, as after Ink's own frames: a full write after reset() starts wherever the cursor is.
		this.out += moveTo(this.position, this.bottom, 0);
		return this.out;
	}
}

const widthOf = (line: Line): number => line.cells.length;

/**
 * What to write to turn frame `previous` (on screen, cursor on its bottom row) into `next`, leaving the cursor at
 * the start of the bottom row as Ink does; undefined when the frames differ in line count or a line is wider than the
 * terminal, where Ink's own writer keeps its behaviour.
 */
export function diffFrame(previous: string, next: string, size: FrameSize): string | undefined {
	const before = previous.split('\n');
	const after = next.split('\n');
	if (before.length !== after.length) return undefined;
	if (size.rows !== undefined && after.length > size.rows) return undefined;
	const writer = new FrameWriter(after.length - 1, size.columns);
	for (let row = 0; row < after.length; row++) {
		const rawBefore = before[row]!;
		const rawAfter = after[row]!;
		if (rawBefore === rawAfter) continue;
		const lineBefore = parseLine(rawBefore);
		const lineAfter = parseLine(rawAfter);
		if (widthOf(lineBefore) > size.columns || widthOf(lineAfter) > size.columns) return undefined;
		writer.line(row, rawAfter, lineBefore, lineAfter);
	}
	return writer.finish();
}
