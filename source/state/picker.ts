// The project and thread selectors: a filterable, windowed list driven by a reducer, so a burst of
// keys moves the cursor by as many rows as there were keys.
import {editLine, type LineEdit} from './line-edit.ts';
import {clamp, keepInView} from './window.ts';

export type PickerState = {
	readonly cursor: number;
	readonly top: number;
	readonly filter: string;
	readonly filtering: boolean;
};

export type PickerAction =
	| {readonly type: 'move'; readonly delta: number; readonly total: number; readonly height: number}
	| {readonly type: 'jump'; readonly to: 'first' | 'last'; readonly total: number; readonly height: number}
	| {readonly type: 'filter-start'}
	| {readonly type: 'filter-edit'; readonly edit: LineEdit}
	| {readonly type: 'filter-done'}
	| {readonly type: 'filter-clear'}
	| {readonly type: 'select'; readonly index: number; readonly total: number; readonly height: number};

export const initialPicker: PickerState = {cursor: 0, top: 0, filter: '', filtering: false};

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
	switch (action.type) {
		case 'move':
		case 'jump':
		case 'select': {
			const cursor =
				action.type === 'move'
					? clamp(state.cursor + action.delta, 0, Math.max(0, action.total - 1))
					: action.type === 'select'
						? clamp(action.index, 0, Math.max(0, action.total - 1))
						: action.to === 'first'
							? 0
							: Math.max(0, action.total - 1);
			return {...state, cursor, top: keepInView(state.top, cursor, action.height, action.total)};
		}

		case 'filter-start':
			return {...state, filtering: true};
		case 'filter-edit':
			return {...state, filter: editLine(state.filter, action.edit), cursor: 0, top: 0};
		case 'filter-done':
			return {...state, filtering: false};
		case 'filter-clear':
			return {...state, filtering: false, filter: '', cursor: 0, top: 0};
	}
}

/** Case-insensitive match of every word of the filter against the label and detail. */
export function matchesFilter(filter: string, ...fields: ReadonlyArray<string | undefined>): boolean {
	const haystack = fields.join(' ').toLowerCase();
	return filter
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every(word => haystack.includes(word));
}
