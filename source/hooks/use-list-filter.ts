// The interaction list's filter: the field syntax plus the errors-only toggle, remembered per list.
import {useCallback, useEffect} from 'react';
import {parseFilter} from '../domain/filter.ts';
import {matches} from '../domain/filter-match.ts';
import {needsAttention} from '../domain/row.ts';
import type {Interaction, InteractionScope} from '../domain/types.ts';
import {rememberFilter, rememberedFilter} from '../lib/remembered-filters.ts';
import type {ExplorerAction} from '../state/explorer.ts';

/** Returns applyFilter(text, errorsOnly): false when the syntax is invalid (nothing changes then). */
export function useListFilter(
	scope: InteractionScope,
	dispatch: (action: ExplorerAction) => void,
): (text: string, errorsOnly: boolean) => boolean {
	const filterKey = `${scope.projectId}/${scope.threadId ?? '*'}`;
	const applyFilter = useCallback(
		(text: string, errorsOnly: boolean) => {
			const parsed = text.trim() ? parseFilter(text) : undefined;
			if (parsed && !parsed.ok) return false;
			const now = Date.now();
			const predicate =
				parsed || errorsOnly
					? (row: Interaction) =>
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
	return applyFilter;
}
