// Keys of the interaction explorer. While a line is being typed (the list filter or the detail search)
// printable keys are text; a chunk mixing commands and text ("/state:error\r") is taken one character
// at a time against the latest state, so nothing typed fast is misread.
import {useInput} from 'ink';
import {resolveKeys, type Command} from '../keymap.ts';
import type {ExplorerAction, ExplorerState, Viewport} from '../state/explorer.ts';

export type ExplorerKeyOptions = {
	readonly active: boolean;
	readonly getState: () => ExplorerState;
	readonly dispatch: (action: ExplorerAction) => void;
	readonly view: Viewport;
	/** Applies a filter; false when its syntax is invalid (the input line then stays open). */
	readonly applyFilter: (text: string, errorsOnly: boolean) => boolean;
	/** Lines of the shown detail tab that match a query, in order. */
	readonly matchLines: (query: string) => readonly number[];
	readonly onCommand: (command: Command) => void;
	readonly onBack: () => void;
	readonly onQuit: () => void;
};

export function useExplorerKeys(options: ExplorerKeyOptions): void {
	const {getState, dispatch, view} = options;

	const commitInput = () => {
		const input = getState().input;
		if (!input) return;
		if (input.kind === 'filter') {
			const filter = getState().filter;
			if (options.applyFilter(input.text, filter?.errorsOnly ?? false)) dispatch({type: 'input-end'});
			return;
		}

		dispatch({type: 'input-end'});
		dispatch({type: 'set-search', query: input.text});
		step(input.text, 1);
	};

	const step = (query: string, delta: 1 | -1) => {
		const lines = options.matchLines(query);
		if (lines.length === 0) return;
		const current = getState().search?.current ?? -1;
		const next = current === -1 && delta === 1 ? 0 : (current + delta + lines.length) % lines.length;
		dispatch({type: 'search-step', current: next, line: lines[next]!, view});
	};

	const run = (command: Command) => {
		const state = getState();
		switch (command) {
			case 'down':
			case 'up':
				dispatch({type: 'move', delta: command === 'down' ? 1 : -1, view});
				break;
			case 'first':
			case 'last':
				dispatch({type: 'jump', to: command, view});
				break;
			case 'next-page':
			case 'previous-page':
				dispatch({type: 'page', delta: command === 'next-page' ? 1 : -1, view});
				break;
			case 'open':
				dispatch({type: 'focus', focus: 'detail'});
				break;
			case 'back':
				if (state.focus === 'detail') dispatch({type: 'focus', focus: 'list'});
				else if (state.filter) options.applyFilter('', false);
				else options.onBack();
				break;
			case 'focus-next':
			case 'focus-previous':
				dispatch({type: 'focus'});
				break;
			case 'tab-transcript':
			case 'tab-params':
			case 'tab-errors':
				dispatch({
					type: 'tab',
					tab: command === 'tab-transcript' ? 'transcript' : command === 'tab-params' ? 'params' : 'errors',
				});
				break;
			case 'toggle-system':
				dispatch({type: 'toggle-system'});
				break;
			case 'filter':
				dispatch(
					state.focus === 'detail'
						? {type: 'input-start', kind: 'search', text: ''}
						: {type: 'input-start', kind: 'filter', text: state.filter?.text ?? ''},
				);
				break;
			case 'errors-only':
				options.applyFilter(state.filter?.text ?? '', !(state.filter?.errorsOnly ?? false));
				break;
			case 'next-match':
			case 'previous-match':
				if (state.search) step(state.search.query, command === 'next-match' ? 1 : -1);
				break;
			case 'reload':
				dispatch({type: 'reload'});
				break;
			case 'quit':
				options.onQuit();
				break;
			default:
				options.onCommand(command);
		}
	};

	useInput(
		(input, key) => {
			if (key.ctrl && input === 'c') {
				options.onQuit();
				return;
			}

			const named = resolveKeys('', key);
			if (named.length > 0 || key.escape || key.backspace || key.delete) {
				if (getState().input) {
					if (key.escape) dispatch({type: 'input-end'});
					else if (key.backspace || key.delete) dispatch({type: 'input-erase'});
					else if (key.return) commitInput();
					return;
				}

				named.forEach(run);
				return;
			}

			for (const char of input) {
				if (getState().input) {
					if (char === '\r' || char === '\n') commitInput();
					else if (char >= ' ') dispatch({type: 'input-type', text: char});
				} else {
					resolveKeys(char, {}).forEach(run);
				}
			}
		},
		{isActive: options.active},
	);
}
