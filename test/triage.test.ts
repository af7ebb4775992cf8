import {test} from 'node:test';
import assert from 'node:assert/strict';
import {errorItems, triageFlags} from '../source/domain/triage.ts';
import {
	contentWidths,
	flagCodes,
	interactionRow,
	promptSummary,
	renderRow,
	rowCells,
} from '../source/domain/row.ts';
import {rowLayout} from '../source/domain/row-layout.ts';
import {detailHeaderFields, detailHeaderLines, HEADER_LINES} from '../source/domain/detail-header.ts';
import stringWidth from 'string-width';
import {fullPgpt, interaction, NOW, richInteraction, text} from './helpers/fixtures.ts';

const output = (extra: object = {}) => ({
	model: 'default',
	stopReason: 'end_turn',
	content: [text('fine')],
	usage: {inputTokens: 10, outputTokens: 20},
	errors: [],
	...extra,
});

test('a healthy interaction has no flags and no error items', () => {
	const healthy = interaction();
	assert.deepEqual(triageFlags(healthy, NOW), []);
	assert.deepEqual(errorItems(healthy, NOW), []);
});

test('truncated: stop reason max_tokens, or output tokens equal to the requested max_tokens', () => {
	assert.deepEqual(triageFlags(interaction({output: output({stopReason: 'max_tokens'})}), NOW), [
		'truncated',
	]);
	const atLimit = interaction({
		pgpt: {...fullPgpt, params: {maxTokens: 20}},
		output: output({usage: {inputTokens: 5, outputTokens: 20}}),
	});
	assert.deepEqual(triageFlags(atLimit, NOW), ['truncated']);
	const under = interaction({pgpt: {...fullPgpt, params: {maxTokens: 21}}, output: output()});
	assert.deepEqual(triageFlags(under, NOW), []);
});

test('empty: Completed with no text output (whitespace and tool calls do not count)', () => {
	assert.deepEqual(triageFlags(interaction({output: output({content: [text('  \n')]})}), NOW), ['empty']);
	assert.deepEqual(triageFlags(interaction({output: undefined}), NOW), ['empty']);
	const toolOnly = output({content: [{type: 'tool_use', id: 't', name: 'x', input: {}}]});
	assert.deepEqual(triageFlags(interaction({output: toolOnly}), NOW), ['empty']);
	// Processing without output is not "empty", it is not finished.
	assert.deepEqual(
		triageFlags(interaction({state: 'Processing', createdAtMs: NOW - 1000, output: undefined}), NOW),
		[],
	);
});

test('tool-error: a failed tool_result in this turn, nested too, but not in the history', () => {
	const failed = output({
		content: [
			{type: 'tldr', content: [{type: 'tool_result', toolUseId: 't', isError: true, content: []}]},
			text('done'),
		],
	});
	assert.deepEqual(triageFlags(interaction({output: failed}), NOW), ['tool-error']);
	const historyOnly = interaction({
		pgpt: {
			...fullPgpt,
			params: {},
			messages: [
				{role: 'tool', content: [{type: 'tool_result', toolUseId: 'h', isError: true, content: []}]},
			],
		},
	});
	assert.deepEqual(triageFlags(historyOnly, NOW), []);
});

test('stuck: Processing for more than five minutes', () => {
	const young = interaction({state: 'Processing', createdAtMs: NOW - 4 * 60_000, output: undefined});
	const old = interaction({state: 'Processing', createdAtMs: NOW - 6 * 60_000, output: undefined});
	assert.deepEqual(triageFlags(young, NOW), []);
	assert.deepEqual(triageFlags(old, NOW), ['stuck']);
	assert.deepEqual(
		errorItems(old, NOW).map(e => e.source),
		['stuck'],
	);
	assert.match(errorItems(old, NOW)[0]!.message, /6 minutes/);
	assert.deepEqual(triageFlags(interaction({state: 'Processing', createdAtMs: Number.NaN}), NOW), []);
});

test('refusal', () => {
	assert.deepEqual(triageFlags(interaction({output: output({stopReason: 'refusal'})}), NOW), ['refusal']);
});

test('errorItems: output errors, the Error state, error/cancelled stop reasons', () => {
	const failed = interaction({
		state: 'Error',
		output: output({
			stopReason: 'error',
			errors: [
				{type: 'overloaded_error', message: 'Model overloaded'},
				{type: '', message: 'no type'},
			],
		}),
	});
	const items = errorItems(failed, NOW);
	assert.deepEqual(
		items.map(i => [i.source, i.type]),
		[
			['output', 'overloaded_error'],
			['output', 'error'],
			['state', 'state'],
			['stop-reason', 'stop error'],
		],
	);
	assert.equal(errorItems(interaction({output: output({stopReason: 'cancelled'})}), NOW).length, 1);
});

