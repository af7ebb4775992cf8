import {Text} from 'ink';
import {stateGlyph} from '../domain/format.ts';
import {contentWidths, renderRow, rowCells, type RowCells} from '../domain/row.ts';
import {rowLayout, type RowLayout} from '../domain/row-layout.ts';
import type {Interaction} from '../domain/types.ts';
import {WindowedList, windowRows} from './windowed-list.tsx';
import {toneColor} from './theme.ts';

type Props = {
	readonly rows: readonly Interaction[];
	/** Index into rows of the selected row. */
	readonly cursor: number;
	/** Index of the first visible row. */
	readonly top: number;
	/** Total lines this component may use, title included. */
	readonly height: number;
	readonly width: number;
	readonly focused: boolean;
	readonly title: string;
	/** e.g. "page 3 · 101–150 of 5,000" */
	readonly status: string;
	readonly loading: boolean;
	readonly nowMs: number;
	readonly error?: string;
	/** Ids marked for a diff: shown with `*` (or `»` when also selected). */
	readonly marked?: ReadonlySet<string>;
};

// A row's cells cost a width measurement per column (grapheme segmentation for anything non-ASCII), and
// every cursor move or burst of keys renders all visible rows again with the same text: keep the last
// cells per interaction, for the clock they were made for, and the last text for the layout it was made for.
type Cached = {readonly nowMs: number; readonly cells: RowCells; layout?: string; text?: string};
const cached = new WeakMap<Interaction, Cached>();

function cellsOf(interaction: Interaction, nowMs: number): Cached {
	const hit = cached.get(interaction);
	if (hit?.nowMs === nowMs) return hit;
	const entry: Cached = {nowMs, cells: rowCells(interaction, nowMs)};
	cached.set(interaction, entry);
	return entry;
}

function rowText(interaction: Interaction, nowMs: number, layout: RowLayout, key: string): string {
	const entry = cellsOf(interaction, nowMs);
	if (entry.layout === key && entry.text !== undefined) return entry.text;
	entry.layout = key;
	entry.text = renderRow(entry.cells, layout);
	return entry.text;
}

/**
 * Columns are sized over the block of up to a page of rows around the window, not the window alone: the
 * columns then stay put while the cursor scrolls through a page, and a 10,000-row filter costs a page.
 */
const BLOCK = 50;

function pageLayout(rows: readonly Interaction[], start: number, end: number, nowMs: number, width: number) {
	const from = Math.floor(start / BLOCK) * BLOCK;
	const to = Math.min(rows.length, Math.max(from + BLOCK, Math.ceil(end / BLOCK) * BLOCK));
	const layout = rowLayout(contentWidths(rows.slice(from, to).map(row => cellsOf(row, nowMs).cells)), width);
	const key = `${layout.columns.map(c => `${c.column}${c.width}`).join()}:${layout.text}`;
	return {layout, key};
}

/** How many rows the list shows for a given height: what the reducer should page and scroll by. */
export function listVisibleRows(height: number, hasError = false): number {
	return windowRows(height, {error: hasError});
}

export function InteractionList({
	rows,
	cursor,
	top,
	height,
	width,
	focused,
	title,
	status,
	loading,
	nowMs,
	error,
	marked,
}: Props) {
	const visible = listVisibleRows(height, error !== undefined);
	const start = Math.max(0, Math.min(top, rows.length));
	const end = Math.min(rows.length, start + visible);
	const {layout, key} = pageLayout(rows, start, end, nowMs, Math.max(1, width - 1));
	return (
		<WindowedList
			title={`${title.toUpperCase()}  ${status}`}
			emphasis={focused}
			loading={loading}
			items={rows}
			top={top}
			height={height}
			width={width}
			error={error}
			empty="No interactions here."
			row={(interaction, index) => {
				const selected = index === cursor;
				const mark = marked?.has(interaction.id);
				const marker = selected ? (mark ? '»' : '>') : mark ? '*' : ' ';
				const text = `${marker}${rowText(interaction, nowMs, layout, key)}`;
				const tone = stateGlyph(interaction.state).tone;
				return (
					<Text
						key={interaction.id + ':' + index}
						inverse={selected && focused}
						bold={selected}
						color={selected || tone === 'ok' ? undefined : toneColor(tone)}
						wrap="truncate"
					>
						{text}
					</Text>
				);
			}}
		/>
	);
}
