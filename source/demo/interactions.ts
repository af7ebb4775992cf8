// Ordinary interactions, built from (seed, key) alone so the big project can rebuild any one of
// its 100,000 items on demand. The notable, hand-shaped ones live in notable.ts.
import {intBetween, iso, pick, rng} from './seed.ts';
import type {ChatRequestWire, InteractionDto, TypedBlock, UserDto} from './wire.ts';
import {asWireBlocks} from './wire.ts';

export type Slot = {
	readonly id: string;
	readonly projectId: string;
	readonly threadId: string;
	readonly timeMs: number;
	/** Distinct per interaction: the PRNG stream it draws from. */
	readonly key: number;
	/** Bench items: smaller, no history. */
	readonly light?: boolean;
};

export type GenContext = {readonly seed: number; readonly users: readonly UserDto[]};

const questions = [
	'List the open risks in the Q3 vendor review.',
	'Summarise the churn interviews from last week.',
	'Which customers mentioned pricing in their NPS comments?',
	'Draft a reply to the support ticket about SSO timeouts.',
	'Compare the onboarding funnel between March and April.',
	'What did the board deck say about EMEA expansion?',
	'Find every contract that renews before December.',
	'Why did the nightly import fail?',
	'Give me three headlines for the product update.',
	'Explain the spike in API errors on Tuesday.',
	'Which features do enterprise users ask for most?',
	'Translate the release notes into Spanish.',
] as const;

const answers = [
	'There are three open risks: the data-retention clause, the single-region hosting and the unpriced support tier.',
	'Most interviewees left because of onboarding friction; two cited missing SAML support.',
	'Eleven customers mention pricing; seven of them compare us with a cheaper competitor.',
	'Thanks for the report. The SSO session now refreshes before it expires; please retry and tell us if it recurs.',
	'Conversion from trial to paid rose from 8.1% in March to 9.4% in April, mostly from the new checklist.',
	'The deck proposes a Dublin office in Q1 and two partner resellers in DACH.',
	'Fourteen contracts renew before December; four of them have auto-renew disabled.',
	'The import stopped when the warehouse rejected a row with a malformed date.',
	'"Faster search, fewer clicks" · "Your files, finally findable" · "Answers with sources".',
	'The errors came from one tenant retrying a bulk upload without backoff.',
	'Audit logs, SCIM provisioning and per-project retention lead the list.',
	'Notas de la versión: búsqueda más rápida, menos clics y respuestas con fuentes.',
] as const;

const models = ['default', 'default', 'default', 'llama-3.3-70b', 'qwen2.5-32b'] as const;
const tools = ['knowledge_search', 'semantic_search', 'database_query', 'web_search', 'list_project_files'];

/** Sampling parameters vary, and each is sometimes left out, as real requests do. */
function samplingParams(random: () => number): Partial<ChatRequestWire> {
	const params: Partial<ChatRequestWire> = {};
	if (random() < 0.8) params.temperature = Math.round(random() * 120) / 100;
	if (random() < 0.5) params.top_p = Math.round((0.5 + random() / 2) * 100) / 100;
	if (random() < 0.4) params.top_k = intBetween(random, 1, 100);
	if (random() < 0.3) params.min_p = Math.round(random() * 20) / 100;
	if (random() < 0.7) params.max_tokens = pick(random, [256, 512, 1024, 2048, 4096]);
	if (random() < 0.2) params.seed = intBetween(random, 1, 99999);
	if (random() < 0.2) params.presence_penalty = Math.round(random() * 100) / 100;
	if (random() < 0.2) params.frequency_penalty = Math.round(random() * 100) / 100;
	if (random() < 0.2) params.repetition_penalty = 1 + Math.round(random() * 30) / 100;
	if (random() < 0.3) params.priority = intBetween(random, 0, 10);
	return params;
}

export function fillerInteraction(ctx: GenContext, slot: Slot): InteractionDto {
	const random = rng(ctx.seed, slot.key);
	const q = intBetween(random, 0, questions.length - 1);
	const question = questions[q] ?? questions[0];
	const answer = answers[q] ?? answers[0];
	const creator = random() < 0.6 ? ctx.users[0] : pick(random, ctx.users);
	const useTool = !slot.light && random() < 0.35;
	const toolName = pick(random, tools);
	const toolId = `toolu_${slot.key.toString(36)}`;
	const content: TypedBlock[] = [];
	if (!slot.light && random() < 0.4) content.push({type: 'thinking', thinking: `The user asks: ${question}`});
	if (useTool) {
		content.push({type: 'tool_use', id: toolId, name: toolName, input: {query: question.slice(0, 40)}});
		content.push({
			type: 'tool_result',
			tool_use_id: toolId,
			is_error: false,
			content: asWireBlocks([{type: 'text', text: `${intBetween(random, 1, 9)} passages found`}]),
		});
	}
	content.push({type: 'text', text: answer});
	const inputTokens = intBetween(random, 40, 4000);
	const outputTokens = intBetween(random, 20, 900);
	const failed = random() < 0.04;
	const createdS = Math.floor(slot.timeMs / 1000);
	const dto: InteractionDto = {
		id: slot.id,
		project_id: slot.projectId,
		thread_id: slot.threadId,
		state: failed ? 'Error' : 'Completed',
		user_input: {role: 'user', content: asWireBlocks([{type: 'text', text: question}])},
		assistant_output: failed
			? {
					id: `msg_${slot.key.toString(36)}`,
					created: createdS + 2,
					model: pick(random, models),
					stop_reason: 'error',
					content: [],
					usage: {input_tokens: inputTokens, output_tokens: 0},
					errors: [{type: 'overloaded_error', message: 'The model is overloaded, try again later.'}],
				}
			: {
					id: `msg_${slot.key.toString(36)}`,
					created: createdS + intBetween(random, 1, 40),
					model: pick(random, models),
					stop_reason: random() < 0.5 ? 'stop' : ('end_turn' as 'stop'),
					content: asWireBlocks(content),
					usage: {input_tokens: inputTokens, output_tokens: outputTokens},
					errors: [],
				},
		artifact_ids: [],
		all_artifacts: random() < 0.5,
		created_at: iso(slot.timeMs),
		created_by: creator,
	};
	if (!slot.light || random() < 0.5) {
		dto.pgpt = {
			messages: [{role: 'user', content: asWireBlocks([{type: 'text', text: question}])}],
			stream: true,
			...samplingParams(random),
			...(useTool ? {tools: [{name: toolName, type: `${toolName}_v1`}]} : {}),
		};
	}
	return dto;
}
