// The interaction list and the detail pane, side by side from 100 columns, stacked below that.
import {Box, useInput} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {DetailPane, detailBodyHeight} from '../components/detail-pane.tsx';
import {Footer} from '../components/footer.tsx';
import {InteractionList, listVisibleRows} from '../components/interaction-list.tsx';
import {detailLineCount} from '../domain/detail-tabs.ts';
import {formatCount} from '../domain/format.ts';
import type {InteractionScope, PageOrder} from '../domain/types.ts';
import {useInteractionPages} from '../hooks/use-interaction-pages.ts';
import {useNow} from '../hooks/use-now.ts';
import {useSyncReducer} from '../hooks/use-sync-reducer.ts';
import {footerBindings, resolveKeys} from '../keymap.ts';
import {
	currentRows,
	explorerReducer,
	initialExplorer,
	selected,
	shownTab,
	type Viewport,
} from '../state/explorer.ts';

type Props = {
	readonly client: ZylonClient;
	readonly scope: InteractionScope;
	readonly title: string;
	readonly order: PageOrder;
	readonly pageSize: number;
	readonly width: number;
	readonly height: number;
	readonly active: boolean;
	/** A deep-linked interaction to select once its page is on screen. */
	readonly selectId?: string;
	readonly message?: string;
	readonly onBack: () => void;
	readonly onHelp: () => void;
	readonly onQuit: () => void;
};

export type Layout = {
	readonly sideBySide: boolean;
	readonly list: {readonly width: number; readonly height: number};
	readonly detail: {readonly width: number; readonly height: number};
};

export function explorerLayout(width: number, height: number): Layout {
	const body = Math.max(4, height - 1);
	if (width >= 100) {
		const listWidth = Math.max(40, Math.floor(width * 0.45));
		return {
			sideBySide: true,
			list: {width: listWidth, height: body},
			detail: {width: width - listWidth - 1, height: body},
		};
	}

	const listHeight = Math.max(4, Math.floor(body * 0.4));
	return {
		sideBySide: false,
		list: {width, height: listHeight},
		detail: {width, height: Math.max(3, body - listHeight)},
	};
}

/** Pages walked forward looking for a deep-linked interaction before giving up. */
const DEEP_LINK_PAGES = 40;

export function ExplorerScreen(props: Props) {
	const {client, scope, order, pageSize, width, height} = props;
	const [state, dispatch, getState] = useSyncReducer(explorerReducer, initialExplorer);
	const [linkMessage, setLinkMessage] = useState<string>();
	const nowMs = useNow();
	const layout = explorerLayout(width, height);
	const interaction = selected(state);
	const tab = shownTab(state);
	const detailHeight = Math.max(1, detailBodyHeight(layout.detail.height));
	const detailLines = useMemo(
		() =>
			interaction
				? detailLineCount(interaction, tab, layout.detail.width, {
						systemExpanded: state.systemExpanded,
						nowMs,
					})
				: 0,
		// nowMs only changes the age labels, never the line count of the tab.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[interaction, tab, layout.detail.width, state.systemExpanded],
	);
	const view: Viewport = {
		listHeight: Math.max(1, listVisibleRows(layout.list.height, state.error !== undefined)),
		detailHeight,
		detailLines,
	};
	useInteractionPages({client, scope, order, pageSize, state, dispatch, view});
	useDeepLink(props.selectId, state, dispatch, view, setLinkMessage);

	useInput(
		(input, key) => {
			for (const command of resolveKeys(input, key)) {
				switch (command) {
					case 'down':
					case 'up':
						dispatch({type: 'move', delta: command === 'down' ? 1 : -1, view});
						break;
					case 'first':
					case 'last':
						dispatch({type: 'jump', to: command, view});
						break;
					case 'next-page':
					case 'previous-page':
						dispatch({type: 'page', delta: command === 'next-page' ? 1 : -1, view});
						break;
					case 'open':
						dispatch({type: 'focus', focus: 'detail'});
						break;
					case 'back':
						if (getState().focus === 'detail') dispatch({type: 'focus', focus: 'list'});
						else props.onBack();
						return;
					case 'focus-next':
					case 'focus-previous':
						dispatch({type: 'focus'});
						break;
					case 'tab-transcript':
						dispatch({type: 'tab', tab: 'transcript'});
						break;
					case 'tab-params':
						dispatch({type: 'tab', tab: 'params'});
						break;
					case 'tab-errors':
						dispatch({type: 'tab', tab: 'errors'});
						break;
					case 'toggle-system':
						dispatch({type: 'toggle-system'});
						break;
					case 'reload':
						dispatch({type: 'reload'});
						break;
					case 'help':
						props.onHelp();
						return;
					case 'quit':
						props.onQuit();
						return;
					default:
						break;
				}
			}
		},
		{isActive: props.active},
	);

	const rows = currentRows(state);
	const loading = state.want !== undefined && !state.error;
	const error = state.error?.message;
	const list = (
		<InteractionList
			rows={rows}
			cursor={state.cursor}
			top={state.top}
			width={layout.list.width}
			height={layout.list.height}
			focused={state.focus === 'list'}
			title="INTERACTIONS"
			status={pageStatus(state.page, rows.length, pageSize, state.cache.totalCount, state.cache.lastPage)}
			loading={loading}
			nowMs={nowMs}
			error={error}
		/>
	);
	const detail = (
		<DetailPane
			interaction={interaction}
			tab={tab}
			scroll={Math.min(state.scroll, Math.max(0, detailLines - detailHeight))}
			width={layout.detail.width}
			height={layout.detail.height}
			focused={state.focus === 'detail'}
			nowMs={nowMs}
			systemExpanded={state.systemExpanded}
		/>
	);
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection={layout.sideBySide ? 'row' : 'column'} height={height - 1}>
				{list}
				{layout.sideBySide ? <Box width={1} height={layout.list.height} /> : null}
				{detail}
			</Box>
			<Footer
				bindings={footerBindings(state.focus === 'list' ? ['interactions'] : ['interactions', 'detail'])}
				width={width}
				message={linkMessage ?? props.message}
			/>
		</Box>
	);
}

export function pageStatus(
	page: number,
	rows: number,
	pageSize: number,
	total: number | undefined,
	lastPage: number | undefined,
): string {
	if (rows === 0) return `page ${page + 1} · no interactions`;
	const from = page * pageSize + 1;
	const to = from + rows - 1;
	const of =
		total === undefined ? (lastPage === page ? ` of ${formatCount(to)}` : '') : ` of ${formatCount(total)}`;
	return `page ${page + 1} · ${formatCount(from)}–${formatCount(to)}${of}`;
}

function useDeepLink(
	id: string | undefined,
	state: ReturnType<typeof initialExplorer>,
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
		} else if (state.page + 1 < DEEP_LINK_PAGES && state.cache.lastPage !== state.page) {
			dispatch({type: 'page', delta: 1, view});
		} else {
			say(`Interaction ${id} is not in the first ${DEEP_LINK_PAGES} pages of this list.`);
			setDone(true);
		}
	}, [done, waiting, rows, id, state.page, state.cache.lastPage, dispatch, view, say]);
}
