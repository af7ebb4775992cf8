// The hand-shaped interactions tests and screens rely on: every state, block type, stop reason,
// error type, sampling parameter, secret and hostile string the explorer must cope with.
import {hostile, hostileName} from './hostile.ts';
import type {Slot} from './interactions.ts';
import {
	allBlocks,
	fullPgpt,
	largeHistory,
	offSpecBlocks,
	seedShapeFileBlocks,
	text,
	userMessage,
} from './notable-parts.ts';
import {iso} from './seed.ts';
import type {ChatRequestWire, InteractionDto, TypedBlock, UserDto} from './wire.ts';
import {asWireBlocks} from './wire.ts';

export {CONNECTION_STRING, MCP_TOKEN, MCP_TOKEN_2} from './notable-parts.ts';

export type NotableKind =
	| 'allBlocks'
	| 'allParams'
	| 'nullParams'
	| 'nonAscii'
	| 'truncated'
	| 'emptyOutput'
	| 'refusal'
	| 'cancelled'
	| 'endTurn'
	| 'processing'
	| 'error'
	| 'toolError'
	| 'invalidRequest'
	| 'stuck'
	| 'largeTranscript'
	| 'unknownState'
	| 'textFile'
	| 'hostilePrompt'
	| 'hostileOutput'
	| 'hostileTool'
	| 'hostileError';

type Build = {
	readonly slot: Slot;
	readonly me: UserDto;
	readonly other: UserDto;
	/** The server's start time: the live Processing item is "just started" on every run. */
	readonly nowMs: number;
};

