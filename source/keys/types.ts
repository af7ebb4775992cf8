// The shape of the key table (see keymap.ts): commands, the contexts keys apply in, and a binding.
import type {DetailTab} from '../domain/detail-tabs.ts';

/** One command per detail tab, named after the tab. */
export type TabCommand = `tab-${DetailTab}`;

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
	| TabCommand
	| 'filter'
	| 'next-match'
	| 'previous-match'
	| 'toggle-system'
	| 'reload'
	| 'errors-only'
	| 'overview'
	| 'window'
	| 'copy'
	| 'pager'
	| 'follow'
	| 'mark'
	| 'diff'
	| 'projects'
	| 'threads'
	| 'help'
	| 'quit'
	// The copy menu: copy the kind under a key (or the cursor), or page it.
	| 'copy-pick'
	| 'copy-page'
	// A line being typed.
	| 'commit'
	| 'cancel'
	| 'erase';

/** Where keys apply on the screens; focus picks which of them the footer shows. */
export type ScreenContext = 'everywhere' | 'lists' | 'interactions' | 'detail';
/** An overlay or a line being typed: it takes every key while open. */
export type LayerContext =
	'copy menu' | 'diff' | 'help' | 'overview' | 'filter line' | 'search line' | 'picker filter';
export type KeyContext = ScreenContext | LayerContext;
/** The table a key is looked up in: the screens' one, or an overlay's or a line's. */
export type KeyLayer = 'screen' | LayerContext;

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
	/** Its label in the footer or a hint line; bindings without one are only in the help. */
	readonly short?: string;
	/** How the footer writes its keys, when not the first of `keys` ("j/k" for both moves). */
	readonly shortKeys?: string;
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
