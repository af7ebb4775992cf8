// The small JSON files kept between runs (remembered filters, the user-id hint): read as a plain object or
// nothing, written aside and renamed so a concurrent start never reads half a file, private to the user.
// Best effort both ways: a missing, broken or read-only file only means nothing is remembered.
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** The file's top-level object, or {} when it is missing, unreadable or not an object. */
export function readStateFile(file: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}

/**
 * Synchronous on purpose: the files are a few KiB, and a read that follows a write (the next filter, the next
 * start) must see it. Returns false when it could not be written.
 */
export function writeStateFile(file: string, value: Readonly<Record<string, unknown>>): boolean {
	try {
		mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(value), {mode: 0o600});
		renameSync(temporary, file);
		return true;
	} catch {
		return false;
	}
}
