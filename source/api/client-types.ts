import type {
	Interaction,
	InteractionScope,
	Page,
	PageRequest,
	Project,
	Thread,
	User,
} from '../domain/types.ts';

/**
 * Which route layout the server has: 'legacy' (before release 1.50: interactions only per project, `?threadId=`) or
 * 'current' (per thread, and one interaction by id); api/routes.ts has both.
 */
export type RouteGeneration = 'current' | 'legacy';

export type Connection = {
	/** Normalised: scheme://host[:port][/prefix]/api, no trailing slash. */
	readonly baseUrl: string;
	/** Org slug or UUID, sent as x-org. */
	readonly org: string;
	readonly token: string;
	/** Where the token came from, in words, for the 401 message: "ZYLON_TOKEN", "--token-file ~/x". */
	readonly tokenSource: string;
	/** Shown in the header: the host, or "demo". */
	readonly label: string;
	readonly profile?: string;
	readonly production?: boolean;
};

export type ClientOptions = {
	readonly pageSize?: number; // default 50
	readonly timeoutMs?: number; // per attempt, default 15 000
	readonly attempts?: number; // default 4 (1 + 3 retries)
	readonly maxBodyBytes?: number; // default 64 MiB
	readonly revealSecrets?: boolean; // default false: secrets masked at parse
	/** Known route generation (e.g. remembered); detected on first use otherwise. */
	readonly generation?: RouteGeneration;
	/** Only for tests that must control time. */
	readonly fetch?: typeof globalThis.fetch;
	/** Backoff base in ms (default 250); tests shorten it. */
	readonly backoffBaseMs?: number;
};

export type ZylonClient = {
	readonly connection: Connection;
	me(signal?: AbortSignal): Promise<User>;
	projects(userId: string, page: PageRequest, signal?: AbortSignal): Promise<Page<Project>>;
	project(projectId: string, signal?: AbortSignal): Promise<Project>;
	threads(projectId: string, page: PageRequest, signal?: AbortSignal): Promise<Page<Thread>>;
	thread(threadId: string, projectId?: string, signal?: AbortSignal): Promise<Thread>;
	/** A thread's interactions, or (no threadId) the whole project's, on either route generation. */
	interactions(scope: InteractionScope, page: PageRequest, signal?: AbortSignal): Promise<Page<Interaction>>;
	interaction(interactionId: string, projectId?: string, signal?: AbortSignal): Promise<Interaction>;
	/**
	 * The next project-wide page refetches the project's thread list (all projects when no id): `r` and follow
	 * call it so a new thread shows up. A first page (no cursor) on the current routes refetches it anyway.
	 */
	refreshThreads(projectId?: string): void;

	/**
	 * Opens the interaction's live stream with the given Accept, through the same request path as the rest
	 * (route generations, auth, status handling): the answer's body is left to the caller to read.
	 */
	openStream(
		interactionId: string,
		projectId: string | undefined,
		options: {readonly accept: string; readonly signal?: AbortSignal; readonly connectTimeoutMs?: number},
	): Promise<Opened>;
	/** The generation detected so far, if any. */
	generation(): RouteGeneration | undefined;
};

/** An answer that passed the shared status handling (2xx), its body not read yet. */
export type Opened = {
	readonly status: number;
	readonly headers: Headers;
	readonly body: ReadableStream<Uint8Array> | null;
};
