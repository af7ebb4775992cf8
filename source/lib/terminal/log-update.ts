// Ink 8's log-update (node_modules/ink/build/log-update.js) with the cell-level frame writer in its incremental
// renderer. The CLI bundle swaps it in for Ink's own module (scripts/ink-patch.js); the bench's hello keeps plain Ink.
// Ink's renderer stays underneath and keeps every behaviour the writer does not improve: the first frame, line
// count and width changes, a visible cursor (useCursor), clear/done/reset/sync. The writer only takes the common
// frame (same rows, same width, no cursor shown) and then tells Ink's renderer the frame is on screen (`sync`,
// which writes nothing while no cursor is shown), so both agree on what the terminal holds.
import {diffFrame} from './frame-diff.ts';

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
	// The frame Ink's renderer believes is on screen ('' when none), and the width it was drawn at.
	let onScreen = '';
	let columns = stream.columns;
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
		const frame =
			cursorHidden &&
			activeCursor === undefined &&
			inner.getCursorPosition() === undefined &&
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
		onScreen = text;
		columns = stream.columns;
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
