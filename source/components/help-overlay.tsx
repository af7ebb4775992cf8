import {Box, Text} from 'ink';
import {fit, truncate} from '../lib/text.ts';
import {theme} from './theme.ts';

export type HelpBinding = {readonly keys: string; readonly action: string; readonly context: string};

type Props = {
	readonly bindings: readonly HelpBinding[];
	readonly width: number;
	readonly height: number;
};

type HelpLine = {readonly text: string; readonly heading: boolean};

/** The key table grouped by context, in first-seen order of the contexts. */
export function helpLines(bindings: readonly HelpBinding[]): readonly HelpLine[] {
	const groups = new Map<string, HelpBinding[]>();
	for (const b of bindings) groups.set(b.context, [...(groups.get(b.context) ?? []), b]);
	const keysWidth = Math.min(16, Math.max(0, ...bindings.map(b => b.keys.length)));
	const lines: HelpLine[] = [];
	for (const [context, list] of groups) {
		lines.push({text: context, heading: true});
		for (const b of list) lines.push({text: `  ${fit(b.keys, keysWidth)}  ${b.action}`, heading: false});
	}
	return lines;
}

const TITLE = 'Keys · ? or Esc to close';
const MIN_COLUMN = 28;

/**
 * Lays the lines out in as many columns as the height needs and the width allows; whatever still
 * does not fit is counted on the last line rather than drawn past the frame.
 */
export function layoutHelp(lines: readonly HelpLine[], innerWidth: number, rows: number) {
	if (rows <= 0 || innerWidth <= 0)
		return {columns: [] as HelpLine[][], columnWidth: 0, hidden: lines.length};
	const maxColumns = Math.max(1, Math.floor((innerWidth + 2) / (MIN_COLUMN + 2)));
	const wanted = Math.ceil(lines.length / rows);
	const count = Math.max(1, Math.min(maxColumns, wanted));
	const columnWidth = Math.floor((innerWidth - 2 * (count - 1)) / count);
	const capacity = count * rows;
	const overflow = lines.length > capacity;
	const shown = overflow ? lines.slice(0, capacity - 1) : lines;
	const columns: HelpLine[][] = [];
	for (let i = 0; i < shown.length; i += rows) columns.push(shown.slice(i, i + rows));
	const hidden = lines.length - shown.length;
	if (overflow) {
		const last = columns.at(-1);
		const more = {text: `… ${hidden} more (enlarge the terminal)`, heading: false};
		if (last && last.length < rows) last.push(more);
		else columns.push([more]);
	}
	return {columns, columnWidth, hidden};
}

export function HelpOverlay({bindings, width, height}: Props) {
	// The border takes two lines and two columns, the title one line.
	if (height < 3 || width < 4) {
		return height > 0 && width > 0 ? <Text wrap="truncate">{truncate(TITLE, width)}</Text> : null;
	}
	const innerWidth = width - 2;
	const layout = layoutHelp(helpLines(bindings), innerWidth, height - 3);
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
				{truncate(TITLE, innerWidth)}
			</Text>
			<Box flexDirection="row">
				{layout.columns.map((column, c) => (
					<Box key={c} flexDirection="column" width={layout.columnWidth} marginLeft={c > 0 ? 2 : 0}>
						{column.map((line, i) => (
							<Text
								key={i}
								bold={line.heading}
								color={line.heading ? theme.accent : undefined}
								wrap="truncate"
							>
								{truncate(line.text, layout.columnWidth)}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
