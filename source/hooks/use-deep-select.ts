// A deep-linked interaction: walk the list forward until its row is on screen, then select it.
import {useEffect, useState} from 'react';
import {currentRows, type ExplorerAction, type ExplorerState, type Viewport} from '../state/explorer.ts';

/** Pages walked forward looking for a deep-linked interaction before giving up. */
const DEEP_LINK_PAGES = 40;

export function useDeepSelect(
	id: string | undefined,
	state: ExplorerState,
	dispatch: (action: ExplorerAction) => void,
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
		} else if (state.filter?.status === 'running') {
			// A scan is still streaming matches in: the row may yet arrive.
		} else if (state.page + 1 < DEEP_LINK_PAGES && state.cache.lastPage !== state.page && !state.filter) {
			dispatch({type: 'page', delta: 1, view});
		} else {
			say(`Interaction ${id} is not in the first ${DEEP_LINK_PAGES} pages of this list.`);
			setDone(true);
		}
	}, [done, waiting, rows, id, state.page, state.cache.lastPage, state.filter, dispatch, view, say]);
}
