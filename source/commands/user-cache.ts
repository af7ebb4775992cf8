// Remembers the current user's id per connection, so the next start can ask for the project list in the
// same round trip as `me()` instead of after it. Only a hint: the id is used once `me()` confirms it.
// The connection is keyed by a hash (no host, org or token in the file); any read or write failure just
// means no hint.
import {createHash} from 'node:crypto';
import {homedir} from 'node:os';
import path from 'node:path';
import type {Connection} from '../api/client-types.ts';
import {readStateFile, writeStateFile} from '../lib/state-file.ts';

const MAX_ENTRIES = 32;

type Entries = Record<string, {readonly userId: string; readonly at: number}>;

export function userCacheFile(env: NodeJS.ProcessEnv = process.env): string {
	const base = env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache');
	return path.join(base, 'zylon-tui', 'users.json');
}

export function connectionKey(connection: Pick<Connection, 'baseUrl' | 'org' | 'token'>): string {
	return createHash('sha256')
		.update(`${connection.baseUrl}\u0000${connection.org}\u0000${connection.token}`)
		.digest('base64url')
		.slice(0, 22);
}

const readEntries = (file: string): Entries => readStateFile(file) as Entries;

/** Synchronous on purpose: a tiny file read at startup, before anything else is waiting. */
export function rememberedUserId(file: string, key: string): string | undefined {
	const id = readEntries(file)[key]?.userId;
	return typeof id === 'string' && id.length > 0 && id.length < 200 ? id : undefined;
}

export function rememberUserId(file: string, key: string, userId: string): void {
	const entries = readEntries(file);
	if (entries[key]?.userId === userId) return;
	entries[key] = {userId, at: Date.now()};
	const kept = Object.entries(entries)
		.sort((a, b) => (b[1]?.at ?? 0) - (a[1]?.at ?? 0))
		.slice(0, MAX_ENTRIES);
	// A read-only or missing cache directory only costs the next start one round trip.
	writeStateFile(file, Object.fromEntries(kept));
}
