// A key's frame goes out at once. Ink draws at most once per 1000/maxFps ms (9 ms at 120) and holds a frame asked
// for sooner until the window ends. While a scan runs, its progress and the title's spinner draw every 80-150 ms,
// so a key that came just after one of those waited out the rest of the window: that was most of the tail of keys
// during a scan (bench/results.md). Raising maxFps to 250 closed that gap but drew more frames in bursts of keys,
// and paging 100,000 rows then peaked at 152-155 MiB in 4 of 9 runs, against 138-145 at 120. So the window stays,
// and the first render after a key skips it (lib/terminal/throttle.ts): once per key, and for the first key of a
// burst only.

/** A render this long after a key is still that key's. */
const KEY_FRESH_MS = 50;
/** Keys closer together than this (a paste, a burst) are drawn under Ink's usual window, after the first. */
const BURST_MS = 30;

let keyAt = Number.NEGATIVE_INFINITY;
let servedAt = Number.NEGATIVE_INFINITY;

/** Called for every key, whichever screen takes it. */
export function noteKey(now: number = performance.now()): void {
	keyAt = now;
}

/** Whether the render asked for now should skip Ink's window; true once per key noted. */
export function takeKeyFrame(now: number = performance.now()): boolean {
	if (keyAt <= servedAt || now - keyAt > KEY_FRESH_MS || now - servedAt < BURST_MS) return false;
	servedAt = now;
	return true;
}

/** Forget every key (tests). */
export function resetKeys(): void {
	keyAt = Number.NEGATIVE_INFINITY;
	servedAt = Number.NEGATIVE_INFINITY;
}
