// Runs an abortable request whenever its key changes (or on reload), and aborts the one in flight when
// the key changes or the component unmounts, so no answer lands in a screen that has moved on.
import {useCallback, useEffect, useRef, useState} from 'react';
import {errorMessage} from '../lib/error-message.ts';

export type AsyncState<T> =
	| {readonly status: 'loading'; readonly previous?: T}
	| {readonly status: 'ready'; readonly value: T}
	| {readonly status: 'failed'; readonly message: string; readonly previous?: T};

export function useAsync<T>(
	key: string,
	run: (signal: AbortSignal) => Promise<T>,
	/** Values kept across mounts: coming back to a list shows it at once while it refreshes. */
	cache?: Map<string, unknown>,
	/** The answer already in hand (commands/first-screen.ts): shown at once, asked again only on reload. */
	initial?: T,
): AsyncState<T> & {readonly reload: () => void} {
	const [state, setState] = useState<AsyncState<T>>(() =>
		initial === undefined
			? {status: 'loading', previous: cache?.get(key) as T | undefined}
			: {status: 'ready', value: initial},
	);
	const [attempt, setAttempt] = useState(0);
	const skipFirstRun = useRef(initial !== undefined);

	useEffect(() => {
		if (skipFirstRun.current) {
			skipFirstRun.current = false;
			cache?.set(key, initial);
			return;
		}
		const controller = new AbortController();
		setState(previous => ({status: 'loading', previous: valueOf(previous)}));
		run(controller.signal).then(
			value => {
				if (controller.signal.aborted) return;
				cache?.set(key, value);
				setState({status: 'ready', value});
			},
			(error: unknown) => {
				if (!controller.signal.aborted) {
					setState(previous => ({
						status: 'failed',
						message: errorMessage(error),
						previous: valueOf(previous),
					}));
				}
			},
		);
		return () => {
			controller.abort();
		};
		// `run` is re-created each render; the key says when the request really changes.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [key, attempt]);

	const reload = useCallback(() => {
		setAttempt(n => n + 1);
	}, []);
	return {...state, reload};
}

function valueOf<T>(state: AsyncState<T>): T | undefined {
	return state.status === 'ready' ? state.value : state.previous;
}
