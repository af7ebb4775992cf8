// The one-line summary of an interaction in the list.
import stringWidth from 'string-width';
import {firstLine, formatAge, formatTimeUtc, formatTokens, stateGlyph, truncate} from './format.ts';
import {errorItems, triageFlags} from './triage.ts';
import type {Interaction, Message} from './types.ts';

/** Below this many columns for the prompt, the row drops its less useful fields. */
const MIN_PROMPT_WIDTH = 16;

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

/** Whether the row gets the "!" marker: any triage flag or any item for the Errors tab. */
export function needsAttention(interaction: Interaction, nowMs: number): boolean {
	return triageFlags(interaction, nowMs).length > 0 || errorItems(interaction, nowMs).length > 0;
}

export function interactionRow(interaction: Interaction, nowMs: number, width: number): string {
	const state = stateGlyph(interaction.state);
	const fields = {
		time: formatTimeUtc(interaction.createdAtMs, nowMs),
		age: formatAge(interaction.createdAtMs, nowMs),
		state: `${state.glyph} ${truncate(state.word, 12).padEnd(7)}`,
		model: truncate(interaction.output?.model ?? '', 20),
		tokens: formatTokens(interaction.output?.usage),
		stop: interaction.output?.stopReason ? truncate(interaction.output.stopReason, 14) : '',
		flag: needsAttention(interaction, nowMs) ? '!' : ' ',
	};
	const prompt = promptSummary(interaction.userInput);
	// Drop order when narrow: the prompt matters more than the age, stop reason, model and tokens.
	const optional: Array<keyof typeof fields> = ['age', 'stop', 'model', 'tokens'];
	const shown = new Set<keyof typeof fields>(['time', 'age', 'state', 'model', 'tokens', 'stop', 'flag']);
	const build = () =>
		(['time', 'age', 'state', 'model', 'tokens', 'stop', 'flag'] as const)
			.filter(k => shown.has(k) && fields[k] !== '')
			.map(k => fields[k])
			.join(' ');
	let head = build();
	for (const k of optional) {
		if (width - stringWidth(head) - 1 >= MIN_PROMPT_WIDTH) break;
		shown.delete(k);
		head = build();
	}
	return truncate(`${head} ${prompt}`, width);
}
