// One esbuild bundle for the shipped bin: loading many small ESM files dominates Ink's startup.
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';

const outfile = 'dist/cli.js';

await build({
	entryPoints: ['source/cli.tsx'],
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
	alias: {'react-devtools-core': './scripts/devtools-stub.js'},
	// CommonJS dependencies bundled into ESM still call require().
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __zylonCreateRequire} from 'node:module';const require = __zylonCreateRequire(import.meta.url);",
	},
});
await chmod(outfile, 0o755);
