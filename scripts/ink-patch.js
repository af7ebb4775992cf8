// The two places where the CLI bundle changes Ink itself, and the guard that they still fit. Everything about the
// patch is here: scripts/bundle.js applies it with esbuild, test/helpers/shipped-ink.ts applies the same rule to a
// test process, so component tests can run on what ships (readme.md, "Architecture").
//
// 1. Ink's renderer (build/ink.js) imports its private './log-update.js', which writes each frame. The bundle hands
//    it scripts/ink-log-update.js instead: Ink's own module wrapped by the cell-level frame writer
//    (source/lib/terminal/log-update.ts says why: a list move writes a fraction of the bytes).
// 2. The renderer's private './output.js' (build/renderer.js) goes to scripts/ink-output.js: Ink's Output class
//    with frames composed row by row and remembered (source/lib/terminal/output.ts says why: most of a frame's cost).
// 3. Ink's renderer (build/ink.js) imports `throttle` from 'es-toolkit/compat'; it gets scripts/ink-throttle.js, the
//    same throttle except that the render after a key is not held back (source/lib/input-priority.ts says why).
// 4. Every `string-width` import, Ink's included, goes to source/lib/string-width-shim.ts (narrow text is measured
//    by counting; source/lib/narrow-text.ts says why), except narrow-text.ts's own, which loads the real one.
//
// None of build/ink.js, build/renderer.js, build/output.js and build/log-update.js is part of Ink's public API: a
// minor or patch release may rename, move or reshape them, and the bundle would still build and then misdraw. So the
// patch is made for one Ink version, the one package.json pins, and refused for any other until someone has re-read
// Ink's renderer against it (test/terminal-log-update.test.ts, test/terminal-output.test.ts and
// test/components-shipped.test.tsx check the contract).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const inkBuild = path.dirname(require.resolve('ink'));
const inkRenderer = path.join(inkBuild, 'ink.js');
const inkFrameRenderer = path.join(inkBuild, 'renderer.js');
const shippedLogUpdate = fileURLToPath(new URL('ink-log-update.js', import.meta.url));
const shippedOutput = fileURLToPath(new URL('ink-output.js', import.meta.url));
const shippedThrottle = fileURLToPath(new URL('ink-throttle.js', import.meta.url));
const narrowText = path.join(root, 'source/lib/narrow-text.ts');
const stringWidthShim = path.join(root, 'source/lib/string-width-shim.ts');

const readJson = file => JSON.parse(readFileSync(file, 'utf8'));

/** Throws unless the installed Ink is the version package.json pins, the one the patch was written against. */
export function assertPinnedInk() {
	const pinned = readJson(path.join(root, 'package.json')).devDependencies.ink;
	const installed = readJson(path.join(inkBuild, '..', 'package.json')).version;
	if (installed !== pinned)
		throw new Error(
			`Ink ${installed} is installed, but the CLI bundle patches Ink ${pinned} only: it swaps Ink's private ` +
				`build/log-update.js for the cell frame writer and build/output.js for the row-composed Output, gives ` +
				`build/ink.js a throttle that lets a key's render through, and reroutes string-width ` +
				`(scripts/ink-patch.js). Those files are not Ink's public API and may differ in ` +
				`another version. Re-read Ink's build/ink.js, build/log-update.js, build/renderer.js and ` +
				`build/output.js against source/lib/terminal/log-update.ts and output.ts, run ` +
				`test/terminal-log-update.test.ts, test/terminal-output.test.ts and ` +
				`test/components-shipped.test.tsx, then pin the new version ` +
				`in package.json.`,
		);
}

/**
 * Where the patched build sends `specifier` imported by the file `importer` (an absolute path), or undefined when it
 * resolves as usual.
 * @param {string} specifier
 * @param {string} importer
 * @returns {string | undefined}
 */
export function patchedImport(specifier, importer) {
	if (specifier === './log-update.js' && importer === inkRenderer) return shippedLogUpdate;
	if (specifier === './output.js' && importer === inkFrameRenderer) return shippedOutput;
	if (specifier === 'es-toolkit/compat' && importer === inkRenderer) return shippedThrottle;
	if (specifier === 'string-width' && importer !== narrowText) return stringWidthShim;
	return undefined;
}

/**
 * The patch as an esbuild plugin; call assertPinnedInk first (the CLI bundle only: the bench's hello measures plain
 * Ink).
 * @type {import('esbuild').Plugin}
 */
export const inkPatch = {
	name: 'ink-patch',
	setup(build) {
		build.onResolve(
			{filter: /^(\.\/log-update\.js|\.\/output\.js|es-toolkit\/compat|string-width)$/},
			args => {
				const to = patchedImport(args.path, args.importer);
				return to === undefined ? undefined : {path: to};
			},
		);
	},
};
