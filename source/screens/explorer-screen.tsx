// The interaction list and the detail pane, side by side from 100 columns, stacked below that.
import {Box, Text} from 'ink';
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {CopyMenu, COPY_MENU_HEIGHT, COPY_MENU_HINT} from '../components/copy-menu.tsx';
import {DetailPane, detailBodyHeight} from '../components/detail-pane.tsx';
import {DiffView, diffViewLineCount} from '../components/diff-view.tsx';
import {Footer} from '../components/footer.tsx';
import {InteractionList, listVisibleRows} from '../components/interaction-list.tsx';
import {detailLines as wrappedDetailLines} from '../domain/detail-tabs.ts';
import {describeFilter, errorCaret, FILTER_SYNTAX, parseFilter} from '../domain/filter.ts';
import {matches} from '../domain/filter-match.ts';
import {truncate} from '../domain/format.ts';
import {needsAttention} from '../domain/row.ts';
import type {InteractionScope, PageOrder} from '../domain/types.ts';
import type {EvidenceKind} from '../domain/evidence.ts';
import {useEvidence} from '../hooks/use-evidence.ts';
import {useExplorerKeys} from '../hooks/use-explorer-keys.ts';
import {followStatusText, useFollow} from '../hooks/use-follow.ts';
import {useLiveInteraction} from '../hooks/use-live-interaction.ts';
import {useInteractionPages} from '../hooks/use-interaction-pages.ts';
import {useNow} from '../hooks/use-now.ts';
import {useSyncReducer} from '../hooks/use-sync-reducer.ts';
import {footerBindings, type Command} from '../keymap.ts';
import {search} from '../lib/wrap.ts';
import {rememberFilter, rememberedFilter} from '../lib/remembered-filters.ts';
import {
	currentRows,
	explorerReducer,
	initialExplorer,
	selected,
	shownTab,
	type ExplorerState,
	type Viewport,
} from '../state/explorer.ts';
import {explorerLayout, filterStatus, pageStatus} from './explorer-layout.ts';

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
	readonly message?: string;
	readonly onBack: () => void;
	readonly onCommand: (command: Command) => void;
	readonly onQuit: () => void;
};

/** Pages walked forward looking for a deep-linked interaction before giving up. */
const DEEP_LINK_PAGES = 40;

