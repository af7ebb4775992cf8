// Start-up notices stay until read: a token file others can read is said at start, and neither the live status of
// a running interaction ("streaming…", "polling…") nor anything else replaces it before the user presses a key;
// afterwards the help overlay still lists it.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {closeAll} from './helpers/pty.ts';
import {startSession, stop, type Session} from './helpers/cli.ts';

const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
});

/** The screen as one line: a notice wrapped over rows reads as the sentence it is. */
const flat = (screen: string) => screen.replace(/\n\s*/g, ' ');

test('the permission warning outlives the live status of a deep-linked running interaction, until a key', async () => {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'zylon-notice-'));
	const tokenFile = path.join(directory, 'token');
	const session = await startSession({
		args: server => {
			writeFileSync(tokenFile, `${server.token}\n`);
			chmodSync(tokenFile, 0o644);
			const f = server.fixtures;
			return [
				'--token-file',
				tokenFile,
				'--project',
				f.projects.insightsId,
				'--thread',
				f.threads.weeklyBriefId,
				'--interaction',
				f.interactions.processing,
			];
		},
		env: {ZYLON_TOKEN: ''},
	});
	sessions.push(session);
	const {term, server} = session;
	const warning = `Token file ${tokenFile} is readable by group or others (mode 644); run chmod 600 ${tokenFile}`;

	await term.waitFor(`${server.fixtures.interactions.processing} ·`);
	await term.waitFor(/streaming…|polling…/);
	await term.waitIdle(300);
	assert.ok(flat(term.screen()).includes(warning), `the whole warning is on screen\n${term.screen()}`);
	// The stream keeps writing; the warning stays through it.
	await new Promise(resolve => setTimeout(resolve, 1500));
	assert.ok(
		flat(term.screen()).includes(warning),
		`still there after 1.5 s of live status\n${term.screen()}`,
	);
	const lines = term.screen().split('\n');
	assert.match(lines[0]!, /^zylon-tui · /);
	assert.match(lines[1]!, /^⚠ Token file /, 'the notice sits under the header');

	await term.press('j');
	await term.waitForNot('readable by group');
	assert.match(term.screen().split('\n')[1]!, /^INTERACTIONS /, 'the list takes the rows back');

	await term.press('?');
	await term.waitFor('start-up notices');
	for (const word of ['⚠', 'Token file', 'readable', 'chmod']) assert.ok(term.screen().includes(word), word);
	await term.press('q');
	assert.equal((await term.exit).exitCode, 0);
});

test('the demo notice is shown whole at start and dismissed by the first key', async () => {
	const session = await startSession({
		args: ['--demo'],
		cols: 80,
		rows: 24,
		env: {ZYLON_URL: '', ZYLON_TOKEN: ''},
	});
	sessions.push(session);
	const {term} = session;
	await term.waitFor('Customer Insights');
	await term.waitIdle(300);
	assert.ok(
		flat(term.screen()).includes('Demo workspace: built-in sample data, no server needed.'),
		term.screen(),
	);
	await term.press('j');
	await term.waitForNot('Demo workspace');
	await term.press('q');
	assert.equal((await term.exit).exitCode, 0);
});
