// The overview: a title with the scan's progress, then the window of lines the cursor is in. Lines come
// ready-made and fitted from domain/overview-lines.ts; this only styles them. The error part of a bar is
// already its own glyph (▓), coloured here only as a repeat of what the glyph says.
import {Box, Text} from 'ink';
import {truncate} from '../lib/text.ts';
import type {OverviewLine} from '../domain/overview-lines.ts';
import {ErrorBox} from './error-box.tsx';
import {ListTitle} from './list-title.tsx';
import {theme} from './theme.ts';
import {PART_GLYPH} from '../lib/text-chart.ts';

type Props = {
	readonly lines: readonly OverviewLine[];
	/** Index of the selected line, or -1. */
	readonly cursor: number;
	readonly top: number;
	readonly width: number;
	/** Total lines, title included. */
	readonly height: number;
	readonly title: string;
	readonly running: boolean;
	/** A failed scan: why, and how far it got. */
	readonly error?: string;
};

/** Lines of the body: what moveOverview should be given as the window's height. */
export const overviewBodyHeight = (height: number, hasError: boolean): number =>
	Math.max(1, height - 1 - (hasError ? 2 : 0));

function ChartLine({text}: {readonly text: string}) {
	// Runs of the error glyph get the error colour; the rest stays plain.
	const parts = text.split(new RegExp(`(${PART_GLYPH}+)`));
	return (
		<Text wrap="truncate">
			{parts.map((part, index) =>
				part.startsWith(PART_GLYPH) ? (
					<Text key={index} color={theme.error}>
						{part}
					</Text>
				) : (
					part
				),
			)}
		</Text>
	);
}

export function Overview({lines, cursor, top, width, height, title, running, error}: Props) {
	if (height <= 0 || width <= 0) return null;
	const body = overviewBodyHeight(height, error !== undefined);
	const shown = lines.slice(top, top + body);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<ListTitle text={title} width={width} loading={running} emphasis />
			{error === undefined ? null : (
				<ErrorBox message={error} hint="press r to resume the scan" width={width} maxLines={2} />
			)}
			{shown.map((line, i) => {
				const index = top + i;
				if (line.style === 'chart') return <ChartLine key={index} text={line.text} />;
				const selected = index === cursor;
				const text = line.filter === undefined ? line.text : `${selected ? '>' : ' '}${line.text.slice(1)}`;
				return (
					<Text
						key={index}
						wrap="truncate"
						inverse={selected}
						bold={selected || line.style === 'head'}
						color={
							line.style === 'head'
								? theme.accent
								: line.style === 'failed' && !selected
									? theme.error
									: undefined
						}
						dimColor={line.style === 'note' || line.style === 'axis'}
					>
						{truncate(text, width) || ' '}
					</Text>
				);
			})}
		</Box>
	);
}
