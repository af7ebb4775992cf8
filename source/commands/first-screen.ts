// The first frame, drawn with the answers already in hand. The prefetched requests usually answer while the UI
// modules load; without this the first frame would still show a spinner and the list would follow a frame (and a
// round of effects) later. Whatever is not in yet is left to the screens, which ask the client as usual.
import type {ZylonClient} from '../api/client-types.ts';
import {intercept, type ClientMethod} from '../api/intercept.ts';
import {resolveDeepLink, type DeepLink, type Place} from '../deep-link.ts';
import type {Interaction, Page, PageOrder, Project} from '../domain/types.ts';
import {allPages, firstInteractionPage} from '../domain/all-pages.ts';
import type {Prefetching} from './startup-prefetch.ts';

export type FirstScreen = {
	readonly place?: Place;
	readonly notice?: string;
	/** Every project, when the whole list came in the prefetched page. */
	readonly projects?: readonly Project[];
	/** The interaction list's first page, for the place above. */
	readonly firstPage?: Page<Interaction>;
};

export async function firstScreen(
	prefetch: Pick<Prefetching, 'client' | 'peek' | 'forget'>,
	plan: {readonly deepLink: DeepLink; readonly order: PageOrder; readonly pageSize: number},
): Promise<FirstScreen> {
	let missing = false;
	const used: Array<[ClientMethod, readonly unknown[]]> = [];
	// Shown now, so the screens must not be handed the same answers again later (a reload, a revisit).
	const shown = (screen: FirstScreen): FirstScreen => {
		for (const [method, args] of used) prefetch.forget(method, args);
		return screen;
	};
	// Answers only from what is in; any other call marks the result unusable. Never asks the server.
	const inHand: ZylonClient = intercept(prefetch.client, (method, args) => {
		const found = prefetch.peek(method, args);
		if (!found) {
			missing = true;
			return Promise.reject(new Error(`${method}: not in yet`)) as never;
		}
		used.push([method, args]);
		return Promise.resolve(found.value) as never;
	});
	const {deepLink, order, pageSize} = plan;
	try {
		if (!deepLink.projectId && !deepLink.threadId && !deepLink.interactionId) {
			const me = await inHand.me();
			const {items} = await allPages(request => inHand.projects(me.id, request));
			return shown({place: {level: 'projects'}, projects: items});
		}

		const resolved = await resolveDeepLink(inHand, deepLink, new AbortController().signal);
		// resolveDeepLink turns a failed call into a fallback place: not one to show when the call only was not in.
		if (missing) return {};
		const {place} = resolved;
		if (place.level !== 'interactions') return shown(resolved);
		const scope = {projectId: place.project.id, threadId: place.thread?.id};
		const firstPage = await inHand
			.interactions(scope, firstInteractionPage(pageSize, order))
			.catch(() => undefined);
		return shown({...resolved, firstPage});
	} catch {
		return {};
	}
}
