import {Box, Text} from 'ink';
import {stateGlyph} from '../domain/format.ts';
import {truncate} from '../lib/text.ts';
import {interactionRow} from '../domain/row.ts';
import type {Interaction} from '../domain/types.ts';
import {ListTitle} from './list-title.tsx';
import {ErrorBox, retryHint} from './error-box.tsx';
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

// A row's text costs a width measurement per column (grapheme segmentation for anything non-ASCII), and
// every cursor move or burst of keys renders all visible rows again with the same text: keep the last
// text per interaction, for the width and clock it was made for.
const rowTexts = new WeakMap<Interaction, {readonly key: string; readonly text: string}>();

function rowText(interaction: Interaction, nowMs: number, width: number): string {
	const key = `${width}:${nowMs}`;
	const hit = rowTexts.get(interaction);
	if (hit?.key === key) return hit.text;
	const text = interactionRow(interaction, nowMs, width);
	rowTexts.set(interaction, {key, text});
	return text;
}

/** Lines an error takes below the title (message + hint), when there is one. */
const ERROR_LINES = 2;

/** How many rows the list shows for a given height: what the reducer should page and scroll by. */
export function listVisibleRows(height: number, hasError = false): number {
	return Math.max(0, height - 1 - (hasError ? ERROR_LINES : 0));
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
	if (height <= 0 || width <= 0) return null;
	const visible = listVisibleRows(height, error !== undefined);
	const start = Math.max(0, Math.min(top, rows.length));
	const window = rows.slice(start, start + visible);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<ListTitle
				text={`${title.toUpperCase()}  ${status}`}
				width={width}
				loading={loading}
				emphasis={focused}
			/>
			{error === undefined || height < 2 ? null : (
				<ErrorBox
					message={error}
					hint={retryHint(error)}
					width={width}
					maxLines={Math.min(ERROR_LINES, height - 1)}
				/>
			)}
			{window.length === 0 && visible > 0 && !loading && error === undefined ? (
				<Text dimColor>{truncate('No interactions here.', width)}</Text>
			) : null}
			{window.map((interaction, i) => {
				const index = start + i;
				const selected = index === cursor;
				const mark = marked?.has(interaction.id);
				const marker = selected ? (mark ? '»' : '>') : mark ? '*' : ' ';
				const text = `${marker}${rowText(interaction, nowMs, width - 1)}`;
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
			})}
		</Box>
	);
}
