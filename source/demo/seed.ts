// Deterministic building blocks: every value the demo serves derives from (seed, key) so two runs
// with the same seed answer byte-for-byte the same, and any item can be rebuilt from its index
// alone (the big project is never materialised).

/** The fixed clock every demo timestamp is an offset from. */
export const BASE_TIME_MS = Date.UTC(2026, 2, 1, 0, 0, 0);

/** A 32-bit hash of a seed and a list of integer keys (xmur3-style mixing). */
export function hash(seed: number, ...keys: readonly number[]): number {
	let h = (seed ^ 0x9e3779b9) >>> 0;
	for (const key of keys) {
		h = Math.imul(h ^ (key >>> 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
	}
	return h >>> 0;
}

/** A small PRNG (mulberry32) for sequences drawn from one (seed, key...) origin. */
export function rng(seed: number, ...keys: readonly number[]): () => number {
	let state = hash(seed, ...keys);
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const pick = <T>(random: () => number, items: readonly T[]): T => {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pick from an empty list');
	return item;
};

export const intBetween = (random: () => number, min: number, max: number): number =>
	min + Math.floor(random() * (max - min + 1));

/** What an id names; encoded in the id so a lazy item can be found again from its id alone. */
export const IdKind = {
	org: 0x001,
	user: 0x002,
	project: 0x003,
	thread: 0x004,
	bigInteraction: 0x010,
	interaction: 0x011,
	appended: 0x012,
	incident: 0x013,
	spread: 0x014,
	added: 0x015,
	member: 0x020,
} as const;

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/**
 * A UUIDv7-shaped id: 48-bit millisecond time, version 7, the kind in rand_a, variant 8, and the
 * index in rand_b. Ids therefore sort by creation time, as the real server's do.
 */
export function makeId(timeMs: number, kind: number, index: number): string {
	const time = hex(Math.max(0, Math.floor(timeMs)), 12);
	const idx = hex(index, 15);
	return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(kind, 3)}-8${idx.slice(0, 3)}-${idx.slice(3)}`;
}

const ID_PATTERN = /^([0-9a-f]{8})-([0-9a-f]{4})-7([0-9a-f]{3})-8([0-9a-f]{3})-([0-9a-f]{12})$/;

/** The kind and index an id of ours encodes, or undefined for anything else. */
export function parseId(id: string): {kind: number; index: number; timeMs: number} | undefined {
	const match = ID_PATTERN.exec(id);
	if (!match) return undefined;
	const [, t1 = '', t2 = '', kind = '', i1 = '', i2 = ''] = match;
	return {kind: parseInt(kind, 16), index: parseInt(i1 + i2, 16), timeMs: parseInt(t1 + t2, 16)};
}

export const iso = (timeMs: number): string => new Date(timeMs).toISOString().replace('.000Z', 'Z');
