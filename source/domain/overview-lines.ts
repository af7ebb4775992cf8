// The overview as lines for a width: the screen windows and scrolls them, and a line that names a filter is
// one the cursor can stop on (Enter lists its interactions). Pure, so the screen and its tests read the same
// model; every line is exactly `width` columns or shorter, and meaning rides on glyphs and words, never on
// colour (the error part of a bar is ▓, a failed share is a number).
import {barChart, axisLine, sparkline, PART_GLYPH} from '../lib/text-chart.ts';
import {truncate} from '../lib/text.ts';
import {formatCount} from './format.ts';
import type {ClusterSummary, CountRow, OverviewSnapshot, Quantiles} from './overview.ts';
import {stepLabel} from './time-buckets.ts';

export type OverviewLineStyle = 'head' | 'text' | 'chart' | 'axis' | 'note' | 'failed';

export type OverviewLine = {
	readonly text: string;
	readonly style: OverviewLineStyle;
	/** The filter term Enter applies; lines without one are skipped by the cursor. */
	readonly filter?: string;
};

export type OverviewLayout = {
	readonly width: number;
	/** Chart rows; the screen gives it fewer on a short terminal. */
	readonly chartHeight: number;
};

/** Columns left of the chart for its scale ("1,234 ┤"). */
const SCALE = 8;
const SPARK_COLUMNS = 12;

/** What snapshot() should be asked for so the chart and sparklines fill this layout exactly. */
export const snapshotLayoutFor = (width: number) => ({
	chartColumns: Math.max(10, width - SCALE - 1),
	sparkColumns: SPARK_COLUMNS,
});

const percent = (share: number): string => {
	if (share === 0) return '0%';
	const value = share * 100;
	return value < 1 ? '<1%' : `${Math.round(value)}%`;
};

const pad = (text: string, width: number, right = false) =>
	right ? text.padStart(width, ' ') : text.padEnd(width, ' ');

function clock(ms: number, stepMs: number): string {
	const iso = new Date(ms).toISOString();
	// A bar of a day or more: the date says more than midnight.
	return stepMs >= 86_400_000 ? iso.slice(5, 10) : iso.slice(11, 16);
}

function when(ms: number): string {
	if (!Number.isFinite(ms)) return '—';
	return `${new Date(ms).toISOString().slice(5, 16).replace('T', ' ')}Z`;
}

function chartLines(snapshot: OverviewSnapshot, layout: OverviewLayout): OverviewLine[] {
	const {chart} = snapshot;
	if (chart.buckets.length === 0) return [{text: '  no interactions in this window', style: 'note'}];
	const bars = chart.buckets.map(bucket => ({value: bucket.interactions, part: bucket.errors}));
	const peak = Math.max(...bars.map(bar => bar.value));
	const rows = barChart(bars, layout.chartHeight, peak);
	const scale = (index: number) =>
		index === 0
			? pad(formatCount(peak), SCALE - 2, true)
			: index === rows.length - 1
				? pad('0', SCALE - 2, true)
				: '';
	const lines: OverviewLine[] = rows.map((row, index) => ({
		text: `${pad(scale(index), SCALE - 2)} ┤${row}`,
		style: 'chart',
	}));
	const columns = chart.buckets.length;
	const every = Math.max(6, Math.ceil(columns / Math.max(1, Math.floor(columns / 12))));
	lines.push({
		text: `${' '.repeat(SCALE)}${axisLine(columns, every, index => clock(chart.buckets[index]!.startMs, chart.stepMs))}`.trimEnd(),
		style: 'axis',
	});
	lines.push({
		text: `${' '.repeat(SCALE)}█ interactions  ${PART_GLYPH} failed · 1 bar = ${stepLabel(chart.stepMs)} · UTC`,
		style: 'note',
	});
	return lines;
}

function clusterLines(snapshot: OverviewSnapshot, width: number): OverviewLine[] {
	const lines: OverviewLine[] = [
		{text: `ERROR CLUSTERS (${formatCount(snapshot.clusters.length)})`, style: 'head'},
	];
	if (snapshot.clusters.length === 0) {
		lines.push({text: '  no failed interactions in this window', style: 'note'});
		return lines;
	}
	lines.push({
		text: `  ${pad('count', 7, true)} ${pad('share', 5, true)}  ${pad('first', 12)} ${pad('last', 12)} ${pad('trend', SPARK_COLUMNS)} error`,
		style: 'note',
	});
	for (const cluster of snapshot.clusters) lines.push(...clusterRow(cluster, width));
	if (snapshot.otherErrors > 0) {
		lines.push({text: `  …and ${formatCount(snapshot.otherErrors)} errors of further kinds`, style: 'note'});
	}
	return lines;
}

