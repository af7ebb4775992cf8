// What Ink's renderer (build/ink.js) gets in place of 'es-toolkit/compat' in the CLI bundle (scripts/ink-patch.js):
// it imports only `throttle` from there.
export {throttle} from '../source/lib/terminal/throttle.ts';
