// The embedded demo workspace's contract: used by `--demo`, `demo-server`, the tests and the bench.

export type DemoGeneration = 'current' | 'legacy' | 'both';

/**
 * How the interaction stream answers. 'sse' (the default): Server-Sent Events, as the developer manual
 * documents. 'json' / 'ndjson': as the vendor's OpenAPI document declares the route, application/json (an
 * array of events) or newline-delimited events, all at once; 406 to an Accept that allows neither.
 */
export type DemoStreamMode = 'sse' | 'json' | 'ndjson';

/** One injected fault. Matches requests whose path (without query) matches `route`. */
export type Fault = {
	/** Substring of the request path, or a RegExp. Omitted: every route. */
	readonly route?: string | RegExp;
	/** Answer with this status (JSON error body unless `body` says otherwise). */
	readonly status?: number;
	/** Retry-After header value to send with the status. */
	readonly retryAfter?: string;
	/** 'truncated-json': 200 with a cut body; 'html': an HTML error page; 'drop': destroy the socket;
	 * 'slow-body': headers at once, body dribbled over `latencyMs`; 'not-json': 200 text/plain;
	 * 'empty-more': a page with no rows that says there are more, both ways. */
	readonly body?: 'truncated-json' | 'html' | 'drop' | 'slow-body' | 'not-json' | 'empty-more';
	/** Added delay before answering (ms). */
	readonly latencyMs?: number;
	/** How many matching requests it affects; default: all of them until cleared. */
	readonly times?: number;
};

export type DemoOptions = {
	readonly port?: number; // default 0 (a free port)
	readonly host?: string; // default 127.0.0.1
	readonly token?: string; // default a fixed demo token
	readonly org?: string; // default 'default'
	readonly generation?: DemoGeneration; // default 'both'
	readonly seed?: number; // default 1
	/** Interactions in the big project (default 5,000); generated lazily from the seed. */
	readonly interactions?: number;
	/** A project of `interactions` spread round-robin over `threads` threads (the bench's All threads figures). */
	readonly spread?: {readonly threads: number; readonly interactions: number};
	/** Serve each thread's `updated_at` (its newest interaction's time); default true. */
	readonly threadUpdatedAt?: boolean;
	/** Added latency on every request (ms). */
	readonly latencyMs?: number;
	readonly faults?: readonly Fault[];
	readonly stream?: DemoStreamMode; // default 'sse'
};

export type RequestLogEntry = {
	readonly method: string;
	readonly path: string;
	readonly query: Readonly<Record<string, string>>;
	readonly authorization?: string;
	readonly org?: string;
	readonly status: number;
	readonly at: number;
};
