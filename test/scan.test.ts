// The scan engine (api/scan.ts) over real HTTP against the demo: coverage of a window, the window's edge
// stopping a newest-first scan, cancel keeping what was found, resume after a fault, the bound on matches,
// and the fallback when the server refuses large pages. Expected numbers come from plain fetches here.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {createClient} from '../source/api/client.ts';
import {resumeScan, runScan} from '../source/api/scan.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {parseWindow, type TimeWindow} from '../source/domain/time-window.ts';
import type {Interaction} from '../source/domain/types.ts';
import {demoConnection} from './helpers/demo.ts';

type Row = {id: string; ms: number; state: string};

async function threadRows(server: DemoServer, threadId: string): Promise<Row[]> {
	const rows: Row[] = [];
	let after = '';
	for (;;) {
		const response = await fetch(
			`${server.url}/api/v1/app/thread/${threadId}/interaction?first=1000${after ? `&after=${after}` : ''}`,
			{headers: {authorization: `Bearer ${server.token}`, 'x-org': server.org}},
		);
		const body = (await response.json()) as {
			data: {id: string; created_at: string; state: string}[];
			has_next_page: boolean;
			next_cursor: string | null;
		};
		rows.push(...body.data.map(item => ({id: item.id, ms: Date.parse(item.created_at), state: item.state})));
		if (!body.has_next_page || !body.next_cursor) return rows;
		after = body.next_cursor;
	}
}

const windowOf = (since?: string, until?: string): TimeWindow => {
	const parsed = parseWindow({since, until});
	assert.ok(parsed.ok);
	return parsed.window;
};

