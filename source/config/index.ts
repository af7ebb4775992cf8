export {normalizeBaseUrl} from './base-url.ts';
export {ConfigError} from './errors.ts';
export {resolveConnection} from './resolve.ts';
export type {Resolved} from './resolve.ts';
