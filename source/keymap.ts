// The key contract of DESIGN.md, as data: the input handler resolves keys through it and the help
// overlay and footer are generated from it, so the three can never disagree.

export type Command =
	| 'down'
	| 'up'
	| 'first'
	| 'last'
	| 'next-page'
	| 'previous-page'
	| 'open'
	| 'back'
	| 'focus-next'
	| 'focus-previous'
	| 'screen-next'
	| 'screen-previous'
	| 'tab-transcript'
	| 'tab-params'
	| 'tab-errors'
	| 'filter'
	| 'next-match'
	| 'previous-match'
	| 'toggle-system'
	| 'reload'
	| 'errors-only'
	| 'copy'
	| 'pager'
	| 'follow'
	| 'mark'
	| 'diff'
	| 'projects'
	| 'threads'
	| 'help'
	| 'quit';

export type KeyContext = 'everywhere' | 'lists' | 'interactions' | 'detail';

export type Binding = {
	readonly command: Command;
	/** How the help overlay writes the keys. */
	readonly keys: string;
	readonly action: string;
	readonly context: KeyContext;
	/** Printable characters that trigger it. */
	readonly chars?: readonly string[];
	/** Named keys (Ink's Key flags) that trigger it. */
	readonly named?: readonly NamedKey[];
};

export type NamedKey =
	| 'downArrow'
	| 'upArrow'
	| 'pageDown'
	| 'pageUp'
	| 'home'
	| 'end'
	| 'return'
	| 'escape'
	| 'backspace'
	| 'tab'
	| 'shiftTab';

export const bindings: readonly Binding[] = [
	{
		command: 'down',
		keys: 'j ↓',
		action: 'move down / scroll',
		context: 'everywhere',
		chars: ['j'],
		named: ['downArrow'],
	},
	{
		command: 'up',
		keys: 'k ↑',
		action: 'move up / scroll',
		context: 'everywhere',
		chars: ['k'],
		named: ['upArrow'],
	},
	{
		command: 'first',
		keys: 'g Home',
		action: 'first row / top',
		context: 'everywhere',
		chars: ['g'],
		named: ['home'],
	},
	{
		command: 'last',
		keys: 'G End',
		action: 'last row / bottom',
		context: 'everywhere',
		chars: ['G'],
		named: ['end'],
	},
	{
		command: 'next-page',
		keys: '] PgDn',
		action: 'next page (list) / page down (detail)',
		context: 'everywhere',
		chars: [']'],
		named: ['pageDown'],
	},
	{
		command: 'previous-page',
		keys: '[ PgUp',
		action: 'previous page (list) / page up (detail)',
		context: 'everywhere',
		chars: ['['],
		named: ['pageUp'],
	},
	{command: 'open', keys: 'Enter', action: 'open / focus detail', context: 'lists', named: ['return']},
	{
		command: 'back',
		keys: 'Esc Bksp',
		action: 'back one level / close',
		context: 'everywhere',
		named: ['escape', 'backspace'],
	},
	{
		command: 'focus-next',
		keys: 'Tab',
		action: 'focus list ⇄ detail',
		context: 'interactions',
		named: ['tab'],
	},
	{
		command: 'focus-previous',
		keys: 'S-Tab',
		action: 'focus back',
		context: 'interactions',
		named: ['shiftTab'],
	},
	{
		command: 'screen-next',
		keys: '+',
		action: 'screen mode: split → list only → detail only',
		context: 'interactions',
		chars: ['+'],
	},
	{command: 'screen-previous', keys: '_', action: 'screen mode, back', context: 'interactions', chars: ['_']},
	{command: 'tab-transcript', keys: '1', action: 'Transcript tab', context: 'detail', chars: ['1']},
	{command: 'tab-params', keys: '2', action: 'Params tab', context: 'detail', chars: ['2']},
	{command: 'tab-errors', keys: '3', action: 'Errors tab', context: 'detail', chars: ['3']},
	{
		command: 'toggle-system',
		keys: 's',
		action: 'expand / fold system prompt',
		context: 'detail',
		chars: ['s'],
	},
	{command: 'filter', keys: '/', action: 'filter (lists) / search (detail)', context: 'lists', chars: ['/']},
	{command: 'next-match', keys: 'n', action: 'next match', context: 'detail', chars: ['n']},
	{command: 'previous-match', keys: 'N', action: 'previous match', context: 'detail', chars: ['N']},
	{command: 'reload', keys: 'r', action: 'reload / retry', context: 'everywhere', chars: ['r']},
	{
		command: 'errors-only',
		keys: 'e',
		action: 'errors only (state, errors, flags)',
		context: 'interactions',
		chars: ['e'],
	},
	{
		command: 'copy',
		keys: 'y',
		action: 'copy (id, link, params, transcript, JSON)',
		context: 'interactions',
		chars: ['y'],
	},
	{command: 'pager', keys: 'o', action: 'open in $PAGER', context: 'interactions', chars: ['o']},
	{command: 'follow', keys: 'F', action: 'follow new interactions', context: 'interactions', chars: ['F']},
	{command: 'mark', keys: 'Space', action: 'mark for diff', context: 'interactions', chars: [' ']},
	{command: 'diff', keys: 'd', action: 'diff the two marked', context: 'interactions', chars: ['d']},
	{
		command: 'projects',
		keys: 'p',
		action: 'jump to the project selector',
		context: 'everywhere',
		chars: ['p'],
	},
	{
		command: 'threads',
		keys: 't',
		action: 'jump to the thread selector',
		context: 'interactions',
		chars: ['t'],
	},
	{command: 'help', keys: '?', action: 'help', context: 'everywhere', chars: ['?']},
	{command: 'quit', keys: 'q C-c', action: 'quit', context: 'everywhere', chars: ['q']},
];

