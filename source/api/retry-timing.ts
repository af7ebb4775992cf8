// When to try a request again: our own backoff and the server's Retry-After, both capped.
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_BACKOFF_MS = 8_000;

/** Full-jitter-ish exponential backoff: between half and all of base·2^(n-1), capped. */
export function backoff(baseMs: number, attempt: number): number {
	const ceiling = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
	return ceiling * (0.5 + Math.random() / 2);
}

/** Retry-After in seconds or as an HTTP date; capped so a hostile value cannot stall us for hours. */
export function retryAfter(headers: Headers, now = Date.now()): number | undefined {
	const value = headers.get('retry-after')?.trim();
	if (!value) return undefined;
	if (/^\d+(?:\.\d+)?$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}
