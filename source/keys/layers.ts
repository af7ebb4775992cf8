// The keys of the overlays (copy menu, diff, help) and of a line being typed. Each takes every key while
// open, so it may bind a key the screens use for something else (`p`, `1`–`5`).
import {EVIDENCE_KINDS} from '../domain/evidence.ts';
import type {Binding, LayerContext} from './types.ts';

/** Scrolling a text overlay (the diff, the help). */
function scrollBindings(context: LayerContext): Binding[] {
	return [
		{
			command: 'down',
			keys: 'j ↓',
			action: 'scroll down',
			context,
			chars: ['j'],
			named: ['downArrow'],
			short: 'scroll',
			shortKeys: 'j/k PgDn/PgUp',
		},
		{command: 'up', keys: 'k ↑', action: 'scroll up', context, chars: ['k'], named: ['upArrow']},
		{command: 'next-page', keys: '] PgDn', action: 'page down', context, chars: [']'], named: ['pageDown']},
		{command: 'previous-page', keys: '[ PgUp', action: 'page up', context, chars: ['['], named: ['pageUp']},
		{command: 'first', keys: 'g Home', action: 'top', context, chars: ['g'], named: ['home']},
		{command: 'last', keys: 'G End', action: 'bottom', context, chars: ['G'], named: ['end']},
	];
}

/** A line being typed: printable keys are text, these end or edit it. */
function lineBindings(
	context: LayerContext,
	commit: readonly [short: string, action: string],
	cancel: readonly [short: string, action: string],
): Binding[] {
	return [
		{command: 'commit', keys: 'Enter', action: commit[1], context, named: ['return'], short: commit[0]},
		{command: 'cancel', keys: 'Esc', action: cancel[1], context, named: ['escape'], short: cancel[0]},
		{command: 'erase', keys: 'Bksp', action: 'erase the last character', context, named: ['backspace']},
	];
}

const firstKind = EVIDENCE_KINDS[0]!;
const lastKind = EVIDENCE_KINDS.at(-1)!;

export const layerBindings: readonly Binding[] = [
	{
		command: 'copy-pick',
		keys: `${firstKind.key}-${lastKind.key} Enter`,
		action: 'copy that kind (Enter: the one under the cursor)',
		context: 'copy menu',
		chars: EVIDENCE_KINDS.map(kind => kind.key),
		named: ['return'],
		short: 'copy',
		shortKeys: `${firstKind.key}-${lastKind.key} or Enter`,
	},
	{
		command: 'copy-page',
		keys: 'p',
		action: 'open it in $PAGER',
		context: 'copy menu',
		chars: ['p'],
		short: 'pager',
	},
	{
		command: 'down',
		keys: 'j ↓',
		action: 'next kind',
		context: 'copy menu',
		chars: ['j'],
		named: ['downArrow'],
	},
	{
		command: 'up',
		keys: 'k ↑',
		action: 'previous kind',
		context: 'copy menu',
		chars: ['k'],
		named: ['upArrow'],
	},
	{
		command: 'back',
		keys: 'Esc Bksp',
		action: 'close',
		context: 'copy menu',
		named: ['escape', 'backspace'],
		short: 'close',
		shortKeys: 'Esc',
	},
	...scrollBindings('diff'),
	{
		command: 'back',
		keys: 'Esc Bksp',
		action: 'close',
		context: 'diff',
		named: ['escape', 'backspace'],
		short: 'close',
		shortKeys: 'Esc',
	},
	{command: 'quit', keys: 'q C-c', action: 'quit', context: 'diff', chars: ['q']},
	{
		command: 'back',
		keys: '? Esc Bksp',
		action: 'close',
		context: 'help',
		chars: ['?'],
		named: ['escape', 'backspace'],
		short: 'to close',
		shortKeys: '? or Esc',
	},
	...scrollBindings('help'),
	{command: 'quit', keys: 'q C-c', action: 'quit', context: 'help', chars: ['q']},
	...scrollBindings('overview'),
	{
		command: 'open',
		keys: 'Enter',
		action: 'list the interactions of the cluster or row',
		context: 'overview',
		named: ['return'],
		short: 'list them',
	},
	{
		command: 'back',
		keys: 'Esc Bksp',
		action: 'stop the scan; close the overview',
		context: 'overview',
		named: ['escape', 'backspace'],
		short: 'stop/close',
	},
	{
		command: 'reload',
		keys: 'r',
		action: 'resume a stopped scan, or scan again',
		context: 'overview',
		chars: ['r'],
		short: 'rescan',
	},
	{
		command: 'window',
		keys: 'w',
		action: 'next time window',
		context: 'overview',
		chars: ['w'],
		short: 'window',
	},
	{command: 'help', keys: '?', action: 'help', context: 'overview', chars: ['?']},
	{command: 'quit', keys: 'q C-c', action: 'quit', context: 'overview', chars: ['q']},
	...lineBindings('filter line', ['apply', 'apply the filter'], ['cancel', 'cancel the edit']),
	...lineBindings('search line', ['find', 'find the first match'], ['cancel', 'cancel the search']),
	...lineBindings('picker filter', ['keep', 'keep the filter'], ['clear', 'clear the filter']),
];