export function ExplorerScreen(props: Props) {
	const {client, scope, order, pageSize, width, height} = props;
	const [state, dispatch, getState] = useSyncReducer(explorerReducer, () => initialExplorer(8, pageSize));
	const [notice, setNotice] = useState<string>();
	const nowMs = useNow(state.following ? 1000 : 30_000);
	const layout = explorerLayout(width, height);
	const live = useLiveInteraction(client, selected(state));
	const interaction = live.interaction;
	const tab = shownTab(state);
	const options = {systemExpanded: state.systemExpanded, nowMs};
	const lines = useMemo(
		() => (interaction ? wrappedDetailLines(interaction, tab, layout.detail.width, options) : []),
		// nowMs only changes age labels; re-wrapping on every clock tick would waste the cache.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[interaction, tab, layout.detail.width, state.systemExpanded],
	);
	const inputLines = state.input?.kind === 'filter' ? 2 : 0;
	const listHeight = layout.list.height - inputLines;
	const detailHeight = Math.max(1, detailBodyHeight(layout.detail.height));
	const view: Viewport = {
		listHeight: Math.max(1, listVisibleRows(listHeight, state.error !== undefined)),
		detailHeight,
		detailLines: lines.length,
	};
	useInteractionPages({client, scope, order, pageSize, state, dispatch, view});
	useDeepLink(props.selectId, state, dispatch, view, setNotice);
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

	const filterKey = `${scope.projectId}/${scope.threadId ?? '*'}`;
	const applyFilter = useCallback(
		(text: string, errorsOnly: boolean) => {
			const parsed = text.trim() ? parseFilter(text) : undefined;
			if (parsed && !parsed.ok) return false;
			const now = Date.now();
			const predicate =
				parsed || errorsOnly
					? (row: Parameters<typeof matches>[1]) =>
							(!parsed || matches(parsed.filter, row, now)) && (!errorsOnly || needsAttention(row, now))
					: undefined;
			dispatch({type: 'set-filter', text: text.trim(), errorsOnly, predicate});
			rememberFilter(filterKey, text.trim(), errorsOnly);
			return true;
		},
		[dispatch, filterKey],
	);
	useEffect(() => {
		const remembered = rememberedFilter(filterKey);
		if (remembered) applyFilter(remembered.text, remembered.errorsOnly);
		// Only when the list opens: later changes come from the user.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	useExplorerKeys({
		active: props.active,
		getState,
		dispatch,
		view,
		applyFilter,
		matchLines: query => [...new Set(search(lines, query).map(match => match.line))],
		onCommand: props.onCommand,
		onBack: props.onBack,
		onQuit: props.onQuit,
		evidence: runEvidence,
		pagerKind: () => {
			const current = getState();
			if (current.focus === 'list') return 'json';
			const shown = shownTab(current);
			return shown === 'transcript' ? 'transcript' : shown === 'params' ? 'params' : 'json';
		},
		diffMax,
		say: setNotice,
	});

	const rows = currentRows(state);
	const status = state.filter
		? filterStatus(state.filter, state.filter.text ? describeFilterText(state.filter.text) : '')
		: pageStatus(
				state.page,
				rows.length,
				pageSize,
				state.cache.totalCount,
				state.cache.lastPage,
				state.want !== undefined,
			);
	const loading = (state.want !== undefined || (state.filter?.seek ?? 0) > 0) && state.loading.size > 0;
	const searchLines = state.search
		? [...new Set(search(lines, state.search.query).map(match => match.line))]
		: [];
	const list = (
		<Box flexDirection="column" width={layout.list.width} height={layout.list.height}>
			<InteractionList
				rows={rows}
				cursor={state.cursor}
				top={state.top}
				width={layout.list.width}
				height={listHeight}
				focused={state.focus === 'list'}
				title="INTERACTIONS"
				status={status}
				loading={loading}
				nowMs={nowMs}
				error={state.error?.message}
				marked={new Set(marks.map(mark => mark.id))}
			/>
			{state.input?.kind === 'filter' ? (
				<FilterLine text={state.input.text} width={layout.list.width} />
			) : null}
		</Box>
	);
	const detail =
		state.overlay?.kind === 'copy' ? (
			<Box width={layout.detail.width} height={layout.detail.height} flexDirection="column">
				<CopyMenu cursor={state.overlay.cursor} width={Math.min(layout.detail.width, 60)} />
				<Box height={Math.max(0, layout.detail.height - COPY_MENU_HEIGHT)} />
			</Box>
		) : (
			<DetailPane
				interaction={interaction}
				tab={tab}
				scroll={Math.min(state.scroll, Math.max(0, lines.length - detailHeight))}
				width={layout.detail.width}
				height={layout.detail.height}
				focused={state.focus === 'detail'}
				nowMs={nowMs}
				systemExpanded={state.systemExpanded}
				search={state.search?.query}
				currentMatchLine={state.search ? searchLines[state.search.current] : undefined}
			/>
		);
	const body =
		state.overlay?.kind === 'diff' && marks.length === 2 ? (
			<DiffView a={marks[0]!} b={marks[1]!} width={width} height={height - 1} scroll={state.overlay.scroll} />
		) : (
			<>
				{list}
				{layout.sideBySide ? <Box width={1} height={layout.list.height} /> : null}
				{detail}
			</>
		);
	const liveText = live.mode === 'idle' ? undefined : live.mode === 'streaming' ? 'streaming…' : 'polling…';
	const followText = state.following
		? order === 'DESC'
			? `following · ${state.arrived} new · ${followStatusText(follow, nowMs)}`
			: 'follow needs newest-first order (run without --oldest-first)'
		: undefined;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box
				flexDirection={layout.sideBySide || state.overlay?.kind === 'diff' ? 'row' : 'column'}
				height={height - 1}
			>
				{body}
			</Box>
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

function describeFilterText(text: string): string {
	const parsed = parseFilter(text);
	return parsed.ok ? describeFilter(parsed.filter) : text;
}

function footerMessage(state: ExplorerState, searchMatches: number): string | undefined {
	if (state.overlay?.kind === 'diff') return 'diff of the two marked · j/k PgDn/PgUp scroll · Esc close';
	if (state.overlay?.kind === 'copy') return COPY_MENU_HINT;
	if (state.input?.kind === 'search') return `search: ${state.input.text}▏ · Enter find · Esc cancel`;
	if (state.input?.kind === 'filter')
		return 'filter: Enter apply · Esc cancel · empty clears · e errors only';
	if (state.search) {
		const at = state.search.current + 1;
		return searchMatches === 0
			? `no match for "${state.search.query}"`
			: `"${state.search.query}": match ${Math.max(1, at)} of ${searchMatches} · n next · N previous`;
	}

	return undefined;
}

/** The filter being typed, with a caret under a syntax mistake. */
function FilterLine({text, width}: {readonly text: string; readonly width: number}) {
	const parsed = text.trim() ? parseFilter(text) : undefined;
	const problem = parsed && !parsed.ok ? parsed.error : undefined;
	return (
		<Box flexDirection="column" height={2}>
			<Text wrap="truncate">{truncate(`/${text}▏`, width)}</Text>
			{problem ? (
				<Text color="red" wrap="truncate">
					{truncate(` ${errorCaret(text, problem)} ${problem.message}`, width)}
				</Text>
			) : (
				<Text dimColor wrap="truncate">
					{truncate(FILTER_SYNTAX, width)}
				</Text>
			)}
		</Box>
	);
}

function useDeepLink(
	id: string | undefined,
	state: ExplorerState,
	dispatch: (action: Parameters<typeof explorerReducer>[1]) => void,
	view: Viewport,
	say: (message: string | undefined) => void,
) {
	const [done, setDone] = useState(id === undefined);
	const rows = currentRows(state);
	const waiting = state.want !== undefined;
	useEffect(() => {
		if (done || waiting || rows.length === 0 || id === undefined) return;
		if (rows.some(row => row.id === id)) {
			dispatch({type: 'select-id', id, view});
			setDone(true);
		} else if (state.page + 1 < DEEP_LINK_PAGES && state.cache.lastPage !== state.page && !state.filter) {
			dispatch({type: 'page', delta: 1, view});
		} else {
			say(`Interaction ${id} is not in the first ${DEEP_LINK_PAGES} pages of this list.`);
			setDone(true);
		}
	}, [done, waiting, rows, id, state.page, state.cache.lastPage, state.filter, dispatch, view, say]);
}
