// Typed API errors. Every message is one human line that names the resource (or JSON path) and
// never contains the token: messages are built only from our own words, ids and sanitised text.

export type ApiErrorKind =
	| 'unauthorized' // 401: the token was refused
	| 'forbidden' // 403
	| 'not-found' // 404
	| 'rate-limited' // 429 after retries
	| 'server' // 5xx after retries
	| 'http' // any other non-2xx status
	| 'network' // connection refused, reset, dropped
	| 'timeout' // per-attempt timeout, after retries
	| 'malformed' // body is not JSON, or not of the expected shape
	| 'too-large' // body over the size cap
	| 'aborted'; // the caller aborted

export class ApiError extends Error {
	override readonly name = 'ApiError';
	constructor(
		readonly kind: ApiErrorKind,
		message: string,
		readonly details: {
			readonly status?: number;
			/** What was being fetched, in words: "project 0197…", "the interactions of thread …". */
			readonly resource?: string;
			/** For malformed bodies: the JSON path of the first bad field, e.g. "data[3].state". */
			readonly path?: string;
			readonly retryAfterMs?: number;
			readonly attempts?: number;
		} = {},
	) {
		super(message);
	}
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
