// The filter language shared by the explorer's `/` and `export --filter`. Parsing is separate from
// matching so that the UI can parse on every keystroke, show the error caret, and only re-filter
// when the text parses.
import stringWidth from 'string-width';
import {formatCount} from './format.ts';
import {TRIAGE_FLAG_NAMES, type TriageFlag} from './triage.ts';

export type Comparison = '>' | '<' | '>=' | '<=' | '=';
export type NumericField = 'tokens' | 'in' | 'out';
export type TextField = 'state' | 'model' | 'stop' | 'tool' | 'user';
export type TimeField = 'after' | 'before';

/** An absolute instant, or "this long before now" resolved when matching. */
export type TimeValue =
	{readonly kind: 'absolute'; readonly ms: number} | {readonly kind: 'ago'; readonly ms: number};

export type FilterTermBody =
	/** Free text or a "quoted phrase"; `value` is lower-cased. */
	| {readonly kind: 'text'; readonly value: string; readonly quoted: boolean}
	| {readonly kind: 'field'; readonly field: TextField; readonly value: string}
	| {readonly kind: 'number'; readonly field: NumericField; readonly op: Comparison; readonly value: number}
	| {readonly kind: 'flag'; readonly flag: TriageFlag | 'any'}
	/** An error cluster of the overview (domain/fingerprint.ts): its id, or a prefix of 4+ hex digits. */
	| {readonly kind: 'cluster'; readonly id: string}
	| {readonly kind: 'time'; readonly field: TimeField; readonly value: TimeValue; readonly text: string};

export type FilterTerm = FilterTermBody & {
	readonly negated: boolean;
	/** 0-based index of the term (its '-' included) in the source text. */
	readonly position: number;
};

export type Filter = {readonly source: string; readonly terms: readonly FilterTerm[]};

export type FilterError = {
	/** One line, ending in "at N" so it reads on its own in a status line. */
	readonly message: string;
	/** 0-based UTF-16 index into the source; the caret column is stringWidth(source.slice(0, position)). */
	readonly position: number;
};

export type ParseResult =
	{readonly ok: true; readonly filter: Filter} | {readonly ok: false; readonly error: FilterError};

const TEXT_FIELDS: readonly TextField[] = ['state', 'model', 'stop', 'tool', 'user'];
const NUMERIC_FIELDS: readonly NumericField[] = ['tokens', 'in', 'out'];
const TIME_FIELDS: readonly TimeField[] = ['after', 'before'];

/** For the help overlay and the error hint. */
export const FILTER_SYNTAX =
	'words or "phrases" · state: model: stop: tool: user: flag: cluster: · tokens|in|out >,<,>=,<=,= N · after:/before: 2h|7d|2026-03-02 · -term negates';

const AGO_UNITS: Record<string, number> = {s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000};

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

class FilterSyntaxError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(`${message} at ${position}`);
	}
}

/** `"..."` starting at `start` (the quote); returns the inside and the index after the closing quote. */
function readQuoted(source: string, start: number): {value: string; end: number} {
	const close = source.indexOf('"', start + 1);
	if (close === -1) throw new FilterSyntaxError('unclosed quote', start);
	return {value: source.slice(start + 1, close), end: close + 1};
}

function readWord(source: string, start: number): {value: string; end: number} {
	let end = start;
	while (end < source.length && !isSpace(source[end])) end++;
	return {value: source.slice(start, end), end};
}

/** Integer or decimal with an optional k/m multiplier: 1500, 1.5k, 2M. */
function parseCount(text: string): number | undefined {
	const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text);
	if (!match) return undefined;
	const scale = match[2]?.toLowerCase() === 'k' ? 1000 : match[2]?.toLowerCase() === 'm' ? 1_000_000 : 1;
	return Number(match[1]) * scale;
}

// Dates without a zone are UTC: every time the explorer shows is UTC ("14:02Z").
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function parseTime(text: string): TimeValue | undefined {
	const ago = /^(\d+(?:\.\d+)?)([smhdw])$/i.exec(text);
	if (ago) return {kind: 'ago', ms: Number(ago[1]) * AGO_UNITS[ago[2]!.toLowerCase()]!};
	const iso = ISO.exec(text);
	if (!iso) return undefined;
	const normalised = text.replace(' ', 'T');
	const withZone = iso[1] || normalised.length === 10 ? normalised : `${normalised}Z`;
	const ms = Date.parse(withZone.length === 10 ? `${withZone}T00:00:00Z` : withZone);
	return Number.isFinite(ms) ? {kind: 'absolute', ms} : undefined;
}

function fieldValue(source: string, at: number, label: string): {value: string; end: number} {
	const read = source[at] === '"' ? readQuoted(source, at) : readWord(source, at);
	if (read.value === '') throw new FilterSyntaxError(`expected a value after '${label}'`, at);
	return read;
}

function readNumericTerm(
	source: string,
	field: NumericField,
	nameEnd: number,
): {body: FilterTermBody; end: number} {
	let at = nameEnd;
	if (source[at] === ':') at++; // `tokens:500` and `tokens:>500` read like `tokens=500` and `tokens>500`
	const op = /^(>=|<=|>|<|=)/.exec(source.slice(at, at + 2))?.[1] as Comparison | undefined;
	if (op) at += op.length;
	const label = source.slice(nameEnd - field.length, at);
	const word = readWord(source, at);
	const value = parseCount(word.value);
	if (value === undefined) throw new FilterSyntaxError(`expected a number after '${label}'`, at);
	return {body: {kind: 'number', field, op: op ?? '=', value}, end: word.end};
}

