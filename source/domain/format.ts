// Small, pure formatting helpers shared by the list rows, the detail header and the components.
import type {Usage} from './types.ts';

const DAY_MS = 86_400_000;
// Intl objects load ICU data when built (a NumberFormat ~9 ms, measured): built on first use, which whole
// numbers never need, so the first frame does not pay for it.
let countFormat: Intl.NumberFormat | undefined;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "14:02Z" on the same UTC day as `nowMs`, "03-02 14:02Z" in the same year, else "2025-03-02". */
export function formatTimeUtc(ms: number, nowMs?: number): string {
	if (!Number.isFinite(ms)) return '--:--Z';
	const d = new Date(ms);
	const hm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}Z`;
	if (nowMs === undefined || !Number.isFinite(nowMs)) return hm;
	const now = new Date(nowMs);
	if (Math.floor(ms / DAY_MS) === Math.floor(nowMs / DAY_MS)) return hm;
	if (d.getUTCFullYear() === now.getUTCFullYear()) {
		return `${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${hm}`;
	}
	return d.toISOString().slice(0, 10);
}

/** "2026-03-02 14:02:11Z": the unambiguous form for the detail header. */
export function formatDateTimeUtc(ms: number): string {
	if (!Number.isFinite(ms)) return 'unknown time';
	return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** "3h ago"; "in 2m" when the server clock is ahead of ours. */
export function formatAge(ms: number, nowMs: number): string {
	if (!Number.isFinite(ms) || !Number.isFinite(nowMs)) return 'age unknown';
	const delta = nowMs - ms;
	const abs = Math.abs(delta);
	if (abs < 5_000) return 'just now';
	let amount: string;
	if (abs < 60_000) amount = `${Math.floor(abs / 1000)}s`;
	else if (abs < 3_600_000) amount = `${Math.floor(abs / 60_000)}m`;
	else if (abs < DAY_MS) amount = `${Math.floor(abs / 3_600_000)}h`;
	else if (abs < 60 * DAY_MS) amount = `${Math.floor(abs / DAY_MS)}d`;
	else if (abs < 365 * DAY_MS) amount = `${Math.floor(abs / (30 * DAY_MS))}mo`;
	else amount = `${Math.floor(abs / (365 * DAY_MS))}y`;
	return delta >= 0 ? `${amount} ago` : `in ${amount}`;
}

/** "5,000". Non-finite numbers are shown as "?" rather than "NaN". */
export function formatCount(n: number): string {
	if (!Number.isFinite(n)) return '?';
	if (Number.isSafeInteger(n) && !Object.is(n, -0)) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
	countFormat ??= new Intl.NumberFormat('en-US');
	return countFormat.format(n);
}

// Compact so that a 120k-token prompt does not eat the list row.
function compactTokens(n: number | undefined): string {
	if (n === undefined || !Number.isFinite(n)) return '…';
	if (Math.abs(n) < 10_000) return String(n);
	if (Math.abs(n) < 1_000_000) return `${Math.round(n / 1000)}k`;
	return `${(n / 1_000_000).toFixed(1)}M`;
}

/** "812→140"; "…" for a side the server has not reported (yet). */
export function formatTokens(usage: Usage | undefined): string {
	return `${compactTokens(usage?.inputTokens)}→${compactTokens(usage?.outputTokens)}`;
}

export type StateTone = 'ok' | 'running' | 'error' | 'unknown';
export type StateGlyph = {readonly glyph: string; readonly word: string; readonly tone: StateTone};

/** State as a glyph plus a word (never colour alone); unknown states are shown verbatim. */
export function stateGlyph(state: string): StateGlyph {
	switch (state) {
		case 'Processing':
			return {glyph: '…', word: 'running', tone: 'running'};
		case 'Completed':
			return {glyph: '✓', word: 'ok', tone: 'ok'};
		case 'Error':
			return {glyph: '✗', word: 'error', tone: 'error'};
		default:
			return {glyph: '?', word: state === '' ? 'unknown' : state, tone: 'unknown'};
	}
}

/** The first line that has something on it, trimmed. */
export function firstLine(text: string): string {
	// Bounded scan: a 200 KB prompt that starts with blank lines must not be split whole.
	let start = 0;
	while (start < text.length) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		const line = text.slice(start, end).trim();
		if (line !== '') return line;
		start = end + 1;
	}
	return '';
}
