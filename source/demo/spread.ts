// A project whose interactions are spread round-robin over many threads, never materialised (like big.ts):
// item p is rebuilt from (seed, p), sits in thread p mod T, and an id decodes back to p. The bench's
// "All threads" and overview figures use it (10 to 1,000 threads, 10,000 to 100,000 interactions).
import {fillerInteraction, type GenContext} from './interactions.ts';
import type {Indexed} from './paging.ts';
import {IdKind, makeId, parseId} from './seed.ts';
import type {StoreBase} from './store.ts';
import type {InteractionDto} from './wire.ts';

export type SpreadLayout = {
	readonly projectId: string;
	readonly total: number;
	readonly startMs: number;
	readonly threadIds: readonly string[];
	/** Between two consecutive interactions of the project. */
	readonly spacingMs: number;
};

export function spreadStoreBase(ctx: GenContext, layout: SpreadLayout): StoreBase {
	const {total, threadIds} = layout;
	const ways = Math.max(1, threadIds.length);
	const timeOf = (p: number) => layout.startMs + p * layout.spacingMs;
	const at = (p: number): InteractionDto =>
		fillerInteraction(ctx, {
			id: makeId(timeOf(p), IdKind.spread, p),
			projectId: layout.projectId,
			threadId: threadIds[p % ways]!,
			timeMs: timeOf(p),
			key: 0x2000000 + p,
			light: true,
		});
	const indexOf = (id: string): number => {
		const parsed = parseId(id);
		if (!parsed || parsed.kind !== IdKind.spread || parsed.index >= total) return -1;
		return makeId(timeOf(parsed.index), IdKind.spread, parsed.index) === id ? parsed.index : -1;
	};
	const threads = new Map<string, Indexed<InteractionDto>>();
	threadIds.forEach((threadId, t) => {
		threads.set(threadId, {
			length: Math.max(0, Math.floor((total - t + ways - 1) / ways)),
			at: i => at(i * ways + t),
			indexOf: id => {
				const p = indexOf(id);
				return p >= 0 && p % ways === t ? (p - t) / ways : -1;
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
