import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ApiError} from '../source/api/errors.ts';
import {
	MASKED,
	maskSecrets,
	parseInteraction,
	parseInteractionPage,
	parseProject,
	parseProjectPage,
	parseThread,
	parseThreadPage,
	parseUser,
} from '../source/api/parse/index.ts';

const ESC = '\u001B';

function interaction(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: '0197a1b2-0000-7000-8000-000000000001',
		project_id: 'p1',
		thread_id: 't1',
		state: 'Completed',
		created_at: '2026-03-02T10:15:00Z',
		user_input: {role: 'user', content: [{type: 'text', text: 'List the open risks.'}]},
		assistant_output: {
			id: 'msg_x1',
			created: 1772446500,
			model: 'default',
			stop_reason: 'stop',
			content: [
				{type: 'thinking', thinking: 'Check the register.'},
				{type: 'tool_use', id: 'tu_1', name: 'knowledge_search', input: {query: 'risk register'}},
				{
					type: 'tool_result',
					tool_use_id: 'tu_1',
					is_error: false,
					content: [{type: 'text', text: '3 found'}],
				},
				{
					type: 'text',
					text: 'Three risks',
					citations: [{id: 'c1', index: 1, artifact_id: 'a1', source_id: 's1'}],
				},
			],
			usage: {input_tokens: 812, output_tokens: 140},
			errors: [],
		},
		created_by: {id: 'u1', name: 'A. User', email: 'a@example.com', org_id: 'o', state: 'Active', roles: []},
		...overrides,
	};
}

function page(data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		data,
		next_cursor: 'n',
		previous_cursor: null,
		has_next_page: true,
		has_previous_page: false,
		...extra,
	};
}

function malformed(run: () => unknown, path: string, pattern: RegExp): void {
	assert.throws(run, (error: unknown) => {
		assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
		assert.equal(error.kind, 'malformed');
		assert.equal(error.details.path, path);
		assert.match(error.message, pattern);
		return true;
	});
}

describe('parseInteraction', () => {
	test('reads the documented example into domain form', () => {
		const parsed = parseInteraction(interaction());
		assert.equal(parsed.id, '0197a1b2-0000-7000-8000-000000000001');
		assert.equal(parsed.createdAtMs, Date.parse('2026-03-02T10:15:00Z'));
		assert.equal(parsed.createdBy?.name, 'A. User');
		assert.deepEqual(parsed.userInput.content, [{type: 'text', text: 'List the open risks.', citations: []}]);
		assert.equal(parsed.output?.usage?.inputTokens, 812);
		assert.deepEqual(
			parsed.output?.content.map(block => block.type),
			['thinking', 'tool_use', 'tool_result', 'text'],
		);
		const text = parsed.output?.content[3];
		assert.ok(text?.type === 'text');
		assert.equal(text.citations[0]?.index, '1');
	});

	test('unknown enum values are kept verbatim; unknown fields ignored', () => {
		const parsed = parseInteraction(
			interaction({state: 'Paused', surprise: {deep: true}, assistant_output: {stop_reason: 'end_turn'}}),
		);
		assert.equal(parsed.state, 'Paused');
		assert.equal(parsed.output?.stopReason, 'end_turn');
		assert.deepEqual(parsed.output?.content, []);
		assert.deepEqual(parsed.output?.errors, []);
	});

	test('optional fields may be missing or null', () => {
		const parsed = parseInteraction(
			interaction({
				thread_id: null,
				assistant_output: null,
				created_by: null,
				pgpt: null,
				artifact_ids: null,
			}),
		);
		assert.equal(parsed.threadId, undefined);
		assert.equal(parsed.output, undefined);
		assert.equal(parsed.createdBy, undefined);
		assert.equal(parsed.pgpt, undefined);
		assert.deepEqual(parsed.artifactIds, []);
	});

	test('an unparseable created_at gives NaN, not a throw', () => {
		assert.ok(Number.isNaN(parseInteraction(interaction({created_at: 'yesterday'})).createdAtMs));
	});

	test('wrong type of a required field names its path', () => {
		malformed(() => parseInteraction(interaction({id: 42})), 'id', /id is a number, expected a string/);
		malformed(
			() => parseInteraction(interaction({state: null})),
			'state',
			/state is null, expected a string/,
		);
		malformed(
			() => parseInteraction(interaction({user_input: 'hi'})),
			'user_input',
			/user_input is a string/,
		);
		const {created_at: _omit, ...rest} = interaction();
		malformed(() => parseInteraction(rest), 'created_at', /created_at is missing/);
		malformed(() => parseInteraction([]), '(root)', /the body is an array, expected an object/);
	});

	test('the resource is named in the message when given', () => {
		malformed(
			() => parseInteraction(interaction({id: 1}), '', {resource: 'interaction X'}),
			'id',
			/^Unexpected response for interaction X: id is a number, expected a string$/,
		);
	});

	test('every string is sanitised, one-line fields folded', () => {
		const parsed = parseInteraction(
			interaction({
				state: `Completed${ESC}]0;PWNED\u0007`,
				user_input: {role: 'user\nadmin', content: [{type: 'text', text: `a${ESC}[2J\nb\u202E`}]},
				created_by: {id: 'u1', name: `Evil${ESC}]52;c;AAAA\u0007 Name`},
			}),
		);
		assert.equal(parsed.state, 'Completed');
		assert.equal(parsed.userInput.role, 'user admin');
		assert.deepEqual(parsed.userInput.content[0], {type: 'text', text: 'a\nb', citations: []});
		assert.equal(parsed.createdBy?.name, 'Evil Name');
	});
});

