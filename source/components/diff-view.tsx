import {Box, Text} from 'ink';
import {diffViewLines, type DiffTone} from '../domain/diff-lines.ts';
import type {Interaction} from '../domain/types.ts';
import {truncate} from '../lib/text.ts';
import {theme} from './theme.ts';

type Props = {
	readonly a: Interaction;
	readonly b: Interaction;
	readonly width: number;
	readonly height: number;
	/** First line shown; clamped to the content. */
	readonly scroll: number;
};

function toneStyle(tone: DiffTone): {color?: string; bold?: boolean; dimColor?: boolean} {
	switch (tone) {
		case 'heading':
			return {bold: true, color: theme.accent};
		case 'changed':
			return {color: theme.warning, bold: true};
		case 'added':
			return {color: theme.ok};
		case 'removed':
			return {color: theme.error};
		case 'meta':
			return {dimColor: true};
		case 'same':
			return {};
	}
}

/** Side-by-side comparison of two interactions; only the `height` lines from `scroll` are mounted. */
export function DiffView({a, b, width, height, scroll}: Props) {
	if (width <= 0 || height <= 0) return null;
	const lines = diffViewLines(a, b, width);
	const top = Math.max(0, Math.min(scroll, lines.length - height));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{lines.slice(top, top + height).map((line, i) => (
				<Text key={top + i} wrap="truncate" {...toneStyle(line.tone)}>
					{truncate(line.text, width)}
				</Text>
			))}
		</Box>
	);
}
