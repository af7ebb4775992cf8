// The help overlay: the key table grouped by context, then the flag legend and the filter syntax. Long
// entries wrap under their action; the groups are laid out in as many columns as the width allows and
// the height needs, and what still does not fit scrolls (the keys come from the help layer of the key
// table). Nothing is ever cut off at the bottom or the right edge.
import {Box, Text} from 'ink';
import {fit, truncate} from '../lib/text.ts';
import {keyHints} from '../keymap.ts';
import {wrapText} from '../lib/wrap.ts';
import {theme} from './theme.ts';

export type HelpBinding = {readonly keys: string; readonly action: string; readonly context: string};

type Props = {
	readonly bindings: readonly HelpBinding[];
	readonly width: number;
	readonly height: number;
	/** First line shown; clamped to what the content needs. */
	readonly scroll?: number;
};

export type HelpLine = {readonly text: string; readonly heading: boolean};

type Group = {readonly context: string; readonly entries: readonly HelpBinding[]};

/** The bindings grouped by context, contexts in first-seen order. */
function groupsOf(bindings: readonly HelpBinding[]): readonly Group[] {
	const groups = new Map<string, HelpBinding[]>();
	for (const b of bindings) groups.set(b.context, [...(groups.get(b.context) ?? []), b]);
	return [...groups].map(([context, entries]) => ({context, entries}));
}

const keysWidthOf = (bindings: readonly HelpBinding[]) =>
	Math.min(16, Math.max(0, ...bindings.map(b => b.keys.length)));

/** One group as lines of at most `width` columns: its heading, then each entry wrapped under its action. */
function groupLines(group: Group, keysWidth: number, width: number): HelpLine[] {
	const lines: HelpLine[] = [{text: truncate(group.context, width), heading: true}];
	for (const b of group.entries) {
		const text = `  ${fit(b.keys, keysWidth)}  ${b.action}`;
		for (const piece of wrapText(text, width, keysWidth + 4))
			lines.push({text: truncate(piece, width), heading: false});
	}
	return lines;
}

const MIN_COLUMN = 28;
const GAP = 2;

export type HelpLayout = {
	readonly columns: readonly (readonly HelpLine[])[];
	readonly columnWidth: number;
	/** Lines of the tallest column: what scrolls. */
	readonly height: number;
};

/** Whole groups into `count` columns in reading order, no column taller than `limit`; undefined if they do not fit. */
function pack(blocks: readonly HelpLine[][], count: number, limit: number): HelpLine[][] | undefined {
	const columns: HelpLine[][] = [[]];
	for (const block of blocks) {
		const last = columns.at(-1)!;
		if (last.length > 0 && last.length + block.length > limit) {
			if (columns.length === count) return undefined;
			columns.push([...block]);
		} else last.push(...block);
	}
	return columns.every(column => column.length <= limit) ? columns : undefined;
}

/**
 * The fewest columns (each at least MIN_COLUMN wide) that show every line within `rows`; when even the
 * most the width allows cannot, those columns, balanced, and the rest scrolls.
 */
export function layoutHelp(bindings: readonly HelpBinding[], innerWidth: number, rows: number): HelpLayout {
	if (rows <= 0 || innerWidth <= 0) return {columns: [], columnWidth: 0, height: 0};
	const keysWidth = keysWidthOf(bindings);
	const groups = groupsOf(bindings);
	const maxColumns = Math.max(1, Math.floor((innerWidth + GAP) / (MIN_COLUMN + GAP)));
	let best: HelpLayout | undefined;
	for (let count = 1; count <= maxColumns; count++) {
		const columnWidth = Math.floor((innerWidth - GAP * (count - 1)) / count);
		const blocks = groups.map(group => groupLines(group, keysWidth, columnWidth));
		const total = blocks.reduce((sum, block) => sum + block.length, 0);
		// The shortest height at which the groups, kept whole and in order, fill `count` columns.
		for (let limit = Math.max(Math.ceil(total / count), ...blocks.map(b => b.length)); ; limit++) {
			const columns = pack(blocks, count, limit);
			if (!columns) continue;
			const layout = {columns, columnWidth, height: Math.max(...columns.map(c => c.length))};
			if (layout.height <= rows) return layout;
			if (!best || layout.height < best.height) best = layout;
			break;
		}
	}
	return best!;
}

/** Lines of help content below the border and title, for a frame of this height. */
const contentRows = (height: number) => height - 3;

/** The largest useful scroll for this content and frame. */
export function helpScrollMax(bindings: readonly HelpBinding[], width: number, height: number): number {
	if (height < 3 || width < 4) return 0;
	const rows = contentRows(height);
	return Math.max(0, layoutHelp(bindings, width - 2, rows).height - rows);
}

/** Lines a page key moves. */
export const helpPage = (height: number) => Math.max(1, contentRows(height) - 1);

export function HelpOverlay({bindings, width, height, scroll = 0}: Props) {
	const title = `Keys · ${keyHints('help')}`;
	// The border takes two lines and two columns, the title one line.
	if (height < 3 || width < 4) {
		return height > 0 && width > 0 ? <Text wrap="truncate">{truncate(title, width)}</Text> : null;
	}
	const innerWidth = width - 2;
	const rows = contentRows(height);
	const layout = layoutHelp(bindings, innerWidth, rows);
	const top = Math.max(0, Math.min(scroll, layout.height - rows));
	const position =
		layout.height > rows ? ` · ${top + 1}–${Math.min(layout.height, top + rows)} of ${layout.height}` : '';
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={theme.accent}
			overflow="hidden"
		>
			<Text bold wrap="truncate">
				{/* The position stays when the title is cut: it is what says there is more. */}
				{position.length < innerWidth
					? truncate(title, innerWidth - position.length) + position
					: truncate(position, innerWidth)}
			</Text>
			<Box flexDirection="row">
				{layout.columns.map((column, c) => (
					<Box key={c} flexDirection="column" width={layout.columnWidth} marginLeft={c > 0 ? GAP : 0}>
						{column.slice(top, top + rows).map((line, i) => (
							<Text
								key={i}
								bold={line.heading}
								color={line.heading ? theme.accent : undefined}
								wrap="truncate"
							>
								{line.text === '' ? ' ' : line.text}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
