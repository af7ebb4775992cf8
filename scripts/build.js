import {bundle} from './bundle.js';

try {
	await bundle({entry: 'source/cli.tsx', outfile: 'dist/cli.js', product: true});
} catch (error) {
	// The reason, not a stack: esbuild has already printed its own diagnostics, and the Ink guard says what to do.
	console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
}
