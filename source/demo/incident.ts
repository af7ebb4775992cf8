// The demo's incident: a day of a checkout assistant's traffic across six threads, with a burst of errors in
// the two hours before the last one. Three kinds of error dominate the burst and their messages vary in
// numbers and ids the way real ones do; the fast model fails far more often than the large one. Anchored to
// the minute the server started, so every step of `w` (last 15m, 1h, 6h, 24h) has something to show on every
// run (an hour anchor left the last 15m empty for three quarters of each hour); everything else is drawn from
// the seed.
import {hash, intBetween, iso, makeId, pick, rng} from './seed.ts';
import type {InteractionDto, TypedBlock, UserDto} from './wire.ts';
import {asWireBlocks} from './wire.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const INCIDENT_THREAD_NAMES = [
	'Checkout bot · EU storefront',
	'Checkout bot · US storefront',
	'Refund triage',
	'Order lookup',
	'Fraud review queue',
	'Nightly merchant digest',
] as const;

export const INCIDENT_MODELS = {large: 'zylon-large', fast: 'zylon-fast'} as const;

export type IncidentLayout = {
	/** The minute the server started: the day of traffic ends here. */
	readonly anchorMs: number;
	readonly burstStartMs: number;
	readonly burstEndMs: number;
	readonly startMs: number;
};

export function incidentLayout(nowMs: number): IncidentLayout {
	const anchorMs = Math.floor(nowMs / MINUTE) * MINUTE;
	return {
		anchorMs,
		startMs: anchorMs - 24 * HOUR,
		burstStartMs: anchorMs - 3 * HOUR,
		burstEndMs: anchorMs - HOUR,
	};
}

const questions = [
	'Why was order #{n} charged twice?',
	'Customer asks where parcel {n} is; the tracking page is blank.',
	'Can we refund {n} EUR for the damaged blender?',
	'Summarise the fraud signals on checkout session {n}.',
	'Draft the daily merchant digest for store {n}.',
	'Which promo code applies to cart {n}?',
] as const;

const answers = [
	'The second charge is an authorisation hold; it drops off within 3 business days.',
	'The carrier scanned it at the Leipzig hub this morning; delivery is expected tomorrow.',
	'Yes: the order is inside the 30-day window and the photo shows transit damage.',
	'Two signals: a new device and a billing country that differs from the IP country.',
	'Sales were up 4% on the week; two merchants paused campaigns.',
	'SPRING15 applies; WELCOME10 cannot be combined with it.',
] as const;

type ErrorKind = 'overloaded' | 'timeout' | 'tooLong' | 'rateLimit' | 'permission';

function errorOf(kind: ErrorKind, random: () => number, model: string, email: string, key: number) {
	const hex = (bits: number) => hash(key, bits).toString(16).padStart(8, '0');
	const uuid = () =>
		`${hex(1)}-${hex(2).slice(0, 4)}-4${hex(3).slice(0, 3)}-a${hex(4).slice(0, 3)}-${hex(5)}${hex(6).slice(0, 4)}`;
	switch (kind) {
		case 'overloaded':
			return {
				type: 'overloaded_error',
				message: `Upstream ${model} overloaded: 503 from inference pool gpu-${intBetween(random, 1, 12)} after ${intBetween(random, 8_000, 30_000)} ms (request req_${hex(7)})`,
			};
		case 'timeout':
			return {
				type: 'api_error',
				message: `Tool database_query timed out after ${pick(random, [30, 45, 60])}s on connection ${uuid()}`,
			};
		case 'tooLong':
			return {
				type: 'invalid_request_error',
				message: `Prompt is too long: ${intBetween(random, 16_500, 40_000)} tokens > 16384 maximum for model "${model}"`,
			};
		case 'rateLimit':
			return {
				type: 'rate_limit_error',
				message: `Rate limit exceeded for org default: ${intBetween(random, 121, 400)} requests in the last 60 s, retry after ${(random() * 20).toFixed(1)}s`,
			};
		case 'permission':
			return {type: 'permission_error', message: `User ${email} may not read artifact ${uuid()}`};
	}
}

