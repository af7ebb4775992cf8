// Text the user takes away (copy, pager, export): the transcript as Markdown, the request parameters
// and the raw interaction as JSON, and a command that reopens the explorer at this interaction.
// Domain strings are already sanitised and masked; JSON is escaped (not stripped) so it stays valid.
import {mediaLabel, withoutThisTurn} from './transcript.ts';
import {sanitizeLine} from '../lib/sanitize.ts';
import {formatDateTimeUtc} from './format.ts';
import {PGPT_NOT_STORED} from './params.ts';
import type {ContentBlock, Interaction, Message, SourceRef} from './types.ts';

// JSON.stringify escapes C0 but leaves DEL, C1 (a lone 0x9B is a CSI on many terminals), bidi and
// zero-width characters, and U+2028/2029; as \u escapes they are inert on a terminal and still valid JSON.
const unescaped =
	/[\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** Pretty JSON that is safe to print: every character that could drive a terminal is \u-escaped. */
export function jsonForDisplay(value: unknown, indent = 2): string {
	let json: string | undefined;
	try {
		json = JSON.stringify(value, null, indent);
	} catch {
		json = undefined;
	}
	// undefined (and functions) have no JSON form; a cycle cannot come from parsed JSON.
	return (json ?? 'null').replace(
		unescaped,
		char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

function fence(body: string, language = ''): string {
	const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map(m => m[0].length));
	const marks = '`'.repeat(longest + 1);
	return `${marks}${language}\n${body}\n${marks}`;
}

function code(text: string): string {
	return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function describeSource(source: SourceRef): string {
	if (source.kind === 'website') return `${source.title ?? '(untitled)'} <${source.url}>`;
	const where = [source.fileName, source.page === undefined ? undefined : `p. ${source.page}`].filter(
		Boolean,
	);
	const title = source.title ?? source.fileName ?? source.id ?? '(untitled chunk)';
	return where.length > 0 ? `${title} (${where.join(', ')})` : title;
}

function blockMarkdown(block: ContentBlock, out: string[]): void {
	switch (block.type) {
		case 'text': {
			const markers = block.citations.map((c, i) => `[${c.index ?? c.id ?? String(i + 1)}]`).join('');
			out.push(markers ? `${block.text} ${markers}` : block.text);
			return;
		}
		case 'thinking':
			out.push(
				['> **thinking**', '>', ...block.thinking.split('\n').map(l => `> ${l}`.trimEnd())].join('\n'),
			);
			return;
		case 'tool_use':
			out.push(
				`**tool_use** ${code(block.name)} (id ${code(block.id)})`,
				fence(jsonForDisplay(block.input), 'json'),
			);
			return;
		case 'tool_result':
			out.push(
				`**tool_result** for ${code(block.toolUseId)} · ${block.isError ? 'ERROR (is_error: true)' : 'ok'}`,
			);
			if (block.content.length === 0) out.push('_(no content)_');
			for (const inner of block.content) {
				// Tool output is usually JSON or logs: a fence keeps its layout.
				if (inner.type === 'text') out.push(fence(inner.text));
				else blockMarkdown(inner, out);
			}
			return;
		case 'source':
			out.push(
				`**sources** (${block.sources.length})`,
				block.sources.map(s => `- ${describeSource(s)}`).join('\n'),
			);
			return;
		case 'file': {
			const kind = [block.fileType, block.contentType].filter(Boolean).join(', ');
			out.push(`**file** ${block.fileName ?? '(unnamed)'}${kind ? ` (${kind})` : ''} · ${block.size} chars`);
			return;
		}
		case 'image':
		case 'audio':
		case 'binary': {
			const {kind, detail} = mediaLabel(block);
			out.push(`**${kind}** ${detail}`);
			if (block.text !== undefined) out.push(fence(block.text));
			return;
		}
		case 'tldr':
			out.push('**tldr**');
			for (const inner of block.content) blockMarkdown(inner, out);
			return;
		case 'unknown':
			out.push(`**${block.rawType}** (unknown block)`, fence(block.json, 'json'));
			return;
	}
}

function messageMarkdown(heading: string, message: Message, out: string[]): void {
	out.push(`## ${heading}`);
	if (message.content.length === 0) out.push('_(empty)_');
	for (const block of message.content) blockMarkdown(block, out);
}

function summaryLines(interaction: Interaction): string[] {
	const by = interaction.createdBy;
	const who = by
		? [by.name, by.email ? `<${by.email}>` : undefined].filter(Boolean).join(' ') || by.id
		: undefined;
	const output = interaction.output;
	const usage = output?.usage;
	const tokens =
		usage && (usage.inputTokens !== undefined || usage.outputTokens !== undefined)
			? `${usage.inputTokens ?? '?'} in → ${usage.outputTokens ?? '?'} out`
			: undefined;
	return [
		`- state: ${interaction.state || 'unknown'} · created ${formatDateTimeUtc(interaction.createdAtMs)}${who ? ` · by ${who}` : ''}`,
		`- project ${interaction.projectId}${interaction.threadId ? ` · thread ${interaction.threadId}` : ''}`,
		[
			`- model ${output?.model ?? 'unknown'}`,
			`stop ${output?.stopReason ?? 'none'}`,
			tokens ? `tokens ${tokens}` : undefined,
		]
			.filter(Boolean)
			.join(' · '),
		...(output?.errors ?? []).map(e => `- error ${e.type || 'error'}: ${e.message}`),
	];
}

/** The whole conversation as Markdown: history, then this turn, roles as headings, blocks by type. */
export function transcriptMarkdown(interaction: Interaction): string {
	const out: string[] = [`# Interaction ${interaction.id}`, summaryLines(interaction).join('\n')];
	const pgpt = interaction.pgpt;
	if (pgpt?.system?.text) out.push('## system', pgpt.system.text);
	const history = withoutThisTurn(pgpt?.messages ?? [], interaction.userInput);
	for (const message of history) messageMarkdown(message.role || 'unknown role', message, out);
	if (pgpt && (history.length > 0 || pgpt.system?.text)) out.push('---', '_this turn_');
	messageMarkdown(interaction.userInput.role || 'user', interaction.userInput, out);
	const output = interaction.output;
	if (output) {
		messageMarkdown(
			`assistant${output.model ? ` (${output.model})` : ''}`,
			{role: 'assistant', content: output.content},
			out,
		);
		if (output.stopReason) out.push(`_stop reason: ${output.stopReason}_`);
	}
	if (interaction.state === 'Processing') out.push('_running…_');
	else if (!output) out.push('_(no assistant output stored)_');
	return `${out.join('\n\n')}\n`;
}

/** The sampling parameters and request settings (secrets as the parser left them), with the API's names. */
export function paramsJson(interaction: Interaction): string {
	const pgpt = interaction.pgpt;
	const head = {interaction_id: interaction.id, model: interaction.output?.model};
	if (!pgpt) return `${jsonForDisplay({...head, pgpt: null, note: PGPT_NOT_STORED})}\n`;
	const p = pgpt.params;
	return `${jsonForDisplay({
		...head,
		sampling: {
			temperature: p.temperature,
			top_p: p.topP,
			top_k: p.topK,
			min_p: p.minP,
			max_tokens: p.maxTokens,
			seed: p.seed,
			presence_penalty: p.presencePenalty,
			frequency_penalty: p.frequencyPenalty,
			repetition_penalty: p.repetitionPenalty,
			priority: p.priority,
		},
		stream: pgpt.stream,
		thinking_enabled: pgpt.thinkingEnabled,
		response_format: pgpt.responseFormat && {
			type: pgpt.responseFormat.type,
			schema_name: pgpt.responseFormat.schemaName,
		},
		tool_choice: pgpt.toolChoice && {
			type: pgpt.toolChoice.type,
			name: pgpt.toolChoice.name,
			disable_parallel_tool_use: pgpt.toolChoice.disableParallelToolUse,
		},
		tools: pgpt.tools,
		mcp_servers: pgpt.mcpServers.map(s => ({
			name: s.name,
			url: s.url,
			type: s.type,
			authorization_token: s.authorizationToken,
			enabled: s.enabled,
			allowed_tools: s.allowedTools,
		})),
		system: pgpt.system && {
			use_default_prompt: pgpt.system.useDefaultPrompt,
			citations_enabled: pgpt.system.citationsEnabled,
			extensions: pgpt.system.extensions,
			text: pgpt.system.text,
		},
		tool_context: pgpt.toolContext,
		correlation_id: pgpt.correlationId,
	})}\n`;
}

/** The interaction exactly as received (`raw`, secrets masked unless revealed), pretty-printed. */
export function interactionJson(interaction: Interaction): string {
	return `${jsonForDisplay(interaction.raw)}\n`;
}

export type DeepLinkIds = {
	readonly projectId?: string;
	readonly threadId?: string;
	readonly interactionId?: string;
};

/** Quotes `arg` for POSIX shells when it holds anything but plainly safe characters. */
export function shellQuote(arg: string): string {
	if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
	return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/**
 * `zylon-tui --project P --thread T --interaction I`, with `--demo` for the demo workspace and
 * `--profile` when one is in use. Ids come from the server, so they are quoted for a paste into a shell.
 */
export function deepLinkCommand(
	connectionLabel: string,
	ids: DeepLinkIds,
	options: {readonly profile?: string} = {},
): string {
	const argv = ['zylon-tui'];
	if (connectionLabel === 'demo') argv.push('--demo');
	else if (options.profile) argv.push('--profile', options.profile);
	if (ids.projectId) argv.push('--project', ids.projectId);
	if (ids.threadId) argv.push('--thread', ids.threadId);
	if (ids.interactionId) argv.push('--interaction', ids.interactionId);
	return argv.map(arg => shellQuote(sanitizeLine(arg))).join(' ');
}
