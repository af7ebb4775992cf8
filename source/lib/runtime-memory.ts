// An interactive tool wants short pauses and a small footprint, not throughput: V8's defaults size the
// heap for servers, and paging through 100,000 interactions peaked at ~375 MiB RSS while the live heap
// after a full GC stayed at 25-30 MiB. The rest was GC slack, and later malloc kept by V8's compiler threads.
// These flags trade a little GC CPU and compiler warm-up for it; measured with `npm run bench -- --only 'peak
// RSS'`, they bring the peak to 126-132 MiB at the same paging speed. They set no heap limit: a legitimately
// large body (the client accepts up to 64 MiB) still parses.
//
// Set at runtime because the shipped bin is a plain `node cli.js`: nothing puts flags on node's command
// line. Only flags that V8 reads at each decision (a GC, a tier-up, a freed page) take effect this late; a runtime
// --max-semi-space-size, for one, is ignored. The young generation is held small from the first statement:
// on Node 24 that once cost start-up ~6 ms, so it waited for the first frame; on Node 26 waiting let it grow
// during start-up and kept the peak at 146-151 MiB, from the start 141-142, and start-up ratios held (1.17x
// and 1.30x against 1.20x and 1.31x, same machine, same hour).
import v8 from 'node:v8';

/**
 * A V8 flag and the V8 releases that know it. V8 prints "unrecognized flag" straight to stderr from C++ for a
 * flag it does not know (no exception to catch, and in the explorer it lands on the terminal before the
 * first frame), so a flag is set only from `v8.since` (inclusive) and before `v8.before`, both "major.minor".
 * The release comes from process.versions.v8, which costs nothing; the ranges were read from `node --v8-options`
 * of Node 20, 22, 23, 24, 25 (V8 14.1) and 26 (14.6); test/node-majors.test.ts checks them against 22, 24 and 26.
 */
export type MemoryFlag = {
	readonly flag: string;
	readonly v8?: {readonly since?: `${number}.${number}`; readonly before?: `${number}.${number}`};
};

/**
 * Set from the first statement (cli.tsx), for every command. Not --optimize-for-size (nor --memory-saver-mode,
 * the same thing): on V8 14 (Node 26) either brings the peak of paging 100,000 rows down to 128-131 MiB, but
 * doubles the time of a detail scroll (median 6 to 12 ms, p95 13 to 45 ms), on Node 24 too. Keys are the product.
 * Neither --single-threaded-gc, --memory-reducer-for-small-heaps, --no-turbofan nor --max-optimized-bytecode-size
 * moved the peak beyond the run-to-run noise (+-4 MiB). Short of --no-maglev: --no-maglev-inlining (134-144 MiB),
 * --no-turbo-inlining (137-143); --concurrent-maglev-max-threads=1 made it worse (158-184: queued jobs hold
 * their zones).
 */
export const MEMORY_FLAGS: readonly MemoryFlag[] = [
	// The young generation starts at 1 MiB semi-spaces and V8 doubles them under allocation pressure
	// (up to 64 MiB of new space here, all of it resident). Factor 1: they stay at the size they reached.
	{flag: '--semi-space-growth-factor=1'},
	// Old-generation limit = live size x 1.25 after each full GC, instead of V8's dynamic factor (up to
	// 4x on a small heap, which let ~30 MiB live grow ~110 MiB of old space). 10 gave the same peak
	// within noise, 50 about 4 MiB more.
	{flag: '--heap-growing-percent=25'},
	// Maglev, V8's mid-tier compiler, compiles many more functions than TurboFan, each in zone memory malloc'd on
	// one of V8's four worker threads. glibc gives each thread its own arena and keeps each arena's high-water
	// mark, so those arenas grew all through a paging session: 16-22 MiB after 15 s, 30 MiB in the worst run, and
	// that tail is what took the peak of paging 100,000 rows over 150 MiB (150.1 here, 159.1 in CI). Without it,
	// hot code goes from Sparkplug straight to TurboFan: peak 134-136 MiB against 146-150 in the same A/B runs,
	// 131-132 with the flag below; the detail scroll's median rose ~0.5 ms, its p95 and keys in the list did not
	// move.
	{flag: '--no-maglev'},
	// V8 keeps the pages a GC frees for 8 s before giving them back, ~10 MiB while paging. The heap's own size
	// does not change; what the OS counts as resident follows it.
	{flag: '--memory-pool-timeout=0', v8: {since: '14.6'}},
	// With separate phases (V8 13's default, Node 24) no young GC may run while a full GC is marking, so
	// the young generation grows past its capacity instead: 13-18 MiB spikes every few hundred ms while
	// paging, and with a small old-generation limit marking is often in progress. Interleaving them keeps
	// the young generation at its size; this was V8 12's default (Node 22). V8 14 (Node 25, 26) dropped
	// the flag.
	{flag: '--no-separate-gc-phases', v8: {before: '14.0'}},
];

/** A V8 version such as "14.6.202.34-node.34" (or "14.6") as one number that orders releases: 14006. */
export function v8Release(version: string): number {
	const [major = 0, minor = 0] = version.split('.').map(part => Number.parseInt(part, 10));
	return major * 1000 + minor;
}

const flagName = (flag: string): string =>
	flag
		.replace(/^--(no-)?/, '')
		.replace(/=.*$/, '')
		.replaceAll('_', '-');

/**
 * The flags to set: `flags` (all of them by default) that this V8 knows, minus any the user already gave to
 * node (`node --heap-growing-percent=0 cli.js`): a user who tunes the GC knows their machine better than our
 * defaults. (NODE_OPTIONS cannot carry these V8 flags: node refuses to start.)
 */
export function memoryFlags(
	execArgv: readonly string[],
	flags: readonly MemoryFlag[] = MEMORY_FLAGS,
	v8Version: string = process.versions.v8,
): string[] {
	const release = v8Release(v8Version);
	const given = new Set(execArgv.filter(arg => arg.startsWith('--')).map(flagName));
	return flags
		.filter(
			({v8}) =>
				(v8?.since === undefined || release >= v8Release(v8.since)) &&
				(v8?.before === undefined || release < v8Release(v8.before)),
		)
		.map(({flag}) => flag)
		.filter(flag => !given.has(flagName(flag)));
}

export function applyMemoryFlags(execArgv: readonly string[] = process.execArgv): void {
	for (const flag of memoryFlags(execArgv)) v8.setFlagsFromString(flag);
}
