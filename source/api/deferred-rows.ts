// The rows of the thread pages behind a merged project page (timeline.ts). The merge reads more rows than the
// page shows (a thread's page, so it need not come back for each row), and parsing a whole interaction
// (masking, sanitising, every block) is most of a first page's CPU: rows are keyed now and parsed in full
// only once they make the page, a slice at a time.
import type {Interaction, Page} from '../domain/types.ts';
import {mapSliced} from '../lib/slices.ts';
import {parseInteraction, parseInteractionKey} from './parse/index.ts';
import {parsePage} from './parse/page.ts';
import type {ParseOptions} from './parse/reader.ts';
import type {MergeRow} from './timeline.ts';

/** A row the merge orders by its key; the body waits in `json` with where it came from, for messages. */
export type DeferredRow = MergeRow & {
	readonly json: unknown;
	readonly path: string;
	readonly options: ParseOptions;
};

/** A thread's page with its rows keyed but not parsed. A row without an id or time fails it as parsing would. */
export function deferredPage(json: unknown, options: ParseOptions): Page<DeferredRow> {
	return parsePage(json, options, (item, path) => ({
		...parseInteractionKey(item, path, options),
		json: item,
		path,
		options,
	}));
}

/** The rows that made the page, parsed in full, with the thread name the merge gave them. */
export function parseDeferred(rows: readonly DeferredRow[]): Promise<Interaction[]> {
	return mapSliced(rows, row => {
		const item = parseInteraction(row.json, row.path, row.options);
		return row.threadName === undefined ? item : {...item, threadName: row.threadName};
	});
}
