// Follow mode: polls page 0 of the list (newest first) and hands the interactions newer than the
// newest one shown to `onNew`. Errors back off (doubling to a minute, Retry-After honoured on 429)
// and are reported as status rather than thrown: the list stays usable and says how stale it is.
import {useEffect, useRef, useState} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {isApiError} from '../api/errors.ts';
import {FOLLOW_PAGE, newerThan, nextDelay, type FollowStatus} from '../domain/follow.ts';
import type {Interaction, InteractionScope} from '../domain/types.ts';
import {errorMessage} from '../lib/error-message.ts';

export type {FollowStatus} from '../domain/follow.ts';
export {followStatusText} from '../domain/follow.ts';

export type FollowOptions = {
	readonly client: ZylonClient;
	readonly scope: InteractionScope;
	readonly enabled: boolean;
	/** The newest interaction the list shows (undefined: the list is empty). */
	readonly newestId: string | undefined;
	/** Its creation time, used when it is no longer on page 0. */
	readonly newestCreatedAtMs?: number;
	readonly intervalMs?: number;
	/** The new interactions, newest first; called only when there are some. */
	readonly onNew: (items: readonly Interaction[]) => void;
};

export function useFollow({
	client,
	scope,
	enabled,
	newestId,
	newestCreatedAtMs,
	intervalMs = 5000,
	onNew,
}: FollowOptions): FollowStatus {
	const [status, setStatus] = useState<FollowStatus>({});
	// Read at poll time: the caller's latest values without restarting the loop on every render.
	const latest = useRef({newestId, newestCreatedAtMs, onNew});
	latest.current.onNew = onNew;
	useEffect(() => {
		latest.current.newestId = newestId;
		latest.current.newestCreatedAtMs = newestCreatedAtMs;
	}, [newestId, newestCreatedAtMs]);

	const {projectId, threadId} = scope;
	useEffect(() => {
		if (!enabled) {
			setStatus({});
			return;
		}
		const controller = new AbortController();
		const {signal} = controller;
		let timer: NodeJS.Timeout | undefined;
		let failures = 0;
		let lastSuccessAt: number | undefined;
		const startedAt = Date.now();

		const schedule = (delay: number, patch: Partial<FollowStatus>) => {
			if (signal.aborted) return;
			setStatus({lastSuccessAt, ...patch, nextPollAt: Date.now() + delay});
			timer = setTimeout(() => void poll(), delay);
		};

		async function poll() {
			try {
				const page = await client.interactions({projectId, threadId}, FOLLOW_PAGE, signal);
				if (signal.aborted) return;
				failures = 0;
				lastSuccessAt = Date.now();
				const known = latest.current;
				const fresh = newerThan(page.items, known.newestId, known.newestCreatedAtMs);
				if (fresh.length > 0) {
					// Remembered here too, so a caller that re-renders late is not handed them twice.
					known.newestId = fresh[0]!.id;
					known.newestCreatedAtMs = fresh[0]!.createdAtMs;
					known.onNew(fresh);
				}
				schedule(intervalMs, {});
			} catch (error) {
				if (signal.aborted) return;
				failures++;
				const retryAfterMs = isApiError(error) ? error.details.retryAfterMs : undefined;
				schedule(nextDelay(intervalMs, failures, retryAfterMs), {
					error: errorMessage(error),
					staleSince: lastSuccessAt ?? startedAt,
				});
			}
		}

		schedule(intervalMs, {});
		return () => {
			controller.abort();
			clearTimeout(timer);
		};
	}, [client, projectId, threadId, enabled, intervalMs]);

	return status;
}
