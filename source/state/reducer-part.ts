// A reducer written as one handler per action type. The handler table is typed by the action union, so
// the set of types a part handles is derived from that union (a missing or extra handler is a type
// error) and the explorer reducer forwards to a part without listing its action types again.

type Handlers<S, A extends {readonly type: string}> = {
	readonly [K in A['type']]: (state: S, action: Extract<A, {readonly type: K}>) => S;
};

export type ReducerPart<S, A extends {readonly type: string}> = {
	/** Whether `action` is one of this part's; narrows it for `reduce`. */
	readonly handles: (action: {readonly type: string}) => action is A;
	readonly reduce: (state: S, action: A) => S;
};

export function reducerPart<S, A extends {readonly type: string}>(
	handlers: Handlers<S, A>,
): ReducerPart<S, A> {
	return {
		handles: (action): action is A => Object.hasOwn(handlers, action.type),
		reduce: (state, action) =>
			(handlers[action.type as A['type']] as (state: S, action: A) => S)(state, action),
	};
}
