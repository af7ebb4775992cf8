// --project / --thread / --interaction: find the place they name. An id that does not exist falls back
// to the nearest selector that does, with a message naming the id and where the user landed.
import type {ZylonClient} from './api/client-types.ts';
import {isApiError} from './api/errors.ts';
import type {Project, Thread} from './domain/types.ts';
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
	  };

type Resolved = {readonly place: Place; readonly notice?: string};

const why = (error: unknown) => (isApiError(error) ? error.message : errorMessage(error));

export async function resolveDeepLink(
	client: ZylonClient,
	link: DeepLink,
	signal: AbortSignal,
): Promise<Resolved> {
	let project: Project | undefined;
	if (link.projectId) {
		try {
			project = await client.project(link.projectId, signal);
		} catch (error) {
			return {place: {level: 'projects'}, notice: `${why(error)} · showing the project list.`};
		}
	}

	if (link.interactionId) {
		try {
			const interaction = await client.interaction(link.interactionId, project?.id, signal);
			project ??= await client.project(interaction.projectId, signal);
			const thread = interaction.threadId
				? await client.thread(interaction.threadId, project.id, signal)
				: undefined;
			return {place: {level: 'interactions', project, thread, selectId: interaction.id}};
		} catch (error) {
			const fallback = await resolveDeepLink(client, {...link, interactionId: undefined}, signal);
			return {place: fallback.place, notice: `${why(error)} · showing ${describe(fallback.place)}.`};
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
			const place: Place = project ? {level: 'threads', project} : {level: 'projects'};
			return {place, notice: `${why(error)} · showing ${describe(place)}.`};
		}
	}

	return {place: project ? {level: 'threads', project} : {level: 'projects'}};
}

function describe(place: Place): string {
	if (place.level === 'projects') return 'the project list';
	if (place.level === 'threads') return `the threads of ${place.project.name}`;
	return place.thread ? `thread ${place.thread.name}` : `all threads of ${place.project.name}`;
}
