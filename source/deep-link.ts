// --project / --thread / --interaction: find the place they name. An id that does not exist (404), or that
// the token may not read (403), falls back to the nearest selector that does, with a message naming the id and
// where the user landed. Any other failure (5xx, 429, a timeout, a dropped connection) is thrown: the user stays
// on the deep link, sees why, and `r` tries the same link again.
//
// A linked interaction is shown as soon as it is in: one round trip (two on a legacy server), with its project
// and thread named by id until completePlace() has fetched their names, and the list filled around it after.
import {shortId} from './api/short-id.ts';
import type {ZylonClient} from './api/client-types.ts';
import {isApiError} from './api/errors.ts';
import type {Interaction, Project, Thread} from './domain/types.ts';
import {errorMessage} from './lib/error-message.ts';

export type DeepLink = {
	readonly projectId?: string;
	readonly threadId?: string;
	readonly interactionId?: string;
};

export type Place =
	| {readonly level: 'projects'}
	| {readonly level: 'threads'; readonly project: Project}
	| {
			readonly level: 'interactions';
			readonly project: Project;
			/** Undefined: every thread of the project. */
			readonly thread?: Thread;
			readonly selectId?: string;
			/** The linked interaction itself: its detail shows before the list has found its row. */
			readonly pinned?: Interaction;
			/** Project and thread are named by id until these are fetched (completePlace). */
			readonly unnamed?: {readonly project: boolean; readonly thread: boolean};
	  };

type Resolved = {readonly place: Place; readonly notice?: string};

const why = (error: unknown) => (isApiError(error) ? error.message : errorMessage(error));

/** Only a missing or forbidden id moves the user elsewhere; a bad minute is worth a retry of the same link. */
export function fallsBack(error: unknown): boolean {
	return !isApiError(error) || error.kind === 'not-found' || error.kind === 'forbidden';
}

const rethrowUnlessFallback = (error: unknown): void => {
	if (!fallsBack(error)) throw error;
};

export async function resolveDeepLink(
	client: ZylonClient,
	link: DeepLink,
	signal: AbortSignal,
): Promise<Resolved> {
	if (link.interactionId) {
		// The project (when named) and the interaction together: neither needs the other's answer.
		const [project, interaction] = await Promise.allSettled([
			link.projectId ? client.project(link.projectId, signal) : undefined,
			client.interaction(link.interactionId, link.projectId, signal),
		]);
		if (project.status === 'rejected') {
			rethrowUnlessFallback(project.reason);
			// The interaction may still be what failed for a reason worth a retry: say that one, not the fallback.
			if (interaction.status === 'rejected') rethrowUnlessFallback(interaction.reason);
			return {place: {level: 'projects'}, notice: `${why(project.reason)} · showing the project list.`};
		}
		if (interaction.status === 'rejected') {
			rethrowUnlessFallback(interaction.reason);
			const fallback = await resolveDeepLink(client, {...link, interactionId: undefined}, signal);
			const notice = `${why(interaction.reason)} · showing ${describe(fallback.place)}.`;
			return {place: fallback.place, notice: fallback.notice ? `${notice} ${fallback.notice}` : notice};
		}
		return {place: linkedInteraction(interaction.value, project.value)};
	}

	let project: Project | undefined;
	if (link.projectId) {
		try {
			project = await client.project(link.projectId, signal);
		} catch (error) {
			rethrowUnlessFallback(error);
			return {place: {level: 'projects'}, notice: `${why(error)} · showing the project list.`};
		}
	}

	if (link.threadId) {
		try {
			const thread = await client.thread(link.threadId, project?.id, signal);
			if (!project) {
				if (!thread.projectId)
					throw new Error(`thread ${thread.id} does not say which project it belongs to`);
				project = await client.project(thread.projectId, signal);
			}

			return {place: {level: 'interactions', project, thread}};
		} catch (error) {
			rethrowUnlessFallback(error);
			const place: Place = project ? {level: 'threads', project} : {level: 'projects'};
			return {place, notice: `${why(error)} · showing ${describe(place)}.`};
		}
	}

	return {place: project ? {level: 'threads', project} : {level: 'projects'}};
}

/** The place of a linked interaction, with stand-in names for what is not fetched yet. */
function linkedInteraction(interaction: Interaction, known: Project | undefined): Place {
	const project = known ?? {id: interaction.projectId, name: `project ${shortId(interaction.projectId)}`};
	const thread = interaction.threadId
		? {id: interaction.threadId, name: `thread ${shortId(interaction.threadId)}`, createdAtMs: 0}
		: undefined;
	return {
		level: 'interactions',
		project,
		thread,
		selectId: interaction.id,
		pinned: interaction,
		unnamed: {project: known === undefined, thread: thread !== undefined},
	};
}

/** Whether a place still names its project or thread by id. */
export const isUnnamed = (place: Place | undefined): boolean =>
	place?.level === 'interactions' &&
	place.unnamed !== undefined &&
	(place.unnamed.project || place.unnamed.thread);

/** The place with its project's and thread's names fetched (both at once); ids stay where a fetch fails. */
export async function completePlace(
	client: ZylonClient,
	place: Place,
	signal: AbortSignal,
): Promise<{readonly place: Place; readonly notice?: string}> {
	if (place.level !== 'interactions' || !isUnnamed(place)) return {place};
	const {unnamed} = place;
	const [project, thread] = await Promise.allSettled([
		unnamed?.project ? client.project(place.project.id, signal) : place.project,
		unnamed?.thread && place.thread ? client.thread(place.thread.id, place.project.id, signal) : place.thread,
	]);
	const failed = [project, thread].find(result => result.status === 'rejected');
	return {
		place: {
			...place,
			project: project.status === 'fulfilled' ? project.value : place.project,
			thread: thread.status === 'fulfilled' ? thread.value : place.thread,
			unnamed: undefined,
		},
		...(failed ? {notice: `${why(failed.reason)} · named by id instead.`} : {}),
	};
}

function describe(place: Place): string {
	if (place.level === 'projects') return 'the project list';
	if (place.level === 'threads') return `the threads of ${place.project.name}`;
	return place.thread ? `thread ${place.thread.name}` : `all threads of ${place.project.name}`;
}