function readFieldTerm(source: string, name: string, nameStart: number): {body: FilterTermBody; end: number} {
	const field = name.toLowerCase();
	const nameEnd = nameStart + name.length;
	if ((NUMERIC_FIELDS as readonly string[]).includes(field))
		return readNumericTerm(source, field as NumericField, nameEnd);
	const known = [...TEXT_FIELDS, ...TIME_FIELDS, 'flag', 'cluster'] as readonly string[];
	if (!known.includes(field)) throw new FilterSyntaxError(`unknown field '${name}'`, nameStart);
	if (source[nameEnd] !== ':') throw new FilterSyntaxError(`expected ':' after '${name}'`, nameEnd);
	const at = nameEnd + 1;
	const {value, end} = fieldValue(source, at, `${name}:`);
	if (field === 'flag') {
		const flag = value.toLowerCase();
		if (flag !== 'any' && !(TRIAGE_FLAG_NAMES as readonly string[]).includes(flag)) {
			throw new FilterSyntaxError(
				`unknown flag '${value}' (one of ${TRIAGE_FLAG_NAMES.join(', ')}, any)`,
				at,
			);
		}
		return {body: {kind: 'flag', flag: flag as TriageFlag | 'any'}, end};
	}
	if (field === 'cluster') {
		if (!/^[0-9a-f]{4,8}$/i.test(value)) {
			throw new FilterSyntaxError(
				`expected a cluster id (4 to 8 hex digits, from the overview) after 'cluster:'`,
				at,
			);
		}
		return {body: {kind: 'cluster', id: value.toLowerCase()}, end};
	}
	if (field === 'after' || field === 'before') {
		const time = parseTime(value);
		if (!time) {
			throw new FilterSyntaxError(
				`expected a date (2026-03-02T14:00) or an age (30m, 2h, 7d) after '${name}:'`,
				at,
			);
		}
		return {body: {kind: 'time', field, value: time, text: value}, end};
	}
	return {body: {kind: 'field', field: field as TextField, value: value.toLowerCase()}, end};
}

const fieldName = /[a-z]+/iy;

function readTerm(source: string, start: number): {body: FilterTermBody; end: number} {
	if (source[start] === '"') {
		const {value, end} = readQuoted(source, start);
		return {body: {kind: 'text', value: value.toLowerCase(), quoted: true}, end};
	}
	fieldName.lastIndex = start;
	const name = fieldName.exec(source)?.[0];
	const next = name ? source[start + name.length] : undefined;
	// `https://…` is text someone pasted, not a field called "https".
	const url = next === ':' && source.startsWith('//', start + name!.length + 1);
	if (name && next !== undefined && ':<>='.includes(next) && !url) return readFieldTerm(source, name, start);
	const {value, end} = readWord(source, start);
	return {body: {kind: 'text', value: value.toLowerCase(), quoted: false}, end};
}

export function parseFilter(source: string): ParseResult {
	const terms: FilterTerm[] = [];
	let at = 0;
	try {
		for (;;) {
			while (isSpace(source[at])) at++;
			if (at >= source.length) break;
			const position = at;
			const negated = source[at] === '-';
			if (negated) {
				at++;
				if (at >= source.length || isSpace(source[at]) || source[at] === '-') {
					throw new FilterSyntaxError("expected a term after '-'", at);
				}
			}
			const {body, end} = readTerm(source, at);
			// Empty quotes would match everything, which is never what a typo meant.
			if (body.kind === 'text' && body.value.trim() === '') throw new FilterSyntaxError('empty phrase', at);
			terms.push({...body, negated, position});
			at = end;
		}
	} catch (error) {
		if (error instanceof FilterSyntaxError)
			return {ok: false, error: {message: error.message, position: error.position}};
		throw error;
	}
	return {ok: true, filter: {source, terms}};
}

function describeTerm(term: FilterTerm): string {
	let text: string;
	switch (term.kind) {
		case 'text':
			text = `"${term.value}"`;
			break;
		case 'field':
			text = `${term.field}:${/\s/.test(term.value) ? `"${term.value}"` : term.value}`;
			break;
		case 'number':
			text = `${term.field}${term.op}${formatCount(term.value)}`;
			break;
		case 'flag':
			text = `flag:${term.flag}`;
			break;
		case 'cluster':
			text = `cluster:${term.id}`;
			break;
		case 'time':
			text =
				term.value.kind === 'ago'
					? `${term.field} ${term.text} ago`
					: `${term.field} ${new Date(term.value.ms).toISOString().replace('.000Z', 'Z')}`;
			break;
	}
	return term.negated ? `not ${text}` : text;
}

/** "state:error and not flag:stuck and tokens>1,000"; "all interactions" when empty. */
export function describeFilter(filter: Filter): string {
	if (filter.terms.length === 0) return 'all interactions';
	return filter.terms.map(describeTerm).join(' and ');
}

/** "^" under the mistake, for a line printed right below the filter text (CLI stderr, the UI's input). */
export function errorCaret(source: string, error: FilterError): string {
	return `${' '.repeat(stringWidth(source.slice(0, error.position)))}^`;
}
