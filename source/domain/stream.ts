// Folding the events of an interaction's stream (zylon-api.md §8) into the AssistantOutput the detail
// pane already knows how to show. Pure: the API layer turns wire JSON into StreamEvents (blocks parsed
// and sanitised there), this module only accumulates. Deltas are raw server text, so they are sanitised
// here, incrementally: an escape sequence split across two deltas is held back until it is complete.
import {sanitize} from '../lib/sanitize.ts';
import type {AssistantOutput, ContentBlock, OutputError, SourceRef, Usage} from './types.ts';

export type StreamDelta =
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'thinking'; readonly thinking: string}
	| {readonly kind: 'input_json'; readonly partialJson: string}
	| {readonly kind: 'source'; readonly sources: readonly SourceRef[]}
	| {readonly kind: 'tldr'; readonly block: ContentBlock}
	| {readonly kind: 'unknown'; readonly rawType: string};

export type MessageFields = {
	readonly id?: string;
	readonly created?: number;
	readonly model?: string;
	readonly stopReason?: string;
	readonly usage?: Usage;
};

/** `key` is the block_id, else "#index", else undefined (then: the last block, or a new one on start). */
export type StreamEvent =
	| {
			readonly type: 'message_start';
			readonly message: MessageFields & {readonly content: readonly ContentBlock[]};
	  }
	| {readonly type: 'content_block_start'; readonly key?: string; readonly block: ContentBlock}
	| {readonly type: 'content_block_delta'; readonly key?: string; readonly delta: StreamDelta}
	| {readonly type: 'content_block_stop'; readonly key?: string}
	| {readonly type: 'content_block_synthetic'; readonly key?: string; readonly block: ContentBlock}
	| {readonly type: 'message_delta'; readonly message: MessageFields}
	| {readonly type: 'message_stop'}
	| {readonly type: 'done'}
	| {readonly type: 'ping'}
	| {readonly type: 'error'; readonly error: OutputError}
	| {readonly type: 'unknown'; readonly name: string};

type LiveBlock = {
	readonly key: string;
	readonly block: ContentBlock;
	/** Raw text not yet sanitised into the block (an escape sequence still open). */
	readonly pending: string;
	/** Raw tool input JSON as streamed so far. */
	readonly json?: string;
	readonly closed: boolean;
};

export type StreamState = {
	readonly fields: MessageFields;
	readonly blocks: readonly LiveBlock[];
	readonly errors: readonly OutputError[];
	/** message_stop seen. */
	readonly stopped: boolean;
	/** done or error seen: the stream is over. */
	readonly ended: boolean;
	readonly events: number;
};

/** The starting point: what the interaction already showed (a partial output), if anything. */
export function initialStreamState(output?: AssistantOutput): StreamState {
	const {content = [], errors = [], ...fields} = output ?? {};
	return {
		fields,
		blocks: content.map((block, index) => ({key: `#${index}`, block, pending: '', closed: true})),
		errors,
		stopped: false,
		ended: false,
		events: 0,
	};
}

const MAX_PENDING = 4096;

/**
 * `clean + sanitize(pending + delta)`, committing only what more text cannot change: the prefix is
 * committed once appending a probe character leaves its sanitised form as a prefix (no open escape),
 * and a trailing CR waits for a possible LF.
 */
export function appendSanitized(
	clean: string,
	pending: string,
	delta: string,
): {clean: string; pending: string} {
	const raw = pending + delta;
	if (settled(raw)) return {clean: clean + sanitize(raw), pending: ''};
	const open = lastIntroducer(raw);
	if (open > 0 && settled(raw.slice(0, open))) {
		return {clean: clean + sanitize(raw.slice(0, open)), pending: raw.slice(open)};
	}
	// An escape left open this long is garbage: dropping it (sanitize does) is safe, waiting is not.
	if (raw.length > MAX_PENDING) return {clean: clean + sanitize(raw), pending: ''};
	return {clean, pending: raw};
}

function settled(raw: string): boolean {
	if (raw.endsWith('\r')) return false;
	return sanitize(`${raw}Z`) === `${sanitize(raw)}Z`;
}

function lastIntroducer(raw: string): number {
	for (let i = raw.length - 1; i >= 0; i--) {
		const code = raw.charCodeAt(i);
		if (code === 0x1b || (code >= 0x80 && code <= 0x9f) || code === 0x0d) return i;
	}
	return -1;
}

function textOf(block: ContentBlock): string | undefined {
	if (block.type === 'text') return block.text;
	if (block.type === 'thinking') return block.thinking;
	return undefined;
}

function withText(block: ContentBlock, text: string): ContentBlock {
	if (block.type === 'text') return {...block, text};
	if (block.type === 'thinking') return {...block, thinking: text};
	return block;
}

