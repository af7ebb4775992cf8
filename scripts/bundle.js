// One esbuild bundle per entry: loading many small ESM files dominates Ink's startup. The bench bundles its
// Ink "hello" baseline with these same options, so the ratio compares like with like.
import {build} from 'esbuild';
import {readFileSync} from 'node:fs';
import {chmod, readFile, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {assertPinnedInk, inkPatch} from './ink-patch.js';

// Absolute, so a caller running from another working directory (the bench, a test) resolves the same stub.
const devtoolsStub = fileURLToPath(new URL('devtools-stub.js', import.meta.url));
// ofetch's entry modules read globalThis.Headers as they load, which makes Node load undici (~18 ms) although the
// client hands ofetch its own fetch and Headers (source/api/transport.ts); the "node" entry also bundles
// node-fetch-native (~160 KB). So `ofetch` is createFetch and FetchError straight from ofetch's shared chunk, found
// through the plain entry's own import line; a version with another layout fails the build here, not at run time.
const ofetchDist = path.join(
	path.dirname(createRequire(import.meta.url).resolve('ofetch/package.json')),
	'dist',
);
const ofetchEntry = readFileSync(path.join(ofetchDist, 'index.mjs'), 'utf8');
const ofetchCore = /import \{ (\w+) as createFetch \} from '(\.\/shared\/ofetch\.[\w-]+\.mjs)';/.exec(
	ofetchEntry,
);
const ofetchErrors =
	/export \{ (\w+) as FetchError, (\w+) as createFetchError \} from '(\.\/shared\/[^']+)';/.exec(ofetchEntry);
if (!ofetchCore || !ofetchErrors || ofetchErrors[3] !== ofetchCore[2])
	throw new Error(
		'ofetch/dist/index.mjs has a new layout: update the ofetch-core plugin in scripts/bundle.js',
	);

/** @type {import('esbuild').Plugin} */
const ofetchWithoutGlobals = {
	name: 'ofetch-core',
	setup(build) {
		build.onResolve({filter: /^ofetch$/}, () => ({path: 'ofetch', namespace: 'ofetch-core'}));
		build.onLoad({filter: /^ofetch$/, namespace: 'ofetch-core'}, () => ({
			contents: `export {${ofetchCore[1]} as createFetch, ${ofetchErrors[1]} as FetchError} from ${JSON.stringify(ofetchCore[2])};`,
			resolveDir: ofetchDist,
			loader: 'js',
		}));
	},
};

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/**
 * The Node the package needs, from `engines` (">=22.12"), so the launcher's check and npm's agree. 22.0 was tried
 * and fails: its web-stream adapter throws "Controller is already closed" from inside Node on an ordinary fetch.
 */
const needed = /^>=(\d+)\.(\d+)$/.exec(packageJson.engines.node)?.slice(1).map(Number);
if (!needed)
	throw new Error(
		`package.json engines.node is ${packageJson.engines.node}: scripts/bundle.js reads ">=N.M"`,
	);

/**
 * The launcher each bundle is run through (the bench's hello too, so the baseline starts the same way).
 *
 * It is written so that any Node parses it (ES5 syntax, no import statement; the bundle is loaded through
 * `new Function`, which an old parser does not look into): an old Node on a jump host gets one line naming the
 * version needed instead of a SyntaxError from the bundle. It runs as an ES module or, on a Node older than 12,
 * as CommonJS; neither needs anything else of it.
 *
 * Node's compile cache keeps V8's compiled code of the bundle between runs: ~10 ms of the explorer's ~170 ms
 * start, measured in CPU time. It lives in the user's own cache directory: a shared temp directory would let
 * another user on the same host plant compiled code. Anything wrong with the directory (or a Node without
 * process.getBuiltinModule, before 22.3) just means starting without the cache. NODE_DISABLE_COMPILE_CACHE=1
 * turns it off, as for any Node program.
 * @param {string} bundleName
 */
const launcher = bundleName => `#!/usr/bin/env node
var running = process.versions.node.split('.');
var major = parseInt(running[0], 10);
if (major < ${needed[0]} || (major === ${needed[0]} && parseInt(running[1], 10) < ${needed[1]})) {
	process.stderr.write('zylon-tui needs Node.js ${needed.join('.')} or later; this is Node.js ' + process.versions.node + '\\n');
	process.exit(1);
}
var compileCache;
try {
	var path = process.getBuiltinModule('node:path');
	var home = process.env.XDG_CACHE_HOME || path.join(process.getBuiltinModule('node:os').homedir(), '.cache');
	var directory = path.join(home, 'zylon-tui', 'compile-cache');
	process.getBuiltinModule('node:fs').mkdirSync(directory, {recursive: true, mode: 448});
	compileCache = process.getBuiltinModule('node:module');
	compileCache.enableCompileCache(directory);
} catch (error) {
	compileCache = undefined;
}
new Function('return import(${JSON.stringify(`./${bundleName}`)})')().then(function () {
	// Written now rather than at exit, which a killed session (a dropped SSH link, SIGKILL) never reaches; a
	// no-op once the cache holds this bundle.
	if (compileCache) compileCache.flushCompileCache();
});
`;

/**
 * V8 keeps a script's source on the heap for as long as it runs: one byte per character when every character is
 * Latin-1, two bytes for all of it otherwise. One "\u2026" in a comment cost the CLI 1.7 MiB of old space for the
 * whole session (a heap snapshot's largest string). esbuild escapes non-ASCII in strings, not in comments or
 * regular expressions, so the build checks.
 */
async function assertOneByte(file) {
	const lines = (await readFile(file, 'utf8')).split('\n');
	const wide = lines.flatMap((line, index) =>
		/[^\u0000-\u00FF]/u.test(line) ? [`${index + 1}: ${line.trim()}`] : [],
	);
	if (wide.length > 0)
		throw new Error(
			`${file}: characters beyond Latin-1 make V8 keep the bundle two bytes per character; escape them or spell them in ASCII:\n${wide.join('\n')}`,
		);
}

/**
 * Writes `outfile` (the launcher) and the bundle beside it as `<name>-bundle.js`.
 * @param {{entry: string; outfile: string; product?: boolean}} options `product`: the CLI's own plugins (the hello has none)
 */
export async function bundle({entry, outfile, product = false}) {
	const bundleFile = outfile.replace(/\.js$/, '') + '-bundle.js';
	if (product) assertPinnedInk();
	await build({
		entryPoints: [entry],
		outfile: bundleFile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22',
		jsx: 'automatic',
		minifySyntax: true,
		legalComments: 'none',
		logLevel: 'warning',
		define: {
			'process.env.NODE_ENV': '"production"',
			// source/version.ts: the version is built in, never read from a package.json at run time.
			...(product ? {ZYLON_TUI_VERSION: JSON.stringify(packageJson.version)} : {}),
		},
		// Ink imports react-devtools-core statically; it is only for development, never shipped.
		alias: {'react-devtools-core': devtoolsStub},
		// The Ink patch (scripts/ink-patch.js) is only for the CLI: the bench's hello measures plain Ink.
		plugins: [ofetchWithoutGlobals, ...(product ? [inkPatch] : [])],
		// CommonJS dependencies bundled into ESM still call require().
		banner: {
			js: "import {createRequire as __zylonCreateRequire} from 'node:module';const require = __zylonCreateRequire(import.meta.url);",
		},
	});
	if (product) await assertOneByte(bundleFile);
	await writeFile(outfile, launcher(path.basename(bundleFile)));
	await chmod(outfile, 0o755);
}
