import {afterEach, test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {cleanup} from 'ink-testing-library';
import {DetailPane, detailBodyHeight, positionLabel} from '../source/components/detail-pane.tsx';
import {MASKED} from '../source/api/parse/index.ts';
import {detailLines, type DetailTab} from '../source/domain/detail-tabs.ts';
import type {NotableKind} from '../source/demo/notable.ts';
import type {Interaction} from '../source/domain/types.ts';
import {DEMO_NOW, demoFixtures, demoInteraction} from './helpers/demo-interactions.ts';
import {interaction, NOW} from './helpers/fixtures.ts';
import {mount, withMounted} from './helpers/render.tsx';

afterEach(cleanup);

const TABS: readonly DetailTab[] = ['transcript', 'params', 'errors'];
const base = {scroll: 0, width: 80, height: 24, focused: true, nowMs: DEMO_NOW, systemExpanded: false};

function assertFits(lines: string[], width: number, height: number, what: string) {
	assert.ok(lines.length <= height, `${what}: ${lines.length} lines > ${height}`);
	for (const l of lines)
		assert.ok(stringWidth(l) <= width, `${what}: wider than ${width}: ${JSON.stringify(l)}`);
}

/** Every body line of a tab, read by scrolling page by page through the real component. */
async function readAll(
	subject: Interaction,
	tab: DetailTab,
	opts: {width?: number; height?: number; systemExpanded?: boolean; maxPages?: number} = {},
): Promise<{text: string; raw: string}> {
	const width = opts.width ?? 80;
	const height = opts.height ?? 24;
	const {maxPages = Infinity, ...rest} = opts;
	const props = {...base, ...rest, interaction: subject, tab, width, height};
	const page = detailBodyHeight(height);
	const total = detailLines(subject, tab, width, {
		systemExpanded: props.systemExpanded,
		nowMs: DEMO_NOW,
	}).length;
	const m = await mount(<DetailPane {...props} />);
	const texts: string[] = [];
	const raws: string[] = [];
	try {
		for (
			let scroll = 0, n = 0;
			scroll < Math.max(1, total) && n < maxPages;
			scroll += Math.max(1, page), n++
		) {
			await m.rerender(<DetailPane {...props} scroll={scroll} />);
			assertFits(m.lines(), width, height, `${tab} at ${scroll}`);
			texts.push(m.frame());
			raws.push(m.rawFrame());
		}
	} finally {
		await m.unmount();
	}
	return {text: texts.join('\n'), raw: raws.join('\n')};
}

test('transcript: every block type of the demo is rendered', async () => {
	const {text} = await readAll(demoInteraction('allBlocks'), 'transcript');
	for (const marker of [
		'user:',
		'assistant:',
		'thinking',
		'tool_use ',
		'tool_result for ',
		'sources (',
		'file ',
		'image (',
		'audio (',
		'binary (',
		'tldr',
		'(unknown block)',
	]) {
		assert.ok(text.includes(marker), `no ${JSON.stringify(marker)} in the transcript:\n${text}`);
	}
	assert.match(text, /\[\d+\]/, 'citation markers');
	assert.match(text, /"query":/, 'tool input pretty-printed');
});

test('params: "not set" shown for absent values, secrets masked in every tab', async () => {
	const nullParams = await readAll(demoInteraction('nullParams'), 'params');
	assert.match(nullParams.text, /temperature +not set/);
	assert.match(nullParams.text, /seed +7/);
	const all = await readAll(demoInteraction('allParams'), 'params');
	assert.match(all.text, /top_k +40/);
	assert.ok(all.text.includes(MASKED), 'the masked token is shown in its place');
	const kinds: NotableKind[] = ['allParams', 'allBlocks', 'nullParams', 'toolError', 'hostileTool'];
	for (const kind of kinds) {
		for (const tab of TABS) {
			const {raw} = await readAll(demoInteraction(kind), tab, {width: 60});
			for (const secret of demoFixtures().secrets) {
				assert.ok(!raw.includes(secret), `${kind}/${tab} shows a secret`);
				assert.ok(!raw.includes(secret.slice(0, 16)), `${kind}/${tab} shows part of a secret`);
			}
		}
	}
});

test('errors tab: the count is on the tab bar, the items are listed', async () => {
	const failed = demoInteraction('error');
	await withMounted(<DetailPane {...base} interaction={failed} tab="errors" />, m => {
		const bar = m.lines().find(l => l.includes('[1 Transcript]'))!;
		const count = Number(/\[3 Errors \((\d+)\)\]/.exec(bar)?.[1]);
		assert.ok(count > 0, bar);
		const body = m.frame().split(/\[3 Errors \(\d+\)\].*\n/)[1] ?? '';
		assert.equal(body.match(/^✗ /gm)?.length, count);
	});
	await withMounted(<DetailPane {...base} interaction={demoInteraction('allParams')} tab="errors" />, m => {
		assert.match(m.frame(), /\[3 Errors \(0\)\]/);
		assert.match(m.frame(), /No errors recorded/);
	});
	await withMounted(<DetailPane {...base} interaction={demoInteraction('stuck')} tab="errors" />, m => {
		assert.match(m.frame(), /Still Processing after/);
	});
});

test('hostile text is shown inert: no escape, bell, carriage return or bidi control in the frame', async () => {
	const controls =
		/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
	// Our own colours (if FORCE_COLOR is set) are the only escapes allowed.
	const withoutOwnColours = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');
	for (const kind of ['hostilePrompt', 'hostileOutput', 'hostileTool', 'hostileError'] as const) {
		for (const tab of TABS) {
			for (const width of [40, 80]) {
				const {text, raw} = await readAll(demoInteraction(kind), tab, {width});
				const bad = controls.exec(withoutOwnColours(raw));
				assert.equal(bad, null, `${kind}/${tab}/${width}: U+${bad?.[0].codePointAt(0)?.toString(16)}`);
				assert.ok(!text.includes('PWNED'), `${kind}/${tab}: an OSC payload survived`);
			}
		}
	}
	// The readable part of the hostile strings is still there, shown as text.
	const {text} = await readAll(demoInteraction('hostilePrompt'), 'transcript');
	assert.match(text, /CLEARED the screen/);
});

test('narrow widths and short heights: every tab stays inside its box', async () => {
	const subject = demoInteraction('allBlocks');
	for (const [width, height] of [
		[20, 10],
		[33, 6],
		[45, 16],
		[12, 3],
		[80, 2],
	] as const) {
		for (const tab of TABS) await readAll(subject, tab, {width, height, maxPages: 8});
	}
	await withMounted(<DetailPane {...base} interaction={subject} tab="transcript" height={1} />, m => {
		assertFits(m.lines(), 80, 1, 'height 1');
	});
});

test('scrolling: position indicator and the slice shown', async () => {
	const big = demoInteraction('largeTranscript');
	const total = detailLines(big, 'transcript', 80, {systemExpanded: false, nowMs: DEMO_NOW}).length;
	assert.ok(total > 100, `large transcript has ${total} lines`);
	const body = detailBodyHeight(24);
	await withMounted(<DetailPane {...base} interaction={big} tab="transcript" scroll={40} />, m => {
		const fmt = new Intl.NumberFormat('en-US');
		assert.ok(m.frame().includes(`lines 41–${40 + body} of ${fmt.format(total)}`), m.frame());
		assertFits(m.lines(), 80, 24, 'large');
	});
	assert.equal(positionLabel(0, 10, 5), '5 lines');
	assert.equal(positionLabel(90, 10, 100, true), '100%');
	assert.equal(positionLabel(0, 10, 0), 'empty');
});

test('the system prompt folds and unfolds', async () => {
	const subject = interaction({
		pgpt: {
			messages: [
				{role: 'system', content: [{type: 'text', text: 'Be brief.\nBe kind.\nCite.', citations: []}]},
			],
			params: {},
			tools: [],
			mcpServers: [],
			toolContext: [],
		},
	});
	const props = {...base, nowMs: NOW, interaction: subject, tab: 'transcript' as const};
	await withMounted(<DetailPane {...props} />, m => {
		assert.match(m.frame(), /system: Be brief\. … \(3 lines, press s to expand\)/);
		assert.doesNotMatch(m.frame(), /Be kind\./);
	});
	await withMounted(<DetailPane {...props} systemExpanded />, m => {
		assert.match(m.frame(), /Be kind\./);
	});
});

test('processing, nothing selected, and a load error', async () => {
	await withMounted(
		<DetailPane {...base} interaction={demoInteraction('processing')} tab="transcript" />,
		m => {
			assert.match(m.frame(), /… running/);
			assert.match(m.frame(), /running…/);
		},
	);
	await withMounted(<DetailPane {...base} tab="transcript" />, m => {
		assert.match(m.frame(), /No interaction selected/);
	});
	await withMounted(
		<DetailPane {...base} tab="transcript" error="Interaction 0197 was not found (404)" />,
		m => {
			assert.match(m.frame(), /✗ Interaction 0197 was not found \(404\)/);
			assert.match(m.frame(), /press r to retry/);
		},
	);
	const subject = demoInteraction('allBlocks');
	await withMounted(
		<DetailPane {...base} interaction={subject} tab="transcript" error="Reload failed" height={12} />,
		m => {
			assertFits(m.lines(), 80, 12, 'error over content');
			assert.match(m.frame(), /✗ Reload failed/);
		},
	);
});
