// useReducer, plus a synchronous view of the latest state. Ink delivers keys that arrive in the same tick
// before React re-renders, so a handler reading the rendered state would act on a stale one ("/abc" typed
// fast would run `a`, `b`, `c` as commands). Handlers read getState() instead.
import {useCallback, useRef, useState} from 'react';

export function useSyncReducer<S, A>(
	reducer: (state: S, action: A) => S,
	init: () => S,
): readonly [S, (action: A) => void, () => S] {
	const ref = useRef<{state: S} | undefined>(undefined);
	ref.current ??= {state: init()};
	const [state, setState] = useState(ref.current.state);
	const dispatch = useCallback(
		(action: A) => {
			const box = ref.current!;
			box.state = reducer(box.state, action);
			setState(box.state);
		},
		[reducer],
	);
	const getState = useCallback(() => ref.current!.state, []);
	return [state, dispatch, getState] as const;
}