test('interactionRow: time with zone, age, glyph and word, model, tokens, stop, flags, prompt', () => {
	const row = interactionRow(interaction({createdAtMs: Date.UTC(2026, 2, 2, 14, 2, 0)}), NOW, 120);
	// Sized to its own values: no padding, and an empty flag column takes no room.
	assert.equal(row, '14:02Z 3h ago ✓ ok default 812→140 end_turn List the open risks.');
	const failed = interaction({state: 'Error', output: output({stopReason: 'error'})});
	assert.match(interactionRow(failed, NOW, 120), /✗ error /);
	assert.match(interactionRow(failed, NOW, 120), / ! List the open risks\.$/);
	const cut = interaction({output: output({stopReason: 'max_tokens'})});
	assert.match(interactionRow(cut, NOW, 120), / T List the open risks\.$/, 'truncated shows T');
	assert.equal(flagCodes(failed, NOW), '!');
});

test('an Error interaction shows its first error message in place of the prompt', () => {
	const failed = interaction({
		state: 'Error',
		output: output({
			stopReason: 'error',
			errors: [
				{type: 'overloaded_error', message: '\n  Upstream model overloaded\nretry later'},
				{type: 'other', message: 'second'},
			],
		}),
	});
	assert.equal(rowCells(failed, NOW).text, 'Upstream model overloaded');
	assert.match(interactionRow(failed, NOW, 120), /! Upstream model overloaded$/);
	// Without a message the prompt stays; a Completed row with errors[] keeps its prompt too.
	assert.equal(rowCells(interaction({state: 'Error', output: undefined}), NOW).text, 'List the open risks.');
	const completed = interaction({output: output({errors: [{type: 'x', message: 'partial failure'}]})});
	assert.equal(rowCells(completed, NOW).text, 'List the open risks.');
});

test('interactionRow: fits the width by display width, dropping minor fields first', () => {
	const cjk = interaction({
		userInput: {role: 'user', content: [text('\n日本語の質問です。長い長い長い質問 👩‍💻 emoji')]},
	});
	for (const width of [10, 20, 30, 40, 60, 80, 200]) {
		const row = interactionRow(cjk, NOW, width);
		assert.ok(stringWidth(row) <= width, `${width}: ${row}`);
	}
	const narrow = interactionRow(cjk, NOW, 40);
	assert.match(narrow, /✓ ok/);
	assert.match(narrow, /日本語/);
	assert.doesNotMatch(narrow, /ago/);
});

test('promptSummary: first line of text, or what the prompt holds', () => {
	assert.equal(promptSummary({role: 'user', content: [text('\n  Why?\nBecause')]}), 'Why?');
	assert.equal(promptSummary({role: 'user', content: []}), '(empty prompt)');
	assert.equal(
		promptSummary({
			role: 'user',
			content: [
				{type: 'file', size: 3},
				{type: 'image', dataLength: 1, isUrl: false},
			],
		}),
		'(no text: file, image)',
	);
});

test('detail header: every field, fixed number of lines', () => {
	const rich = richInteraction({output: {...richInteraction().output!, stopReason: 'max_tokens'}});
	const fields = new Map(detailHeaderFields(rich, NOW).map(f => [f.label, f.value]));
	assert.equal(fields.get('id'), rich.id);
	assert.equal(fields.get('thread'), 'thread-1');
	assert.equal(fields.get('state'), '✓ ok');
	assert.equal(fields.get('model'), 'default');
	assert.equal(fields.get('stop'), 'max_tokens');
	assert.equal(fields.get('created'), '2026-03-02 14:02:11Z (3h ago)');
	assert.equal(fields.get('by'), 'A. User <a@example.com>');
	assert.equal(fields.get('tokens'), 'in 812 · out 140 · total 952');
	assert.equal(fields.get('artifacts'), '2');
	assert.equal(fields.get('flags'), '! truncated, tool-error');
	assert.equal(detailHeaderLines(rich, NOW).length, HEADER_LINES);
	assert.equal(detailHeaderLines(interaction({createdBy: undefined}), NOW).length, HEADER_LINES);
});

test('rows laid out together line up whatever the state, model or tokens', () => {
	const cells = [
		interaction(),
		interaction({state: 'Processing', createdAtMs: NOW - 1000, output: undefined}),
		interaction({state: 'Unheard-of-state', output: output({model: 'a-very-long-model-name', usage: {}})}),
	].map(i => rowCells(i, NOW));
	const layout = rowLayout(contentWidths(cells), 100);
	const rows = cells.map(c => renderRow(c, layout));
	const starts = rows.map(r => r.indexOf('List the open risks.'));
	assert.ok(
		starts.every(s => s === starts[0] && s > 0),
		rows.join('\n'),
	);
	assert.ok(rows.every(r => stringWidth(r) <= 100));
	assert.match(rows[2]!, /a-very-long-mod…/, 'an open-ended value is cut at its column cap');
});
