import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmod, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
	clipboardMode,
	copyText,
	defaultCopyIo,
	detectClipboardTool,
	detectTmuxBuffer,
	tmuxHasLoadBufferW,
	formatBytes,
	osc52Sequence,
	SCREEN_CHUNK_BYTES,
	type ClipboardTool,
	type CopyIo,
	type Env,
} from '../source/lib/clipboard.ts';

const ESC = '\u001B';
const BEL = '\u0007';

test('osc52Sequence: exact bytes on a plain terminal, base64 of the UTF-8', () => {
	assert.equal(osc52Sequence('hi', {}), `${ESC}]52;c;aGk=${BEL}`);
	assert.equal(osc52Sequence('é✓', {TERM: 'xterm-256color'}), `${ESC}]52;c;w6ninJM=${BEL}`);
	assert.equal(osc52Sequence('', {}), `${ESC}]52;c;${BEL}`);
});

test('osc52Sequence: tmux gets the plain sequence (set-clipboard on takes it); DCS passthrough only on request', () => {
	assert.equal(osc52Sequence('hi', {TMUX: '/tmp/tmux-1000/default,1,0'}), `${ESC}]52;c;aGk=${BEL}`);
	const wrapped = `${ESC}Ptmux;${ESC}${ESC}]52;c;aGk=${BEL}${ESC}\\`;
	const options = {passthrough: true};
	assert.equal(osc52Sequence('hi', {TMUX: '/tmp/tmux-1000/default,1,0'}, options), wrapped);
	assert.equal(
		osc52Sequence('hi', {TMUX: '/tmp/t,1,0', TERM: 'screen-256color', STY: '1.pts'}, options),
		wrapped,
	);
	assert.equal(
		osc52Sequence('hi', {}, options),
		`${ESC}]52;c;aGk=${BEL}`,
		'outside tmux there is nothing to pass',
	);
});

test('osc52Sequence: GNU screen gets DCS chunks of at most 240 bytes that reassemble the sequence', () => {
	assert.equal(osc52Sequence('hi', {STY: '123.pts-0.host'}), `${ESC}P${ESC}]52;c;aGk=${BEL}${ESC}\\`);
	assert.equal(osc52Sequence('hi', {TERM: 'screen.xterm-256color'}), `${ESC}P${ESC}]52;c;aGk=${BEL}${ESC}\\`);

	const text = 'x'.repeat(500);
	const plain = osc52Sequence(text, {})!;
	const wrapped = osc52Sequence(text, {STY: 's'})!;
	const chunks = wrapped.split(`${ESC}\\`).filter(Boolean);
	assert.equal(chunks.length, Math.ceil(plain.length / SCREEN_CHUNK_BYTES));
	for (const chunk of chunks) {
		assert.ok(chunk.startsWith(`${ESC}P`));
		assert.ok(chunk.length - 2 <= SCREEN_CHUNK_BYTES);
	}
	assert.equal(chunks.map(c => c.slice(2)).join(''), plain);
	assert.equal(chunks[0], `${ESC}P${plain.slice(0, 240)}`);
});

test('osc52Sequence: no sequence past the cap (100,000 bytes of sequence by default)', () => {
	// 8 bytes of framing + 4 * ceil(n / 3) of base64.
	assert.equal(osc52Sequence('a'.repeat(74_994), {})?.length, 100_000);
	assert.equal(osc52Sequence('a'.repeat(74_995), {}), undefined);
	// The cap counts the wrapped bytes: tmux's passthrough adds 10.
	assert.equal(osc52Sequence('a'.repeat(74_994), {TMUX: 't'}, {passthrough: true}), undefined);
	assert.equal(osc52Sequence('a'.repeat(30), {}, {maxBytes: 48})?.length, 48);
	assert.equal(osc52Sequence('a'.repeat(30), {}, {maxBytes: 47}), undefined);
});

type Recorded = {tty: string[]; files: string[]; tools: string[]};

function fakeIo(
	env: Env,
	options: {tool?: ClipboardTool; tmux?: ClipboardTool; toolWorks?: boolean; tty?: boolean} = {},
) {
	const recorded: Recorded = {tty: [], files: [], tools: []};
	const io: CopyIo = {
		env,
		writeTty: async sequence => {
			if (options.tty === false) return false;
			recorded.tty.push(sequence);
			return true;
		},
		writeFile: async text => {
			recorded.files.push(text);
			return '/tmp/zylon-tui-test.json';
		},
		runClipboardTool: async (tool, text) => {
			recorded.tools.push(`${tool.name}:${text}`);
			return options.toolWorks ?? true;
		},
		findTool: () => options.tool,
		findTmux: async () => options.tmux,
	};
	return {io, recorded};
}

const xclip: ClipboardTool = {name: 'xclip', command: '/usr/bin/xclip', args: ['-selection', 'clipboard']};

