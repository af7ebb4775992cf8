// The interaction list and the detail pane, side by side from 100 columns, stacked below that.
import {Box} from 'ink';
import {useMemo, useState} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {detailBodyHeight} from '../components/detail-pane.tsx';
import {diffViewLineCount} from '../domain/diff-lines.ts';
import {Footer} from '../components/footer.tsx';
import {listVisibleRows} from '../components/interaction-list.tsx';
import {detailTab, detailLines as wrappedDetailLines} from '../domain/detail-tabs.ts';
import type {Interaction, InteractionScope, Page, PageOrder} from '../domain/types.ts';
import type {EvidenceKind} from '../domain/evidence.ts';
import {useEvidence} from '../hooks/use-evidence.ts';
import {useExplorerKeys} from '../hooks/use-explorer-keys.ts';
import {followStatusText, useFollow} from '../hooks/use-follow.ts';
import {useLiveInteraction} from '../hooks/use-live-interaction.ts';
import {useInteractionPages} from '../hooks/use-interaction-pages.ts';
import {useListFilter} from '../hooks/use-list-filter.ts';
import {useListScan} from '../hooks/use-list-scan.ts';
import {ALL_TIME, windowLabel, type TimeWindow} from '../domain/time-window.ts';
import {useNow} from '../hooks/use-now.ts';
import {useSyncReducer} from '../hooks/use-sync-reducer.ts';
import {footerBindings, type Command} from '../keymap.ts';
import {matchingLines} from '../lib/wrap.ts';
import {explorerReducer, initialExplorer, selected, shownTab, type Viewport} from '../state/explorer.ts';
import {explorerLayout, footerMessage, type Layout} from './explorer-layout.ts';
import {ExplorerPanes} from './explorer-panes.tsx';
import {useDeepSeek, useDeepSelect} from '../hooks/use-deep-select.ts';
import {useOverviewMode} from '../hooks/use-overview-mode.ts';
import {OverviewPanel} from './overview-panel.tsx';

type Props = {
	readonly client: ZylonClient;
	readonly scope: InteractionScope;
	readonly order: PageOrder;
	readonly pageSize: number;
	readonly followMs?: number;
	readonly width: number;
	readonly height: number;
	readonly active: boolean;
	/** A deep-linked interaction to select once its page is on screen. */
	readonly selectId?: string;
	/** That interaction itself, already fetched: its detail shows until the list has found its row. */
	readonly pinned?: Interaction;
	/** The first page, already in hand at start-up. */
	readonly firstPage?: Page<Interaction>;
	readonly message?: string;
	/** The time window the overview (and the scans) cover; `w` asks the parent for the next one. */
	readonly timeWindow?: TimeWindow;
	/** Open on the overview (`--overview`). */
	readonly overview?: boolean;
	readonly onWindow?: () => void;
	readonly onBack: () => void;
	readonly onCommand: (command: Command) => void;
	readonly onQuit: () => void;
};

/** What the reducer needs of the screen: the list rows and detail lines that fit, and the detail's length. */
function viewport(layout: Layout, inputLines: number, hasError: boolean, detailLines: number): Viewport {
	return {
		listHeight: Math.max(1, listVisibleRows(layout.list.height - inputLines, hasError)),
		detailHeight: Math.max(1, detailBodyHeight(layout.detail.height)),
		detailLines,
	};
}

