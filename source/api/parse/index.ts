export {parseInteraction, parseInteractionPage} from './interaction.ts';
export {parseProject, parseProjectPage, parseThread, parseThreadPage, parseUser} from './entities.ts';
export {maskSecrets, MASKED} from './mask.ts';
export {capDepth, compactJson, sanitizeJson, MAX_DEPTH} from './json-text.ts';
export type {ParseOptions} from './reader.ts';