test('copyText: over SSH it uses OSC 52 even when a local tool exists', async () => {
	const {io, recorded} = fakeIo({SSH_TTY: '/dev/pts/3', DISPLAY: ':0'}, {tool: xclip});
	const result = await copyText('hi', io);
	assert.deepEqual(result, {
		method: 'osc52',
		detail: 'sent 2 B via OSC 52 (unconfirmed: the terminal must allow OSC 52)',
		bytes: 2,
	});
	assert.deepEqual(recorded, {tty: [`${ESC}]52;c;aGk=${BEL}`], files: [], tools: []});
});

const tmuxBuffer: ClipboardTool = {name: 'tmux', command: '/usr/bin/tmux', args: ['load-buffer', '-w', '-']};

test('copyText in tmux: its buffer first (load-buffer -w), else a plain OSC 52 naming the setting it needs', async () => {
	const remote = {SSH_CONNECTION: '10.0.0.1 5 10.0.0.2 22', TMUX: '/tmp/tmux-1000/default,1,0'};
	const buffer = fakeIo(remote, {tmux: tmuxBuffer});
	assert.deepEqual(await copyText('hi', buffer.io), {
		method: 'tmux',
		detail:
			"copied 2 B to the tmux buffer (outer clipboard unconfirmed: tmux set -as terminal-features ',*:clipboard')",
		bytes: 2,
	});
	assert.deepEqual(buffer.recorded, {tty: [], files: [], tools: ['tmux:hi']});

	const noTmux = fakeIo(remote);
	assert.deepEqual(await copyText('hi', noTmux.io), {
		method: 'osc52',
		detail: 'sent 2 B via OSC 52 (unconfirmed: tmux passes it on only with set -g set-clipboard on)',
		bytes: 2,
	});
	assert.deepEqual(noTmux.recorded.tty, [`${ESC}]52;c;aGk=${BEL}`]);

	const failing = fakeIo(remote, {tmux: tmuxBuffer, toolWorks: false});
	assert.equal((await copyText('hi', failing.io)).method, 'osc52');
	assert.deepEqual(failing.recorded.tools, ['tmux:hi']);

	// A desktop's own clipboard tool still comes first.
	const desktop = fakeIo({TMUX: 't', DISPLAY: ':0'}, {tool: xclip, tmux: tmuxBuffer});
	assert.equal((await copyText('hi', desktop.io)).method, 'tool');
	assert.deepEqual(desktop.recorded.tools, ['xclip:hi']);
});

test('copyText: ZYLON_CLIPBOARD=passthrough wraps for tmux, osc52 skips tools, anything else is named', async () => {
	const passthrough = fakeIo({TMUX: 't', ZYLON_CLIPBOARD: 'passthrough'}, {tmux: tmuxBuffer});
	assert.deepEqual(await copyText('hi', passthrough.io), {
		method: 'osc52',
		detail: 'sent 2 B via OSC 52 in tmux passthrough (unconfirmed: needs tmux set -g allow-passthrough on)',
		bytes: 2,
	});
	assert.deepEqual(passthrough.recorded, {
		tty: [`${ESC}Ptmux;${ESC}${ESC}]52;c;aGk=${BEL}${ESC}\\`],
		files: [],
		tools: [],
	});

	const osc52 = fakeIo({DISPLAY: ':0', ZYLON_CLIPBOARD: 'OSC52'}, {tool: xclip});
	assert.equal((await copyText('hi', osc52.io)).method, 'osc52');
	assert.deepEqual(osc52.recorded.tools, []);

	const screen = fakeIo({STY: '1.pts'});
	assert.equal(
		(await copyText('hi', screen.io)).detail,
		'sent 2 B via OSC 52 through screen (unconfirmed: the terminal must allow OSC 52)',
	);

	const typo = fakeIo({ZYLON_CLIPBOARD: 'tmux'});
	assert.equal(
		(await copyText('hi', typo.io)).detail,
		'sent 2 B via OSC 52 (unconfirmed: the terminal must allow OSC 52) · ZYLON_CLIPBOARD must be auto, osc52, passthrough (not "tmux")',
	);
	assert.deepEqual(clipboardMode({ZYLON_CLIPBOARD: ' Passthrough '}), {mode: 'passthrough'});
});

