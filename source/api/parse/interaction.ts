import type {AssistantOutput, Interaction, OutputError, Page, UserRef} from '../../domain/types.ts';
import {sanitizeLine} from '../../lib/sanitize.ts';
import {parseBlocks} from './blocks.ts';
import {capDepth} from './json-text.ts';
import {maskSecrets} from './mask.ts';
import {parsePage, parsePageSliced} from './page.ts';
import {parseMessage, parsePgpt} from './pgpt.ts';
import {
	isObject,
	join,
	lines,
	optBool,
	optLine,
	optNumber,
	optText,
	parseTime,
	requireLine,
	requireObject,
	type ParseOptions,
} from './reader.ts';

/**
 * One InteractionDTO. Required (a wrong shape makes the body malformed): the object itself, `id`,
 * `project_id`, `state`, `created_at` (strings) and `user_input` (an object). Everything else is
 * optional and read leniently.
 */
export function parseInteraction(json: unknown, path = '', options: ParseOptions = {}): Interaction {
	requireObject(json, path, options);
	const revealSecrets = options.revealSecrets === true;
	// Everything below reads the masked copy, so no field can carry a secret unless asked to.
	const raw = capDepth(json);
	const object = (revealSecrets ? raw : maskSecrets(raw)) as Record<string, unknown>;
	const id = requireLine(object, 'id', path, options);
	const projectId = requireLine(object, 'project_id', path, options);
	const state = requireLine(object, 'state', path, options);
	const createdAt = requireLine(object, 'created_at', path, options);
	requireObject(object['user_input'], join(path, 'user_input'), options);
	return {
		id,
		projectId,
		threadId: optLine(object['thread_id']),
		state,
		createdAt,
		createdAtMs: parseTime(createdAt),
		createdBy: userRef(object['created_by']),
		userInput: parseMessage(object['user_input']),
		output: output(object['assistant_output']),
		artifactIds: lines(object['artifact_ids']),
		allArtifacts: optBool(object['all_artifacts']),
		pgpt: parsePgpt(object['pgpt'], revealSecrets),
		raw: object,
	};
}

/**
 * What the project merge (timeline.ts) needs of a row before it knows whether the row makes the page, read as
 * parseInteraction reads it. These keys are never secret-named, so the unmasked object gives the same values.
 */
export function parseInteractionKey(json: unknown, path = '', options: ParseOptions = {}) {
	const object = requireObject(json, path, options);
	const id = requireLine(object, 'id', path, options);
	const createdAt = requireLine(object, 'created_at', path, options);
	return {id, createdAtMs: parseTime(createdAt), threadId: optLine(object['thread_id'])};
}

export function parseInteractionPage(json: unknown, options: ParseOptions = {}): Page<Interaction> {
	return parsePage(json, options, (item, path) => parseInteraction(item, path, options));
}

/** parseInteractionPage a slice at a time, for the explorer: keys are answered while a page is parsed. */
export function parseInteractionPageSliced(
	json: unknown,
	options: ParseOptions = {},
): Promise<Page<Interaction>> {
	return parsePageSliced(json, options, (item, path) => parseInteraction(item, path, options));
}

function userRef(value: unknown): UserRef | undefined {
	if (!isObject(value) || typeof value['id'] !== 'string') return undefined;
	return {id: sanitizeLine(value['id']), name: optLine(value['name']), email: optLine(value['email'])};
}

function output(value: unknown): AssistantOutput | undefined {
	if (!isObject(value)) return undefined;
	const usage = isObject(value['usage']) ? value['usage'] : undefined;
	return {
		id: optLine(value['id']),
		created: optNumber(value['created']),
		model: optLine(value['model']),
		stopReason: optLine(value['stop_reason']),
		content: parseBlocks(value['content']),
		usage: usage
			? {inputTokens: optNumber(usage['input_tokens']), outputTokens: optNumber(usage['output_tokens'])}
			: undefined,
		errors: Array.isArray(value['errors']) ? value['errors'].filter(isObject).map(outputError) : [],
		...blockTiming(value['content']),
	};
}

/** The output's generation time from its blocks' start/stop timestamps (ISO strings), when they carry them. */
function blockTiming(content: unknown): Pick<AssistantOutput, 'timing'> {
	if (!Array.isArray(content)) return {};
	let startMs = Number.POSITIVE_INFINITY;
	let stopMs = Number.NEGATIVE_INFINITY;
	for (const block of content) {
		if (!isObject(block)) continue;
		const start =
			typeof block['start_timestamp'] === 'string' ? Date.parse(block['start_timestamp']) : Number.NaN;
		const stop =
			typeof block['stop_timestamp'] === 'string' ? Date.parse(block['stop_timestamp']) : Number.NaN;
		if (Number.isFinite(start)) startMs = Math.min(startMs, start);
		if (Number.isFinite(stop)) stopMs = Math.max(stopMs, stop);
	}
	return Number.isFinite(startMs) && Number.isFinite(stopMs) && stopMs >= startMs
		? {timing: {startMs, stopMs}}
		: {};
}

const outputError = (error: Record<string, unknown>): OutputError => ({
	type: optLine(error['type']) ?? '',
	message: optText(error['message']) ?? '',
});
