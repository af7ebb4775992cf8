// The interaction list's filter: the field syntax plus the errors-only toggle, remembered per list. With a
// time window other than all time, the list with no filter is the window's rows, through the same scan.
import {useCallback, useEffect, useRef} from 'react';
import {parseFilter} from '../domain/filter.ts';
import {matches} from '../domain/filter-match.ts';
import {needsAttention} from '../domain/row.ts';
import {isAllTime, type TimeWindow} from '../domain/time-window.ts';
import type {Interaction, InteractionScope} from '../domain/types.ts';
import {rememberFilter, rememberedFilter} from '../lib/remembered-filters.ts';
import type {ExplorerAction} from '../state/explorer.ts';
import type {FilterView} from '../state/filter-view.ts';

// The scan keeps only the window's rows before any predicate sees them.
const everyRow = () => true;

/** Returns applyFilter(text, errorsOnly): false when the syntax is invalid (nothing changes then). */
export function useListFilter(
	scope: InteractionScope,
	dispatch: (action: ExplorerAction) => void,
	window: TimeWindow,
	current: () => FilterView | undefined,
): (text: string, errorsOnly: boolean) => boolean {
	const filterKey = `${scope.projectId}/${scope.threadId ?? '*'}`;
	const allTime = isAllTime(window);
	const applyFilter = useCallback(
		(text: string, errorsOnly: boolean) => {
			const parsed = text.trim() ? parseFilter(text) : undefined;
			if (parsed && !parsed.ok) return false;
			const now = Date.now();
			const predicate =
				parsed || errorsOnly
					? (row: Interaction) =>
							(!parsed || matches(parsed.filter, row, now)) && (!errorsOnly || needsAttention(row, now))
					: allTime
						? undefined
						: everyRow;
			const windowOnly = predicate === everyRow;
			dispatch({type: 'set-filter', text: text.trim(), errorsOnly, predicate, windowOnly});
			rememberFilter(filterKey, text.trim(), errorsOnly);
			return true;
		},
		[dispatch, filterKey, allTime],
	);
	const opened = useRef(false);
	const windowKey = JSON.stringify(window);
	useEffect(() => {
		if (!opened.current) {
			opened.current = true;
			const remembered = rememberedFilter(filterKey);
			if (remembered) applyFilter(remembered.text, remembered.errorsOnly);
			else if (!allTime) applyFilter('', false);
			return;
		}

		// A new window scans the filter on screen again (or goes back to plain paging at all time).
		const filter = current();
		applyFilter(filter?.text ?? '', filter?.errorsOnly ?? false);
		// Only when the list opens and when the window changes: later filter changes come from the user.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [windowKey]);
	return applyFilter;
}
