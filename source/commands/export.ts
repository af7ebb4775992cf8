// `zylon-tui export`: interactions as NDJSON (or one JSON array) on stdout, page by page through the scan engine
// (api/scan.ts), so memory stays constant however large the project and --since/--until stop it early.
// Secrets stay masked unless --show-secrets. On a terminal, stderr shows one line of progress.
import {once} from 'node:events';
import type {Writable} from 'node:stream';
import type {CliFlags} from '../cli-help.ts';
import {ConfigError} from '../config/errors.ts';
import {runScan} from '../api/scan.ts';
import {errorCaret, parseFilter, type Filter} from '../domain/filter.ts';
import {matches} from '../domain/filter-match.ts';
import {formatExportProgress, formatScanProgress} from '../domain/scan-progress.ts';
import type {Interaction} from '../domain/types.ts';
import {runScanCommand} from './scan-command.ts';
import {windowFlags} from './time-flags.ts';

export async function runExport(flags: CliFlags, out: Writable = process.stdout): Promise<number> {
	if (!flags.project) throw new ConfigError('export needs --project ID (and optionally --thread ID)');
	if (flags.limit !== undefined && (!Number.isInteger(flags.limit) || flags.limit < 1)) {
		throw new ConfigError(`--limit must be a whole number of 1 or more (got ${flags.limit})`);
	}

	// Parsed before connecting, so a typo costs no request and prints nothing on stdout.
	const filter = exportFilter(flags.filter);
	const window = windowFlags(flags);
	return runScanCommand(
		{...flags, project: flags.project},
		'export',
		window,
		{revealSecrets: flags.showSecrets},
		async ({progress, scan}) => {
			// One instant for the whole run, so `after:2h` and `--since 2h` mean the same on the first page and the last.
			const nowMs = Date.now();
			const writer = interactionWriter(out, flags.json ?? false);
			const limit = flags.limit ?? Infinity;
			await writer.start();
			const outcome = await runScan({
				...scan,
				nowMs,
				onPage: async (rows, state) => {
					for (const interaction of rows) {
						if (filter && !matches(filter, interaction, nowMs)) continue;
						await writer.write(interaction);
						// Stop before reading another page: with a filter that could mean scanning the rest of the project.
						if (writer.count >= limit) return 'stop';
					}
					// With a filter the rows read and the rows written differ: say both.
					progress.show(
						filter
							? `${formatExportProgress(state, 'scanned')} · ${writer.count} matched`
							: formatExportProgress(state, 'exporting'),
					);
					return undefined;
				},
			});
			await writer.end();
			progress.clear();
			if (outcome.status === 'failed') throw new Error(outcome.error);
			if (outcome.status === 'cancelled')
				throw new Error(`interrupted: ${formatScanProgress(outcome.progress, 'cancelled')}`);
			const written = writer.count;
			process.stderr.write(`zylon-tui: exported ${written} interaction${written === 1 ? '' : 's'}\n`);
			return 0;
		},
	);
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

/** NDJSON or one JSON array of `raw` (as received, secrets masked by the parser), respecting back-pressure. */
export function interactionWriter(out: Writable, json: boolean) {
	let count = 0;
	const put = async (text: string) => {
		if (!out.write(text)) await once(out, 'drain');
	};
	return {
		get count() {
			return count;
		},
		start: () => (json ? put('[') : Promise.resolve()),
		async write(interaction: Interaction) {
			const line = safeJson(interaction.raw);
			await put(json ? `${count === 0 ? '\n' : ',\n'}${line}` : `${line}\n`);
			count++;
		},
		end: () => (json ? put(count === 0 ? ']\n' : '\n]\n') : Promise.resolve()),
	};
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
