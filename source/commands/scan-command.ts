// export and report have one shape: connect, read the scope and window through the scan engine with Ctrl-C
// stopping it, a progress line on a terminal's stderr, and "zylon-tui: <verb> failed: …" for any error.
import {SCAN_PAGE_SIZE, type ScanOptions} from '../api/scan.ts';
import type {CliFlags} from '../cli-help.ts';
import type {TimeWindow} from '../domain/time-window.ts';
import {openConnection, type Session} from './connect.ts';

export type ScanCommand = {
	readonly session: Session;
	readonly progress: ReturnType<typeof stderrProgress>;
	/** What every command's scan takes: scope, window, order, large pages (or --page-size), Ctrl-C. */
	readonly scan: Omit<ScanOptions, 'onPage' | 'keep' | 'maxMatches' | 'nowMs'>;
};

export async function runScanCommand(
	flags: CliFlags & {readonly project: string},
	verb: string,
	window: TimeWindow,
	connect: {revealSecrets?: boolean},
	body: (command: ScanCommand) => Promise<number>,
): Promise<number> {
	const session = await openConnection(flags, connect);
	const controller = new AbortController();
	const stop = () => controller.abort();
	process.once('SIGINT', stop);
	const progress = stderrProgress();
	try {
		return await body({
			session,
			progress,
			scan: {
				client: session.client,
				scope: {projectId: flags.project, threadId: flags.thread},
				window,
				order: flags.oldestFirst ? 'ASC' : 'DESC',
				// Large pages unless --page-size says otherwise; the session's size if the server refuses them.
				pageSize: flags.pageSize ?? SCAN_PAGE_SIZE,
				fallbackPageSize: session.pageSize,
				signal: controller.signal,
			},
		});
	} catch (error) {
		progress.clear();
		process.stderr.write(
			`zylon-tui: ${verb} failed: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		return 1;
	} finally {
		process.off('SIGINT', stop);
		await session.close();
	}
}

/**
 * One line of progress on stderr, redrawn in place, only when stderr is a terminal: piped stderr (a log, a
 * CI job) gets nothing extra. At most five redraws a second.
 */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr) {
	const live = stream.isTTY === true;
	let shownAt = 0;
	let shown = false;
	return {
		show(line: string) {
			const now = performance.now();
			if (!live || now - shownAt < 200) return;
			shownAt = now;
			shown = true;
			stream.write(`\r${line}\u001b[K`);
		},
		clear() {
			if (shown) stream.write('\r\u001b[K');
			shown = false;
		},
	};
}
