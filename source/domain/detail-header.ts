// The fixed-height summary at the top of the detail pane.
import {formatAge, formatCount, formatDateTimeUtc, stateGlyph} from './format.ts';
import {errorItems, triageFlags} from './triage.ts';
import type {Interaction} from './types.ts';

export type HeaderField = {readonly label: string; readonly value: string};

export function detailHeaderFields(interaction: Interaction, nowMs: number): readonly HeaderField[] {
	const state = stateGlyph(interaction.state);
	const usage = interaction.output?.usage;
	const input = usage?.inputTokens;
	const output = usage?.outputTokens;
	const total = input !== undefined && output !== undefined ? formatCount(input + output) : '…';
	const by = interaction.createdBy;
	const fields: HeaderField[] = [
		{label: 'id', value: interaction.id},
		{label: 'thread', value: interaction.threadId ?? 'none'},
		{label: 'state', value: `${state.glyph} ${state.word}`},
		{label: 'model', value: interaction.output?.model ?? 'unknown'},
		{label: 'stop', value: interaction.output?.stopReason ?? 'none'},
		{
			label: 'created',
			value: `${formatDateTimeUtc(interaction.createdAtMs)} (${formatAge(interaction.createdAtMs, nowMs)})`,
		},
	];
	if (by && (by.name || by.email)) {
		fields.push({label: 'by', value: [by.name, by.email ? `<${by.email}>` : ''].filter(Boolean).join(' ')});
	}
	fields.push(
		{
			label: 'tokens',
			value: `in ${input === undefined ? '…' : formatCount(input)} · out ${
				output === undefined ? '…' : formatCount(output)
			} · total ${total}`,
		},
		{
			label: 'artifacts',
			value: interaction.allArtifacts ? 'all' : formatCount(interaction.artifactIds.length),
		},
	);
	const flags = triageFlags(interaction, nowMs);
	const errors = errorItems(interaction, nowMs).length;
	const problems = [...flags, ...(errors > 0 ? [`${errors} error${errors === 1 ? '' : 's'}`] : [])];
	fields.push({label: 'flags', value: problems.length > 0 ? `! ${problems.join(', ')}` : 'none'});
	return fields;
}

/** Always HEADER_LINES lines, so the pane's layout does not jump between interactions. */
export const HEADER_LINES = 4;

export function detailHeaderLines(interaction: Interaction, nowMs: number): readonly string[] {
	const f = new Map(detailHeaderFields(interaction, nowMs).map(x => [x.label, x.value]));
	const by = f.get('by');
	return [
		`${f.get('id')} · ${f.get('state')} · model ${f.get('model')} · stop ${f.get('stop')}`,
		`${f.get('created')}${by ? ` · by ${by}` : ''}`,
		`tokens ${f.get('tokens')} · artifacts ${f.get('artifacts')} · thread ${f.get('thread')}`,
		`flags ${f.get('flags')}`,
	];
}
