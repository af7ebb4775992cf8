// Renders a component the way the CLI draws it: Ink's real renderer with incremental rendering on a TTY-sized
// stream, through whichever log-update this process loaded (the shipped cell writer after installShippedInk()), into a
// headless xterm that is read back as text. ink-testing-library renders in debug mode, which writes whole frames
// and never reaches log-update.
import {EventEmitter} from 'node:events';
import type {ReactElement} from 'react';
import {capturingStream, terminalScreen} from './terminal-screen.ts';

export type ShippedMount = {
	/** The terminal's rows as text, trailing blanks trimmed. */
	screen(): Promise<string[]>;
	/** Bytes written to the terminal since the last call. */
	bytesWritten(): number;
	rerender(node: ReactElement): Promise<void>;
	unmount(): void;
};

export async function mountShipped(
	node: ReactElement,
	{columns, rows}: {columns: number; rows: number},
): Promise<ShippedMount> {
	const {render} = await import('ink');
	const stream = Object.assign(new EventEmitter(), capturingStream(columns, rows));
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		setRawMode: () => {},
		setEncoding: () => {},
		read: () => null,
		ref: () => {},
		unref: () => {},
		resume: () => {},
		pause: () => {},
	});
	const terminal = terminalScreen(columns, rows);
	let pending = 0;
	const take = async () => {
		const data = stream.take();
		pending += Buffer.byteLength(data);
		await terminal.write(data);
	};
	const instance = render(node, {
		stdout: stream as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		// As the CLI renders (commands/explorer.tsx); interactive even when CI=true.
		incrementalRendering: true,
		interactive: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	await instance.waitUntilRenderFlush();
	await take();
	return {
		async screen() {
			await take();
			return terminal.lines().map(line => line.trimEnd());
		},
		bytesWritten() {
			const bytes = pending;
			pending = 0;
			return bytes;
		},
		async rerender(next) {
			instance.rerender(next);
			await instance.waitUntilRenderFlush();
			await take();
		},
		unmount() {
			instance.unmount();
			instance.cleanup();
			terminal.dispose();
		},
	};
}
