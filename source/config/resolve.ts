// Where the connection comes from: flags over environment over profile. The token comes only from
// ZYLON_TOKEN, a token file or a profile's tokenFile/tokenEnv — never a flag (it would show in ps)
// and never the config file itself.
import os from 'node:os';
import path from 'node:path';
import type {Connection} from '../api/client-types.ts';
import {normalizeBaseUrl} from './base-url.ts';
import {ConfigError} from './errors.ts';
import {checkToken, displayPath, expandHome, readConfigFile, readTokenFile, type Profile} from './files.ts';

export type ConnectionFlags = {
	readonly url?: string;
	readonly org?: string;
	readonly tokenFile?: string;
	readonly profile?: string;
};

export type ResolveInput = {
	readonly flags: ConnectionFlags;
	readonly env: Readonly<Record<string, string | undefined>>;
	/** The directory holding config.json; default $XDG_CONFIG_HOME/zylon-tui or ~/.config/zylon-tui. */
	readonly configDir?: string;
};

export type Resolved =
	| {readonly connection: Connection; readonly warnings: readonly string[]}
	| {readonly demo: true; readonly reason: string; readonly warnings: readonly string[]};

const nonEmpty = (value: string | undefined): string | undefined =>
	value === undefined || value.trim() === '' ? undefined : value.trim();

export function configFilePath(env: ResolveInput['env'], configDir?: string): string {
	if (configDir) return path.join(configDir, 'config.json');
	const xdg = nonEmpty(env['XDG_CONFIG_HOME']);
	const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env['HOME'] ?? os.homedir(), '.config');
	return path.join(base, 'zylon-tui', 'config.json');
}

export async function resolveConnection({flags, env, configDir}: ResolveInput): Promise<Resolved> {
	const warnings: string[] = [];
	const home = nonEmpty(env['HOME']) ?? os.homedir();
	const explicitUrl = nonEmpty(flags.url) ?? nonEmpty(env['ZYLON_URL']);
	const explicitProfile = nonEmpty(flags.profile) ?? nonEmpty(env['ZYLON_PROFILE']);

	// The profiles file is read when a profile is asked for, or when no URL is given (for its
	// defaultProfile). A defaultProfile never applies beside an explicit URL: its token could then be
	// sent to a host it was not meant for.
	let profileName: string | undefined;
	let profile: Profile | undefined;
	const configPath = configFilePath(env, configDir);
	const configShown = displayPath(configPath, home);
	if (explicitProfile !== undefined || explicitUrl === undefined) {
		const config = await readConfigFile(configPath, configShown, warnings);
		profileName = explicitProfile ?? (explicitUrl === undefined ? config?.defaultProfile : undefined);
		if (profileName !== undefined) {
			if (!config) throw new ConfigError(`No profile "${profileName}": ${configShown} does not exist`);
			profile = config.profiles[profileName];
			if (!profile) {
				const known = Object.keys(config.profiles);
				throw new ConfigError(
					`No profile "${profileName}" in ${configShown}` +
						(known.length > 0 ? ` (profiles: ${known.join(', ')})` : ' (it has no profiles)'),
				);
			}
		}
	}

	const urlInput = explicitUrl ?? nonEmpty(profile?.url);
	if (urlInput === undefined) {
		if (profileName !== undefined)
			throw new ConfigError(`Profile "${profileName}" in ${configShown} has no "url"`);
		const tokenHint = nonEmpty(env['ZYLON_TOKEN']) || flags.tokenFile ? ' (a token is set, but no URL)' : '';
		return {demo: true, reason: `no --url, ZYLON_URL or profile is configured${tokenHint}`, warnings};
	}
	const baseUrl = normalizeBaseUrl(urlInput);
	if (explicitUrl !== undefined && profile?.url !== undefined && normalizeBaseUrl(profile.url) !== baseUrl) {
		warnings.push(
			`The URL from ${flags.url ? '--url' : 'ZYLON_URL'} overrides the url of profile "${profileName}"`,
		);
	}

	const {token, tokenSource} = await findToken(flags, env, profile, profileName, configPath, home, warnings);
	const org = nonEmpty(flags.org) ?? nonEmpty(env['ZYLON_ORG']) ?? nonEmpty(profile?.org) ?? 'default';
	if (!/^[\x21-\x7E]+$/.test(org))
		throw new ConfigError('The org (x-org) must be a slug or UUID without spaces');
	const connection: Connection = {
		baseUrl,
		org,
		token,
		tokenSource,
		label: new URL(baseUrl).host,
		...(profileName !== undefined ? {profile: profileName} : {}),
		...(profile?.production !== undefined ? {production: profile.production} : {}),
	};
	return {connection, warnings};
}

async function findToken(
	flags: ConnectionFlags,
	env: ResolveInput['env'],
	profile: Profile | undefined,
	profileName: string | undefined,
	configPath: string,
	home: string,
	warnings: string[],
): Promise<{token: string; tokenSource: string}> {
	const flagFile = nonEmpty(flags.tokenFile);
	if (flagFile !== undefined) {
		const file = path.resolve(expandHome(flagFile, home));
		const shown = displayPath(file, home);
		return {token: await readTokenFile(file, shown, warnings), tokenSource: `--token-file ${shown}`};
	}
	const envToken = nonEmpty(env['ZYLON_TOKEN']);
	if (envToken !== undefined) return {token: checkToken(envToken, 'ZYLON_TOKEN'), tokenSource: 'ZYLON_TOKEN'};
	if (profile?.tokenFile !== undefined) {
		// Relative paths in the config file are relative to the config file, not the working directory.
		const file = path.resolve(path.dirname(configPath), expandHome(profile.tokenFile, home));
		const shown = displayPath(file, home);
		return {
			token: await readTokenFile(file, shown, warnings),
			tokenSource: `the token file ${shown} of profile "${profileName}"`,
		};
	}
	if (profile?.tokenEnv !== undefined) {
		const value = nonEmpty(env[profile.tokenEnv]);
		if (value === undefined) {
			throw new ConfigError(
				`Profile "${profileName}" reads its token from ${profile.tokenEnv}, which is not set`,
			);
		}
		const source = `${profile.tokenEnv} (profile "${profileName}")`;
		return {token: checkToken(value, source), tokenSource: source};
	}
	throw new ConfigError(
		profileName !== undefined
			? `Profile "${profileName}" has no token: add "tokenFile" or "tokenEnv" to it, or set ZYLON_TOKEN`
			: 'No token: set ZYLON_TOKEN or pass --token-file <file> (a file holding only the token, chmod 600)',
	);
}