function clusterRow(cluster: ClusterSummary, width: number): OverviewLine[] {
	const spark = sparkline(cluster.spark, {zero: '·'});
	const head = `  ${pad(formatCount(cluster.count), 7, true)} ${pad(percent(cluster.share), 5, true)}  ${pad(when(cluster.firstMs), 12)} ${pad(when(cluster.lastMs), 12)} ${pad(spark, SPARK_COLUMNS)} `;
	const threads = `${cluster.threads}${cluster.threadsCapped ? '+' : ''} thread${cluster.threads === 1 ? '' : 's'}`;
	const models = cluster.models.slice(0, 3).join(', ') + (cluster.models.length > 3 ? ', …' : '');
	return [
		{
			text: truncate(`${head}${cluster.type}: ${cluster.template}`, width),
			style: 'failed',
			filter: cluster.filter,
		},
		{
			text: truncate(
				`${' '.repeat(11)}${models || '(no model)'} · ${threads} · e.g. ${cluster.sample}`,
				width,
			),
			style: 'note',
		},
	];
}

function countLines(
	title: string,
	rows: readonly CountRow[],
	width: number,
	errorRate = false,
): OverviewLine[] {
	if (rows.length === 0) return [];
	const label = Math.min(28, Math.max(8, ...rows.map(row => row.label.length)));
	const lines: OverviewLine[] = [
		{text: title, style: 'head'},
		{
			text: `  ${pad('', label)} ${pad('count', 7, true)} ${pad('share', 5, true)} ${pad('failed', 7, true)}${errorRate ? ` ${pad('rate', 5, true)}` : ''}`,
			style: 'note',
		},
	];
	for (const row of rows) {
		const rate = errorRate ? ` ${pad(percent(row.count === 0 ? 0 : row.errors / row.count), 5, true)}` : '';
		lines.push({
			text: truncate(
				`  ${pad(truncate(row.label, label), label)} ${pad(formatCount(row.count), 7, true)} ${pad(percent(row.share), 5, true)} ${pad(formatCount(row.errors), 7, true)}${rate}`,
				width,
			),
			style: row.errors > 0 ? 'failed' : 'text',
			...(row.filter === undefined ? {} : {filter: row.filter}),
		});
	}
	return lines;
}

const quantiles = (q: Quantiles | undefined) =>
	q ? `p50 ${formatCount(q.p50)} · p95 ${formatCount(q.p95)} · max ${formatCount(q.max)}` : 'not in the data';

function tokenLines(snapshot: OverviewSnapshot, width: number): OverviewLine[] {
	const lines: OverviewLine[] = [{text: 'TOKENS', style: 'head'}];
	lines.push({text: truncate(`  in   ${quantiles(snapshot.tokens.input)}`, width), style: 'text'});
	lines.push({text: truncate(`  out  ${quantiles(snapshot.tokens.output)}`, width), style: 'text'});
	lines.push({text: 'LATENCY PER MODEL (ms, content-block start to stop)', style: 'head'});
	if (!snapshot.latency) {
		lines.push({text: '  not in the data', style: 'note'});
	} else {
		for (const row of snapshot.latency) {
			lines.push({text: truncate(`  ${row.model}  ${quantiles(row)}`, width), style: 'text'});
		}
	}
	return lines;
}

/**
 * Every line of the overview, top to bottom: the totals, the chart, the clusters and the breakdowns. `status`
 * is the scan's line ("scanning · 4,200 of ~12,000 · …", or why it stopped).
 */
export function overviewLines(snapshot: OverviewSnapshot, layout: OverviewLayout): OverviewLine[] {
	const {width} = layout;
	const span =
		snapshot.firstMs === undefined || snapshot.lastMs === undefined
			? ''
			: ` · ${when(snapshot.firstMs)} – ${when(snapshot.lastMs)}`;
	const blank: OverviewLine = {text: '', style: 'text'};
	const lines: OverviewLine[] = [
		{
			text: truncate(
				`${formatCount(snapshot.interactions)} interactions · ${formatCount(snapshot.errors)} failed (${percent(snapshot.errorShare)})${span}`,
				width,
			),
			style: snapshot.errors > 0 ? 'failed' : 'text',
		},
		...chartLines(snapshot, layout),
		blank,
		...clusterLines(snapshot, width),
		blank,
		...countLines('BY MODEL', snapshot.byModel, width, true),
		...countLines('BY STATE', snapshot.byState, width),
		...countLines('BY STOP REASON', snapshot.byStopReason, width),
		...countLines('BY TRIAGE FLAG', snapshot.byFlag, width),
		...countLines('TOP USERS', snapshot.topUsers, width),
		...tokenLines(snapshot, width),
	];
	return lines.map(line => ({...line, text: truncate(line.text, width)}));
}
