import assert from 'node:assert/strict';
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {ConfigError, normalizeBaseUrl, resolveConnection} from '../source/config/index.ts';
import type {Resolved} from '../source/config/index.ts';

describe('normalizeBaseUrl', () => {
	const accepted: ReadonlyArray<readonly [string, string]> = [
		['https://zylon.example.com', 'https://zylon.example.com/api'],
		['https://zylon.example.com/', 'https://zylon.example.com/api'],
		['https://zylon.example.com/api', 'https://zylon.example.com/api'],
		['https://zylon.example.com/api/', 'https://zylon.example.com/api'],
		['https://zylon.example.com/api/v1', 'https://zylon.example.com/api'],
		['https://zylon.example.com/api/v1/', 'https://zylon.example.com/api'],
		['  https://Zylon.Example.COM  ', 'https://zylon.example.com/api'],
		['https://host.example/zylon', 'https://host.example/zylon/api'],
		['https://host.example/zylon/api/v1', 'https://host.example/zylon/api'],
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080/api'],
		['https://host.example:443/api', 'https://host.example/api'],
	];
	for (const [input, expected] of accepted) {
		test(`accepts ${JSON.stringify(input)}`, () => assert.equal(normalizeBaseUrl(input), expected));
	}

	const refused: ReadonlyArray<readonly [string, RegExp]> = [
		['', /empty/],
		['zylon.example.com', /not a URL/],
		['ftp://zylon.example.com', /https:\/\/ or http:\/\//],
		['file:///etc/passwd', /https:\/\/ or http:\/\//],
		['javascript:alert(1)', /not a URL/],
		['https://', /not a valid URL/],
		['https://host.example/api?x=1', /query or fragment/],
		['https://user:s3cr3t-token@host.example', /ZYLON_TOKEN or --token-file, not the URL/],
		['https://s3cr3t-token@host.example', /ZYLON_TOKEN or --token-file/],
	];
	for (const [input, pattern] of refused) {
		test(`refuses ${JSON.stringify(input)}`, () => {
			assert.throws(
				() => normalizeBaseUrl(input),
				(error: unknown) =>
					error instanceof ConfigError &&
					pattern.test(error.message) &&
					!error.message.includes('\n') &&
					!error.message.includes('s3cr3t'),
			);
		});
	}
});

describe('resolveConnection', () => {
	let dir: string;
	let configDir: string;
	let home: string;
	before(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'zylon-config-'));
		configDir = path.join(dir, 'cfg');
		home = path.join(dir, 'home');
		await mkdir(configDir);
		await mkdir(home);
	});
	after(async () => rm(dir, {recursive: true, force: true}));

	const writeSecret = async (name: string, text: string, mode = 0o600) => {
		const file = path.join(dir, name);
		await writeFile(file, text);
		await chmod(file, mode);
		return file;
	};
	const writeConfig = async (json: unknown, mode = 0o600) => {
		await writeFile(path.join(configDir, 'config.json'), JSON.stringify(json));
		await chmod(path.join(configDir, 'config.json'), mode);
	};
	const resolve = (flags: Record<string, string>, env: Record<string, string> = {}) =>
		resolveConnection({flags, env: {HOME: home, ...env}, configDir});
	const connectionOf = (resolved: Resolved) => {
		assert.ok('connection' in resolved, `expected a connection, got ${JSON.stringify(resolved)}`);
		return resolved.connection;
	};
	const refuses = async (promise: Promise<unknown>, pattern: RegExp, secret?: string) => {
		await assert.rejects(promise, (error: unknown) => {
			assert.ok(error instanceof ConfigError, String(error));
			assert.match(error.message, pattern);
			if (secret) assert.ok(!error.message.includes(secret));
			return true;
		});
	};

	test('nothing configured opens the demo', async () => {
		await rm(path.join(configDir, 'config.json'), {force: true});
		const resolved = await resolve({});
		assert.ok('demo' in resolved && resolved.demo);
		assert.match(resolved.reason, /ZYLON_URL/);
	});

	test('env: url, org default, token from ZYLON_TOKEN', async () => {
		const connection = connectionOf(
			await resolve({}, {ZYLON_URL: 'https://z.example/api/v1', ZYLON_TOKEN: ' tok-1\n'}),
		);
		assert.deepEqual(connection, {
			baseUrl: 'https://z.example/api',
			org: 'default',
			token: 'tok-1',
			tokenSource: 'ZYLON_TOKEN',
			label: 'z.example',
		});
	});

	test('flags win over env; --token-file wins over ZYLON_TOKEN', async () => {
		const file = await writeSecret('flag-token', 'file-token\n');
		const connection = connectionOf(
			await resolve(
				{url: 'https://flag.example', org: 'acme', tokenFile: file},
				{ZYLON_URL: 'https://env.example', ZYLON_ORG: 'env-org', ZYLON_TOKEN: 'env-token'},
			),
		);
		assert.equal(connection.baseUrl, 'https://flag.example/api');
		assert.equal(connection.org, 'acme');
		assert.equal(connection.token, 'file-token');
		assert.equal(connection.tokenSource, `--token-file ${file}`);
	});

	test('a url without a token says where to put one', async () => {
		await refuses(resolve({url: 'https://z.example'}), /ZYLON_TOKEN or pass --token-file/);
	});

	test('token file errors name the path, never the content', async () => {
		await refuses(
			resolve({url: 'https://z.example', tokenFile: path.join(dir, 'nope')}),
			/nope does not exist/,
		);
		const empty = await writeSecret('empty', '  \n');
		await refuses(resolve({url: 'https://z.example', tokenFile: empty}), /empty is empty/);
		await refuses(resolve({url: 'https://z.example', tokenFile: dir}), /is a directory/);
		const spaced = await writeSecret('spaced', 'secret part two');
		await refuses(
			resolve({url: 'https://z.example', tokenFile: spaced}),
			/spaces or control characters/,
			'secret',
		);
		if (process.getuid?.() !== 0) {
			const locked = await writeSecret('locked', 'hidden-token', 0o000);
			await refuses(
				resolve({url: 'https://z.example', tokenFile: locked}),
				/permission denied/,
				'hidden-token',
			);
		}
	});

	test('a token file readable by others is used, with a warning', async () => {
		const file = await writeSecret('open-token', 'tok', 0o644);
		const resolved = await resolve({url: 'https://z.example', tokenFile: file});
		assert.equal(connectionOf(resolved).token, 'tok');
		assert.equal(resolved.warnings.length, 1);
		assert.match(
			resolved.warnings[0] ?? '',
			/open-token is readable by group or others \(mode 644\); run chmod 600/,
		);
		const quiet = await resolve({url: 'https://z.example', tokenFile: await writeSecret('closed', 'tok')});
		assert.deepEqual(quiet.warnings, []);
	});

	test('~ in a token file path is the home directory, and shown as ~', async () => {
		await writeFile(path.join(home, 'tok'), 'home-token');
		await chmod(path.join(home, 'tok'), 0o600);
		const connection = connectionOf(await resolve({url: 'https://z.example', tokenFile: '~/tok'}));
		assert.equal(connection.token, 'home-token');
		assert.equal(connection.tokenSource, '--token-file ~/tok');
	});

	test('profiles: selected by flag or env, tokenFile relative to the config dir, tokenEnv', async () => {
		await writeFile(path.join(configDir, 'prod.token'), 'prod-token\n');
		await chmod(path.join(configDir, 'prod.token'), 0o600);
		await writeConfig({
			profiles: {
				prod: {url: 'https://prod.example', org: 'acme', tokenFile: 'prod.token', production: true},
				staging: {url: 'https://staging.example/api', tokenEnv: 'STAGING_TOKEN'},
			},
		});
		const prod = connectionOf(await resolve({profile: 'prod'}));
		assert.equal(prod.baseUrl, 'https://prod.example/api');
		assert.equal(prod.org, 'acme');
		assert.equal(prod.token, 'prod-token');
		assert.equal(prod.profile, 'prod');
		assert.equal(prod.production, true);
		assert.match(prod.tokenSource, /prod\.token of profile "prod"/);

		const staging = connectionOf(await resolve({}, {ZYLON_PROFILE: 'staging', STAGING_TOKEN: 'st'}));
		assert.equal(staging.token, 'st');
		assert.equal(staging.tokenSource, 'STAGING_TOKEN (profile "staging")');
		await refuses(resolve({}, {ZYLON_PROFILE: 'staging'}), /STAGING_TOKEN, which is not set/);

		const overridden = await resolve(
			{profile: 'prod', org: 'other'},
			{ZYLON_URL: 'https://elsewhere.example'},
		);
		assert.equal(connectionOf(overridden).org, 'other');
		assert.equal(connectionOf(overridden).baseUrl, 'https://elsewhere.example/api');
		assert.match(overridden.warnings.join('\n'), /overrides the url of profile "prod"/);

		await refuses(resolve({profile: 'nope'}), /No profile "nope" in .*\(profiles: prod, staging\)/);
	});

	test('defaultProfile applies only when no url is given', async () => {
		await writeConfig({
			defaultProfile: 'staging',
			profiles: {staging: {url: 'https://staging.example', tokenEnv: 'ST'}},
		});
		assert.equal(connectionOf(await resolve({}, {ST: 'x'})).profile, 'staging');
		const explicit = connectionOf(
			await resolve({url: 'https://mine.example'}, {ST: 'x', ZYLON_TOKEN: 'mine'}),
		);
		assert.equal(explicit.profile, undefined);
		assert.equal(explicit.token, 'mine');
	});

	test('a token in the config file is refused', async () => {
		await writeConfig({profiles: {prod: {url: 'https://p.example', token: 'inline-secret'}}});
		await refuses(resolve({profile: 'prod'}), /"token" key.*use "tokenFile" or "tokenEnv"/, 'inline-secret');
	});

	test('a config file readable by others gives a warning; bad JSON names the file', async () => {
		await writeConfig({profiles: {p: {url: 'https://p.example', tokenEnv: 'T'}}}, 0o644);
		const resolved = await resolve({profile: 'p'}, {T: 'x'});
		assert.match(resolved.warnings.join('\n'), /Config file .*config\.json is readable by group or others/);
		await writeFile(path.join(configDir, 'config.json'), '{not json');
		await refuses(resolve({profile: 'p'}), /config\.json is not valid JSON/);
		await rm(path.join(configDir, 'config.json'));
		await refuses(resolve({profile: 'p'}), /No profile "p": .*config\.json does not exist/);
	});

	test('XDG_CONFIG_HOME locates the config file when no configDir is given', async () => {
		const xdg = path.join(dir, 'xdg');
		await mkdir(path.join(xdg, 'zylon-tui'), {recursive: true});
		await writeFile(
			path.join(xdg, 'zylon-tui', 'config.json'),
			JSON.stringify({profiles: {x: {url: 'https://x.example', tokenEnv: 'XT'}}}),
		);
		await chmod(path.join(xdg, 'zylon-tui', 'config.json'), 0o600);
		const resolved = await resolveConnection({
			flags: {profile: 'x'},
			env: {HOME: home, XDG_CONFIG_HOME: xdg, XT: 't'},
		});
		assert.equal(connectionOf(resolved).baseUrl, 'https://x.example/api');
	});

	test('user-info in the URL is refused without echoing it', async () => {
		await refuses(
			resolve({}, {ZYLON_URL: 'https://me:tok-in-url@z.example', ZYLON_TOKEN: 't'}),
			/not the URL/,
			'tok-in-url',
		);
	});
});
