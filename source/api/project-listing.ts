// The interactions of a whole project. The legacy `GET /project/{id}/interaction` is tried first unless the
// generation is known to be 'current' (pinned or detected): a server of unknown generation may still serve it,
// and it gives real pages and a total count in one request. Its answer is remembered separately from the
// generation. Without it, the project's threads are merged in time order (timeline.ts), with an opaque
// composite cursor; their rows are parsed in full only once they make the page (deferred-rows.ts). Either
// way the rows carry their thread's name.
import {nextAfter, type Interaction, type Page, type PageRequest, type Thread} from '../domain/types.ts';
import {sanitizeLine} from '../lib/sanitize.ts';
import {deferredPage, parseDeferred} from './deferred-rows.ts';
import type {Generations} from './generation.ts';
import {isNotFound, type Http, type Request} from './http.ts';
import {parseInteractionPageSliced} from './parse/index.ts';
import type {ParseOptions} from './parse/reader.ts';
import {pageQuery, routes} from './routes.ts';
import {shortId} from './short-id.ts';
import {
	isTimelineCursor,
	mergeTimeline,
	TimelineSessions,
	withThreadName,
	type ThreadInfo,
	type TimelineHints,
} from './timeline.ts';

const THREAD_LIST_PAGE = 200;
const MAX_THREAD_PAGES = 50;

export type ProjectListingDeps = {
	readonly http: Http;
	readonly generation: Generations;
	readonly pageSize: number;
	/** The caller said the server is 'current': the project route is never tried. */
	readonly pinnedCurrent: boolean;
	parseOptions(resource: string): ParseOptions;
	threads(projectId: string, page: PageRequest, signal?: AbortSignal): Promise<Page<Thread>>;
	/** A thread's page of interactions, unparsed, with the options its parse and messages need. */
	threadPageJson(
		projectId: string,
		threadId: string,
		page: PageRequest,
		signal?: AbortSignal,
	): Promise<{json: unknown; options: ParseOptions}>;
};

export function projectListing(deps: ProjectListingDeps) {
	const {http, generation, pageSize, parseOptions, threads, threadPageJson} = deps;
	// undefined: not tried yet; pinned off when the caller said the server is 'current'.
	let projectRoute: boolean | undefined = deps.pinnedCurrent ? false : undefined;
	const threadCache = new Map<string, readonly ThreadInfo[]>();
	const staleThreads = new Set<string>();
	const hints: TimelineHints = {trustUpdatedAt: true};
	const sessions = new TimelineSessions();

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

	async function projectInteractions(
		projectId: string,
		page: PageRequest,
		signal?: AbortSignal,
	): Promise<Page<Interaction>> {
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
				const parsed = await parseInteractionPageSliced(json, parseOptions(resource));
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
				threadPage: (threadId, threadPage) =>
					threadPageJson(projectId, threadId, threadPage, signal).then(({json, options}) =>
						deferredPage(json, options),
					),
			},
			page,
			pageSize,
		);
		projectRoute = false;
		return {...result, items: await parseDeferred(result.items)};
	}

	return {
		interactions: projectInteractions,
		/** The next first page of a project (every project without one) reads its thread list again. */
		refreshThreads(projectId?: string) {
			if (projectId === undefined) for (const key of threadCache.keys()) staleThreads.add(key);
			else staleThreads.add(projectId);
		},
	};
}
