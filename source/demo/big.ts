// The big project's interactions, never materialised: item p is rebuilt from (seed, p) whenever it
// is asked for, and an id decodes back to p, so a 100,000-item project costs no memory.
import {fillerInteraction, type GenContext} from './interactions.ts';
import type {Indexed} from './paging.ts';
import {IdKind, makeId, parseId} from './seed.ts';
import type {StoreBase} from './store.ts';
import type {InteractionDto} from './wire.ts';

export type BigLayout = {
	readonly projectId: string;
	readonly total: number;
	readonly startMs: number;
	readonly bigThreadId: string;
	/** The first few items (round-robin) go to these threads; the rest to the big thread. */
	readonly smallThreadIds: readonly string[];
};

export const smallCountFor = (total: number): number => Math.min(12, Math.floor(total / 10));

export function bigStoreBase(ctx: GenContext, layout: BigLayout): StoreBase {
	const {total, smallThreadIds} = layout;
	const smallCount = smallCountFor(total);
	const ways = smallThreadIds.length;
	const timeOf = (p: number) => layout.startMs + p * 30_000;
	const at = (p: number): InteractionDto =>
		fillerInteraction(ctx, {
			id: makeId(timeOf(p), IdKind.bigInteraction, p),
			projectId: layout.projectId,
			threadId: p < smallCount ? (smallThreadIds[p % ways] ?? layout.bigThreadId) : layout.bigThreadId,
			timeMs: timeOf(p),
			key: 0x100000 + p,
			light: true,
		});
	const indexOf = (id: string): number => {
		const parsed = parseId(id);
		if (!parsed || parsed.kind !== IdKind.bigInteraction || parsed.index >= total) return -1;
		return makeId(timeOf(parsed.index), IdKind.bigInteraction, parsed.index) === id ? parsed.index : -1;
	};
	const threads = new Map<string, Indexed<InteractionDto>>();
	threads.set(layout.bigThreadId, {
		length: total - smallCount,
		at: i => at(i + smallCount),
		indexOf: id => {
			const p = indexOf(id);
			return p < smallCount ? -1 : p - smallCount;
		},
	});
	smallThreadIds.forEach((threadId, t) => {
		threads.set(threadId, {
			length: Math.floor((smallCount - t + ways - 1) / ways),
			at: i => at(i * ways + t),
			indexOf: id => {
				const p = indexOf(id);
				return p >= 0 && p < smallCount && p % ways === t ? (p - t) / ways : -1;
			},
		});
	});
	return {
		all: {length: total, at, indexOf},
		threads,
		get: id => {
			const p = indexOf(id);
			return p >= 0 ? at(p) : undefined;
		},
	};
}