for (const generation of ['current', 'legacy'] as const) {
	describe(`scan on a ${generation} server`, () => {
		let server: DemoServer;
		let rows: Row[];
		before(async () => {
			server = await startDemoServer({
				generation: generation === 'current' ? 'current' : 'both',
				interactions: 3000,
			});
			rows = (await Promise.all(server.fixtures.incident.threadIds.map(id => threadRows(server, id)))).flat();
		});
		after(() => server.close());
		const client = (options = {}) =>
			createClient(demoConnection(server), {generation, attempts: 1, backoffBaseMs: 1, ...options});
		const scope = () => ({projectId: server.fixtures.projects.incidentId});

		test('reads every row of the window, newest first, and counts the ones it keeps', async () => {
			const {burstStartMs, burstEndMs} = server.fixtures.incident;
			const window = windowOf(new Date(burstStartMs).toISOString(), new Date(burstEndMs).toISOString());
			const seen: string[] = [];
			const outcome = await runScan({
				client: client(),
				scope: scope(),
				window,
				pageSize: 100,
				keep: row => row.state === 'Error',
				onPage: page => void seen.push(...page.map(row => row.id)),
			});
			const inside = rows.filter(row => row.ms >= burstStartMs && row.ms < burstEndMs);
			assert.equal(outcome.status, 'complete');
			assert.equal(outcome.partial, false);
			assert.equal(outcome.progress.rows, inside.length);
			assert.equal(new Set(seen).size, inside.length);
			assert.deepEqual(new Set(seen), new Set(inside.map(row => row.id)));
			const errors = inside.filter(row => row.state === 'Error');
			assert.equal(outcome.progress.matches, errors.length);
			assert.deepEqual(
				outcome.matches.map(row => row.id),
				[...errors].sort((a, b) => b.ms - a.ms).map(row => row.id),
			);
			assert.ok(errors.length > 50, 'the burst has errors');
		});

		test("newest first stops at the window's older edge instead of reading the rest", async () => {
			const since = server.fixtures.incident.endMs - 3_600_000;
			const inside = rows.filter(row => row.ms >= since);
			const start = server.log.length;
			const outcome = await runScan({
				client: client(),
				scope: scope(),
				window: windowOf(new Date(since).toISOString()),
				pageSize: 20,
			});
			assert.equal(outcome.progress.rows, inside.length);
			const pages = Math.ceil((inside.length + 1) / 20);
			assert.ok(outcome.progress.pages <= pages, `${outcome.progress.pages} pages for ${inside.length} rows`);
			const requests = server.log.slice(start).filter(entry => entry.path.endsWith('/interaction')).length;
			// The whole project is ~1,600 rows: 80 pages of 20. Stopping at the edge reads a handful.
			assert.ok(requests < 40, `${requests} requests`);
		});

		test('cancel keeps what was found, marked partial; resume reads the rest once', async () => {
			const controller = new AbortController();
			const seen: string[] = [];
			const options = {
				client: client(),
				scope: scope(),
				pageSize: 200,
				keep: (row: Interaction) => row.state === 'Error',
				signal: controller.signal,
				onPage: (page: readonly Interaction[]) => {
					seen.push(...page.map(row => row.id));
					if (seen.length >= 400) controller.abort();
				},
			};
			const stopped = await runScan(options);
			assert.equal(stopped.status, 'cancelled');
			assert.ok(stopped.partial && stopped.resume);
			assert.equal(stopped.progress.rows, 400);
			const kept = stopped.matches.length;
			const resumed = await resumeScan({...options, signal: undefined}, stopped);
			assert.equal(resumed.status, 'complete');
			assert.equal(resumed.progress.rows, rows.length);
			assert.equal(seen.length, rows.length);
			assert.equal(new Set(seen).size, rows.length, 'no row twice');
			assert.ok(resumed.matches.length > kept);
			assert.equal(resumed.matches.length, rows.filter(row => row.state === 'Error').length);
		});

		test('a fault mid-scan is reported in words with how far it got, and resume carries on from there', async () => {
			const seen: string[] = [];
			let pages = 0;
			const options = {
				client: client(),
				scope: scope(),
				pageSize: 300,
				onPage: (page: readonly Interaction[]) => {
					seen.push(...page.map(row => row.id));
					if (++pages === 2) server.setFaults([{route: /interaction$/, status: 503}]);
				},
			};
			const failed = await runScan(options);
			server.clearFaults();
			assert.equal(failed.status, 'failed');
			assert.ok(failed.partial);
			assert.match(failed.error ?? '', /^stopped after 600 rows in 2 pages \(reached [^)]+\): \S/);
			assert.match(failed.error ?? '', /503|server/i);
			const resumed = await resumeScan(options, failed);
			assert.equal(resumed.status, 'complete');
			assert.equal(new Set(seen).size, rows.length);
			assert.equal(seen.length, rows.length);
		});

		test('the bound on matches: at most N kept, and the outcome says so', async () => {
			const bounded = await runScan({
				client: client(),
				scope: scope(),
				keep: () => true,
				maxMatches: 25,
				pageSize: 100,
			});
			assert.equal(bounded.matches.length, 25);
			assert.ok(bounded.boundHit);
			assert.ok(bounded.partial, 'stops reading once the bound is passed');
			assert.ok(bounded.progress.rows < rows.length);
			const full = await runScan({
				client: client(),
				scope: scope(),
				keep: () => true,
				maxMatches: 25,
				stopAtBound: false,
			});
			assert.equal(full.matches.length, 25);
			assert.equal(full.progress.matches, rows.length);
			assert.equal(full.partial, false);
		});

		test(
			'a server that keeps saying "more" while sending nothing: the scan ends, having read nothing',
			{timeout: 20_000},
			async () => {
				server.setFaults([{route: /interaction$/, body: 'empty-more'}]);
				try {
					const start = server.log.length;
					const outcome = await runScan({
						client: client(),
						scope: {projectId: server.fixtures.projects.bigId},
					});
					assert.equal(outcome.status, 'complete', outcome.error);
					assert.equal(outcome.progress.rows, 0);
					// The legacy route is paged three times; the merge (current routes) gives up on each thread at its first
					// empty page, so its first page is empty and says there is no more.
					assert.equal(outcome.progress.pages, generation === 'legacy' ? 3 : 1);
					const threads = server.fixtures.bigSmallThreadIds.length + 1;
					assert.ok(server.log.length - start <= threads + 4, `${server.log.length - start} requests`);
				} finally {
					server.clearFaults();
				}
			},
		);

		test('a server that refuses large pages (400) gets the small size instead', async () => {
			server.setFaults([{route: /interaction$/, status: 400, times: 1}]);
			const start = server.log.length;
			const outcome = await runScan({
				client: client(),
				scope: {projectId: server.fixtures.projects.bigId},
				fallbackPageSize: 500,
			});
			assert.equal(outcome.status, 'complete');
			assert.equal(outcome.progress.rows, server.fixtures.bigInteractionCount);
			const sizes = server.log
				.slice(start)
				.filter(entry => entry.path.endsWith('/interaction'))
				.map(entry => entry.query['first']);
			assert.equal(sizes[0], '1000');
			assert.ok(
				sizes.slice(1).every(size => Number(size) <= 500),
				sizes.join(','),
			);
		});
	});
}
