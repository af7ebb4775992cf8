// Size limits end to end: a 40 MB interaction and a 5,000-message history, served through a proxy that
// bloats two interactions of the demo, open in the built CLI without freezing the keys.
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {cliPath} from './helpers/cli.ts';
import {startBloatProxy} from './helpers/bloat-proxy.ts';
import {closeAll, spawnTerminal, type Term} from './helpers/pty.ts';

let server: DemoServer | undefined;
let proxy: Awaited<ReturnType<typeof startBloatProxy>> | undefined;
let term: Term | undefined;
after(async () => {
	term?.kill('SIGKILL');
	await closeAll();
	await proxy?.close();
	await server?.close();
});

// A pager that records how much it was given, then returns at once.
const dir = mkdtempSync(path.join(tmpdir(), 'zylon-pager-'));
const pagerOut = path.join(dir, 'paged');
const pagerScript = path.join(dir, 'pager.sh');
writeFileSync(
	pagerScript,
	`#!/bin/sh\nwc -c < "$1" > "${pagerOut}.part" && mv "${pagerOut}.part" "${pagerOut}"\n`,
	{mode: 0o700},
);
after(() => rmSync(dir, {recursive: true, force: true}));

describe('size limits end to end', () => {
	test('a 40 MB interaction and a 5,000-message history open, keys stay responsive', async () => {
		server = await startDemoServer({generation: 'current'});
		const {fixtures} = server;
		const big = fixtures.interactions.endTurn;
		const long = fixtures.interactions.refusal;
		proxy = await startBloatProxy(server.url, {
			[big]: {textBytes: 40 * 1024 * 1024},
			[long]: {messages: 5000},
		});
		term = await spawnTerminal({
			args: [cliPath, '--project', fixtures.projects.insightsId, '--thread', fixtures.threads.weeklyBriefId],
			cols: 120,
			rows: 40,
			env: {
				PAGER: pagerScript,
				ZYLON_URL: proxy.url,
				ZYLON_TOKEN: server.token,
				ZYLON_ORG: server.org,
				XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
				ZYLON_TIMEOUT_MS: '60000',
			},
		});
		await term.waitFor(/page 1 · 1–\d+/, {timeoutMs: 30_000});
		// Walk the list over both rows; no key may wait on the big ones.
		const times: number[] = [];
		let sawBig = false;
		let sawHistory = false;
		for (let i = 0; i < 12; i++) {
			const before = term.screen();
			const at = Date.now();
			term.write('j');
			await term.waitFor(screen => screen !== before, {timeoutMs: 10_000});
			times.push(Date.now() - at);
			// The first changed frame may be the list alone; let the detail pane land before looking at it.
			await term.waitIdle(60);
			sawBig ||= term.screen().includes('BIG-START');
			sawHistory ||= term.screen().includes('HISTORY-');
		}
		console.log(`key response over the 40 MB and 5,000-message rows (ms): ${times.join(', ')}`);
		assert.ok(Math.max(...times) < 2000, `every key answered (${times.join(', ')} ms)`);
		assert.ok(sawBig && sawHistory, 'both big interactions were shown');

		// Back on the 40 MB row: its end is the note, and o hands the whole interaction to $PAGER.
		term.write('gj');
		await term.waitFor('BIG-START');
		term.write('\r');
		// Focus is on the detail once its keys show in the footer.
		await term.waitFor('1-3 tabs');
		await term.waitIdle(100);
		term.write('G');
		await term.waitFor(/cut for display at 200,000 of 41,943,\d+ characters/);
		term.write('\u001B');
		await term.waitIdle(60);
		term.write('o');
		await term.waitFor(() => existsSync(pagerOut), {timeoutMs: 20_000});
		await term.waitFor(/BIG-START/, {timeoutMs: 20_000});
		const paged = readFileSync(pagerOut, 'utf8');
		assert.ok(
			Number(paged.trim()) > 40 * 1024 * 1024,
			`the pager got the whole text (${paged.trim()} bytes)`,
		);
		await term.press('q');
		assert.equal((await term.exit).exitCode, 0);
	});
});
