// The matcher's edges the broad filter tests pass over: the after:/before: boundary, user: by id,
// tool: over the history, the per-interaction search cache and the cheap-terms-first order (both seen
// by counting property reads, not by timing).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseFilter, type Filter} from '../source/domain/filter.ts';
import {filterInteractions, matches, searchableText} from '../source/domain/filter-match.ts';
import type {Interaction} from '../source/domain/types.ts';
import {NOW, interaction, text, user} from './helpers/fixtures.ts';

const HOUR = 3_600_000;

function parse(source: string): Filter {
	const result = parseFilter(source);
	if (!result.ok) assert.fail(`${source}: ${result.error.message}`);
	return result.filter;
}

const holds = (source: string, subject: Interaction, nowMs = NOW) => matches(parse(source), subject, nowMs);

/** The interaction behind a proxy that records every property read. */
function watched(subject: Interaction): {proxy: Interaction; reads: string[]} {
	const reads: string[] = [];
	const proxy = new Proxy(subject, {
		get(target, key, receiver) {
			if (typeof key === 'string') reads.push(key);
			return Reflect.get(target, key, receiver) as unknown;
		},
	});
	return {proxy, reads};
}

test('after: includes the instant itself, before: excludes it (ages and dates)', () => {
	const hourAgo = interaction({createdAtMs: NOW - HOUR});
	assert.equal(holds('after:1h', hourAgo), true);
	assert.equal(holds('before:1h', hourAgo), false);
	assert.equal(holds('after:59m', hourAgo), false);
	assert.equal(holds('before:59m', hourAgo), true);
	const midnight = interaction({createdAtMs: Date.UTC(2026, 2, 2)});
	assert.equal(holds('after:2026-03-02', midnight), true);
	assert.equal(holds('before:2026-03-02', midnight), false);
	assert.equal(holds('after:2026-03-02T00:00:01Z', midnight), false);
	assert.equal(holds('before:2026-03-02T00:00:01Z', midnight), true);
	const undated = interaction({createdAtMs: Number.NaN});
	assert.equal(holds('after:1h', undated), false);
	assert.equal(holds('before:1h', undated), false);
});

test('user: matches the id as well as the name and the email', () => {
	const byId = interaction({createdBy: {id: 'usr-7f3a', name: 'Carol', email: 'carol@corp.example'}});
	assert.equal(holds('user:usr-7f3a', byId), true);
	assert.equal(holds('user:7F3A', byId), true, 'case-insensitive');
	assert.equal(holds('user:carol', byId), true);
	assert.equal(holds('user:corp.example', byId), true);
	assert.equal(holds('user:usr-9', byId), false);
	assert.equal(holds('user:x', interaction({createdBy: undefined})), false);
	assert.equal(holds('user:x', interaction({createdBy: {id: 'x'}})), true, 'name and email may be absent');
});

test('tool: matches tools offered to the model and tools called earlier in the history', () => {
	const withHistory = interaction({
		pgpt: {
			messages: [
				user('Earlier question'),
				{
					role: 'assistant',
					content: [{type: 'tool_use', id: 'h1', name: 'SQL_Query', input: {}}],
				},
				{
					role: 'tool',
					content: [
						{
							type: 'tool_result',
							toolUseId: 'h1',
							isError: false,
							content: [{type: 'tool_use', id: 'h2', name: 'nested_lookup', input: {}}],
						},
					],
				},
			],
			params: {},
			tools: [{name: 'Offered_Search'}],
			mcpServers: [],
			toolContext: [],
		},
	});
	assert.equal(holds('tool:sql_query', withHistory), true, 'called earlier in the history');
	assert.equal(holds('tool:sql', withHistory), true, 'a part of the name');
	assert.equal(holds('tool:nested_lookup', withHistory), true, 'inside an earlier tool result');
	assert.equal(holds('tool:offered_search', withHistory), true, 'offered in pgpt.tools');
	assert.equal(holds('tool:web', withHistory), false);
	// The history's tools are not this turn's text: free text does not find them.
	assert.equal(holds('sql_query', withHistory), false);
	assert.equal(holds('earlier', withHistory), false);
	assert.equal(holds('tool:sql', interaction()), false);
});

