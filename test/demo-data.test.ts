import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {apiGet, page} from './helpers/demo.ts';

type Block = {
	type?: string;
	is_error?: boolean;
	content?: Block[];
	sources?: {url?: string; text?: string}[];
};
type Dto = {
	id: string;
	state: string;
	created_at: string;
	user_input: {content: Block[]};
	assistant_output?: {
		stop_reason?: string;
		content?: Block[];
		usage?: {output_tokens?: number};
		errors?: {type: string}[];
	};
	pgpt?: Record<string, unknown> & {messages?: {role: string}[]; max_tokens?: number};
};

const ESC = '\u001B';

describe('demo data: the notable fixtures', () => {
	let server: DemoServer;
	const get = async (id: string) => (await apiGet<Dto>(server, `/v1/app/interaction/${id}`)).body;
	const raw = async (path: string) => (await apiGet(server, path)).text;
	before(async () => (server = await startDemoServer({interactions: 100})));
	after(() => server.close());

	test('at least 3 projects and 40 threads; the big one holds `interactions` items', async () => {
		const projects = await page(server, `/v1/app/user/${server.fixtures.userId}/project`);
		assert.ok(projects.data.length >= 3);
		let threads = 0;
		for (const project of projects.data) {
			threads += (
				await page(server, `/v1/app/project/${String(project['id'])}/thread?first=1000&state=Active,Deleted`)
			).data.length;
		}
		assert.ok(threads >= 40, `${threads} threads`);
		const big = await page(
			server,
			`/v1/app/project/${server.fixtures.projects.bigId}/interaction?total_count=true`,
		);
		assert.equal(big.total_count, 100);
	});

	test('every state, including one no spec lists, and a stuck Processing one', async () => {
		const f = server.fixtures.interactions;
		assert.equal((await get(f.processing)).state, 'Processing');
		assert.equal((await get(f.error)).state, 'Error');
		assert.equal((await get(f.unknownState)).state, 'Paused');
		const stuck = await get(f.stuck);
		assert.equal(stuck.state, 'Processing');
		assert.ok(Date.now() - Date.parse(stuck.created_at) > 10 * 60_000);
		assert.ok(Date.now() - Date.parse((await get(f.processing)).created_at) < 10 * 60_000);
	});

	test('allBlocks has every block type, both tool_result kinds, an unknown and a type-less block', async () => {
		const content = (await get(server.fixtures.interactions.allBlocks)).assistant_output?.content ?? [];
		const types = new Set(content.map(block => block.type));
		for (const type of [
			'text',
			'thinking',
			'tool_use',
			'tool_result',
			'source',
			'file',
			'image',
			'audio',
			'binary',
			'tldr',
			'chart',
		]) {
			assert.ok(types.has(type), type);
		}
		assert.ok(content.some(block => block.type === undefined));
		const results = content.filter(block => block.type === 'tool_result').map(block => block.is_error);
		assert.deepEqual(results.sort(), [false, true]);
		const sources = content.find(block => block.type === 'source')?.sources ?? [];
		assert.ok(sources.some(source => source.url) && sources.some(source => source.text));
	});

	test('stop reasons, error types, truncation and empty output', async () => {
		const f = server.fixtures.interactions;
		const stop = async (id: string) => (await get(id)).assistant_output?.stop_reason;
		assert.equal(await stop(f.error), 'error');
		assert.equal(await stop(f.cancelled), 'cancelled');
		assert.equal(await stop(f.refusal), 'refusal');
		assert.equal(await stop(f.endTurn), 'end_turn');
		const truncated = await get(f.truncated);
		assert.equal(truncated.assistant_output?.stop_reason, 'max_tokens');
		assert.equal(truncated.assistant_output?.usage?.output_tokens, truncated.pgpt?.max_tokens);
		assert.deepEqual((await get(f.emptyOutput)).assistant_output?.content, []);
		const errorTypes = [
			...((await get(f.error)).assistant_output?.errors ?? []),
			...((await get(f.invalidRequest)).assistant_output?.errors ?? []),
		].map(e => e.type);
		for (const type of ['api_error', 'overloaded_error', 'invalid_request_error'])
			assert.ok(errorTypes.includes(type), type);
	});

	test('allParams carries every parameter, every role and both secrets; the large transcript is over 200 KB', async () => {
		const f = server.fixtures;
		const pgpt = (await get(f.interactions.allParams)).pgpt ?? {};
		for (const key of [
			'temperature',
			'top_p',
			'top_k',
			'min_p',
			'max_tokens',
			'seed',
			'presence_penalty',
			'frequency_penalty',
			'repetition_penalty',
			'priority',
			'tools',
			'tool_choice',
			'response_format',
			'system',
			'thinking',
			'mcp_servers',
			'tool_context',
		]) {
			assert.ok(key in pgpt, key);
		}
		assert.deepEqual([...new Set(pgpt.messages?.map(m => m.role))].sort(), [
			'assistant',
			'system',
			'tool',
			'user',
		]);
		const body = await raw(`/v1/app/interaction/${f.interactions.allParams}`);
		const served = f.secrets.filter(secret => body.includes(secret));
		assert.equal(served.length, f.secrets.length - 1, 'every secret but the API token is in the body');
		assert.ok((await raw(`/v1/app/interaction/${f.interactions.largeTranscript}`)).length > 200_000);
		const nulls = (await get(f.interactions.nullParams)).pgpt ?? {};
		assert.equal(nulls['temperature'], null);
	});

	test('hostile escapes reach prompts, outputs, tool names, error messages, thread and project names', async () => {
		const f = server.fixtures;
		const [prompt, output, tool, error] = await Promise.all(
			f.interactions.hostile.map(id => raw(`/v1/app/interaction/${id}`)),
		);
		const prompts = JSON.parse(prompt ?? '{}') as Dto;
		assert.match(JSON.stringify(prompts.user_input), /\\u001b\[2J/);
		assert.ok((output ?? '').includes('\\u001b]52;c;'));
		assert.ok((output ?? '').includes('\\u001b]8;;'));
		assert.ok((output ?? '').includes('\u009D'), 'C1 OSC, sent raw');
		assert.ok((output ?? '').includes('\\u001bP+q'), 'DCS');
		assert.ok((output ?? '').includes('\\u001b_G'), 'APC');
		assert.ok((output ?? '').includes('\u0090+q'), '8-bit DCS, sent raw');
		assert.ok((output ?? '').includes('\u009B2J'), '8-bit CSI, sent raw');
		const toolName =
			(JSON.parse(tool ?? '{}') as {assistant_output: {content: {name?: string}[]}}).assistant_output
				.content[0]?.name ?? '';
		assert.ok(toolName.includes(`${ESC}]0;`));
		const errorDto = JSON.parse(error ?? '{}') as Dto;
		assert.ok(JSON.stringify(errorDto.assistant_output?.errors).includes('\\u001b]52'));
		const thread = await apiGet<{name: string}>(server, `/v1/app/thread/${f.threads.hostileId}`);
		assert.ok(thread.body.name.includes('\u202E'));
		const project = await apiGet<{name: string}>(server, `/v1/app/project/${f.projects.hostileId}`);
		assert.ok(project.body.name.includes(`${ESC}[2J`));
		const nonAscii = JSON.stringify(await get(f.interactions.nonAscii));
		for (const sample of ['要約', '🚀', 'العملاء', 'הלקוחות']) assert.ok(nonAscii.includes(sample), sample);
	});
});

test('the same seed serves the same bytes; another seed serves other content', async () => {
	const [a, b, c] = await Promise.all([
		startDemoServer({seed: 7}),
		startDemoServer({seed: 7}),
		startDemoServer({seed: 8}),
	]);
	try {
		const path = (s: DemoServer) =>
			`/v1/app/thread/${s.fixtures.bigThreadId}/interaction?first=100&include=User`;
		const [ta, tb, tc] = await Promise.all([a, b, c].map(async s => (await apiGet(s, path(s))).text));
		assert.equal(ta, tb);
		assert.notEqual(ta, tc);
		assert.deepEqual(a.fixtures, b.fixtures);
	} finally {
		await Promise.all([a.close(), b.close(), c.close()]);
	}
});
