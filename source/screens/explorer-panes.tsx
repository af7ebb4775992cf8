// What the explorer draws above its footer: the list (with the typed filter line), the detail pane or the
// copy menu in its place, or the diff of the two marked interactions over both.
import {Box} from 'ink';
import {CopyMenu, COPY_MENU_HEIGHT} from '../components/copy-menu.tsx';
import {DetailPane} from '../components/detail-pane.tsx';
import {DiffView} from '../components/diff-view.tsx';
import {FilterLine} from '../components/filter-line.tsx';
import {InteractionList} from '../components/interaction-list.tsx';
import type {DetailTab} from '../domain/detail-tabs.ts';
import type {Interaction} from '../domain/types.ts';
import {currentRows, type ExplorerState, type Viewport} from '../state/explorer.ts';
import {keepInView} from '../state/window.ts';
import {listStatus, type Layout} from './explorer-layout.ts';

type Props = {
	readonly state: ExplorerState;
	readonly layout: Layout;
	readonly view: Viewport;
	readonly pageSize: number;
	readonly width: number;
	readonly height: number;
	/** The detail shown: the selected row's, or a deep link's until its row is found. */
	readonly interaction: Interaction | undefined;
	readonly tab: DetailTab;
	readonly nowMs: number;
	/** The detail's wrapped line numbers that match the search, in order. */
	readonly searchLines: readonly number[];
};

export function ExplorerPanes({
	state,
	layout,
	view,
	pageSize,
	width,
	height,
	interaction,
	tab,
	nowMs,
	searchLines,
}: Props) {
	const rows = currentRows(state);
	const marks = state.marks;
	if (state.overlay?.kind === 'diff' && marks.length === 2) {
		return (
			<Box flexDirection="row" height={height - 1}>
				<DiffView
					a={marks[0]!}
					b={marks[1]!}
					width={width}
					height={height - 1}
					scroll={state.overlay.scroll}
				/>
			</Box>
		);
	}

	const inputLines = state.input?.kind === 'filter' ? 2 : 0;
	const {status, loading} = listStatus(state, rows.length, pageSize);
	const list = (
		<Box flexDirection="column" width={layout.list.width} height={layout.list.height}>
			<InteractionList
				rows={rows}
				cursor={state.cursor}
				// A screen mode or a resize can shrink the list under a still cursor: keep the cursor in view.
				top={keepInView(state.top, state.cursor, view.listHeight, rows.length)}
				width={layout.list.width}
				height={layout.list.height - inputLines}
				focused={state.focus === 'list'}
				title="INTERACTIONS"
				status={status}
				loading={loading}
				nowMs={nowMs}
				error={state.error?.message ?? state.filter?.error}
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
				scroll={Math.min(state.scroll, Math.max(0, view.detailLines - view.detailHeight))}
				width={layout.detail.width}
				height={layout.detail.height}
				focused={state.focus === 'detail'}
				nowMs={nowMs}
				systemExpanded={state.systemExpanded}
				search={state.search?.query}
				currentMatchLine={state.search ? searchLines[state.search.current] : undefined}
			/>
		);
	return (
		<Box flexDirection={layout.sideBySide ? 'row' : 'column'} height={height - 1}>
			{layout.list.width > 0 ? list : null}
			{layout.sideBySide ? <Box width={1} height={layout.list.height} /> : null}
			{layout.detail.width > 0 ? detail : null}
		</Box>
	);
}
