// Error fingerprints: a table of real-looking messages and the cluster each must land in. Messages in one
// group differ only in what varies between calls (numbers, ids, UUIDs, hex, quoted values, URLs, durations,
// emails); different groups must not merge.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fingerprint, interactionErrors, normaliseMessage} from '../source/domain/fingerprint.ts';
import {parseFilter} from '../source/domain/filter.ts';
import {matches} from '../source/domain/filter-match.ts';
import type {Interaction} from '../source/domain/types.ts';

const groups: Record<string, ReadonlyArray<readonly [type: string, message: string]>> = {
	overloaded: [
		[
			'overloaded_error',
			'Upstream zylon-fast overloaded: 503 from inference pool gpu-3 after 12031 ms (request req_8f3a2c1d)',
		],
		[
			'overloaded_error',
			'Upstream zylon-fast overloaded: 503 from inference pool gpu-11 after 29877 ms (request req_00ab91ff)',
		],
		[
			'Overloaded_Error',
			'Upstream zylon-fast overloaded: 503 from inference pool gpu-7 after 8000ms (request req_1234abcd)',
		],
	],
	toolTimeout: [
		[
			'api_error',
			'Tool database_query timed out after 30s on connection 3f1c9a2e-77b0-4c1d-a6e2-0d9f8c7b6a51',
		],
		[
			'api_error',
			'Tool database_query timed out after 45s on connection 0197a1b2-0000-7000-8000-000000000001',
		],
		[
			'api_error',
			'Tool database_query timed out after 1.5 minutes on connection ffffffff-ffff-4fff-8fff-ffffffffffff',
		],
	],
	tooLong: [
		['invalid_request_error', 'Prompt is too long: 20345 tokens > 16384 maximum for model "zylon-fast"'],
		['invalid_request_error', 'Prompt is too long: 38,112 tokens > 16384 maximum for model "zylon-large"'],
	],
	permission: [
		[
			'permission_error',
			'User bao.nguyen@demo.zylon.local may not read artifact 6d2f0c11-5b8e-4a9d-9c3f-2e1b7a6d5c4b',
		],
		[
			'permission_error',
			'User avery.quinn@example.com may not read artifact 0197ffff-0000-7000-8000-00000000abcd',
		],
	],
	fetch: [
		[
			'api_error',
			'GET https://vector.internal:8443/v1/collections/customer-docs/search?limit=20 returned 502',
		],
		['api_error', 'GET http://10.0.3.17/v1/collections/q3-board/search returned 504'],
	],
	memory: [
		['api_error', 'Worker 0x7ffd5c2a ran out of memory at address 0xdeadbeef'],
		['api_error', 'Worker 0x1 ran out of memory at address 0x00ff00ff00ff'],
	],
	quoted: [
		['invalid_request_error', "Unknown tool 'crm_lookup' in tool_choice"],
		['invalid_request_error', 'Unknown tool `web_browse` in tool_choice'],
	],
	hash: [
		['api_error', 'Index shard 9f86d081884c7d65 is read-only'],
		['api_error', 'Index shard 2c26b46b68ffc68f is read-only'],
	],
	noMessage: [
		['', ''],
		['error', '   '],
	],
};

test('every message of a group lands in one cluster, and no two groups share one', () => {
	const clusterOf = new Map<string, string>();
	for (const [group, messages] of Object.entries(groups)) {
		const ids = new Set(messages.map(([type, message]) => fingerprint({type, message}).id));
		assert.equal(ids.size, 1, `${group}: ${messages.map(([, m]) => normaliseMessage(m)).join(' | ')}`);
		const id = [...ids][0]!;
		assert.equal(clusterOf.get(id), undefined, `${group} merged with ${clusterOf.get(id)}`);
		clusterOf.set(id, group);
	}
});

test('templates read as the message with placeholders', () => {
	assert.equal(
		normaliseMessage(groups['overloaded']![0]![1]),
		'Upstream zylon-fast overloaded: <n> from inference pool gpu-<n> after <duration> (request <id>)',
	);
	assert.equal(
		normaliseMessage(groups['toolTimeout']![0]![1]),
		'Tool database_query timed out after <duration> on connection <uuid>',
	);
	assert.equal(normaliseMessage(groups['fetch']![0]![1]), 'GET <url> returned <n>');
	// Apostrophes inside words are not quotes; words with underscores are not ids.
	assert.equal(
		normaliseMessage("Can't reach tool_result for model 'x'"),
		"Can't reach tool_result for model <quoted>",
	);
	assert.equal(fingerprint({type: '', message: ''}).template, '(no message)');
	assert.match(fingerprint({type: 'x', message: 'y'}).id, /^[0-9a-f]{8}$/);
});

const interaction = (
	state: string,
	errors: {type: string; message: string}[],
	stopReason?: string,
): Interaction => ({
	id: 'i1',
	projectId: 'p',
	state,
	createdAt: '2026-03-01T00:00:00Z',
	createdAtMs: Date.parse('2026-03-01T00:00:00Z'),
	userInput: {role: 'user', content: []},
	output: {content: [], errors, ...(stopReason ? {stopReason} : {})},
	artifactIds: [],
	raw: {},
});

test('a failure that names no error still lands in a cluster; a success lands in none', () => {
	assert.deepEqual(interactionErrors(interaction('Error', [])), [
		{type: 'error', message: '(no error message)'},
	]);
	assert.deepEqual(interactionErrors(interaction('Completed', [], 'error')), [
		{type: 'error', message: '(no error message)'},
	]);
	assert.deepEqual(interactionErrors(interaction('Completed', [])), []);
});

test('cluster:<id> in the filter language: full id or a prefix, and a clear error for a bad id', () => {
	const [type, message] = groups['tooLong']![0]!;
	const id = fingerprint({type, message}).id;
	const row = interaction('Error', [{type, message: groups['tooLong']![1]![1]}]);
	const parse = (text: string) => {
		const parsed = parseFilter(text);
		assert.ok(parsed.ok, text);
		return parsed.filter;
	};
	assert.ok(matches(parse(`cluster:${id}`), row, 0));
	assert.ok(matches(parse(`cluster:${id.slice(0, 4)}`), row, 0));
	assert.ok(!matches(parse(`-cluster:${id}`), row, 0));
	const other = fingerprint({type: 'api_error', message: 'x'}).id;
	assert.ok(!matches(parse(`cluster:${other}`), row, 0));
	const bad = parseFilter('cluster:zz');
	assert.ok(!bad.ok && /cluster id/.test(bad.error.message));
});
