// Where the overview's cursor is and which line tops the window. The cursor stops only on lines that name a
// filter (a cluster, a breakdown row) and is kept by that filter, not by line number, so the selection stays
// on its cluster while a running scan reorders the lines. Past the first or last selectable line the keys
// scroll the rest into view: the totals above and the token lines below are reachable on a short terminal.
import {clamp} from './window.ts';

export type OverviewCursor = {
	/** The selected line's filter; absent until a line can be selected. */
	readonly filter?: string;
	readonly top: number;
};

export const initialOverviewCursor: OverviewCursor = {top: 0};

type Line = {readonly filter?: string};

/** The selected line's index in `lines`, or -1. */
export function overviewLine(view: OverviewCursor, lines: readonly Line[]): number {
	if (view.filter !== undefined) {
		const index = lines.findIndex(line => line.filter === view.filter);
		if (index >= 0) return index;
	}
	return lines.findIndex(line => line.filter !== undefined);
}

/** A top that keeps `line` in the window with the line under it (a cluster's sample) visible too. */
function reveal(line: number, top: number, height: number, count: number): number {
	let next = top;
	if (line < next) next = Math.max(0, line - 1);
	if (line + 1 >= next + height) next = line + 2 - height;
	return clamp(next, 0, Math.max(0, count - height));
}

/** Move by `delta` selectable lines ('first' / 'last' for g / G); `height` is how many lines show. */
export function moveOverview(
	view: OverviewCursor,
	delta: number | 'first' | 'last',
	lines: readonly Line[],
	height: number,
): OverviewCursor {
	const selectable = lines.flatMap((line, index) => (line.filter === undefined ? [] : [index]));
	const maxTop = Math.max(0, lines.length - height);
	const at = (index: number | undefined, top: number): OverviewCursor => {
		const filter = index === undefined ? undefined : lines[index]?.filter;
		return {...(filter === undefined ? {} : {filter}), top};
	};
	if (delta === 'first') return at(selectable[0], 0);
	if (delta === 'last') return at(selectable.at(-1), maxTop);
	if (selectable.length === 0) return {top: clamp(view.top + delta, 0, maxTop)};
	const from = Math.max(0, selectable.indexOf(overviewLine(view, lines)));
	const target = from + delta;
	// Past either end: the cursor stays, the window scrolls on.
	if (target < 0) return at(selectable[0], clamp(view.top + delta, 0, maxTop));
	if (target >= selectable.length) {
		return at(selectable.at(-1), clamp(view.top + target - selectable.length + 1, 0, maxTop));
	}
	const line = selectable[target]!;
	return at(line, reveal(line, view.top, height, lines.length));
}

/** The window clamped to the lines as they are now (they grow and shrink while a scan runs). */
export function clampOverview(view: OverviewCursor, lines: readonly Line[], height: number): OverviewCursor {
	return {...view, top: clamp(view.top, 0, Math.max(0, lines.length - height))};
}
