// The Zylon client: GET only, both route generations (generation.ts), typed errors, parsed domain types.
//
// The project-wide listing (legacy route or the merge of its threads) is project-listing.ts.
import type {Interaction, InteractionScope, Page, PageRequest} from '../domain/types.ts';
import {sanitizeLine} from '../lib/sanitize.ts';
import type {ClientOptions, Connection, ZylonClient} from './client-types.ts';
import {generations, type Via} from './generation.ts';
import {createHttp, type Query, type Request} from './http.ts';
import {
	parseInteraction,
	parseInteractionPageSliced,
	parseProject,
	parseProjectPage,
	parseThread,
	parseThreadPage,
	parseUser,
} from './parse/index.ts';
import {projectListing} from './project-listing.ts';
import {shortId} from './short-id.ts';
import {pageQuery, routes} from './routes.ts';

export function createClient(connection: Connection, options: ClientOptions = {}): ZylonClient {
	const pageSize = options.pageSize ?? 50;
	const http = createHttp({
		connection,
		timeoutMs: options.timeoutMs ?? 15_000,
		attempts: Math.max(1, options.attempts ?? 4),
		maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
		backoffBaseMs: options.backoffBaseMs ?? 250,
		fetch: options.fetch,
	});
	const parseOptions = (resource: string) => ({revealSecrets: options.revealSecrets === true, resource});
	const generation = generations(options.generation);

	const asJson: Via<Request, unknown> = {once: http.get, or404: http.getOr404};
	const byGeneration = generation.send;

	/** A thread's page of interactions as JSON, and the words its messages name it by. */
	async function threadPageJson(
		projectId: string,
		threadId: string,
		page: PageRequest,
		signal?: AbortSignal,
	) {
		const resource = `the interactions of thread ${shortId(threadId)}`;
		const query = {...pageQuery(page, pageSize), include: 'User'};
		const json = await byGeneration(
			gen => {
				const route = routes.threadInteractions(gen, threadId, projectId);
				return {
					path: route.path,
					query: {...route.query, ...query},
					resource,
					missing: `thread ${sanitizeLine(threadId)}`,
					signal,
				};
			},
			`thread ${sanitizeLine(threadId)}`,
			asJson,
		);
		return {json, options: parseOptions(resource)};
	}

	async function threadInteractions(
		projectId: string,
		threadId: string,
		page: PageRequest,
		signal?: AbortSignal,
	): Promise<Page<Interaction>> {
		const {json, options} = await threadPageJson(projectId, threadId, page, signal);
		return parseInteractionPageSliced(json, options);
	}

	function threads(projectId: string, page: PageRequest, signal?: AbortSignal) {
		const resource = `the threads of project ${shortId(projectId)}`;
		const query: Query = pageQuery(page, pageSize);
		const missing = `project ${sanitizeLine(projectId)}`;
		return http
			.get({path: routes.threads(projectId), query, resource, missing, signal})
			.then(json => parseThreadPage(json, parseOptions(resource)));
	}

	const project = projectListing({
		http,
		generation,
		pageSize,
		pinnedCurrent: options.generation === 'current',
		parseOptions,
		threads,
		threadPageJson,
	});

	return {
		connection,
		generation: generation.current,
		refreshThreads: project.refreshThreads,
		async me(signal) {
			const resource = 'the current user';
			return parseUser(await http.get({path: routes.me(), resource, signal}), '', parseOptions(resource));
		},
		async projects(userId, page, signal) {
			const id = sanitizeLine(userId);
			const resource = `the projects of user ${id}`;
			const json = await http.get({
				path: routes.userProjects(userId),
				query: pageQuery(page, pageSize),
				resource,
				missing: `user ${id}`,
				signal,
			});
			return parseProjectPage(json, parseOptions(resource));
		},
		async project(projectId, signal) {
			const resource = `project ${sanitizeLine(projectId)}`;
			const json = await http.get({path: routes.project(projectId), resource, signal});
			return parseProject(json, '', parseOptions(resource));
		},
		threads: (projectId, page, signal) => threads(projectId, page, signal),
		async thread(threadId, projectId, signal) {
			const resource = `thread ${sanitizeLine(threadId)}`;
			const json = await byGeneration(
				gen =>
					gen === 'legacy' && projectId === undefined
						? undefined
						: {path: routes.thread(gen, threadId, projectId ?? ''), resource, signal},
				resource,
				asJson,
			);
			return parseThread(json, '', parseOptions(resource));
		},
		interactions(scope: InteractionScope, page, signal) {
			return scope.threadId === undefined
				? project.interactions(scope.projectId, page, signal)
				: threadInteractions(scope.projectId, scope.threadId, page, signal);
		},
		async interaction(interactionId, projectId, signal) {
			const resource = `interaction ${sanitizeLine(interactionId)}`;
			const json = await byGeneration(
				gen =>
					gen === 'legacy' && projectId === undefined
						? undefined
						: {
								path: routes.interaction(gen, interactionId, projectId ?? ''),
								query: {include: 'User'},
								resource,
								signal,
							},
				resource,
				asJson,
			);
			return parseInteraction(json, '', parseOptions(resource));
		},
		openStream(interactionId, projectId, {accept, signal, connectTimeoutMs}) {
			const resource = `the stream of interaction ${sanitizeLine(interactionId)}`;
			return byGeneration(
				gen =>
					gen === 'legacy' && projectId === undefined
						? undefined
						: {
								path: routes.interactionStream(gen, interactionId, projectId ?? ''),
								resource,
								missing: `stream for interaction ${sanitizeLine(interactionId)}`,
								accept,
								signal,
								timeoutMs: connectTimeoutMs,
								// Not retried: the live view polls instead when a stream cannot be had.
								attempts: 1,
							},
				`stream for interaction ${sanitizeLine(interactionId)}`,
				{once: http.open, or404: http.openOr404},
			);
		},
	};
}
