// A deep-linked interaction: walk the list forward until its row is on screen, then select it. Until then the
// screen shows the linked interaction itself (fetched first, deep-link.ts), so the walk costs the user nothing.
import {useEffect, useState} from 'react';
import {currentRows, type ExplorerAction, type ExplorerState, type Viewport} from '../state/explorer.ts';

/** Pages walked forward looking for a deep-linked interaction before giving up. */
const DEEP_LINK_PAGES = 40;

/** Whether the walk is still on: created before the detail is computed, which needs to know it. */
export type DeepSeek = {readonly seeking: boolean; readonly stop: () => void};

export function useDeepSeek(id: string | undefined): DeepSeek {
	const [seeking, setSeeking] = useState(id !== undefined);
	return {seeking, stop: () => setSeeking(false)};
}

export function useDeepSelect(
	id: string | undefined,
	seek: DeepSeek,
	state: ExplorerState,
	dispatch: (action: ExplorerAction) => void,
	view: Viewport,
	say: (message: string | undefined) => void,
) {
	const done = !seek.seeking;
	const {stop} = seek;
	const rows = currentRows(state);
	const waiting = state.want !== undefined;
	useEffect(() => {
		if (done || waiting || rows.length === 0 || id === undefined) return;
		if (rows.some(row => row.id === id)) {
			dispatch({type: 'select-id', id, view});
			stop();
		} else if (state.filter?.status === 'running') {
			// A scan is still streaming matches in: the row may yet arrive.
		} else if (state.page + 1 < DEEP_LINK_PAGES && state.cache.lastPage !== state.page && !state.filter) {
			dispatch({type: 'page', delta: 1, view});
		} else {
			say(`Interaction ${id} is not in the first ${DEEP_LINK_PAGES} pages of this list.`);
			stop();
		}
		// `stop` is a new function each render; `done` says when it has been called.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [done, waiting, rows, id, state.page, state.cache.lastPage, state.filter, dispatch, view, say]);
}