export function ExplorerScreen(props: Props) {
	const {client, order, pageSize, width, height} = props;
	// The parent builds a new scope object on every render: the list's requests restart only for another scope.
	const {projectId, threadId} = props.scope;
	const scope = useMemo(() => ({projectId, threadId}), [projectId, threadId]);
	const timeWindow = props.timeWindow ?? ALL_TIME;
	const [state, dispatch, getState] = useSyncReducer(explorerReducer, () => {
		const start = initialExplorer(8, pageSize);
		if (!props.firstPage) return start;
		const view = viewport(explorerLayout(width, height), 0, false, 0);
		return explorerReducer(start, {type: 'loaded', page: 0, data: props.firstPage, view});
	});
	// The copy menu draws where the detail goes: with the list alone on screen it takes the list's place.
	const layout = explorerLayout(
		width,
		height,
		state.overlay?.kind === 'copy' && state.screenMode === 'list' ? 'detail' : state.screenMode,
	);
	const [notice, setNotice] = useState<string>();
	const nowMs = useNow(state.following ? 1000 : 30_000);
	const seek = useDeepSeek(props.selectId);
	const live = useLiveInteraction(client, seek.seeking && props.pinned ? props.pinned : selected(state));
	const interaction = live.interaction;
	const tab = shownTab(state);
	const options = {systemExpanded: state.systemExpanded, nowMs};
	const lines = useMemo(
		() =>
			interaction && layout.detail.width > 0
				? wrappedDetailLines(interaction, tab, layout.detail.width, options)
				: [],
		// nowMs only changes age labels; re-wrapping on every clock tick would waste the cache.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[interaction, tab, layout.detail.width, state.systemExpanded],
	);
	const inputLines = state.input?.kind === 'filter' ? 2 : 0;
	const listError = state.error?.message ?? state.filter?.error;
	const view = viewport(layout, inputLines, listError !== undefined, lines.length);
	useInteractionPages({client, scope, order, pageSize, state, dispatch, view});
	useDeepSelect(props.selectId, seek, state, dispatch, view, setNotice);
	const follow = useFollow({
		client,
		scope,
		enabled: state.following && order === 'DESC',
		newestId: state.cache.pages.get(0)?.items[0]?.id,
		intervalMs: props.followMs,
		onNew: items => dispatch({type: 'prepend', items, view}),
	});
	const evidence = useEvidence();
	const runEvidence = (kind: EvidenceKind, how: 'copy' | 'page') => {
		if (!interaction) {
			setNotice('nothing selected');
			return;
		}

		const context = {
			connectionLabel: client.connection.label,
			profile: client.connection.profile,
			projectId: scope.projectId,
			threadId: interaction.threadId ?? scope.threadId,
		};
		void evidence[how](kind, interaction, context).then(setNotice);
	};
	const marks = state.marks;
	const diffMax = () =>
		marks.length === 2 ? Math.max(0, diffViewLineCount(marks[0]!, marks[1]!, width) - (height - 1)) : 0;

	const listFilter = useListFilter(scope, dispatch, timeWindow, () => getState().filter);
	useListScan({client, scope, order, pageSize, window: timeWindow, filter: state.filter, dispatch});
	const overview = useOverviewMode({client, scope, timeWindow, startOpen: props.overview, listFilter});
	const applyFilter = overview.applyFilter;

	useExplorerKeys({
		active: props.active && !overview.isOpen,
		getState,
		dispatch,
		view,
		applyFilter,
		matchLines: query => matchingLines(lines, query),
		onCommand: command => {
			if (command === 'overview') overview.open();
			else if (command === 'window') props.onWindow?.();
			else props.onCommand(command);
		},
		onBack: props.onBack,
		onQuit: props.onQuit,
		evidence: runEvidence,
		pagerKind: () => {
			const current = getState();
			if (current.focus === 'list') return 'json';
			return detailTab(shownTab(current)).pager;
		},
		diffMax,
		say: setNotice,
	});

	// A search scans every wrapped line of the detail (fields up to 200,000 characters); keys that only
	// step between matches or move in the list leave lines and query alone and need not rescan.
	const searchQuery = state.search?.query;
	const searchLines = useMemo(
		() => (searchQuery === undefined ? [] : matchingLines(lines, searchQuery)),
		[lines, searchQuery],
	);
	const liveText = live.mode === 'idle' ? undefined : live.mode === 'streaming' ? 'streaming…' : 'polling…';
	const followText = state.following
		? order === 'DESC'
			? `following · ${state.arrived} new · ${followStatusText(follow, nowMs)}`
			: 'follow needs newest-first order (run without --oldest-first)'
		: undefined;
	if (overview.isOpen) {
		return (
			<OverviewPanel
				scan={overview.scan}
				width={width}
				height={height}
				active={props.active}
				windowLabel={windowLabel(overview.timeWindow)}
				message={notice ?? props.message}
				onPick={overview.pick}
				onClose={overview.close}
				onWindow={() => props.onWindow?.()}
				onHelp={() => props.onCommand('help')}
				onQuit={props.onQuit}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<ExplorerPanes
				state={state}
				layout={layout}
				view={view}
				pageSize={pageSize}
				width={width}
				height={height}
				interaction={interaction}
				tab={tab}
				nowMs={nowMs}
				searchLines={searchLines}
			/>
			<Footer
				bindings={footerBindings(state.focus === 'list' ? ['interactions'] : ['interactions', 'detail'])}
				width={width}
				message={
					(footerMessage(state, searchLines.length) ??
						[followText, liveText, notice].filter(Boolean).join(' · ')) ||
					props.message
				}
			/>
		</Box>
	);
}
