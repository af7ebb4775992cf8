// The places the API carries secrets of other systems: MCP server bearer tokens and SQL connection
// strings. They are masked by key name wherever they sit, not only at their documented paths
// (pgpt.mcp_servers[].authorization_token, pgpt.tool_context[].connection_string): a server that
// nests them differently, or a tool input that carries one, must not put them on screen either.
import {setOwn} from './json-text.ts';
import {isObject} from './reader.ts';

export const MASKED = '•••••••• (masked)';

const SECRET_KEYS = new Set(['authorization_token', 'connection_string']);

const normalised = (key: string): string =>
	key
		.replace(/[-\s]/g, '_')
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.toLowerCase();

// Every key of every object of every page passes here, and a workspace uses a few hundred distinct keys: three
// regex passes per key were most of masking's time and garbage while a scan parsed pages. Bounded for bodies
// with ever-new keys.
const judged = new Map<string, boolean>();
export const JUDGED_MAX = 4096;

/** How many keys are remembered (for the test of the bound). */
export const judgedKeys = (): number => judged.size;

/** Whether a JSON key names a secret (case and separator insensitive: authorizationToken too). */
export function isSecretKey(key: string): boolean {
	let secret = judged.get(key);
	if (secret === undefined) {
		secret = SECRET_KEYS.has(normalised(key));
		if (judged.size >= JUDGED_MAX) judged.clear();
		judged.set(key, secret);
	}
	return secret;
}

/**
 * A copy of a JSON value with the value of every secret-named key masked (null stays null). Only the
 * objects on the way to a secret are copied; everything else is shared with the input, which is
 * never mutated. The recursion is bounded: run it on capDepth'd input.
 */
export function maskSecrets(raw: unknown): unknown {
	if (Array.isArray(raw)) {
		let copy: unknown[] | undefined;
		raw.forEach((item, index) => {
			const masked = maskSecrets(item);
			if (masked !== item) (copy ??= raw.slice())[index] = masked;
		});
		return copy ?? raw;
	}
	if (!isObject(raw)) return raw;
	let copy: Record<string, unknown> | undefined;
	for (const key of Object.keys(raw)) {
		const item = raw[key];
		const masked = isSecretKey(key)
			? item === null || item === undefined
				? item
				: MASKED
			: maskSecrets(item);
		if (masked !== item) {
			setOwn((copy ??= {...raw}), key, masked);
		}
	}
	return copy ?? raw;
}
