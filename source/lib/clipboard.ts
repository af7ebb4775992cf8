// `y` copies. On a desktop a clipboard tool is the most reliable; inside tmux, tmux's own buffer (which tmux
// forwards to the outer terminal); otherwise only the terminal can reach the user's clipboard (OSC 52), which never
// says whether it took the text. Every effect is injected so that the tests can assert the exact bytes without a
// terminal, and the footer names the route actually taken and what is not known about it.
import {open} from 'node:fs/promises';
import {formatBytes} from './bytes.ts';
import {multiplexer, osc52Sequence, type Env} from './clipboard-osc52.ts';
import {
	detectClipboardTool,
	detectTmuxBuffer,
	runClipboardTool,
	type ClipboardTool,
} from './clipboard-tools.ts';
import {writeTempFile} from './temp-file.ts';

export {formatBytes} from './bytes.ts';
export {osc52Sequence, SCREEN_CHUNK_BYTES} from './clipboard-osc52.ts';
export type {Env} from './clipboard-osc52.ts';
export {
	detectClipboardTool,
	detectTmuxBuffer,
	findOnPath,
	tmuxHasLoadBufferW,
	type ClipboardTool,
} from './clipboard-tools.ts';

export const isRemote = (env: Env) => Boolean(env.SSH_TTY || env.SSH_CONNECTION || env.SSH_CLIENT);

/** The environment variable that picks the route; see the readme. */
const CLIPBOARD_ENV = 'ZYLON_CLIPBOARD';
export const CLIPBOARD_MODES = ['auto', 'osc52', 'passthrough'] as const;
export type ClipboardMode = (typeof CLIPBOARD_MODES)[number];

/** The mode ZYLON_CLIPBOARD asks for; an unknown value is named back to the user and auto is used. */
export function clipboardMode(env: Env): {readonly mode: ClipboardMode; readonly problem?: string} {
	const value = env[CLIPBOARD_ENV]?.trim().toLowerCase();
	if (!value) return {mode: 'auto'};
	const mode = CLIPBOARD_MODES.find(known => known === value);
	if (mode) return {mode};
	return {
		mode: 'auto',
		problem: `${CLIPBOARD_ENV} must be ${CLIPBOARD_MODES.join(', ')} (not "${value.slice(0, 20)}")`,
	};
}

export type CopyIo = {
	readonly env: Env;
	/** Writes to the controlling terminal; false when there is none. */
	readonly writeTty: (sequence: string) => Promise<boolean>;
	/** Writes a private file and returns its path. */
	readonly writeFile: (text: string) => Promise<string>;
	/** Pipes `text` to the tool; false when it failed. */
	readonly runClipboardTool: (tool: ClipboardTool, text: string) => Promise<boolean>;
	/** Default: detectClipboardTool(env). */
	readonly findTool?: () => ClipboardTool | undefined;
	/** Default: detectTmuxBuffer(env). */
	readonly findTmux?: () => Promise<ClipboardTool | undefined>;
	readonly maxSequenceBytes?: number;
};

export type CopyResult = {
	readonly method: 'tool' | 'tmux' | 'osc52' | 'file';
	/** For the footer: "copied 1.2 kB via xclip", "sent 1.2 kB via OSC 52 (unconfirmed: …)". */
	readonly detail: string;
	readonly bytes: number;
	/** Set when method is 'file'. */
	readonly path?: string;
};

/** After "sent 36 B via OSC 52": what is not known, and the one setting that would make it work. */
function osc52Route(env: Env, passthrough: boolean): string {
	switch (multiplexer(env)) {
		case 'tmux':
			return passthrough
				? 'via OSC 52 in tmux passthrough (unconfirmed: needs tmux set -g allow-passthrough on)'
				: 'via OSC 52 (unconfirmed: tmux passes it on only with set -g set-clipboard on)';
		case 'screen':
			return 'via OSC 52 through screen (unconfirmed: the terminal must allow OSC 52)';
		case 'none':
			return 'via OSC 52 (unconfirmed: the terminal must allow OSC 52)';
	}
}

const withProblem = (detail: string, problem: string | undefined) =>
	problem ? `${detail} · ${problem}` : detail;

export async function copyText(text: string, io: CopyIo): Promise<CopyResult> {
	const bytes = Buffer.byteLength(text, 'utf8');
	const size = formatBytes(bytes);
	const {mode, problem} = clipboardMode(io.env);
	if (mode === 'auto') {
		// Over SSH a local tool would fill the server's clipboard, not the user's.
		const tool = isRemote(io.env) ? undefined : (io.findTool ?? (() => detectClipboardTool(io.env)))();
		if (tool && (await io.runClipboardTool(tool, text))) {
			return {method: 'tool', detail: withProblem(`copied ${size} via ${tool.name}`, problem), bytes};
		}
		const tmux = await (io.findTmux ?? (() => detectTmuxBuffer(io.env)))();
		if (tmux && (await io.runClipboardTool(tmux, text))) {
			// The buffer surely holds it; the outer clipboard only if tmux knows the terminal takes OSC 52.
			const detail = `copied ${size} to the tmux buffer (outer clipboard unconfirmed: tmux set -as terminal-features ',*:clipboard')`;
			return {method: 'tmux', detail: withProblem(detail, problem), bytes};
		}
	}

	let reason = `too large for the clipboard (${size})`;
	if (io.env.TERM === 'dumb') reason = 'no clipboard (TERM=dumb)';
	else {
		const passthrough = mode === 'passthrough';
		const sequence = osc52Sequence(text, io.env, {
			passthrough,
			...(io.maxSequenceBytes === undefined ? {} : {maxBytes: io.maxSequenceBytes}),
		});
		if (sequence !== undefined) {
			if (await io.writeTty(sequence)) {
				const detail = `sent ${size} ${osc52Route(io.env, passthrough)}`;
				return {method: 'osc52', detail: withProblem(detail, problem), bytes};
			}
			reason = 'no terminal to copy through';
		}
	}
	const path = await io.writeFile(text);
	return {method: 'file', detail: withProblem(`${reason}: written to ${path}`, problem), bytes, path};
}

// Wait at most this long for /dev/tty: on some systems opening it blocks without a controlling terminal.
const TTY_OPEN_TIMEOUT_MS = 100;

/** The controlling terminal (/dev/tty), else stderr when it is a terminal: never piped stdout. */
export async function writeControllingTty(sequence: string): Promise<boolean> {
	if (process.platform !== 'win32') {
		let timer: NodeJS.Timeout | undefined;
		const opening = open('/dev/tty', 'w');
		const handle = await Promise.race([
			opening.catch(() => undefined),
			new Promise<undefined>(resolve => {
				timer = setTimeout(() => resolve(undefined), TTY_OPEN_TIMEOUT_MS);
			}),
		]);
		clearTimeout(timer);
		if (handle) {
			try {
				await handle.write(sequence);
				return true;
			} catch {
				// fall through to stderr
			} finally {
				await handle.close();
			}
		} else {
			void opening.then(late => late.close()).catch(() => undefined);
		}
	}
	if (!process.stderr.isTTY) return false;
	process.stderr.write(sequence);
	return true;
}

/** The real I/O: /dev/tty, PATH-detected tools and tmux, a 0600 file in os.tmpdir() with `extension`. */
export function defaultCopyIo(extension = 'txt', env: Env = process.env): CopyIo {
	return {
		env,
		writeTty: writeControllingTty,
		writeFile: text => writeTempFile(text, extension),
		runClipboardTool,
	};
}
