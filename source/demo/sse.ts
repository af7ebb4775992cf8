// The interaction stream (zylon-api.md §8): Server-Sent Events in the documented order, with a
// ping and one event type no spec lists, so clients prove they skip what they do not know.
import type {ServerResponse} from 'node:http';
import {iso} from './seed.ts';
import type {InteractionDto} from './wire.ts';
import {asWireBlocks} from './wire.ts';
import type {DemoStreamMode} from './types.ts';

type Output = NonNullable<InteractionDto['assistant_output']>;

const BRIEF =
	'Weekly brief: onboarding conversion rose to 9.4%, two enterprise renewals are at risk, ' +
	'and the nightly import is healthy again after Tuesday’s fix. Next week: the pricing review.';

/** The output a running interaction ends with once its stream completes. */
export function finalOutput(dto: InteractionDto, nowMs: number): Output {
	const existing = dto.assistant_output;
	if (existing?.content && existing.content.length > 0)
		return {...existing, stop_reason: existing.stop_reason ?? 'stop'};
	return {
		id: existing?.id ?? `msg_${dto.id.slice(-8)}`,
		created: Math.floor(nowMs / 1000),
		model: existing?.model ?? 'default',
		stop_reason: 'end_turn' as 'stop',
		content: asWireBlocks([{type: 'text', text: BRIEF}]),
		usage: {input_tokens: 640, output_tokens: 58},
		errors: [],
	};
}

type Event = {readonly type: string} & Record<string, unknown>;

const event = (type: string, payload: Record<string, unknown> = {}): Event => ({type, ...payload});

const frame = ({type, ...payload}: Event): string =>
	`event: ${type}\ndata: ${JSON.stringify({type, ...payload})}\n\n`;

/** Splits text into `parts` roughly equal chunks, never inside a surrogate pair. */
function chunks(text: string, parts: number): string[] {
	const chars = Array.from(text);
	const size = Math.ceil(chars.length / parts);
	const out: string[] = [];
	for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
	return out;
}

export type StreamOptions = {
	readonly spacingMs: number;
	/** True for the stuck interaction: start, then only pings until the client leaves. */
	readonly stuck: boolean;
	readonly now: () => number;
	/** Called once the whole stream was written: the interaction is Completed from then on. */
	readonly onComplete: (completed: InteractionDto) => void;
	/** How to answer (types.ts DemoStreamMode); 'sse' when not given. */
	readonly mode?: DemoStreamMode;
	/** The request's Accept header: the JSON modes refuse (406) one that allows no JSON. */
	readonly accept?: string;
};

/** Whether an Accept header allows a media type (type/subtype, type/* or * / *, and not q=0). */
export function accepts(accept: string, mediaType: string): boolean {
	const [kind] = mediaType.split('/');
	return accept.split(',').some(part => {
		const [range = '', ...params] = part.trim().toLowerCase().split(';');
		const q = params.map(p => p.trim()).find(p => p.startsWith('q='));
		if (q !== undefined && Number(q.slice(2)) === 0) return false;
		return range === mediaType || range === `${kind}/*` || range === '*/*';
	});
}

/** The events of one stream, and the interaction it completes (undefined: it never does). */
function streamEvents(
	dto: InteractionDto,
	options: StreamOptions,
): {events: Event[]; completed?: InteractionDto; stuck?: boolean} {
	if (dto.state !== 'Processing') {
		return {
			events: [
				event('message_start', {message: dto.assistant_output ?? {content: []}}),
				event('message_stop'),
				event('done'),
			],
		};
	}
	const started = dto.assistant_output ?? {};
	const startMessage = {
		id: started.id ?? `msg_${dto.id.slice(-8)}`,
		model: started.model ?? 'default',
		content: [],
	};
	if (options.stuck) return {events: [event('message_start', {message: startMessage})], stuck: true};

	const output = finalOutput(dto, options.now());
	const text = output.content?.map(block => ('text' in block ? block.text : '')).join('') ?? '';
	const events: Event[] = [
		event('message_start', {message: startMessage}),
		event('content_block_start', {block_id: 'b0', content_block: {type: 'text', text: ''}}),
	];
	chunks(text, 5).forEach((piece, i) => {
		events.push(event('content_block_delta', {block_id: 'b0', delta: {type: 'text_delta', text: piece}}));
		if (i === 1) events.push(event('ping'));
		if (i === 2) events.push(event('interaction_progress', {note: 'an event type no spec lists'}));
	});
	events.push(
		event('content_block_stop', {block_id: 'b0', stop_timestamp: iso(options.now())}),
		event('message_delta', {delta: {stop_reason: output.stop_reason, usage: output.usage}}),
		event('message_stop'),
		event('done'),
	);
	return {events, completed: {...dto, state: 'Completed', assistant_output: output}};
}

export function streamInteraction(res: ServerResponse, dto: InteractionDto, options: StreamOptions): void {
	const mode = options.mode ?? 'sse';
	if (mode !== 'sse') {
		const type = mode === 'json' ? 'application/json' : 'application/x-ndjson';
		const accept = options.accept ?? '*/*';
		if (!accepts(accept, type) && !accepts(accept, 'application/json')) {
			const body = JSON.stringify({
				status: 406,
				error: 'Not Acceptable',
				message: `This route answers ${type}`,
			});
			res.writeHead(406, {'content-type': 'application/json; charset=utf-8'});
			res.end(body);
			return;
		}
		// The whole generation at once: the interaction is Completed by the time the answer is written.
		const {events, completed} = streamEvents(dto, options);
		if (completed) options.onComplete(completed);
		res.writeHead(200, {'content-type': `${type}; charset=utf-8`});
		res.end(
			mode === 'json' ? JSON.stringify(events) : events.map(item => `${JSON.stringify(item)}\n`).join(''),
		);
		return;
	}

	res.writeHead(200, {
		'content-type': 'text/event-stream; charset=utf-8',
		'cache-control': 'no-cache',
		connection: 'keep-alive',
	});
	const timers: NodeJS.Timeout[] = [];
	let closed = false;
	res.on('close', () => {
		closed = true;
		for (const timer of timers) clearTimeout(timer);
	});

	const {events, completed, stuck} = streamEvents(dto, options);
	if (stuck) {
		res.write(frame(events[0]!));
		const ping = () => {
			if (closed) return;
			res.write(frame(event('ping')));
			timers.push(setTimeout(ping, 1000));
		};
		ping();
		return;
	}
	if (!completed) {
		res.end(events.map(frame).join(''));
		return;
	}

	const send = (index: number) => {
		if (closed) return;
		const next = events[index];
		if (next === undefined) {
			options.onComplete(completed);
			res.end();
			return;
		}
		res.write(frame(next));
		timers.push(setTimeout(() => send(index + 1), options.spacingMs));
	};
	send(0);
}
