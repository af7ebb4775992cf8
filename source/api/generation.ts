// Route generation rule: until the generation is known, a 404 from a current-generation route is
// ambiguous (route missing, or id unknown), so the same request is retried once on the legacy route.
// Whichever answers 200 fixes the generation for this client. If both say 404 the id is unknown and
// the generation stays undecided. We never guess from the 404 body: its shape is undocumented.
// Every route that differs between the generations goes through here: JSON answers and the stream alike.
import type {RouteGeneration} from './client-types.ts';
import {ApiError} from './errors.ts';
import {isNotFound, type NotFound, type Request} from './http.ts';

/** How a request is sent: once on a known generation, or with a 404 handed back while detecting it. */
export type Via<R extends Request, T> = {
	readonly once: (request: R) => Promise<T>;
	readonly or404: (request: R) => Promise<T | NotFound>;
};

export type Generations = {
	/** The generation detected (or pinned) so far. */
	current(): RouteGeneration | undefined;
	/** One request on the known generation, or detection: current first, legacy on a 404. */
	send<R extends Request, T>(
		build: (generation: RouteGeneration) => R | undefined,
		missing: string,
		via: Via<R, T>,
	): Promise<T>;
};

export function generations(pinned: RouteGeneration | undefined): Generations {
	let generation = pinned;
	return {
		current: () => generation,
		async send(build, missing, via) {
			if (generation !== undefined) {
				const request = build(generation);
				if (!request) throw needsProject(missing);
				return via.once(request);
			}
			const current = build('current')!;
			const first = await via.or404(current);
			if (!isNotFound(first)) {
				generation = 'current';
				return first;
			}
			const legacy = build('legacy');
			if (!legacy)
				throw new ApiError('not-found', `No ${missing} (404)`, {status: 404, resource: current.resource});
			const second = await via.or404(legacy);
			if (isNotFound(second))
				throw new ApiError('not-found', `No ${missing} (404)`, {status: 404, resource: legacy.resource});
			generation = 'legacy';
			return second;
		},
	};
}

const needsProject = (what: string) =>
	new ApiError(
		'not-found',
		`Cannot fetch ${what}: this server's routes (before release 1.50) need its project id`,
		{
			resource: what,
		},
	);
