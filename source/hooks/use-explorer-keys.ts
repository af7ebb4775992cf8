// Keys of the interaction explorer. While a line is being typed (the list filter or the detail search)
// printable keys are text, and while an overlay is open it takes every key; a chunk mixing commands and
// text ("/state:error\r", "y1") is taken one character at a time against the latest state, so nothing
// typed fast is misread.
import {useInput} from 'ink';
import {EVIDENCE_KINDS, type EvidenceKind} from '../domain/evidence.ts';
import {routeKeys} from '../key-input.ts';
import {keyOf, scrollDelta, tabOfCommand, type Command, type KeyLayer} from '../keymap.ts';
import {selected, type ExplorerAction, type ExplorerState, type Viewport} from '../state/explorer.ts';

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
	/** Copy or page one kind of evidence about the selected interaction. */
	readonly evidence: (kind: EvidenceKind, how: 'copy' | 'page') => void;
	/** The kind `o` opens for what has focus. */
	readonly pagerKind: () => EvidenceKind;
	/** Largest scroll of the diff overlay. */
	readonly diffMax: () => number;
	readonly say: (message: string) => void;
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

	/** Keys while an overlay is open: it takes them all, Esc closes it. */
	const overlayKey = (command: Command, char: string): void => {
		const overlay = getState().overlay!;
		if (command === 'quit') {
			options.onQuit();
			return;
		}

		if (command === 'back') {
			dispatch({type: 'overlay'});
			return;
		}

		if (overlay.kind === 'copy') {
			if (command === 'copy-pick' || command === 'copy-page') {
				// A digit picks its kind; Enter and `p` take the one under the cursor.
				const kind = EVIDENCE_KINDS.find(entry => entry.key === char) ?? EVIDENCE_KINDS[overlay.cursor]!;
				dispatch({type: 'overlay'});
				options.evidence(kind.kind, command === 'copy-page' ? 'page' : 'copy');
			} else if (command === 'down' || command === 'up') {
				dispatch({type: 'overlay-move', delta: command === 'down' ? 1 : -1, max: EVIDENCE_KINDS.length - 1});
			}

			return;
		}

		const delta = scrollDelta(command, Math.max(1, view.detailHeight - 1));
		if (delta !== undefined) dispatch({type: 'overlay-move', delta, max: options.diffMax()});
	};

	/** Which layer has the keys: an overlay, the line being typed, or the screen. */
	const layer = (): KeyLayer => {
		const state = getState();
		if (state.overlay) return state.overlay.kind === 'copy' ? 'copy menu' : 'diff';
		if (state.input) return state.input.kind === 'filter' ? 'filter line' : 'search line';
		return 'screen';
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
				// Esc stops a running scan (its matches stay, partial); then clears the filter.
				else if (state.filter?.status === 'running' && !state.filter.stopping) dispatch({type: 'scan-stop'});
				else if (state.filter && !state.filter.windowOnly) options.applyFilter('', false);
				else options.onBack();
				break;
			case 'focus-next':
			case 'focus-previous':
				dispatch({type: 'focus'});
				break;
			case 'screen-next':
			case 'screen-previous':
				dispatch({type: 'screen-mode', delta: command === 'screen-next' ? 1 : -1});
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
			case 'copy':
				if (selected(state)) dispatch({type: 'overlay', overlay: {kind: 'copy', cursor: 0}});
				else options.say('nothing selected to copy');
				break;
			case 'pager':
				options.evidence(options.pagerKind(), 'page');
				break;
			case 'mark':
				dispatch({type: 'toggle-mark'});
				break;
			case 'diff':
				if (state.marks.length === 2) dispatch({type: 'overlay', overlay: {kind: 'diff', scroll: 0}});
				else
					options.say(
						`mark two interactions with ${keyOf('mark')} to diff them (${state.marks.length} marked)`,
					);
				break;
			case 'follow':
				dispatch({type: 'follow'});
				break;
			case 'quit':
				options.onQuit();
				break;
			default: {
				const tab = tabOfCommand(command);
				if (tab) dispatch({type: 'tab', tab});
				else options.onCommand(command);
			}
		}
	};

	useInput(
		(input, key) =>
			routeKeys(input, key, {
				layer,
				edit: edit => dispatch({type: 'input-edit', edit}),
				cancel: () => dispatch({type: 'input-end'}),
				commit: commitInput,
				run: (command, char) => (getState().overlay ? overlayKey(command, char) : run(command)),
				quit: options.onQuit,
			}),
		{isActive: options.active},
	);
}
