// The last filter per project, kept across runs in $XDG_STATE_HOME/zylon-tui/filters.json. Best effort:
// a missing or unreadable file means no remembered filter, never an error on screen.
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Remembered = Record<string, {readonly text: string; readonly errorsOnly: boolean}>;

const MAX_PROJECTS = 200;

export function filtersFile(env: NodeJS.ProcessEnv = process.env): string {
	const base =
		env['XDG_STATE_HOME'] && path.isAbsolute(env['XDG_STATE_HOME'])
			? env['XDG_STATE_HOME']
			: path.join(env['HOME'] ?? os.homedir(), '.local', 'state');
	return path.join(base, 'zylon-tui', 'filters.json');
}

function load(file: string): Remembered {
	try {
		const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Remembered) : {};
	} catch {
		return {};
	}
}

export function rememberedFilter(
	key: string,
	file = filtersFile(),
): {readonly text: string; readonly errorsOnly: boolean} | undefined {
	const entry = load(file)[key];
	return entry && typeof entry.text === 'string'
		? {text: entry.text, errorsOnly: entry.errorsOnly === true}
		: undefined;
}

export function rememberFilter(key: string, text: string, errorsOnly: boolean, file = filtersFile()): void {
	try {
		const all = load(file);
		delete all[key];
		if (text || errorsOnly) all[key] = {text, errorsOnly};
		const kept = Object.fromEntries(Object.entries(all).slice(-MAX_PROJECTS));
		mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(kept), {mode: 0o600});
		renameSync(temporary, file);
	} catch {
		// A read-only home must not break the explorer; the filter just is not remembered.
	}
}
