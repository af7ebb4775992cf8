// The comparison view on two real demo interactions: changed settings marked with a glyph (colour only
// repeats it), the transcript diff with +/- markers, and only the visible slice mounted.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {createClient} from '../source/api/client.ts';
import {DiffView} from '../source/components/diff-view.tsx';
import {CHANGED_GLYPH, diffViewLineCount, diffViewLines} from '../source/domain/diff-lines.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import type {Interaction} from '../source/domain/types.ts';
import {withMounted} from './helpers/render.tsx';
import {demoConnection} from './helpers/demo.ts';

let server: DemoServer;
let a: Interaction;
let b: Interaction;

before(async () => {
	server = await startDemoServer({interactions: 10});
	const client = createClient(demoConnection(server));
	const page = await client.interactions({projectId: server.fixtures.projects.insightsId}, {first: 500});
	const withBoth = page.items.filter(i => i.pgpt?.params.temperature !== undefined && i.output?.model);
	a = withBoth[0]!;
	const other = withBoth.find(
		i => i.pgpt!.params.temperature !== a.pgpt!.params.temperature && i.output!.model !== a.output!.model,
	);
	assert.ok(other, 'the demo holds two interactions with different temperature and model');
	b = other;
});
after(() => server.close());

test('temperature and model are both marked changed, with both values shown', async () => {
	await withMounted(<DiffView a={a} b={b} width={120} height={60} scroll={0} />, m => {
		const lines = m.lines();
		for (const [label, left, right] of [
			['model', a.output!.model!, b.output!.model!],
			['temperature', String(a.pgpt!.params.temperature), String(b.pgpt!.params.temperature)],
		] as const) {
			const line = lines.find(l => new RegExp(`^${CHANGED_GLYPH} ${label} `).test(l));
			assert.ok(line, `${label} marked changed in:\n${lines.join('\n')}`);
			assert.ok(line.includes(left) && line.includes(right), line);
		}
		const state = lines.find(l => /^. state /.test(l));
		assert.equal(state?.startsWith(CHANGED_GLYPH), a.state !== b.state);
		assert.ok(lines.every(l => stringWidth(l) <= 120));
	});
});

test('the transcript diff carries +/- markers and the count matches the lines', () => {
	const lines = diffViewLines(a, b, 100);
	const start = lines.findIndex(l => l.text.startsWith('Transcript:'));
	assert.ok(start > 0);
	const body = lines.slice(start + 1);
	assert.ok(body.some(l => l.tone === 'added' && l.text.startsWith('+ ')));
	assert.ok(body.some(l => l.tone === 'removed' && l.text.startsWith('- ')));
	assert.equal(diffViewLineCount(a, b, 100), lines.length);
});

test('only the visible slice is rendered, scroll clamped to the end', async () => {
	const all = diffViewLines(a, b, 80);
	await withMounted(<DiffView a={a} b={b} width={80} height={5} scroll={3} />, m => {
		assert.deepEqual(
			m.lines().map(l => l.trimEnd()),
			all.slice(3, 8).map(l => l.text.trimEnd()),
		);
	});
	await withMounted(<DiffView a={a} b={b} width={80} height={5} scroll={100_000} />, m => {
		assert.equal(m.lines().at(-1)?.trimEnd(), all.at(-1)?.text.trimEnd());
		assert.equal(m.lines().length, 5);
	});
});
