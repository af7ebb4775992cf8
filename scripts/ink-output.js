// What Ink's renderer gets in place of its own './output.js' in the CLI bundle (scripts/ink-patch.js): that class,
// with each frame composed row by row from what earlier frames made. By file path: build/output.js is not among
// Ink's exports.
import InkOutput from '../node_modules/ink/build/output.js';
import {withRowCache} from '../source/lib/terminal/output.ts';

export default withRowCache(InkOutput);
