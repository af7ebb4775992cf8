// The thin I/O of configuration: the profiles file and token files. Messages name paths, never
// content, and warn (like ssh) when a secret-bearing file is readable by others.
import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {ConfigError} from './errors.ts';

export type Profile = {
	readonly url?: string;
	readonly org?: string;
	readonly tokenFile?: string;
	readonly tokenEnv?: string;
	readonly production?: boolean;
};

export type ConfigFile = {
	readonly profiles: Readonly<Record<string, Profile>>;
	readonly defaultProfile?: string;
};

const MAX_FILE_BYTES = 64 * 1024;

/** `~/x` for paths under home, so messages stay short and do not spell out the user's home. */
export function displayPath(file: string, home: string | undefined): string {
	return home && (file === home || file.startsWith(home + path.sep)) ? `~${file.slice(home.length)}` : file;
}

export function expandHome(file: string, home: string | undefined): string {
	if (file === '~' || file.startsWith('~/')) {
		if (!home) throw new ConfigError(`Cannot expand ${file}: HOME is not set`);
		return path.join(home, file.slice(1));
	}
	return file;
}

async function permissionWarning(file: string, shown: string, what: string): Promise<string | undefined> {
	if (process.platform === 'win32') return undefined;
	const mode = (await stat(file)).mode & 0o777;
	if ((mode & 0o077) === 0) return undefined;
	return `${what} ${shown} is readable by group or others (mode ${mode.toString(8).padStart(3, '0')}); run chmod 600 ${shown}`;
}

function readError(error: unknown, shown: string, what: string): ConfigError {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const reason =
		code === 'ENOENT'
			? 'does not exist'
			: code === 'EACCES' || code === 'EPERM'
				? 'cannot be read (permission denied)'
				: code === 'EISDIR'
					? 'is a directory, not a file'
					: `cannot be read (${code ?? 'unknown error'})`;
	return new ConfigError(`${what} ${shown} ${reason}`);
}

/** A token file: trimmed; missing, unreadable, empty or not one printable word → ConfigError. */
export async function readTokenFile(file: string, shown: string, warnings: string[]): Promise<string> {
	let text: string;
	try {
		const info = await stat(file);
		if (info.isDirectory()) throw Object.assign(new Error('directory'), {code: 'EISDIR'});
		if (info.size > MAX_FILE_BYTES) throw new ConfigError(`Token file ${shown} is too large to be a token`);
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (error instanceof ConfigError) throw error;
		throw readError(error, shown, 'Token file');
	}
	const warning = await permissionWarning(file, shown, 'Token file');
	if (warning) warnings.push(warning);
	const token = text.trim();
	if (token === '') throw new ConfigError(`Token file ${shown} is empty`);
	return checkToken(token, `token file ${shown}`);
}

/** A token goes into an HTTP header: one word of printable ASCII. Never echo it. */
export function checkToken(token: string, source: string): string {
	if (!/^[\x21-\x7E]+$/.test(token)) {
		throw new ConfigError(
			`The token from ${source} contains spaces or control characters; expected a single word`,
		);
	}
	return token;
}

/** The profiles file; undefined when it does not exist. */
export async function readConfigFile(
	file: string,
	shown: string,
	warnings: string[],
): Promise<ConfigFile | undefined> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw readError(error, shown, 'Config file');
	}
	const warning = await permissionWarning(file, shown, 'Config file');
	if (warning) warnings.push(warning);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new ConfigError(`Config file ${shown} is not valid JSON`);
	}
	return checkConfig(json, shown);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function checkConfig(json: unknown, shown: string): ConfigFile {
	if (!isRecord(json)) throw new ConfigError(`Config file ${shown}: expected a JSON object`);
	const profilesJson = json['profiles'] ?? {};
	if (!isRecord(profilesJson)) throw new ConfigError(`Config file ${shown}: "profiles" must be an object`);
	const profiles: Record<string, Profile> = {};
	for (const [name, value] of Object.entries(profilesJson)) {
		const where = `Config file ${shown}, profile "${name}"`;
		if (!isRecord(value)) throw new ConfigError(`${where}: expected an object`);
		if ('token' in value) {
			throw new ConfigError(
				`${where} has a "token" key; tokens do not belong in the config file: use "tokenFile" or "tokenEnv"`,
			);
		}
		const profile: Record<string, unknown> = {};
		for (const key of ['url', 'org', 'tokenFile', 'tokenEnv'] as const) {
			const field = value[key];
			if (field === undefined) continue;
			if (typeof field !== 'string') throw new ConfigError(`${where}: "${key}" must be a string`);
			profile[key] = field;
		}
		if (value['production'] !== undefined && typeof value['production'] !== 'boolean') {
			throw new ConfigError(`${where}: "production" must be true or false`);
		}
		if (value['production'] !== undefined) profile['production'] = value['production'];
		profiles[name] = profile as Profile;
	}
	const defaultProfile = json['defaultProfile'];
	if (defaultProfile !== undefined && typeof defaultProfile !== 'string') {
		throw new ConfigError(`Config file ${shown}: "defaultProfile" must be a string`);
	}
	return {profiles, defaultProfile};
}
