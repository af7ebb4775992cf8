// Copies and pager text can hold production prompts: temp files are private to the user (0600) and
// created exclusively, so a file planted at a guessed name is never written through.
import {randomBytes} from 'node:crypto';
import {writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const TEMP_PREFIX = 'zylon-tui-';

/** Writes `text` to a new file in os.tmpdir() with mode 0600 and returns its path. */
export async function writeTempFile(text: string, extension = 'txt', directory = tmpdir()): Promise<string> {
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
	const path = join(directory, `${TEMP_PREFIX}${stamp}-${randomBytes(4).toString('hex')}.${extension}`);
	await writeFile(path, text, {mode: 0o600, flag: 'wx'});
	return path;
}
