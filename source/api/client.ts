// The Zylon client: GET only, both route generations (generation.ts), typed errors, parsed domain types.
//
// Project-wide listing: the legacy `GET /project/{id}/interaction` is tried first unless the
// generation is known to be 'current' (pinned or detected): a server of unknown generation may still
// serve it, and it gives real pages and a total count in one request. Its answer is remembered
// separately from the generation. Without it, the project's threads are merged in time order
// (timeline.ts), with an opaque composite cursor. Either way the rows carry their thread's name.
import {
	nextAfter,
	type Interaction,
	type InteractionScope,
	type Page,
	type PageRequest,
} from '../domain/types.ts';
import {sanitizeLine} from '../lib/sanitize.ts';
import type {ClientOptions, Connection, ZylonClient} from './client-types.ts';
import {generations, type Via} from './generation.ts';
import {createHttp, isNotFound, type Query, type Request} from './http.ts';
import {
	parseInteraction,
	parseInteractionPage,
	parseProject,
	parseProjectPage,
	parseThread,
	parseThreadPage,
	parseUser,
} from './parse/index.ts';
import {
	isTimelineCursor,
	mergeTimeline,
	TimelineSessions,
	withThreadName,
	type ThreadInfo,
	type TimelineHints,
} from './timeline.ts';
import {pageQuery, routes} from './routes.ts';

const THREAD_LIST_PAGE = 200;

/** "0197a1b2…": enough to recognise an id in a one-line message; 404s still name the full id. */
export const shortId = (id: string): string => {
	const clean = sanitizeLine(id);
	return clean.length > 12 ? `${clean.slice(0, 8)}…` : clean;
};
const MAX_THREAD_PAGES = 50;

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
	// undefined: not tried yet; pinned off when the caller said the server is 'current'.
	let projectRoute: boolean | undefined = options.generation === 'current' ? false : undefined;
	const threadCache = new Map<string, readonly ThreadInfo[]>();
	const staleThreads = new Set<string>();
	const hints: TimelineHints = {trustUpdatedAt: true};
	const sessions = new TimelineSessions();

	const asJson: Via<Request, unknown> = {once: http.get, or404: http.getOr404};
	const byGeneration = generation.send;

	async function threadInteractions(
		projectId: string,
		threadId: string,
		page: PageRequest,
		signal?: AbortSignal,
	): Promise<Page<Interaction>> {
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
		return parseInteractionPage(json, parseOptions(resource));
	}

	async function threadInfos(projectId: string, refresh: boolean, signal?: AbortSignal) {
		const cached = threadCache.get(projectId);
		if (cached && !refresh && !staleThreads.has(projectId)) return cached;
		const infos: ThreadInfo[] = [];
		let after: string | undefined;
		for (let count = 0; count < MAX_THREAD_PAGES; count++) {
			const result = await threads(projectId, {first: THREAD_LIST_PAGE, after, totalCount: false}, signal);
			for (const thread of result.items) {
				infos.push({
					id: thread.id,
					name: thread.name,
					createdAtMs: thread.createdAtMs,
					updatedAtMs: thread.updatedAtMs,
				});
			}
			after = nextAfter(result);
			if (after === undefined || result.items.length === 0) break;
		}
		threadCache.set(projectId, infos);
		staleThreads.delete(projectId);
		return infos;
	}

	async function projectInteractions(projectId: string, page: PageRequest, signal?: AbortSignal) {
		const resource = `the interactions of project ${shortId(projectId)}`;
		const merging = isTimelineCursor(page.after) || isTimelineCursor(page.before);
		// While the project route is untried, the thread list goes out beside it: either answer needs it
		// (the legacy rows for their threads' names, the merge for the threads), so neither waits for the other.
		const probing = !merging && projectRoute === undefined && generation.current() === undefined;
		const listing = probing ? threadInfos(projectId, true, signal) : undefined;
		listing?.catch(() => undefined);
		if (!merging && projectRoute !== false && generation.current() !== 'current') {
			const request: Request = {
				path: routes.projectInteractions(projectId),
				query: {...pageQuery(page, pageSize), include: 'User'},
				resource,
				missing: `project ${sanitizeLine(projectId)}`,
				signal,
			};
			const named = async (json: unknown) => {
				const parsed = parseInteractionPage(json, parseOptions(resource));
				// The names come from the thread list, fetched once (again after refreshThreads).
				const names = await (listing ?? threadInfos(projectId, false, signal)).then(
					infos => new Map(infos.map(info => [info.id, info.name])),
					() => new Map<string, string>(),
				);
				return {...parsed, items: parsed.items.map(item => withThreadName(item, names))};
			};
			if (projectRoute === true || generation.current() === 'legacy') return named(await http.get(request));
			const json = await http.getOr404(request);
			if (!isNotFound(json)) {
				projectRoute = true;
				return named(json);
			}
		}
		// A 404 above is either the route or the project; the thread list (same route in both
		// generations) tells which, with its own 404 naming the project.
		const result = await mergeTimeline(
			{
				resource,
				hints,
				sessions,
				threads: refresh => (refresh && listing ? listing : threadInfos(projectId, refresh, signal)),
				threadPage: (threadId, threadPage) => threadInteractions(projectId, threadId, threadPage, signal),
			},
			page,
			pageSize,
		);
		projectRoute = false;
		return result;
	}

	function threads(projectId: string, page: PageRequest, signal?: AbortSignal) {
		const resource = `the threads of project ${shortId(projectId)}`;
		const query: Query = pageQuery(page, pageSize);
		const missing = `project ${sanitizeLine(projectId)}`;
		return http
			.get({path: routes.threads(projectId), query, resource, missing, signal})
			.then(json => parseThreadPage(json, parseOptions(resource)));
	}

	return {
		connection,
		generation: generation.current,
		refreshThreads(projectId) {
			if (projectId === undefined) for (const key of threadCache.keys()) staleThreads.add(key);
			else staleThreads.add(projectId);
		},
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
				? projectInteractions(scope.projectId, page, signal)
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
