// Domain types: what the parser produces from untrusted JSON. Every string here has already been
// sanitised for the terminal (source/lib/sanitize.ts), and every secret has already been masked
// unless the caller asked to reveal secrets (export --show-secrets). Enums are open: unknown values
// are kept verbatim as plain strings.

export type Citation = {
	readonly id?: string;
	readonly index?: string;
	readonly artifactId?: string;
	readonly sourceId?: string;
};

export type SourceRef =
	| {
			readonly kind: 'chunk';
			readonly id?: string;
			readonly title?: string;
			readonly fileName?: string;
			readonly page?: number;
			readonly score?: number;
			readonly text?: string;
	  }
	| {readonly kind: 'website'; readonly id?: string; readonly url: string; readonly title?: string};

export type ContentBlock =
	| {readonly type: 'text'; readonly text: string; readonly citations: readonly Citation[]}
	| {readonly type: 'thinking'; readonly thinking: string; readonly citations: readonly Citation[]}
	| {
			readonly type: 'image' | 'audio' | 'binary';
			readonly mimeType?: string;
			readonly filename?: string;
			/** Length of the `data` field in characters; the data itself is never kept, only `text` below. */
			readonly dataLength: number;
			readonly isUrl: boolean;
			/** Bytes the data stands for: decoded when it is base64, else its UTF-8 length; unset for a URL. */
			readonly bytes?: number;
			/**
			 * A binary block with a text-like mime type (text/*, JSON, XML, YAML…): its text, sanitised, decoded when the
			 * data is base64 of valid UTF-8 and as given otherwise.
			 */
			readonly text?: string;
	  }
	| {
			readonly type: 'file';
			readonly fileName?: string;
			readonly fileType?: string;
			readonly contentType?: string;
			/** Length of `content` in characters. */
			readonly size: number;
	  }
	| {readonly type: 'source'; readonly sources: readonly SourceRef[]}
	| {readonly type: 'tldr'; readonly content: readonly ContentBlock[]}
	| {readonly type: 'tool_use'; readonly id: string; readonly name: string; readonly input: unknown}
	| {
			readonly type: 'tool_result';
			readonly toolUseId: string;
			readonly isError: boolean;
			readonly content: readonly ContentBlock[];
	  }
	/** A block whose `type` we do not know: shown as compact (sanitised) JSON. */
	| {readonly type: 'unknown'; readonly rawType: string; readonly json: string};

export type Message = {
	/** system | user | assistant | tool, or any other value verbatim. */
	readonly role: string;
	readonly content: readonly ContentBlock[];
};

export type Usage = {readonly inputTokens?: number; readonly outputTokens?: number};

export type OutputError = {readonly type: string; readonly message: string};

export type AssistantOutput = {
	readonly id?: string;
	/** Unix seconds, as the server sends it. */
	readonly created?: number;
	readonly model?: string;
	readonly stopReason?: string;
	readonly content: readonly ContentBlock[];
	readonly usage?: Usage;
	readonly errors: readonly OutputError[];
	/** First block start to last block stop (content-block start/stop timestamps), when the blocks carry them. */
	readonly timing?: {readonly startMs: number; readonly stopMs: number};
};

export type UserRef = {readonly id: string; readonly name?: string; readonly email?: string};

export type SamplingParams = {
	readonly temperature?: number;
	readonly topP?: number;
	readonly topK?: number;
	readonly minP?: number;
	readonly maxTokens?: number;
	readonly seed?: number;
	readonly presencePenalty?: number;
	readonly frequencyPenalty?: number;
	readonly repetitionPenalty?: number;
	readonly priority?: number;
};

export type McpServer = {
	readonly url: string;
	readonly name?: string;
	readonly type?: string;
	/** Masked (e.g. "•••••• (32 chars)") unless secrets were revealed. */
	readonly authorizationToken?: string;
	readonly enabled?: boolean;
	readonly allowedTools?: readonly string[];
};

export type ToolContext = {
	/** file | ingested_artifact | sql_database | text | uri, or any other value verbatim. */
	readonly type: string;
	/** One line summarising the entry (connection strings masked). */
	readonly summary: string;
};

export type Pgpt = {
	readonly messages: readonly Message[];
	readonly params: SamplingParams;
	readonly stream?: boolean;
	readonly thinkingEnabled?: boolean;
	readonly responseFormat?: {readonly type: string; readonly schemaName?: string};
	readonly toolChoice?: {
		readonly type?: string;
		readonly name?: string;
		readonly disableParallelToolUse?: boolean;
	};
	readonly tools: ReadonlyArray<{
		readonly name: string;
		readonly type?: string;
		readonly description?: string;
	}>;
	readonly mcpServers: readonly McpServer[];
	readonly system?: {
		readonly useDefaultPrompt?: boolean;
		readonly text?: string;
		readonly citationsEnabled?: boolean;
		readonly extensions?: readonly string[];
	};
	readonly toolContext: readonly ToolContext[];
	readonly correlationId?: string;
};

export type Interaction = {
	readonly id: string;
	readonly projectId: string;
	readonly threadId?: string;
	/** Its thread's name, filled in on project-wide lists (All threads) from the thread list; sanitised. */
	readonly threadName?: string;
	/** Processing | Completed | Error, or any other value verbatim. */
	readonly state: string;
	/** ISO-8601 as sent. */
	readonly createdAt: string;
	/** Milliseconds since the epoch, or NaN when createdAt does not parse. */
	readonly createdAtMs: number;
	readonly createdBy?: UserRef;
	readonly userInput: Message;
	readonly output?: AssistantOutput;
	readonly artifactIds: readonly string[];
	readonly allArtifacts?: boolean;
	readonly pgpt?: Pgpt;
	/** The JSON as received, secrets masked (unless revealed): for copy, pager and export. */
	readonly raw: unknown;
};

export type User = {
	readonly id: string;
	readonly name: string;
	readonly email: string;
	readonly orgId?: string;
	readonly state?: string;
	readonly roles: readonly string[];
};

export type Project = {
	readonly id: string;
	readonly name: string;
	readonly goal?: string;
	readonly visibility?: string;
	readonly memberCount?: number;
	readonly isPinned?: boolean;
};

export type Thread = {
	readonly id: string;
	readonly name: string;
	readonly projectId?: string;
	readonly visibility?: string;
	readonly state?: string;
	readonly createdAt?: string;
	readonly createdAtMs: number;
	/** `updated_at`, where the server sends one (not in the spec): NaN or absent otherwise. */
	readonly updatedAtMs?: number;
};

/** The documented page envelope, in domain form. */
export type Page<T> = {
	readonly items: readonly T[];
	readonly nextCursor?: string;
	readonly previousCursor?: string;
	readonly hasNextPage: boolean;
	readonly hasPreviousPage: boolean;
	readonly totalCount?: number;
};

/**
 * The cursor that fetches the page after this one, or undefined at the end. A server that says there is more
 * but sends no cursor gets the last item's id (zylon-api.md §4: the cursor is the edge item's id).
 */
export function nextAfter(page: Page<{readonly id?: string}>): string | undefined {
	if (!page.hasNextPage) return undefined;
	return page.nextCursor ?? page.items.at(-1)?.id;
}

export type PageOrder = 'ASC' | 'DESC';

/** Cursor paging: forward with first/after, backward with last/before. */
export type PageRequest = {
	readonly first?: number;
	readonly after?: string;
	readonly last?: number;
	readonly before?: string;
	readonly order?: PageOrder;
	readonly totalCount?: boolean;
};

/** Where the interaction list comes from: one thread, or the whole project. */
export type InteractionScope = {readonly projectId: string; readonly threadId?: string};
