import {Text} from 'ink';
import {stateGlyph} from '../domain/format.ts';
import {interactionRow} from '../domain/row.ts';
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
			}}
		/>
	);
}
