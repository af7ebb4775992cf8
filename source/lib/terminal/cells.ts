// One line of an Ink frame as terminal cells: what each column shows and with which style, so two frames can be
// compared cell by cell. Ink's lines are `styledCharsToString` output (SGR and OSC 8 around graphemes), and this
// reads them back with the same tokenizer, on the keystroke path: lines of the common characters are read by
// char code, and only the others pay for grapheme segmentation.
import {
	ansiCodesToString,
	diffAnsiCodes,
	reduceAnsiCodesIncremental,
	tokenize,
} from '@alcalzone/ansi-tokenize';
import type {AnsiCode} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';

export type Style = {
	/** The reduced codes concatenated: equal keys, equal rendition. */
	readonly key: string;
	readonly codes: readonly AnsiCode[];
	/** A reset (SGR 0) does not close an OSC 8 link, so a style with one needs the codes' own undo. */
	readonly hasLink: boolean;
};

export type Cell = {
	/** The grapheme, '' for the second column of a wide one. */
	readonly text: string;
	/** 1 or 2 on a grapheme's first column, 0 on the column a wide grapheme also covers. */
	readonly width: number;
	readonly style: Style;
};

export type Line = {
	/** One entry per column, as far as the line's last written grapheme (Ink trims trailing blanks). */
	readonly cells: readonly Cell[];
	/**
	 * The first column whose grapheme terminals may draw at another width than string-width says (emoji, joined
	 * or combining sequences, controls), Infinity when none: columns up to it are where a terminal puts them,
	 * past it only writing through from a known column lands text where a full write would. 0 when the line holds
	 * a sequence that is not a cell (only the line as it is reproduces that).
	 */
	readonly uncertainAt: number;
};

const styles = new Map<string, Style>();

function styleOf(codes: readonly AnsiCode[]): Style {
	let key = '';
	for (const code of codes) key += code.code;
	let style = styles.get(key);
	if (!style) {
		style = {key, codes, hasLink: codes.some(code => code.code.startsWith('\u001B]'))};
		styles.set(key, style);
	}
	return style;
}

export const plainStyle: Style = styleOf([]);
export const blankCell: Cell = {text: ' ', width: 1, style: plainStyle};

const transitions = new Map<string, string>();

/** The SGR (and OSC 8) bytes that turn rendition `from` (undefined: not known) into `to`. */
export function styleTransition(from: Style | undefined, to: Style): string {
	if (from === to) return '';
	const cacheKey = from === undefined ? `?\u0000${to.key}` : `${from.key}\u0000${to.key}`;
	let bytes = transitions.get(cacheKey);
	if (bytes === undefined) {
		const fresh = '\u001B[0m' + ansiCodesToString([...to.codes]);
		if (from === undefined) bytes = fresh;
		else {
			const diff = ansiCodesToString(diffAnsiCodes([...from.codes], [...to.codes]));
			bytes = !from.hasLink && fresh.length < diff.length ? fresh : diff;
		}
		transitions.set(cacheKey, bytes);
	}
	return bytes;
}

// One column wide on every terminal and in string-width, and never joined to a neighbour: the same set as the
// narrow-text shortcut (printable ASCII, Latin-1 but the soft hyphen, Latin Extended, IPA, spacing modifiers,
// general punctuation, arrows, box drawing, ✓ ✗).
function isNarrow(code: number): boolean {
	if (code < 0x7f) return code >= 0x20;
	if (code < 0x300) return code >= 0xa0 && code !== 0xad;
	if (code < 0x2010) return false;
	if (code <= 0x2048) return code <= 0x2027 || (code >= 0x2030 && code !== 0x203c);
	if (code < 0x2190) return false;
	if (code <= 0x21ff) return code <= 0x2193 || (code >= 0x219a && code !== 0x21a9 && code !== 0x21aa);
	return (code >= 0x2500 && code <= 0x257f) || code === 0x2713 || code === 0x2717;
}

// Two columns in every wcwidth table in use (East Asian Wide since Unicode 3): kana, CJK ideographs, Hangul
// syllables, fullwidth forms. Combining kana marks (U+3099, U+309A) fall outside these ranges.
function isSurelyWide(code: number): boolean {
	return (
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0x3041 && code <= 0x3096) ||
		(code >= 0x30a1 && code <= 0x30fa) ||
		(code >= 0x3400 && code <= 0x4dbf) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xff01 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6)
	);
}

const sgrTokens = new Map<string, AnsiCode[]>();

function sgrCodes(sequence: string): AnsiCode[] {
	let codes = sgrTokens.get(sequence);
	if (!codes) {
		codes = tokenize(sequence).filter((token): token is AnsiCode => token.type === 'ansi');
		sgrTokens.set(sequence, codes);
	}
	return codes;
}

/** Index of the `m` ending the SGR sequence at `start` (ESC [ digits/semicolons m), -1 if it is not one. */
function sgrEnd(line: string, start: number): number {
	if (line.charCodeAt(start + 1) !== 0x5b) return -1;
	for (let index = start + 2; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === 0x6d) return index;
		if (code !== 0x3b && (code < 0x30 || code > 0x39)) return -1;
	}
	return -1;
}

function pushGrapheme(cells: Cell[], text: string, width: number, style: Style): void {
	cells.push({text, width, style});
	for (let column = 1; column < width; column++) cells.push({text: '', width: 0, style});
}

/** Reads one line of an Ink frame (no newline in it) into cells. */
export function parseLine(line: string): Line {
	const cells: Cell[] = [];
	let codes: AnsiCode[] = [];
	let style = plainStyle;
	for (let index = 0; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === 0x1b) {
			const end = sgrEnd(line, index);
			if (end === -1) return parseGraphemes(line);
			codes = reduceAnsiCodesIncremental(codes, sgrCodes(line.slice(index, end + 1)));
			style = styleOf(codes);
			index = end;
		} else if (isNarrow(code)) cells.push({text: line[index]!, width: 1, style});
		else if (isSurelyWide(code)) pushGrapheme(cells, line[index]!, 2, style);
		else return parseGraphemes(line);
	}
	return {cells, uncertainAt: Number.POSITIVE_INFINITY};
}

const graphemeWidths = new Map<string, number>();

function graphemeWidth(text: string): number {
	let width = graphemeWidths.get(text);
	if (width === undefined) {
		// Ink gives every grapheme at least one column (output.ts); a wider one than 2 is not a terminal cell.
		width = Math.min(2, Math.max(1, stringWidth(text)));
		graphemeWidths.set(text, width);
	}
	return width;
}

function parseGraphemes(line: string): Line {
	const cells: Cell[] = [];
	let codes: AnsiCode[] = [];
	let style = plainStyle;
	let uncertainAt = Number.POSITIVE_INFINITY;
	for (const token of tokenize(line)) {
		if (token.type === 'ansi') {
			codes = reduceAnsiCodesIncremental(codes, [token]);
			style = styleOf(codes);
			continue;
		}
		// Any other sequence (a window title, a stray CSI) is not a cell: only writing the line as it is
		// reproduces it.
		if (token.type === 'control') {
			uncertainAt = 0;
			continue;
		}
		const text = token.value;
		const first = text.charCodeAt(0);
		if (text.length === 1 && isNarrow(first)) cells.push({text, width: 1, style});
		else if (text.length === 1 && isSurelyWide(first)) pushGrapheme(cells, text, 2, style);
		else {
			uncertainAt = Math.min(uncertainAt, cells.length);
			pushGrapheme(cells, text, graphemeWidth(text), style);
		}
	}
	return {cells, uncertainAt};
}
