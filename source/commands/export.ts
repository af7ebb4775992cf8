// `zylon-tui export`: interactions as NDJSON (or one JSON array) on stdout, page by page, so memory stays
// constant however large the project. Secrets stay masked unless --show-secrets.
import {once} from 'node:events';
import type {Writable} from 'node:stream';
import type {CliFlags} from '../cli-help.ts';
import {ConfigError} from '../config/errors.ts';
import {errorCaret, parseFilter, type Filter} from '../domain/filter.ts';
import {matches} from '../domain/filter-match.ts';
import {nextAfter, type Interaction} from '../domain/types.ts';
import {openConnection} from './connect.ts';

export async function runExport(flags: CliFlags, out: Writable = process.stdout): Promise<number> {
	if (!flags.project) throw new ConfigError('export needs --project ID (and optionally --thread ID)');
	if (flags.limit !== undefined && (!Number.isInteger(flags.limit) || flags.limit < 1)) {
		throw new ConfigError(`--limit must be a whole number of 1 or more (got ${flags.limit})`);
	}

	// Parsed before connecting, so a typo costs no request and prints nothing on stdout.
	const filter = exportFilter(flags.filter);
	const session = await openConnection(flags, {revealSecrets: flags.showSecrets});
	const controller = new AbortController();
	const stop = () => controller.abort();
	process.once('SIGINT', stop);
	try {
		const all = iterate(session, flags, controller.signal);
		// One instant for the whole run, so `after:2h` means the same on the first page and the last.
		const selected = filter ? onlyMatching(all, filter, Date.now()) : all;
		const written = await writeInteractions(out, selected, {
			json: flags.json ?? false,
			limit: flags.limit ?? Infinity,
		});
		process.stderr.write(`zylon-tui: exported ${written} interaction${written === 1 ? '' : 's'}\n`);
		return 0;
	} catch (error) {
		process.stderr.write(
			`zylon-tui: export failed: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		return 1;
	} finally {
		process.off('SIGINT', stop);
		await session.close();
	}
}

/** The parsed --filter, undefined when absent or blank; a syntax error shows the expression with a caret. */
export function exportFilter(expression: string | undefined): Filter | undefined {
	if (expression === undefined || expression.trim() === '') return undefined;
	const parsed = parseFilter(expression);
	if (parsed.ok) return parsed.filter;
	throw new ConfigError(
		`invalid --filter: ${parsed.error.message}\n  ${expression}\n  ${errorCaret(expression, parsed.error)}`,
	);
}

async function* onlyMatching(
	interactions: AsyncIterable<Interaction>,
	filter: Filter,
	nowMs: number,
): AsyncGenerator<Interaction> {
	for await (const interaction of interactions) {
		if (matches(filter, interaction, nowMs)) yield interaction;
	}
}

async function* iterate(
	session: Awaited<ReturnType<typeof openConnection>>,
	flags: CliFlags,
	signal: AbortSignal,
): AsyncGenerator<Interaction> {
	const scope = {projectId: flags.project!, threadId: flags.thread};
	let after: string | undefined;
	for (;;) {
		const page = await session.client.interactions(
			scope,
			{first: session.pageSize, after, order: flags.oldestFirst ? 'ASC' : 'DESC'},
			signal,
		);
		yield* page.items;
		after = nextAfter(page);
		if (!after || page.items.length === 0) return;
	}
}

/** Writes `raw` (as received, secrets masked by the parser) and respects back-pressure. */
export async function writeInteractions(
	out: Writable,
	interactions: AsyncIterable<Interaction>,
	{json, limit}: {json: boolean; limit: number},
): Promise<number> {
	let count = 0;
	const write = async (text: string) => {
		if (!out.write(text)) await once(out, 'drain');
	};

	if (json) await write('[');
	for await (const interaction of interactions) {
		if (count >= limit) break;
		const line = safeJson(interaction.raw);
		await write(json ? `${count === 0 ? '\n' : ',\n'}${line}` : `${line}\n`);
		count++;
		// Stop before pulling another item: with a filter that could mean scanning the rest of the project.
		if (count >= limit) break;
	}

	if (json) await write(count === 0 ? ']\n' : '\n]\n');
	return count;
}

// JSON.stringify escapes C0 controls but not DEL, C1 (a lone 0x9B is a CSI on many terminals) or bidi
// controls; escaping them too keeps the output valid JSON and inert when it lands on a terminal.
const unescaped = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function safeJson(value: unknown): string {
	return JSON.stringify(value).replace(
		unescaped,
		char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
