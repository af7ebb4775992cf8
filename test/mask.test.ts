// Secret masking by key name: every spelling mask.ts promises (snake, camel, kebab, spaced, any case),
// at any depth, in tool inputs as well as pgpt, without touching the input or copying what holds no
// secret.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {MASKED, maskSecrets, parseInteraction} from '../source/api/parse/index.ts';
import {isSecretKey, JUDGED_MAX, judgedKeys} from '../source/api/parse/mask.ts';

const SPELLINGS = [
	'authorization_token',
	'authorizationToken',
	'AuthorizationToken',
	'authorization-token',
	'authorization token',
	'AUTHORIZATION_TOKEN',
	'connection_string',
	'connectionString',
	'connection-string',
	'Connection-String',
	'connection string',
];

// Near misses: a secret-looking name is not enough, the words must be exactly these two.
const NOT_SECRET = [
	'authorization',
	'token',
	'authorizationtoken',
	'authorization__token',
	'authorization_tokens',
	'xauthorization_token',
	'connection',
	'connectionstring',
	'connection_string_id',
	'AUTHORIZATIONTOKEN',
	'authorization.token',
	'',
];

describe('isSecretKey', () => {
	test('every spelling of the two secret keys', () => {
		for (const key of SPELLINGS) assert.equal(isSecretKey(key), true, key);
	});

	test('near misses are not secrets', () => {
		for (const key of NOT_SECRET) assert.equal(isSecretKey(key), false, JSON.stringify(key));
	});
});

describe('maskSecrets', () => {
	test('masks every spelling, at any depth, in objects and arrays', () => {
		for (const key of SPELLINGS) {
			const input = {outer: [{keep: 1}, {inner: {[key]: 'hunter2', other: 'kept'}}]};
			assert.deepEqual(
				maskSecrets(input),
				{outer: [{keep: 1}, {inner: {[key]: MASKED, other: 'kept'}}]},
				key,
			);
		}
		assert.deepEqual(maskSecrets([{connectionString: 'pg://u:p@h/db'}, 'x']), [
			{connectionString: MASKED},
			'x',
		]);
	});

	test('a secret of any type is masked whole; null and undefined stay what they are', () => {
		assert.deepEqual(maskSecrets({authorizationToken: {nested: 'x'}}), {authorizationToken: MASKED});
		assert.deepEqual(maskSecrets({authorizationToken: 42}), {authorizationToken: MASKED});
		assert.deepEqual(maskSecrets({authorizationToken: ''}), {authorizationToken: MASKED});
		assert.deepEqual(maskSecrets({authorizationToken: null}), {authorizationToken: null});
		const undefinedValue = {authorizationToken: undefined};
		assert.equal(maskSecrets(undefinedValue), undefinedValue, 'nothing to mask: the same object');
	});

	test('the input is never mutated; only the objects on the way to a secret are copied', () => {
		const clean = {a: {b: [1, 2]}, c: 'x'};
		const input = {clean, list: [clean, {deep: {'connection-string': 'secret'}}], other: [3]};
		const before = JSON.stringify(input);
		const masked = maskSecrets(input) as typeof input & {list: unknown[]};
		assert.equal(JSON.stringify(input), before, 'input untouched');
		assert.notEqual(masked, input);
		assert.notEqual(masked.list, input.list);
		assert.equal(masked.clean, clean, 'a subtree with no secret is shared');
		assert.equal(masked.list[0], clean);
		assert.equal(masked.other, input.other);
		assert.deepEqual(masked.list[1], {deep: {'connection-string': MASKED}});

		const noSecret = {a: [{b: 'c'}], d: null};
		assert.equal(maskSecrets(noSecret), noSecret);
		const array = [{b: 'c'}, [1]];
		assert.equal(maskSecrets(array), array);
		for (const scalar of ['plain', 3, null, undefined, true]) assert.equal(maskSecrets(scalar), scalar);
	});

	test('a "__proto__" key next to a secret stays an own key and changes no prototype', () => {
		const input = JSON.parse('{"__proto__": {"polluted": true}, "authorizationToken": "t"}') as object;
		const masked = maskSecrets(input) as Record<string, unknown>;
		assert.equal(Object.getPrototypeOf(masked), Object.prototype);
		assert.deepEqual(Object.keys(masked), ['__proto__', 'authorizationToken']);
		assert.equal(masked['authorizationToken'], MASKED);
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
	});
});

describe('parseInteraction masks secret-named keys wherever the server puts them', () => {
	const dto = {
		id: 'i1',
		project_id: 'p1',
		state: 'Completed',
		created_at: '2026-03-02T10:15:00Z',
		user_input: {role: 'user', content: [{type: 'text', text: 'connect'}]},
		assistant_output: {
			content: [
				{
					type: 'tool_use',
					id: 't1',
					name: 'db',
					input: {connectionString: 'postgres://u:camel-secret@h/db', 'connection-string': 'kebab-secret'},
				},
			],
		},
		pgpt: {mcp_servers: [{url: 'https://m', authorizationToken: 'camel-token-secret'}]},
	};

	test('tool input and pgpt, in the parsed blocks and in raw', () => {
		const parsed = parseInteraction(dto);
		const block = parsed.output?.content[0];
		assert.ok(block?.type === 'tool_use');
		assert.deepEqual(block.input, {connectionString: MASKED, 'connection-string': MASKED});
		const whole = JSON.stringify(parsed);
		for (const secret of ['camel-secret', 'kebab-secret', 'camel-token-secret'])
			assert.ok(!whole.includes(secret), `${secret} leaked`);
		const shown = JSON.stringify(parseInteraction(dto, '', {revealSecrets: true}));
		for (const secret of ['camel-secret', 'kebab-secret', 'camel-token-secret'])
			assert.ok(shown.includes(secret), `${secret} revealed on request`);
	});
});

test('keys are judged once and remembered, up to a bound: a body of ever-new keys cannot grow the memory', () => {
	const before = judgedKeys();
	const fresh = Array.from({length: 10}, (_, index) => `fresh_key_${index}_${before}`);
	for (const key of fresh) assert.equal(isSecretKey(key), false);
	if (before + fresh.length < JUDGED_MAX) assert.equal(judgedKeys(), before + fresh.length);
	for (const key of fresh) isSecretKey(key);
	if (before + fresh.length < JUDGED_MAX) assert.equal(judgedKeys(), before + fresh.length, 'judged again');
	for (let index = 0; index < 2 * JUDGED_MAX; index++) {
		assert.equal(isSecretKey(`noise_${index}`), false);
		assert.equal(isSecretKey('connection-string'), true);
		assert.ok(judgedKeys() <= JUDGED_MAX, `${judgedKeys()} keys remembered`);
	}
});
