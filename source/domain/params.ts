// The Params tab: the request the server built for the model, every knob shown even when unset,
// because "was temperature set?" is exactly the question on-call asks.
import type {StyledLine} from './transcript.ts';
import type {Interaction, Pgpt, SamplingParams} from './types.ts';

export type ParamRow = {readonly label: string; readonly value: string};

export const NOT_SET = 'not set';
export const PGPT_NOT_STORED = 'The request parameters (pgpt) were not stored for this interaction.';

const SAMPLING: ReadonlyArray<readonly [string, keyof SamplingParams]> = [
	['temperature', 'temperature'],
	['top_p', 'topP'],
	['top_k', 'topK'],
	['min_p', 'minP'],
	['max_tokens', 'maxTokens'],
	['seed', 'seed'],
	['presence_penalty', 'presencePenalty'],
	['frequency_penalty', 'frequencyPenalty'],
	['repetition_penalty', 'repetitionPenalty'],
	['priority', 'priority'],
];

const flag = (value: boolean | undefined, on = 'true', off = 'false') =>
	value === undefined ? NOT_SET : value ? on : off;

export function paramRows(pgpt: Pgpt | undefined): readonly ParamRow[] {
	if (!pgpt) return [{label: 'pgpt', value: PGPT_NOT_STORED}];
	const rows: ParamRow[] = SAMPLING.map(([label, key]) => {
		const value = pgpt.params[key];
		return {label, value: value === undefined ? NOT_SET : String(value)};
	});
	rows.push({label: 'stream', value: flag(pgpt.stream)});
	rows.push({label: 'thinking', value: flag(pgpt.thinkingEnabled, 'enabled', 'disabled')});
	const format = pgpt.responseFormat;
	rows.push({
		label: 'response_format',
		value: format ? `${format.type}${format.schemaName ? ` (schema ${format.schemaName})` : ''}` : NOT_SET,
	});
	const choice = pgpt.toolChoice;
	rows.push({
		label: 'tool_choice',
		value: choice
			? [
					choice.type ?? 'type not set',
					choice.name ? `name ${choice.name}` : '',
					choice.disableParallelToolUse === undefined
						? ''
						: `parallel tool use ${choice.disableParallelToolUse ? 'disabled' : 'allowed'}`,
				]
					.filter(Boolean)
					.join(' · ')
			: NOT_SET,
	});
	if (pgpt.tools.length === 0) rows.push({label: 'tools', value: 'none'});
	for (const tool of pgpt.tools) {
		rows.push({label: 'tool', value: tool.type ? `${tool.name} (${tool.type})` : tool.name});
	}
	if (pgpt.mcpServers.length === 0) rows.push({label: 'mcp_servers', value: 'none'});
	for (const server of pgpt.mcpServers) {
		const parts = [server.name ?? '(unnamed)', server.url];
		if (server.type) parts.push(`type ${server.type}`);
		parts.push(`token ${server.authorizationToken ?? 'none'}`);
		if (server.enabled !== undefined) parts.push(server.enabled ? 'enabled' : 'disabled');
		if (server.allowedTools?.length) parts.push(`allowed tools ${server.allowedTools.join(', ')}`);
		rows.push({label: 'mcp server', value: parts.join(' · ')});
	}
	rows.push({label: 'system.use_default_prompt', value: flag(pgpt.system?.useDefaultPrompt)});
	rows.push({label: 'system.citations', value: flag(pgpt.system?.citationsEnabled, 'enabled', 'disabled')});
	if (pgpt.system?.extensions?.length) {
		rows.push({label: 'system.extensions', value: pgpt.system.extensions.join(', ')});
	}
	if (pgpt.toolContext.length === 0) rows.push({label: 'tool_context', value: 'none'});
	for (const entry of pgpt.toolContext) {
		rows.push({label: 'tool_context', value: `${entry.type}: ${entry.summary}`});
	}
	rows.push({label: 'correlation_id', value: pgpt.correlationId ?? NOT_SET});
	return rows;
}

const lineCache = new WeakMap<Interaction, readonly StyledLine[]>();

/** The tab's body: one aligned line per row, "not set" dimmed. */
export function paramLines(interaction: Interaction): readonly StyledLine[] {
	let lines = lineCache.get(interaction);
	if (!lines) {
		const rows = paramRows(interaction.pgpt);
		const labelWidth = Math.min(26, Math.max(...rows.map(r => r.label.length)));
		lines = rows.map(r => ({
			text: `${r.label.padEnd(labelWidth)}  ${r.value}`,
			style: r.value === NOT_SET ? 'dim' : 'text',
			hang: labelWidth + 2,
		}));
		lineCache.set(interaction, lines);
	}
	return lines;
}
