import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import meow from 'meow';
import {parseCommonArgs} from '../source/cli-args.ts';
import {flagSpec, helpText} from '../source/cli-help.ts';

// What the CLI would get from meow for the same command line (the fallback, and the reference).
function viaMeow(argv: readonly string[]) {
	const cli = meow(helpText, {
		importMeta: import.meta,
		argv: [...argv],
		flags: flagSpec,
		allowUnknownFlags: true,
		description: false,
	});
	return {input: cli.input, flags: {...cli.flags}};
}

test('everyday command lines are parsed without meow, exactly as meow parses them', () => {
	const lines = [
		[],
		['--demo'],
		['--url', 'https://zylon.example.com', '--org', 'acme', '--token-file', '/tmp/t'],
		['--project', '0197a1b2', '--thread=0197c3d4', '--interaction', 'x-1', '--oldest-first'],
		['--page-size', '200', '--profile', 'prod'],
		['export', '--project', 'p', '--filter', 'state:error model:"gpt 4"', '--limit', '10', '--json'],
		['export', '--show-secrets', '--thread', '123'],
		['demo-server', '--port', '0', '--generation', 'legacy', '--interactions', '100000', '--latency', '50'],
	];
	for (const argv of lines) {
		const common = parseCommonArgs(argv);
		assert.ok(common, `fast path for ${argv.join(' ')}`);
		assert.deepEqual({input: [...common.input], flags: {...common.flags}}, viaMeow(argv), argv.join(' '));
	}
});

test('help, version and anything unusual is left to meow', () => {
	const lines = [
		['--help'],
		['--version'],
		['-h'],
		['--no-demo'],
		['--demo=true'],
		['--demo', 'false'],
		['export', '--json', 'true'],
		['--token', 'secret'],
		['--projekt', 'x'],
		['--project'],
		['--project', '--demo'],
		['--url='],
		['--page-size', 'abc'],
		['--page-size', '1e3'],
		['--page-size', '007'],
		['--demo', '--demo'],
		['--', '--demo'],
		['--tokenFile', 'x'],
		['./some/path'],
		['42'],
	];
	for (const argv of lines) assert.equal(parseCommonArgs(argv), undefined, argv.join(' '));
});

const kebab = (name: string) => `--${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
const FLAGS = Object.entries(flagSpec) as Array<[string, {type: 'boolean' | 'string' | 'number'}]>;

/** A command line the fast path is meant for: known flags once each, words for commands, plain values. */
const validLine = fc
	.tuple(
		fc.subarray(FLAGS),
		fc.array(
			fc.oneof(
				fc.constantFrom('export', 'demo-server', 'true', 'false'),
				fc.stringMatching(/^[a-z][a-z-]{0,8}$/),
			),
			{maxLength: 2},
		),
		fc.infiniteStream(fc.boolean()),
		fc.infiniteStream(
			fc.oneof(
				fc.stringMatching(/^[^-\s][^\s]{0,12}$/),
				fc.constantFrom('state:error model:"gpt 4"', 'a=b', 'https://x.example/api', '日本', 'true', '0'),
			),
		),
		fc.infiniteStream(fc.oneof(fc.constant(0), fc.integer({min: 1, max: 99_999}))),
	)
	.chain(([flags, words, joined, texts, numbers]) => {
		const parts: string[][] = flags.map(([name, {type}]) => {
			if (type === 'boolean') return [kebab(name)];
			const value = type === 'number' ? String(numbers.next().value) : texts.next().value;
			return joined.next().value ? [`${kebab(name)}=${value}`] : [kebab(name), value];
		});
		return fc.shuffledSubarray([...parts, ...words.map(word => [word])], {
			minLength: parts.length + words.length,
		});
	})
	.map(parts => parts.flat());

test('valid command lines: the fast path answers nearly every one, exactly as meow does', () => {
	let runs = 0;
	let answered = 0;
	fc.assert(
		fc.property(validLine, argv => {
			runs++;
			const common = parseCommonArgs(argv);
			if (common === undefined) return;
			answered++;
			assert.deepEqual({input: [...common.input], flags: {...common.flags}}, viaMeow(argv), argv.join(' '));
		}),
		{numRuns: 1500, seed: 7},
	);
	// Left to meow on purpose: only a word after a boolean flag that meow would read as its value.
	assert.ok(answered / runs >= 0.9, `the fast path answered ${answered} of ${runs}`);
});

test('whenever the fast path answers, meow agrees (random command lines)', () => {
	const token = fc.oneof(
		fc.constantFrom(
			'--demo',
			'--json',
			'--oldest-first',
			'--show-secrets',
			'--url',
			'--org',
			'--project',
			'--thread',
			'--page-size',
			'--limit',
			'--port',
			'--filter',
			'--no-json',
			'--help',
			'-p',
			'--',
			'export',
			'demo-server',
			'',
			'0',
			'12',
			'-3',
			'x y',
			'a=b',
			'--project=a=b',
			'--limit=5',
			'--port=08',
		),
		fc.string({maxLength: 6}),
	);
	let answered = 0;
	fc.assert(
		fc.property(fc.array(token, {maxLength: 7}), argv => {
			const common = parseCommonArgs(argv);
			if (common === undefined) return;
			answered++;
			assert.deepEqual({input: [...common.input], flags: {...common.flags}}, viaMeow(argv));
		}),
		{numRuns: 3000, seed: 5},
	);
	// Random tokens are mostly unusual, so most go to meow; enough must not, or nothing was compared.
	assert.ok(answered >= 300, `the fast path answered only ${answered} of 3000`);
});
