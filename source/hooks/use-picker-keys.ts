// Keys of the project and thread selectors, including the filter line: while filtering, printable keys
// are text (so `q` types a q), and Enter or Esc leave the filter.
import {useInput} from 'ink';
import type {Dispatch} from 'react';
import {resolveKeys} from '../keymap.ts';
import type {PickerAction, PickerState} from '../state/picker.ts';

type Options = {
	readonly active: boolean;
	readonly state: PickerState;
	readonly dispatch: Dispatch<PickerAction>;
	readonly total: number;
	readonly height: number;
	readonly onOpen: (index: number) => void;
	readonly onBack?: () => void;
	readonly onReload: () => void;
	readonly onHelp: () => void;
	readonly onQuit: () => void;
};

export function usePickerKeys(options: Options): void {
	const {state, dispatch, total, height} = options;
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'c') {
				options.onQuit();
				return;
			}

			if (state.filtering) {
				if (key.return || key.downArrow || key.upArrow) dispatch({type: 'filter-done'});
				else if (key.escape) dispatch({type: 'filter-clear'});
				else if (key.backspace || key.delete) dispatch({type: 'filter-erase'});
				else if (input && !key.ctrl && !key.meta)
					dispatch({type: 'filter-type', text: input.replace(/[\r\n\t]/g, '')});
				if (!(key.downArrow || key.upArrow)) return;
			}

			for (const command of resolveKeys(input, key)) {
				switch (command) {
					case 'down':
					case 'up':
						dispatch({type: 'move', delta: command === 'down' ? 1 : -1, total, height});
						break;
					case 'next-page':
					case 'previous-page':
						dispatch({
							type: 'move',
							delta: (command === 'next-page' ? 1 : -1) * Math.max(1, height - 1),
							total,
							height,
						});
						break;
					case 'first':
					case 'last':
						dispatch({type: 'jump', to: command, total, height});
						break;
					case 'open':
						if (total > 0) options.onOpen(state.cursor);
						break;
					case 'back':
						if (state.filter) dispatch({type: 'filter-clear'});
						else options.onBack?.();
						break;
					case 'filter':
						dispatch({type: 'filter-start'});
						break;
					case 'reload':
						options.onReload();
						break;
					case 'help':
						options.onHelp();
						break;
					case 'quit':
						options.onQuit();
						return;
					default:
						break;
				}
			}
		},
		{isActive: options.active},
	);
}
