// Domain objects for the pure-function and component tests, built the way the parser would leave
// them: strings sanitised, secrets masked. The secret-bearing parts are the parser's own output for the
// demo's full request (real-looking MCP tokens and a connection string), not a hand-written mask.
import {parseInteraction} from '../../source/api/parse/index.ts';
import {
	CONNECTION_STRING,
	MCP_TOKEN,
	MCP_TOKEN_2,
	fullPgpt as demoRequest,
} from '../../source/demo/notable-parts.ts';
import type {Citation, ContentBlock, Interaction, Message, Pgpt} from '../../source/domain/types.ts';
import {sanitize} from '../../source/lib/sanitize.ts';

export const NOW = Date.UTC(2026, 2, 2, 17, 2, 11);
/** What the masked fixtures hide: no rendering of them may contain one. */
export const FIXTURE_SECRETS: readonly string[] = [MCP_TOKEN, MCP_TOKEN_2, CONNECTION_STRING];

const parsedDemoPgpt = parseInteraction({
	id: 'fixture-all-params',
	project_id: 'proj-1',
	state: 'Completed',
	created_at: '2026-03-02T14:00:00Z',
	user_input: {role: 'user', content: []},
	pgpt: demoRequest('What changed?'),
}).pgpt!;

export const text = (value: string, citations: readonly Citation[] = []): ContentBlock => ({
	type: 'text',
	text: value,
	citations,
});

export const user = (value: string): Message => ({role: 'user', content: [text(value)]});

let counter = 0;

export function interaction(overrides: Partial<Interaction> = {}): Interaction {
	counter += 1;
	const createdAtMs = overrides.createdAtMs ?? NOW - 3 * 3_600_000;
	return {
		id: `0197a1b2-0000-7000-8000-${String(counter).padStart(12, '0')}`,
		projectId: 'proj-1',
		threadId: 'thread-1',
		state: 'Completed',
		createdAt: Number.isFinite(createdAtMs) ? new Date(createdAtMs).toISOString() : 'not a date',
		createdAtMs,
		userInput: user('List the open risks.'),
		output: {
			model: 'default',
			stopReason: 'end_turn',
			content: [text('There are three open risks.')],
			usage: {inputTokens: 812, outputTokens: 140},
			errors: [],
		},
		artifactIds: [],
		raw: {},
		...overrides,
	};
}

export const fullPgpt: Pgpt = {
	messages: [
		{role: 'system', content: [text('You are a careful analyst.\nCite every claim.\nNever guess.')]},
		user('What happened last week?'),
		{role: 'assistant', content: [text('Two incidents.')]},
		{
			role: 'tool',
			content: [{type: 'tool_result', toolUseId: 'tu_0', isError: false, content: [text('history result')]}],
		},
	],
	params: {
		temperature: 0.2,
		topP: 0.9,
		topK: 40,
		minP: 0.05,
		maxTokens: 1024,
		seed: 7,
		presencePenalty: 0.1,
		frequencyPenalty: 0.2,
		repetitionPenalty: 1.1,
		priority: 3,
	},
	stream: true,
	thinkingEnabled: true,
	responseFormat: {type: 'json_schema', schemaName: 'RiskList'},
	toolChoice: {type: 'auto', disableParallelToolUse: true},
	tools: [{name: 'knowledge_search', type: 'semantic_search_v1'}, {name: 'web_search'}],
	// Two servers (one with its tool configuration), an SQL connection and a URI: masked by the parser.
	mcpServers: parsedDemoPgpt.mcpServers,
	system: {useDefaultPrompt: false, citationsEnabled: true, extensions: ['zylon']},
	toolContext: parsedDemoPgpt.toolContext,
	correlationId: 'corr-42',
};

/** An output holding one block of every type the domain knows. */
export const everyBlock: readonly ContentBlock[] = [
	{type: 'thinking', thinking: 'Check the risk register first.', citations: []},
	{type: 'tool_use', id: 'tu_1', name: 'knowledge_search', input: {query: 'risk register', top_k: 5}},
	{type: 'tool_result', toolUseId: 'tu_1', isError: true, content: [text('index unavailable')]},
	{
		type: 'source',
		sources: [
			{kind: 'chunk', title: 'Risk register', fileName: 'risks.pdf', page: 3},
			{kind: 'website', url: 'https://example.com/status', title: 'Status page'},
		],
	},
	{type: 'file', fileName: 'budget.csv', fileType: 'csv', contentType: 'text/csv', size: 12_345},
	{type: 'image', mimeType: 'image/png', dataLength: 96, isUrl: false},
	{type: 'audio', mimeType: 'audio/mpeg', dataLength: 2048, isUrl: false},
	{type: 'binary', mimeType: 'application/octet-stream', filename: 'dump.bin', dataLength: 10, isUrl: false},
	{type: 'tldr', content: [text('Nested summary line.')]},
	{type: 'unknown', rawType: 'hologram', json: '{"type":"hologram","depth":3}'},
	text('There are three open risks.', [{index: '1'}, {index: '2'}]),
];

export function richInteraction(overrides: Partial<Interaction> = {}): Interaction {
	return interaction({
		createdBy: {id: 'u1', name: 'A. User', email: 'a@example.com'},
		pgpt: fullPgpt,
		output: {
			model: 'default',
			stopReason: 'end_turn',
			content: everyBlock,
			usage: {inputTokens: 812, outputTokens: 140},
			errors: [],
		},
		artifactIds: ['a1', 'a2'],
		...overrides,
	});
}

const ESC = '\u001B';
const BEL = '\u0007';
/** Raw hostile strings, run through sanitize() as the parser would. */
export const hostileRaw = [
	`${ESC}[2J${ESC}[HCLEARED the screen`,
	`copy me ${ESC}]52;c;Y3VybCBldmls${BEL}CLIPBOARD`,
	`${ESC}]8;;https://evil.example${ESC}\\HYPERLINK label${ESC}]8;;${ESC}\\`,
	`${ESC}]0;PWNED${BEL}TITLE set`,
	`\u009D0;C1-TITLE${BEL}C1OSC text`,
	`invoice_\u202Egnp.exe BIDI`,
	`rm -rf / \rOVERWRITTEN`,
	`${ESC}[31mRED${ESC}[0m colour`,
].join('\n');

export function hostileInteraction(): Interaction {
	const clean = sanitize(hostileRaw);
	return interaction({
		state: 'Error',
		userInput: {role: 'user', content: [text(clean)]},
		output: {
			model: sanitize(`${ESC}]0;MODEL${BEL}model-x`),
			stopReason: 'error',
			content: [text(clean), {type: 'tool_use', id: 'tu_h', name: 'web_search', input: {q: clean}}],
			errors: [{type: 'api_error', message: sanitize(`boom ${ESC}[2J`).replace(/\n/g, ' ')}],
		},
	});
}
