// The building blocks of the notable interactions: secrets, a block of every type, a request
// with every parameter, and a long history. notable.ts assembles them into interactions.
import type {ChatRequestWire, MessageInputWire, SourceWire, TypedBlock} from './wire.ts';
import {asWireBlocks, offSpec} from './wire.ts';

/** Distinctive secrets, listed in fixtures.secrets so tests can prove none reaches the screen. */
export const MCP_TOKEN = 'mcp-secret-7f3a9c1e-DO-NOT-PRINT';
export const MCP_TOKEN_2 = 'mcp-secret-b2d4-SECOND-TOKEN';
export const CONNECTION_STRING = 'postgresql://insights_ro:S3cr3t-pw-DO-NOT-PRINT@db.internal:5432/warehouse';

export const text = (value: string, citations?: {id: string; index: string}[]): TypedBlock =>
	citations ? {type: 'text', text: value, citations} : {type: 'text', text: value};
export const userMessage = (value: string): MessageInputWire => ({
	role: 'user',
	content: asWireBlocks([text(value)]),
});

const TINY_PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function allBlocks(): TypedBlock[] {
	const nested: TypedBlock[] = [text('Nested summary line.')];
	return [
		{type: 'thinking', thinking: 'First look up the Q3 risk register, then cite it.', citations: []},
		{
			type: 'tool_use',
			id: 'toolu_all_1',
			name: 'knowledge_search',
			input: {query: 'risk register', top_k: 5},
		},
		{
			type: 'tool_result',
			tool_use_id: 'toolu_all_1',
			is_error: false,
			content: asWireBlocks([text('3 passages found')]),
		},
		{type: 'tool_use', id: 'toolu_all_2', name: 'database_query', input: {sql: 'select * from risks'}},
		{
			type: 'tool_result',
			tool_use_id: 'toolu_all_2',
			is_error: true,
			content: asWireBlocks([text('ERROR: relation "risks" does not exist')]),
		},
		{
			type: 'source',
			sources: [
				// Sources carry the discriminator the spec names (context.chunk | context.website).
				{
					type: 'context.chunk',
					id: 'src_chunk_1',
					score: 0.87,
					text: 'Risk 1: data retention clause is unbounded.',
					content_type: 'text/plain',
					previous_texts: [],
					next_texts: [],
					document: {
						object: 'document',
						artifact: 'art_risk_register',
						doc_metadata: {file_name: 'risk-register.pdf', file_type: 'pdf'},
					},
					metadata: {title: 'Q3 risk register', page: 4, shorter_id: 'r1'},
				} as SourceWire,
				{
					type: 'context.website',
					id: 'src_web_1',
					url: 'https://status.example.com/incidents/42',
					title: 'Incident 42',
					description: 'Hosting outage report',
					content_type: 'text/html',
				} as SourceWire,
			],
		},
		{
			type: 'file',
			content: 'id,name\n1,Acme\n2,Globex\n',
			content_type: 'text/csv',
			doc_metadata: {file_name: 'customers.csv', file_type: 'csv'},
		},
		{type: 'image', data: TINY_PNG, mime_type: 'image/png'},
		{type: 'audio', data: 'https://cdn.example.com/briefing.mp3', mime_type: 'audio/mpeg'},
		{type: 'binary', data: 'AAECAwQFBgc=', mime_type: 'application/octet-stream', filename: 'dump.bin'},
		{type: 'tldr', content: asWireBlocks(nested)},
		text('There are three open risks [1][2].', [
			{id: 'c1', index: '1'},
			{id: 'c2', index: '2'},
		]),
	];
}

/** Blocks the spec cannot describe; kept apart so spec validation can say why they fail. */
export const offSpecBlocks = () => [
	offSpec({type: 'chart', spec: {kind: 'bar', series: [3, 1, 4]}}),
	offSpec({data: TINY_PNG, mime_type: 'image/png', filename: 'reference-shape.png'}),
];

