// The programs a copy can be piped to: a desktop's clipboard tool, and tmux's own buffer. Detection reads the
// environment and PATH only; running one is the caller's choice.
import {execFile, spawn} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {delimiter, join} from 'node:path';
import type {Env} from './clipboard-osc52.ts';

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

/**
 * Whether a `tmux -V` answer ("tmux 3.3a", "tmux next-3.4", "tmux master") is 3.2 or later, the first with
 * `load-buffer -w`. A development build without a number is taken to be recent.
 */
export function tmuxHasLoadBufferW(version: string): boolean {
	const match = /(\d+)\.(\d+)/.exec(version);
	if (!match) return /\b(?:master|next)\b/.test(version);
	const [major, minor] = [Number(match[1]), Number(match[2])];
	return major > 3 || (major === 3 && minor >= 2);
}

const TMUX_VERSION_TIMEOUT_MS = 1000;

/** `tmux -V`, or undefined when it cannot be run. */
export function tmuxVersion(command: string): Promise<string | undefined> {
	return new Promise(resolve => {
		execFile(command, ['-V'], {timeout: TMUX_VERSION_TIMEOUT_MS}, (error, stdout) =>
			resolve(error ? undefined : stdout.trim()),
		);
	});
}

/**
 * Inside tmux 3.2+ with its binary on PATH: `tmux load-buffer -w -`, which fills tmux's buffer and, where tmux
 * knows the outer terminal takes OSC 52, that terminal's clipboard, with tmux's default settings (Neovim and
 * Helix copy the same way). tmux sets TERM_PROGRAM_VERSION in its panes since 3.2; `tmux -V` answers otherwise.
 */
export async function detectTmuxBuffer(
	env: Env,
	locate: (command: string) => string | undefined = command => findOnPath(command, env),
	version: (command: string) => Promise<string | undefined> = tmuxVersion,
): Promise<ClipboardTool | undefined> {
	if (!env.TMUX) return undefined;
	const command = locate('tmux');
	if (!command) return undefined;
	const known = env.TERM_PROGRAM === 'tmux' ? env.TERM_PROGRAM_VERSION : undefined;
	const answer = known ? `tmux ${known}` : await version(command);
	if (answer === undefined || !tmuxHasLoadBufferW(answer)) return undefined;
	return {name: 'tmux', command, args: ['load-buffer', '-w', '-']};
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
