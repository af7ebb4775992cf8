// Long transcripts and raw JSON go to the user's pager, which searches and scrolls better than any pane.
// $PAGER is split into argv here, never handed to a shell, so a value like `less; rm -rf ~` runs a
// program called `less;` (and fails) rather than anything else.
import {spawn} from 'node:child_process';
import {rm} from 'node:fs/promises';
import type {Env} from './clipboard.ts';
import {writeTempFile} from './temp-file.ts';

export const DEFAULT_PAGER: readonly string[] = ['less', '-R'];

/**
 * POSIX-shell-like word splitting without expansion: whitespace separates words, '…' is literal,
 * "…" honours \" \\ \$ \`, a backslash outside quotes escapes the next character. Undefined when a
 * quote is left open or the value is empty.
 */
export function splitCommand(value: string): string[] | undefined {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	for (let i = 0; i < value.length; i++) {
		const char = value[i]!;
		if (/\s/.test(char)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
			continue;
		}
		inWord = true;
		if (char === "'") {
			const close = value.indexOf("'", i + 1);
			if (close === -1) return undefined;
			word += value.slice(i + 1, close);
			i = close;
		} else if (char === '"') {
			let j = i + 1;
			for (; j < value.length && value[j] !== '"'; j++) {
				if (value[j] === '\\' && '"\\$`'.includes(value[j + 1] ?? '')) j++;
				word += value[j];
			}
			if (j >= value.length) return undefined;
			i = j;
		} else if (char === '\\') {
			if (i + 1 < value.length) word += value[++i];
		} else {
			word += char;
		}
	}
	if (inWord) words.push(word);
	return words.length > 0 ? words : undefined;
}

/** argv for $PAGER, or `less -R` when it is unset, blank or does not split cleanly. */
export function pagerCommand(env: Env): readonly string[] {
	const configured = env.PAGER?.trim();
	return (configured && splitCommand(configured)) || DEFAULT_PAGER;
}

/** Ink's suspendTerminal (or anything that runs the callback with the terminal handed over). */
export type Suspend = (run: () => Promise<void>) => Promise<void>;

export type PagerOptions = {
	readonly suspend?: Suspend;
	readonly env?: Env;
	/** File extension, so pagers and editors that highlight by name get it right. */
	readonly extension?: string;
};

export class PagerError extends Error {
	constructor(
		message: string,
		readonly argv: readonly string[],
	) {
		super(message);
		this.name = 'PagerError';
	}
}

function run(argv: readonly string[], path: string, env: Env): Promise<number | null> {
	return new Promise((resolve, reject) => {
		const [command, ...args] = argv;
		const child = spawn(command!, [...args, path], {
			stdio: 'inherit',
			// less shows UTF-8 as <E2><9C><93> under a C locale unless told otherwise.
			env: {...env, LESSCHARSET: env.LESSCHARSET ?? 'utf-8'},
		});
		child.once('error', error => {
			const code = (error as NodeJS.ErrnoException).code;
			reject(
				new PagerError(
					code === 'ENOENT'
						? `pager '${command}' not found (set PAGER to one that is installed)`
						: `pager '${command}' failed to start: ${error.message}`,
					argv,
				),
			);
		});
		child.once('exit', code => resolve(code));
	});
}

/**
 * Shows `text` in the pager with the terminal handed over, and waits for it to exit. The text goes
 * through a private temp file (not stdin) so that the pager keeps the terminal as its input, and the
 * file is removed whatever happens. Resolves to the pager's exit code.
 */
export async function openInPager(text: string, options: PagerOptions = {}): Promise<number | null> {
	const env = options.env ?? process.env;
	const argv = pagerCommand(env);
	const path = await writeTempFile(text, options.extension ?? 'txt');
	let exitCode: number | null = null;
	try {
		const suspend = options.suspend ?? (async (callback: () => Promise<void>) => callback());
		await suspend(async () => {
			exitCode = await run(argv, path, env);
		});
	} finally {
		await rm(path, {force: true});
	}
	return exitCode;
}
