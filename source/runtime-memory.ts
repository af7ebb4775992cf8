// An interactive tool wants short pauses and a small footprint, not throughput: V8's defaults size the
// heap for servers, and paging through 100,000 interactions peaked at ~375 MiB RSS while the live heap
// after a full GC stayed at 25-30 MiB. The rest was GC slack. These flags trade a little GC CPU for
// that slack; measured with `npm run bench -- --only 'peak RSS'` (issue 5), they bring the peak to
// ~135 MiB at the same paging speed. They set no heap limit: a legitimately large body (the client
// accepts up to 64 MiB) still parses.
//
// Set at runtime because the shipped bin is a plain `node cli.js`: there is no launcher to put flags on
// the command line. Only flags that V8 reads on every GC decision take effect this late; a runtime
// --max-semi-space-size, for one, is ignored. This module must be the first import of the CLI so that
// they are in place before the bulk of the bundle allocates.
import v8 from 'node:v8';

export const MEMORY_FLAGS: readonly string[] = [
	// The young generation starts at 1 MiB semi-spaces and V8 doubles them under allocation pressure
	// (up to 64 MiB of new space here, all of it resident). Factor 1: they stay at the start size.
	'--semi-space-growth-factor=1',
	// Old-generation limit = live size × 1.25 after each full GC, instead of V8's dynamic factor (up to
	// 4× on a small heap, which let ~30 MiB live grow ~110 MiB of old space). 10 gave the same peak
	// within noise, 50 about 4 MiB more.
	'--heap-growing-percent=25',
	// With separate phases (V8's default) no young GC may run while a full GC is marking, so the young
	// generation grows past its capacity instead: 13-18 MiB spikes every few hundred ms while paging,
	// and with a small old-generation limit marking is often in progress. Interleaving them keeps the
	// young generation at its size; this was V8's behaviour before the flag existed.
	'--no-separate-gc-phases',
];

const flagName = (flag: string): string =>
	flag
		.replace(/^--(no-)?/, '')
		.replace(/=.*$/, '')
		.replaceAll('_', '-');

/**
 * The flags to set: MEMORY_FLAGS minus any the user already gave to node (`node --heap-growing-percent=0
 * cli.js`): a user who tunes the GC knows their machine better than our defaults. (NODE_OPTIONS cannot
 * carry these V8 flags: node refuses to start.)
 */
export function memoryFlags(execArgv: readonly string[]): string[] {
	const given = new Set(execArgv.filter(arg => arg.startsWith('--')).map(flagName));
	return MEMORY_FLAGS.filter(flag => !given.has(flagName(flag)));
}

for (const flag of memoryFlags(process.execArgv)) v8.setFlagsFromString(flag);
