// Regenerates source/api/openapi/*.ts from the vendor's OpenAPI documents, which live beside the
// repository (../shared/zylon-openapi) and are never copied into it.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';

const specs = path.resolve(process.env.ZYLON_OPENAPI_DIR ?? '../shared/zylon-openapi');
const documents = {
	'workspace-2026-02-24.json': 'source/api/openapi/workspace-current.ts',
	'workspace-2025-11-25.json': 'source/api/openapi/workspace-legacy.ts',
};

for (const [document, output] of Object.entries(documents)) {
	const input = path.join(specs, document);
	if (!existsSync(input)) {
		console.error(`Cannot regenerate ${output}: ${input} is missing (set ZYLON_OPENAPI_DIR).`);
		process.exit(1);
	}
	execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', input, '-o', output], {
		stdio: 'inherit',
	});
}
