// p50 / p95 / max of token counts and latencies without keeping the values: exact while they take few
// distinct values (token counts and millisecond latencies of one incident mostly do), then log-spaced bins
// of 1% relative width, so memory stays bounded whatever the number of interactions.
export type Quantiles = {
	readonly count: number;
	readonly p50: number;
	readonly p95: number;
	readonly max: number;
};

const EXACT_LIMIT = 4096;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);

export class ValueSketch {
	private exact: Map<number, number> | undefined = new Map();
	private bins = new Map<number, number>();
	private zeros = 0;
	count = 0;
	max = Number.NEGATIVE_INFINITY;

	add(value: number): void {
		if (!Number.isFinite(value) || value < 0) return;
		this.count++;
		if (value > this.max) this.max = value;
		if (this.exact) {
			this.exact.set(value, (this.exact.get(value) ?? 0) + 1);
			if (this.exact.size > EXACT_LIMIT) this.toBins();
			return;
		}
		this.addBinned(value, 1);
	}

	private addBinned(value: number, times: number): void {
		if (value === 0) {
			this.zeros += times;
			return;
		}
		const bin = Math.floor(Math.log(value) / LOG_GROWTH);
		this.bins.set(bin, (this.bins.get(bin) ?? 0) + times);
	}

	private toBins(): void {
		for (const [value, times] of this.exact ?? []) this.addBinned(value, times);
		this.exact = undefined;
	}

	/** The value at rank ceil(q * count) (nearest rank), or the bin's midpoint once binned. */
	quantile(q: number): number {
		if (this.count === 0) return Number.NaN;
		const rank = Math.max(1, Math.ceil(q * this.count));
		let seen = 0;
		if (this.exact) {
			for (const value of [...this.exact.keys()].sort((a, b) => a - b)) {
				seen += this.exact.get(value)!;
				if (seen >= rank) return value;
			}
			return this.max;
		}
		seen = this.zeros;
		if (seen >= rank) return 0;
		for (const bin of [...this.bins.keys()].sort((a, b) => a - b)) {
			seen += this.bins.get(bin)!;
			if (seen >= rank) return Math.min(this.max, Math.round(GROWTH ** (bin + 0.5)));
		}
		return this.max;
	}

	summary(): Quantiles | undefined {
		if (this.count === 0) return undefined;
		return {count: this.count, p50: this.quantile(0.5), p95: this.quantile(0.95), max: this.max};
	}
}
