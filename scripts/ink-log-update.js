// What Ink's renderer gets in place of its own './log-update.js' in the CLI bundle (scripts/ink-patch.js): that
// module, wrapped by the cell-level frame writer. By file path: build/log-update.js is not among Ink's exports.
import ink from '../node_modules/ink/build/log-update.js';
import {withCellWriter} from '../source/lib/terminal/log-update.ts';

export default withCellWriter(ink);
