// The Transcript tab as logical lines: one entry per line of text, styled by what it is. Wrapping
// to the pane width happens later (lib/wrap.ts), once per width.
import {formatBytes} from '../lib/bytes.ts';
import {sanitize} from '../lib/sanitize.ts';
import {formatCount} from './format.ts';
import type {ContentBlock, Interaction, Message, SourceRef} from './types.ts';

export type LineStyle = 'role' | 'text' | 'thinking' | 'tool' | 'error' | 'dim' | 'meta';
export type StyledLine = {
	readonly text: string;
	readonly style: LineStyle;
	/** Indentation of wrapped continuation lines (see lib/wrap.ts). */
	readonly hang?: number;
};
export type TranscriptOptions = {readonly systemExpanded: boolean};

const INDENT = '  ';
export const RUNNING_MARKER = 'running…';

class Builder {
	readonly lines: StyledLine[] = [];
	push(text: string, style: LineStyle, depth: number) {
		const pad = INDENT.repeat(depth);
		for (const line of text.split('\n')) this.lines.push({text: pad + line, style});
	}
}

function citationMarkers(citations: ReadonlyArray<{readonly index?: string; readonly id?: string}>): string {
	return citations.map((c, i) => `[${c.index ?? c.id ?? String(i + 1)}]`).join('');
}

function describeSource(source: SourceRef): string {
	if (source.kind === 'website') return `${source.title ?? '(untitled)'} <${source.url}>`;
	const where = [source.fileName, source.page === undefined ? undefined : `p. ${source.page}`]
		.filter(Boolean)
		.join(', ');
	return `${source.title ?? source.fileName ?? source.id ?? '(untitled chunk)'}${where ? ` (${where})` : ''}`;
}

// tool_use.input is arbitrary JSON; the parser sanitises strings, but JSON.stringify does not escape
// bidi or zero-width characters, so it is cleaned again here to be sure.
function prettyJson(value: unknown): string {
	let json: string | undefined;
	try {
		json = JSON.stringify(value, null, 2);
	} catch {
		json = undefined;
	}
	return sanitize(json ?? String(value));
}

type MediaBlock = Extract<ContentBlock, {type: 'image' | 'audio' | 'binary'}>;

/**
 * What a media block is, and the rest of its label: "file", "note.txt (text/plain, 24 B)" for a text one, "binary",
 * "(application/pdf, report.pdf) · 12.3 kB" otherwise.
 */
export function mediaLabel(block: MediaBlock): {readonly kind: string; readonly detail: string} {
	const size = block.isUrl
		? 'by URL'
		: block.bytes === undefined
			? `${formatCount(block.dataLength)} chars of data`
			: formatBytes(block.bytes);
	if (block.text !== undefined) {
		return {
			kind: 'file',
			detail: `${block.filename ?? '(unnamed)'} (${[block.mimeType, size].filter(Boolean).join(', ')})`,
		};
	}
	const what = [block.mimeType ?? 'unknown type', block.filename].filter(Boolean).join(', ');
	return {kind: block.type, detail: `(${what}) · ${size}`};
}

