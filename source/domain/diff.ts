// Comparing two interactions: "same prompt, why did this one fail?" is answered by the settings that
// differ (side by side) and by a line diff of the two transcripts.
import {formatCount} from './format.ts';
import {lineDiff, type LineDiff, type LineDiffOptions} from './line-diff.ts';
import {NOT_SET, paramRows} from './params.ts';
import {transcriptLines} from './transcript.ts';
import type {Interaction} from './types.ts';

export {lineDiff} from './line-diff.ts';
export type {LineDiff, LineDiffOptions} from './line-diff.ts';

export type DiffSection = 'outcome' | 'usage' | 'params';

export type DiffRow = {
	readonly section: DiffSection;
	readonly label: string;
	readonly a: string;
	readonly b: string;
	readonly changed: boolean;
};

const count = (n: number | undefined) => (n === undefined ? NOT_SET : formatCount(n));

function total(interaction: Interaction): number | undefined {
	const usage = interaction.output?.usage;
	if (usage?.inputTokens === undefined && usage?.outputTokens === undefined) return undefined;
	return (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
}

function outcome(interaction: Interaction): Array<[string, string]> {
	const output = interaction.output;
	return [
		['state', interaction.state || 'unknown'],
		['model', output?.model ?? NOT_SET],
		['stop reason', output?.stopReason ?? NOT_SET],
		['errors', output?.errors.length ? output.errors.map(e => `${e.type}: ${e.message}`).join('; ') : 'none'],
	];
}

function usage(interaction: Interaction): Array<[string, string]> {
	const u = interaction.output?.usage;
	return [
		['input tokens', count(u?.inputTokens)],
		['output tokens', count(u?.outputTokens)],
		['total tokens', count(total(interaction))],
	];
}

// paramRows repeats a label per tool, MCP server and tool_context entry; a diff compares the lists.
function params(interaction: Interaction): Array<[string, string]> {
	const grouped = new Map<string, string[]>();
	for (const row of paramRows(interaction.pgpt)) {
		const values = grouped.get(row.label) ?? [];
		values.push(row.value);
		grouped.set(row.label, values);
	}
	return [...grouped].map(([label, values]) => [label, values.join('; ')]);
}

function pair(section: DiffSection, a: Array<[string, string]>, b: Array<[string, string]>): DiffRow[] {
	const bValues = new Map(b);
	const labels = [...new Set([...a.map(([label]) => label), ...b.map(([label]) => label)])];
	const aValues = new Map(a);
	return labels.map(label => {
		// A row only one side has (pgpt stored on one side only) reads as "not set" on the other.
		const left = aValues.get(label) ?? NOT_SET;
		const right = bValues.get(label) ?? NOT_SET;
		return {section, label, a: left, b: right, changed: left !== right};
	});
}

/** Side-by-side rows for the outcome, token usage and every request parameter, each marked changed or not. */
export function diffInteractions(a: Interaction, b: Interaction): readonly DiffRow[] {
	return [
		...pair('outcome', outcome(a), outcome(b)),
		...pair('usage', usage(a), usage(b)),
		...pair('params', params(a), params(b)),
	];
}

/** The two transcripts as shown on the Transcript tab (system prompt expanded), diffed line by line. */
export function diffTranscripts(a: Interaction, b: Interaction, options?: LineDiffOptions): LineDiff {
	const lines = (i: Interaction) => transcriptLines(i, {systemExpanded: true}).map(line => line.text);
	return lineDiff(lines(a), lines(b), options);
}
