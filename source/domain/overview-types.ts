// The overview's snapshot: plain data a screen or `report` draws from (domain/overview.ts builds it).
import type {CountRow, ModelRow} from './overview-rows.ts';
import type {Quantiles} from './quantiles.ts';
import type {ResolvedWindow} from './time-window.ts';

export type {CountRow, ModelRow} from './overview-rows.ts';
export type {Quantiles} from './quantiles.ts';

export type OverviewOptions = {
	/** Resolves the "stuck" flag and, for a window without `until`, the chart's right edge. */
	readonly nowMs: number;
	/** The scan's window: the chart spans it when it has edges. */
	readonly window?: ResolvedWindow;
	/** Distinct clusters kept (default 500); errors beyond go to one "other errors" cluster. */
	readonly maxClusters?: number;
	/** Distinct users / models / threads per cluster kept before the rest count as "others". */
	readonly maxKeys?: number;
};

export type TimeBucket = {readonly startMs: number; readonly interactions: number; readonly errors: number};

export type TimeSeries = {
	readonly stepMs: number;
	readonly startMs: number;
	readonly endMs: number;
	readonly buckets: readonly TimeBucket[];
};

export type ClusterSummary = {
	/** 8 hex digits; `filter` is the term that lists its interactions. */
	readonly id: string;
	readonly filter: string;
	readonly type: string;
	readonly template: string;
	/** Interactions in the cluster. */
	readonly count: number;
	/** count / failed interactions (an interaction with two kinds of error counts in both). */
	readonly share: number;
	readonly firstMs: number;
	readonly lastMs: number;
	/** Per bucket of the snapshot's `spark` layout, oldest first. */
	readonly spark: readonly number[];
	/** Most affected first, at most maxKeys. */
	readonly models: readonly string[];
	readonly threads: number;
	/** The cap was hit: `threads` is a lower bound. */
	readonly threadsCapped: boolean;
	readonly threadNames: readonly string[];
	/** The first message seen, verbatim (already sanitised and masked at parse). */
	readonly sample: string;
};

export type LatencyRow = Quantiles & {readonly model: string};

export type OverviewSnapshot = {
	readonly interactions: number;
	/** Failed interactions: Error state, stop reason "error", or output errors. */
	readonly errors: number;
	readonly errorShare: number;
	readonly firstMs?: number;
	readonly lastMs?: number;
	readonly chart: TimeSeries;
	/** Sorted by count, largest first. */
	readonly clusters: readonly ClusterSummary[];
	/** Errors beyond maxClusters distinct fingerprints, counted in the "other" cluster. */
	readonly otherErrors: number;
	readonly sparkStepMs: number;
	readonly byState: readonly CountRow[];
	readonly byModel: readonly ModelRow[];
	readonly byStopReason: readonly CountRow[];
	readonly byFlag: readonly CountRow[];
	readonly topUsers: readonly CountRow[];
	readonly tokens: {readonly input?: Quantiles; readonly output?: Quantiles};
	/** Per model, from content-block start/stop timestamps; undefined: "not in the data". */
	readonly latency?: readonly LatencyRow[];
};

export type SnapshotLayout = {
	readonly chartColumns?: number;
	readonly sparkColumns?: number;
	readonly topN?: number;
};