describe('content blocks', () => {
	const blocks = (content: unknown[]) =>
		parseInteraction(interaction({user_input: {role: 'user', content}})).userInput.content;

	test('media: the data is never kept, only its length, its size in bytes and whether it is a URL', () => {
		const [image, audio, untyped, untypedImage] = blocks([
			{type: 'image', data: 'iVBORw0KGgo=', mime_type: 'image/png'},
			{type: 'audio', data: 'https://cdn.example/a.mp3', mime_type: 'audio/mpeg'},
			{data: 'AAAA', mime_type: 'application/pdf', filename: 'a.pdf'},
			{data: 'AAAAAAAA', mime_type: 'IMAGE/JPEG'},
		]);
		assert.deepEqual(image, {
			type: 'image',
			mimeType: 'image/png',
			filename: undefined,
			dataLength: 12,
			isUrl: false,
			bytes: 8,
		});
		assert.ok(audio?.type === 'audio' && audio.isUrl);
		assert.ok(untyped?.type === 'binary' && untyped.filename === 'a.pdf' && untyped.dataLength === 4);
		assert.equal(untypedImage?.type, 'image');
		assert.doesNotMatch(JSON.stringify([image, audio, untyped]), /iVBOR|cdn\.example|AAAA/);
	});

	test('file and source blocks', () => {
		const [file, source] = blocks([
			{
				type: 'file',
				content: 'x'.repeat(300),
				content_type: 'text/csv',
				doc_metadata: {file_name: 'a.csv', file_type: 'csv'},
			},
			{
				type: 'source',
				sources: [
					{
						id: 's1',
						score: 0.9,
						text: 'chunk',
						document: {object: 'd', doc_metadata: {file_name: 'r.pdf'}},
						metadata: {title: 'R', page: 3},
					},
					{id: 'w1', url: 'https://example.com', title: 'Site'},
					'garbage',
				],
			},
		]);
		assert.deepEqual(file, {
			type: 'file',
			fileName: 'a.csv',
			fileType: 'csv',
			contentType: 'text/csv',
			size: 300,
		});
		assert.ok(source?.type === 'source');
		assert.equal(source.sources.length, 2);
		assert.deepEqual(source.sources[0], {
			kind: 'chunk',
			id: 's1',
			title: 'R',
			fileName: 'r.pdf',
			page: 3,
			score: 0.9,
			text: 'chunk',
		});
		assert.deepEqual(source.sources[1], {
			kind: 'website',
			id: 'w1',
			url: 'https://example.com',
			title: 'Site',
		});
	});

	test('unknown block types become compact, sanitised JSON', () => {
		const [block, notObject, badToolUse] = blocks([
			{type: 'hologram', payload: `x${ESC}]0;t\u0007y`, n: 1},
			42,
			{type: 'tool_use', name: 'x'},
		]);
		assert.deepEqual(block, {
			type: 'unknown',
			rawType: 'hologram',
			json: '{"type":"hologram","payload":"xy","n":1}',
		});
		assert.equal(notObject?.type, 'unknown');
		assert.ok(badToolUse?.type === 'unknown' && badToolUse.rawType === 'tool_use');
	});

	test('the JSON of an unknown block is capped', () => {
		const [block] = blocks([{type: 'huge', text: 'y'.repeat(50_000)}]);
		assert.ok(block?.type === 'unknown' && block.json.length <= 2000 && block.json.endsWith('…'));
	});

	test('tool_use input is sanitised JSON', () => {
		const [block] = blocks([{type: 'tool_use', id: 't', name: 'n', input: {[`k${ESC}[1m`]: [`v\u202E`]}}]);
		assert.ok(block?.type === 'tool_use');
		assert.deepEqual(block.input, {k: ['v']});
	});

	test('deep tldr / tool_result nesting is capped, not a stack overflow', () => {
		let nested: unknown = {type: 'text', text: 'bottom'};
		for (let depth = 0; depth < 20_000; depth++) {
			nested =
				depth % 2
					? {type: 'tldr', content: [nested]}
					: {type: 'tool_result', tool_use_id: 't', content: [nested]};
		}
		const [top] = blocks([nested]);
		let depth = 0;
		let block = top;
		while (block && (block.type === 'tldr' || block.type === 'tool_result')) {
			block = block.content[0];
			depth++;
		}
		assert.ok(depth <= 33, `depth ${depth}`);
		assert.equal(block?.type, 'unknown');
		assert.ok(block?.type === 'unknown' && block.json.length <= 2000);
	});

	test('raw stays printable however deep the body is, and is shared when shallow', () => {
		let input: unknown = 'bottom';
		for (let depth = 0; depth < 100_000; depth++) input = [input];
		const json = interaction({
			user_input: {role: 'user', content: [{type: 'tool_use', id: 't', name: 'n', input}]},
		});
		const parsed = parseInteraction(json);
		assert.match(JSON.stringify(parsed.raw), /nested too deep/);
		const shallow = interaction();
		assert.equal(parseInteraction(shallow, '', {revealSecrets: true}).raw, shallow);
	});

	test('deeply nested tool input is capped too', () => {
		let input: unknown = 'bottom';
		for (let depth = 0; depth < 50_000; depth++) input = {a: [input]};
		const [block] = blocks([{type: 'tool_use', id: 't', name: 'n', input}]);
		assert.ok(block?.type === 'tool_use');
		assert.match(JSON.stringify(block.input), /nested too deep/);
	});
});

