// The key contract of DESIGN.md, as data: every handler resolves keys through it, and the help overlay,
// the footer and every hint line are generated from it, so none of them can disagree with the keys.
// Screens share one layer of keys (what applies is picked by focus); an overlay or a line being typed
// takes every key while open, so each is a layer of its own and may reuse a key (`p`, `1`–`5`).
// The tables live in keys/; this module is how everything else reads them.
import {DETAIL_TABS, type DetailTab} from './domain/detail-tabs.ts';
import {layerBindings} from './keys/layers.ts';
import {screenBindings} from './keys/screen.ts';
import type {
	Binding,
	Command,
	KeyContext,
	KeyLayer,
	LayerContext,
	NamedKey,
	ScreenContext,
} from './keys/types.ts';

export type * from './keys/types.ts';

/** Every binding: the screens' first, then each overlay's and line's. */
export const bindings: readonly Binding[] = [...screenBindings, ...layerBindings];

/** The subset of Ink's `Key` flags we read. */
export type KeyFlags = {readonly [K in Exclude<NamedKey, 'shiftTab'>]?: boolean} & {
	readonly shift?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly delete?: boolean;
};

const LINE_CONTEXTS: readonly KeyLayer[] = ['filter line', 'search line', 'picker filter'];

/** A line being typed: printable keys are text there, not commands. */
export const isLineLayer = (layer: KeyLayer): boolean => LINE_CONTEXTS.includes(layer);

/** Every table a key can be looked up in. */
export const KEY_LAYERS: readonly KeyLayer[] = [
	'screen',
	'copy menu',
	'diff',
	'help',
	'overview',
	...LINE_CONTEXTS,
];

const SCREEN_CONTEXTS: readonly KeyContext[] = ['everywhere', 'lists', 'interactions', 'detail'];

export const inLayer = (binding: Binding, layer: KeyLayer): boolean =>
	layer === 'screen' ? SCREEN_CONTEXTS.includes(binding.context) : binding.context === layer;

type Table = {readonly chars: Map<string, Command>; readonly named: Map<NamedKey, Command>};
const tables = new Map<KeyLayer, Table>();

function tableOf(layer: KeyLayer): Table {
	let table = tables.get(layer);
	if (!table) {
		table = {chars: new Map(), named: new Map()};
		for (const binding of bindings) {
			if (!inLayer(binding, layer)) continue;
			for (const char of binding.chars ?? [])
				if (!table.chars.has(char)) table.chars.set(char, binding.command);
			for (const name of binding.named ?? [])
				if (!table.named.has(name)) table.named.set(name, binding.command);
		}
		tables.set(layer, table);
	}
	return table;
}

const NAMED_ORDER: ReadonlyArray<Exclude<NamedKey, 'shiftTab' | 'tab'>> = [
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

/** The named key of an event (Tab, arrows, Enter, Esc…), or undefined for plain characters. */
export function namedKey(key: KeyFlags): NamedKey | undefined {
	if (key.tab) return key.shift ? 'shiftTab' : 'tab';
	// Ink 8 maps 0x7F to backspace; some terminals send 0x08 or report delete.
	if (key.delete) return 'backspace';
	return NAMED_ORDER.find(name => key[name]);
}

/**
 * Turns one Ink input event into the commands of a layer. Ink hands a run of plain characters over as
 * one string (key repeat, SSH batching, `jjjj` in one chunk), so each character becomes its own
 * command: no key is lost. Ctrl-C quits in every layer.
 */
export function resolveKeys(input: string, key: KeyFlags, layer: KeyLayer = 'screen'): Command[] {
	if (key.ctrl && input === 'c') return ['quit'];
	const table = tableOf(layer);
	const name = namedKey(key);
	if (name) {
		const command = table.named.get(name);
		return command ? [command] : [];
	}

	const commands: Command[] = [];
	for (const char of input) {
		// Enter and Tab can arrive inside a run of characters ("\t/" typed fast).
		const command =
			char === '\r'
				? table.named.get('return')
				: char === '\t'
					? table.named.get('tab')
					: table.chars.get(char);
		if (command) commands.push(command);
	}

	return commands;
}

/** How far a command scrolls a text overlay whose page is `page` lines; undefined if it does not scroll. */
export function scrollDelta(command: Command, page: number): number | undefined {
	const deltas: Partial<Record<Command, number>> = {
		down: 1,
		up: -1,
		'next-page': page,
		'previous-page': -page,
		first: -Infinity,
		last: Infinity,
	};
	return deltas[command];
}

/** The tab a tab command shows. */
export function tabOfCommand(command: Command): DetailTab | undefined {
	return DETAIL_TABS.find(tab => `tab-${tab.id}` === command)?.id;
}

export type ShortBinding = {readonly keys: string; readonly action: string};

const shortOf = (binding: Binding): ShortBinding => ({
	keys: binding.shortKeys ?? binding.keys.split(' ')[0]!,
	action: binding.short!,
});

/** Bindings for the footer: the ones with a short label that apply to what has focus. */
export function footerBindings(contexts: readonly ScreenContext[]): readonly ShortBinding[] {
	return bindings
		.filter(
			binding =>
				binding.short !== undefined &&
				(binding.context === 'everywhere' || (contexts as readonly KeyContext[]).includes(binding.context)),
		)
		.map(shortOf);
}

/** The footer of a layer that fills the screen (the overview): its bindings with a short label. */
export function layerFooterBindings(context: LayerContext): readonly ShortBinding[] {
	return bindings.filter(binding => binding.short !== undefined && binding.context === context).map(shortOf);
}

/** The hint line of an overlay or a line being typed: "1-5 or Enter copy · p pager · Esc close". */
export function keyHints(context: LayerContext): string {
	return bindings
		.filter(binding => binding.short !== undefined && binding.context === context)
		.map(shortOf)
		.map(b => `${b.keys} ${b.action}`)
		.join(' · ');
}

/** The first key of a command as the help writes it ("r" for reload), for sentences like "press r to retry". */
export function keyOf(command: Command, layer: KeyLayer = 'screen'): string {
	const binding = bindings.find(b => b.command === command && inLayer(b, layer));
	return binding?.keys.split(' ')[0] ?? '';
}
