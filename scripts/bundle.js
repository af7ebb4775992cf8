// One esbuild bundle per entry: loading many small ESM files dominates Ink's startup. The bench bundles its
// Ink "hello" baseline with these same options, so the ratio compares like with like.
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// Absolute, so a caller running from another working directory (the bench, a test) resolves the same stub.
const devtoolsStub = fileURLToPath(new URL('devtools-stub.js', import.meta.url));
// ofetch's "node" build only differs when Node has no global fetch (never on Node >= 22), yet it bundles
// node-fetch-native (~160 KB) that startup would parse and evaluate for nothing: take the plain build.
const ofetchPlain = path.join(
	path.dirname(createRequire(import.meta.url).resolve('ofetch/package.json')),
	'dist/index.mjs',
);

/** @param {{entry: string; outfile: string}} options */
export async function bundle({entry, outfile}) {
	await build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22',
		jsx: 'automatic',
		minifySyntax: true,
		legalComments: 'none',
		logLevel: 'warning',
		define: {'process.env.NODE_ENV': '"production"'},
		// Ink imports react-devtools-core statically; it is only for development, never shipped.
		alias: {'react-devtools-core': devtoolsStub, ofetch: ofetchPlain},
		// CommonJS dependencies bundled into ESM still call require().
		banner: {
			js: "#!/usr/bin/env node\nimport {createRequire as __zylonCreateRequire} from 'node:module';const require = __zylonCreateRequire(import.meta.url);",
		},
	});
	await chmod(outfile, 0o755);
}
