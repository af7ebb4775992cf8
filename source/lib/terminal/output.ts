// Ink 8's Output (node_modules/ink/build/output.js) with its frame composed row by row and remembered across
// frames. The CLI bundle swaps it in for Ink's own module (scripts/ink-patch.js); the bench's hello keeps plain Ink.
//
// Why: Ink builds every frame from nothing. It tokenises each text node's ANSI string into one object per
// character, lays them on a fresh grid of width × height cell objects, and turns every row back into a string.
// At 120x40 that was ~4.8 ms of a ~9 ms keystroke frame on the bench machine, and most of the garbage a frame
// leaves (`npm run bench -- --only 'keystroke'` with --cpu-prof). A key moves the cursor by a row or two, so nearly
// every row of the next frame is the same as before.
//
// What stays Ink's: every rule about what a row shows. Within a row, writes land in the order Ink makes them, and a
// row changed since the last frame is built by the same steps as Ink's applyWriteOperation, on a one-row grid. Rows
// are independent in Ink's model (a write touches only the rows its lines fall on), so a row whose writes are the
// same as in an earlier frame gives the same string. What is remembered is keyed by content, never by position:
// the text's lines, each clipped slice, and each row's string. test/terminal-output.test.ts compares this against
// Ink's own Output on random frames.
import {styledCharsToString, type StyledChar} from '@alcalzone/ansi-tokenize';

/** What Ink's Output exposes at run time that the row composer reads (private in Ink's types). */
type Caches = {
	getStyledChars(line: string): StyledChar[];
	getStringWidth(text: string): number;
	getWidestLine(text: string): number;
};
type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Transformer = (line: string, index: number) => string;
type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

export type OutputInternals = {
	operations: Operation[];
	caches: Caches;
	width: number;
	height: number;
	sliceLineToColumns(line: string, from: number, to: number): string;
	get(): {output: string; height: number};
};

type OutputClass = new (options: {width: number; height: number}) => OutputInternals;

/**
 * Characters a memo holds (its keys and string values) before it starts again. A row at 120 columns is a few
 * hundred with its styles, so this is several screens of change; 500,000 raised the peak of paging 100,000 rows by
 * ~7 MiB (148.8 against 141.8), this by ~1 MiB, within the run-to-run noise.
 */
const MEMO_CHARS = 100_000;

/** A map from content to what Ink makes of it, emptied when it has grown past MEMO_CHARS. */
class Memo<V> {
	private readonly map = new Map<string, V>();
	private chars = 0;

	get(key: string, make: () => V): V {
		let value = this.map.get(key);
		if (value === undefined) {
			value = make();
			const size =
				key.length + (typeof value === 'string' ? value.length : Array.isArray(value) ? key.length : 0);
			if (this.chars + size > MEMO_CHARS) {
				this.map.clear();
				this.chars = 0;
			}
			this.map.set(key, value);
			this.chars += size;
		}
		return value;
	}
}

const blankCell = (cell: StyledChar): StyledChar => ({...cell, value: ' ', fullWidth: false});

const intersectBound = (
	a: number | undefined,
	b: number | undefined,
	tighter: (x: number, y: number) => number,
) => (a === undefined ? b : b === undefined ? a : tighter(a, b));

const isClipEmpty = (clip: Clip) =>
	(clip.x1 !== undefined && clip.x2 !== undefined && clip.x1 >= clip.x2) ||
	(clip.y1 !== undefined && clip.y2 !== undefined && clip.y1 >= clip.y2);

const intersectClips = (outer: Clip | undefined, inner: Clip): Clip =>
	outer
		? {
				x1: intersectBound(outer.x1, inner.x1, Math.max),
				x2: intersectBound(outer.x2, inner.x2, Math.min),
				y1: intersectBound(outer.y1, inner.y1, Math.max),
				y2: intersectBound(outer.y2, inner.y2, Math.min),
			}
		: inner;

/** One row's writes, in order, as an unambiguous string: `x:length:line` for each. */
const rowKey = (width: number, writes: ReadonlyArray<readonly [number, string]>) => {
	let key = `${width}`;
	for (const [x, line] of writes) key += `|${x}:${line.length}:${line}`;
	return key;
};

