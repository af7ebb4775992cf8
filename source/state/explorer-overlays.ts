// Marks for a diff and the copy and diff overlays.
import type {ExplorerState, Overlay} from './explorer-model.ts';
import {selected} from './explorer-model.ts';
import {reducerPart} from './reducer-part.ts';
import {clamp} from './window.ts';

export type OverlayAction =
	| {readonly type: 'toggle-mark'}
	| {readonly type: 'overlay'; readonly overlay?: Overlay}
	| {readonly type: 'overlay-move'; readonly delta: number; readonly max: number};

export const overlays = reducerPart<ExplorerState, OverlayAction>({
	'toggle-mark'(state) {
		const row = selected(state);
		if (!row) return state;
		const marked = state.marks.some(mark => mark.id === row.id);
		return {
			...state,
			marks: marked ? state.marks.filter(mark => mark.id !== row.id) : [...state.marks, row].slice(-2),
		};
	},
	overlay: (state, action) => ({...state, overlay: action.overlay}),
	'overlay-move'(state, action) {
		if (!state.overlay) return state;
		if (state.overlay.kind === 'copy') {
			return {
				...state,
				overlay: {kind: 'copy', cursor: clamp(state.overlay.cursor + action.delta, 0, action.max)},
			};
		}

		return {
			...state,
			overlay: {kind: 'diff', scroll: clamp(state.overlay.scroll + action.delta, 0, action.max)},
		};
	},
});
