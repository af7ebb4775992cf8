// The first screen's requests, started before the UI modules load: the network wait then overlaps with
// loading Ink and the app instead of following it, and requests that do not depend on each other go out
// together. The screens ask the client as usual; a call that matches a request already in flight gets
// that request's promise (once), anything else goes to the server.
import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import type {ZylonClient} from '../api/client-types.ts';
import {ApiError} from '../api/errors.ts';
import {callKey, intercept, signalOf, type ClientMethod} from '../api/intercept.ts';
import {requestSentChannel} from '../api/transport.ts';
import type {DeepLink} from '../deep-link.ts';
import {firstInteractionPage, firstListPage} from '../domain/all-pages.ts';
import type {InteractionScope, PageOrder, PageRequest, User} from '../domain/types.ts';

export type StartupPlan = {
	readonly deepLink: DeepLink;
	readonly order: PageOrder;
	readonly pageSize: number;
	/** The user id remembered for this connection: lets the project list go out beside `me()`. */
	readonly rememberedUserId?: string;
	/** Called with the id `me()` answered, so it can be remembered for the next start. */
	readonly onUser?: (user: User) => void;
	/** How long a page asked `ahead` may be handed over (AHEAD_FRESH_MS); tests shorten it. */
	readonly aheadFreshMs?: number;
};

type Pending = {
	readonly promise: Promise<unknown>;
	readonly controller: AbortController;
	/** A guess made after start-up (`ahead`): not handed to a call after this (performance.now()). */
	readonly staleAt?: number;
	/** Set once the answer is in: the first frame can be drawn with it instead of a spinner. */
	answer?: {readonly value: unknown};
};

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
	peek(method: ClientMethod, args: readonly unknown[]): {readonly value: unknown} | undefined;
	/** Drops a prefetched answer that was used elsewhere, so a later call asks the server afresh. */
	forget(method: ClientMethod, args: readonly unknown[]): void;
	/**
	 * A page a screen can guess comes next (the thread list's "All threads" under the cursor): asked now, and
	 * handed to that call if it comes within AHEAD_FRESH_MS; later, the call asks the server afresh.
	 */
	ahead(scope: InteractionScope, page: PageRequest): void;
};

/** How long a guessed page may be handed over: older, its rows would pass for the present. */
const AHEAD_FRESH_MS = 30_000;

const stale = (entry: Pending): boolean => entry.staleAt !== undefined && performance.now() > entry.staleAt;

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

	function start(
		method: ClientMethod,
		args: readonly unknown[],
		run: (signal: AbortSignal) => Promise<unknown>,
		staleAt?: number,
	) {
		const controller = new AbortController();
		// A guess is not what the first frame waits for, nor what loading the UI waits to see written.
		if (staleAt === undefined) unsent++;
		const promise = run(controller.signal);
		const entry: Pending = {promise, controller, ...(staleAt === undefined ? {} : {staleAt})};
		// Nobody may ever ask for it (the user id changed, the deep link failed): not an unhandled rejection.
		promise.then(
			value => {
				entry.answer = {value};
			},
			() => undefined,
		);
		pending.set(callKey(method, args), entry);
		if (staleAt === undefined) all.push(promise);
	}

	function settled(ms: number): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<void>(resolve => {
			timer = setTimeout(resolve, ms);
		});
		const done = Promise.allSettled(all).then(() => undefined);
		return Promise.race([done, late]).finally(() => clearTimeout(timer));
	}

	function take<T>(method: ClientMethod, args: readonly unknown[], call: () => T): T {
		const key = callKey(method, args);
		const entry = pending.get(key);
		if (!entry) return call();
		pending.delete(key);
		if (stale(entry)) return call();
		const signal = signalOf(args);
		if (!signal) return entry.promise as T;
		return new Promise((resolve, reject) => {
			const abort = () => {
				entry.controller.abort();
				reject(new ApiError('aborted', `Cancelled: ${method}`));
			};
			if (signal.aborted) return abort();
			signal.addEventListener('abort', abort, {once: true});
			entry.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
		}) as T;
	}

	function ahead(scope: InteractionScope, page: PageRequest): void {
		const args = [scope, page] as const;
		const guessed = pending.get(callKey('interactions', args));
		if (guessed && !stale(guessed)) return;
		const staleAt = performance.now() + (plan.aheadFreshMs ?? AHEAD_FRESH_MS);
		start('interactions', args, signal => client.interactions(scope, page, signal), staleAt);
	}

	const {deepLink: link, order, pageSize} = plan;
	if (!link.projectId && !link.threadId && !link.interactionId) {
		start('me', [], signal => client.me(signal));
		if (plan.rememberedUserId) {
			const userId = plan.rememberedUserId;
			const page = firstListPage();
			start('projects', [userId, page], signal => client.projects(userId, page, signal));
		}
	} else {
		// What resolveDeepLink asks first, and the interaction list's first page when it is already named.
		if (link.projectId) {
			const projectId = link.projectId;
			start('project', [projectId], signal => client.project(projectId, signal));
			// A project alone opens on its thread list, "All threads" under the cursor (app.tsx asks it too).
			if (!link.threadId && !link.interactionId) ahead({projectId}, firstInteractionPage(pageSize, order));
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
				const first = firstInteractionPage(pageSize, order);
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

	const wrapped = intercept(client, (method, args, next) => {
		const answer = take(method, args, next);
		if (method === 'me' && plan.onUser) (answer as Promise<User>).then(plan.onUser, () => undefined);
		return answer;
	});
	return {
		client: wrapped,
		sent,
		settled,
		peek: (method, args) => pending.get(callKey(method, args))?.answer,
		forget(method, args) {
			pending.delete(callKey(method, args));
		},
		ahead,
	};
}
