// The tuning knobs read from the environment: taken when in range, refused by name when not, so a typo
// cannot silently turn the timeout off or the body cap up.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatBytes} from '../source/api/http-words.ts';
import {tuningFromEnv} from '../source/api/tuning.ts';
import {ConfigError} from '../source/config/errors.ts';

test('in-range values become client options; unset or blank ones are left to the defaults', () => {
	assert.deepEqual(
		tuningFromEnv({
			ZYLON_TIMEOUT_MS: '400',
			ZYLON_ATTEMPTS: '2',
			ZYLON_RETRY_BASE_MS: '0',
			ZYLON_MAX_BODY_BYTES: '16384',
		}),
		{timeoutMs: 400, attempts: 2, backoffBaseMs: 0, maxBodyBytes: 16384},
	);
	assert.deepEqual(tuningFromEnv({ZYLON_TIMEOUT_MS: ' ', PATH: '/bin'}), {});
});

for (const [name, value] of [
	['ZYLON_TIMEOUT_MS', '0'],
	['ZYLON_TIMEOUT_MS', '1e9'],
	['ZYLON_ATTEMPTS', '11'],
	['ZYLON_ATTEMPTS', '-1'],
	['ZYLON_RETRY_BASE_MS', 'fast'],
	['ZYLON_MAX_BODY_BYTES', '2.5'],
] as const) {
	test(`${name}=${value} is refused, naming the variable`, () => {
		assert.throws(
			() => tuningFromEnv({[name]: value}),
			(error: unknown) => error instanceof ConfigError && error.message.startsWith(`${name} must be`),
		);
	});
}

test('the size cap is told in the unit a person would use', () => {
	assert.equal(formatBytes(64 * 1024 * 1024), '64 MiB');
	assert.equal(formatBytes(16 * 1024), '16 KiB');
	assert.equal(formatBytes(900), '900 bytes');
});
