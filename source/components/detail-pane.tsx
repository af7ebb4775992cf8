import {Box, Text} from 'ink';
import {memo} from 'react';
import {detailHeaderLines, HEADER_LINES} from '../domain/detail-header.ts';
import {DETAIL_TABS, detailLines, type DetailTab, type DetailTabSpec} from '../domain/detail-tabs.ts';
import {formatCount} from '../domain/format.ts';
import {truncate} from '../lib/text.ts';
import type {Interaction} from '../domain/types.ts';
import {ErrorBox, retryHint} from './error-box.tsx';
import {lineStyle, theme} from './theme.ts';

type Props = {
	readonly interaction?: Interaction;
	readonly tab: DetailTab;
	/** First visible body line. */
	readonly scroll: number;
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly nowMs: number;
	readonly systemExpanded: boolean;
	readonly error?: string;
	/** The detail search: every match is shown inverse, the current match's line marked. */
	readonly search?: string;
	readonly currentMatchLine?: number;
};

/** Lines of header shown for a pane of this height: less when the terminal is short. */
export function detailHeaderHeight(height: number): number {
	if (height >= 12) return HEADER_LINES;
	return height >= 5 ? 1 : 0;
}

/** Body lines visible in a pane of this height (header and tab bar removed): the scroll page size. */
export function detailBodyHeight(height: number): number {
	return Math.max(0, height - detailHeaderHeight(height) - (height >= 2 ? 1 : 0));
}

/** "lines 41–60 of 3,204", or the percentage when that does not fit. */
export function positionLabel(scroll: number, visible: number, total: number, short = false): string {
	if (total === 0) return 'empty';
	const from = Math.min(total, scroll + 1);
	const to = Math.min(total, scroll + visible);
	if (short) return `${Math.round((to / total) * 100)}%`;
	if (from === 1 && to === total) return `${formatCount(total)} line${total === 1 ? '' : 's'}`;
	return `lines ${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`;
}

function TabBar(props: {
	readonly interaction: Interaction;
	readonly nowMs: number;
	readonly tab: DetailTab;
	readonly focused: boolean;
	readonly width: number;
	readonly position: (short: boolean) => string;
}) {
	const alarms = DETAIL_TABS.map((t: DetailTabSpec) => t.alarm?.(props.interaction, props.nowMs));
	const label = (t: DetailTabSpec, i: number, short: boolean) =>
		`[${t.key} ${short ? t.short : t.label}${alarms[i] === undefined ? '' : ` (${alarms[i]})`}]`;
	const length = (short: boolean) => DETAIL_TABS.map((t, i) => label(t, i, short)).join(' ').length;
	// Prefer full names with the line position, then short names, then a percentage.
	let short = false;
	let position = props.position(false);
	if (length(false) + 2 + position.length > props.width) {
		short = true;
		if (length(true) + 2 + position.length > props.width) position = props.position(true);
	}
	const room = props.width - length(short) - 2;
	return (
		<Box height={1} width={props.width} overflow="hidden">
			{DETAIL_TABS.map((t, i) => {
				const active = t.id === props.tab;
				const alarming = (alarms[i] ?? 0) > 0;
				return (
					<Text
						key={t.id}
						inverse={active && props.focused}
						underline={active && !props.focused}
						bold={active || alarming}
						color={alarming ? theme.error : undefined}
						wrap="truncate"
					>
						{(i > 0 ? ' ' : '') + label(t, i, short)}
					</Text>
				);
			})}
			{room > 0 ? <Text dimColor>{'  ' + truncate(position, room)}</Text> : null}
		</Box>
	);
}

// Memoised: its props are values and stable references, and a key that only moves the list (or a burst
// of keys that changes nothing here) would otherwise rebuild every visible line of the pane.
export const DetailPane = memo(function DetailPane({
	interaction,
	tab,
	scroll,
	width,
	height,
	focused,
	nowMs,
	systemExpanded,
	error,
	search,
	currentMatchLine,
}: Props) {
	if (height <= 0 || width <= 0) return null;
	if (!interaction) {
		return (
			<Box flexDirection="column" width={width} height={height} overflow="hidden">
				{error === undefined ? (
					<Text dimColor wrap="truncate">
						{truncate('No interaction selected: pick one in the list and press Enter.', width)}
					</Text>
				) : (
					<ErrorBox message={error} hint={retryHint(error)} width={width} maxLines={Math.min(height, 4)} />
				)}
			</Box>
		);
	}
	const headerHeight = detailHeaderHeight(height);
	const bodyHeight = detailBodyHeight(height);
	const header = detailHeaderLines(interaction, nowMs).slice(0, headerHeight);
	const lines = detailLines(interaction, tab, width, {systemExpanded, nowMs});
	const first = Math.max(0, Math.min(scroll, Math.max(0, lines.length - 1)));
	const visible = lines.slice(first, first + bodyHeight);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{header.map((line, i) => (
				<Text key={i} bold={i === 0} color={i === 0 && focused ? theme.accent : undefined} wrap="truncate">
					{truncate(line, width)}
				</Text>
			))}
			{height >= 2 ? (
				<TabBar
					interaction={interaction}
					nowMs={nowMs}
					tab={tab}
					focused={focused}
					width={width}
					position={short => positionLabel(first, bodyHeight, lines.length, short)}
				/>
			) : null}
			{error !== undefined && bodyHeight > 0 ? (
				<ErrorBox message={error} hint={retryHint(error)} width={width} maxLines={Math.min(bodyHeight, 3)} />
			) : null}
			{visible.slice(0, error !== undefined ? Math.max(0, bodyHeight - 3) : bodyHeight).map((line, i) => (
				<Text key={first + i} {...lineStyle(line.style)} wrap="truncate">
					{search ? (
						<Highlighted text={line.text} query={search} current={first + i === currentMatchLine} />
					) : line.text === '' ? (
						' '
					) : (
						line.text
					)}
				</Text>
			))}
		</Box>
	);
});

/** Splits a line around the matches of the query (case-insensitive) and shows them inverse. */
function Highlighted({
	text,
	query,
	current,
}: {
	readonly text: string;
	readonly query: string;
	readonly current: boolean;
}) {
	const lower = text.toLowerCase();
	const needle = query.toLowerCase();
	if (!needle || lower.length !== text.length || !lower.includes(needle))
		return <>{text === '' ? ' ' : text}</>;
	const parts = [];
	let at = 0;
	for (let hit = lower.indexOf(needle); hit !== -1; hit = lower.indexOf(needle, hit + needle.length)) {
		if (hit > at) parts.push(<Text key={at}>{text.slice(at, hit)}</Text>);
		parts.push(
			<Text key={hit} inverse underline={current}>
				{text.slice(hit, hit + needle.length)}
			</Text>,
		);
		at = hit + needle.length;
	}

	if (at < text.length) parts.push(<Text key={at}>{text.slice(at)}</Text>);
	return <>{parts}</>;
}
