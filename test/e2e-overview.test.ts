// The overview end to end in a pty, on the demo incident (Checkout Assistant), both route generations: `v`
// draws the chart and the clusters, the top cluster's count equals an independent count of the raw JSON the
// demo serves, Enter lists only that cluster's interactions, Esc comes back, and `w` changes the window and
// the numbers.
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {closeAll, keys} from './helpers/pty.ts';
import {startSession, stop, type Session} from './helpers/cli.ts';

const sessions: Session[] = [];
after(async () => {
	for (const session of sessions) await stop(session);
	await closeAll();
});

type Raw = {state: string; assistant_output?: {stop_reason?: string; errors?: {type: string}[]}};

/** Failed interactions per error type, counted from the demo's own JSON, not by the code under test. */
async function errorTypes(server: Session['server'], legacy: boolean): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const project = server.fixtures.projects.incidentId;
	for (const threadId of server.fixtures.incident.threadIds) {
		const route = legacy
			? `project/${project}/interaction?threadId=${threadId}&first=1000`
			: `thread/${threadId}/interaction?first=1000`;
		const response = await fetch(`${server.url}/api/v1/app/${route}`, {
			headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org},
		});
		for (const row of ((await response.json()) as {data: Raw[]}).data) {
			for (const type of new Set((row.assistant_output?.errors ?? []).map(error => error.type))) {
				counts.set(type, (counts.get(type) ?? 0) + 1);
			}
		}
	}
	return counts;
}

/**
 * The totals line under a heading, read once the frame that drew the heading is all on screen. A frame can reach
 * the terminal in more than one chunk: a read between them saw the new heading over the old totals (Ink's own
 * renderer erases first, so there the totals were missing; the cell writer overwrites in place, so there they were
 * the last window's). Waiting for both, then for the output to go quiet, reads one whole frame.
 */
async function totalAfter(term: Session['term'], heading: RegExp): Promise<string | undefined> {
	const both = new RegExp(`${heading.source}[\\s\\S]*?\\n([\\d,]+) interactions ·`);
	await term.waitFor(both);
	await term.waitIdle(150);
	return both.exec(term.screen())?.[1];
}

for (const generation of ['current', 'legacy'] as const) {
	test(`overview of the demo incident (${generation} routes): chart, top cluster, drill down and back, window`, async () => {
		const session = await startSession({
			demo: {generation},
			args: server => ['--project', server.fixtures.projects.incidentId],
		});
		sessions.push(session);
		const {term, server} = session;
		const [topType, topCount] = [...(await errorTypes(server, generation === 'legacy'))].sort(
			(a, b) => b[1] - a[1],
		)[0]!;
		await term.waitFor(/page 1 · \d|All threads/);
		if (!/page 1 · \d/.test(term.screen())) {
			await term.press(keys.enter);
			await term.waitFor(/page 1 · \d/);
		}

		await term.press('v');
		await term.waitFor(/OVERVIEW · all time · scanned · [\d,]+ of [\d,]+/);
		// The whole frame, not the chunk that drew the heading (see totalAfter).
		await term.waitIdle(150);
		const screen = term.screen();
		assert.match(screen, /█ interactions {2}▓ failed · 1 bar = \d+[mhd] · UTC/, 'the chart and its legend');
		assert.match(screen, /▓/, 'failed buckets drawn');
		const top = screen.split('\n').find(line => line.startsWith('>'));
		assert.ok(top, screen);
		assert.match(
			top,
			new RegExp(`^>\\s+${topCount}\\s+\\d+%.*${topType}:`),
			`top cluster ${topType} × ${topCount}`,
		);

		await term.press(keys.enter);
		await term.waitFor(new RegExp(`cluster:[0-9a-f]{8} · ${topCount} matches · scanned`));
		await term.waitIdle(150);
		const rows = term
			.screen()
			.split('\n')
			.filter(line => /^[ >*»]\d\d:\d\dZ/.test(line));
		assert.ok(rows.length > 0);
		assert.ok(
			rows.every(line => line.includes('✗ error')),
			rows.join('\n'),
		);

		await term.press(keys.esc);
		const total = await totalAfter(term, /OVERVIEW · all time · scanned/);
		await term.press('w');
		await term.waitFor(/› All threads · last 15m/);
		const windowed = await totalAfter(term, /OVERVIEW · last 15m · scanned/);
		assert.ok(total !== undefined && windowed !== undefined);
		assert.notEqual(windowed, total, 'the window changes the numbers');
		// The demo's traffic runs up to the minute it started, so the last 15m is never empty.
		assert.ok(Number(windowed.replaceAll(',', '')) > 0);
		assert.ok(Number(windowed.replaceAll(',', '')) < Number(total.replaceAll(',', '')));
	});
}

test('--overview opens the deep-linked list on its overview, and Esc shows the list', async () => {
	const session = await startSession({
		demo: {generation: 'current'},
		args: server => ['--project', server.fixtures.projects.incidentId, '--overview'],
	});
	sessions.push(session);
	const {term} = session;
	await term.waitFor(/page 1 · \d|All threads/);
	if (!/OVERVIEW/.test(term.screen())) {
		await term.press(keys.enter);
	}
	await term.waitFor(/OVERVIEW · all time · scanned/);
	await term.waitIdle(150);
	assert.match(term.screen(), /ERROR CLUSTERS \(\d+\)/);
	await term.press(keys.esc);
	await term.waitFor(/INTERACTIONS {2}page 1 · 1–50/);
});
