// The overview's numbers, built page by page while a scan runs: add a page of interactions, take a snapshot
// at any time (the screen redraws from one while the scan goes on; `report` prints the last). No row is kept:
// counts, capped key sets and value sketches only, so memory stays bounded however many rows are read.
import {interactionFingerprints, isFailed} from './fingerprint.ts';
import {ValueSketch} from './quantiles.ts';
import {BucketSeries, fitStep, LADDER, MAX_RAW} from './time-buckets.ts';
import {triageFlags} from './triage.ts';
import type {Interaction} from './types.ts';
import {countRows, modelRows} from './overview-rows.ts';

import type {
	ClusterSummary,
	OverviewOptions,
	OverviewSnapshot,
	SnapshotLayout,
	TimeSeries,
} from './overview-types.ts';

export type * from './overview-types.ts';

type ClusterState = {
	readonly id: string;
	readonly type: string;
	readonly template: string;
	count: number;
	firstMs: number;
	lastMs: number;
	readonly spark: BucketSeries;
	readonly models: Map<string, number>;
	readonly threads: Map<string, string>;
	threadsCapped: boolean;
	readonly sample: string;
};

type Tally = {count: number; errors: number; label?: string};

const OTHER = 'other';
const NO_MODEL = '(no model)';

export class OverviewAccumulator {
	private interactions = 0;
	private errors = 0;
	private firstMs = Number.POSITIVE_INFINITY;
	private lastMs = Number.NEGATIVE_INFINITY;
	private step = 0;
	private readonly series = new BucketSeries(2);
	private readonly clusters = new Map<string, ClusterState>();
	private otherErrors = 0;
	private readonly states = new Map<string, Tally>();
	private readonly models = new Map<string, Tally>();
	private readonly latency = new Map<string, ValueSketch>();
	private readonly stops = new Map<string, Tally>();
	private readonly flags = new Map<string, Tally>();
	private readonly users = new Map<string, Tally>();
	private readonly tokensIn = new ValueSketch();
	private readonly tokensOut = new ValueSketch();
	private readonly maxClusters: number;
	private readonly maxKeys: number;

	constructor(private readonly options: OverviewOptions) {
		this.maxClusters = options.maxClusters ?? 500;
		this.maxKeys = options.maxKeys ?? 200;
	}

	get count(): number {
		return this.interactions;
	}

	add(rows: readonly Interaction[]): void {
		for (const row of rows) this.addOne(row);
	}

	private tally(map: Map<string, Tally>, key: string, failed: boolean, label?: string): void {
		let entry = map.get(key);
		if (!entry) {
			if (map.size >= this.maxKeys && key !== OTHER) return this.tally(map, OTHER, failed, 'others');
			map.set(key, (entry = {count: 0, errors: 0, ...(label === undefined ? {} : {label})}));
		}
		entry.count++;
		if (failed) entry.errors++;
	}

	private addOne(row: Interaction): void {
		const failed = isFailed(row);
		const ms = row.createdAtMs;
		this.interactions++;
		if (failed) this.errors++;
		const output = row.output;
		const model = output?.model || NO_MODEL;
		this.tally(this.states, row.state || '(none)', failed);
		this.tally(this.models, model, failed);
		this.tally(this.stops, output?.stopReason || '(none)', failed);
		for (const flag of triageFlags(row, this.options.nowMs)) this.tally(this.flags, flag, failed);
		const user = row.createdBy;
		if (user) this.tally(this.users, user.email || user.id, failed, user.name);
		if (output?.usage?.inputTokens !== undefined) this.tokensIn.add(output.usage.inputTokens);
		if (output?.usage?.outputTokens !== undefined) this.tokensOut.add(output.usage.outputTokens);
		if (output?.timing) {
			let sketch = this.latency.get(model);
			if (!sketch && this.latency.size < this.maxKeys) this.latency.set(model, (sketch = new ValueSketch()));
			sketch?.add(output.timing.stopMs - output.timing.startMs);
		}
		if (!Number.isFinite(ms)) {
			if (failed) for (const print of interactionFingerprints(row)) this.cluster(print, row, undefined);
			return;
		}
		this.firstMs = Math.min(this.firstMs, ms);
		this.lastMs = Math.max(this.lastMs, ms);
		const bucket = this.bucketOf(ms);
		this.series.add(bucket, 0);
		if (failed) {
			this.series.add(bucket, 1);
			for (const print of interactionFingerprints(row)) this.cluster(print, row, bucket);
		}
	}

	private bucketOf(ms: number): number {
		let bucket = Math.floor(ms / LADDER[this.step]!);
		// Coarsen before the raw buckets outgrow their bound; every cluster's sparkline follows.
		while (
			this.series.counts.size >= MAX_RAW &&
			!this.series.counts.has(bucket) &&
			this.step < LADDER.length - 1
		) {
			const factor = LADDER[this.step + 1]! / LADDER[this.step]!;
			this.step++;
			this.series.coarsen(factor);
			for (const cluster of this.clusters.values()) cluster.spark.coarsen(factor);
			bucket = Math.floor(ms / LADDER[this.step]!);
		}
		return bucket;
	}

