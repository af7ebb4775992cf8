// Feeds the explorer reducer with pages: the page the user asked for first, then the next one
// ahead of time so that paging forward shows without a spinner. One request at a time per list.
import {useEffect, useRef, type Dispatch} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {firstInteractionPage} from '../domain/all-pages.ts';
import type {InteractionScope, PageOrder} from '../domain/types.ts';
import {errorMessage} from '../lib/error-message.ts';
import type {ExplorerAction, ExplorerState, Viewport} from '../state/explorer.ts';
import {pageToFetch} from '../state/pages.ts';

type Options = {
	readonly client: ZylonClient;
	readonly scope: InteractionScope;
	readonly order: PageOrder;
	readonly pageSize: number;
	readonly state: ExplorerState;
	readonly dispatch: Dispatch<ExplorerAction>;
	readonly view: Viewport;
};

export function useInteractionPages({client, scope, order, pageSize, state, dispatch, view}: Options): void {
	const viewRef = useRef(view);
	viewRef.current = view;
	const controllers = useRef(new Set<AbortController>());

	useEffect(
		() => () => {
			for (const controller of controllers.current) controller.abort();
		},
		[],
	);

	const target = pageToFetch(state);
	const after = target === undefined ? undefined : state.cache.afterCursors[target];
	useEffect(() => {
		if (target === undefined) return;
		// One request in flight per list: pageToFetch waits for the one in flight, except after a reload,
		// which makes the one in flight stale. Abort it rather than let two run and the stale one land.
		for (const previous of controllers.current) previous.abort();
		const controller = new AbortController();
		controllers.current.add(controller);
		dispatch({type: 'loading', page: target});
		client
			.interactions(
				scope,
				target === 0
					? firstInteractionPage(pageSize, order)
					: {first: pageSize, after, order, totalCount: false},
				controller.signal,
			)
			.then(
				data => {
					if (!controller.signal.aborted)
						dispatch({type: 'loaded', page: target, data, view: viewRef.current});
				},
				(error: unknown) => {
					if (!controller.signal.aborted)
						dispatch({type: 'failed', page: target, message: errorMessage(error)});
				},
			)
			.finally(() => controllers.current.delete(controller));
		// The generation makes a reload refetch a page that was requested before.
	}, [target, after, state.generation, client, scope, order, pageSize, dispatch]);
}
