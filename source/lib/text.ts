// Cutting and padding one line of text to a number of terminal columns, by display width (CJK and emoji
// are two columns). Beside wrap.ts, which breaks long text into many lines.
import stringWidth from 'string-width';
import {isNarrowText, textWidth} from './narrow-text.ts';

// Intl.Segmenter loads ICU data when built (~2 ms, measured): built on first use, which narrow text never
// needs, so the first frame does not pay for it.
let segmenter: Intl.Segmenter | undefined;

/** Cut `text` to at most `width` terminal columns by display width, ending in "…" when cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (isNarrowText(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
	let used = 0;
	let fitEnd = 0; // end index of the prefix that fits in width - 1 (room for the ellipsis)
	segmenter ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
	for (const {segment, index} of segmenter.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > width) return `${text.slice(0, fitEnd)}…`;
		used += w;
		if (used <= width - 1) fitEnd = index + segment.length;
	}
	return text;
}

/** Pad (or cut) to exactly `width` display columns. */
export function fit(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}
