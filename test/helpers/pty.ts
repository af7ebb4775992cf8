// Drives a program in a real pseudo-terminal and renders its output in a headless xterm, so tests and the
// bench see what a user would see (and every byte that produced it), not what Ink meant to draw.
import ptyModule from '@lydell/node-pty';
import xtermModule from '@xterm/headless';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import type {IPty} from '@lydell/node-pty';

const {Terminal} = xtermModule;

export type Matcher = string | RegExp | ((screen: string) => boolean);

export type WaitOptions = {readonly timeoutMs?: number};

export type SpawnOptions = {
	readonly args: readonly string[];
	readonly cols?: number;
	readonly rows?: number;
	readonly env?: Readonly<Record<string, string>>;
	readonly cwd?: string;
	/** Defaults to process.execPath: the pinned Node, whatever `node` is on PATH. */
	readonly command?: string;
};

export type Exit = {readonly exitCode: number; readonly signal?: number};

export type Term = {
	readonly pid: number;
	/** performance.now() just before the spawn, for startup timings. */
	readonly spawnedAt: number;
	/** The visible screen, one line per row, trailing spaces trimmed. */
	screen(): string;
	line(n: number): string;
	/** Every byte the program wrote so far, decoded as UTF-8. */
	raw(): string;
	/** A byte offset into the output, for rawSince/bytesSince. */
	mark(): number;
	rawSince(mark: number): string;
	bytesSince(mark: number): number;
	/** performance.now() of the last output chunk (or of the spawn). */
	lastOutputAt(): number;
	/** Resolves with the performance.now() arrival time of the output chunk that made the match true. */
	waitFor(match: Matcher, options?: WaitOptions): Promise<number>;
	waitForNot(match: Matcher, options?: WaitOptions): Promise<number>;
	/** Resolves once the program has written nothing for quietMs. */
	waitIdle(quietMs?: number, options?: WaitOptions): Promise<void>;
	press(keys: string | readonly string[], options?: {readonly gapMs?: number}): Promise<void>;
	write(data: string): void;
	resize(cols: number, rows: number): void;
	isAlternateScreen(): boolean;
	cursorHidden(): boolean;
	readonly exit: Promise<Exit>;
	exited(): boolean;
	kill(signal?: string): void;
};

export const keys = {
	down: '\u001B[B',
	up: '\u001B[A',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	esc: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
	ctrlC: '\u0003',
	backspace: '\u007F',
} as const;

const live = new Set<Term>();

/** Kills every terminal still running; call it from `after()` so a failed test leaves no child behind. */
export async function closeAll(): Promise<void> {
	const pending = [...live].map(async term => {
		term.kill('SIGKILL');
		await Promise.race([term.exit, delay(2000)]);
	});
	await Promise.all(pending);
}

process.once('exit', () => {
	for (const term of live) term.kill('SIGKILL');
});

let scratchDirectory: string | undefined;
function scratch(): string {
	scratchDirectory ??= mkdtempSync(path.join(os.tmpdir(), 'zylon-tui-pty-'));
	return scratchDirectory;
}

function delay(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

function childEnv(extra: Readonly<Record<string, string>> | undefined): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		// The developer's own connection settings must not leak into a test's child, nor the tmux or screen the
		// tests run in (a copy would go to its buffer, not through the pty).
		if (value !== undefined && !name.startsWith('ZYLON_') && !['TMUX', 'STY'].includes(name))
			env[name] = value;
	}
	// Ink draws nothing interactive when CI is set (field notes §2.2). The program's remembered state
	// (user ids, filters) goes to a directory of this test run, never the developer's home.
	return {
		...env,
		CI: 'false',
		TERM: 'xterm-256color',
		XDG_CACHE_HOME: scratch(),
		XDG_STATE_HOME: scratch(),
		...extra,
	};
}

function describe(match: Matcher): string {
	return typeof match === 'function' ? `predicate ${match.name || '(anonymous)'}` : String(match);
}

function test(match: Matcher, screen: string): boolean {
	if (typeof match === 'string') return screen.includes(match);
	if (match instanceof RegExp) return match.test(screen);
	return match(screen);
}

type Waiter = {check(at: number): void; fail(reason: string): void};

/**
 * Whether the program has hidden the cursor (DECTCEM), tracked through xterm's parser so a sequence split across
 * chunks is still seen; returning false lets xterm's own handler run as well.
 */
export function watchCursor(xterm: InstanceType<typeof Terminal>): () => boolean {
	let hidden = false;
	const onMode = (set: boolean) => (params: (number | number[])[]) => {
		if (params.includes(25)) hidden = !set;
		return false;
	};
	xterm.parser.registerCsiHandler({prefix: '?', final: 'h'}, onMode(true));
	xterm.parser.registerCsiHandler({prefix: '?', final: 'l'}, onMode(false));
	return () => hidden;
}

