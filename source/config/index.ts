export {normalizeBaseUrl} from './base-url.ts';
export {ConfigError} from './errors.ts';
export {configFilePath, resolveConnection} from './resolve.ts';
export type {ConnectionFlags, Resolved, ResolveInput} from './resolve.ts';
export type {ConfigFile, Profile} from './files.ts';
