// What the timeline properties compare against: every row of a random thread layout as the demo holds it, read
// thread by thread with plain fetch, and sorted independently of the merge.
import fc from 'fast-check';
import type {AddedThread, DemoServer} from '../../source/demo/index.ts';
import type {PageOrder} from '../../source/domain/types.ts';
import {T0} from './timeline-probe.ts';

type Row = {id: string; ms: number; thread: string};

/** Every row of the layout as the server holds it, fetched thread by thread with plain fetch. */
export async function allRows(server: DemoServer, threadIds: readonly string[]): Promise<Row[]> {
	const rows: Row[] = [];
	for (const threadId of threadIds) {
		const response = await fetch(`${server.url}/api/v1/app/thread/${threadId}/interaction?first=1000`, {
			headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org},
		});
		const body = (await response.json()) as {data: {id: string; created_at: string}[]};
		for (const item of body.data) rows.push({id: item.id, ms: Date.parse(item.created_at), thread: threadId});
	}
	return rows;
}

/** The independent expectation: sort by created_at, ties by id, in the list's order. */
export function sorted(rows: readonly Row[], order: PageOrder): string[] {
	const ascending = [...rows].sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return (order === 'ASC' ? ascending : ascending.reverse()).map(row => row.id);
}

export const layoutArb = fc.array(
	fc.record({
		// Small offsets in whole seconds: ties within and across threads are common.
		times: fc.array(fc.integer({min: 0, max: 60}), {maxLength: 18}),
		createdEarly: fc.boolean(),
	}),
	{minLength: 1, maxLength: 6},
);

export type Layout = typeof layoutArb extends fc.Arbitrary<infer L> ? L : never;

/** The generated layout as demo threads named `Thread k`. */
export const threadsOf = (layout: Layout): AddedThread[] =>
	layout.map((thread, t) => ({
		name: `Thread ${t}`,
		times: thread.times.map(offset => T0 + offset * 1000),
		...(thread.createdEarly ? {createdAtMs: T0 - 3_600_000} : {}),
	}));
