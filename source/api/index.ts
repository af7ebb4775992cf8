export {createClient} from './client.ts';
export {ApiError, isApiError} from './errors.ts';
export type {ApiErrorKind} from './errors.ts';
export type {ClientOptions, Connection, RouteGeneration, ZylonClient} from './client-types.ts';
