// Resizing in an xterm.js terminal (VS Code, browser SSH consoles): the project's pty harness renders into
// @xterm/headless, which keeps the cursor and the alternate screen as xterm.js does. After every size change the
// screen must be the one a fresh start at that size draws, reached by the same keys.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {cliPath} from './helpers/cli.ts';
import {closeAll, spawnTerminal, type Term} from './helpers/pty.ts';

let server: DemoServer;
before(async () => {
	server = await startDemoServer({});
});
after(async () => {
	await closeAll();
	await server.close();
});

/** The list's selected row: its screen line and text. */
const cursorLine = (screen: string): string => {
	const lines = screen.split('\n');
	const at = lines.findIndex(line => line.startsWith('>'));
	return `${at}:${lines[at]}`;
};

/** The explorer on the big thread at this size, moved by the same keys every time. */
async function explorerAt(cols: number, rows: number): Promise<Term> {
	const term = await spawnTerminal({
		args: [cliPath, '--project', server.fixtures.projects.bigId, '--thread', server.fixtures.bigThreadId],
		cols,
		rows,
		env: {
			ZYLON_URL: server.url,
			ZYLON_TOKEN: server.token,
			ZYLON_ORG: server.org,
			XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
		},
	});
	await term.waitFor(/page 1 · 1–\d/);
	await term.waitIdle(250);
	for (let step = 0; step < 6; step++) {
		const before = cursorLine(term.screen());
		await term.press('j');
		await term.waitFor(screen => cursorLine(screen) !== before);
	}
	await term.waitIdle(250);
	return term;
}

/** What the eye sees: a space written to erase a cell and a cell never written look the same. */
const visible = (screen: string): string =>
	screen
		.split('\n')
		.map(line => line.trimEnd())
		.join('\n');

const sizes: ReadonlyArray<readonly [number, number]> = [
	[120, 40],
	[100, 30],
	[80, 24],
	[100, 30],
	[120, 40],
	[121, 40],
];

test('after each resize the screen is a fresh start at the new size', async () => {
	const term = await explorerAt(121, 40);
	const fresh = new Map<string, string>();
	for (const [cols, rows] of sizes) {
		const key = `${cols}x${rows}`;
		if (!fresh.has(key)) {
			const other = await explorerAt(cols, rows);
			fresh.set(key, visible(other.screen()));
			other.kill('SIGKILL');
			await other.exit;
		}
		const expected = fresh.get(key)!;
		term.resize(cols, rows);
		// The settled frame: the screen stops changing once the resize's frames are out.
		await term.waitFor(screen => visible(screen) === expected, {timeoutMs: 3000}).catch(() => undefined);
		await term.waitIdle(250);
		const lines = term.screen().split('\n');
		assert.match(lines[0]!, /^zylon-tui · /, `${key}: row 1 is the header\n${term.screen()}`);
		assert.match(lines[1]!, /^INTERACTIONS /, `${key}: row 2 is the list title\n${term.screen()}`);
		assert.equal(visible(term.screen()), expected, `${key}: the screen equals a fresh start at that size`);
	}
	await term.press('q');
	assert.equal((await term.exit).exitCode, 0);
});
