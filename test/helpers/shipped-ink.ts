// Makes this test process load Ink the way the CLI bundle ships it (scripts/ink-patch.js): Ink's renderer gets the
// cell frame writer in place of its own log-update, the row-composed Output in place of its own and a throttle that
// lets a key's render through, and string-width is the narrow-text shim. Call installShippedInk() before anything
// imports Ink (import the components under test dynamically after it): a module hook only sees imports resolved
// after it is registered.
import {registerHooks} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {assertPinnedInk, patchedImport} from '../../scripts/ink-patch.js';

const redirected = new Set<string>();
let registered = false;

export function installShippedInk(): void {
	if (registered) return;
	registered = true;
	assertPinnedInk();
	registerHooks({
		resolve(specifier, context, nextResolve) {
			const importer = context.parentURL?.startsWith('file:') ? fileURLToPath(context.parentURL) : undefined;
			const to = importer === undefined ? undefined : patchedImport(specifier, importer);
			if (to === undefined) return nextResolve(specifier, context);
			redirected.add(specifier);
			return {url: pathToFileURL(to).href, shortCircuit: true};
		},
	});
}

/** Whether Ink's renderer was loaded with the cell frame writer (false when Ink was imported before the hook). */
export const cellWriterInUse = (): boolean => redirected.has('./log-update.js');

/** Whether Ink's renderer was loaded with the row-composed Output (source/lib/terminal/output.ts). */
export const rowOutputInUse = (): boolean => redirected.has('./output.js');

/** Whether Ink was loaded with the throttle that lets a key's render through (source/lib/terminal/throttle.ts). */
export const keyThrottleInUse = (): boolean => redirected.has('es-toolkit/compat');
