// The one-line summary of an interaction in the list.
import {textWidth} from '../lib/narrow-text.ts';
import {fit, truncate} from '../lib/text.ts';
import {firstLine, formatAge, formatTimeUtc, formatTokens, stateGlyph} from './format.ts';
import {COLUMNS, rowLayout, type Column, type ContentWidths, type RowLayout} from './row-layout.ts';
import {errorItems, FLAG_CODES, triageFlags} from './triage.ts';
import type {Interaction, Message} from './types.ts';

/** The first line of the user's text, or what the message holds when it has no text. */
export function promptSummary(message: Message): string {
	for (const block of message.content) {
		if (block.type === 'text' || (block.type === 'binary' && block.text !== undefined)) {
			const line = firstLine(block.text ?? '');
			if (line !== '') return line;
		}
	}
	if (message.content.length === 0) return '(empty prompt)';
	return `(no text: ${[...new Set(message.content.map(b => b.type))].join(', ')})`;
}

/** Whether the row needs a look: any triage flag or any item for the Errors tab. */
export function needsAttention(interaction: Interaction, nowMs: number): boolean {
	return triageFlags(interaction, nowMs).length > 0 || errorItems(interaction, nowMs).length > 0;
}

/** The flag column: `!` when the Errors tab has items, then one letter per triage flag. */
export function flagCodes(interaction: Interaction, nowMs: number): string {
	const errors = errorItems(interaction, nowMs).length > 0 ? '!' : '';
	return (
		errors +
		triageFlags(interaction, nowMs)
			.map(flag => FLAG_CODES[flag])
			.join('')
	);
}

/** What a row shows: each fixed column's value and the text, before any width is applied. */
export type RowCells = Readonly<Record<Column, string>> & {readonly text: string};

/** The prompt's first line, or for an Error interaction its first error message: what tells rows apart. */
export function rowText(interaction: Interaction): string {
	if (interaction.state === 'Error') {
		for (const error of interaction.output?.errors ?? []) {
			const line = firstLine(error.message);
			if (line !== '') return line;
		}
	}
	return promptSummary(interaction.userInput);
}

export function rowCells(interaction: Interaction, nowMs: number): RowCells {
	const state = stateGlyph(interaction.state);
	return {
		time: formatTimeUtc(interaction.createdAtMs, nowMs),
		age: formatAge(interaction.createdAtMs, nowMs),
		state: `${state.glyph} ${state.word}`,
		model: interaction.output?.model ?? '-',
		tokens: formatTokens(interaction.output?.usage),
		stop: interaction.output?.stopReason ?? '-',
		flag: flagCodes(interaction, nowMs),
		text: rowText(interaction),
	};
}

/** The widest value of each column over `rows`, for rowLayout. */
export function contentWidths(rows: Iterable<RowCells>): ContentWidths {
	const widths: Partial<Record<Column, number>> = {};
	for (const cells of rows) {
		for (const column of COLUMNS) widths[column] = Math.max(widths[column] ?? 0, textWidth(cells[column]));
	}
	return widths;
}

/** One row laid out: every row given the same layout lines up, and none is wider than the layout. */
export function renderRow(cells: RowCells, layout: RowLayout): string {
	const head = layout.columns.map(({column, width}) => fit(cells[column], width) + ' ').join('');
	return head + truncate(cells.text, layout.text);
}

/** A row on its own, sized to its own values; a list lays out its visible rows together instead. */
export function interactionRow(interaction: Interaction, nowMs: number, width: number): string {
	const cells = rowCells(interaction, nowMs);
	return renderRow(cells, rowLayout(contentWidths([cells]), width));
}

/**
 * The thread's name cut to `width` columns for a row of "All threads" (project-wide lists carry it, see
 * Interaction.threadName); empty when the row has none, so the column stays aligned.
 */
export function threadTag(interaction: Interaction, width = 14): string {
	return fit(interaction.threadName ?? '', width);
}
