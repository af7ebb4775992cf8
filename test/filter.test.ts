import {test} from 'node:test';
import assert from 'node:assert/strict';
import {describeFilter, errorCaret, parseFilter, parseTime, type Filter} from '../source/domain/filter.ts';
import {filterInteractions, matches, searchableText} from '../source/domain/filter-match.ts';
import type {Interaction} from '../source/domain/types.ts';
import {NOW, interaction, richInteraction, text, user} from './helpers/fixtures.ts';

function parse(source: string): Filter {
	const result = parseFilter(source);
	if (!result.ok) assert.fail(`${source}: ${result.error.message}`);
	return result.filter;
}

function error(source: string) {
	const result = parseFilter(source);
	if (result.ok) assert.fail(`${source} parsed`);
	return result.error;
}

test('parseFilter: every term kind, negation and positions', () => {
	const filter = parse(
		'timeout "open risks" -state:Error model:gpt-4 stop:max_tokens tokens>=1.5k in<10 out=0',
	);
	assert.deepEqual(
		filter.terms.map(t => ({...t})),
		[
			{kind: 'text', value: 'timeout', quoted: false, negated: false, position: 0},
			{kind: 'text', value: 'open risks', quoted: true, negated: false, position: 8},
			{kind: 'field', field: 'state', value: 'error', negated: true, position: 21},
			{kind: 'field', field: 'model', value: 'gpt-4', negated: false, position: 34},
			{kind: 'field', field: 'stop', value: 'max_tokens', negated: false, position: 46},
			{kind: 'number', field: 'tokens', op: '>=', value: 1500, negated: false, position: 62},
			{kind: 'number', field: 'in', op: '<', value: 10, negated: false, position: 75},
			{kind: 'number', field: 'out', op: '=', value: 0, negated: false, position: 81},
		],
	);
	const more = parse(
		'flag:tool-error -flag:any tool:knowledge user:"A. User" after:2h before:2026-03-02 TOKENS:>5',
	);
	assert.deepEqual(
		more.terms.map(t => t.kind),
		['flag', 'flag', 'field', 'field', 'time', 'time', 'number'],
	);
	assert.deepEqual(more.terms[3], {
		kind: 'field',
		field: 'user',
		value: 'a. user',
		negated: false,
		position: 41,
	});
	assert.deepEqual(more.terms[6], {
		kind: 'number',
		field: 'tokens',
		op: '>',
		value: 5,
		negated: false,
		position: 83,
	});
	assert.deepEqual(parse('  ').terms, []);
	// Text that merely contains a colon or starts with digits stays text.
	assert.deepEqual(
		parse('https://example.com/x 10:30 a.b:c').terms.map(t => t.kind === 'text' && t.value),
		['https://example.com/x', '10:30', 'a.b:c'],
	);
});

test('parseFilter: mistakes give a one-line message and the column of the mistake', () => {
	assert.deepEqual(error('ab foo:1'), {message: "unknown field 'foo' at 3", position: 3});
	assert.deepEqual(error('x tokens>abc'), {message: "expected a number after 'tokens>' at 9", position: 9});
	assert.deepEqual(error('tokens>'), {message: "expected a number after 'tokens>' at 7", position: 7});
	assert.deepEqual(error('in:'), {message: "expected a number after 'in:' at 3", position: 3});
	assert.deepEqual(error('state:error "open ri'), {message: 'unclosed quote at 12', position: 12});
	assert.deepEqual(error('user:"bob'), {message: 'unclosed quote at 5', position: 5});
	assert.deepEqual(error('model: x'), {message: "expected a value after 'model:' at 6", position: 6});
	assert.deepEqual(error('state>3'), {message: "expected ':' after 'state' at 5", position: 5});
	assert.deepEqual(error('a - b'), {message: "expected a term after '-' at 3", position: 3});
	assert.deepEqual(error('--x'), {message: "expected a term after '-' at 1", position: 1});
	assert.deepEqual(error('x ""'), {message: 'empty phrase at 2', position: 2});
	assert.equal(error('flag:slow').position, 5);
	assert.match(
		error('flag:slow').message,
		/^unknown flag 'slow' \(one of truncated, empty, tool-error, stuck, refusal, any\) at 5$/,
	);
	assert.equal(error('after:yesterday').position, 6);
	assert.match(error('after:yesterday').message, /after 'after:' at 6$/);
	assert.equal(error('before:2026-13-45').position, 7);
});

