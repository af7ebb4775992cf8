// The time window every project-wide view respects: `--since`/`--until` on the command line, the `w` key's
// cycle in the explorer, and the header's label. Bounds are kept as typed (an age or an instant) and resolved
// against a `now` only when used, so a relative window keeps moving with follow mode and a long scan.
import {parseTime, type TimeValue} from './filter.ts';

export type TimeWindow = {
	/** Inclusive older edge: interactions created at or after it. Absent: no older edge. */
	readonly since?: TimeValue;
	/** Exclusive newer edge: interactions created before it. Absent: up to now and beyond. */
	readonly until?: TimeValue;
	/** What the user typed, e.g. "6h" or "2026-03-02T14:00Z", for messages. */
	readonly sinceText?: string;
	readonly untilText?: string;
};

/** A window resolved against one instant: plain milliseconds since the epoch. */
export type ResolvedWindow = {readonly sinceMs?: number; readonly untilMs?: number};

export const ALL_TIME: TimeWindow = {};

/** The `w` key's cycle, in order; `all` is the empty window. */
export const WINDOW_CYCLE = ['15m', '1h', '6h', '24h', '7d', 'all'] as const;
export type WindowPreset = (typeof WINDOW_CYCLE)[number];

export type WindowParse =
	{readonly ok: true; readonly window: TimeWindow} | {readonly ok: false; readonly message: string};

const BOUND_HELP = 'an age like 90m, 6h or 2d, or a UTC date like 2026-03-02 or 2026-03-02T14:00';

/**
 * `--since` / `--until` → a window. Either may be absent. An age means "this long before now"; a date
 * without a zone is UTC, as every time the explorer shows is.
 */
export function parseWindow(flags: {readonly since?: string; readonly until?: string}): WindowParse {
	const read = (name: string, text: string | undefined): TimeValue | string | undefined => {
		if (text === undefined || text.trim() === '') return undefined;
		const value = parseTime(text.trim());
		return value ?? `--${name} "${text}" is not ${BOUND_HELP}`;
	};
	const since = read('since', flags.since);
	const until = read('until', flags.until);
	if (typeof since === 'string') return {ok: false, message: since};
	if (typeof until === 'string') return {ok: false, message: until};
	const window: TimeWindow = {
		...(since ? {since, sinceText: flags.since!.trim()} : {}),
		...(until ? {until, untilText: flags.until!.trim()} : {}),
	};
	// Checked against one instant: two ages or two dates compare the same way at any time.
	const resolved = resolveWindow(window, Date.now());
	if (
		resolved.sinceMs !== undefined &&
		resolved.untilMs !== undefined &&
		resolved.sinceMs >= resolved.untilMs
	) {
		return {
			ok: false,
			message: `--since ${flags.since} is not before --until ${flags.until}: the window would be empty`,
		};
	}
	return {ok: true, window};
}

const instant = (value: TimeValue, nowMs: number): number =>
	value.kind === 'ago' ? nowMs - value.ms : value.ms;

export function resolveWindow(window: TimeWindow, nowMs: number): ResolvedWindow {
	return {
		...(window.since ? {sinceMs: instant(window.since, nowMs)} : {}),
		...(window.until ? {untilMs: instant(window.until, nowMs)} : {}),
	};
}

export const isAllTime = (window: TimeWindow): boolean => !window.since && !window.until;

/** Whether an interaction created at `ms` lies in the window. An unknown time (NaN) lies in every window. */
export function inWindow(window: ResolvedWindow, ms: number): boolean {
	if (!Number.isFinite(ms)) return true;
	if (window.sinceMs !== undefined && ms < window.sinceMs) return false;
	if (window.untilMs !== undefined && ms >= window.untilMs) return false;
	return true;
}

/** Newest-first reading can stop at the first row older than the window: nothing after it can be inside. */
export const olderThanWindow = (window: ResolvedWindow, ms: number): boolean =>
	window.sinceMs !== undefined && Number.isFinite(ms) && ms < window.sinceMs;

/** Oldest-first reading can stop at the first row at or past the newer edge. */
export const newerThanWindow = (window: ResolvedWindow, ms: number): boolean =>
	window.untilMs !== undefined && Number.isFinite(ms) && ms >= window.untilMs;

/** The preset a window is, if it is one (an age as `since`, no `until`). */
export function windowPreset(window: TimeWindow): WindowPreset | undefined {
	if (isAllTime(window)) return 'all';
	if (window.until || window.since?.kind !== 'ago') return undefined;
	return WINDOW_CYCLE.find(preset => preset !== 'all' && parseTime(preset)?.ms === window.since!.ms);
}

export function presetWindow(preset: WindowPreset): TimeWindow {
	if (preset === 'all') return ALL_TIME;
	return {since: parseTime(preset)!, sinceText: preset};
}

/** The `w` key: the next preset after the current one; a custom window (from the flags) goes to the first. */
export function nextWindow(window: TimeWindow): TimeWindow {
	const current = windowPreset(window);
	const index = current === undefined ? -1 : WINDOW_CYCLE.indexOf(current);
	return presetWindow(WINDOW_CYCLE[(index + 1) % WINDOW_CYCLE.length]!);
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;

/**
 * The header's words for the window: "all time", "last 6h", "since 2026-03-02 14:00Z",
 * "last 2d until 2026-03-02 14:00Z", "2026-03-01 00:00Z – 2026-03-02 00:00Z".
 */
export function windowLabel(window: TimeWindow): string {
	if (isAllTime(window)) return 'all time';
	const since = window.since;
	const until = window.until;
	const sincePart = since
		? since.kind === 'ago'
			? `last ${window.sinceText ?? `${since.ms / 60_000}m`}`
			: utc(since.ms)
		: undefined;
	const untilPart = until
		? until.kind === 'ago'
			? `${window.untilText ?? `${until.ms / 60_000}m`} ago`
			: utc(until.ms)
		: undefined;
	if (sincePart && !untilPart) return since!.kind === 'ago' ? sincePart : `since ${sincePart}`;
	if (!sincePart && untilPart) return `until ${untilPart}`;
	if (since!.kind === 'absolute' && until!.kind === 'absolute') return `${sincePart} – ${untilPart}`;
	return `${sincePart} until ${untilPart}`;
}
