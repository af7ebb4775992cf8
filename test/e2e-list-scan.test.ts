// `e` in a pty scans every page of the project, not the pages paging loaded: the progress words show in the
// status line while it runs, then "N matches · scanned M" with M every row of the project (counted here with
// plain fetches) and N more than the first page could hold.
import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import {closeAll} from './helpers/pty.ts';
import {startSession, stop, type Session} from './helpers/cli.ts';

const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
});

async function countRows(session: Session): Promise<{rows: number; errors: number}> {
	const {server} = session;
	let rows = 0;
	let errors = 0;
	for (const threadId of server.fixtures.incident.threadIds) {
		let after = '';
		for (;;) {
			const response = await fetch(
				`${server.url}/api/v1/app/thread/${threadId}/interaction?first=1000${after ? `&after=${after}` : ''}`,
				{headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org}},
			);
			const body = (await response.json()) as {
				data: {state: string}[];
				has_next_page: boolean;
				next_cursor: string | null;
			};
			rows += body.data.length;
			errors += body.data.filter(item => item.state === 'Error').length;
			if (!body.has_next_page || !body.next_cursor) break;
			after = body.next_cursor;
		}
	}

	return {rows, errors};
}

const number = (text: string) => Number(text.replace(/,/g, ''));

test('e finds errors on pages paging never loaded, with progress and then the summary in the status line', async () => {
	const session = await startSession({
		demo: {generation: 'current', interactions: 300},
		args: server => ['--project', server.fixtures.projects.incidentId],
		cols: 160,
	});
	sessions.push(session);
	const {term} = session;
	await term.waitFor('Nightly merchant digest');
	await term.press('\r');
	await term.waitFor(/page 1 · 1–50/, {timeoutMs: 20_000});
	const expected = await countRows(session);
	assert.ok(expected.rows > 500 && expected.errors > 50, 'the incident spans many pages and has errors');
	// Slow enough that the scan's progress is on screen for a while.
	session.server.setLatency(400);
	await term.press('e');
	await term.waitFor(/errors only · [\d,]+ · scanning · [\d,]+ .*pages? · [\d.]+ s/, {timeoutMs: 10_000});
	session.server.setLatency(0);
	await term.waitFor(/errors only · [\d,]+ matches · scanned [\d,]+/, {timeoutMs: 20_000});
	const done = /errors only · ([\d,]+) matches · scanned ([\d,]+)/.exec(term.screen())!;
	assert.equal(number(done[2]!), expected.rows, 'every row of the project was read');
	assert.ok(
		number(done[1]!) >= expected.errors,
		`${done[1]} matches, at least the ${expected.errors} errors`,
	);
	assert.ok(number(done[1]!) > 50, 'more matches than the one page paging had loaded');
	assert.doesNotMatch(term.screen(), /page 1 · 1–50/);
});