/** The subset of Ink's `Key` flags we read. */
export type KeyFlags = {readonly [K in Exclude<NamedKey, 'shiftTab'>]?: boolean} & {
	readonly shift?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly delete?: boolean;
};

const byChar = new Map<string, Command>();
for (const binding of bindings) for (const char of binding.chars ?? []) byChar.set(char, binding.command);

const namedOrder: ReadonlyArray<Exclude<NamedKey, 'shiftTab'>> = [
	'downArrow',
	'upArrow',
	'pageDown',
	'pageUp',
	'home',
	'end',
	'return',
	'escape',
	'backspace',
];

function commandForNamed(name: NamedKey): Command | undefined {
	return bindings.find(binding => binding.named?.includes(name))?.command;
}

/**
 * Turns one Ink input event into commands. Ink hands a run of plain characters over as one string
 * (key repeat, SSH batching, `jjjj` in one chunk), so each character becomes its own command: no key is lost.
 */
export function resolveKeys(input: string, key: KeyFlags): Command[] {
	if (key.ctrl && input === 'c') return ['quit'];
	if (key.tab) return [key.shift ? 'focus-previous' : 'focus-next'];
	// Ink 8 maps 0x7F to backspace; some terminals send 0x08 or report delete.
	if (key.delete) return ['back'];
	for (const name of namedOrder) {
		if (key[name]) {
			const command = commandForNamed(name);
			return command ? [command] : [];
		}
	}

	const commands: Command[] = [];
	for (const char of input) {
		// Enter and Tab can arrive inside a run of characters ("\t/" typed fast).
		const command = char === '\r' ? 'open' : char === '\t' ? 'focus-next' : byChar.get(char);
		if (command) commands.push(command);
	}

	return commands;
}

/** Bindings for the footer: the ones that apply to what has focus. */
export function footerBindings(
	contexts: readonly KeyContext[],
): ReadonlyArray<{keys: string; action: string}> {
	const short: Partial<Record<Command, string>> = {
		down: 'move',
		'next-page': 'page',
		open: 'open',
		back: 'back',
		'focus-next': 'focus',
		'screen-next': 'screen',
		'tab-transcript': 'tabs',
		filter: 'filter',
		'errors-only': 'errors',
		copy: 'copy',
		'toggle-system': 'system',
		reload: 'reload',
		help: 'help',
		quit: 'quit',
	};
	const keys: Partial<Record<Command, string>> = {
		down: 'j/k',
		'next-page': ']/[',
		'tab-transcript': '1-3',
		'screen-next': '+/_',
	};
	return bindings
		.filter(
			binding =>
				short[binding.command] && (binding.context === 'everywhere' || contexts.includes(binding.context)),
		)
		.map(binding => ({
			keys: keys[binding.command] ?? binding.keys.split(' ')[0]!,
			action: short[binding.command]!,
		}));
}