/** Which error, if any: rates and mixes differ by model and by whether the burst is on. */
function failure(random: () => number, fast: boolean, burst: boolean): ErrorKind | undefined {
	const rate = burst ? (fast ? 0.35 : 0.08) : fast ? 0.02 : 0.01;
	if (random() >= rate) return undefined;
	const roll = random();
	if (!burst) return roll < 0.5 ? 'tooLong' : roll < 0.8 ? 'permission' : 'timeout';
	if (fast) return roll < 0.6 ? 'overloaded' : roll < 0.85 ? 'timeout' : 'rateLimit';
	return roll < 0.5 ? 'timeout' : roll < 0.8 ? 'tooLong' : 'rateLimit';
}

export type IncidentSlot = {
	readonly projectId: string;
	readonly threadIds: readonly string[];
	readonly users: readonly UserDto[];
	readonly seed: number;
};

/** The incident's interactions, oldest first: ~1 a minute all day, three a minute during the burst (retries). */
export function incidentInteractions(
	slot: IncidentSlot,
	layout: IncidentLayout,
	kind: number,
): InteractionDto[] {
	const random = rng(slot.seed, 0x1c1d);
	const times: number[] = [];
	for (let at = layout.startMs; at < layout.anchorMs;) {
		times.push(at);
		const burst = at >= layout.burstStartMs && at < layout.burstEndMs;
		at += burst ? intBetween(random, 10_000, 30_000) : intBetween(random, 30_000, 90_000);
	}
	return times.map((timeMs, index) => {
		const r = rng(slot.seed, 0x1c1e, index);
		const burst = timeMs >= layout.burstStartMs && timeMs < layout.burstEndMs;
		const fast = r() < 0.55;
		const model = fast ? INCIDENT_MODELS.fast : INCIDENT_MODELS.large;
		const user = pick(r, slot.users);
		const q = intBetween(r, 0, questions.length - 1);
		const question = (questions[q] ?? questions[0]).replace('{n}', String(intBetween(r, 10_000, 99_999)));
		const threadId = slot.threadIds[q % slot.threadIds.length] as string;
		const wrong = failure(r, fast, burst);
		const error = wrong && errorOf(wrong, r, model, user.email, index);
		const inputTokens =
			error?.type === 'invalid_request_error'
				? Number(/(\d+) tokens/.exec(error.message)?.[1])
				: intBetween(r, 300, 6000);
		const roll = r();
		const stop = roll < 0.03 ? 'max_tokens' : roll < 0.04 ? 'refusal' : 'end_turn';
		const outputTokens = stop === 'max_tokens' ? 1024 : intBetween(r, 40, 900);
		const startMs = timeMs + intBetween(r, 200, 1500);
		const stopMs = startMs + (fast ? intBetween(r, 600, 3000) : intBetween(r, 3000, 12_000));
		const text: TypedBlock = {
			type: 'text',
			text: answers[q] ?? answers[0],
			start_timestamp: iso(startMs),
			stop_timestamp: iso(stopMs),
		} as TypedBlock;
		return {
			id: makeId(timeMs, kind, index),
			project_id: slot.projectId,
			thread_id: threadId,
			state: error ? 'Error' : 'Completed',
			user_input: {role: 'user', content: asWireBlocks([{type: 'text', text: question}])},
			assistant_output: {
				id: `msg_inc${index.toString(36)}`,
				created: Math.floor(stopMs / 1000),
				model,
				stop_reason: (error ? 'error' : stop) as 'stop',
				content: error ? [] : asWireBlocks([text]),
				usage: {input_tokens: inputTokens, output_tokens: error ? 0 : outputTokens},
				errors: error ? [error] : [],
			},
			artifact_ids: [],
			all_artifacts: true,
			created_at: iso(timeMs),
			created_by: user,
			pgpt: {
				messages: [{role: 'user', content: asWireBlocks([{type: 'text', text: question}])}],
				stream: true,
				temperature: 0.3,
				max_tokens: 1024,
			},
		} satisfies InteractionDto;
	});
}