describe('secrets', () => {
	const withSecrets = () =>
		interaction({
			pgpt: {
				temperature: 0.2,
				top_p: 'high',
				mcp_servers: [
					{
						url: 'https://mcp.example',
						name: 'm',
						authorization_token: 'mcp-secret-123',
						tool_configuration: {enabled: true, allowed_tools: ['a']},
					},
					{url: 'https://open.example'},
				],
				tool_context: [
					{
						type: 'sql_database',
						connection_string: 'postgres://admin:hunter2@db/prod',
						description: 'prod',
						schemas: ['public'],
					},
					{type: 'uri', value: 'https://x'},
					{type: 'mystery', connection_string: 'mystery-secret'},
				],
				tools: [{name: 'web_search', type: 'web_search_v1'}],
			},
		});

	test('masked in domain fields and raw by default', () => {
		const parsed = parseInteraction(withSecrets());
		assert.equal(parsed.pgpt?.mcpServers[0]?.authorizationToken, MASKED);
		assert.equal(parsed.pgpt?.mcpServers[1]?.authorizationToken, undefined);
		assert.equal(parsed.pgpt?.mcpServers[0]?.allowedTools?.[0], 'a');
		assert.match(parsed.pgpt?.toolContext[0]?.summary ?? '', /masked.*prod.*schemas public/);
		assert.equal(parsed.pgpt?.params.temperature, 0.2);
		assert.equal(parsed.pgpt?.params.topP, undefined);
		const everything = JSON.stringify(parsed);
		for (const secret of ['mcp-secret-123', 'hunter2', 'mystery-secret'])
			assert.ok(!everything.includes(secret), secret);
		const raw = parsed.raw as {
			pgpt: {mcp_servers: Array<Record<string, unknown>>; tool_context: Array<Record<string, unknown>>};
		};
		assert.equal(raw.pgpt.mcp_servers[0]?.['authorization_token'], MASKED);
		assert.equal(raw.pgpt.tool_context[0]?.['connection_string'], MASKED);
		assert.equal(raw.pgpt.mcp_servers[0]?.['url'], 'https://mcp.example');
	});

	test('revealed only when asked', () => {
		const parsed = parseInteraction(withSecrets(), '', {revealSecrets: true});
		assert.equal(parsed.pgpt?.mcpServers[0]?.authorizationToken, 'mcp-secret-123');
		assert.match(parsed.pgpt?.toolContext[0]?.summary ?? '', /hunter2/);
		assert.match(JSON.stringify(parsed.raw), /mcp-secret-123/);
	});

	test('maskSecrets copies and never mutates its input', () => {
		const input = withSecrets();
		const before = JSON.stringify(input);
		const masked = maskSecrets(input);
		assert.equal(JSON.stringify(input), before);
		assert.doesNotMatch(JSON.stringify(masked), /mcp-secret-123|hunter2/);
		assert.equal(maskSecrets('plain'), 'plain');
		assert.deepEqual(maskSecrets({pgpt: {}}), {pgpt: {}});
	});
});

