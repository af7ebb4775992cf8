// Keys of the project and thread selectors, including the filter line: while filtering, printable keys
// are text (so `q` types a q), and Enter or Esc leave the filter.
import {useInput} from 'ink';
import type {Dispatch} from 'react';
import {routeKeys} from '../key-input.ts';
import type {Command} from '../keymap.ts';
import type {PickerAction, PickerState} from '../state/picker.ts';

type Options = {
	readonly active: boolean;
	/** The latest state, read at key time (see use-sync-reducer.ts). */
	readonly getState: () => PickerState;
	readonly dispatch: Dispatch<PickerAction>;
	/** How many rows a filter leaves, asked at key time: the filter may have changed within this chunk. */
	readonly count: (filter: string) => number;
	readonly height: number;
	readonly onOpen: (index: number, filter: string) => void;
	readonly onBack?: () => void;
	readonly onReload: () => void;
	readonly onHelp: () => void;
	readonly onProjects?: () => void;
	readonly onQuit: () => void;
};

export function usePickerKeys(options: Options): void {
	const {getState, dispatch, height} = options;
	const run = (command: Command) => {
		const total = options.count(getState().filter);
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
				if (total > 0) options.onOpen(getState().cursor, getState().filter);
				break;
			case 'back':
				if (getState().filter) dispatch({type: 'filter-clear'});
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
			case 'projects':
				options.onProjects?.();
				break;
			case 'quit':
				options.onQuit();
				break;
			default:
				break;
		}
	};

	useInput(
		(input, key) =>
			routeKeys(input, key, {
				layer: () => (getState().filtering ? 'picker filter' : 'screen'),
				edit: edit => dispatch({type: 'filter-edit', edit}),
				cancel: () => dispatch({type: 'filter-clear'}),
				commit: () => dispatch({type: 'filter-done'}),
				arrowWhileTyping: command => {
					dispatch({type: 'filter-done'});
					run(command);
				},
				run: command => run(command),
				quit: options.onQuit,
			}),
		{isActive: options.active},
	);
}