test('parseTime: ages, dates and date-times, zone-less meaning UTC', () => {
	assert.deepEqual(parseTime('30m'), {kind: 'ago', ms: 30 * 60_000});
	assert.deepEqual(parseTime('2h'), {kind: 'ago', ms: 2 * 3_600_000});
	assert.deepEqual(parseTime('7d'), {kind: 'ago', ms: 7 * 86_400_000});
	assert.deepEqual(parseTime('2026-03-02'), {kind: 'absolute', ms: Date.UTC(2026, 2, 2)});
	assert.deepEqual(parseTime('2026-03-02T14:05'), {kind: 'absolute', ms: Date.UTC(2026, 2, 2, 14, 5)});
	assert.deepEqual(parseTime('2026-03-02T14:05:09+01:00'), {
		kind: 'absolute',
		ms: Date.UTC(2026, 2, 2, 13, 5, 9),
	});
	assert.equal(parseTime('2h30m'), undefined);
	assert.equal(parseTime('now'), undefined);
});

test('describeFilter: a readable line for the status bar', () => {
	assert.equal(describeFilter(parse('')), 'all interactions');
	assert.equal(describeFilter(parse('user:"A. User"')), 'user:"a. user"');
	assert.equal(
		describeFilter(parse('Timeout -state:error tokens>1000 after:2h before:2026-03-02 flag:any')),
		'"timeout" and not state:error and tokens>1,000 and after 2h ago and before 2026-03-02T00:00:00Z and flag:any',
	);
});

const HOUR = 3_600_000;

const fixtures = {
	ok: interaction({
		userInput: user('List the open risks.'),
		createdBy: {id: 'u1', name: 'A. User', email: 'alice@example.com'},
	}),
	error: interaction({
		state: 'Error',
		createdAtMs: NOW - 10 * 60_000,
		userInput: user('Why did the nightly IMPORT fail?'),
		output: {
			model: 'gpt-4o',
			stopReason: 'error',
			content: [
				{type: 'thinking', thinking: 'Check the scheduler logs.', citations: []},
				{type: 'tool_use', id: 't1', name: 'knowledge_search', input: {q: 'import'}},
				{type: 'tool_result', toolUseId: 't1', isError: true, content: [text('index unavailable')]},
			],
			usage: {inputTokens: 903, outputTokens: 0},
			errors: [{type: 'api_error', message: 'boom'}],
		},
		createdBy: {id: 'u2', name: 'Bob', email: 'bob@corp.example'},
	}),
	truncated: interaction({
		createdAtMs: NOW - 48 * HOUR,
		userInput: user('Summarise the quarter'),
		output: {
			model: 'default',
			stopReason: 'max_tokens',
			content: [text('The quarter was')],
			usage: {inputTokens: 5000, outputTokens: 1024},
			errors: [],
		},
	}),
	running: interaction({
		state: 'Processing',
		createdAtMs: NOW - 20 * 60_000,
		userInput: user('Still thinking about it'),
		output: {content: [], usage: {inputTokens: 120}, errors: []},
	}),
	rich: richInteraction({createdAtMs: Number.NaN}),
};

function names(source: string): string[] {
	const all = Object.entries(fixtures);
	const filter = parse(source);
	return all.filter(([, i]) => matches(filter, i, NOW)).map(([name]) => name);
}

test('matches: free text is case-insensitive over prompt, output text, thinking and tool names', () => {
	assert.deepEqual(names('import'), ['error']);
	assert.deepEqual(names('SCHEDULER'), ['error']);
	assert.deepEqual(names('index unavailable'), ['error', 'rich']);
	assert.deepEqual(names('"open risks"'), ['ok', 'rich']);
	assert.deepEqual(names('"risks open"'), []);
	assert.deepEqual(names('open -risks'), []);
	assert.deepEqual(names('-open'), ['error', 'truncated', 'running']);
	// The history in pgpt.messages is not this turn: "Two incidents." is only in the rich history.
	assert.deepEqual(names('incidents'), []);
	// A phrase never spans two blocks.
	assert.ok(searchableText(fixtures.error).includes('logs.\nknowledge_search'));
	assert.deepEqual(names('"logs. knowledge_search"'), []);
});

test('matches: fields', () => {
	assert.deepEqual(names('state:ERROR'), ['error']);
	assert.deepEqual(names('state:ok'), ['ok', 'truncated', 'rich']);
	assert.deepEqual(names('state:running'), ['running']);
	assert.deepEqual(names('-state:completed'), ['error', 'running']);
	assert.deepEqual(names('model:GPT'), ['error']);
	assert.deepEqual(names('stop:max_tokens'), ['truncated']);
	assert.deepEqual(names('stop:max'), []);
	assert.deepEqual(names('tool:knowledge_search'), ['error', 'rich']);
	assert.deepEqual(names('tool:web'), ['rich']);
	assert.deepEqual(names('user:alice@'), ['ok']);
	assert.deepEqual(names('user:bob'), ['error']);
	assert.deepEqual(names('user:a@example.com'), ['rich']);
	assert.deepEqual(names('-user:example'), ['truncated', 'running']);
});

