// Small helpers for reading untrusted JSON with a path, so that a bad field is reported by where it
// is ("data[3].state") and what it is, never by dumping its content.
import {ApiError} from '../errors.ts';
import {sanitize, sanitizeLine} from '../../lib/sanitize.ts';

export type ParseOptions = {
	/** Show secrets verbatim (export --show-secrets). Default: masked. */
	readonly revealSecrets?: boolean;
	/** What was fetched, in words, for the error message: "the interactions of thread 0197…". */
	readonly resource?: string;
};

export type Json = Record<string, unknown>;

export const join = (path: string, key: string | number): string =>
	typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'missing';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'string') return 'a string';
	if (typeof value === 'boolean') return 'a boolean';
	return `a ${typeof value}`;
}

export function fail(path: string, value: unknown, expected: string, options: ParseOptions): never {
	const where = options.resource ? ` for ${options.resource}` : '';
	const field = path || 'the body';
	throw new ApiError(
		'malformed',
		`Unexpected response${where}: ${field} is ${describe(value)}, expected ${expected}`,
		{
			path: path || '(root)',
			resource: options.resource,
		},
	);
}

export const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function requireObject(value: unknown, path: string, options: ParseOptions): Json {
	return isObject(value) ? value : fail(path, value, 'an object', options);
}

export function requireArray(value: unknown, path: string, options: ParseOptions): readonly unknown[] {
	return Array.isArray(value) ? value : fail(path, value, 'an array', options);
}

/** A required one-line string (ids, states): present and a string, or the body is malformed. */
export function requireLine(object: Json, key: string, path: string, options: ParseOptions): string {
	const value = object[key];
	return typeof value === 'string' ? sanitizeLine(value) : fail(join(path, key), value, 'a string', options);
}

// Optional fields are lenient on purpose: a missing, null or oddly typed optional field is treated as
// absent, so one strange value does not hide a whole page from someone triaging an incident.
export const optLine = (value: unknown): string | undefined =>
	typeof value === 'string' ? sanitizeLine(value) : undefined;

/**
 * Longest text kept for display, per field. Wrapping and drawing a 40 MB tool log would freeze the
 * keys; past this the text is cut with a note, and the whole of it stays in `raw`, which the pager
 * shows (o on the list).
 */
export const MAX_DISPLAY_CHARS = 200_000;

export const optText = (value: unknown): string | undefined =>
	typeof value === 'string' ? displayText(value) : undefined;

/** Sanitised multi-line text, cut at MAX_DISPLAY_CHARS with a note saying how much there was. */
export function displayText(value: string, max = MAX_DISPLAY_CHARS): string {
	if (value.length <= max) return sanitize(value);
	// Cut before sanitising (cheaper on 40 MB); a sequence cut in half is dropped whole by sanitize.
	const kept = sanitize(value.slice(0, max));
	const total = value.length.toLocaleString('en-US');
	return `${kept}\n… cut for display at ${max.toLocaleString('en-US')} of ${total} characters: press o on the list for the whole interaction in $PAGER`;
}

export const optNumber = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export const optBool = (value: unknown): boolean | undefined =>
	typeof value === 'boolean' ? value : undefined;

export const lines = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter(item => typeof item === 'string').map(item => sanitizeLine(item)) : [];

export const parseTime = (value: string | undefined): number =>
	value === undefined ? Number.NaN : Date.parse(value);
