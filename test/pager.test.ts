import {test} from 'node:test';
import assert from 'node:assert/strict';
import {access, chmod, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {DEFAULT_PAGER, openInPager, PagerError, pagerCommand, splitCommand} from '../source/lib/pager.ts';

test('splitCommand: words, quotes and escapes like a shell, but nothing expanded or run', () => {
	assert.deepEqual(splitCommand('less -R'), ['less', '-R']);
	assert.deepEqual(splitCommand('  less   -RS  '), ['less', '-RS']);
	assert.deepEqual(splitCommand(`'/opt/my pager/bin' -x "a \\"b\\" c" d\\ e`), [
		'/opt/my pager/bin',
		'-x',
		'a "b" c',
		'd e',
	]);
	assert.deepEqual(splitCommand(`"a\\nb" 'c\\d' ""`), ['a\\nb', 'c\\d', '']);
	assert.deepEqual(splitCommand('less; rm -rf ~ $(id) `id`'), ['less;', 'rm', '-rf', '~', '$(id)', '`id`']);
	assert.deepEqual(splitCommand(`x"y"'z'`), ['xyz']);
	assert.equal(splitCommand(`less "unclosed`), undefined);
	assert.equal(splitCommand(`less 'unclosed`), undefined);
	assert.equal(splitCommand('   '), undefined);
});

test('pagerCommand: $PAGER when set and well formed, otherwise less -R', () => {
	assert.deepEqual(pagerCommand({}), ['less', '-R']);
	assert.deepEqual(pagerCommand({PAGER: ''}), DEFAULT_PAGER);
	assert.deepEqual(pagerCommand({PAGER: '  '}), DEFAULT_PAGER);
	assert.deepEqual(pagerCommand({PAGER: 'most'}), ['most']);
	assert.deepEqual(pagerCommand({PAGER: 'bat --paging=always -l json'}), [
		'bat',
		'--paging=always',
		'-l',
		'json',
	]);
	assert.deepEqual(pagerCommand({PAGER: `less "oops`}), DEFAULT_PAGER);
});

async function scratch() {
	const dir = await mkdtemp(join(tmpdir(), 'zylon-pager-'));
	// The "pager" copies the file it is given and records its name: $1 is our destination, $2 the file.
	const script = join(dir, 'fake pager.sh');
	await writeFile(
		script,
		'#!/bin/sh\ncp "$2" "$1" && printf %s "$2" > "$1.name" && exit "${PAGER_EXIT:-0}"\n',
	);
	await chmod(script, 0o755);
	return {dir, script};
}

test('openInPager: the pager gets a private file holding the text, inside suspend; the file is gone after', async () => {
	const {dir, script} = await scratch();
	try {
		const out = join(dir, 'seen.txt');
		const text = 'user:\n  Why did the import fail? ✓\n';
		const events: string[] = [];
		const code = await openInPager(text, {
			env: {...process.env, PAGER: `'${script}' '${out}'`},
			extension: 'md',
			suspend: async run => {
				events.push('suspend');
				await run();
				events.push('resume');
			},
		});
		assert.equal(code, 0);
		assert.deepEqual(events, ['suspend', 'resume']);
		assert.equal(await readFile(out, 'utf8'), text);
		const name = await readFile(`${out}.name`, 'utf8');
		assert.match(name, /zylon-tui-[^/]+\.md$/);
		await assert.rejects(access(name), {code: 'ENOENT'});
		assert.equal((await stat(out)).size, Buffer.byteLength(text));
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('openInPager: a failing pager reports its exit code and still removes the file', async () => {
	const {dir, script} = await scratch();
	try {
		const out = join(dir, 'seen.txt');
		const code = await openInPager('x', {
			env: {...process.env, PAGER: `'${script}' '${out}'`, PAGER_EXIT: '3'},
		});
		assert.equal(code, 3);
		await assert.rejects(access(await readFile(`${out}.name`, 'utf8')), {code: 'ENOENT'});
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('openInPager: a pager that is not installed is a PagerError naming it', async () => {
	await assert.rejects(
		openInPager('x', {env: {PATH: '/nonexistent', PAGER: 'no-such-pager -x'}}),
		(error: unknown) => {
			assert.ok(error instanceof PagerError);
			assert.equal(error.message, "pager 'no-such-pager' not found (set PAGER to one that is installed)");
			assert.deepEqual(error.argv, ['no-such-pager', '-x']);
			return true;
		},
	);
});
