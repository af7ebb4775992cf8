// A Processing interaction, kept current: its stream's events are folded into the output (flushed to
// React at most every FLUSH_MS, not per token), and when the stream ends the interaction is fetched
// again for its final form. Where the server has no stream route (404), cannot send a form we accept (406,
// or an answer without events) or the stream breaks, the interaction is polled instead until it leaves
// Processing; only a break is worth an error line.
import {setTimeout as delay} from 'node:timers/promises';
import {useEffect, useState} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {isApiError} from '../api/errors.ts';
import {streamInteraction} from '../api/stream.ts';
import {applyStreamEvent, initialStreamState, streamOutput, type StreamState} from '../domain/stream.ts';
import type {Interaction} from '../domain/types.ts';
import {errorMessage} from '../lib/error-message.ts';

export const FLUSH_MS = 40;
export const POLL_MS = 1500;

export type LiveMode = 'idle' | 'streaming' | 'polling';

export type LiveInteraction<T extends Interaction | undefined = Interaction> = {
	/** The interaction with its output as it stands now (the prop itself when nothing is live). */
	readonly interaction: T;
	readonly mode: LiveMode;
	/** Why streaming or polling had trouble, in words (the last good value stays shown). */
	readonly error?: string;
};

export type LiveOptions = {readonly pollMs?: number; readonly flushMs?: number};

type Held = {
	readonly id: string;
	readonly value: Interaction;
	readonly mode: LiveMode;
	readonly error?: string;
};

export function useLiveInteraction<T extends Interaction | undefined>(
	client: ZylonClient,
	interaction: T,
	options: LiveOptions = {},
): LiveInteraction<T> {
	const [held, setHeld] = useState<Held | undefined>(undefined);
	const processing = interaction?.state === 'Processing';
	const pollMs = options.pollMs ?? POLL_MS;
	const flushMs = options.flushMs ?? FLUSH_MS;

	useEffect(() => {
		if (!processing || !interaction) return;
		const controller = new AbortController();
		const {signal} = controller;
		const id = interaction.id;
		const base = interaction;
		const publish = (value: Interaction, mode: LiveMode, error?: string) => {
			if (!signal.aborted) setHeld({id, value, mode, error});
		};

		let state: StreamState = initialStreamState(base.output);
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			publish({...base, output: streamOutput(state)}, 'streaming');
		};

		const trouble = (error: string) =>
			setHeld(previous => ({id, value: previous?.id === id ? previous.value : base, mode: 'polling', error}));

		async function poll(error?: string) {
			if (error) trouble(error);
			while (!signal.aborted) {
				try {
					const next = await client.interaction(id, base.projectId, signal);
					publish(next, next.state === 'Processing' ? 'polling' : 'idle', undefined);
					if (next.state !== 'Processing') return;
				} catch (caught) {
					if (signal.aborted) return;
					trouble(errorMessage(caught));
				}
				await delay(pollMs, undefined, {signal}).catch(() => undefined);
			}
		}

		async function run() {
			try {
				await streamInteraction(client, id, base.projectId, {
					signal,
					onEvent(event) {
						state = applyStreamEvent(state, event);
						timer ??= setTimeout(flush, flushMs);
					},
				});
				if (timer) clearTimeout(timer);
				flush();
				// The stream's end is not the stored form: fetch it (poll keeps going if still Processing).
				await poll();
			} catch (error) {
				if (timer) clearTimeout(timer);
				if (signal.aborted) return;
				const missing = isApiError(error) && error.kind === 'not-found';
				await poll(missing ? undefined : errorMessage(error));
			}
		}
		void run();
		return () => {
			controller.abort();
			if (timer) clearTimeout(timer);
		};
		// Restart only for another interaction, or when it (re)enters Processing.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [client, interaction?.id, processing, pollMs, flushMs]);

	// A prop that is no longer Processing is the final word (the list refreshed it); otherwise what we hold.
	if (!processing || held?.id !== interaction?.id) {
		return {interaction, mode: processing ? 'streaming' : 'idle'};
	}
	return {interaction: held!.value as T, mode: held!.mode, error: held!.error};
}
