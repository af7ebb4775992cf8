// The one client interceptor: every request method, including one the wrappers have never heard of, goes
// through `around`; the connection and the generation accessor do not; a call's key ignores the signal.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ZylonClient} from '../source/api/client-types.ts';
import {callKey, intercept, signalOf} from '../source/api/intercept.ts';

const connection = {baseUrl: 'http://127.0.0.1:1/api', org: 'o', token: 't', tokenSource: 'test', label: 'x'};

test('every function but generation is intercepted, with its arguments as passed, and next calls through', async () => {
	const calls: string[] = [];
	const base = {
		connection,
		generation: () => 'current' as const,
		project: async (id: string) => ({id, name: `P ${id}`}),
		// A method no wrapper lists: the interceptor must still see it.
		brandNew: async (a: number, b: number) => a + b,
	};
	const wrapped = intercept(base as unknown as ZylonClient, (method, args, next) => {
		calls.push(`${method}(${args.filter(arg => !(arg instanceof AbortSignal)).join(',')})`);
		return next();
	}) as unknown as typeof base;
	assert.equal(wrapped.connection, connection);
	assert.equal(wrapped.generation(), 'current');
	assert.deepEqual(await wrapped.project('p1'), {id: 'p1', name: 'P p1'});
	assert.equal(await wrapped.brandNew(2, 3), 5);
	await wrapped.project('p2');
	assert.deepEqual(calls, ['project(p1)', 'brandNew(2,3)', 'project(p2)']);
});

test('an answer can come from the interceptor instead of the client', async () => {
	const base = {connection, generation: () => undefined, me: async () => ({id: 'server'})};
	const wrapped = intercept(
		base as unknown as ZylonClient,
		(() => Promise.resolve({id: 'in hand'})) as never,
	);
	assert.deepEqual(await wrapped.me(), {id: 'in hand'});
});

test('a call key: the signal and trailing undefined do not count, object key order does not either', () => {
	const signal = new AbortController().signal;
	assert.equal(callKey('thread', ['t1']), callKey('thread', ['t1', undefined, signal]));
	assert.notEqual(callKey('thread', ['t1']), callKey('thread', ['t1', 'p1']));
	assert.equal(
		callKey('interactions', [
			{projectId: 'p', threadId: 't'},
			{first: 50, order: 'DESC', after: undefined},
		]),
		callKey('interactions', [{threadId: 't', projectId: 'p'}, {order: 'DESC', first: 50}, signal]),
	);
	assert.equal(signalOf(['x', signal]), signal);
	assert.equal(signalOf(['x']), undefined);
});