export async function spawnTerminal(options: SpawnOptions): Promise<Term> {
	const cols = options.cols ?? 100;
	const rows = options.rows ?? 30;
	const xterm = new Terminal({cols, rows, allowProposedApi: true, scrollback: 1000});
	const hidden = watchCursor(xterm);

	const spawnedAt = performance.now();
	const child: IPty = ptyModule.spawn(options.command ?? process.execPath, [...options.args], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env: childEnv(options.env),
		encoding: null,
	});

	const chunks: Buffer[] = [];
	let byteCount = 0;
	let lastAt = spawnedAt;
	let exitInfo: Exit | undefined;
	const waiters = new Set<Waiter>();
	const checkAll = (at: number) => {
		for (const waiter of waiters) waiter.check(at);
	};

	child.onData(data => {
		const at = performance.now();
		const bytes = typeof data === 'string' ? Buffer.from(data) : (data as unknown as Buffer);
		chunks.push(bytes);
		byteCount += bytes.length;
		lastAt = at;
		// The write callback fires once xterm has parsed this chunk, so the screen then reflects it.
		xterm.write(bytes, () => checkAll(at));
	});
	// A real terminal answers queries (cursor position, device attributes); programs may wait for them.
	xterm.onData(reply => {
		if (!exitInfo) child.write(reply);
	});

	const exit = new Promise<Exit>(resolve => {
		child.onExit(async info => {
			exitInfo = info.signal ? {exitCode: info.exitCode, signal: info.signal} : {exitCode: info.exitCode};
			live.delete(term);
			// node-pty can report the exit before the last output is read: drain it, then let xterm finish
			// parsing before waiters give up.
			const drainUntil = performance.now() + 500;
			while (performance.now() - lastAt < 30 && performance.now() < drainUntil) await delay(10);
			xterm.write('', () => {
				checkAll(performance.now());
				for (const waiter of waiters) waiter.fail(`the program exited (code ${info.exitCode})`);
				xterm.dispose();
				resolve(exitInfo!);
			});
		});
	});

	const screen = () => {
		const buffer = xterm.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < xterm.rows; y++) {
			lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
		}
		return lines.join('\n');
	};
	const dump = () => {
		const text = screen().replace(/\n+$/, '');
		return `--- screen ${xterm.cols}x${xterm.rows} ---\n${text}\n--- end of screen ---`;
	};

	const waitUntil = (ok: () => boolean, what: string, timeoutMs: number) =>
		new Promise<number>((resolve, reject) => {
			if (ok()) {
				resolve(lastAt);
				return;
			}
			// Resize and other state changes can make a match true without new output.
			const poll = setInterval(() => waiter.check(performance.now()), 50);
			const timer = setTimeout(() => waiter.fail(`timed out after ${timeoutMs} ms`), timeoutMs);
			const done = () => {
				clearInterval(poll);
				clearTimeout(timer);
				waiters.delete(waiter);
			};
			const waiter: Waiter = {
				check(at) {
					if (!ok()) return;
					done();
					resolve(at);
				},
				fail(reason) {
					done();
					reject(new Error(`waiting for ${what}: ${reason}\n${dump()}`));
				},
			};
			waiters.add(waiter);
		});

	const term: Term = {
		pid: child.pid,
		spawnedAt,
		screen,
		line: n => screen().split('\n')[n] ?? '',
		raw: () => Buffer.concat(chunks).toString('utf8'),
		mark: () => byteCount,
		rawSince: mark => Buffer.concat(chunks).subarray(mark).toString('utf8'),
		bytesSince: mark => byteCount - mark,
		lastOutputAt: () => lastAt,
		waitFor: (match, {timeoutMs = 10_000} = {}) =>
			waitUntil(() => test(match, screen()), describe(match), timeoutMs),
		waitForNot: (match, {timeoutMs = 10_000} = {}) =>
			waitUntil(() => !test(match, screen()), `not ${describe(match)}`, timeoutMs),
		async waitIdle(quietMs = 100, {timeoutMs = 5000} = {}) {
			const deadline = performance.now() + timeoutMs;
			for (;;) {
				const quiet = performance.now() - lastAt;
				if (quiet >= quietMs) return;
				if (performance.now() >= deadline) {
					throw new Error(`waiting for ${quietMs} ms of quiet: timed out after ${timeoutMs} ms\n${dump()}`);
				}
				await delay(Math.max(1, quietMs - quiet));
			}
		},
		async press(input, {gapMs = 0} = {}) {
			const sequence = typeof input === 'string' ? [input] : input;
			for (const [index, key] of sequence.entries()) {
				if (index > 0) await delay(gapMs);
				term.write(key);
			}
		},
		write(data) {
			if (exitInfo)
				throw new Error(`cannot write: the program exited (code ${exitInfo.exitCode})\n${dump()}`);
			child.write(data);
		},
		resize(newCols, newRows) {
			xterm.resize(newCols, newRows);
			if (!exitInfo) child.resize(newCols, newRows);
		},
		isAlternateScreen: () => xterm.buffer.active.type === 'alternate',
		cursorHidden: hidden,
		exit,
		exited: () => exitInfo !== undefined,
		kill(signal = 'SIGTERM') {
			if (exitInfo) return;
			try {
				child.kill(signal);
			} catch {
				// Already gone between the check and the signal.
			}
		},
	};
	live.add(term);
	return term;
}
