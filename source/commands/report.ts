// `zylon-tui report`: the overview without a terminal UI: plain text for an incident channel, or --json with
// the same numbers. One scan of the scope and window feeds the aggregates page by page; no row is kept.
// Exit codes as export: 0 done, 1 the scan failed (what was read is still printed, marked partial), 2 bad flags.
import type {Writable} from 'node:stream';
import {runScan} from '../api/scan.ts';
import type {CliFlags} from '../cli-help.ts';
import {ConfigError} from '../config/errors.ts';
import {OverviewAccumulator} from '../domain/overview.ts';
import {renderReport, reportJson} from '../domain/overview-text.ts';
import {formatScanProgress} from '../domain/scan-progress.ts';
import {resolveWindow, windowLabel} from '../domain/time-window.ts';
import type {Session} from './connect.ts';
import {safeJson} from './export.ts';
import {runScanCommand} from './scan-command.ts';
import {windowFlags} from './time-flags.ts';

export async function runReport(flags: CliFlags, out: Writable = process.stdout): Promise<number> {
	if (!flags.project) throw new ConfigError('report needs --project ID (and optionally --thread ID)');
	const window = windowFlags(flags);
	return runScanCommand(
		{...flags, project: flags.project},
		'report',
		window,
		{},
		async ({session, progress, scan}) => {
			const nowMs = Date.now();
			const overview = new OverviewAccumulator({nowMs, window: resolveWindow(window, nowMs)});
			const outcome = await runScan({
				...scan,
				nowMs,
				onPage: (rows, state) => {
					overview.add(rows);
					progress.show(formatScanProgress(state));
				},
			});
			progress.clear();
			// Nothing read at all: an error, as export gives it, rather than an empty report.
			if (outcome.status === 'failed' && outcome.progress.pages === 0) throw new Error(outcome.error);
			const name = await scopeName(session.client, scan.scope);
			const meta = {
				scope: name,
				window: windowLabel(window),
				generatedAtMs: nowMs,
				...(outcome.status === 'complete'
					? {}
					: {partial: outcome.error ?? formatScanProgress(outcome.progress, outcome.status)}),
			};
			const snapshot = overview.snapshot({chartColumns: 72, sparkColumns: 24});
			out.write(flags.json ? `${safeJson(reportJson(snapshot, meta))}\n` : renderReport(snapshot, meta));
			if (outcome.status !== 'complete') {
				process.stderr.write(`zylon-tui: report is partial: ${meta.partial}\n`);
				return 1;
			}
			return 0;
		},
	);
}

/** "Checkout Assistant · all threads" or "Checkout Assistant › Refund triage"; ids when names cannot be fetched. */
async function scopeName(
	client: Session['client'],
	scope: {readonly projectId: string; readonly threadId?: string},
): Promise<string> {
	const project = await client.project(scope.projectId).then(
		found => found.name || found.id,
		() => scope.projectId,
	);
	if (scope.threadId === undefined) return `${project} · all threads`;
	const thread = await client.thread(scope.threadId, scope.projectId).then(
		found => found.name || found.id,
		() => scope.threadId!,
	);
	return `${project} › ${thread}`;
}