test('detectTmuxBuffer: only inside tmux 3.2+ with the binary on PATH; the version from the pane or tmux -V', async () => {
	const found = () => '/usr/bin/tmux';
	const asked: string[] = [];
	const version = (answer: string | undefined) => async (command: string) => {
		asked.push(command);
		return answer;
	};
	const inside = {TMUX: '/tmp/tmux-1000/default,1,0'};
	assert.deepEqual(await detectTmuxBuffer(inside, found, version('tmux 3.3a')), tmuxBuffer);
	assert.deepEqual(asked, ['/usr/bin/tmux']);
	assert.equal(await detectTmuxBuffer(inside, found, version('tmux 3.1c')), undefined);
	assert.equal(await detectTmuxBuffer(inside, found, version(undefined)), undefined);
	assert.equal(await detectTmuxBuffer({}, found, version('tmux 3.3a')), undefined, 'not inside tmux');
	assert.equal(await detectTmuxBuffer(inside, () => undefined, version('tmux 3.3a')), undefined, 'no binary');
	asked.length = 0;
	const pane = {...inside, TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.2a'};
	assert.deepEqual(await detectTmuxBuffer(pane, found, version(undefined)), tmuxBuffer);
	assert.deepEqual(asked, [], 'the pane says which tmux it is: no tmux -V');

	for (const [answer, ok] of [
		['tmux 3.2', true],
		['tmux 3.3a', true],
		['tmux 4.0', true],
		['tmux next-3.4', true],
		['tmux master', true],
		['tmux openbsd-7.4', true],
		['tmux 3.1c', false],
		['tmux 2.9a', false],
		['tmux', false],
	] as const) {
		assert.equal(tmuxHasLoadBufferW(answer), ok, answer);
	}
});

test('copyText: locally a clipboard tool wins; if it fails, OSC 52; with no tool at all, OSC 52', async () => {
	const local = fakeIo({DISPLAY: ':0'}, {tool: xclip});
	assert.deepEqual(await copyText('x'.repeat(1234), local.io), {
		method: 'tool',
		detail: 'copied 1.2 kB via xclip',
		bytes: 1234,
	});
	assert.equal(local.recorded.tty.length, 0);
	assert.deepEqual(local.recorded.tools, [`xclip:${'x'.repeat(1234)}`]);

	const broken = fakeIo({DISPLAY: ':0'}, {tool: xclip, toolWorks: false});
	assert.equal((await copyText('hi', broken.io)).method, 'osc52');
	assert.equal(broken.recorded.tty.length, 1);

	const none = fakeIo({});
	assert.equal((await copyText('hi', none.io)).method, 'osc52');
});

test('copyText: too large, no terminal, or TERM=dumb writes a file and says where', async () => {
	const big = 'a'.repeat(80_000);
	const large = fakeIo({SSH_TTY: '/dev/pts/1'});
	assert.deepEqual(await copyText(big, large.io), {
		method: 'file',
		detail: 'too large for the clipboard (80.0 kB): written to /tmp/zylon-tui-test.json',
		bytes: 80_000,
		path: '/tmp/zylon-tui-test.json',
	});
	assert.deepEqual(large.recorded, {tty: [], files: [big], tools: []});

	const small = fakeIo({SSH_TTY: '/dev/pts/1'});
	assert.equal((await copyText(big, {...small.io, maxSequenceBytes: 200_000})).method, 'osc52');

	const noTty = fakeIo({}, {tty: false});
	assert.match((await copyText('hi', noTty.io)).detail, /^no terminal to copy through: written to /);
	const dumb = fakeIo({TERM: 'dumb'});
	const result = await copyText('hi', dumb.io);
	assert.equal(result.method, 'file');
	assert.deepEqual(dumb.recorded.tty, []);
});

test('detectClipboardTool: by platform and display, first one installed', () => {
	const all = (command: string) => `/bin/${command}`;
	assert.equal(detectClipboardTool({}, 'darwin', all)?.name, 'pbcopy');
	assert.equal(detectClipboardTool({}, 'linux', all), undefined);
	assert.equal(
		detectClipboardTool({WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0'}, 'linux', all)?.name,
		'wl-copy',
	);
	assert.deepEqual(detectClipboardTool({DISPLAY: ':0'}, 'linux', all), {
		name: 'xclip',
		command: '/bin/xclip',
		args: ['-selection', 'clipboard'],
	});
	const onlyXsel = (command: string) => (command === 'xsel' ? '/opt/xsel' : undefined);
	assert.equal(detectClipboardTool({DISPLAY: ':0'}, 'linux', onlyXsel)?.command, '/opt/xsel');
});

test('defaultCopyIo: finds a tool on PATH and pipes the text to it; the file fallback is private', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'zylon-clip-'));
	try {
		const out = join(dir, 'clipboard.txt');
		const script = join(dir, 'xclip');
		await writeFile(
			script,
			`#!/bin/sh\n[ "$1 $2" = "-selection clipboard" ] || exit 3\nexec /bin/cat > '${out}'\n`,
		);
		await chmod(script, 0o755);
		const env = {PATH: dir, DISPLAY: ':0'};
		const text = 'risk register → ✓\nline two';
		const result = await copyText(text, defaultCopyIo('txt', env));
		assert.equal(result.method, 'tool');
		assert.equal(await readFile(out, 'utf8'), text);

		const big = 'b'.repeat(120_000);
		const io = {...defaultCopyIo('json', {SSH_TTY: '/dev/pts/9'}), writeTty: async () => true};
		const file = await copyText(big, io);
		assert.equal(file.method, 'file');
		assert.match(file.path!, /zylon-tui-[0-9TZ]+-[0-9a-f]{8}\.json$/);
		try {
			assert.equal(await readFile(file.path!, 'utf8'), big);
			assert.equal((await stat(file.path!)).mode & 0o777, 0o600);
		} finally {
			await rm(file.path!, {force: true});
		}
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('formatBytes', () => {
	assert.equal(formatBytes(812), '812 B');
	assert.equal(formatBytes(1234), '1.2 kB');
	assert.equal(formatBytes(3_400_000), '3.4 MB');
});
