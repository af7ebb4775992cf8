// The small JSON files kept between runs: one reader and one atomic, private writer for both of them.
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {readStateFile, writeStateFile} from '../source/lib/state-file.ts';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'zylon-state-file-'));

test('written into a new private directory, 0600, no temporary file left, read back as written', () => {
	const file = path.join(dir(), 'nested', 'state.json');
	assert.equal(writeStateFile(file, {a: {text: 'x'}, b: 2}), true);
	assert.deepEqual(readStateFile(file), {a: {text: 'x'}, b: 2});
	assert.equal(statSync(file).mode & 0o777, 0o600);
	assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
	assert.deepEqual(readdirSync(path.dirname(file)), ['state.json']);
});

test('missing, broken or non-object files read as {}', () => {
	const base = dir();
	assert.deepEqual(readStateFile(path.join(base, 'missing.json')), {});
	for (const [name, text] of [
		['broken.json', '{"a":'],
		['array.json', '[1,2]'],
		['null.json', 'null'],
		['string.json', '"x"'],
	]) {
		writeFileSync(path.join(base, name!), text!);
		assert.deepEqual(readStateFile(path.join(base, name!)), {}, name);
	}
});

test(
	'a directory that cannot be written is a false, not a throw',
	{skip: process.getuid?.() === 0 && 'root writes anyway'},
	() => {
		const base = dir();
		chmodSync(base, 0o500);
		assert.equal(writeStateFile(path.join(base, 'state.json'), {a: 1}), false);
	},
);

test('a path under a file cannot be written: false, not a throw', () => {
	const base = dir();
	writeFileSync(path.join(base, 'plain'), 'x');
	assert.equal(writeStateFile(path.join(base, 'plain', 'state.json'), {a: 1}), false);
});
