// One esbuild bundle per entry: loading many small ESM files dominates Ink's startup. The bench bundles its
// Ink "hello" baseline with these same options, so the ratio compares like with like.
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

// Absolute, so a caller running from another working directory (the bench, a test) resolves the same stub.
const devtoolsStub = fileURLToPath(new URL('devtools-stub.js', import.meta.url));

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
		alias: {'react-devtools-core': devtoolsStub},
		// CommonJS dependencies bundled into ESM still call require().
		banner: {
			js: "#!/usr/bin/env node\nimport {createRequire as __zylonCreateRequire} from 'node:module';const require = __zylonCreateRequire(import.meta.url);",
		},
	});
	await chmod(outfile, 0o755);
}
