export type Stats = {
	readonly n: number;
	readonly median: number;
	readonly p95: number;
	readonly max: number;
	readonly samples: readonly number[];
};

/** Nearest-rank percentile: with few samples p95 is the maximum, which is the honest reading. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Stats {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median =
		sorted.length === 0
			? Number.NaN
			: sorted.length % 2 === 1
				? sorted[middle]!
				: (sorted[middle - 1]! + sorted[middle]!) / 2;
	return {n: sorted.length, median, p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN, samples};
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export const describeStats = (stats: Stats): string =>
	stats.n === 1
		? `${ms(stats.median)} (1 run)`
		: `median ${ms(stats.median)}, p95 ${ms(stats.p95)} (n=${stats.n})`;
