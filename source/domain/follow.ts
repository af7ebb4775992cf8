// Follow mode's pure rules: which polled interactions are new, how long to wait before the next poll
// (doubling on errors up to a minute, never sooner than a 429's Retry-After), and the status line.
import type {Interaction, PageRequest} from './types.ts';

/** Page 0, newest first: anything new is at the top. */
export const FOLLOW_PAGE: PageRequest = {first: 50, order: 'DESC'};
export const FOLLOW_MAX_DELAY_MS = 60_000;

/**
 * The items above the newest one already known, newest first. When that one is not on the page (more
 * than a page arrived, or it was deleted), creation time decides; with neither known, all are new.
 */
export function newerThan(
	items: readonly Interaction[],
	newestId: string | undefined,
	newestCreatedAtMs?: number,
): readonly Interaction[] {
	if (newestId === undefined && newestCreatedAtMs === undefined) return items;
	const at = newestId === undefined ? -1 : items.findIndex(item => item.id === newestId);
	if (at !== -1) return items.slice(0, at);
	if (newestCreatedAtMs === undefined || !Number.isFinite(newestCreatedAtMs)) return [];
	return items.filter(item => item.createdAtMs > newestCreatedAtMs && item.id !== newestId);
}

/** Wait before the next poll: `intervalMs` after a success, doubled per consecutive failure, capped. */
export function nextDelay(intervalMs: number, failures: number, retryAfterMs?: number): number {
	const base =
		failures <= 0
			? intervalMs
			: Math.max(intervalMs, Math.min(FOLLOW_MAX_DELAY_MS, intervalMs * 2 ** failures));
	return retryAfterMs !== undefined && retryAfterMs > base ? retryAfterMs : base;
}

export type FollowStatus = {
	readonly nextPollAt?: number;
	readonly lastSuccessAt?: number;
	/** Since when the list may be out of date: the last success before the failures (cleared by a success). */
	readonly staleSince?: number;
	readonly error?: string;
};

const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 19)}Z`;

/** "next poll in 4s · last ok 14:02:11Z", or "stale since 14:02:11Z: <error> · retry in 20s". */
export function followStatusText(status: FollowStatus, nowMs: number): string {
	const next =
		status.nextPollAt === undefined
			? undefined
			: `${status.error ? 'retry' : 'next poll'} in ${Math.max(0, Math.ceil((status.nextPollAt - nowMs) / 1000))}s`;
	if (status.error) {
		const since = status.staleSince;
		const head =
			since === undefined ? `follow failed: ${status.error}` : `stale since ${clock(since)}: ${status.error}`;
		return next ? `${head} · ${next}` : head;
	}
	const parts = [
		next,
		status.lastSuccessAt === undefined ? undefined : `last ok ${clock(status.lastSuccessAt)}`,
	];
	return parts.filter(Boolean).join(' · ') || 'following';
}
