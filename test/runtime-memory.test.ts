import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {MEMORY_FLAGS as FLAGS, memoryFlags, v8Release} from '../source/lib/runtime-memory.ts';

const MEMORY_FLAGS = FLAGS.map(({flag}) => flag);
const NODE_24_V8 = '13.6.233.17-node.53';
const NODE_25_V8 = '14.1.146.11-node.25';
const NODE_26_V8 = '14.6.202.34-node.34';
// Known to V8 14.6 (Node 26) and not 14.1 (Node 25) nor 13; --separate-gc-phases is gone from 14.0.
const SINCE_14_6 = '--memory-pool-timeout=0';
const BEFORE_14 = '--no-separate-gc-phases';

const moduleUrl = new URL('../source/lib/runtime-memory.ts', import.meta.url).href;
const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `body` in a fresh node (optionally after importing the module) and returns its stdout as JSON. */
async function inChild(body: string, {withFlags}: {withFlags: boolean}): Promise<unknown> {
	const code = `${withFlags ? `(await import(${JSON.stringify(moduleUrl)})).applyMemoryFlags();` : ''}\n${body}`;
	const {stdout} = await promisify(execFile)(
		process.execPath,
		['--import', 'tsx', '--input-type=module', '-e', code],
		{cwd: root, maxBuffer: 1 << 20},
	);
	return JSON.parse(stdout);
}

// Short-lived garbage at a steady rate with a slowly growing retained set, as paging does: the young
// generation's peak size is what the flags bound.
const churn = `
import v8 from 'node:v8';
const kept = [];
let peak = 0;
for (let round = 0; round < 400; round++) {
	let garbage = [];
	for (let i = 0; i < 2000; i++) garbage.push({id: 'x' + i + round, body: 'y'.repeat(40)});
	if (round % 4 === 0) kept.push(garbage.slice(0, 200));
	if (kept.length > 40) kept.shift();
	const young = v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space');
	peak = Math.max(peak, young.physical_space_size);
	garbage = undefined;
}
console.log(JSON.stringify({peakMiB: peak / 1048576}));
`;

test('memoryFlags: every flag this V8 knows when the user gave none', () => {
	const on24 = MEMORY_FLAGS.filter(flag => flag !== SINCE_14_6);
	assert.deepEqual(memoryFlags([], undefined, NODE_24_V8), on24);
	assert.deepEqual(memoryFlags(['--enable-source-maps', '--import', 'tsx'], undefined, NODE_24_V8), on24);
});

test('memoryFlags: only the flags this V8 release knows, by major and minor', () => {
	assert.ok(memoryFlags([], undefined, '12.4.254.21-node.57').includes(BEFORE_14));
	assert.ok(memoryFlags([], undefined, NODE_24_V8).includes(BEFORE_14));
	assert.deepEqual(
		memoryFlags([], undefined, NODE_25_V8),
		MEMORY_FLAGS.filter(flag => flag !== BEFORE_14 && flag !== SINCE_14_6),
	);
	assert.deepEqual(
		memoryFlags([], undefined, NODE_26_V8),
		MEMORY_FLAGS.filter(flag => flag !== BEFORE_14),
	);
	assert.ok(memoryFlags([], undefined, '14.10.1.1').includes(SINCE_14_6), '14.10 comes after 14.6');
	assert.ok(memoryFlags([], undefined, '15.0.1.1').includes(SINCE_14_6));
	assert.equal(v8Release(NODE_26_V8), 14_006);
	assert.equal(v8Release('14.10.1'), 14_010);
});

test('memoryFlags: a flag the user set on the node command line wins, in any spelling', () => {
	const flags = (execArgv: string[]) => memoryFlags(execArgv, undefined, NODE_24_V8);
	assert.ok(!flags(['--heap-growing-percent=0']).includes('--heap-growing-percent=25'));
	assert.ok(!flags(['--heap_growing_percent=0']).includes('--heap-growing-percent=25'));
	assert.ok(!flags(['--separate-gc-phases']).includes('--no-separate-gc-phases'));
	assert.equal(flags(['--semi-space-growth-factor=2']).length, flags([]).length - 1);
	assert.ok(!flags(['--maglev']).includes('--no-maglev'));
});

test('the young generation stays small under steady allocation, which it does not with V8 defaults', async () => {
	const flagged = (await inChild(churn, {withFlags: true})) as {peakMiB: number};
	const plain = (await inChild(churn, {withFlags: false})) as {peakMiB: number};
	// tsx's loader runs before the module, so the young generation may have grown a step already (4 MiB
	// measured); with V8's defaults it reaches 16 MiB here and 64 MiB in the CLI.
	assert.ok(flagged.peakMiB < 8, `young generation peaked at ${flagged.peakMiB} MiB with the flags`);
	assert.ok(
		plain.peakMiB >= 2 * flagged.peakMiB,
		`defaults: ${plain.peakMiB} MiB, flags: ${flagged.peakMiB} MiB`,
	);
});

test('no heap cap: a 64 MiB JSON body (the client maximum) still parses', async () => {
	const body = `
const item = JSON.stringify({id: 'a', text: 'z'.repeat(1000)});
const count = Math.ceil((64 * 1048576) / (item.length + 1));
const text = '[' + Array.from({length: count}, () => item).join(',') + ']';
const parsed = JSON.parse(text);
console.log(JSON.stringify({chars: text.length, items: parsed.length}));
`;
	const result = (await inChild(body, {withFlags: true})) as {chars: number; items: number};
	assert.ok(result.chars >= 64 * 1048576);
	assert.ok(result.items > 60_000);
});
