// One way to stand between the screens and the client: every request method goes through `around`, built
// from the client itself (a Proxy), so a method added to ZylonClient is intercepted with no edit here or in
// the wrappers (the start-up prefetch, the first screen's answers in hand). Keys for "the same call" are
// made here too, once, from the method's name and its arguments without the signal.
import type {ZylonClient} from './client-types.ts';

/** Every request the client makes: its methods but the generation accessor and the cache hint. */
export type ClientRequests = Omit<ZylonClient, 'connection' | 'generation' | 'refreshThreads'>;
export type ClientMethod = keyof ClientRequests;
type Params<M extends ClientMethod> = Parameters<ClientRequests[M]>;
type Answer<M extends ClientMethod> = ReturnType<ClientRequests[M]>;

/** Sees each call with its arguments (signal included, as passed); `next` makes the call on the client. */
export type Around = <M extends ClientMethod>(method: M, args: Params<M>, next: () => Answer<M>) => Answer<M>;

// refreshThreads asks nothing: it marks a cached thread list stale, so it passes straight through.
const NOT_REQUESTS = new Set<PropertyKey>(['connection', 'generation', 'refreshThreads']);

export function intercept(client: ZylonClient, around: Around): ZylonClient {
	return new Proxy(client, {
		get(target, property, receiver) {
			const value: unknown = Reflect.get(target, property, receiver);
			if (typeof value !== 'function' || NOT_REQUESTS.has(property)) return value;
			const method = property as ClientMethod;
			return (...args: Params<typeof method>) =>
				around(method, args, () => (value as (...a: unknown[]) => Answer<typeof method>).apply(target, args));
		},
	});
}

/** The AbortSignal among a call's arguments, if any. */
export const signalOf = (args: readonly unknown[]): AbortSignal | undefined =>
	args.find((arg): arg is AbortSignal => arg instanceof AbortSignal);

/**
 * A stable key for a call: its name and arguments without the signal and trailing undefined (so
 * `thread(id)` and `thread(id, undefined, signal)` are the same call), object keys sorted, undefined dropped.
 */
export function callKey(method: ClientMethod, args: readonly unknown[]): string {
	const kept = args.filter(arg => !(arg instanceof AbortSignal));
	while (kept.length > 0 && kept.at(-1) === undefined) kept.pop();
	return `${method}:${JSON.stringify(kept, (_key, value: unknown) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
			: value,
	)}`;
}