function applyDelta(live: LiveBlock, delta: StreamDelta): LiveBlock {
	const {block} = live;
	switch (delta.kind) {
		case 'text':
		case 'thinking': {
			const current = textOf(block);
			if (current === undefined) return live;
			const next = appendSanitized(
				current,
				live.pending,
				delta.kind === 'text' ? delta.text : delta.thinking,
			);
			return {...live, block: withText(block, next.clean), pending: next.pending};
		}
		case 'input_json': {
			if (block.type !== 'tool_use') return live;
			const json = (live.json ?? '') + delta.partialJson;
			// Shown as text while it streams; the final fetch brings the parsed input.
			return {...live, json, block: {...block, input: sanitize(json)}};
		}
		case 'source':
			return block.type === 'source'
				? {...live, block: {...block, sources: [...block.sources, ...delta.sources]}}
				: live;
		case 'tldr':
			return block.type === 'tldr'
				? {...live, block: {...block, content: [...block.content, delta.block]}}
				: live;
		case 'unknown':
			return live;
	}
}

function blockForDelta(delta: StreamDelta): ContentBlock | undefined {
	if (delta.kind === 'text') return {type: 'text', text: '', citations: []};
	if (delta.kind === 'thinking') return {type: 'thinking', thinking: '', citations: []};
	if (delta.kind === 'source') return {type: 'source', sources: []};
	if (delta.kind === 'tldr') return {type: 'tldr', content: []};
	return undefined;
}

function flush(live: LiveBlock): LiveBlock {
	if (live.pending === '') return {...live, closed: true};
	const current = textOf(live.block) ?? '';
	return {...live, block: withText(live.block, current + sanitize(live.pending)), pending: '', closed: true};
}

function findIndex(blocks: readonly LiveBlock[], key: string | undefined): number {
	if (key === undefined) return blocks.length - 1;
	return blocks.findIndex(block => block.key === key);
}

function replaceAt(blocks: readonly LiveBlock[], index: number, block: LiveBlock): LiveBlock[] {
	const next = [...blocks];
	next[index] = block;
	return next;
}

function mergeFields(a: MessageFields, b: MessageFields): MessageFields {
	return {
		id: b.id ?? a.id,
		created: b.created ?? a.created,
		model: b.model ?? a.model,
		stopReason: b.stopReason ?? a.stopReason,
		usage: b.usage ? {...a.usage, ...definedOnly(b.usage)} : a.usage,
	};
}

const definedOnly = (usage: Usage): Usage =>
	Object.fromEntries(Object.entries(usage).filter(([, value]) => value !== undefined)) as Usage;

/** One event folded in. Unknown events and pings change nothing but the count. */
export function applyStreamEvent(state: StreamState, event: StreamEvent): StreamState {
	const s = {...state, events: state.events + 1};
	switch (event.type) {
		case 'message_start': {
			const {content, ...fields} = event.message;
			// A (re)start replaces what was shown: the server is sending the message from its beginning.
			return {
				...s,
				fields: mergeFields(s.fields, fields),
				blocks: content.map((block, index) => ({key: `#${index}`, block, pending: '', closed: false})),
			};
		}
		case 'content_block_start':
		case 'content_block_synthetic': {
			const key = event.key ?? `#${s.blocks.length}`;
			const live: LiveBlock = {
				key,
				block: event.block,
				pending: '',
				closed: event.type === 'content_block_synthetic',
			};
			const index = s.blocks.findIndex(block => block.key === key);
			return {...s, blocks: index === -1 ? [...s.blocks, live] : replaceAt(s.blocks, index, live)};
		}
		case 'content_block_delta': {
			const index = findIndex(s.blocks, event.key);
			if (index === -1) {
				const block = blockForDelta(event.delta);
				if (!block) return s;
				const live: LiveBlock = {key: event.key ?? `#${s.blocks.length}`, block, pending: '', closed: false};
				return {...s, blocks: [...s.blocks, applyDelta(live, event.delta)]};
			}
			return {...s, blocks: replaceAt(s.blocks, index, applyDelta(s.blocks[index]!, event.delta))};
		}
		case 'content_block_stop': {
			const index = findIndex(s.blocks, event.key);
			return index === -1 ? s : {...s, blocks: replaceAt(s.blocks, index, flush(s.blocks[index]!))};
		}
		case 'message_delta':
			return {...s, fields: mergeFields(s.fields, event.message)};
		case 'message_stop':
			return {...s, blocks: s.blocks.map(flush), stopped: true};
		case 'done':
			return {...s, blocks: s.blocks.map(flush), ended: true};
		case 'error':
			return {...s, blocks: s.blocks.map(flush), errors: [...s.errors, event.error], ended: true};
		case 'ping':
		case 'unknown':
			return s;
	}
}

/** The output as it stands; text still held back (an open escape) is not shown yet. */
export function streamOutput(state: StreamState): AssistantOutput {
	return {
		...state.fields,
		content: state.blocks.map(live => live.block),
		errors: state.errors,
	};
}

export const foldStream = (events: readonly StreamEvent[], output?: AssistantOutput): StreamState =>
	events.reduce(applyStreamEvent, initialStreamState(output));