test('free text: built once per interaction object, then served from the cache', () => {
	const rows = Array.from({length: 500}, (_, i) =>
		watched(interaction({userInput: user(`prompt number ${i}`)})),
	);
	const proxies = rows.map(row => row.proxy);
	const contentReads = () => rows.reduce((n, row) => n + row.reads.filter(k => k === 'userInput').length, 0);
	assert.equal(filterInteractions(parse('"number 4"'), proxies, NOW).length, 111);
	assert.equal(contentReads(), 500, 'each prompt read once to build its entry');
	assert.equal(filterInteractions(parse('number -"number 4"'), proxies, NOW).length, 389);
	assert.equal(filterInteractions(parse('tool:x'), proxies, NOW).length, 0);
	assert.equal(searchableText(proxies[7]!), 'prompt number 7\nthere are three open risks.');
	assert.equal(contentReads(), 500, 'later filters read no prompt again');
	// The cache is per object: a changed interaction is a new object, and is read afresh.
	const changed = {...rows[0]!.proxy, userInput: user('Something else')};
	assert.equal(searchableText(changed), 'something else\nthere are three open risks.');
});

test('cheap terms are tried first, so a failing field spares the text scan and the triage walk', () => {
	const completed = () => watched(interaction({output: {content: [text('x')], errors: []}}));
	let subject = completed();
	assert.equal(matches(parse('flag:any zzz tool:x state:error'), subject.proxy, NOW), false);
	assert.deepEqual([...new Set(subject.reads)], ['state'], 'only the state was looked at');
	subject = completed();
	assert.equal(matches(parse('flag:any zzz'), subject.proxy, NOW), false);
	assert.ok(subject.reads.includes('userInput'), 'the text was searched');
	assert.ok(!subject.reads.includes('state'), 'the flags (which read the state) were not computed');
	subject = completed();
	assert.equal(matches(parse('flag:any tool:zzz'), subject.proxy, NOW), false);
	assert.ok(!subject.reads.includes('state'), 'tool: before flags');
});

test('negation inverts each term alone; an empty filter passes every row through unchanged', () => {
	const row = interaction({state: 'Error'});
	assert.equal(holds('-state:error', row), false);
	assert.equal(holds('-state:completed', row), true);
	assert.equal(holds('-state:completed state:error', row), true);
	assert.equal(holds('-state:completed -state:error', row), false);
	const rows = [row, interaction()];
	assert.equal(filterInteractions(parse(''), rows, NOW), rows);
	assert.deepEqual(filterInteractions(parse('state:error'), rows, NOW), [row]);
});

test('token comparisons at their boundaries, each count on its own field', () => {
	const both = interaction({output: {content: [], errors: [], usage: {inputTokens: 800, outputTokens: 200}}});
	assert.equal(holds('tokens>1000', both), false);
	assert.equal(holds('tokens>=1000', both), true);
	assert.equal(holds('tokens<1000', both), false);
	assert.equal(holds('tokens<=1000', both), true);
	assert.equal(holds('tokens=1000', both), true);
	assert.equal(holds('in=800', both), true, 'in is the input count, not the total');
	assert.equal(holds('out=200', both), true);
	const outOnly = interaction({output: {content: [], errors: [], usage: {outputTokens: 5}}});
	assert.equal(holds('tokens=5', outOnly), true, 'a missing input count counts as none');
	assert.equal(holds('in<1', outOnly), false, 'but is not a zero of its own');
});

test('an interaction with no output yet: field and text terms answer instead of throwing', () => {
	const pending = interaction({state: 'Processing', output: undefined});
	for (const source of ['model:x', 'stop:x', 'three', 'tokens<1', 'flag:truncated']) {
		assert.equal(holds(source, pending), false, source);
	}
	assert.equal(holds('open', pending), true, 'the prompt is still searched');
});

test('free text reaches into tl;dr blocks and tool results, but not tool inputs', () => {
	const nested = interaction({
		output: {
			content: [
				{type: 'tldr', content: [text('Summary mentions QUARTERLY numbers')]},
				{type: 'tool_result', toolUseId: 't', isError: false, content: [text('result says hello')]},
				{type: 'tool_use', id: 't', name: 'lookup', input: {secretWord: 'zebra'}},
			],
			errors: [],
		},
	});
	assert.equal(holds('quarterly', nested), true);
	assert.equal(holds('hello', nested), true);
	assert.equal(holds('lookup', nested), true, 'the tool name is searched');
	assert.equal(holds('zebra', nested), false);
});
