// string-width measures non-ASCII text by grapheme clusters and tests every cluster against Unicode emoji regexes.
// Loading it builds those regexes and a Segmenter (~20 ms measured, a fifth of an Ink hello's whole start-up), the
// first emoji test compiles the RGI regex (~13 ms) and the first segmentation loads ICU's break data: the explorer's
// first frame paid all of it for its '·', '›', '✓', '…'. Text made only of the characters below is measured by
// counting: each is one column on its own and none can join a neighbour into a wider or narrower cluster
// (test/narrow-text.test.ts checks every one of them against string-width). string-width loads on first other text.
import {createRequire} from 'node:module';
import type stringWidthType from 'string-width';
import stripAnsi from 'strip-ansi';

// Printable ASCII; Latin-1 without the soft hyphen; Latin Extended A/B, IPA, spacing modifiers; dashes, quotes,
// bullets and ellipsis; per-mille, primes and angle quotes; arrows; box drawing; block elements (the overview's
// chart and sparklines: without them every chart row went through string-width's segmenter, the largest self time
// of a frame while the overview scanned); ✓ and ✗; Braille (the spinner).
const NARROW =
	/^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u2190-\u2193\u219a-\u21a8\u21ab-\u21ff\u2500-\u259f\u2713\u2717\u2800-\u28ff]*$/;

let stringWidth: typeof stringWidthType | undefined;

/** string-width itself, loaded on first use. */
function load(): typeof stringWidthType {
	type Module = {default: typeof stringWidthType};
	// A plain require() is what the bundler turns into a lazy, in-bundle load; under tsx (tests) there is none.
	if (typeof require !== 'function')
		return (createRequire(import.meta.url)('string-width') as Module).default;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require('string-width') as Module).default;
}

/** True when every UTF-16 unit of `text` is one terminal column: width is text.length, any slice is safe. */
export function isNarrowText(text: string): boolean {
	return NARROW.test(text);
}

/** string-width's answer, without loading or running it for narrow text. */
export function textWidth(text: string, options?: Parameters<typeof stringWidthType>[1]): number {
	// Only ambiguous-width characters depend on the options: wide when not narrow.
	if (options?.ambiguousIsNarrow !== false) {
		if (NARROW.test(text)) return text.length;
		// Styled text, as Ink measures it: string-width strips the codes first too, then measures the rest.
		if (options?.countAnsiEscapeCodes !== true && (text.includes('\u001B') || text.includes('\u009B'))) {
			const plain = stripAnsi(text);
			if (NARROW.test(plain)) return plain.length;
		}
	}
	stringWidth ??= load();
	return stringWidth(text, options);
}
