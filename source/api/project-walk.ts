// A project's interactions on servers without the project-wide route: walk its threads in order and
// page through each one, stitched into pages of the requested size. The cursor is opaque to callers:
// "w." + base64url JSON of a gap between two interactions — {i: thread index, t: thread id, c: the
// server's cursor inside that thread} or {i, t, at: 'start' | 'end'} at a thread boundary.
import type {Interaction, Page, PageRequest} from '../domain/types.ts';
import {ApiError} from './errors.ts';

export type Gap = {
	readonly i: number;
	readonly t: string;
	readonly c?: string;
	readonly at?: 'start' | 'end';
};

export type WalkDeps = {
	/** The project's thread ids in listing order; `refresh` refetches instead of using a cache. */
	threadIds(refresh: boolean): Promise<readonly string[]>;
	threadPage(threadId: string, page: PageRequest): Promise<Page<Interaction>>;
	readonly resource: string;
};

const PREFIX = 'w.';
// A server that keeps saying "more" while sending nothing must not keep us looping.
const MAX_REQUESTS = 200;

export const isWalkCursor = (cursor: string | undefined): boolean => cursor?.startsWith(PREFIX) === true;

export function encodeGap(gap: Gap): string {
	return PREFIX + Buffer.from(JSON.stringify(gap)).toString('base64url');
}

export function decodeGap(cursor: string, resource: string): Gap {
	try {
		const json: unknown = JSON.parse(Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'));
		const gap = json as Gap;
		if (
			typeof gap.i === 'number' &&
			Number.isInteger(gap.i) &&
			typeof gap.t === 'string' &&
			(gap.c === undefined || typeof gap.c === 'string') &&
			(gap.at === undefined || gap.at === 'start' || gap.at === 'end')
		) {
			return gap;
		}
	} catch {
		// fall through
	}
	throw new ApiError('malformed', `Invalid page cursor for ${resource}; reload the list`, {resource});
}

/** Where a gap's thread is now: by id, in case threads were added or removed since. */
function locate(gap: Gap, threads: readonly string[], resource: string): number {
	if (threads[gap.i] === gap.t) return gap.i;
	const index = threads.indexOf(gap.t);
	if (index < 0) {
		throw new ApiError('not-found', `Thread ${gap.t} is no longer in ${resource}; reload the list`, {
			resource,
		});
	}
	return index;
}

export async function walkProject(
	deps: WalkDeps,
	page: PageRequest,
	pageSize: number,
): Promise<Page<Interaction>> {
	const backward =
		page.before !== undefined ||
		(page.last !== undefined && page.after === undefined && page.first === undefined);
	const cursor = backward ? page.before : page.after;
	const threads = await deps.threadIds(cursor === undefined);
	const gap = cursor === undefined ? undefined : decodeGap(cursor, deps.resource);
	return backward
		? walkBackward(deps, threads, gap, page, page.last ?? pageSize)
		: walkForward(deps, threads, gap, page, page.first ?? pageSize);
}

async function walkForward(
	deps: WalkDeps,
	threads: readonly string[],
	gap: Gap | undefined,
	page: PageRequest,
	want: number,
): Promise<Page<Interaction>> {
	let i = 0;
	let c: string | undefined;
	if (gap) {
		i = locate(gap, threads, deps.resource);
		c = gap.c;
		if (gap.at === 'end') i += 1;
		if (gap.at !== undefined) c = undefined;
	}
	const items: Interaction[] = [];
	let previous: Gap | undefined;
	for (let requests = 0; items.length < want && i < threads.length && requests < MAX_REQUESTS; requests++) {
		const threadId = threads[i] as string;
		const result = await deps.threadPage(threadId, {
			first: want - items.length,
			after: c,
			order: page.order,
			totalCount: false,
		});
		if (result.items.length > 0 && items.length === 0) {
			previous =
				result.hasPreviousPage && result.previousCursor !== undefined
					? {i, t: threadId, c: result.previousCursor}
					: i > 0
						? {i: i - 1, t: threads[i - 1] as string, at: 'end'}
						: undefined;
		}
		items.push(...result.items);
		if (result.hasNextPage && result.items.length > 0 && result.nextCursor !== undefined) {
			c = result.nextCursor;
		} else {
			i += 1;
			c = undefined;
		}
	}
	if (items.length === 0 && gap) previous = {...gap, at: gap.c === undefined ? 'end' : undefined};
	const next: Gap | undefined =
		i >= threads.length
			? undefined
			: c !== undefined
				? {i, t: threads[i] as string, c}
				: {i, t: threads[i] as string, at: 'start'};
	return {
		items,
		nextCursor: next && encodeGap(next),
		previousCursor: previous && encodeGap(previous),
		hasNextPage: next !== undefined,
		hasPreviousPage: previous !== undefined,
	};
}

async function walkBackward(
	deps: WalkDeps,
	threads: readonly string[],
	gap: Gap | undefined,
	page: PageRequest,
	want: number,
): Promise<Page<Interaction>> {
	let i = threads.length - 1;
	let c: string | undefined;
	if (gap) {
		i = locate(gap, threads, deps.resource);
		c = gap.c;
		if (gap.at === 'start') i -= 1;
		if (gap.at !== undefined) c = undefined;
	}
	const chunks: Interaction[][] = [];
	let count = 0;
	let next: Gap | undefined;
	for (let requests = 0; count < want && i >= 0 && requests < MAX_REQUESTS; requests++) {
		const threadId = threads[i] as string;
		const result = await deps.threadPage(threadId, {
			last: want - count,
			before: c,
			order: page.order,
			totalCount: false,
		});
		if (result.items.length > 0 && count === 0) {
			next =
				result.hasNextPage && result.nextCursor !== undefined
					? {i, t: threadId, c: result.nextCursor}
					: i + 1 < threads.length
						? {i: i + 1, t: threads[i + 1] as string, at: 'start'}
						: undefined;
		}
		chunks.unshift(result.items.slice());
		count += result.items.length;
		if (result.hasPreviousPage && result.items.length > 0 && result.previousCursor !== undefined) {
			c = result.previousCursor;
		} else {
			i -= 1;
			c = undefined;
		}
	}
	if (count === 0 && gap) next = {...gap, at: gap.c === undefined ? 'start' : undefined};
	const previous: Gap | undefined =
		i < 0
			? undefined
			: c !== undefined
				? {i, t: threads[i] as string, c}
				: {i, t: threads[i] as string, at: 'end'};
	return {
		items: chunks.flat(),
		nextCursor: next && encodeGap(next),
		previousCursor: previous && encodeGap(previous),
		hasNextPage: next !== undefined,
		hasPreviousPage: previous !== undefined,
	};
}
