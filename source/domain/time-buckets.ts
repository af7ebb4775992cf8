// Counts over time at a bounded resolution. Rows are counted into raw buckets of the finest step of LADDER
// that keeps at most MAX_RAW of them; a display then regroups them into the step that fits its width. Every
// step is a whole multiple of the ones before it and all are aligned to the epoch (UTC), so a raw bucket
// always falls inside exactly one display bucket and regrouping never splits a count.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const LADDER: readonly number[] = [
	MINUTE,
	5 * MINUTE,
	15 * MINUTE,
	30 * MINUTE,
	HOUR,
	3 * HOUR,
	6 * HOUR,
	12 * HOUR,
	DAY,
	7 * DAY,
];

export const MAX_RAW = 2048;

/** Names for the steps, for the chart's caption: "1 bar = 15m". */
export function stepLabel(stepMs: number): string {
	if (stepMs % DAY === 0) return `${stepMs / DAY}d`;
	if (stepMs % HOUR === 0) return `${stepMs / HOUR}h`;
	return `${stepMs / MINUTE}m`;
}

/** The finest ladder step, no finer than `minStepMs`, that shows [startMs, endMs) in at most `columns` buckets. */
export function fitStep(startMs: number, endMs: number, columns: number, minStepMs: number): number {
	const width = Math.max(1, columns);
	for (const step of LADDER) {
		if (step < minStepMs) continue;
		const buckets = Math.floor((endMs - 1) / step) - Math.floor(startMs / step) + 1;
		if (buckets <= width) return step;
	}
	return LADDER.at(-1)!;
}

/** Several counters per raw bucket (e.g. interactions and errors), sharing one step with its siblings. */
export class BucketSeries {
	readonly counts = new Map<number, number[]>();

	constructor(private readonly width: number) {}

	add(bucket: number, slot: number, amount = 1): void {
		let entry = this.counts.get(bucket);
		if (!entry) this.counts.set(bucket, (entry = new Array<number>(this.width).fill(0)));
		entry[slot]! += amount;
	}

	/** Regroups into a step `factor` times coarser. */
	coarsen(factor: number): void {
		const old = [...this.counts];
		this.counts.clear();
		for (const [bucket, values] of old)
			values.forEach((value, slot) => value && this.add(Math.floor(bucket / factor), slot, value));
	}

	/** Per display bucket from `startMs` (aligned down) to `endMs`, each slot summed. */
	regroup(rawStepMs: number, stepMs: number, startMs: number, endMs: number): number[][] {
		const first = Math.floor(startMs / stepMs);
		const count = Math.max(0, Math.floor((endMs - 1) / stepMs) - first + 1);
		const out = Array.from({length: count}, () => new Array<number>(this.width).fill(0));
		const factor = stepMs / rawStepMs;
		for (const [bucket, values] of this.counts) {
			const index = Math.floor(bucket / factor) - first;
			if (index < 0 || index >= count) continue;
			values.forEach((value, slot) => (out[index]![slot]! += value));
		}
		return out;
	}
}
