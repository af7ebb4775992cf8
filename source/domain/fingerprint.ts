// Error fingerprints: 965 failed calls are often some 50 distinct errors. A fingerprint is the error's type
// plus its message with the parts that vary from call to call replaced by placeholders (URLs, UUIDs, emails,
// prefixed ids, hex, quoted values, durations, numbers), so the same failure lands in one cluster however
// its ids and numbers differ. The cluster id is a short hash of the fingerprint: stable across runs and
// machines, so `cluster:3fa9c2d1` means the same in `/`, `export --filter` and `report`.
import type {Interaction} from './types.ts';

export type ErrorSignature = {readonly type: string; readonly message: string};

export type Fingerprint = {
	/** 8 hex digits, the `cluster:` filter value. */
	readonly id: string;
	/** Lower-cased error type, "error" when the server sent none. */
	readonly type: string;
	/** The message with its variable parts replaced: "timeout after <duration> calling <url>". */
	readonly template: string;
};

const MAX_TEMPLATE = 240;

// Order matters: wider shapes first, so a UUID inside a URL is one <url>, and a duration is not two numbers.
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
	[/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()]+/gi, '<url>'],
	[/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
	[/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, '<email>'],
	// Quoted values: "...", `...`, and '...' when the quote opens a value rather than ends a word (don't).
	[/"[^"\n]*"|`[^`\n]*`|(?<![\w'])'[^'\n]*'(?!\w)/g, '<quoted>'],
	// Prefixed ids: req_8f3a2c1d, msg_01HXZ..., tu-42ab (at least one digit, so snake_case words stay).
	[/\b[a-z]{2,}[_-](?=[a-z]*\d)[a-z0-9]{4,}\b/gi, '<id>'],
	[/\b0x[0-9a-f]+\b/gi, '<hex>'],
	[/\b(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]{8,}\b/gi, '<hex>'],
	[
		/(?<![\w.])\d+(?:\.\d+)?\s?(?:ms|\u00B5s|us|ns|s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b/gi,
		'<duration>',
	],
	[/\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?\b/g, '<time>'],
	[/(?<![A-Za-z])[-+]?\d+(?:[.,]\d+)*/g, '<n>'],
];

/** The message with its variable parts replaced, whitespace collapsed, bounded in length. */
export function normaliseMessage(message: string): string {
	let text = message;
	for (const [pattern, placeholder] of RULES) text = text.replace(pattern, placeholder);
	text = text.replace(/\s+/g, ' ').trim();
	return text.length > MAX_TEMPLATE ? `${text.slice(0, MAX_TEMPLATE - 1)}…` : text;
}

/** FNV-1a, 32 bits: a short id that stays the same everywhere (no Node crypto in domain/). */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		h ^= text.charCodeAt(index);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

export function fingerprint(error: ErrorSignature): Fingerprint {
	const type = error.type.trim().toLowerCase() || 'error';
	const template = normaliseMessage(error.message) || '(no message)';
	return {id: hash(`${type}\n${template}`), type, template};
}

/** Whether the interaction failed: an Error state, a stop reason of "error", or any error in its output. */
export function isFailed(interaction: Interaction): boolean {
	const output = interaction.output;
	return (
		interaction.state === 'Error' ||
		output?.stopReason === 'error' ||
		(output !== undefined && output.errors.length > 0)
	);
}

/**
 * The errors an interaction is clustered by: its output's errors, or, for a failure that names none, one
 * that says how it failed (so every failed interaction lands in some cluster).
 */
export function interactionErrors(interaction: Interaction): readonly ErrorSignature[] {
	const errors = interaction.output?.errors ?? [];
	if (errors.length > 0) return errors;
	if (!isFailed(interaction)) return [];
	const stop = interaction.output?.stopReason;
	return [
		{
			type: 'error',
			message: stop && stop !== 'error' ? `failed with stop reason ${stop}` : '(no error message)',
		},
	];
}

const fingerprintCache = new WeakMap<Interaction, readonly Fingerprint[]>();

/** The interaction's distinct fingerprints (one per cluster it belongs to), cached per interaction. */
export function interactionFingerprints(interaction: Interaction): readonly Fingerprint[] {
	let found = fingerprintCache.get(interaction);
	if (!found) {
		const byId = new Map<string, Fingerprint>();
		for (const error of interactionErrors(interaction)) {
			const print = fingerprint(error);
			if (!byId.has(print.id)) byId.set(print.id, print);
		}
		found = [...byId.values()];
		fingerprintCache.set(interaction, found);
	}
	return found;
}

/** `cluster:<id>` matching: the full id, or a prefix of at least 4 hex digits. */
export function inCluster(interaction: Interaction, id: string): boolean {
	const wanted = id.toLowerCase();
	return interactionFingerprints(interaction).some(print => print.id.startsWith(wanted));
}
