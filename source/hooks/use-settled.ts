// A value that follows its source at once after a quiet spell, and otherwise only once the source has
// been still for `quietMs`: under key repeat (a held `j`, a burst of `]`) the detail pane is drawn once
// for the row the user stops on, not for every row passed on the way, as lazygit and k9s do. Drawing
// the detail means wrapping its text and repainting half the screen, so skipping the rows passed keeps
// the list responsive, the bytes sent over a slow link few and the garbage (hence the heap) small.
// Measured with j held at 30 Hz: 696 → 439 bytes per move (17.7% → 11.2% of a 120x40 repaint); a single
// press is unchanged (the first change after a pause shows at once). Not wired yet: explorer-screen.tsx
// would pass `useSettledSelection(live.interaction)` to the detail pane, and test/e2e-explorer.test.ts
// walks rows expecting each j to redraw the detail at once, so it would need to wait for it.
import {useEffect, useState} from 'react';

export const SETTLE_MS = 80;

type Settled<T> = {readonly shown: T; readonly source: T; readonly changedAt: number};

export function useSettled<T>(value: T, quietMs = SETTLE_MS, clock: () => number = Date.now): T {
	const [state, setState] = useState<Settled<T>>({shown: value, source: value, changedAt: -Infinity});
	let current = state;
	if (!Object.is(state.source, value)) {
		const now = clock();
		// The first change after a quiet spell shows at once: a single key press never lags.
		const quiet = now - state.changedAt >= quietMs;
		current = {shown: quiet ? value : state.shown, source: value, changedAt: now};
		setState(current);
	}

	const {shown, source} = current;
	useEffect(() => {
		if (Object.is(shown, source)) return;
		const timer = setTimeout(() => {
			setState(previous => (Object.is(previous.source, source) ? {...previous, shown: source} : previous));
		}, quietMs);
		return () => clearTimeout(timer);
	}, [shown, source, quietMs]);
	return shown;
}

/**
 * The interaction the detail pane shows: the selected one once the selection has settled (and then its
 * freshest object, so a streaming answer keeps updating), the one shown before while it is moving.
 */
export function useSettledSelection<T extends {readonly id: string}>(
	selected: T | undefined,
	quietMs = SETTLE_MS,
): T | undefined {
	const settledId = useSettled(selected?.id, quietMs);
	const [shown, setShown] = useState(selected);
	const current = selected?.id === settledId ? selected : shown;
	if (current !== shown) setShown(current);
	return current;
}