describe('pages', () => {
	test('an interaction page names the bad item by index', () => {
		const data = [interaction(), interaction(), interaction(), interaction({state: 3})];
		malformed(
			() => parseInteractionPage(page(data)),
			'data[3].state',
			/data\[3\]\.state is a number, expected a string/,
		);
	});

	test('data missing or not an array is malformed', () => {
		malformed(() => parseInteractionPage({}), 'data', /data is missing, expected an array/);
		malformed(() => parseThreadPage({data: {}}), 'data', /data is an object/);
		malformed(() => parseProjectPage(null), '(root)', /the body is null/);
	});

	test('envelope: cursors verbatim, flags fall back to cursors, total count optional', () => {
		const parsed = parseThreadPage({data: [{id: 't', name: 'T'}], next_cursor: 'abc', total_count: 7});
		assert.equal(parsed.nextCursor, 'abc');
		assert.equal(parsed.hasNextPage, true);
		assert.equal(parsed.hasPreviousPage, false);
		assert.equal(parsed.totalCount, 7);
		const explicit = parseThreadPage(page([], {total_count: null}));
		assert.equal(explicit.totalCount, undefined);
		assert.equal(explicit.previousCursor, undefined);
	});
});

describe('users, projects, threads', () => {
	test('lenient display fields, strict ids', () => {
		assert.deepEqual(parseUser({id: 'u', roles: ['AppOwner', 7, 'Weird']}), {
			id: 'u',
			name: '',
			email: '',
			orgId: undefined,
			state: undefined,
			roles: ['AppOwner', 'Weird'],
		});
		malformed(() => parseUser({name: 'x'}), 'id', /id is missing/);
		assert.equal(parseProject({id: 'p', name: 'P', member_count: '3'}).memberCount, undefined);
		malformed(() => parseProjectPage(page([{id: 'p'}, {id: null}])), 'data[1].id', /null/);
		const thread = parseThread({
			id: 't',
			name: `N${ESC}[31m`,
			created_at: '2026-01-01T00:00:00Z',
			state: 'Archived',
		});
		assert.equal(thread.name, 'N');
		assert.equal(thread.state, 'Archived');
		assert.equal(thread.createdAtMs, Date.parse('2026-01-01T00:00:00Z'));
		assert.ok(Number.isNaN(parseThread({id: 't'}).createdAtMs));
	});
});
