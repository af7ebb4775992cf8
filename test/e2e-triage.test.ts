// Triage features end to end in a pty: filter, copy over OSC 52, the pager round trip, follow mode,
// the diff of two marked rows and a Processing interaction streaming to completion.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {closeAll, keys, type Term} from './helpers/pty.ts';
import {startSession, stop, type Session} from './helpers/cli.ts';

const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
});

async function open(
	args: (fixtures: Session['server']['fixtures']) => string[],
	env: Record<string, string> = {},
) {
	const session = await startSession({
		demo: {generation: 'current'},
		args: server => args(server.fixtures),
		env,
	});
	sessions.push(session);
	await session.term.waitFor(/page 1 · \d|All threads/);
	if (!/page 1 · \d/.test(session.term.screen())) {
		await session.term.waitFor('Weekly brief');
		await session.term.press(keys.enter);
		await session.term.waitFor(/page 1 · \d/);
	}

	return session;
}

const headerId = (term: Term) =>
	/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) ·/.exec(term.screen())?.[1];

test('the filter keeps matching rows, says how many it scanned, and points at a syntax mistake', async () => {
	const {term} = await open(f => ['--project', f.projects.insightsId]);
	await term.press('/');
	await term.press('tokens>x');
	await term.waitFor(/\^ .*number/);
	for (let k = 0; k < 8; k++) await term.press(keys.backspace);
	await term.press('state:error\r');
	await term.waitFor(/state:error · [\d,]+ match(es)? · scanned [\d,]+/);
	const rows = term
		.screen()
		.split('\n')
		.filter(line => /^[ >*»]\d\d-\d\d \d\d:\d\dZ/.test(line));
	assert.ok(rows.length > 3);
	assert.ok(
		rows.every(line => line.includes('✗ error')),
		rows.join('\n'),
	);
	await term.press(keys.esc);
	await term.waitFor(/page 1 · 1–50/);
	await term.press('e');
	await term.waitFor(/errors only · [\d,]+ match(es)? · scanned [\d,]+/);
});

test('y copies the id through OSC 52 and the footer says so', async () => {
	const {term} = await open(f => ['--project', f.projects.insightsId]);
	const id = headerId(term)!;
	const mark = term.mark();
	await term.press('y');
	await term.waitFor('interaction id');
	await term.press('1');
	await term.waitFor(/sent id \(36 B\) via OSC 52 \(unconfirmed/);
	const expected = `\u001B]52;c;${Buffer.from(id).toString('base64')}\u0007`;
	assert.ok(term.rawSince(mark).includes(expected), 'the OSC 52 sequence carries the id');
});

test('o hands the terminal to $PAGER and comes back to the same selection', async () => {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'zylon-pager-'));
	const copy = path.join(directory, 'paged.txt');
	const pager = path.join(directory, 'pager.sh');
	writeFileSync(pager, `#!/bin/sh\ncat "$1" > '${copy}'\n`);
	chmodSync(pager, 0o755);
	const {term} = await open(f => ['--project', f.projects.insightsId], {PAGER: pager});
	// The header must show an id before j, or "a different id" would only prove that it appeared.
	await term.waitFor(() => headerId(term) !== undefined);
	const first = headerId(term);
	await term.press('jjj');
	await term.waitFor(() => headerId(term) !== undefined && headerId(term) !== first);
	await term.waitIdle(100);
	const before = headerId(term);
	await term.press(keys.tab);
	const mark = term.mark();
	await term.press('o');
	await term.waitFor(() => existsSync(copy) && readFileSync(copy, 'utf8').length > 0);
	// "[1 Transcript]" was on screen before the pager too: what proves the way back is the alternate
	// screen left for the pager and entered again after it, then the tab line redrawn.
	await term.waitFor(() => {
		const since = term.rawSince(mark);
		const left = since.indexOf('\u001B[?1049l');
		return left !== -1 && since.indexOf('\u001B[?1049h', left) !== -1;
	});
	await term.waitFor('[1 Transcript]');
	assert.equal(headerId(term), before, 'the same interaction is selected');
	assert.match(readFileSync(copy, 'utf8'), /^#|user|assistant/m);
	await term.press('q');
	assert.equal((await term.exit).exitCode, 0);
});

test('follow mode counts new interactions and keeps the selection off the newest row', async () => {
	const session = await open(f => ['--project', f.projects.insightsId, '--thread', f.threads.weeklyBriefId], {
		ZYLON_FOLLOW_MS: '300',
	});
	const {server, term} = session;
	// The id before j, then a different one: "some id is shown" was already true before j landed, and
	// the move arriving later made the selection look as if follow mode had moved it.
	await term.waitFor(() => headerId(term) !== undefined);
	const top = headerId(term);
	await term.press('j');
	await term.waitFor(() => headerId(term) !== undefined && headerId(term) !== top);
	await term.waitIdle(100);
	const before = headerId(term);
	await term.press('F');
	await term.waitFor('following');
	server.addInteraction(server.fixtures.threads.weeklyBriefId);
	server.addInteraction(server.fixtures.threads.weeklyBriefId);
	await term.waitFor(/following · 2 new/, {timeoutMs: 8000});
	assert.equal(headerId(term), before, 'the selection did not move');
});

test('Space marks two rows and d shows their params side by side', async () => {
	const {term} = await open(f => ['--project', f.projects.insightsId]);
	await term.press(' ');
	await term.press('j');
	await term.press(' ');
	await term.press('d');
	await term.waitFor(/temperature/);
	assert.match(term.screen(), /settings differ/);
	await term.press(keys.esc);
	await term.waitFor('INTERACTIONS');
});

test('a Processing interaction streams to completion in the detail pane', async () => {
	const session = await open(f => ['--interaction', f.interactions.processing]);
	const {term} = session;
	const id = session.server.fixtures.interactions.processing;
	await term.waitFor(`${id} · … running`);
	await term.waitFor(`${id} · ✓ ok`, {timeoutMs: 8000});
});

test('/ in the detail searches the transcript; n and N step through the matches', async () => {
	// A transcript known to hold many "the" (All threads is in time order now, so its first row changed).
	const {term} = await open(f => ['--interaction', f.interactions.allBlocks]);
	await term.press(keys.tab);
	await term.waitIdle(50);
	await term.press('/');
	await term.waitFor('search: ');
	await term.press('the\r');
	const found = await term
		.waitFor(/"the": match 1 of (\d+)/)
		.then(() => /match 1 of (\d+)/.exec(term.screen())!);
	const total = Number(found[1]);
	assert.ok(total >= 2, 'the transcript has more than one "the"');
	await term.press('n');
	await term.waitFor(`match 2 of ${total}`);
	await term.press('N');
	await term.waitFor(`match 1 of ${total}`);
	await term.press('/');
	await term.press('zzqqxx\r');
	await term.waitFor('no match for "zzqqxx"');
});
