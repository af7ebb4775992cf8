// Shell completion as a user gets it: the script from the built CLI, loaded into a real interactive bash in a
// pty, and Tab pressed there. zsh and fish, where installed, at least parse their scripts.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {COMPLETION_SHELLS, flagNames, optionName} from '../source/cli-help.ts';
import {cliPath} from './helpers/cli.ts';
import {closeAll, spawnTerminal, type Term} from './helpers/pty.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'zylon-completion-'));
const bin = path.join(scratch, 'bin');
const configHome = path.join(scratch, 'config');
const pwned = path.join(scratch, 'pwned');
// `zylon-tui` on PATH, as an install would put it, run by the Node running the tests.
mkdirSync(bin);
symlinkSync(cliPath, path.join(bin, 'zylon-tui'));
mkdirSync(path.join(configHome, 'zylon-tui'), {recursive: true});
writeFileSync(
	path.join(configHome, 'zylon-tui', 'config.json'),
	JSON.stringify({
		profiles: {
			prod: {url: 'https://zylon.example.com'},
			staging: {url: 'https://staging.example.com'},
			// A name a shell would run if completion handed it over as a word to expand.
			[`$(touch ${pwned})`]: {url: 'https://evil.example.com'},
		},
	}),
	{mode: 0o600},
);
const env = {
	PATH: `${bin}:${path.dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
	XDG_CONFIG_HOME: configHome,
	HOME: scratch,
};

const cli = async (args: string[]) =>
	promisify(execFile)(process.execPath, [cliPath, ...args], {env: {...process.env, ...env}});

after(closeAll);

test('every flag of the one table is in --help and in each completion script', async () => {
	const {stdout: help} = await cli(['--help']);
	const scripts = await Promise.all(
		COMPLETION_SHELLS.map(async shell => (await cli(['completion', shell])).stdout),
	);
	for (const name of flagNames) {
		assert.ok(
			help.includes(`${optionName(name)} `) || help.includes(`${optionName(name)}\n`),
			`--help: ${name}`,
		);
		scripts.forEach((script, index) =>
			assert.ok(
				script.includes(optionName(name)) ||
					new RegExp(`-l ${optionName(name).slice(2)}( |$)`, 'm').test(script),
				`${COMPLETION_SHELLS[index]}: ${name}`,
			),
		);
	}
});

test('completion profiles: the profile names of the config file that a shell can take as they are', async () => {
	const {stdout, stderr} = await cli(['completion', 'profiles']);
	assert.equal(stdout, 'prod\nstaging\n');
	assert.equal(stderr, '');
});

test('completion needs one shell it knows: one line, exit 2', async () => {
	for (const args of [['completion'], ['completion', 'powershell'], ['completion', 'bash', 'zsh']]) {
		const failed = await cli(args).then(
			() => assert.fail(`${args.join(' ')} should fail`),
			(error: {code: number; stdout: string; stderr: string}) => error,
		);
		assert.equal(failed.code, 2);
		assert.equal(failed.stdout, '');
		assert.equal(
			failed.stderr,
			'zylon-tui: completion needs one shell: bash, zsh, fish (see zylon-tui --help)\n',
		);
	}
});

describe('bash: Tab in a real interactive bash', () => {
	let term: Term;
	before(async () => {
		term = await spawnTerminal({
			command: 'bash',
			args: ['--norc', '--noprofile', '-i'],
			cols: 120,
			rows: 30,
			cwd: scratch,
			env: {...env, PS1: '$ ', INPUTRC: '/dev/null'},
		});
		term.write('source <(zylon-tui completion bash) && echo loaded\r');
		// The prompt, not "loaded": until readline draws it the tty is in canonical mode, where the Ctrl-U
		// that complete() sends is the kernel's line kill and swallows the Ctrl-L before readline sees it.
		await term.waitFor(/^loaded\n\$ ?$/m, {timeoutMs: 20_000});
	});

	/** On a cleared screen, types `line` and presses Tab (twice to list); resolves once the screen matches `expected`. */
	async function complete(line: string, expected: RegExp, tabs: 1 | 2 = 1): Promise<void> {
		term.write('\u000C\u0015'); // Ctrl-L, Ctrl-U: a cleared screen, an empty line
		await term.waitFor(screen => screen.trim() === '$', {timeoutMs: 5000});
		term.write(line);
		await term.waitFor(screen => screen.trim() === `$ ${line}`.trim(), {timeoutMs: 5000});
		term.write(tabs === 2 ? '\t\t' : '\t');
		await term.waitFor(expected, {timeoutMs: 10_000}).catch(() => {
			assert.fail(`after "${line}" and Tab: expected ${expected}, the screen reads:\n${term.screen()}`);
		});
	}

	test('a flag: Tab Tab after zylon-tui --pro lists --profile, and Tab completes a unique prefix', async () => {
		await complete('zylon-tui --pro', /^--profile\s+--project\s*$/m, 2);
		await complete('zylon-tui --prof', /^\$ zylon-tui --profile\s*$/m);
	});

	test('a command, and the flags that command takes', async () => {
		await complete('zylon-tui exp', /^\$ zylon-tui export\s*$/m);
		await complete('zylon-tui export --show', /^\$ zylon-tui export --show-secrets\s*$/m);
		await complete('zylon-tui demo-server --gen', /^\$ zylon-tui demo-server --generation\s*$/m);
		await complete('zylon-tui demo-server --generation ', /^both\s+current\s+legacy\s*$/m, 2);
		// --interaction opens the explorer; export has no such flag, so Tab Tab lists nothing but --interactions'
		// absence is what shows: the line stays as typed and no list appears.
		await complete('zylon-tui export --in', /^\$ zylon-tui export --in\s*$/m, 2);
		await term.waitIdle(300);
		assert.ok(!term.screen().includes('--interaction'), term.screen());
	});

	test("--profile's value: the names of the config file, and never one that would run", async () => {
		await complete('zylon-tui --profile st', /^\$ zylon-tui --profile staging\s*$/m);
		await complete('zylon-tui --profile ', /^prod\s+staging\s*$/m, 2);
		await complete('zylon-tui export --profile=pr', /^\$ zylon-tui export --profile=prod\s*$/m);
		assert.ok(!existsSync(pwned), 'a profile name was run as a command');
	});
});

const installed = async (shell: string): Promise<boolean> =>
	promisify(execFile)('sh', ['-c', `command -v ${shell}`]).then(
		() => true,
		() => false,
	);

test('zsh: the script parses', async t => {
	if (!(await installed('zsh'))) return t.skip('zsh is not installed');
	const {stdout: script} = await cli(['completion', 'zsh']);
	const file = path.join(scratch, 'completion.zsh');
	writeFileSync(file, script);
	await promisify(execFile)('zsh', ['-n', file]);
});

test("fish: fish's own completer offers --profile, and the profile names after it", async t => {
	if (!(await installed('fish'))) return t.skip('fish is not installed');
	const {stdout: script} = await cli(['completion', 'fish']);
	const file = path.join(scratch, 'completion.fish');
	writeFileSync(file, script);
	const complete = async (line: string) => {
		const {stdout} = await promisify(execFile)(
			'fish',
			['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`],
			{env: {...process.env, ...env}},
		);
		return stdout.split('\n').map(candidate => candidate.split('\t')[0]);
	};

	assert.ok((await complete('zylon-tui --pro')).includes('--profile'));
	assert.deepEqual((await complete('zylon-tui --profile ')).filter(Boolean), ['prod', 'staging']);
	assert.ok(!(await complete('zylon-tui export --')).includes('--interaction'));
});
