// The copy menu (five kinds, keys 1-5, a cursor glyph, within its width) and useEvidence on a demo
// interaction: the exact text copied through OSC 52, the footer message, no secret, and the pager.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {useEffect} from 'react';
import {Text} from 'ink';
import stringWidth from 'string-width';
import {createClient} from '../source/api/client.ts';
import {COPY_MENU_HEIGHT, CopyMenu} from '../source/components/copy-menu.tsx';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {EVIDENCE_KINDS, evidenceText, type EvidenceContext} from '../source/domain/evidence.ts';
import type {Interaction} from '../source/domain/types.ts';
import {useEvidence, type Evidence, type EvidenceIo} from '../source/hooks/use-evidence.ts';
import type {CopyIo} from '../source/lib/clipboard.ts';
import {mount, withMounted} from './helpers/render.tsx';
import {demoConnection} from './helpers/demo.ts';

describe('CopyMenu', () => {
	test('five kinds with keys 1-5, the cursor marked by a glyph, every line within the width', async () => {
		for (const width of [24, 60]) {
			await withMounted(<CopyMenu cursor={3} width={width} />, m => {
				const lines = m.lines();
				assert.equal(lines.length, COPY_MENU_HEIGHT);
				for (const line of lines) assert.ok(stringWidth(line) <= width, `"${line}" fits ${width}`);
				const entries = lines.filter(line => /[›\s] [1-5] {2}/.test(line));
				assert.equal(entries.length, 5);
				const marked = lines.filter(line => line.includes('›'));
				assert.equal(marked.length, 1);
				assert.match(marked[0]!, /› 4 {2}transcript/);
			});
		}
		assert.deepEqual(
			EVIDENCE_KINDS.map(e => e.key),
			['1', '2', '3', '4', '5'],
		);
	});
});

describe('useEvidence on demo data', () => {
	let server: DemoServer;
	let target: Interaction;
	const ctx = (): EvidenceContext => ({
		connectionLabel: 'demo',
		projectId: server.fixtures.projects.insightsId,
		threadId: target.threadId,
	});

	before(async () => {
		server = await startDemoServer({interactions: 10});
		const client = createClient(demoConnection(server));
		target = await client.interaction(server.fixtures.interactions.allParams);
	});
	after(() => server.close());

	async function withEvidence(io: EvidenceIo, check: (evidence: Evidence) => Promise<void>) {
		let evidence: Evidence | undefined;
		function Probe() {
			const value = useEvidence(io);
			useEffect(() => {
				evidence = value;
			}, [value]);
			return <Text>probe</Text>;
		}
		const m = await mount(<Probe />);
		try {
			assert.ok(evidence);
			await check(evidence);
		} finally {
			await m.unmount();
		}
	}

	test('copy: the exact text via OSC 52, a footer message naming what and how much, no secret', async () => {
		const written: string[] = [];
		const copyIo = (): CopyIo => ({
			env: {TERM: 'xterm-256color', SSH_TTY: '/dev/pts/1'},
			writeTty: async sequence => {
				written.push(sequence);
				return true;
			},
			writeFile: async () => assert.fail('no file expected'),
			runClipboardTool: async () => assert.fail('no tool over SSH'),
		});
		await withEvidence({copyIo}, async evidence => {
			const message = await evidence.copy('transcript', target, ctx());
			assert.match(
				message,
				/^sent transcript \(\d+(\.\d)? (B|kB)\) via OSC 52 \(unconfirmed: the terminal must allow OSC 52\)$/,
			);
			const payload = /\]52;c;([A-Za-z0-9+/=]*)\u0007/.exec(written[0] ?? '')?.[1] ?? '';
			const copied = Buffer.from(payload, 'base64').toString('utf8');
			// The demo's allParams interaction, as literal text: the header's ids and time vary with the run.
			assert.match(
				copied,
				/^# Interaction [\da-f-]{36}\n\n- state: Completed · created \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ · by .+ <.+@.+>\n- project [\da-f-]{36} · thread [\da-f-]{36}\n- model default · stop stop · tokens 812 in → 140 out\n\n## system\n/,
			);
			assert.ok(copied.startsWith(`# Interaction ${target.id}\n`));
			assert.equal(
				copied.slice(copied.indexOf('## system')),
				[
					'## system',
					'',
					'Answer with citations.',
					'',
					'## system',
					'',
					'You are the insights assistant.',
					'',
					'## user',
					'',
					'What changed in the pipeline last week?',
					'',
					'## assistant',
					'',
					'Two jobs were added.',
					'',
					'## tool',
					'',
					'{"jobs": 2}',
					'',
					'---',
					'',
					'_this turn_',
					'',
					'## user',
					'',
					'Which jobs changed, as JSON?',
					'',
					'## assistant (default)',
					'',
					'{"changed": ["ingest", "dedupe"]}',
					'',
					'_stop reason: stop_',
					'',
				].join('\n'),
			);

			for (const kind of ['params', 'json'] as const) {
				await evidence.copy(kind, target, ctx());
				const copied = Buffer.from(/;c;([^\u0007]*)/.exec(written.at(-1)!)![1]!, 'base64').toString('utf8');
				for (const secret of server.fixtures.secrets) assert.ok(!copied.includes(secret), `${kind} leaks`);
			}

			assert.match(await evidence.copy('id', target, ctx()), /^sent id \(\d+ B\) via OSC 52 \(unconfirmed/);
			const link = evidenceText('link', target, ctx());
			assert.ok(link.startsWith('zylon-tui --demo --project '));
			assert.ok(link.endsWith(`--interaction ${target.id}`));
		});
	});

	test('copy with no terminal and no tool: written to a file, said so', async () => {
		const copyIo = (extension: string): CopyIo => ({
			env: {TERM: 'dumb'},
			writeTty: async () => false,
			writeFile: async () => `/tmp/zylon-test.${extension}`,
			runClipboardTool: async () => false,
			findTool: () => undefined,
		});
		await withEvidence({copyIo}, async evidence => {
			assert.equal(
				await evidence.copy('json', target, ctx()),
				'JSON: no clipboard (TERM=dumb): written to /tmp/zylon-test.json',
			);
		});
	});

	test('page: a pager that exits 0, one that fails, one that is missing', async () => {
		await withEvidence({pager: {env: {PAGER: 'true'}}}, async evidence => {
			assert.equal(await evidence.page('transcript', target, ctx()), 'closed the pager (transcript)');
		});
		await withEvidence({pager: {env: {PAGER: 'false'}}}, async evidence => {
			assert.equal(await evidence.page('json', target, ctx()), 'the pager exited with status 1 (JSON)');
		});
		await withEvidence({pager: {env: {PAGER: 'no-such-pager-zylon'}}}, async evidence => {
			assert.match(
				await evidence.page('params', target, ctx()),
				/^could not open the pager: pager 'no-such-pager-zylon' not found/,
			);
		});
	});
});
