// Ink 8's log-update (node_modules/ink/build/log-update.js) with the cell-level frame writer in its incremental
// renderer. The CLI bundle swaps it in for Ink's own module (scripts/ink-patch.js); the bench's hello keeps plain Ink.
// Ink's renderer stays underneath and keeps every behaviour the writer does not improve: the first frame, line
// count changes, a visible cursor (useCursor), clear/done/reset/sync. The writer only takes the common
// frame (same rows, same width, no cursor shown) and then tells Ink's renderer the frame is on screen (`sync`,
// which writes nothing while no cursor is shown), so both agree on what the terminal holds.
//
// A size change is the one place the writer draws more than Ink would. The explorer runs in the alternate screen, and
// after a resize neither Ink's relative erase nor a diff can know what the terminal made of the old frame (xterm.js,
// in VS Code and the browser consoles, keeps the cursor where a reflowing terminal would not, and the frame drawn in
// the resize handler still has the old layout, wider or taller than the screen). So from a size change until a
// frame that fits has been drawn, every frame erases the screen from its top-left corner and is drawn whole.
import stringWidth from 'string-width';
import {diffFrame} from './frame-diff.ts';

/** Cursor to the top-left cell, erase to the end of the screen: what Ink writes for a full clear. */
export const HOME_AND_ERASE_DOWN = '\u001B[H\u001B[J';

/** Whether `text` lies on a screen of this size as written: no line wider, no more lines. */
export function frameFits(text: string, columns: number, rows: number | undefined): boolean {
	const lines = text.split('\n');
	if (text.endsWith('\n')) lines.pop();
	if (rows !== undefined && lines.length > rows) return false;
	return lines.every(line => stringWidth(line) <= columns);
}

export type CursorPosition = {readonly x: number; readonly y: number};

/** The stream Ink renders to (its stdout): only what log-update reads of it. */
export type FrameStream = {
	write(data: string): unknown;
	readonly columns?: number;
	readonly rows?: number;
	readonly isTTY?: boolean;
};

export type LogUpdate = {
	(text: string): boolean;
	clear(): void;
	done(): void;
	reset(): void;
	sync(text: string): void;
	setCursorPosition(position: CursorPosition | undefined): void;
	isCursorDirty(): boolean;
	willRender(text: string): boolean;
	getCursorPosition(): CursorPosition | undefined;
};

export type LogUpdateOptions = {readonly showCursor?: boolean; readonly incremental?: boolean};

export type LogUpdateModule = {create(stream: FrameStream, options?: LogUpdateOptions): LogUpdate};

/** Ink's log-update module, with incremental renderers that write changed cells only. */
export function withCellWriter(ink: LogUpdateModule): LogUpdateModule {
	return {
		create(stream, options = {}) {
			const inner = ink.create(stream, options);
			return options.incremental ? cellWriter(stream, inner, options.showCursor ?? false) : inner;
		},
	};
}

function cellWriter(stream: FrameStream, inner: LogUpdate, showCursor: boolean): LogUpdate {
	// The frame Ink's renderer believes is on screen ('' when none), and the size it was drawn at.
	let onScreen = '';
	let columns = stream.columns;
	let rows = stream.rows;
	// Whether a frame was ever drawn, and whether the screen may differ from it (a size change, or a frame that
	// did not fit since).
	let drawn = false;
	let unsettled = false;
	let cursorPosition: CursorPosition | undefined;
	// Ink hides the terminal cursor on its renderer's first call (and registers its restore on exit): leave
	// frames to it until then.
	let cursorHidden = showCursor;

	const render = ((text: string): boolean => {
		if (!inner.willRender(text)) {
			if (!showCursor) cursorHidden = true;
			return inner(text);
		}
		const activeCursor = inner.isCursorDirty() ? cursorPosition : undefined;
		const ownsScreen = cursorHidden && activeCursor === undefined && inner.getCursorPosition() === undefined;
		if (stream.columns !== columns || stream.rows !== rows) unsettled = drawn;
		if (unsettled && ownsScreen && stream.columns !== undefined) {
			columns = stream.columns;
			rows = stream.rows;
			onScreen = text;
			unsettled = !frameFits(text, columns, rows);
			stream.write(HOME_AND_ERASE_DOWN + text);
			inner.sync(text);
			return true;
		}
		drawn = true;
		const frame =
			ownsScreen &&
			!unsettled &&
			onScreen !== '' &&
			text !== '\n' &&
			stream.columns !== undefined &&
			stream.columns === columns
				? diffFrame(onScreen, text, {
						columns: stream.columns,
						...(stream.rows === undefined ? {} : {rows: stream.rows}),
					})
				: undefined;
		columns = stream.columns;
		rows = stream.rows;
		onScreen = text;
		if (frame === undefined) {
			if (!showCursor) cursorHidden = true;
			return inner(text);
		}
		if (frame !== '') stream.write(frame);
		inner.sync(text);
		return true;
	}) as LogUpdate;

	render.clear = () => {
		onScreen = '';
		inner.clear();
	};
	render.done = () => {
		onScreen = '';
		cursorHidden = showCursor;
		inner.done();
	};
	render.reset = () => {
		onScreen = '';
		inner.reset();
	};
	render.sync = text => {
		// Ink drew this frame itself (a full clear from the top): it is on screen if it fits.
		onScreen = text;
		columns = stream.columns;
		rows = stream.rows;
		drawn = true;
		unsettled = columns !== undefined && !frameFits(text, columns, rows);
		inner.sync(text);
	};
	render.setCursorPosition = position => {
		cursorPosition = position;
		inner.setCursorPosition(position);
	};
	render.isCursorDirty = () => inner.isCursorDirty();
	render.willRender = text => inner.willRender(text);
	render.getCursorPosition = () => inner.getCursorPosition();
	return render;
}
