// Screen modes, as lazygit's `+` / `_`: the list and the detail split, the list alone, the detail alone.
// A single pane is the one with focus, so Enter in the list alone opens the detail alone and Esc goes back.

export type ScreenMode = 'split' | 'list' | 'detail';

/** The order `+` steps through; `_` steps back. */
export const SCREEN_MODES: readonly ScreenMode[] = ['split', 'list', 'detail'];

export type ScreenModeAction = {readonly type: 'screen-mode'; readonly delta: 1 | -1};

type WithMode = {readonly screenMode: ScreenMode; readonly focus: 'list' | 'detail'};

export function stepScreenMode<S extends WithMode>(state: S, delta: 1 | -1): S {
	const at = SCREEN_MODES.indexOf(state.screenMode);
	const screenMode = SCREEN_MODES[(at + delta + SCREEN_MODES.length) % SCREEN_MODES.length]!;
	return screenMode === 'split' ? {...state, screenMode} : {...state, screenMode, focus: screenMode};
}

/** After a focus change: a single pane follows the focus, so what has focus is always on screen. */
export function followFocus<S extends WithMode>(state: S): S {
	return state.screenMode === 'split' || state.screenMode === state.focus
		? state
		: {...state, screenMode: state.focus};
}
