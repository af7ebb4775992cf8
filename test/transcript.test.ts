import {test} from 'node:test';
import assert from 'node:assert/strict';
import {RUNNING_MARKER, transcriptLines} from '../source/domain/transcript.ts';
import {detailLines, NO_ERRORS, tabLines} from '../source/domain/detail-tabs.ts';
import {fullPgpt, interaction, NOW, richInteraction, text} from './helpers/fixtures.ts';

const collapsed = {systemExpanded: false};
const texts = (lines: ReadonlyArray<{text: string}>) => lines.map(l => l.text);

test('history, then this turn, then the assistant output, each block by its type', () => {
	const lines = transcriptLines(richInteraction(), collapsed);
	const all = texts(lines).join('\n');
	const order = [
		'system: You are a careful analyst. … (3 lines, press s to expand)',
		'user:',
		'  What happened last week?',
		'assistant:',
		'tool:',
		'  tool_result for tu_0 · ok',
		'── this turn ──',
		'  List the open risks.',
		'assistant: (default)',
		'  thinking',
		'    Check the risk register first.',
		'  tool_use knowledge_search (id tu_1)',
		'    {\n      "query": "risk register",\n      "top_k": 5\n    }',
		'  tool_result for tu_1 · ERROR (is_error: true)',
		'    index unavailable',
		'  sources (2)',
		'    • Risk register (risks.pdf, p. 3)',
		'    • Status page <https://example.com/status>',
		'  file budget.csv (csv, text/csv) · 12,345 chars',
		'  image (image/png) · 96 chars of data',
		'  audio (audio/mpeg) · 2,048 chars of data',
		'  binary (application/octet-stream, dump.bin) · 10 chars of data',
		'  tldr',
		'    Nested summary line.',
		'  hologram (unknown block) {"type":"hologram","depth":3}',
		'  There are three open risks. [1][2]',
		'  stop reason: end_turn',
	];
	let from = 0;
	for (const piece of order) {
		const at = all.indexOf(piece, from);
		assert.ok(at >= 0, `missing or out of order: ${JSON.stringify(piece)}\n${all}`);
		from = at + piece.length;
	}
	const style = (t: string) => lines.find(l => l.text === t)?.style;
	assert.equal(style('  thinking'), 'thinking');
	assert.equal(style('  tool_result for tu_1 · ERROR (is_error: true)'), 'error');
	assert.equal(style('assistant: (default)'), 'role');
	assert.equal(style('  tool_use knowledge_search (id tu_1)'), 'tool');
	assert.ok(!all.includes('base64'), 'no binary data shown');
});

test('the system prompt folds to one line unless expanded', () => {
	const rich = richInteraction();
	const folded = texts(transcriptLines(rich, collapsed));
	assert.ok(!folded.includes('  Never guess.'));
	const open = texts(transcriptLines(rich, {systemExpanded: true}));
	assert.deepEqual(open.slice(0, 4), [
		'system:',
		'  You are a careful analyst.',
		'  Cite every claim.',
		'  Never guess.',
	]);
	const withSystemText = interaction({pgpt: {...fullPgpt, messages: [], system: {text: 'Line A\nLine B'}}});
	assert.equal(
		transcriptLines(withSystemText, collapsed)[0]!.text,
		'system: Line A … (2 lines, press s to expand)',
	);
});

test('Processing shows a running marker; no output says so', () => {
	const running = interaction({state: 'Processing', output: undefined});
	assert.equal(transcriptLines(running, collapsed).at(-1)!.text, RUNNING_MARKER);
	const none = interaction({output: undefined});
	assert.match(transcriptLines(none, collapsed).at(-1)!.text, /no assistant output/);
});

test('memoised per interaction and option, so the wrap cache hits', () => {
	const rich = richInteraction();
	assert.equal(transcriptLines(rich, collapsed), transcriptLines(rich, collapsed));
	assert.notEqual(transcriptLines(rich, collapsed), transcriptLines(rich, {systemExpanded: true}));
	const options = {systemExpanded: false, nowMs: NOW};
	assert.equal(detailLines(rich, 'transcript', 40, options), detailLines(rich, 'transcript', 40, options));
	assert.equal(detailLines(rich, 'params', 40, options), detailLines(rich, 'params', 40, options));
});

test('tool_use input with hostile characters is cleaned', () => {
	const odd = interaction({
		output: {
			content: [{type: 'tool_use', id: 't', name: 'x', input: {q: 'a\u202Eb\u001B[2Jc'}}],
			errors: [],
		},
	});
	const all = texts(transcriptLines(odd, collapsed)).join('\n');
	assert.ok(!all.includes('\u202E'));
	assert.ok(!all.includes('\u001B'));
	assert.match(all, /"q": "ab/);
});

test('tabs: params aligned with "not set" dimmed; errors listed or "no errors"', () => {
	const options = {systemExpanded: false, nowMs: NOW};
	const params = tabLines(interaction(), 'params', options);
	assert.match(params[0]!.text, /^pgpt +The request parameters/);
	const bare = interaction({pgpt: {messages: [], params: {}, tools: [], mcpServers: [], toolContext: []}});
	const bareLines = tabLines(bare, 'params', options);
	assert.equal(bareLines[0]!.style, 'dim');
	assert.match(bareLines[0]!.text, /^temperature +not set$/);
	assert.deepEqual(texts(tabLines(interaction(), 'errors', options)), [NO_ERRORS]);
	const failed = interaction({
		state: 'Error',
		output: {stopReason: 'max_tokens', content: [text('x')], errors: [{type: 'api_error', message: 'boom'}]},
	});
	const errors = tabLines(failed, 'errors', options);
	assert.deepEqual(texts(errors), [
		'✗ api_error: boom',
		'✗ state: The interaction ended in the Error state.',
		'',
		'flags: truncated',
	]);
	assert.equal(errors[0]!.style, 'error');
});

test('the wrapped detail grows as the width shrinks', () => {
	const rich = richInteraction();
	const options = {systemExpanded: false, nowMs: NOW};
	assert.ok(
		detailLines(rich, 'transcript', 20, options).length >
			detailLines(rich, 'transcript', 100, options).length,
	);
});

test("the request's last message, when it is this turn's prompt, is shown once, as this turn", () => {
	const prompt = {role: 'user', content: [text('Why did the import fail?')]};
	const earlier = {role: 'assistant', content: [text('Earlier answer.')]};
	const lines = (messages: (typeof prompt)[]) =>
		transcriptLines(interaction({userInput: prompt, pgpt: {...fullPgpt, system: undefined, messages}}), {
			systemExpanded: false,
		})
			.map(line => line.text)
			.filter(line => line.includes('Why did the import fail?')).length;
	assert.equal(lines([earlier, prompt]), 1);
	assert.equal(lines([prompt, earlier]), 2, 'an earlier identical prompt is history, kept');
});
