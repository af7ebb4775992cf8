// Content blocks: dispatched on `type`, with the reference-page shape ({data, mime_type, filename}
// without `type`) recognised by its mime type as the binary/file member, whose text is shown when the mime
// type says it is text. A block we cannot read is kept as an `unknown` block
// showing its JSON: a single odd block should not make a whole interaction unreadable.
import type {Citation, ContentBlock, SourceRef} from '../../domain/types.ts';
import {sanitizeLine} from '../../lib/sanitize.ts';
import {compactJson, MAX_DEPTH, sanitizeJson} from './json-text.ts';
import {displayText, isObject, optLine, optNumber, optText, type Json} from './reader.ts';

export function parseBlocks(value: unknown, depth = 0): ContentBlock[] {
	if (!Array.isArray(value)) return [];
	return value.map(item => parseBlock(item, depth));
}

function unknownBlock(value: unknown, rawType?: string): ContentBlock {
	const type =
		rawType ?? (isObject(value) && typeof value['type'] === 'string' ? value['type'] : describeKind(value));
	return {type: 'unknown', rawType: sanitizeLine(type).slice(0, 80), json: compactJson(value)};
}

const describeKind = (value: unknown): string =>
	value === null
		? '(null)'
		: Array.isArray(value)
			? '(array)'
			: isObject(value)
				? '(no type)'
				: `(${typeof value})`;

export function parseBlock(value: unknown, depth = 0): ContentBlock {
	if (!isObject(value)) return unknownBlock(value);
	const type = value['type'];
	if (type === undefined || type === null) return untypedBlock(value);
	if (typeof type !== 'string') return unknownBlock(value, describeKind(type));
	switch (type) {
		case 'text':
			return {type: 'text', text: optText(value['text']) ?? '', citations: citations(value['citations'])};
		case 'thinking':
			return {
				type: 'thinking',
				thinking: optText(value['thinking']) ?? '',
				citations: citations(value['citations']),
			};
		case 'image':
		case 'audio':
		case 'binary':
			return mediaBlock(type, value);
		case 'file':
			return fileBlock(value);
		case 'source':
			return {type: 'source', sources: sources(value['sources'])};
		case 'tldr':
			if (depth >= MAX_DEPTH || !Array.isArray(value['content'])) return unknownBlock(value);
			return {type: 'tldr', content: parseBlocks(value['content'], depth + 1)};
		case 'tool_use':
			if (typeof value['id'] !== 'string' || typeof value['name'] !== 'string') return unknownBlock(value);
			return {
				type: 'tool_use',
				id: sanitizeLine(value['id']),
				name: sanitizeLine(value['name']),
				input: sanitizeJson(value['input'] ?? null),
			};
		case 'tool_result':
			if (depth >= MAX_DEPTH || typeof value['tool_use_id'] !== 'string') return unknownBlock(value);
			return {
				type: 'tool_result',
				toolUseId: sanitizeLine(value['tool_use_id']),
				isError: value['is_error'] === true,
				content: parseBlocks(value['content'], depth + 1),
			};
		default:
			return unknownBlock(value, type);
	}
}

function untypedBlock(value: Json): ContentBlock {
	const mime = typeof value['mime_type'] === 'string' ? value['mime_type'].toLowerCase() : undefined;
	if (typeof value['data'] !== 'string' || mime === undefined) return unknownBlock(value);
	const type = mime.startsWith('image/') ? 'image' : mime.startsWith('audio/') ? 'audio' : 'binary';
	return mediaBlock(type, value);
}

function mediaBlock(type: 'image' | 'audio' | 'binary', value: Json): ContentBlock {
	const data = typeof value['data'] === 'string' ? value['data'] : '';
	const mimeType = optLine(value['mime_type']);
	// Only the scheme is looked at: the data itself (base64 or URL) is never kept, but for the text of a text-like one.
	const isUrl = /^(?:https?|data):/i.test(data);
	const block = {type, mimeType, filename: optLine(value['filename']), dataLength: data.length, isUrl};
	if (isUrl) return block;
	const base64 = strictBase64(data);
	const bytes =
		base64 === undefined
			? Buffer.byteLength(data, 'utf8')
			: (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
	if (type !== 'binary' || !isTextMime(mimeType)) return {...block, bytes};
	const decoded = base64 === undefined ? undefined : utf8Text(Buffer.from(base64, 'base64'));
	return {...block, bytes, text: displayText(decoded ?? data)};
}

/** text/*, and the application types that are text: JSON, XML, YAML and their `+json`-style kin. */
export function isTextMime(mime: string | undefined): boolean {
	const essence = mime?.split(';')[0]?.trim().toLowerCase() ?? '';
	return (
		essence.startsWith('text/') ||
		/^application\/(?:json|xml|yaml|x-yaml|toml|x-ndjson|ndjson|javascript|x-sh|sql|graphql|csv)$/.test(
			essence,
		) ||
		/^application\/[\w.-]+\+(?:json|xml|yaml)$/.test(essence)
	);
}

/** `data` without line breaks when it is strict base64 (standard alphabet, padded), else undefined. */
function strictBase64(data: string): string | undefined {
	const compact = data.replace(/\r?\n/g, '');
	if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
	return compact;
}

const utf8 = new TextDecoder('utf-8', {fatal: true});

/** The bytes as text when they are valid UTF-8 and hold no NUL (binary that happens to decode), else undefined. */
function utf8Text(bytes: Buffer): string | undefined {
	try {
		const text = utf8.decode(bytes);
		return text.includes('\u0000') ? undefined : text;
	} catch {
		return undefined;
	}
}

function fileBlock(value: Json): ContentBlock {
	const meta = isObject(value['doc_metadata']) ? value['doc_metadata'] : {};
	const content = value['content'];
	return {
		type: 'file',
		fileName: optLine(meta['file_name']),
		fileType: optLine(meta['file_type']),
		contentType: optLine(value['content_type']),
		size: typeof content === 'string' ? content.length : 0,
	};
}

function citations(value: unknown): Citation[] {
	if (!Array.isArray(value)) return [];
	return value.filter(isObject).map(item => ({
		id: optLine(item['id']),
		index: optLine(typeof item['index'] === 'number' ? String(item['index']) : item['index']),
		artifactId: optLine(item['artifact_id']),
		sourceId: optLine(item['source_id']),
	}));
}

function sources(value: unknown): SourceRef[] {
	if (!Array.isArray(value)) return [];
	const out: SourceRef[] = [];
	for (const item of value) {
		if (!isObject(item)) continue;
		if (typeof item['url'] === 'string' && !isObject(item['document'])) {
			out.push({
				kind: 'website',
				id: optLine(item['id']),
				url: sanitizeLine(item['url']),
				title: optLine(item['title']),
			});
			continue;
		}
		const document = isObject(item['document']) ? item['document'] : {};
		const docMeta = isObject(document['doc_metadata']) ? document['doc_metadata'] : {};
		const meta = isObject(item['metadata']) ? item['metadata'] : {};
		out.push({
			kind: 'chunk',
			id: optLine(item['id']),
			title: optLine(meta['title']),
			fileName: optLine(docMeta['file_name']),
			page: optNumber(meta['page']),
			score: optNumber(item['score']),
			text: optText(item['text']),
		});
	}
	return out;
}