	private cluster(
		print: {id: string; type: string; template: string},
		row: Interaction,
		bucket: number | undefined,
	): void {
		let state = this.clusters.get(print.id);
		if (!state) {
			if (this.clusters.size >= this.maxClusters) {
				this.otherErrors++;
				return;
			}
			const sample = row.output?.errors.find(error => error.message !== '')?.message ?? print.template;
			state = {
				...print,
				count: 0,
				firstMs: Number.POSITIVE_INFINITY,
				lastMs: Number.NEGATIVE_INFINITY,
				spark: new BucketSeries(1),
				models: new Map(),
				threads: new Map(),
				threadsCapped: false,
				sample,
			};
			this.clusters.set(print.id, state);
		}
		state.count++;
		if (Number.isFinite(row.createdAtMs)) {
			state.firstMs = Math.min(state.firstMs, row.createdAtMs);
			state.lastMs = Math.max(state.lastMs, row.createdAtMs);
		}
		if (bucket !== undefined) state.spark.add(bucket, 0);
		const model = row.output?.model || NO_MODEL;
		if (state.models.has(model) || state.models.size < this.maxKeys)
			state.models.set(model, (state.models.get(model) ?? 0) + 1);
		const thread = row.threadId;
		if (thread !== undefined && !state.threads.has(thread)) {
			if (state.threads.size < this.maxKeys) state.threads.set(thread, row.threadName ?? '');
			else state.threadsCapped = true;
		}
	}

	/** The chart's span: the window's edges where it has them, else the data's. */
	private span(): {startMs: number; endMs: number} | undefined {
		const window = this.options.window;
		const startMs =
			window?.sinceMs ?? (this.interactions > 0 && Number.isFinite(this.firstMs) ? this.firstMs : undefined);
		const endMs =
			window?.untilMs ??
			(window?.sinceMs !== undefined
				? Math.max(this.options.nowMs, this.lastMs + 1)
				: Number.isFinite(this.lastMs)
					? this.lastMs + 1
					: undefined);
		return startMs === undefined || endMs === undefined || endMs <= startMs ? undefined : {startMs, endMs};
	}

	snapshot(layout: SnapshotLayout = {}): OverviewSnapshot {
		const rawStep = LADDER[this.step]!;
		const span = this.span();
		const chartStep = span ? fitStep(span.startMs, span.endMs, layout.chartColumns ?? 60, rawStep) : rawStep;
		const sparkStep = span ? fitStep(span.startMs, span.endMs, layout.sparkColumns ?? 12, rawStep) : rawStep;
		const chart: TimeSeries = span
			? {
					stepMs: chartStep,
					startMs: Math.floor(span.startMs / chartStep) * chartStep,
					endMs: span.endMs,
					buckets: this.series
						.regroup(rawStep, chartStep, span.startMs, span.endMs)
						.map(([interactions = 0, errors = 0], index) => ({
							startMs: (Math.floor(span.startMs / chartStep) + index) * chartStep,
							interactions,
							errors,
						})),
				}
			: {stepMs: chartStep, startMs: 0, endMs: 0, buckets: []};
		const clusters = [...this.clusters.values()]
			.map((state): ClusterSummary => ({
				id: state.id,
				filter: `cluster:${state.id}`,
				type: state.type,
				template: state.template,
				count: state.count,
				share: this.errors === 0 ? 0 : state.count / this.errors,
				firstMs: state.firstMs,
				lastMs: state.lastMs,
				spark: span
					? state.spark.regroup(rawStep, sparkStep, span.startMs, span.endMs).map(([n = 0]) => n)
					: [],
				models: [...state.models].sort((a, b) => b[1] - a[1]).map(([model]) => model),
				threads: state.threads.size,
				threadsCapped: state.threadsCapped,
				threadNames: [...state.threads.values()].filter(name => name !== ''),
				sample: state.sample,
			}))
			.sort((a, b) => b.count - a.count || a.firstMs - b.firstMs || (a.id < b.id ? -1 : 1));
		const top = layout.topN ?? 10;
		const latency = [...this.latency]
			.map(([model, sketch]) => ({model, ...sketch.summary()!}))
			.sort((a, b) => b.count - a.count);
		return {
			interactions: this.interactions,
			errors: this.errors,
			errorShare: this.interactions === 0 ? 0 : this.errors / this.interactions,
			...(Number.isFinite(this.firstMs) ? {firstMs: this.firstMs, lastMs: this.lastMs} : {}),
			chart,
			clusters,
			otherErrors: this.otherErrors,
			sparkStepMs: sparkStep,
			byState: countRows(this.states, this.interactions, 'state'),
			byModel: modelRows(this.models, this.interactions),
			byStopReason: countRows(this.stops, this.interactions, 'stop'),
			byFlag: countRows(this.flags, this.interactions, 'flag'),
			topUsers: countRows(this.users, this.interactions, 'user').slice(0, top),
			tokens: {input: this.tokensIn.summary(), output: this.tokensOut.summary()},
			...(latency.length > 0 ? {latency} : {}),
		};
	}
}
