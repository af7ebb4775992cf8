// The overview as plain text (`zylon-tui report`): what pastes well into an incident channel or document. Every
// string in a snapshot was sanitised and masked at parse, so nothing here can carry an escape or a secret.
import {axisLine, barChart, PART_GLYPH, sparkline} from '../lib/text-chart.ts';
import {truncate} from '../lib/text.ts';
import {formatCount} from './format.ts';
import type {ClusterSummary, CountRow, OverviewSnapshot, Quantiles} from './overview.ts';
import {stepLabel} from './time-buckets.ts';

export type ReportMeta = {
	/** "Checkout Assistant · all threads" */
	readonly scope: string;
	/** "last 24h" */
	readonly window: string;
	/** Why the numbers may be short: "stopped after 4,200 rows …"; absent when every page was read. */
	readonly partial?: string;
	readonly generatedAtMs: number;
};

const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1)}%`;
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
const clock = (ms: number, stepMs: number) =>
	stepMs >= 86_400_000
		? new Date(ms).toISOString().slice(5, 10)
		: `${new Date(ms).toISOString().slice(11, 16)}Z`;
const pad = (text: string, width: number) => text.padEnd(width);
const right = (text: string, width: number) => text.padStart(width);

export type ChartText = {
	readonly title: string;
	/** `height` lines of bars, top first, one column per bucket. */
	readonly bars: readonly string[];
	/** UTC times under the bars. */
	readonly axis: string;
	/** The failures per bucket on their own scale, so a handful among thousands still shows. */
	readonly failed: string;
	readonly summary: string;
};

/** The time chart of a snapshot (taken with chartColumns = the width available), for report and the screen. */
export function chartText(snapshot: OverviewSnapshot, height = 6): ChartText | undefined {
	const {buckets, stepMs} = snapshot.chart;
	if (buckets.length === 0) return undefined;
	const top = Math.max(...buckets.map(bucket => bucket.interactions));
	const labelWidth = clock(0, stepMs).length;
	const worst = buckets.reduce((a, b) => (b.errors > a.errors ? b : a));
	return {
		title: `Interactions per ${stepLabel(stepMs)} (UTC; ${PART_GLYPH} = failed), highest bar ${formatCount(top)}`,
		bars: barChart(
			buckets.map(bucket => ({value: bucket.interactions, part: bucket.errors})),
			height,
		),
		axis: axisLine(buckets.length, labelWidth + 3, index => clock(buckets[index]!.startMs, stepMs)),
		failed: `${sparkline(
			buckets.map(bucket => bucket.errors),
			{zero: '·'},
		)}  failed, highest ${formatCount(worst.errors)}`,
		summary:
			worst.errors > 0
				? `most failures: ${formatCount(worst.errors)} of ${formatCount(worst.interactions)} at ${utc(worst.startMs)}`
				: 'no failures',
	};
}

function chart(snapshot: OverviewSnapshot): string[] {
	const text = chartText(snapshot);
	if (!text) return ['  (no interactions in the window)'];
	return [
		text.title,
		...[...text.bars, text.axis.trimEnd(), text.failed, text.summary].map(line => `  ${line}`),
	];
}

function clusterLines(cluster: ClusterSummary, rank: number, width: number, dated: boolean): string[] {
	const when = (ms: number) => (dated ? `${new Date(ms).toISOString().slice(5, 10)} ` : '') + clock(ms, 0);
	const spark = sparkline(cluster.spark, {zero: '·'});
	const head = [
		right(String(rank), 3),
		right(formatCount(cluster.count), 7),
		right(percent(cluster.share), 7),
		` ${when(cluster.firstMs)}–${when(cluster.lastMs)}`,
		` ${spark}`,
		` ${cluster.filter}`,
	].join('');
	const threads =
		cluster.threadNames.length > 0
			? ` (${cluster.threadNames.slice(0, 3).join(', ')}${cluster.threadNames.length > 3 ? ', …' : ''})`
			: '';
	return [
		head,
		`      ${cluster.type}: ${cluster.template}`,
		`      ${truncate(`models: ${cluster.models.join(', ') || '-'} · threads: ${cluster.threads}${cluster.threadsCapped ? '+' : ''}${threads}`, width - 6)}`,
		`      ${truncate(`e.g. ${cluster.sample}`, Math.max(width - 6, 160))}`,
	];
}

function table<Row extends CountRow>(
	title: string,
	rows: readonly Row[],
	extra?: (row: Row) => string,
	extraHead = '',
): string[] {
	if (rows.length === 0) return [];
	const labelWidth = Math.min(32, Math.max(12, ...rows.map(row => row.label.length)));
	return [
		`${pad(title, labelWidth + 2)}${right('count', 8)}${right('share', 8)}${extraHead}`,
		...rows.map(
			row =>
				`  ${pad(truncate(row.label, labelWidth), labelWidth)}${right(formatCount(row.count), 8)}${right(percent(row.share), 8)}${extra ? extra(row) : ''}${row.filter ? `  ${row.filter}` : ''}`,
		),
	];
}

const quantileCells = (q: Quantiles | undefined, unit = '') =>
	q
		? `${right(formatCount(q.p50) + unit, 11)}${right(formatCount(q.p95) + unit, 11)}${right(formatCount(q.max) + unit, 11)}`
		: '   (none)';

/** The report, at most `width` columns (80 by default) except the filter terms at line ends. */
export function renderReport(snapshot: OverviewSnapshot, meta: ReportMeta, width = 80): string {
	const lines: string[] = [];
	lines.push(`${meta.scope} · ${meta.window}`);
	const span = snapshot.firstMs === undefined ? '' : ` · ${utc(snapshot.firstMs)} → ${utc(snapshot.lastMs!)}`;
	lines.push(
		`${formatCount(snapshot.interactions)} interactions · ${formatCount(snapshot.errors)} failed (${percent(snapshot.errorShare)})${span}`,
	);
	if (meta.partial) lines.push(`PARTIAL: ${meta.partial}`);
	lines.push('', ...chart(snapshot), '');

	lines.push(`Error clusters (${formatCount(snapshot.clusters.length)}, by count)`);
	if (snapshot.clusters.length === 0) lines.push('  none');
	else lines.push(`  #  count  share  first–last     trend (per ${stepLabel(snapshot.sparkStepMs)})`);
	const dated = snapshot.firstMs !== undefined && snapshot.lastMs! - snapshot.firstMs > 20 * 3_600_000;
	snapshot.clusters
		.slice(0, 10)
		.forEach((cluster, index) => lines.push(...clusterLines(cluster, index + 1, width, dated)));
	if (snapshot.clusters.length > 10)
		lines.push(`  … ${snapshot.clusters.length - 10} more clusters (report --json lists all)`);
	if (snapshot.otherErrors > 0)
		lines.push(`  … ${formatCount(snapshot.otherErrors)} errors in clusters past the limit`);
	lines.push('');

	lines.push(...table('By state', snapshot.byState), '');
	lines.push(
		...table('By model', snapshot.byModel, row => right(percent(row.errorRate), 12), right('error rate', 12)),
		'',
	);
	lines.push(...table('By stop reason', snapshot.byStopReason), '');
	if (snapshot.byFlag.length > 0) lines.push(...table('By triage flag', snapshot.byFlag), '');
	if (snapshot.topUsers.length > 0) lines.push(...table('Top users', snapshot.topUsers), '');

	lines.push(`${pad('Tokens', 14)}${right('p50', 11)}${right('p95', 11)}${right('max', 11)}`);
	lines.push(`  ${pad('in', 12)}${quantileCells(snapshot.tokens.input)}`);
	lines.push(`  ${pad('out', 12)}${quantileCells(snapshot.tokens.output)}`, '');
	if (snapshot.latency) {
		lines.push(
			`${pad('Latency (block start → stop)', 32)}${right('p50', 9)}${right('p95', 9)}${right('max', 9)}`,
		);
		for (const row of snapshot.latency)
			lines.push(`  ${pad(truncate(row.model, 30), 30)}${quantileCells(row, ' ms')}`);
	} else {
		lines.push('Latency: not in the data (no content-block start/stop timestamps)');
	}
	lines.push('', `Generated ${utc(meta.generatedAtMs)} by zylon-tui report`);
	return `${lines.join('\n')}\n`;
}

/** The same numbers as the text, as one JSON-ready object. */
export function reportJson(snapshot: OverviewSnapshot, meta: ReportMeta): Record<string, unknown> {
	return {
		scope: meta.scope,
		window: meta.window,
		partial: meta.partial ?? null,
		generatedAt: new Date(meta.generatedAtMs).toISOString(),
		...snapshot,
	};
}
