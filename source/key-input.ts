// One key event from Ink, routed to the layer that has the keys: the screen, an overlay, or a line being
// typed (a filter, a search). Ink hands a run of plain characters over as one string, and a fast typist
// or a paste can put a command and text in the same run ("/abc\r", "y1"), so the run is taken one
// character at a time and each character asks `layer()` afresh: everything after `/` is text, Enter
// ends it, and the key after `y` goes to the copy menu it opened.
import {isLineLayer, namedKey, resolveKeys, type Command, type KeyFlags, type KeyLayer} from './keymap.ts';
import type {LineEdit} from './state/line-edit.ts';

export type KeyRoutes = {
	/** Which layer has the keys right now (read at each character). */
	readonly layer: () => KeyLayer;
	/** A printable character typed, or the last one erased, while a line is typed. */
	readonly edit: (edit: LineEdit) => void;
	readonly cancel: () => void;
	readonly commit: () => void;
	/** Arrow keys while typing: default is to ignore them. */
	readonly arrowWhileTyping?: (command: Command) => void;
	/** A command of the screen or of an overlay; `char` is the character that gave it, if any. */
	readonly run: (command: Command, char: string) => void;
	readonly quit: () => void;
};

function lineCommand(command: Command, routes: KeyRoutes): void {
	if (command === 'commit') routes.commit();
	else if (command === 'cancel') routes.cancel();
	else if (command === 'erase') routes.edit({type: 'erase'});
}

export function routeKeys(input: string, key: KeyFlags, routes: KeyRoutes): void {
	if (key.ctrl && input === 'c') {
		routes.quit();
		return;
	}

	if (namedKey(key) !== undefined) {
		const layer = routes.layer();
		const commands = resolveKeys('', key, layer);
		if (!isLineLayer(layer)) commands.forEach(command => routes.run(command, ''));
		else if (commands.length > 0) commands.forEach(command => lineCommand(command, routes));
		else if ((key.downArrow || key.upArrow) && routes.arrowWhileTyping)
			resolveKeys('', key).forEach(routes.arrowWhileTyping);
		return;
	}

	for (const char of input) {
		const layer = routes.layer();
		if (!isLineLayer(layer)) {
			resolveKeys(char, {}, layer).forEach(command => routes.run(command, char));
			continue;
		}

		const [command] = resolveKeys(char === '\n' ? '\r' : char, {}, layer);
		if (command) lineCommand(command, routes);
		else if (char >= ' ') routes.edit({type: 'type', text: char});
	}
}
