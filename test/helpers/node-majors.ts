// Each Node major the package supports, as the npm registry's `node` package (the same package the project
// pins for development), installed once into node_modules/.cache and reused by every test file and run.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

/**
 * Exact versions, so a run is reproducible; V8's major (what runtime-memory.ts keys on) is fixed per Node major. For
 * 22 the oldest that package.json's engines allows, so that promise is tested.
 */
export const NODE_VERSIONS = ['22.12.0', '24.21.0', '26.10.0'] as const;

const root = fileURLToPath(new URL('../..', import.meta.url));
const cache = path.join(root, 'node_modules/.cache/zylon-tui-node');
const installs = new Map<string, Promise<string>>();

/** The `node` binary of `version`, installed on first use. */
export function nodeBinary(version: string): Promise<string> {
	let install = installs.get(version);
	if (!install) {
		install = installNode(version);
		installs.set(version, install);
	}

	return install;
}

async function installNode(version: string): Promise<string> {
	const target = path.join(cache, version);
	const binary = path.join(target, 'node_modules/.bin/node');
	if (existsSync(binary)) return binary;
	await mkdir(cache, {recursive: true});
	// Installed beside the target and renamed into place, so two test files installing at once both end up
	// with a complete install, and an interrupted one leaves nothing that looks complete.
	const staging = await mkdtemp(`${target}.tmp-`);
	try {
		await promisify(execFile)(
			'npm',
			[
				'install',
				'--prefix',
				staging,
				'--no-save',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				`node@${version}`,
			],
			{env: {...process.env, npm_config_update_notifier: 'false'}, maxBuffer: 1 << 24},
		);
		await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
			if (!existsSync(binary)) throw error;
		});
	} finally {
		await rm(staging, {recursive: true, force: true});
	}

	return binary;
}

export async function runNode(
	binary: string,
	args: readonly string[],
	options: {env?: Record<string, string>; cwd?: string} = {},
): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await promisify(execFile)(binary, [...args], {
			cwd: options.cwd,
			env: options.env,
			maxBuffer: 1 << 24,
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code: number; stdout: string; stderr: string};
		return {code: failure.code, stdout: failure.stdout, stderr: failure.stderr};
	}
}