/** Ink's Output class with `get` composed row by row from memos kept across frames. */
export function withRowCache(Base: OutputClass): OutputClass {
	// Strings and numbers only: Ink's styled characters (an object per character) stay per frame, and are only
	// made for a row that changed.
	const linesOf = new Memo<string[]>();
	const widest = new Memo<number>();
	const widths = new Memo<number>();
	const slices = new Memo<string>();
	const blankLine = new Memo<boolean>();
	const rows = new Memo<string>();

	return class RowCachedOutput extends Base {
		override get(): {output: string; height: number} {
			const {width, height} = this;
			// Yoga lays out on whole cells; anything else goes the way Ink goes.
			if (!Number.isInteger(width) || !Number.isInteger(height)) return super.get();
			for (const operation of this.operations) {
				if (operation.type === 'write' && !(Number.isInteger(operation.x) && Number.isInteger(operation.y)))
					return super.get();
			}
			const writes: Array<Array<[number, string]>> = Array.from({length: height}, () => []);
			const clips: Array<Clip | undefined> = [];
			for (const operation of this.operations) {
				if (operation.type === 'clip') clips.push(intersectClips(clips.at(-1), operation.clip));
				else if (operation.type === 'unclip') clips.pop();
				else this.collect(writes, operation, clips.at(-1));
			}
			const lines = writes.map(row =>
				row.length === 0 ? '' : rows.get(rowKey(width, row), () => this.buildRow(row)),
			);
			return {output: lines.join('\n'), height};
		}

		/** Ink's applyWriteOperation up to the grid: which line of the write goes to which row, clipped. */
		private collect(
			writes: Array<Array<[number, string]>>,
			operation: Extract<Operation, {type: 'write'}>,
			clip: Clip | undefined,
		): void {
			const {text, transformers} = operation;
			let {x, y} = operation;
			let lines = linesOf.get(text, () => this.splitLines(text));
			if (clip) {
				if (isClipEmpty(clip)) return;
				const clipX = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
				const clipY = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
				if (clipX && (x + widest.get(text, () => this.caches.getWidestLine(text)) < clip.x1! || x > clip.x2!))
					return;
				if (clipY && (y + lines.length < clip.y1! || y > clip.y2!)) return;
				if (clipX) {
					const x1 = clip.x1!;
					const x2 = clip.x2!;
					lines = lines.map(line => {
						const from = x < x1 ? x1 - x : 0;
						const lineWidth = widths.get(line, () => this.caches.getStringWidth(line));
						const to = x + lineWidth > x2 ? x2 - x : lineWidth;
						return slices.get(`${from}:${to}:${line}`, () => this.sliceLineToColumns(line, from, to));
					});
					if (x < x1) x = x1;
				}
				if (clipY) {
					const from = y < clip.y1! ? clip.y1! - y : 0;
					const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
					lines = lines.slice(from, to);
					if (y < clip.y1!) y = clip.y1!;
				}
			}
			for (const [index, clipped] of lines.entries()) {
				const row = writes[y + index];
				if (!row) continue;
				const line = transformers.reduce(
					(text, transformer) => transformer(text, index + y - operation.y),
					clipped,
				);
				if (blankLine.get(line, () => this.caches.getStyledChars(line).length === 0)) continue;
				row.push([x, line]);
			}
		}

		private splitLines(text: string): string[] {
			const characterLines: StyledChar[][] = [[]];
			for (const character of this.caches.getStyledChars(text)) {
				if (character.value === '\n') characterLines.push([]);
				else characterLines.at(-1)!.push(character);
			}
			return characterLines.map(line => styledCharsToString(line));
		}

		/** The rest of Ink's applyWriteOperation, and its get's last step, for one row. */
		private buildRow(row: ReadonlyArray<readonly [number, string]>): string {
			const currentLine: StyledChar[] = [];
			for (let x = 0; x < this.width; x++)
				currentLine.push({type: 'char', value: ' ', fullWidth: false, styles: []});
			for (const [x, line] of row) {
				const characters = this.caches.getStyledChars(line);
				let offsetX = x;
				if (
					currentLine[offsetX]?.value === '' &&
					offsetX > 0 &&
					this.caches.getStringWidth(currentLine[offsetX - 1]?.value ?? '') > 1
				) {
					currentLine[offsetX - 1] = blankCell(currentLine[offsetX - 1]!);
				}
				for (const character of characters) {
					currentLine[offsetX] = character;
					const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
					for (let offset = 1; offset < characterWidth; offset++) {
						currentLine[offsetX + offset] = {
							type: 'char',
							value: offsetX < 0 ? ' ' : '',
							fullWidth: false,
							styles: character.styles,
						};
					}
					offsetX += characterWidth;
				}
				if (currentLine[offsetX]?.value === '') currentLine[offsetX] = blankCell(currentLine[offsetX]!);
			}
			return styledCharsToString(currentLine.filter(item => item !== undefined)).trimEnd();
		}
	};
}
