import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {diffInteractions, diffTranscripts, lineDiff, type LineDiff} from '../source/domain/diff.ts';
import {NOT_SET} from '../source/domain/params.ts';
import {fullPgpt, interaction, richInteraction, text, user} from './helpers/fixtures.ts';

const compact = (diff: LineDiff) =>
	diff.rows.map(r => `${r.op === 'same' ? ' ' : r.op === 'added' ? '+' : '-'}${r.text}`);

test('lineDiff: a minimal edit script with line numbers on both sides', () => {
	const diff = lineDiff(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c']);
	assert.equal(diff.added + diff.removed, 5);
	assert.equal(diff.rows.filter(r => r.op === 'same').length, 4);
	assert.deepEqual(
		lineDiff(['user:', 'hello', 'assistant:', 'four'], ['user:', 'hello', 'assistant:', 'five', 'done']).rows,
		[
			{op: 'same', text: 'user:', aLine: 0, bLine: 0},
			{op: 'same', text: 'hello', aLine: 1, bLine: 1},
			{op: 'same', text: 'assistant:', aLine: 2, bLine: 2},
			{op: 'removed', text: 'four', aLine: 3},
			{op: 'added', text: 'five', bLine: 3},
			{op: 'added', text: 'done', bLine: 4},
		],
	);
	assert.deepEqual(compact(lineDiff(['x', 'a', 'y'], ['x', 'y'])), [' x', '-a', ' y']);
	assert.deepEqual(compact(lineDiff([], ['a'])), ['+a']);
	assert.deepEqual(compact(lineDiff(['a'], [])), ['-a']);
	const same = lineDiff(['a', 'b'], ['a', 'b']);
	assert.deepEqual(
		[same.added, same.removed, same.truncated, same.approximate, same.note],
		[0, 0, false, false, undefined],
	);
});

function lcs(a: readonly string[], b: readonly string[]): number {
	const row = new Array<number>(b.length + 1).fill(0);
	for (const x of a) {
		let diagonal = 0;
		for (let j = 1; j <= b.length; j++) {
			const up = row[j]!;
			row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1]!);
			diagonal = up;
		}
	}
	return row[b.length]!;
}

test('lineDiff: replays both inputs and is minimal (property)', () => {
	const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), {maxLength: 30});
	fc.assert(
		fc.property(lines, lines, (a, b) => {
			const diff = lineDiff(a, b);
			assert.deepEqual(
				diff.rows.filter(r => r.op !== 'added').map(r => r.text),
				a,
			);
			assert.deepEqual(
				diff.rows.filter(r => r.op !== 'removed').map(r => r.text),
				b,
			);
			for (const row of diff.rows) {
				if (row.aLine !== undefined) assert.equal(a[row.aLine], row.text);
				if (row.bLine !== undefined) assert.equal(b[row.bLine], row.text);
			}
			assert.equal(diff.added + diff.removed, a.length + b.length - 2 * lcs(a, b));
		}),
		{numRuns: 300},
	);
});

test('lineDiff: bounded: lines past maxLines are dropped, too many edits become a block replace', () => {
	const capped = lineDiff(['a', 'b', 'c', 'd'], ['a', 'b', 'x'], {maxLines: 2});
	assert.equal(capped.truncated, true);
	assert.deepEqual(compact(capped), [' a', ' b']);
	assert.equal(capped.note, 'only the first 2 lines of each side compared');

	const a = Array.from({length: 50}, (_, i) => `a${i}`);
	const b = Array.from({length: 50}, (_, i) => `b${i}`);
	const block = lineDiff(['head', ...a, 'tail'], ['head', ...b, 'tail'], {maxEdits: 10});
	assert.equal(block.approximate, true);
	assert.deepEqual(compact(block), [' head', ...a.map(l => `-${l}`), ...b.map(l => `+${l}`), ' tail']);
	assert.equal(block.note, 'more than 10 changed lines: shown as one block replaced');

	// Big transcripts with a few changes stay cheap: prefix/suffix trimming plus a small D.
	const big = Array.from({length: 20_000}, (_, i) => `line ${i}`);
	const changed = [...big];
	changed[7000] = 'changed';
	changed.splice(12_000, 0, 'inserted');
	const diff = lineDiff(big, changed, {maxLines: 50_000});
	assert.deepEqual([diff.added, diff.removed, diff.truncated, diff.approximate], [2, 1, false, false]);
	const bounded = lineDiff(big, changed);
	assert.equal(bounded.truncated, true);
	assert.equal(bounded.rows.filter(r => r.aLine !== undefined).length, 5000);
});

