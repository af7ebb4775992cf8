// The last filter per project, kept across runs in $XDG_STATE_HOME/zylon-tui/filters.json. Best effort:
// a missing or unreadable file means no remembered filter, never an error on screen.
import os from 'node:os';
import path from 'node:path';
import {readStateFile, writeStateFile} from './state-file.ts';

type Remembered = Record<string, {readonly text: string; readonly errorsOnly: boolean}>;

const MAX_PROJECTS = 200;

export function filtersFile(env: NodeJS.ProcessEnv = process.env): string {
	const base =
		env['XDG_STATE_HOME'] && path.isAbsolute(env['XDG_STATE_HOME'])
			? env['XDG_STATE_HOME']
			: path.join(env['HOME'] ?? os.homedir(), '.local', 'state');
	return path.join(base, 'zylon-tui', 'filters.json');
}

const load = (file: string): Remembered => readStateFile(file) as Remembered;

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
	const all = load(file);
	delete all[key];
	if (text || errorsOnly) all[key] = {text, errorsOnly};
	// A read-only home must not break the explorer; the filter just is not remembered.
	writeStateFile(file, Object.fromEntries(Object.entries(all).slice(-MAX_PROJECTS)));
}
