// Arbitrary JSON (tool inputs, unknown blocks) is kept for display, so its strings are sanitised like
// any other server text, and its depth and size are capped: a hostile body nested 100,000 levels deep
// must not overflow the stack in JSON.stringify or in our own recursion.
import {sanitize, sanitizeLine} from '../../lib/sanitize.ts';

export const MAX_DEPTH = 32;
export const MAX_JSON_CHARS = 2000;
const MAX_KEYS = 200;
const TOO_DEEP = '[nested too deep]';

/** A copy of `value` with every string and key sanitised, nesting past MAX_DEPTH replaced. */
export function sanitizeJson(value: unknown, depth = 0): unknown {
	if (typeof value === 'string') return sanitize(value);
	if (value === null || typeof value !== 'object') {
		return typeof value === 'number' || typeof value === 'boolean' ? value : null;
	}
	if (depth >= MAX_DEPTH) return TOO_DEEP;
	if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map(item => sanitizeJson(item, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value).slice(0, MAX_KEYS)) {
		setOwn(out, sanitizeLine(key), sanitizeJson(item, depth + 1));
	}
	return out;
}

/** Compact, sanitised, length-capped JSON: for one line of "what was this block". */
export function compactJson(value: unknown, max = MAX_JSON_CHARS): string {
	const text = JSON.stringify(sanitizeJson(value)) ?? 'null';
	// JSON escapes \n, but sanitize() keeps real newlines inside strings only; after stringify the
	// text is one line already.
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * `value` itself when no part of it is nested deeper than `max`; otherwise a copy with the too-deep
 * parts replaced, sharing everything else. Keeps `raw` safe for JSON.stringify in copy and export.
 */
export function capDepth(value: unknown, max = 2 * MAX_DEPTH, depth = 0): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (depth >= max) return TOO_DEEP;
	if (Array.isArray(value)) {
		let copy: unknown[] | undefined;
		value.forEach((item, index) => {
			const capped = capDepth(item, max, depth + 1);
			if (capped !== item) (copy ??= value.slice())[index] = capped;
		});
		return copy ?? value;
	}
	let copy: Record<string, unknown> | undefined;
	for (const key of Object.keys(value)) {
		const item = (value as Record<string, unknown>)[key];
		const capped = capDepth(item, max, depth + 1);
		if (capped !== item) setOwn((copy ??= {...value}), key, capped);
	}
	return copy ?? value;
}

/** obj[key] = value, except that "__proto__" (an own key after JSON.parse) stays an own key. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(object, key, {value, enumerable: true, writable: true, configurable: true});
}