test('diffInteractions: outcome, usage and params side by side, changed flagged', () => {
	const a = richInteraction();
	const b = richInteraction({
		state: 'Error',
		pgpt: {...fullPgpt, params: {...fullPgpt.params, temperature: 1.3}, tools: [{name: 'web_search'}]},
		output: {
			model: 'default',
			stopReason: 'max_tokens',
			content: [text('Partial')],
			usage: {inputTokens: 812, outputTokens: 1024},
			errors: [{type: 'api_error', message: 'boom'}],
		},
	});
	const rows = diffInteractions(a, b);
	const row = (label: string) => rows.find(r => r.label === label);
	assert.deepEqual(row('state'), {
		section: 'outcome',
		label: 'state',
		a: 'Completed',
		b: 'Error',
		changed: true,
	});
	assert.deepEqual(row('model'), {
		section: 'outcome',
		label: 'model',
		a: 'default',
		b: 'default',
		changed: false,
	});
	assert.deepEqual(row('stop reason')?.b, 'max_tokens');
	assert.deepEqual(row('errors'), {
		section: 'outcome',
		label: 'errors',
		a: 'none',
		b: 'api_error: boom',
		changed: true,
	});
	assert.deepEqual(row('input tokens'), {
		section: 'usage',
		label: 'input tokens',
		a: '812',
		b: '812',
		changed: false,
	});
	assert.deepEqual(row('output tokens'), {
		section: 'usage',
		label: 'output tokens',
		a: '140',
		b: '1,024',
		changed: true,
	});
	assert.deepEqual(row('total tokens'), {
		section: 'usage',
		label: 'total tokens',
		a: '952',
		b: '1,836',
		changed: true,
	});
	assert.deepEqual(row('temperature'), {
		section: 'params',
		label: 'temperature',
		a: '0.2',
		b: '1.3',
		changed: true,
	});
	assert.equal(row('top_p')?.changed, false);
	assert.deepEqual(row('tool'), {
		section: 'params',
		label: 'tool',
		a: 'knowledge_search (semantic_search_v1); web_search',
		b: 'web_search',
		changed: true,
	});
	assert.deepEqual(
		rows.filter(r => r.changed).map(r => r.label),
		['state', 'stop reason', 'errors', 'output tokens', 'total tokens', 'temperature', 'tool'],
	);
	// Labels are unique, so the UI can key rows by label.
	assert.equal(new Set(rows.map(r => r.label)).size, rows.length);
});

test('diffInteractions: pgpt stored on one side only reads as not set on the other', () => {
	const rows = diffInteractions(interaction(), richInteraction());
	const temperature = rows.find(r => r.label === 'temperature');
	assert.deepEqual(temperature, {
		section: 'params',
		label: 'temperature',
		a: NOT_SET,
		b: '0.2',
		changed: true,
	});
	assert.equal(rows.find(r => r.label === 'pgpt')?.b, NOT_SET);
	const noUsage = diffInteractions(interaction({output: undefined}), interaction());
	assert.deepEqual(
		noUsage.find(r => r.label === 'total tokens'),
		{
			section: 'usage',
			label: 'total tokens',
			a: NOT_SET,
			b: '952',
			changed: true,
		},
	);
});

test('diffTranscripts: the Transcript tab lines of two interactions, diffed', () => {
	const a = interaction({
		userInput: user('Summarise the incident'),
		output: {model: 'm', content: [text('It was DNS.')], errors: []},
	});
	const b = interaction({
		userInput: user('Summarise the incident'),
		output: {model: 'm', content: [text('It was BGP.')], errors: []},
	});
	assert.deepEqual(compact(diffTranscripts(a, b)), [
		' user:',
		'   Summarise the incident',
		' assistant: (m)',
		'-  It was DNS.',
		'+  It was BGP.',
	]);
});
