// Paths and queries for both route generations (zylon-api.md §2, §3.4). Only the interaction and
// single-thread routes differ; everything else is shared.
import type {PageRequest} from '../domain/types.ts';
import type {RouteGeneration} from './client-types.ts';
import type {Query} from './http.ts';

const seg = (id: string): string => encodeURIComponent(id);

const interaction = (generation: RouteGeneration, interactionId: string, projectId: string) =>
	generation === 'current'
		? `/v1/app/interaction/${seg(interactionId)}`
		: `/v1/app/project/${seg(projectId)}/interaction/${seg(interactionId)}`;

export const routes = {
	me: () => '/v1/app/me',
	userProjects: (userId: string) => `/v1/app/user/${seg(userId)}/project`,
	project: (projectId: string) => `/v1/app/project/${seg(projectId)}`,
	threads: (projectId: string) => `/v1/app/project/${seg(projectId)}/thread`,
	thread: (generation: RouteGeneration, threadId: string, projectId: string) =>
		generation === 'current'
			? `/v1/app/thread/${seg(threadId)}`
			: `/v1/app/project/${seg(projectId)}/thread/${seg(threadId)}`,
	threadInteractions: (generation: RouteGeneration, threadId: string, projectId: string) =>
		generation === 'current'
			? {path: `/v1/app/thread/${seg(threadId)}/interaction`, query: {}}
			: {path: `/v1/app/project/${seg(projectId)}/interaction`, query: {threadId}},
	/** Legacy only: the one route that ever listed a whole project's interactions. */
	projectInteractions: (projectId: string) => `/v1/app/project/${seg(projectId)}/interaction`,
	interaction,
	interactionStream: (generation: RouteGeneration, interactionId: string, projectId: string) =>
		`${interaction(generation, interactionId, projectId)}/stream`,
};

/**
 * PageRequest → the flat paging parameters. Backward paging (last/before) and forward paging
 * (first/after) are never mixed: servers reject that.
 */
export function pageQuery(page: PageRequest, pageSize: number): Query {
	const backward =
		page.before !== undefined ||
		(page.last !== undefined && page.after === undefined && page.first === undefined);
	return {
		...(backward
			? {last: page.last ?? pageSize, before: page.before}
			: {first: page.first ?? pageSize, after: page.after}),
		page_order: page.order,
		total_count: page.totalCount === false ? undefined : true,
	};
}