export function notableInteraction(kind: NotableKind, b: Build): InteractionDto {
	const {slot} = b;
	const createdS = Math.floor(slot.timeMs / 1000);
	const base = (question: string): InteractionDto => ({
		id: slot.id,
		project_id: slot.projectId,
		thread_id: slot.threadId,
		state: 'Completed',
		user_input: userMessage(question),
		artifact_ids: [],
		all_artifacts: true,
		created_at: iso(slot.timeMs),
		created_by: b.me,
		pgpt: {messages: [userMessage(question)], stream: true, temperature: 0.7},
	});
	const output = (
		content: readonly TypedBlock[],
		stop: string,
		usage = {input_tokens: 812, output_tokens: 140},
	): NonNullable<InteractionDto['assistant_output']> => ({
		id: `msg_${kind}`,
		created: createdS + 3,
		model: 'default',
		stop_reason: stop as 'stop',
		content: asWireBlocks(content),
		usage,
		errors: [],
	});

	switch (kind) {
		case 'allBlocks': {
			const dto = base('Show me every kind of block.');
			dto.assistant_output = output(allBlocks(), 'stop');
			dto.assistant_output.content = [
				...(dto.assistant_output.content ?? []),
				...asWireBlocks(offSpecBlocks()),
			];
			dto.artifact_ids = ['art_risk_register'];
			dto.all_artifacts = false;
			return dto;
		}
		case 'allParams': {
			const dto = base('Which jobs changed, as JSON?');
			dto.pgpt = fullPgpt('Which jobs changed, as JSON?');
			dto.assistant_output = output([text('{"changed": ["ingest", "dedupe"]}')], 'stop');
			dto.created_by = b.other;
			return dto;
		}
		case 'nullParams': {
			const dto = base('Say hi.');
			// Deliberately off-spec: some servers send null for unset numbers; the spec says number.
			dto.pgpt = {
				messages: [userMessage('Say hi.')],
				temperature: null,
				top_p: null,
				max_tokens: null,
				seed: 7,
				response_format: {type: 'text'},
				system: {use_default_prompt: true},
				thinking: {enabled: false},
			} as unknown as ChatRequestWire;
			dto.assistant_output = output([text('Hi!')], 'stop', {input_tokens: 5, output_tokens: 2});
			return dto;
		}
		case 'nonAscii': {
			const dto = base('顧客のフィードバックを要約して 🙏 — ملخص الملاحظات — סכם את המשוב');
			dto.assistant_output = output(
				[
					text(
						'要約：価格への不満が最多です。📈🚀👩🏽‍💻\nالعملاء يطلبون دعمًا أفضل.\nהלקוחות מבקשים תמיכה טובה יותר.\nZürich, Ærøskøbing, naïve café.',
					),
				],
				'end_turn',
			);
			return dto;
		}
		case 'truncated': {
			const dto = base('Write the full onboarding guide.');
			dto.pgpt = {
				messages: [userMessage('Write the full onboarding guide.')],
				max_tokens: 256,
				temperature: 0.9,
			};
			dto.assistant_output = output(
				[text('Step 1: create your account. Step 2: invite your team. Step 3: conn')],
				'max_tokens',
				{
					input_tokens: 30,
					output_tokens: 256,
				},
			);
			return dto;
		}
		case 'emptyOutput': {
			const dto = base('Reply with nothing.');
			dto.assistant_output = output([], 'stop', {input_tokens: 12, output_tokens: 0});
			return dto;
		}
		case 'refusal': {
			const dto = base('Give me the admin password for the warehouse.');
			dto.assistant_output = output([text('I can’t help with that.')], 'refusal', {
				input_tokens: 20,
				output_tokens: 8,
			});
			return dto;
		}
		case 'cancelled': {
			const dto = base('Summarise every ticket since 2019.');
			dto.assistant_output = output([text('Summary of 2019: ')], 'cancelled', {
				input_tokens: 300,
				output_tokens: 4,
			});
			return dto;
		}
		case 'endTurn': {
			const dto = base('Thanks!');
			dto.assistant_output = output([text('You’re welcome.')], 'end_turn', {
				input_tokens: 3,
				output_tokens: 4,
			});
			return dto;
		}
		case 'processing': {
			const dto = base('Draft the weekly brief for the leadership team.');
			dto.state = 'Processing';
			dto.created_at = iso(b.nowMs - 5_000);
			delete dto.assistant_output;
			return dto;
		}
		case 'stuck': {
			const dto = base('Re-run the nightly import check.');
			dto.state = 'Processing';
			dto.assistant_output = {id: 'msg_stuck', created: createdS + 1, model: 'default', content: []};
			return dto;
		}
		case 'error': {
			const dto = base('Why did the nightly import fail?');
			dto.state = 'Error';
			dto.assistant_output = output([], 'error', {input_tokens: 903, output_tokens: 0});
			dto.assistant_output.errors = [
				{type: 'api_error', message: 'Upstream model server returned 502.'},
				{type: 'overloaded_error', message: 'The model is overloaded, try again later.'},
				{type: 'request_too_large', message: 'The prompt exceeds the context window (131072 tokens).'},
			];
			return dto;
		}
		case 'toolError': {
			const dto = base('Query the warehouse for last week’s failures.');
			dto.assistant_output = output(
				[
					{type: 'tool_use', id: 'toolu_err', name: 'database_query', input: {sql: 'select * from failures'}},
					{
						type: 'tool_result',
						tool_use_id: 'toolu_err',
						is_error: true,
						content: asWireBlocks([text('permission denied for table failures')]),
					},
					text('I could not read the failures table.'),
				],
				'end_turn',
			);
			return dto;
		}
		case 'invalidRequest': {
			const dto = base('Use the new tool.');
			dto.state = 'Error';
			dto.assistant_output = output([], 'error', {input_tokens: 10, output_tokens: 0});
			dto.assistant_output.errors = [
				{type: 'invalid_request_error', message: 'tools[0].name: unknown tool "new_tool"'},
				{type: 'permission_error', message: 'The token may not call tools in this project.'},
			];
			return dto;
		}
		case 'largeTranscript': {
			const dto = base('Continue the quarterly review.');
			dto.pgpt = {messages: largeHistory(), stream: true, temperature: 0.3, max_tokens: 4096};
			dto.assistant_output = output([text('Continuing: the support section follows.')], 'stop', {
				input_tokens: 61000,
				output_tokens: 900,
			});
			return dto;
		}
		case 'unknownState': {
			const dto = base('Wait for approval, then send.');
			dto.state = 'Paused' as 'Completed';
			dto.assistant_output = output([text('Waiting for approval.')], 'pause_turn');
			return dto;
		}
		case 'textFile': {
			const dto = base('Attach the on-call notes and the status as files.');
			dto.assistant_output = output([], 'end_turn', {input_tokens: 14, output_tokens: 52});
			dto.assistant_output.content = asWireBlocks(seedShapeFileBlocks());
			return dto;
		}
		case 'hostilePrompt': {
			const dto = base(
				`Summarise this ${hostile.clearScreen} ${hostile.clipboardBel} ${hostile.carriageReturn}`,
			);
			dto.assistant_output = output([text('Done.')], 'stop');
			return dto;
		}
		case 'hostileOutput': {
			const dto = base('Print the raw log.');
			dto.assistant_output = output(
				[
					text(
						[
							hostile.clipboardSt,
							hostile.hyperlink,
							hostile.titleOsc2,
							hostile.c1Osc,
							hostile.bidi,
							hostile.bell,
							hostile.backspace,
							hostile.csiColour,
							hostile.dcs,
							hostile.dcs8bit,
							hostile.apc,
							hostile.csi8bit,
						].join('\n'),
					),
				],
				'stop',
			);
			return dto;
		}
		case 'hostileTool': {
			const dto = base('Run the tool.');
			const name = hostileName('evil_tool');
			dto.assistant_output = output(
				[
					{type: 'tool_use', id: 'toolu_hostile', name, input: {arg: hostile.clearScreen}},
					{
						type: 'tool_result',
						tool_use_id: 'toolu_hostile',
						is_error: false,
						content: asWireBlocks([text(hostile.titleOsc0)]),
					},
				],
				'stop',
			);
			dto.pgpt = {
				messages: [userMessage('Run the tool.')],
				tools: [{name, type: 'evil_v1', description: hostile.hyperlink}],
			};
			return dto;
		}
		case 'hostileError': {
			const dto = base('Trigger the failure.');
			dto.state = 'Error';
			dto.assistant_output = output([], 'error', {input_tokens: 1, output_tokens: 0});
			dto.assistant_output.errors = [
				{type: `api_error${hostile.bell}`, message: `failed ${hostile.clipboardBel} ${hostile.clearScreen}`},
			];
			return dto;
		}
	}
}
