// `pgpt` is the LLM request the server built. It is informational, so it is read leniently; the two
// secret-bearing fields are masked here unless the caller asked to reveal secrets.
import type {McpServer, Message, Pgpt, SamplingParams, ToolContext} from '../../domain/types.ts';
import {sanitizeLine} from '../../lib/sanitize.ts';
import {parseBlocks} from './blocks.ts';
import {compactJson} from './json-text.ts';
import {MASKED} from './mask.ts';
import {isObject, lines, optBool, optLine, optNumber, optText, type Json} from './reader.ts';

export function parseMessage(value: unknown): Message {
	const object = isObject(value) ? value : {};
	return {role: optLine(object['role']) ?? 'user', content: parseBlocks(object['content'])};
}

export function parsePgpt(value: unknown, revealSecrets: boolean): Pgpt | undefined {
	if (!isObject(value)) return undefined;
	const system = isObject(value['system']) ? value['system'] : undefined;
	const citations = system && isObject(system['citations']) ? system['citations'] : undefined;
	const format = isObject(value['response_format']) ? value['response_format'] : undefined;
	const schema = format && isObject(format['json_schema']) ? format['json_schema'] : undefined;
	const choice = isObject(value['tool_choice']) ? value['tool_choice'] : undefined;
	const thinking = isObject(value['thinking']) ? value['thinking'] : undefined;
	return {
		messages: Array.isArray(value['messages']) ? value['messages'].map(parseMessage) : [],
		params: params(value),
		stream: optBool(value['stream']),
		thinkingEnabled: thinking ? optBool(thinking['enabled']) : undefined,
		responseFormat:
			format && typeof format['type'] === 'string'
				? {type: sanitizeLine(format['type']), schemaName: schema ? optLine(schema['name']) : undefined}
				: undefined,
		toolChoice: choice
			? {
					type: optLine(choice['type']),
					name: optLine(choice['name']),
					disableParallelToolUse: optBool(choice['disable_parallel_tool_use']),
				}
			: undefined,
		tools: Array.isArray(value['tools'])
			? value['tools'].filter(isObject).map(tool => ({
					name: optLine(tool['name']) ?? '',
					type: optLine(tool['type']),
					description: optText(tool['description']),
				}))
			: [],
		mcpServers: Array.isArray(value['mcp_servers'])
			? value['mcp_servers'].filter(isObject).map(server => mcpServer(server, revealSecrets))
			: [],
		system: system
			? {
					useDefaultPrompt: optBool(system['use_default_prompt']),
					text: optText(system['text']),
					citationsEnabled: citations ? optBool(citations['enabled']) : undefined,
					extensions: Array.isArray(system['extensions']) ? lines(system['extensions']) : undefined,
				}
			: undefined,
		toolContext: Array.isArray(value['tool_context'])
			? value['tool_context'].filter(isObject).map(entry => toolContext(entry, revealSecrets))
			: [],
		correlationId: optLine(value['correlation_id']),
	};
}

function params(value: Json): SamplingParams {
	return {
		temperature: optNumber(value['temperature']),
		topP: optNumber(value['top_p']),
		topK: optNumber(value['top_k']),
		minP: optNumber(value['min_p']),
		maxTokens: optNumber(value['max_tokens']),
		seed: optNumber(value['seed']),
		presencePenalty: optNumber(value['presence_penalty']),
		frequencyPenalty: optNumber(value['frequency_penalty']),
		repetitionPenalty: optNumber(value['repetition_penalty']),
		priority: optNumber(value['priority']),
	};
}

function mcpServer(server: Json, revealSecrets: boolean): McpServer {
	const token = server['authorization_token'];
	const config = isObject(server['tool_configuration']) ? server['tool_configuration'] : undefined;
	return {
		url: optLine(server['url']) ?? '',
		name: optLine(server['name']),
		type: optLine(server['type']),
		authorizationToken:
			token === undefined || token === null ? undefined : revealSecrets ? optLine(token) : MASKED,
		enabled: config ? optBool(config['enabled']) : undefined,
		allowedTools:
			config && Array.isArray(config['allowed_tools']) ? lines(config['allowed_tools']) : undefined,
	};
}

function toolContext(entry: Json, revealSecrets: boolean): ToolContext {
	const type = optLine(entry['type']) ?? '(no type)';
	return {type, summary: summary(type, entry, revealSecrets)};
}

function summary(type: string, entry: Json, revealSecrets: boolean): string {
	switch (type) {
		case 'sql_database': {
			const connection = entry['connection_string'];
			const shown = typeof connection === 'string' && revealSecrets ? sanitizeLine(connection) : MASKED;
			const description = optLine(entry['description']);
			const schemas = lines(entry['schemas']);
			return [shown, description, schemas.length > 0 ? `schemas ${schemas.join(', ')}` : undefined]
				.filter(Boolean)
				.join(' · ');
		}
		case 'uri':
			return optLine(entry['value']) ?? '';
		case 'ingested_artifact': {
			const filter = isObject(entry['context_filter']) ? entry['context_filter'] : {};
			const artifacts = lines(filter['artifacts']);
			const collection = optLine(filter['collection']);
			return [collection ? `collection ${collection}` : undefined, `${artifacts.length} artifact(s)`]
				.filter(Boolean)
				.join(' · ');
		}
		default: {
			// Unknown or free-form entries: compact JSON, with any connection string masked first.
			const {type: _type, ...rest} = entry;
			if (!revealSecrets && rest['connection_string'] !== undefined) rest['connection_string'] = MASKED;
			return compactJson(rest, 200);
		}
	}
}
