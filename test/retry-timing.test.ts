// When the client tries again: Retry-After in both its forms and its 30 s cap, the exponential backoff
// and its 8 s cap. (The wait itself is node's own abortable setTimeout from node:timers/promises.)
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {backoff, retryAfter} from '../source/api/retry-timing.ts';

const headers = (value?: string) => new Headers(value === undefined ? {} : {'retry-after': value});
// A whole second, so an HTTP date (second precision) lands exactly on it.
const NOW = Date.UTC(2026, 2, 2, 14, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('retryAfter', () => {
	test('seconds, whole or decimal, surrounding space ignored', () => {
		assert.equal(retryAfter(headers('0'), NOW), 0);
		assert.equal(retryAfter(headers('3'), NOW), 3000);
		assert.equal(retryAfter(headers('1.5'), NOW), 1500);
		assert.equal(retryAfter(headers(' 2 '), NOW), 2000);
		assert.equal(retryAfter(headers('29.999'), NOW), 29_999);
		// WHATWG Headers trims values, the client's own lighter Headers does not: retryAfter must.
		const untrimmed = {get: (name: string) => (name === 'retry-after' ? ' 4\t' : null)} as unknown as Headers;
		assert.equal(retryAfter(untrimmed, NOW), 4000);
	});

	test('capped at 30 s, so a hostile value cannot stall a request for hours', () => {
		assert.equal(retryAfter(headers('30'), NOW), 30_000);
		assert.equal(retryAfter(headers('31'), NOW), 30_000);
		assert.equal(retryAfter(headers('3600'), NOW), 30_000);
		assert.equal(retryAfter(headers('99999999999'), NOW), 30_000);
	});

	test('an HTTP date: the time until then, never negative, capped at 30 s', () => {
		assert.equal(retryAfter(headers(httpDate(NOW + 5000)), NOW), 5000);
		assert.equal(retryAfter(headers(httpDate(NOW + 29_000)), NOW), 29_000);
		assert.equal(retryAfter(headers(httpDate(NOW)), NOW), 0);
		assert.equal(retryAfter(headers(httpDate(NOW - 60_000)), NOW), 0, 'a date in the past: now');
		assert.equal(retryAfter(headers(httpDate(NOW + 3_600_000)), NOW), 30_000);
		assert.equal(retryAfter(headers('2026-03-02T14:00:07Z'), NOW), 7000, 'ISO is a date too');
	});

	test('"now" defaults to the clock', () => {
		const ms = retryAfter(headers(httpDate(Date.now() + 20_000)));
		assert.ok(ms !== undefined && ms > 15_000 && ms <= 20_000, String(ms));
	});

	test('absent, empty or unreadable: undefined (the caller backs off instead)', () => {
		for (const value of [undefined, '', '   ', 'soon', '1e3', '5s', '0x10', 'Mon, 99 Foo 2026']) {
			assert.equal(retryAfter(headers(value), NOW), undefined, JSON.stringify(value));
		}
	});
});

describe('backoff', () => {
	/** The smallest and largest of many draws. */
	function range(baseMs: number, attempt: number): [number, number] {
		let low = Infinity;
		let high = -Infinity;
		for (let i = 0; i < 2000; i++) {
			const ms = backoff(baseMs, attempt);
			low = Math.min(low, ms);
			high = Math.max(high, ms);
		}
		return [low, high];
	}

	/** Between half and all of the ceiling, and the draws spread over most of that range. */
	function assertSpread(baseMs: number, attempt: number, ceiling: number) {
		const [low, high] = range(baseMs, attempt);
		const where = `backoff(${baseMs}, ${attempt})`;
		assert.ok(low >= ceiling / 2, `${where} ${low} < ${ceiling / 2}`);
		assert.ok(high <= ceiling, `${where} ${high} > ${ceiling}`);
		assert.ok(low < ceiling * 0.55, `${where} never near half: ${low}`);
		assert.ok(high > ceiling * 0.95, `${where} never near the ceiling: ${high}`);
	}

	test('base·2^(n-1), between half and all of it', () => {
		assertSpread(100, 1, 100);
		assertSpread(100, 2, 200);
		assertSpread(100, 3, 400);
		assertSpread(250, 4, 2000);
		assertSpread(1000, 4, 8000);
	});

	test('capped at 8 s however many attempts', () => {
		assertSpread(1000, 5, 8000);
		assertSpread(1000, 10, 8000);
		assertSpread(20_000, 1, 8000);
	});
});
