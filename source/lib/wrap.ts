// Long text is wrapped once per width and then sliced: never mounted whole (field notes §2.4-2.5).
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

export type Line = {
	readonly text: string;
	/** Indentation of continuation lines, in columns; default: the line's own leading spaces. */
	readonly hang?: number;
};

const cache = new WeakMap<readonly Line[], Map<number, readonly Line[]>>();

/** One line of text wrapped to `width` columns; continuation lines keep its indentation. */
export function wrapText(text: string, width: number, hang?: number): string[] {
	if (text.includes('\n')) return text.split('\n').flatMap(line => wrapText(line, width, hang));
	return wrapOne(text, Math.max(1, Math.floor(width)), hang);
}

function wrapOne(text: string, width: number, hang?: number): string[] {
	if (text === '' || (text.length <= width && stringWidth(text) <= width)) return [text];
	// Continuation lines keep the line's indentation, so nested blocks stay readable when wrapped.
	const indent = hang ?? (/^ */.exec(text)?.[0] ?? '').length;
	if (indent === 0 || indent > width / 2) return hardWrap(text, width).map(p => p.trimEnd());
	// With trim off, wrap-ansi only inserts breaks: the first piece's length is what it consumed, in the
	// NFC form it returns (U+2F800 comes back as one code unit, not two), so slice that form.
	const whole = text.normalize('NFC');
	const first = hardWrap(whole, width)[0] ?? '';
	const tail = whole.slice(first.length).trimStart();
	if (tail === '') return [first.trimEnd()];
	const pad = ' '.repeat(indent);
	return [first.trimEnd(), ...hardWrap(tail, width - indent).map(piece => pad + piece.trimEnd())];
}

function hardWrap(text: string, width: number): string[] {
	return wrapAnsi(text, width, {hard: true, trim: false, wordWrap: true}).split('\n');
}

/**
 * Wrap logical lines to visual lines of at most `width` columns, keeping each line's other fields
 * (style). Memoised on (array identity, width): pass the same array to hit the cache.
 */
export function wrapLines<T extends Line>(lines: readonly T[], width: number): readonly T[] {
	const w = Math.max(1, Math.floor(width));
	let byWidth = cache.get(lines);
	if (!byWidth) {
		byWidth = new Map();
		cache.set(lines, byWidth);
	}
	const hit = byWidth.get(w);
	if (hit) return hit as readonly T[];
	const out: T[] = [];
	for (const line of lines) {
		for (const text of wrapOne(line.text, w, line.hang))
			out.push(text === line.text ? line : {...line, text});
	}
	byWidth.set(w, out);
	return out;
}

export type Match = {
	/** Index of the visual line. */
	readonly line: number;
	/** UTF-16 index of the match in the line's text. */
	readonly index: number;
	/** Display column where the match starts. */
	readonly column: number;
	readonly length: number;
};

/** The index of each line holding at least one match, in order: n/N step by line, not by match. */
export function matchingLines(lines: readonly Line[], query: string): readonly number[] {
	return [...new Set(search(lines, query).map(match => match.line))];
}

/** Case-insensitive occurrences of `query` in the visual lines, in reading order. */
export function search(lines: readonly Line[], query: string): readonly Match[] {
	if (query === '') return [];
	const needle = query.toLowerCase();
	const matches: Match[] = [];
	lines.forEach((line, lineIndex) => {
		// Lower-casing can change length for a few characters (İ); compare only where it does not.
		const hay = line.text.toLowerCase();
		if (hay.length !== line.text.length) return searchSlow(line.text, needle, lineIndex, matches);
		for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + Math.max(1, needle.length))) {
			matches.push({
				line: lineIndex,
				index: at,
				column: stringWidth(line.text.slice(0, at)),
				length: query.length,
			});
		}
	});
	return matches;
}

function searchSlow(text: string, needle: string, lineIndex: number, matches: Match[]): void {
	for (let at = 0; at < text.length; at++) {
		for (let end = at + 1; end <= text.length; end++) {
			const lower = text.slice(at, end).toLowerCase();
			if (lower === needle) {
				matches.push({line: lineIndex, index: at, column: stringWidth(text.slice(0, at)), length: end - at});
				at = end - 1;
				break;
			}
			if (!needle.startsWith(lower)) break;
		}
	}
}
