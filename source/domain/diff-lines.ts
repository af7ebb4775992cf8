// The diff view's lines: the settings of two interactions side by side, then the line diff of their
// transcripts, each line with a tone the view colours. Pure, so the screen can clamp the diff's scroll
// without importing the component.
import {fit, truncate} from '../lib/text.ts';
import {diffInteractions, diffTranscripts, type DiffRow} from './diff.ts';
import type {Interaction} from './types.ts';

export type DiffTone = 'heading' | 'changed' | 'same' | 'added' | 'removed' | 'meta';
export type DiffLine = {readonly text: string; readonly tone: DiffTone};

/** Marks that carry the meaning without colour (NO_COLOR, or a colour-blind reader). */
export const CHANGED_GLYPH = '≠';

const LABEL_WIDTH = 20;
const SEPARATOR = ' │ ';

function rowLine(row: DiffRow, width: number): DiffLine {
	// mark + space + label + two separators, the rest split between the two values.
	const valueWidth = Math.max(1, Math.floor((width - 2 - LABEL_WIDTH - 2 * SEPARATOR.length) / 2));
	const text = `${row.changed ? CHANGED_GLYPH : ' '} ${fit(row.label, LABEL_WIDTH)}${SEPARATOR}${fit(row.a, valueWidth)}${SEPARATOR}${truncate(row.b, valueWidth)}`;
	return {text, tone: row.changed ? 'changed' : 'same'};
}

const SECTION_TITLES: Record<DiffRow['section'], string> = {
	outcome: 'Outcome',
	usage: 'Token usage',
	params: 'Parameters',
};

// Diffing two transcripts is the expensive part; a scroll or a resize must not redo it.
const cache = new WeakMap<
	Interaction,
	WeakMap<Interaction, {rows: readonly DiffRow[]; transcript: ReturnType<typeof diffTranscripts>}>
>();

function computed(a: Interaction, b: Interaction) {
	let inner = cache.get(a);
	if (!inner) {
		inner = new WeakMap();
		cache.set(a, inner);
	}
	let value = inner.get(b);
	if (!value) {
		value = {rows: diffInteractions(a, b), transcript: diffTranscripts(a, b)};
		inner.set(b, value);
	}
	return value;
}

/** Every line of the view, before slicing: the settings side by side, then the transcript line diff. */
export function diffViewLines(a: Interaction, b: Interaction, width: number): readonly DiffLine[] {
	const {rows, transcript} = computed(a, b);
	const changed = rows.filter(row => row.changed).length;
	const valueWidth = Math.max(1, Math.floor((width - 2 - LABEL_WIDTH - 2 * SEPARATOR.length) / 2));
	const lines: DiffLine[] = [
		{
			text: `  ${fit('', LABEL_WIDTH)}${SEPARATOR}${fit(`A ${a.id}`, valueWidth)}${SEPARATOR}B ${b.id}`,
			tone: 'heading',
		},
		{text: `${changed} setting${changed === 1 ? '' : 's'} differ (${CHANGED_GLYPH})`, tone: 'meta'},
	];
	let section: DiffRow['section'] | undefined;
	for (const row of rows) {
		if (row.section !== section) {
			section = row.section;
			lines.push({text: SECTION_TITLES[section], tone: 'heading'});
		}
		lines.push(rowLine(row, width));
	}
	lines.push({
		text: `Transcript: -${transcript.removed} +${transcript.added} lines (- only in A, + only in B)${transcript.note ? ` · ${transcript.note}` : ''}`,
		tone: 'heading',
	});
	for (const row of transcript.rows) {
		const mark = row.op === 'added' ? '+' : row.op === 'removed' ? '-' : ' ';
		lines.push({
			text: `${mark} ${row.text}`,
			tone: row.op === 'added' ? 'added' : row.op === 'removed' ? 'removed' : 'same',
		});
	}
	return lines;
}

export const diffViewLineCount = (a: Interaction, b: Interaction, width: number): number =>
	diffViewLines(a, b, width).length;
