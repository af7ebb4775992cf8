// Scans what a user could see or keep — every screen frame, every byte written to the terminal,
// stdout and stderr of piped commands — for the demo's secret values, and keeps the tally the
// hardening issue reports (frames and bytes scanned).
import assert from 'node:assert/strict';
import type {Term} from './pty.ts';

/** A secret and its distinctive parts: a leak of half a token is still a leak. */
export function needlesFor(secrets: readonly string[]): string[] {
	const out = new Set<string>();
	for (const secret of secrets) {
		out.add(secret);
		for (const part of secret.split(/[:@/]+/)) if (part.length >= 10) out.add(part);
	}
	return [...out];
}

/**
 * The text as written, and with wrapping undone: a token wrapped over two rows is still a leak. Rows are
 * joined whole, and pane by pane (a row split at the │ between panes, each pane's pieces joined down
 * the screen), with the spaces and borders at the edges of each piece dropped.
 */
export function unwrapped(text: string): string[] {
	const rows = text.split('\n');
	const edge = /^[\s│|]+|[\s│|]+$/g;
	const panes: string[][] = [];
	for (const row of rows) {
		row.split('│').forEach((piece, index) => (panes[index] ??= []).push(piece.replace(edge, '')));
	}
	return [text, rows.map(row => row.replace(edge, '')).join(''), ...panes.map(pane => pane.join(''))];
}

export type LeakScan = {
	/** Checks the visible screen now (one frame). */
	frame(term: Term, where: string): void;
	/** Checks one screen's text. */
	screen(screen: string, where: string): void;
	/** Checks a whole byte stream (terminal output, stdout, stderr). */
	text(text: string, where: string): void;
	/** Fails if any watched frame showed a secret. */
	assertNoLeaks(): void;
	readonly totals: {frames: number; bytes: number};
};

export function leakScan(secrets: readonly string[]): LeakScan {
	const needles = needlesFor(secrets);
	const totals = {frames: 0, bytes: 0};
	const leaks: string[] = [];
	const check = (haystack: string, where: string) => {
		for (const text of unwrapped(haystack)) {
			for (const needle of needles) {
				assert.ok(!text.includes(needle), `${where}: a secret (${needle.slice(0, 6)}…) is visible`);
			}
		}
	};
	return {
		frame(term, where) {
			totals.frames++;
			check(term.screen(), `frame ${totals.frames} (${where})`);
		},
		screen(screen, where) {
			totals.frames++;
			// Called from the terminal's parser callback: record, and let the test assert afterwards.
			try {
				check(screen, `frame ${totals.frames} (${where})`);
			} catch (error) {
				leaks.push(`${(error as Error).message}\n${screen}`);
			}
		},
		assertNoLeaks() {
			assert.deepEqual(leaks, [], 'no frame showed a secret');
		},
		text(text, where) {
			totals.bytes += Buffer.byteLength(text);
			check(text, where);
		},
		totals,
	};
}

/**
 * Scans the screen after every chunk of output the terminal parses (each frame Ink draws, however
 * short-lived) until the program exits. Distinct screens are counted as frames.
 */
export function watchFrames(term: Term, scan: LeakScan, where: string): void {
	let last = '';
	term
		.waitFor(
			screen => {
				if (screen !== last) {
					last = screen;
					scan.screen(screen, where);
				}
				return false;
			},
			{timeoutMs: 10 * 60_000},
		)
		.catch(() => undefined);
}

/** Presses a key and scans each frame until the screen settles. */
export async function pressAndScan(term: Term, scan: LeakScan, key: string, where: string): Promise<void> {
	const before = term.screen();
	term.write(key);
	await term.waitFor(screen => screen !== before, {timeoutMs: 300}).catch(() => undefined);
	await term.waitIdle(40);
	scan.frame(term, where);
}
