// A headless xterm fed with what a renderer wrote, read back cell by cell (glyph, width and every attribute), so a
// test can say two ways of drawing a frame leave the same screen. convertEol stands for the tty's ONLCR, which
// Ink's frames rely on (a line feed returns to column 0).
import xtermModule from '@xterm/headless';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import type {LogUpdateModule} from '../../source/lib/terminal/log-update.ts';
import {watchCursor} from './pty.ts';

const {Terminal} = xtermModule;

export type Screen = {
	/** One string per row: each cell as glyph, width and attributes. */
	readonly rows: readonly string[];
	readonly cursorRow: number;
	readonly cursorColumn: number;
	readonly cursorHidden: boolean;
};

/** A stream Ink's log-update can write to, collecting the writes. */
export type CapturingStream = {
	readonly columns: number;
	readonly rows: number;
	readonly isTTY: true;
	/** `done` as a stream calls it once the data is written: Ink's waitUntilRenderFlush waits for it. */
	write(data: string, done?: () => void): boolean;
	/** Everything written since the last take, and forget it. */
	take(): string;
};

export function capturingStream(columns: number, rows: number): CapturingStream {
	let written = '';
	return {
		columns,
		rows,
		isTTY: true,
		write(data, done) {
			written += data;
			if (done) queueMicrotask(done);
			return true;
		},
		take() {
			const data = written;
			written = '';
			return data;
		},
	};
}

export type TerminalScreen = {
	write(data: string): Promise<void>;
	snapshot(): Screen;
	/** The rows as plain text. */
	lines(): string[];
	dispose(): void;
};

export function terminalScreen(columns: number, rows: number): TerminalScreen {
	const xterm = new Terminal({cols: columns, rows, allowProposedApi: true, convertEol: true, scrollback: 0});
	const cursorHidden = watchCursor(xterm);
	return {
		write: data => new Promise(resolve => xterm.write(data, resolve)),
		snapshot() {
			const buffer = xterm.buffer.active;
			const cell = buffer.getNullCell();
			const lines: string[] = [];
			for (let y = 0; y < rows; y++) {
				const line = buffer.getLine(buffer.viewportY + y);
				const cells: string[] = [];
				for (let x = 0; x < columns; x++) {
					line?.getCell(x, cell);
					const flags = [
						cell.isBold() ? 'b' : '',
						cell.isDim() ? 'd' : '',
						cell.isItalic() ? 'i' : '',
						cell.isUnderline() ? 'u' : '',
						cell.isInverse() ? 'r' : '',
						cell.isStrikethrough() ? 's' : '',
						cell.isInvisible() ? 'h' : '',
					].join('');
					const colours = `${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:${cell.getBgColor()}`;
					// An erased cell reads '' and a written space ' ': both are a blank in the default rendition.
					const glyph = cell.getChars() === '' && cell.getWidth() === 1 ? ' ' : cell.getChars();
					cells.push(`${JSON.stringify(glyph)}${cell.getWidth()}${flags}${colours}`);
				}
				lines.push(cells.join(' '));
			}
			return {
				rows: lines,
				cursorRow: buffer.cursorY,
				cursorColumn: buffer.cursorX,
				cursorHidden: cursorHidden(),
			};
		},
		lines() {
			const buffer = xterm.buffer.active;
			return Array.from(
				{length: rows},
				(_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
			);
		},
		dispose: () => xterm.dispose(),
	};
}

/** Ink 8's own log-update module (not among Ink's exports, so loaded by file). */
export async function inkLogUpdate(): Promise<LogUpdateModule> {
	const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));
	const module = (await import(pathToFileURL(path.join(inkBuild, 'log-update.js')).href)) as {
		default: LogUpdateModule;
	};
	return module.default;
}
