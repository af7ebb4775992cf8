// What an on-call engineer should notice about an interaction without opening it.
import type {ContentBlock, Interaction} from './types.ts';

export type TriageFlag = 'truncated' | 'empty' | 'tool-error' | 'stuck' | 'refusal';

/**
 * The flag table: each flag's letter in the list's flag column. A Record, so a flag added to TriageFlag
 * and left out here is a type error; the flag names the filter accepts and the help lists come from it.
 */
export const FLAG_CODES: Readonly<Record<TriageFlag, string>> = {
	truncated: 'T',
	empty: 'E',
	'tool-error': 'X',
	stuck: 'S',
	refusal: 'R',
};

export const TRIAGE_FLAG_NAMES = Object.keys(FLAG_CODES) as readonly TriageFlag[];

/** A Processing interaction older than this is probably never going to finish. */
export const STUCK_AFTER_MS = 5 * 60_000;

export type ErrorItem = {
	/** 'output' (assistant_output.errors), 'state', 'stop-reason', 'stuck' */
	readonly source: 'output' | 'state' | 'stop-reason' | 'stuck';
	readonly type: string;
	readonly message: string;
};

function someBlock(blocks: readonly ContentBlock[], test: (b: ContentBlock) => boolean): boolean {
	for (const block of blocks) {
		if (test(block)) return true;
		if ((block.type === 'tldr' || block.type === 'tool_result') && someBlock(block.content, test))
			return true;
	}
	return false;
}

function isStuck(interaction: Interaction, nowMs: number): boolean {
	return (
		interaction.state === 'Processing' &&
		Number.isFinite(interaction.createdAtMs) &&
		nowMs - interaction.createdAtMs > STUCK_AFTER_MS
	);
}

// A text-like file block (the reference page's {data, mime_type, filename}) is output like a text block.
const hasText = (b: ContentBlock) =>
	(b.type === 'text' || b.type === 'binary') && b.text !== undefined && b.text.trim() !== '';

export function triageFlags(interaction: Interaction, nowMs: number): readonly TriageFlag[] {
	const flags: TriageFlag[] = [];
	const output = interaction.output;
	const stop = output?.stopReason;
	const maxTokens = interaction.pgpt?.params.maxTokens;
	if (
		stop === 'max_tokens' ||
		(maxTokens !== undefined &&
			output?.usage?.outputTokens !== undefined &&
			output.usage.outputTokens === maxTokens)
	) {
		flags.push('truncated');
	}
	if (interaction.state === 'Completed' && !(output && someBlock(output.content, hasText)))
		flags.push('empty');
	// Only this turn: a failed tool call earlier in the history is not this interaction's problem.
	const turn = [...interaction.userInput.content, ...(output?.content ?? [])];
	if (someBlock(turn, b => b.type === 'tool_result' && b.isError)) flags.push('tool-error');
	if (isStuck(interaction, nowMs)) flags.push('stuck');
	if (stop === 'refusal') flags.push('refusal');
	return flags;
}

/** What the Errors tab lists; its length is the count shown on the tab. */
export function errorItems(interaction: Interaction, nowMs: number): readonly ErrorItem[] {
	const items: ErrorItem[] = [];
	for (const error of interaction.output?.errors ?? []) {
		items.push({source: 'output', type: error.type || 'error', message: error.message});
	}
	if (interaction.state === 'Error') {
		items.push({source: 'state', type: 'state', message: 'The interaction ended in the Error state.'});
	}
	const stop = interaction.output?.stopReason;
	if (stop === 'error' || stop === 'cancelled') {
		items.push({
			source: 'stop-reason',
			type: `stop ${stop}`,
			message: stop === 'error' ? 'Generation stopped on an error.' : 'Generation was cancelled.',
		});
	}
	if (isStuck(interaction, nowMs)) {
		const minutes = Math.floor((nowMs - interaction.createdAtMs) / 60_000);
		items.push({
			source: 'stuck',
			type: 'stuck',
			message: `Still Processing after ${minutes} minutes (more than ${STUCK_AFTER_MS / 60_000}).`,
		});
	}
	return items;
}