test('matches: token comparisons, with tokens = in + out and unknown counts never matching', () => {
	assert.deepEqual(names('tokens>1000'), ['truncated']);
	assert.deepEqual(names('tokens>=952'), ['ok', 'truncated', 'rich']);
	assert.deepEqual(names('tokens<=903'), ['error', 'running']);
	assert.deepEqual(names('out=0'), ['error']);
	assert.deepEqual(names('out<1'), ['error']);
	assert.deepEqual(names('in>100 in<200'), ['running']);
	assert.deepEqual(names('tokens=6.024k'), ['truncated']);
	const unknown = interaction({output: undefined});
	assert.equal(matches(parse('tokens<1'), unknown, NOW), false);
	assert.equal(matches(parse('-tokens<1'), unknown, NOW), true);
});

test('matches: triage flags and flag:any use the same rules as the list', () => {
	assert.deepEqual(names('flag:truncated'), ['truncated']);
	assert.deepEqual(names('flag:tool-error'), ['error', 'rich']);
	assert.deepEqual(names('flag:stuck'), ['running']);
	assert.deepEqual(names('flag:any'), ['error', 'truncated', 'running', 'rich']);
	assert.deepEqual(names('-flag:any'), ['ok']);
	// "stuck" depends on the clock passed in.
	assert.equal(matches(parse('flag:stuck'), fixtures.running, NOW - 19 * 60_000), false);
});

test('matches: after/before with ages resolved against now and absolute UTC dates', () => {
	assert.deepEqual(names('after:15m'), ['error']);
	assert.deepEqual(names('after:1h'), ['error', 'running']);
	assert.deepEqual(names('before:1d'), ['truncated']);
	assert.deepEqual(names('after:2026-03-02'), ['ok', 'error', 'running']);
	assert.deepEqual(names('before:2026-03-02T00:00Z'), ['truncated']);
	// An unparseable createdAt matches no time term, so negation keeps it visible.
	assert.deepEqual(names('-after:1h'), ['ok', 'truncated', 'rich']);
});

test('filterInteractions: 10,000 rows, a phrase with a negated field and a count (the cache: filter-match.test.ts)', () => {
	const rows: Interaction[] = [];
	for (let i = 0; i < 10_000; i++) {
		rows.push(interaction({userInput: user(`prompt number ${i} ${'filler words '.repeat(40)}`)}));
	}
	const filter = parse('"number 99" -state:error tokens>10');
	const first = filterInteractions(filter, rows, NOW);
	assert.equal(first.length, 111); // 99 and 990..999 and 9900..9999
	const again = filterInteractions(parse('"number 99"'), rows, NOW);
	assert.deepEqual(again, first);
	assert.equal(filterInteractions(parse(''), rows, NOW), rows);
});

test('errorCaret: the caret sits under the mistake, counting wide characters by display width', () => {
	assert.equal(errorCaret('ab foo:1', error('ab foo:1')), '   ^');
	assert.equal(errorCaret('日本 foo:1', error('日本 foo:1')), '     ^');
});

test('parseFilter: counts and dates are read whole (no trailing or leading junk), with their units', () => {
	assert.deepEqual(parse('tokens>1.5m').terms[0], {
		kind: 'number',
		field: 'tokens',
		op: '>',
		value: 1_500_000,
		negated: false,
		position: 0,
	});
	assert.deepEqual(parse('in<2K').terms[0], {
		kind: 'number',
		field: 'in',
		op: '<',
		value: 2000,
		negated: false,
		position: 0,
	});
	for (const bad of ['tokens>5x', 'tokens>x5', 'out=1.5km']) assert.equal(parseFilter(bad).ok, false, bad);
	assert.deepEqual(parseTime('2026-03-02T14:05:09.250Z'), {
		kind: 'absolute',
		ms: Date.UTC(2026, 2, 2, 14, 5, 9, 250),
	});
	assert.deepEqual(parseTime('2026-03-02 14:05'), {kind: 'absolute', ms: Date.UTC(2026, 2, 2, 14, 5)});
	assert.deepEqual(parseTime('2026-03-02T14:05+0200'), {kind: 'absolute', ms: Date.UTC(2026, 2, 2, 12, 5)});
	assert.deepEqual(parseTime('1.5h'), {kind: 'ago', ms: 5_400_000});
	for (const bad of ['x2026-03-02', '2026-03-02x', '2026-03-02T14:05:09.x', '1.xh'])
		assert.equal(parseTime(bad), undefined, bad);
	assert.deepEqual(error('x -'), {message: "expected a term after '-' at 3", position: 3});
	assert.deepEqual(error('"  "'), {message: 'empty phrase at 0', position: 0});
});