function blockLines(out: Builder, block: ContentBlock, depth: number): void {
	switch (block.type) {
		case 'text': {
			const markers = citationMarkers(block.citations);
			out.push(markers ? `${block.text} ${markers}` : block.text, 'text', depth);
			return;
		}
		case 'thinking':
			out.push('thinking', 'thinking', depth);
			out.push(block.thinking, 'thinking', depth + 1);
			return;
		case 'tool_use':
			out.push(`tool_use ${block.name} (id ${block.id})`, 'tool', depth);
			out.push(prettyJson(block.input), 'tool', depth + 1);
			return;
		case 'tool_result':
			out.push(
				`tool_result for ${block.toolUseId}${block.isError ? ' · ERROR (is_error: true)' : ' · ok'}`,
				block.isError ? 'error' : 'tool',
				depth,
			);
			for (const inner of block.content) blockLines(out, inner, depth + 1);
			if (block.content.length === 0) out.push('(no content)', 'dim', depth + 1);
			return;
		case 'source':
			out.push(`sources (${block.sources.length})`, 'meta', depth);
			for (const source of block.sources) out.push(`• ${describeSource(source)}`, 'meta', depth + 1);
			return;
		case 'file': {
			const kind = [block.fileType, block.contentType].filter(Boolean).join(', ');
			out.push(
				`file ${block.fileName ?? '(unnamed)'}${kind ? ` (${kind})` : ''} · ${formatCount(block.size)} chars`,
				'meta',
				depth,
			);
			return;
		}
		case 'image':
		case 'audio':
		case 'binary': {
			const {kind, detail} = mediaLabel(block);
			out.push(`${kind} ${detail}`, 'meta', depth);
			if (block.text !== undefined) out.push(block.text, 'text', depth + 1);
			return;
		}
		case 'tldr':
			out.push('tldr', 'meta', depth);
			for (const inner of block.content) blockLines(out, inner, depth + 1);
			return;
		case 'unknown':
			out.push(`${block.rawType} (unknown block) ${block.json}`, 'dim', depth);
			return;
	}
}

function messageText(message: Message): string {
	return message.content
		.map(b => (b.type === 'text' ? b.text : ''))
		.filter(Boolean)
		.join('\n');
}

function systemLines(out: Builder, text: string, expanded: boolean): void {
	const lines = text.split('\n');
	const first = lines.find(l => l.trim() !== '')?.trim() ?? '';
	if (expanded || lines.length <= 1) {
		out.push('system:', 'role', 0);
		out.push(text, 'dim', 1);
		return;
	}
	out.push(`system: ${first} … (${formatCount(lines.length)} lines, press s to expand)`, 'dim', 0);
}

function messageLines(out: Builder, message: Message, options: TranscriptOptions): void {
	if (message.role === 'system' && message.content.every(b => b.type === 'text')) {
		systemLines(out, messageText(message), options.systemExpanded);
		return;
	}
	out.push(`${message.role}:`, 'role', 0);
	for (const block of message.content) blockLines(out, block, 1);
	if (message.content.length === 0) out.push('(empty)', 'dim', 1);
}

/** The request's messages usually end with this turn's prompt, which is shown once, as this turn. */
export function withoutThisTurn(messages: readonly Message[], input: Message): readonly Message[] {
	const last = messages.at(-1);
	const same =
		last !== undefined &&
		last.role === input.role &&
		messageText(last) === messageText(input) &&
		last.content.length === input.content.length;
	return same ? messages.slice(0, -1) : messages;
}

function build(interaction: Interaction, options: TranscriptOptions): readonly StyledLine[] {
	const out = new Builder();
	const pgpt = interaction.pgpt;
	if (pgpt?.system?.text) systemLines(out, pgpt.system.text, options.systemExpanded);
	const history = withoutThisTurn(pgpt?.messages ?? [], interaction.userInput);
	for (const message of history) messageLines(out, message, options);
	if (history.length > 0) out.push('── this turn ──', 'meta', 0);
	messageLines(out, interaction.userInput, options);
	const output = interaction.output;
	if (output) {
		out.push(`assistant:${output.model ? ` (${output.model})` : ''}`, 'role', 0);
		for (const block of output.content) blockLines(out, block, 1);
		if (output.stopReason) out.push(`stop reason: ${output.stopReason}`, 'dim', 1);
	}
	if (interaction.state === 'Processing') out.push(RUNNING_MARKER, 'meta', output ? 1 : 0);
	else if (!output) out.push('(no assistant output stored)', 'dim', 0);
	return out.lines;
}

// Memoised per interaction object so that the wrap cache (keyed on array identity) hits.
const cache = new WeakMap<
	Interaction,
	{collapsed?: readonly StyledLine[]; expanded?: readonly StyledLine[]}
>();

export function transcriptLines(interaction: Interaction, options: TranscriptOptions): readonly StyledLine[] {
	let entry = cache.get(interaction);
	if (!entry) {
		entry = {};
		cache.set(interaction, entry);
	}
	const key = options.systemExpanded ? 'expanded' : 'collapsed';
	return (entry[key] ??= build(interaction, options));
}
