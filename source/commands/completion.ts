// `zylon-tui completion bash|zsh|fish` prints a completion script; `zylon-tui completion profiles` is what those
// scripts run on Tab after --profile: the profile names of the config file, one a line.
import {COMPLETION_SHELLS} from '../cli-help.ts';
import {ConfigError} from '../config/errors.ts';
import {configFilePath} from '../config/resolve.ts';
import {readConfigFile} from '../config/files.ts';
import {completionScript, isShell} from './completion-scripts.ts';

/** Names a shell can take as they are: bash's compgen expands the words it is given, so `$(…)` would run. */
const plainName = /^[\w.@+:-]+$/;

export async function profileNames(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
	try {
		const path = configFilePath(env);
		const config = await readConfigFile(path, path, []);
		return Object.keys(config?.profiles ?? {}).filter(name => plainName.test(name));
	} catch {
		// A missing or broken config file is for the explorer to explain; a Tab press just offers nothing.
		return [];
	}
}

/** `input`: the words after `completion`. Returns what to print on stdout, or throws a usage error. */
export async function runCompletion(input: readonly string[]): Promise<string> {
	const [what, extra] = input;
	if (extra === undefined && what === 'profiles') {
		const names = await profileNames();
		return names.length > 0 ? `${names.join('\n')}\n` : '';
	}

	if (extra !== undefined || !isShell(what)) {
		throw new ConfigError(
			`completion needs one shell: ${COMPLETION_SHELLS.join(', ')} (see zylon-tui --help)`,
		);
	}

	return completionScript(what);
}
