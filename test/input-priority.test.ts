// The render after a key skips Ink's frame window, once per key and for the first key of a burst only; Ink's
// throttle is otherwise unchanged (lib/input-priority.ts, lib/terminal/throttle.ts).
import assert from 'node:assert/strict';
import {beforeEach, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {noteKey, resetKeys, takeKeyFrame} from '../source/lib/input-priority.ts';
import {throttle} from '../source/lib/terminal/throttle.ts';

beforeEach(() => resetKeys());

test('one key frame per key, while the key is fresh', () => {
	assert.equal(takeKeyFrame(1000), false, 'no key yet');
	noteKey(1000);
	assert.equal(takeKeyFrame(1002), true);
	assert.equal(takeKeyFrame(1003), false, 'that key has had its frame');
	assert.equal(takeKeyFrame(1040), false, 'and still has, past the burst gap');
	noteKey(1100);
	assert.equal(takeKeyFrame(1151), false, 'a render 51 ms later is not the key’s');
	noteKey(1200);
	assert.equal(takeKeyFrame(1250), true, 'at 50 ms it still is');
});

test('in a burst, only the first key skips the window', () => {
	noteKey(2000);
	assert.equal(takeKeyFrame(2001), true);
	noteKey(2010);
	assert.equal(takeKeyFrame(2011), false, '10 ms after the last key frame');
	noteKey(2029);
	assert.equal(takeKeyFrame(2030), false, '29 ms after');
	assert.equal(takeKeyFrame(2031), true, '30 ms after, the key of 2029 still waiting');
});

test('a throttled render right after a frame waits out the window, unless a key just came in', async () => {
	const drawn: number[] = [];
	const render = throttle(() => drawn.push(performance.now()), 40, {leading: true, trailing: true});
	const start = performance.now();
	render();
	render();
	assert.equal(drawn.length, 1, 'the second waits for the window');
	await delay(60);
	assert.equal(drawn.length, 2, 'and comes at its end');

	render();
	render();
	noteKey();
	render();
	assert.equal(drawn.length, 4, 'a key’s render goes at once');
	await delay(60);
	assert.equal(drawn.length, 4, 'and the frame that was due is not drawn again');
	assert.ok(drawn[1]! - start >= 35, `${drawn[1]! - start} ms`);
});

test('a throttle without a window (Ink’s log write) is left alone', () => {
	let calls = 0;
	const write = throttle(() => calls++, undefined, {leading: true, trailing: true});
	noteKey();
	write();
	assert.equal(calls, 1);
	assert.equal(takeKeyFrame(), true, 'the key was not spent on it');
	write.cancel();
});
