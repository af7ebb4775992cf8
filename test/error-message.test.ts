import {test} from 'node:test';
import assert from 'node:assert/strict';
import {errorMessage} from '../source/lib/error-message.ts';

test('errorMessage makes one safe line of anything thrown', () => {
	const hostile = new Error('boom\u001B]0;PWNED\u0007 at\nline two\u001B[31m');
	assert.equal(errorMessage(hostile), 'boom at line two');
	assert.equal(errorMessage(new TypeError('')), 'TypeError');
	assert.equal(errorMessage('plain \u009B2J text'), 'plain  text');
});
