// Server text is untrusted: a model or a user can put escape sequences in a transcript, and Ink
// passes OSC (title, hyperlink, clipboard write) straight to the terminal. This runs once, at the
// parse boundary, so nothing downstream ever has to think about it.
import stripAnsi from 'strip-ansi';

// C0 controls except \n and \t, DEL, C1, bidi controls and invisible zero-width characters.
// ZWJ (U+200D) stays: emoji sequences need it.
const unsafe =
	/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

// strip-ansi leaves the payload of a C1 OSC (0x9D … BEL/ST) and of an unterminated 7-bit OSC; drop
// them whole so that no "0;PWNED" garbage is left behind.
const oscPayload = /(?:\u001B\]|\u009D)[^\u0007\u009C\u001B]*(?:\u0007|\u009C|\u001B\\|$)/g;
const stringSequence = /(?:\u001B[P^_X]|[\u0090\u0098\u009E\u009F])[^\u009C\u001B]*(?:\u009C|\u001B\\|$)/g;

export const TAB_WIDTH = 4;

/** Multi-line display text: newlines kept, everything else that could drive the terminal removed. */
export function sanitize(raw: string): string {
	return stripAnsi(raw.replace(/\r\n?/g, '\n').replace(oscPayload, '').replace(stringSequence, ''))
		.replace(unsafe, '')
		.replace(/\t/g, ' '.repeat(TAB_WIDTH));
}

/** One-line display text (names, ids, error messages): newlines folded to spaces. */
export function sanitizeLine(raw: string): string {
	return sanitize(raw).replace(/\n+/g, ' ');
}
