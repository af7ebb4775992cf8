import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	deepLinkCommand,
	interactionJson,
	jsonForDisplay,
	paramsJson,
	shellQuote,
	transcriptMarkdown,
} from '../source/domain/export-text.ts';
import {PGPT_NOT_STORED} from '../source/domain/params.ts';
import {
	FIXTURE_SECRETS,
	hostileInteraction,
	interaction,
	richInteraction,
	text,
	user,
} from './helpers/fixtures.ts';

// Anything that could drive a terminal: C0 but \n, DEL, C1, bidi, zero-width.
const UNSAFE =
	/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

test('transcriptMarkdown: header, history, this turn, roles as headings, blocks by type', () => {
	const md = transcriptMarkdown(richInteraction());
	const headings = md.split('\n').filter(l => l.startsWith('#'));
	assert.deepEqual(headings, [
		headings[0],
		'## system',
		'## user',
		'## assistant',
		'## tool',
		'## user',
		'## assistant (default)',
	]);
	assert.match(headings[0]!, /^# Interaction 0197a1b2-/);
	assert.match(
		md,
		/^- state: Completed · created \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ · by A\. User <a@example\.com>$/m,
	);
	assert.match(md, /^- model default · stop end_turn · tokens 812 in → 140 out$/m);
	// History comes before the separator, this turn after.
	assert.ok(md.indexOf('Two incidents.') < md.indexOf('_this turn_'));
	assert.ok(md.indexOf('_this turn_') < md.indexOf('List the open risks.'));
	assert.ok(
		md.includes(
			'**tool_use** `knowledge_search` (id `tu_1`)\n\n```json\n{\n  "query": "risk register",\n  "top_k": 5\n}\n```',
		),
	);
	assert.ok(
		md.includes('**tool_result** for `tu_1` · ERROR (is_error: true)\n\n```\nindex unavailable\n```'),
	);
	assert.ok(md.includes('> **thinking**\n>\n> Check the risk register first.'));
	assert.ok(md.includes('- Risk register (risks.pdf, p. 3)\n- Status page <https://example.com/status>'));
	assert.ok(md.includes('**hologram** (unknown block)\n\n```json\n{"type":"hologram","depth":3}\n```'));
	assert.ok(md.includes('There are three open risks. [1][2]'));
	assert.ok(md.includes('**tldr**\n\nNested summary line.'));
	assert.ok(md.endsWith('_stop reason: end_turn_\n'));
});

test('transcriptMarkdown: a fence is longer than any backtick run inside it; running and missing output say so', () => {
	const md = transcriptMarkdown(
		interaction({
			output: {
				content: [
					{
						type: 'tool_result',
						toolUseId: 't',
						isError: false,
						content: [text('before\n```\ninjected\n````\nafter')],
					},
				],
				errors: [],
			},
		}),
	);
	assert.ok(md.includes('`````\nbefore\n```\ninjected\n````\nafter\n`````'));

	const running = transcriptMarkdown(interaction({state: 'Processing', output: undefined}));
	assert.ok(running.endsWith('## user\n\nList the open risks.\n\n_running…_\n'));
	assert.ok(!running.includes('this turn'));
	assert.ok(
		transcriptMarkdown(interaction({output: undefined})).endsWith('_(no assistant output stored)_\n'),
	);
	assert.ok(
		transcriptMarkdown(interaction({userInput: {role: 'user', content: []}})).includes(
			'## user\n\n_(empty)_',
		),
	);
});

test('paramsJson: every knob with the API names, secrets exactly as masked, valid JSON', () => {
	const json = JSON.parse(paramsJson(richInteraction()));
	assert.deepEqual(json.sampling, {
		temperature: 0.2,
		top_p: 0.9,
		top_k: 40,
		min_p: 0.05,
		max_tokens: 1024,
		seed: 7,
		presence_penalty: 0.1,
		frequency_penalty: 0.2,
		repetition_penalty: 1.1,
		priority: 3,
	});
	assert.equal(json.model, 'default');
	assert.equal(json.stream, true);
	assert.deepEqual(json.response_format, {type: 'json_schema', schema_name: 'RiskList'});
	assert.deepEqual(json.tool_choice, {type: 'auto', disable_parallel_tool_use: true});
	assert.equal(json.mcp_servers[0].authorization_token, '•••••••• (masked)');
	assert.equal(json.mcp_servers[1].authorization_token, '•••••••• (masked)');
	assert.equal(json.tool_context[0].summary, '•••••••• (masked) · Warehouse (read-only) · schemas public');
	for (const secret of FIXTURE_SECRETS) assert.ok(!paramsJson(richInteraction()).includes(secret));
	assert.equal(json.correlation_id, 'corr-42');
	// Unset knobs are absent rather than null: "was it set?" has a clear answer.
	const sparse = JSON.parse(
		paramsJson(richInteraction({pgpt: {...richInteraction().pgpt!, params: {temperature: 1}}})),
	);
	assert.deepEqual(sparse.sampling, {temperature: 1});

	const plain = interaction();
	assert.deepEqual(JSON.parse(paramsJson(plain)), {
		interaction_id: plain.id,
		model: 'default',
		pgpt: null,
		note: PGPT_NOT_STORED,
	});
});

test('interactionJson and jsonForDisplay: raw pretty-printed, C1/bidi/zero-width escaped, still the same JSON', () => {
	const raw = {
		id: 'x',
		text: 'a\u009B31mb \u202Eevil\u202C c\u200Bd \u001B[2J e\u007F \u2028',
		nested: [{n: 1}],
	};
	const out = interactionJson(interaction({raw}));
	assert.doesNotMatch(out, UNSAFE);
	assert.ok(out.includes('\\u009b31mb \\u202eevil\\u202c c\\u200bd \\u001b[2J e\\u007f \\u2028'));
	assert.deepEqual(JSON.parse(out), raw);
	assert.ok(out.startsWith('{\n  "id": "x",'));
	assert.equal(jsonForDisplay(undefined), 'null');
	assert.equal(jsonForDisplay(10n), 'null');
});

test('no byte of a hostile interaction reaches the output unsanitised', () => {
	const hostile = hostileInteraction();
	for (const out of [
		transcriptMarkdown(hostile),
		paramsJson(hostile),
		interactionJson({...hostile, raw: {t: '\u009D0;x\u0007'}}),
	]) {
		assert.doesNotMatch(out, UNSAFE);
	}
	assert.ok(transcriptMarkdown(hostile).includes('## user'));
});

test('deepLinkCommand: flags for the place, --demo for the demo, quoted for the shell', () => {
	assert.equal(
		deepLinkCommand('demo', {projectId: 'p1', threadId: 't1', interactionId: 'i1'}),
		'zylon-tui --demo --project p1 --thread t1 --interaction i1',
	);
	assert.equal(
		deepLinkCommand('zylon.example.com', {projectId: '0197a1b2-0000-7000-8000-000000000001'}),
		'zylon-tui --project 0197a1b2-0000-7000-8000-000000000001',
	);
	assert.equal(
		deepLinkCommand('zylon.example.com', {projectId: 'p', interactionId: 'i'}, {profile: 'prod eu'}),
		"zylon-tui --profile 'prod eu' --project p --interaction i",
	);
	assert.equal(
		deepLinkCommand('demo', {projectId: "x'; rm -rf ~ #", threadId: '$(id)\nls'}),
		`zylon-tui --demo --project 'x'\\''; rm -rf ~ #' --thread '$(id) ls'`,
	);
	assert.equal(shellQuote(''), "''");
	assert.equal(shellQuote('a/b.c:d@e'), 'a/b.c:d@e');
});

test('transcriptMarkdown: user text keeps its own lines', () => {
	const md = transcriptMarkdown(interaction({userInput: user('line one\nline two')}));
	assert.ok(md.includes('## user\n\nline one\nline two\n\n## assistant (default)'));
});
