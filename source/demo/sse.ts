// The interaction stream (zylon-api.md §8): Server-Sent Events in the documented order, with a
// ping and one event type no spec lists, so clients prove they skip what they do not know.
import type {ServerResponse} from 'node:http';
import {iso} from './seed.ts';
import type {InteractionDto} from './wire.ts';
import {asWireBlocks} from './wire.ts';

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

const frame = (event: string, payload: Record<string, unknown>): string =>
	`event: ${event}\ndata: ${JSON.stringify({type: event, ...payload})}\n\n`;

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
};

export function streamInteraction(res: ServerResponse, dto: InteractionDto, options: StreamOptions): void {
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

	if (dto.state !== 'Processing') {
		res.write(frame('message_start', {message: dto.assistant_output ?? {content: []}}));
		res.write(frame('message_stop', {}));
		res.end(frame('done', {}));
		return;
	}

	const started = dto.assistant_output ?? {};
	const startMessage = {
		id: started.id ?? `msg_${dto.id.slice(-8)}`,
		model: started.model ?? 'default',
		content: [],
	};
	if (options.stuck) {
		res.write(frame('message_start', {message: startMessage}));
		const ping = () => {
			if (closed) return;
			res.write(frame('ping', {}));
			timers.push(setTimeout(ping, 1000));
		};
		ping();
		return;
	}

	const output = finalOutput(dto, options.now());
	const text = output.content?.map(block => ('text' in block ? block.text : '')).join('') ?? '';
	const frames: string[] = [
		frame('message_start', {message: startMessage}),
		frame('content_block_start', {block_id: 'b0', content_block: {type: 'text', text: ''}}),
	];
	chunks(text, 5).forEach((piece, i) => {
		frames.push(frame('content_block_delta', {block_id: 'b0', delta: {type: 'text_delta', text: piece}}));
		if (i === 1) frames.push(frame('ping', {}));
		if (i === 2) frames.push(frame('interaction_progress', {note: 'an event type no spec lists'}));
	});
	frames.push(
		frame('content_block_stop', {block_id: 'b0', stop_timestamp: iso(options.now())}),
		frame('message_delta', {delta: {stop_reason: output.stop_reason, usage: output.usage}}),
		frame('message_stop', {}),
		frame('done', {}),
	);

	const send = (index: number) => {
		if (closed) return;
		const next = frames[index];
		if (next === undefined) {
			options.onComplete({...dto, state: 'Completed', assistant_output: output});
			res.end();
			return;
		}
		res.write(next);
		timers.push(setTimeout(() => send(index + 1), options.spacingMs));
	};
	send(0);
}