/** The on-call notes the textFile interaction returns as a file, base64-encoded as the reference page shows. */
export const TEXT_FILE_NOTES =
	'Rotate the warehouse key before Friday.\nOn call this week: Bao Nguyen (pager 4411).';

/**
 * The reference page's own block shape, {data, mime_type, filename} without `type`, as the whole of an answer:
 * text as base64, JSON as given, and a PDF that is only described.
 */
export const seedShapeFileBlocks = () => [
	offSpec({
		data: Buffer.from(TEXT_FILE_NOTES, 'utf8').toString('base64'),
		mime_type: 'text/plain',
		filename: 'oncall-notes.txt',
	}),
	offSpec({
		data: '{"status": "degraded", "region": "eu-west-1"}',
		mime_type: 'application/json',
		filename: 'status.json',
	}),
	offSpec({
		data: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n', 'latin1').toString('base64'),
		mime_type: 'application/pdf',
		filename: 'runbook.pdf',
	}),
];

export function fullPgpt(question: string): ChatRequestWire {
	return {
		messages: [
			{role: 'system', content: asWireBlocks([text('You are the insights assistant.')])},
			userMessage('What changed in the pipeline last week?'),
			{role: 'assistant', content: asWireBlocks([text('Two jobs were added.')])},
			{role: 'tool', content: asWireBlocks([text('{"jobs": 2}')])},
			userMessage(question),
		],
		stream: true,
		tools: [
			{name: 'knowledge_search', type: 'semantic_search_v1', description: 'Search the project files'},
			{name: 'database_query', type: 'database_query_v1'},
		],
		tool_choice: {type: 'auto', disable_parallel_tool_use: true},
		mcp_servers: [
			{
				url: 'https://mcp.internal.example/sse',
				name: 'crm',
				type: 'url',
				authorization_token: MCP_TOKEN,
				tool_configuration: {enabled: true, allowed_tools: ['lookup_account']},
			},
			{url: 'https://mcp2.internal.example/sse', name: 'tickets', authorization_token: MCP_TOKEN_2},
		],
		// The spec types json_schema as a map of search metadata (generator artefact); real ones are JSON Schema.
		response_format: {
			type: 'json_schema',
			json_schema: {name: 'risks', schema: {type: 'object', properties: {changed: {type: 'array'}}}} as never,
		},
		system: {
			use_default_prompt: false,
			text: 'Answer with citations.',
			citations: {enabled: true, known_citations: [{id: 'c1', index: '1'}]},
			extensions: ['zylon'],
		},
		thinking: {enabled: true},
		priority: 5,
		seed: 1234,
		min_p: 0.05,
		top_p: 0.9,
		temperature: 0.2,
		top_k: 40,
		repetition_penalty: 1.1,
		presence_penalty: 0.3,
		frequency_penalty: 0.4,
		max_tokens: 2048,
		correlation_id: 'corr-all-params',
		tool_context: [
			{
				connection_string: CONNECTION_STRING,
				description: 'Warehouse (read-only)',
				schemas: ['public'],
				ssl: true,
				enable_tables: true,
				enable_views: true,
				enable_procedures: false,
				enable_functions: false,
				type: 'sql_database',
			} as never,
			{type: 'uri', value: 'https://wiki.example.com/pipeline'} as never,
		],
	};
}

/** A conversation history past 200 KB, for the pager and the wrap cache. */
export function largeHistory(): ChatRequestWire['messages'] {
	const messages: NonNullable<ChatRequestWire['messages']> = [];
	const paragraph =
		'The quarterly review covered onboarding, retention, pricing and support load in detail; ' +
		'each section lists the metric, its trend, the owner and the next action. ';
	for (let i = 0; i < 240; i++) {
		const role = i % 2 === 0 ? 'user' : 'assistant';
		messages.push({role, content: asWireBlocks([text(`#${i + 1} ${paragraph.repeat(6)}`)])});
	}
	return messages;
}
