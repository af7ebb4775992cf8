// `y` copies: the user is usually on SSH, where only the terminal can reach their clipboard (OSC 52);
// on a desktop a clipboard tool is more reliable. Every effect is injected so that the tests can
// assert the exact bytes without a terminal. The only OSC 52 this app ever writes is built here, from
// content the user chose to copy; reading the clipboard (`52;c;?`) is never implemented.
import {spawn} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import {writeTempFile} from './temp-file.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** Terminals drop larger payloads silently, which would look like a successful copy. */
export const OSC52_MAX_BYTES = 100_000;
/** GNU screen truncates string sequences (768 bytes since 2014); stay well under. */
export const SCREEN_CHUNK_BYTES = 240;

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

export type Multiplexer = 'tmux' | 'screen' | 'none';

export function multiplexer(env: Env): Multiplexer {
	// tmux sets TERM=screen*, so TMUX is checked first.
	if (env.TMUX) return 'tmux';
	if (env.STY || env.TERM?.startsWith('screen')) return 'screen';
	return 'none';
}

/** The bytes that ask the terminal to put `text` on the clipboard, or undefined when over `maxBytes`. */
export function osc52Sequence(text: string, env: Env, maxBytes = OSC52_MAX_BYTES): string | undefined {
	const plain = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
	let sequence: string;
	switch (multiplexer(env)) {
		case 'tmux':
			sequence = `${ESC}Ptmux;${plain.replaceAll(ESC, ESC + ESC)}${ST}`;
			break;
		case 'screen': {
			const chunks: string[] = [];
			for (let i = 0; i < plain.length; i += SCREEN_CHUNK_BYTES) {
				chunks.push(`${ESC}P${plain.slice(i, i + SCREEN_CHUNK_BYTES)}${ST}`);
			}
			sequence = chunks.join('');
			break;
		}
		case 'none':
			sequence = plain;
	}
	// Pure ASCII (base64 and escapes), so string length is the byte count.
	return sequence.length > maxBytes ? undefined : sequence;
}

export type ClipboardTool = {
	readonly name: string;
	readonly command: string;
	readonly args: readonly string[];
};

const TOOLS = {
	pbcopy: {name: 'pbcopy', command: 'pbcopy', args: []},
	wlCopy: {name: 'wl-copy', command: 'wl-copy', args: []},
	xclip: {name: 'xclip', command: 'xclip', args: ['-selection', 'clipboard']},
	xsel: {name: 'xsel', command: 'xsel', args: ['--clipboard', '--input']},
} as const satisfies Record<string, ClipboardTool>;

/** The executable's full path on env.PATH, so that the tool run is the one detected. */
export function findOnPath(command: string, env: Env): string | undefined {
	for (const dir of (env.PATH ?? '').split(delimiter)) {
		if (!dir) continue;
		const path = join(dir, command);
		try {
			accessSync(path, constants.X_OK);
			return path;
		} catch {
			// not in this directory
		}
	}
	return undefined;
}

/** The local clipboard tool to use, if one is installed and has a display to talk to. */
export function detectClipboardTool(
	env: Env,
	platform: NodeJS.Platform = process.platform,
	locate: (command: string) => string | undefined = command => findOnPath(command, env),
): ClipboardTool | undefined {
	const candidates: ClipboardTool[] = [];
	if (platform === 'darwin') candidates.push(TOOLS.pbcopy);
	// Without a display the X and Wayland tools fail or hang, so they are only candidates with one.
	if (env.WAYLAND_DISPLAY) candidates.push(TOOLS.wlCopy);
	if (env.DISPLAY) candidates.push(TOOLS.xclip, TOOLS.xsel);
	for (const tool of candidates) {
		const path = locate(tool.command);
		if (path) return {...tool, command: path};
	}
	return undefined;
}

export const isRemote = (env: Env) => Boolean(env.SSH_TTY || env.SSH_CONNECTION || env.SSH_CLIENT);

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
	readonly maxSequenceBytes?: number;
};

export type CopyResult = {
	readonly method: 'osc52' | 'tool' | 'file';
	/** For the footer: "copied 1.2 kB via OSC 52". */
	readonly detail: string;
	readonly bytes: number;
	/** Set when method is 'file'. */
	readonly path?: string;
};

/** "812 B", "1.2 kB", "3.4 MB" (decimal units, as terminals and file managers show them). */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
	return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export async function copyText(text: string, io: CopyIo): Promise<CopyResult> {
	const bytes = Buffer.byteLength(text, 'utf8');
	const size = formatBytes(bytes);
	// Over SSH a local tool would fill the server's clipboard, not the user's.
	const tool = isRemote(io.env) ? undefined : (io.findTool ?? (() => detectClipboardTool(io.env)))();
	if (tool && (await io.runClipboardTool(tool, text))) {
		return {method: 'tool', detail: `copied ${size} via ${tool.name}`, bytes};
	}

	let reason = `too large for the clipboard (${size})`;
	if (io.env.TERM === 'dumb') reason = 'no clipboard (TERM=dumb)';
	else {
		const sequence = osc52Sequence(text, io.env, io.maxSequenceBytes);
		if (sequence !== undefined) {
			if (await io.writeTty(sequence)) {
				// The terminal never acknowledges, and many disable OSC 52: say what was attempted.
				return {method: 'osc52', detail: `copied ${size} via OSC 52`, bytes};
			}
			reason = 'no terminal to copy through';
		}
	}
	const path = await io.writeFile(text);
	return {method: 'file', detail: `${reason}: written to ${path}`, bytes, path};
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

const TOOL_TIMEOUT_MS = 3000;

export function runClipboardTool(tool: ClipboardTool, text: string): Promise<boolean> {
	return new Promise(resolve => {
		// stdout/stderr ignored: xclip and wl-copy fork a child that keeps the selection alive, and a pipe
		// held open by that child would keep us waiting.
		const child = spawn(tool.command, tool.args, {
			stdio: ['pipe', 'ignore', 'ignore'],
			timeout: TOOL_TIMEOUT_MS,
		});
		child.once('error', () => resolve(false));
		child.once('exit', code => resolve(code === 0));
		child.stdin.once('error', () => resolve(false));
		child.stdin.end(text);
	});
}

/** The real I/O: /dev/tty, PATH-detected tools, a 0600 file in os.tmpdir() with `extension`. */
export function defaultCopyIo(extension = 'txt', env: Env = process.env): CopyIo {
	return {
		env,
		writeTty: writeControllingTty,
		writeFile: text => writeTempFile(text, extension),
		runClipboardTool,
	};
}
