// One SSE message of an interaction's stream (zylon-api.md §8) → a StreamEvent. Untrusted wire JSON
// like any other answer, so it is read and sanitised here, at the parse boundary; the stream transport
// (api/stream.ts) only frames messages and domain/stream.ts only folds the events.
import type {MessageFields, StreamDelta, StreamEvent} from '../../domain/stream.ts';
import type {Usage} from '../../domain/types.ts';
import {sanitizeLine} from '../../lib/sanitize.ts';
import {parseBlock, parseBlocks} from './blocks.ts';
import {isObject, optLine, optNumber, optText, type Json} from './reader.ts';

/** One SSE message → a StreamEvent; undefined for a body that is not a JSON object (skipped, not fatal). */
export function parseStreamEvent(name: string, data: string): StreamEvent | undefined {
	let json: unknown;
	try {
		json = JSON.parse(data);
	} catch {
		return undefined;
	}
	return parseStreamEventJson(name, json);
}

/** One event already parsed from JSON (an SSE message's data, or an item of a JSON answer). */
export function parseStreamEventJson(name: string, json: unknown): StreamEvent | undefined {
	if (!isObject(json)) return undefined;
	// The payload's `type` names the event; the SSE event name is the fallback.
	const type = typeof json['type'] === 'string' ? json['type'] : name;
	const key = blockKey(json);
	switch (type) {
		case 'message_start': {
			const message = isObject(json['message']) ? json['message'] : {};
			return {
				type,
				message: {...messageFields(message, undefined), content: parseBlocks(message['content'])},
			};
		}
		case 'content_block_start':
			return {type, key, block: parseBlock(json['content_block'])};
		case 'content_block_synthetic':
			return {type, key, block: parseBlock(json['block'] ?? json['content_block'])};
		case 'content_block_delta':
			return {type, key, delta: delta(json['delta'])};
		case 'content_block_stop':
			return {type, key};
		case 'message_delta':
			return {
				type,
				message: messageFields(isObject(json['delta']) ? json['delta'] : {}, json['usage']),
			};
		case 'message_stop':
		case 'done':
		case 'ping':
			return {type};
		case 'error': {
			const error = isObject(json['error']) ? json['error'] : {};
			return {
				type,
				error: {
					type: optLine(error['type']) ?? 'error',
					message: optText(error['message']) ?? 'the stream failed',
				},
			};
		}
		default:
			return {type: 'unknown', name: sanitizeLine(type).slice(0, 80)};
	}
}

function blockKey(json: Json): string | undefined {
	if (typeof json['block_id'] === 'string') return json['block_id'];
	if (typeof json['index'] === 'number') return `#${json['index']}`;
	return undefined;
}

function usage(value: unknown): Usage | undefined {
	if (!isObject(value)) return undefined;
	return {inputTokens: optNumber(value['input_tokens']), outputTokens: optNumber(value['output_tokens'])};
}

function messageFields(object: Json, usageBeside: unknown): MessageFields {
	return {
		id: optLine(object['id']),
		created: optNumber(object['created']),
		model: optLine(object['model']),
		stopReason: optLine(object['stop_reason']),
		usage: usage(object['usage']) ?? usage(usageBeside),
	};
}

function delta(value: unknown): StreamDelta {
	if (!isObject(value)) return {kind: 'unknown', rawType: '(none)'};
	const raw = (key: string) => (typeof value[key] === 'string' ? value[key] : '');
	switch (value['type']) {
		case 'text_delta':
			return {kind: 'text', text: raw('text')};
		case 'thinking_delta':
			return {kind: 'thinking', thinking: raw('thinking')};
		case 'input_json_delta':
			return {kind: 'input_json', partialJson: raw('partial_json')};
		case 'source_delta': {
			const block = parseBlock({type: 'source', sources: value['sources']});
			return {kind: 'source', sources: block.type === 'source' ? block.sources : []};
		}
		case 'tldr_delta':
			return {kind: 'tldr', block: parseBlock(value['tldr'])};
		default:
			return {kind: 'unknown', rawType: sanitizeLine(String(value['type'])).slice(0, 80)};
	}
}
