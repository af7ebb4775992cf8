// The version is built into the bundle (scripts/bundle.js defines ZYLON_TUI_VERSION from package.json), never read
// from a package.json near the program: the standalone executable has none of its own, and one it found near the
// working directory printed another project's version.
declare const ZYLON_TUI_VERSION: string | undefined;

export const VERSION: string = typeof ZYLON_TUI_VERSION === 'string' ? ZYLON_TUI_VERSION : '0.0.0-source';

/** `--version`: the version, then the runtime a bug report needs. */
export async function versionText(): Promise<string> {
	const {isSea} = await import('node:sea');
	const runtime = isSea() ? 'standalone executable, Node' : 'Node';
	return `${VERSION}\n${runtime} ${process.version} on ${process.platform}-${process.arch}\n`;
}
