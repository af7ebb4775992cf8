// The demo's view of the wire types. Blocks come from the generated vendor schema with the `type`
// key the real payloads carry (the vendor's member schemas omit it, see zylon-api.md §5.5).
import type {components} from '../api/openapi/workspace-current.ts';
import type {InteractionDto, ProjectDto, UserDto} from '../api/dto.ts';

type Schemas = components['schemas'];

export type {InteractionDto, ProjectDto, UserDto};
export type ChatRequestWire = Schemas['ai.zylon.koala.privategpt.ChatRequest'];
export type MessageInputWire = Schemas['ai.zylon.koala.model.message.MessageInput'];
export type ContentBlockWire = Schemas['ai.zylon.koala.model.message.ContentBlock'];
export type ProjectMemberWire = Schemas['ai.zylon.backend.server.app.project.ProjectMemberDTO'];
export type SourceWire = Schemas['ai.zylon.koala.model.message.PGPTSourceType'];

type Typed<K extends keyof Schemas, T extends string> = Schemas[K] & {type: T};

export type TypedBlock =
	| Typed<'text', 'text'>
	| Typed<'thinking', 'thinking'>
	| Typed<'image', 'image'>
	| Typed<'audio', 'audio'>
	| Typed<'binary', 'binary'>
	| Typed<'file', 'file'>
	| Typed<'source', 'source'>
	| Typed<'tldr', 'tldr'>
	| (Omit<Schemas['tool_use'], 'input'> & {type: 'tool_use'; input: Record<string, unknown>})
	| Typed<'tool_result', 'tool_result'>;

/**
 * The vendor schema types `tool_use.input` and `_meta` as maps of search metadata (a generator
 * artefact); real inputs are arbitrary JSON. This is the one place that bridges the two.
 */
export const asWireBlocks = (blocks: readonly (TypedBlock | OffSpecBlock)[]): ContentBlockWire[] =>
	blocks as unknown as ContentBlockWire[];

declare const offSpecBrand: unique symbol;
/** Blocks the spec cannot express: an unknown `type`, or the reference page's type-less shape. */
export type OffSpecBlock = Readonly<Record<string, unknown>> & {readonly [offSpecBrand]: true};
export const offSpec = (block: Record<string, unknown>): OffSpecBlock => block as OffSpecBlock;

/** The thread object: no schema in the spec; fields from the docs example plus inferred ones. */
export type ThreadWire = {
	id: string;
	name: string;
	project_id: string;
	visibility: 'Public' | 'Private';
	state: string;
	created_at: string;
	/** Not in the docs example; [INF] in zylon-api.md §3.3. The demo serves its newest interaction's time. */
	updated_at?: string;
	created_by?: UserDto;
};
