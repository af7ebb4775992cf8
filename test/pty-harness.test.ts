import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {bundle} from '../scripts/bundle.js';
import {closeAll, keys, spawnTerminal} from './helpers/pty.ts';

// Bundled like the bin: under tsx the fixture would take half a second longer to start.
let dir = '';
let hello = '';

before(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'zylon-pty-'));
	hello = path.join(dir, 'hello.js');
	await bundle({entry: 'test/fixtures/hello.tsx', outfile: hello});
});

after(async () => {
	await closeAll();
	await rm(dir, {recursive: true, force: true});
});

describe('pty harness', () => {
	it('renders the screen, reacts to a key and to a resize, and reports the exit', async () => {
		const term = await spawnTerminal({args: [hello], cols: 60, rows: 12});
		await term.waitFor('Hello from the fixture');
		assert.equal(term.line(0), 'Hello from the fixture');
		assert.match(term.screen(), /count: 0\nsize: 60x12/);
		assert.equal(term.isAlternateScreen(), false);

		const before = term.mark();
		await term.press(keys.down);
		await term.waitFor('count: 1');
		assert.ok(term.bytesSince(before) > 0);
		assert.match(term.rawSince(before), /1/);

		term.resize(80, 20);
		await term.waitFor('size: 80x20');

		await term.press('q');
		assert.deepEqual(await term.exit, {exitCode: 0});
	});

	it('tracks the alternate screen and the hidden cursor, and restores both on exit', async () => {
		const term = await spawnTerminal({args: [hello, '--alt'], cols: 60, rows: 12});
		await term.waitFor('count: 0');
		assert.equal(term.isAlternateScreen(), true);
		assert.equal(term.cursorHidden(), true);
		assert.ok(term.raw().includes('\u001B[?1049h'));

		await term.press(keys.ctrlC);
		await term.exit;
		assert.equal(term.isAlternateScreen(), false);
		assert.equal(term.cursorHidden(), false);
	});

	it('fails a wait with the screen in the message, and when the program has exited', async () => {
		const term = await spawnTerminal({args: [hello], cols: 60, rows: 12});
		await term.waitFor('count: 0');
		await assert.rejects(
			term.waitFor('never shown', {timeoutMs: 200}),
			/timed out after 200 ms[\s\S]*count: 0/,
		);
		await term.waitForNot('never shown');

		const waiting = term.waitFor('never shown either', {timeoutMs: 5000});
		term.kill();
		await assert.rejects(waiting, /the program exited/);
		assert.ok((await term.exit).signal !== undefined || (await term.exit).exitCode !== 0);
		assert.throws(() => term.write('x'), /the program exited/);
	});

	it('passes the caller environment and forces CI=false', async () => {
		const term = await spawnTerminal({
			args: ['-e', 'console.log(`ci=${process.env.CI} term=${process.env.TERM} x=${process.env.X_TEST}`)'],
			env: {X_TEST: 'yes'},
		});
		await term.waitFor('ci=false term=xterm-256color x=yes');
		assert.equal((await term.exit).exitCode, 0);
	});
});
