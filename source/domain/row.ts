// The one-line summary of an interaction in the list.
import {firstLine, fit, formatAge, formatTimeUtc, formatTokens, stateGlyph, truncate} from './format.ts';
import {errorItems, triageFlags, type TriageFlag} from './triage.ts';
import type {Interaction, Message} from './types.ts';

/** The first line of the user's text, or what the message holds when it has no text. */
export function promptSummary(message: Message): string {
	for (const block of message.content) {
		if (block.type === 'text') {
			const line = firstLine(block.text);
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

/** One letter per triage flag in the list's flag column; `!` first when the Errors tab has items. */
export const FLAG_CODES: Readonly<Record<TriageFlag, string>> = {
	truncated: 'T',
	empty: 'E',
	'tool-error': 'X',
	stuck: 'S',
	refusal: 'R',
};

export function flagCodes(interaction: Interaction, nowMs: number): string {
	const errors = errorItems(interaction, nowMs).length > 0 ? '!' : '';
	return (
		errors +
		triageFlags(interaction, nowMs)
			.map(flag => FLAG_CODES[flag])
			.join('')
	);
}

type Column = 'time' | 'age' | 'state' | 'model' | 'tokens' | 'stop' | 'flag';

// Fixed column widths so that rows line up; which columns are shown depends on the width only,
// never on a row's content, for the same reason.
const WIDTHS: Record<Column, number> = {time: 6, age: 8, state: 9, model: 8, tokens: 11, stop: 10, flag: 3};
const ORDER: readonly Column[] = ['time', 'age', 'state', 'model', 'tokens', 'stop', 'flag'];
/** Dropped in this order when the prompt would get fewer than MIN_PROMPT columns. */
const OPTIONAL: readonly Column[] = ['age', 'stop', 'model', 'tokens'];
const MIN_PROMPT = 18;

export function rowColumns(width: number): readonly Column[] {
	const shown = new Set(ORDER);
	const used = () => [...shown].reduce((n, c) => n + WIDTHS[c] + 1, 0);
	for (const column of OPTIONAL) {
		if (width - used() >= MIN_PROMPT) break;
		shown.delete(column);
	}
	return ORDER.filter(c => shown.has(c));
}

export function interactionRow(interaction: Interaction, nowMs: number, width: number): string {
	const state = stateGlyph(interaction.state);
	const value = (column: Column): string => {
		switch (column) {
			case 'time': {
				const time = formatTimeUtc(interaction.createdAtMs, nowMs);
				// Older rows carry a date and are longer: let them be, rather than hide the date.
				return time.length > WIDTHS.time ? time : fit(time, WIDTHS.time);
			}
			case 'age':
				return fit(formatAge(interaction.createdAtMs, nowMs), WIDTHS.age);
			case 'state':
				return fit(`${state.glyph} ${state.word}`, WIDTHS.state);
			case 'model':
				return fit(interaction.output?.model ?? '-', WIDTHS.model);
			case 'tokens':
				return fit(formatTokens(interaction.output?.usage), WIDTHS.tokens);
			case 'stop':
				return fit(interaction.output?.stopReason ?? '-', WIDTHS.stop);
			case 'flag':
				return fit(flagCodes(interaction, nowMs), WIDTHS.flag);
		}
	};
	const head = rowColumns(width).map(value).join(' ');
	return truncate(`${head} ${promptSummary(interaction.userInput)}`, width);
}

/**
 * The thread's name cut to `width` columns for a row of "All threads" (project-wide lists carry it, see
 * Interaction.threadName); empty when the row has none, so the column stays aligned.
 */
export function threadTag(interaction: Interaction, width = 14): string {
	return fit(interaction.threadName ?? '', width);
}
