// One key event from Ink, routed to either a line being typed (a filter, a search) or to commands.
// Ink hands a run of plain characters over as one string, and a fast typist or a paste can put a
// command and text in the same run ("/abc\r"), so the run is taken one character at a time and each
// character asks `typing()` afresh: everything after `/` is text, Enter ends it.
import {resolveKeys, type Command, type KeyFlags} from './keymap.ts';

export type KeyRoutes = {
	/** Whether a line is being typed right now (read at each character). */
	readonly typing: () => boolean;
	readonly type: (char: string) => void;
	readonly erase: () => void;
	readonly cancel: () => void;
	readonly commit: () => void;
	/** Arrow keys while typing: default is to ignore them. */
	readonly arrowWhileTyping?: (command: Command) => void;
	readonly run: (command: Command) => void;
	readonly quit: () => void;
};

export function routeKeys(input: string, key: KeyFlags, routes: KeyRoutes): void {
	if (key.ctrl && input === 'c') {
		routes.quit();
		return;
	}

	const named = resolveKeys('', key);
	if (named.length > 0 || key.escape || key.backspace || key.delete) {
		if (!routes.typing()) {
			named.forEach(routes.run);
			return;
		}

		if (key.escape) routes.cancel();
		else if (key.backspace || key.delete) routes.erase();
		else if (key.return) routes.commit();
		else if ((key.downArrow || key.upArrow) && routes.arrowWhileTyping)
			named.forEach(routes.arrowWhileTyping);
		return;
	}

	for (const char of input) {
		if (!routes.typing()) resolveKeys(char, {}).forEach(routes.run);
		else if (char === '\r' || char === '\n') routes.commit();
		else if (char >= ' ') routes.type(char);
	}
}
