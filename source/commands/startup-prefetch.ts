// The first screen's requests, started before the UI modules load: the network wait then overlaps with
// loading Ink and the app instead of following it, and requests that do not depend on each other go out
// together. The screens ask the client as usual; a call that matches a request already in flight gets
// that request's promise (once), anything else goes to the server.
import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import type {ZylonClient} from '../api/client-types.ts';
import {ApiError} from '../api/errors.ts';
import {requestSentChannel} from '../api/transport.ts';
import type {DeepLink} from '../deep-link.ts';
import type {PageOrder, PageRequest, User} from '../domain/types.ts';

export type StartupPlan = {
	readonly deepLink: DeepLink;
	readonly order: PageOrder;
	readonly pageSize: number;
	/** The user id remembered for this connection: lets the project list go out beside `me()`. */
	readonly rememberedUserId?: string;
	/** Called with the id `me()` answered, so it can be remembered for the next start. */
	readonly onUser?: (user: User) => void;
};

/** Must match what the project screen asks for its first page (lib/all-pages.ts). */
export const PROJECTS_FIRST_PAGE: PageRequest = {first: 100};

type Pending = {
	readonly promise: Promise<unknown>;
	readonly controller: AbortController;
	/** Set once the answer is in: the first frame can be drawn with it instead of a spinner. */
	answer?: {readonly value: unknown};
};

/** A stable key for a call: its name and arguments, object keys sorted, undefined dropped. */
export function callKey(method: string, args: readonly unknown[]): string {
	return `${method}:${JSON.stringify(args, (_key, value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
			: value,
	)}`;
}

export type Prefetching = {
	readonly client: ZylonClient;
	/**
	 * Resolves once the requests are on the wire (or after a few event-loop turns): loading the UI blocks
	 * the event loop for tens of milliseconds, and a request not yet written by then waits for all of it.
	 */
	readonly sent: Promise<void>;
	/** Resolves once every prefetched request has settled, or after `ms`, whichever is first. */
	settled(ms: number): Promise<void>;
	/** The answer of a prefetched call already in, without taking it from the screen that will ask. */
	peek(method: string, args: readonly unknown[]): {readonly value: unknown} | undefined;
	/** Drops a prefetched answer that was used elsewhere, so a later call asks the server afresh. */
	forget(method: string, args: readonly unknown[]): void;
};

const MAX_TURNS = 4;

export function startupPrefetch(client: ZylonClient, plan: StartupPlan): Prefetching {
	const pending = new Map<string, Pending>();
	const all: Promise<unknown>[] = [];
	let unsent = 0;
	let onSent: () => void = () => undefined;
	const sent = new Promise<void>(resolve => {
		onSent = resolve;
	});
	const count = () => {
		if (--unsent <= 0) onSent();
	};
	subscribe(requestSentChannel, count);

	function start(method: string, args: readonly unknown[], run: (signal: AbortSignal) => Promise<unknown>) {
		const controller = new AbortController();
		unsent++;
		const promise = run(controller.signal);
		const entry: Pending = {promise, controller};
		// Nobody may ever ask for it (the user id changed, the deep link failed): not an unhandled rejection.
		promise.then(
			value => {
				entry.answer = {value};
			},
			() => undefined,
		);
		pending.set(callKey(method, args), entry);
		all.push(promise);
	}

	function settled(ms: number): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<void>(resolve => {
			timer = setTimeout(resolve, ms);
		});
		const done = Promise.allSettled(all).then(() => undefined);
		return Promise.race([done, late]).finally(() => clearTimeout(timer));
	}

	function take<T>(
		method: string,
		args: readonly unknown[],
		signal: AbortSignal | undefined,
		call: () => Promise<T>,
	) {
		const key = callKey(method, args);
		const entry = pending.get(key);
		if (!entry) return call();
		pending.delete(key);
		if (!signal) return entry.promise as Promise<T>;
		return new Promise<T>((resolve, reject) => {
			const abort = () => {
				entry.controller.abort();
				reject(new ApiError('aborted', `Cancelled: ${method}`));
			};
			if (signal.aborted) return abort();
			signal.addEventListener('abort', abort, {once: true});
			(entry.promise as Promise<T>)
				.then(resolve, reject)
				.finally(() => signal.removeEventListener('abort', abort));
		});
	}

	const {deepLink: link, order, pageSize} = plan;
	if (!link.projectId && !link.threadId && !link.interactionId) {
		start('me', [], signal => client.me(signal));
		if (plan.rememberedUserId) {
			const userId = plan.rememberedUserId;
			start('projects', [userId, PROJECTS_FIRST_PAGE], signal =>
				client.projects(userId, PROJECTS_FIRST_PAGE, signal),
			);
		}
	} else {
		// What resolveDeepLink asks first, and the interaction list's first page when it is already named.
		if (link.projectId) {
			const projectId = link.projectId;
			start('project', [projectId], signal => client.project(projectId, signal));
		}
		if (link.interactionId) {
			const [interactionId, projectId] = [link.interactionId, link.projectId];
			start('interaction', [interactionId, projectId], signal =>
				client.interaction(interactionId, projectId, signal),
			);
		} else if (link.threadId) {
			const [threadId, projectId] = [link.threadId, link.projectId];
			start('thread', [threadId, projectId], signal => client.thread(threadId, projectId, signal));
			if (projectId) {
				const scope = {projectId, threadId};
				const first: PageRequest = {first: pageSize, order, totalCount: true};
				start('interactions', [scope, first], signal => client.interactions(scope, first, signal));
			}
		}
	}

	void (async () => {
		// Whichever comes first: every request written, or a few turns (another HTTP stack sends no events).
		for (let turn = 0; turn < MAX_TURNS && unsent > 0; turn++)
			await new Promise(resolve => setImmediate(resolve));
		unsubscribe(requestSentChannel, count);
		onSent();
	})();

	const wrapped: ZylonClient = {
		connection: client.connection,
		generation: () => client.generation(),
		refreshThreads: projectId => client.refreshThreads(projectId),
		me(signal) {
			const answer = take<User>('me', [], signal, () => client.me(signal));
			if (plan.onUser) answer.then(plan.onUser, () => undefined);
			return answer;
		},
		projects: (userId, page, signal) =>
			take('projects', [userId, page], signal, () => client.projects(userId, page, signal)),
		project: (projectId, signal) =>
			take('project', [projectId], signal, () => client.project(projectId, signal)),
		threads: (projectId, page, signal) => client.threads(projectId, page, signal),
		thread: (threadId, projectId, signal) =>
			take('thread', [threadId, projectId], signal, () => client.thread(threadId, projectId, signal)),
		interactions: (scope, page, signal) =>
			take('interactions', [scope, page], signal, () => client.interactions(scope, page, signal)),
		interaction: (interactionId, projectId, signal) =>
			take('interaction', [interactionId, projectId], signal, () =>
				client.interaction(interactionId, projectId, signal),
			),
	};
	return {
		client: wrapped,
		sent,
		settled,
		peek: (method, args) => pending.get(callKey(method, args))?.answer,
		forget(method, args) {
			pending.delete(callKey(method, args));
		},
	};
}
