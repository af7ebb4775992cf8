// `npm run package`: the standalone executable dist/zylon-tui-<platform>-<arch>, for hosts without Node (a jump
// host): the Node running this script with the bundle (dist/cli-bundle.js, built first by the npm script) as its
// main module, through Node's single executable application support. Beside it, a checksum file for
// `sha256sum -c`. It is built for the platform it runs on: the readme says how to build for another.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {createReadStream, existsSync, statSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const {values} = parseArgs({
	options: {output: {type: 'string'}, 'no-code-cache': {type: 'boolean', default: false}},
});
const main = path.join(root, 'dist/cli-bundle.js');
const output = path.resolve(values.output ?? path.join(root, 'dist', executableName()));

/** zylon-tui-linux-x64, zylon-tui-darwin-arm64, zylon-tui-win-x64.exe… */
function executableName(platform = process.platform, arch = process.arch) {
	return platform === 'win32' ? `zylon-tui-win-${arch}.exe` : `zylon-tui-${platform}-${arch}`;
}

function fail(message) {
	console.error(`npm run package: ${message}`);
	process.exit(1);
}

// The pinned Node 26 (npm scripts run it): --build-sea with an ES-module main and its code cache.
if (Number.parseInt(process.versions.node, 10) < 26)
	fail(
		`needs Node 26 for --build-sea with an ES-module main; this is ${process.version} (run it through npm)`,
	);
if (!existsSync(main)) fail(`${path.relative(root, main)} is missing: run npm run build first`);

const config = {
	main,
	mainFormat: 'module',
	output,
	disableExperimentalSEAWarning: true,
	// V8's compiled code of the bundle, made now and built in: the executable's counterpart of the compile cache
	// the bin's launcher keeps in ~/.cache (bench/results.md has what each saves).
	useCodeCache: !values['no-code-cache'],
	// A program of its own: NODE_OPTIONS meant for some other Node program on the host does not reach it.
	execArgvExtension: 'none',
};
const temp = await mkdtemp(path.join(tmpdir(), 'zylon-package-'));
try {
	const configFile = path.join(temp, 'sea-config.json');
	await writeFile(configFile, JSON.stringify(config, undefined, '\t'));
	execFileSync(process.execPath, ['--build-sea', configFile], {stdio: ['ignore', 'ignore', 'inherit']});
} finally {
	await rm(temp, {recursive: true, force: true});
}

const hash = createHash('sha256');
for await (const chunk of createReadStream(output)) hash.update(chunk);
await writeFile(`${output}.sha256`, `${hash.digest('hex')}  ${path.basename(output)}\n`);
const mib = (statSync(output).size / 1048576).toFixed(1);
console.log(
	`${path.relative(process.cwd(), output)}: ${mib} MiB, and its checksum in ${path.basename(output)}.sha256`,
);
