// Mutations of valid wire payloads for the parser's property tests: a mutation picks a place in the
// document by index (modulo the number of places, so any integer fast-check draws is valid) and does
// one hostile thing there. The result goes through JSON.stringify/JSON.parse, as it would on the wire.
import fc from 'fast-check';

export type Place = readonly (string | number)[];

export type Mutation =
	| {readonly kind: 'drop'; readonly at: number}
	| {readonly kind: 'null'; readonly at: number}
	| {readonly kind: 'swap'; readonly at: number; readonly value: unknown}
	| {readonly kind: 'huge-string'; readonly at: number; readonly size: number}
	| {readonly kind: 'deep'; readonly at: number; readonly depth: number; readonly arrays: boolean}
	| {readonly kind: 'string'; readonly at: number; readonly value: string}
	| {readonly kind: 'add-key'; readonly at: number; readonly key: string; readonly value: unknown};

const ESC = '\u001B';
const BEL = '\u0007';

/** Strings that attack a terminal, plus the odd ones a parser trips over. */
export const hostileStrings: readonly string[] = [
	`${ESC}]52;c;Y3VybCBldmlsIHwgc2g=${BEL}`,
	`${ESC}]0;PWNED${BEL}`,
	`${ESC}]2;PWNED${ESC}\\`,
	`${ESC}]8;;https://evil.example${ESC}\\label${ESC}]8;;${ESC}\\`,
	`${ESC}[2J${ESC}[H`,
	`${ESC}[10;10H${ESC}[K`,
	`${ESC}[?1049l`,
	`\u009D0;C1${BEL}`,
	'\u009B2J',
	`${ESC}P+q544e${ESC}\\`,
	`${ESC}]52;c;?${BEL}`,
	'\u202Egnp.exe',
	'a\rb',
	`${BEL}${BEL}`,
	'\b\b\b',
	'\u0000',
	'\uD800',
	'__proto__',
	'constructor',
	'',
	'Processing',
	'SomeFutureState',
	'日本語👨‍👩‍👧',
];

/** Values of every JSON type, for "types swapped". */
const swapValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(0, -1, 1e308, -0.5, true, false, '', [], {}, 'x', [null], {type: 42}),
	fc.jsonValue({maxDepth: 3}),
	fc.constantFrom(...hostileStrings),
);

const keyName = fc.oneof(
	fc.constantFrom(
		'__proto__',
		'constructor',
		'toString',
		'hasOwnProperty',
		'type',
		'data',
		'authorization_token',
	),
	fc.string({maxLength: 12}),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
	{arbitrary: fc.record({kind: fc.constant('drop' as const), at: fc.nat()}), weight: 4},
	{arbitrary: fc.record({kind: fc.constant('null' as const), at: fc.nat()}), weight: 4},
	{arbitrary: fc.record({kind: fc.constant('swap' as const), at: fc.nat(), value: swapValue}), weight: 6},
	{
		arbitrary: fc.record({
			kind: fc.constant('huge-string' as const),
			at: fc.nat(),
			size: fc.integer({min: 10_000, max: 300_000}),
		}),
		weight: 1,
	},
	{
		arbitrary: fc.record({
			kind: fc.constant('deep' as const),
			at: fc.nat(),
			depth: fc.integer({min: 40, max: 3000}),
			arrays: fc.boolean(),
		}),
		weight: 1,
	},
	{
		arbitrary: fc.record({
			kind: fc.constant('string' as const),
			at: fc.nat(),
			value: fc.oneof(fc.constantFrom(...hostileStrings), fc.string({unit: 'binary', maxLength: 40})),
		}),
		weight: 4,
	},
	{
		arbitrary: fc.record({
			kind: fc.constant('add-key' as const),
			at: fc.nat(),
			key: keyName,
			value: swapValue,
		}),
		weight: 2,
	},
);

/** Every place in a JSON document (the root is []), in document order. */
export function places(value: unknown, limit = 20_000): Place[] {
	const out: Place[] = [];
	const stack: Array<[unknown, Place]> = [[value, []]];
	while (stack.length > 0 && out.length < limit) {
		const [current, at] = stack.pop()!;
		out.push(at);
		// Places deeper than this are not worth aiming at, and copying long paths is quadratic.
		if (at.length >= 40) continue;
		if (Array.isArray(current)) {
			for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], [...at, i]]);
		} else if (typeof current === 'object' && current !== null) {
			const entries = Object.entries(current);
			for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], [...at, entries[i]![0]]]);
		}
	}
	return out;
}

const clone = <T>(value: T): T => structuredClone(value);

function getAt(root: unknown, at: Place): unknown {
	let current = root;
	for (const key of at) current = (current as Record<string | number, unknown>)[key];
	return current;
}

/** Sets (or, with `remove`, deletes) the value at a place; a root replacement is returned. */
function setAt(root: unknown, at: Place, value: unknown, remove = false): unknown {
	if (at.length === 0) return remove ? undefined : value;
	const parent = getAt(root, at.slice(0, -1)) as Record<string | number, unknown> | unknown[];
	const key = at[at.length - 1]!;
	if (Array.isArray(parent)) {
		if (remove) parent.splice(key as number, 1);
		else parent[key as number] = value;
	} else if (remove) {
		delete parent[key];
	} else {
		// defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
		Object.defineProperty(parent, key, {value, enumerable: true, writable: true, configurable: true});
	}
	return root;
}

function nest(value: unknown, depth: number, arrays: boolean): unknown {
	let out = value;
	for (let i = 0; i < depth; i++) out = arrays ? [out] : {a: out};
	return out;
}

/** Applies mutations in turn to a copy of `doc`, then round-trips it through JSON text. */
export function mutate(doc: unknown, mutations: readonly Mutation[], placeIndex?: Place[]): unknown {
	let root = clone(doc);
	let index = placeIndex;
	for (const mutation of mutations) {
		index ??= places(root);
		const at = index[mutation.at % index.length]!;
		const current = getAt(root, at);
		switch (mutation.kind) {
			case 'drop':
				root = setAt(root, at, undefined, true) ?? null;
				break;
			case 'null':
				root = setAt(root, at, null);
				break;
			case 'swap':
				root = setAt(root, at, clone(mutation.value));
				break;
			case 'huge-string':
				root = setAt(root, at, `${ESC}]0;big${BEL}` + 'word '.repeat(Math.ceil(mutation.size / 5)));
				break;
			case 'deep':
				root = setAt(root, at, nest(current ?? null, mutation.depth, mutation.arrays));
				break;
			case 'string':
				root = setAt(root, at, typeof current === 'string' ? current + mutation.value : mutation.value);
				break;
			case 'add-key':
				if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
					root = setAt(root, [...at, mutation.key], clone(mutation.value));
				}
				break;
		}
		// The first mutation used the cached index of the pristine document; later ones re-index.
		index = undefined;
	}
	try {
		return JSON.parse(JSON.stringify(root) ?? 'null');
	} catch (error) {
		// Nesting past JSON.stringify's own stack: the value is JSON-shaped already, use it as it is.
		if (error instanceof RangeError) return root;
		throw error;
	}
}
