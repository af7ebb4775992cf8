import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NOT_SET, paramRows, PGPT_NOT_STORED} from '../source/domain/params.ts';
import type {Pgpt} from '../source/domain/types.ts';
import {FIXTURE_SECRETS, fullPgpt} from './helpers/fixtures.ts';

const SAMPLING_ORDER = [
	'temperature',
	'top_p',
	'top_k',
	'min_p',
	'max_tokens',
	'seed',
	'presence_penalty',
	'frequency_penalty',
	'repetition_penalty',
	'priority',
];

const bare: Pgpt = {messages: [], params: {}, tools: [], mcpServers: [], toolContext: []};

test('sampling parameters come first, in the fixed order, with their values', () => {
	const rows = paramRows(fullPgpt);
	assert.deepEqual(
		rows.slice(0, 10).map(r => r.label),
		SAMPLING_ORDER,
	);
	assert.deepEqual(
		rows.slice(0, 10).map(r => r.value),
		['0.2', '0.9', '40', '0.05', '1024', '7', '0.1', '0.2', '1.1', '3'],
	);
});

test('absent parameters say "not set", never nothing', () => {
	const rows = paramRows(bare);
	assert.deepEqual(
		rows.slice(0, 10).map(r => [r.label, r.value]),
		SAMPLING_ORDER.map(l => [l, NOT_SET]),
	);
	const byLabel = new Map(rows.map(r => [r.label, r.value]));
	for (const label of ['stream', 'thinking', 'response_format', 'tool_choice', 'correlation_id']) {
		assert.equal(byLabel.get(label), NOT_SET, label);
	}
	assert.equal(byLabel.get('tools'), 'none');
	assert.equal(byLabel.get('mcp_servers'), 'none');
	assert.equal(byLabel.get('tool_context'), 'none');
	// A zero is a value, not an absence.
	assert.equal(paramRows({...bare, params: {temperature: 0, seed: 0}})[0]!.value, '0');
});

test('the rest: stream, thinking, format, tool choice, tools, MCP servers, system, tool context, correlation id', () => {
	const rows = paramRows(fullPgpt).slice(10);
	assert.deepEqual(rows, [
		{label: 'stream', value: 'true'},
		{label: 'thinking', value: 'enabled'},
		{label: 'response_format', value: 'json_schema (schema RiskList)'},
		{label: 'tool_choice', value: 'auto · parallel tool use disabled'},
		{label: 'tool', value: 'knowledge_search (semantic_search_v1)'},
		{label: 'tool', value: 'web_search'},
		{
			label: 'mcp server',
			value:
				'crm · https://mcp.internal.example/sse · type url · token •••••••• (masked) · enabled · allowed tools lookup_account',
		},
		{label: 'mcp server', value: 'tickets · https://mcp2.internal.example/sse · token •••••••• (masked)'},
		{label: 'system.use_default_prompt', value: 'false'},
		{label: 'system.citations', value: 'enabled'},
		{label: 'system.extensions', value: 'zylon'},
		{
			label: 'tool_context',
			value: 'sql_database: •••••••• (masked) · Warehouse (read-only) · schemas public',
		},
		{label: 'tool_context', value: 'uri: https://wiki.example.com/pipeline'},
		{label: 'correlation_id', value: 'corr-42'},
	]);
	const all = JSON.stringify(paramRows(fullPgpt));
	for (const secret of FIXTURE_SECRETS) assert.ok(!all.includes(secret), 'no secret in any row');
});

test('no pgpt: one row saying the parameters were not stored', () => {
	assert.deepEqual(paramRows(undefined), [{label: 'pgpt', value: PGPT_NOT_STORED}]);
});
