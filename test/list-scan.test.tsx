// The interaction list's filter, errors-only and time window run the scan engine over every page of the
// scope, against the demo server over real HTTP: the explorer screen is mounted, keys are typed, and what
// the status line says is checked against counts taken here with plain fetches.
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {after, before, describe, test} from 'node:test';
import {act} from 'react';
import {createClient} from '../source/api/client.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {formatCount} from '../source/domain/format.ts';
import {ALL_TIME, parseWindow, type TimeWindow} from '../source/domain/time-window.ts';
import {ExplorerScreen} from '../source/screens/explorer-screen.tsx';
import {demoConnection} from './helpers/demo.ts';
import {mount, type Mounted} from './helpers/render.tsx';

type Row = {id: string; ms: number; state: string};

async function projectRows(server: DemoServer, threadIds: readonly string[]): Promise<Row[]> {
	const rows: Row[] = [];
	for (const threadId of threadIds) {
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
			rows.push(
				...body.data.map(item => ({id: item.id, ms: Date.parse(item.created_at), state: item.state})),
			);
			if (!body.has_next_page || !body.next_cursor) break;
			after = body.next_cursor;
		}
	}

	return rows.sort((a, b) => b.ms - a.ms || (a.id < b.id ? 1 : -1));
}

async function waitForMatch(m: Mounted, pattern: RegExp, ms = 8000): Promise<RegExpExecArray> {
	const end = Date.now() + ms;
	for (;;) {
		const found = pattern.exec(m.frame());
		if (found) return found;
		if (Date.now() > end) throw new Error(`no ${String(pattern)} in:\n${m.frame()}`);
		await act(async () => {
			await sleep(10);
		});
	}
}

describe('the list scans every page of the scope in the window', () => {
	let server: DemoServer;
	let rows: Row[];
	before(async () => {
		server = await startDemoServer({generation: 'current', interactions: 300});
		rows = await projectRows(server, server.fixtures.incident.threadIds);
	});
	after(() => server.close());

	const screen = (timeWindow: TimeWindow, latencyMs = 0) => {
		server.setLatency(latencyMs);
		// The filter is remembered per project on disk: each screen starts with none, away from the user's.
		process.env['XDG_STATE_HOME'] = mkdtempSync(path.join(os.tmpdir(), 'zylon-list-scan-'));
		const client = createClient(demoConnection(server), {generation: 'current', attempts: 1});
		return mount(
			<ExplorerScreen
				client={client}
				scope={{projectId: server.fixtures.projects.incidentId}}
				order="DESC"
				pageSize={50}
				width={160}
				height={30}
				active
				timeWindow={timeWindow}
				onBack={() => {}}
				onCommand={() => {}}
				onQuit={() => {}}
			/>,
		);
	};

	test('a filter finds matches on pages the list never loaded, and counts every row it read', async () => {
		const errors = rows.filter(row => row.state === 'Error');
		const firstPageErrors = rows.slice(0, 50).filter(row => row.state === 'Error').length;
		assert.ok(errors.length > firstPageErrors + 50, 'most errors lie beyond the first page');
		const m = await screen(ALL_TIME);
		try {
			await m.waitFor('page 1 · 1–50', 8000);
			await m.press('/', 'state:error', '\r');
			const done = await waitForMatch(m, /state:error · ([\d,]+) matches · scanned ([\d,]+)/);
			assert.equal(done[1], formatCount(errors.length));
			assert.equal(done[2], formatCount(rows.length));
			const listed = m.lines().filter(line => /^[ >*»](\d\d-\d\d )?\d\d:\d\dZ/.test(line));
			assert.ok(listed.length > 5);
			assert.ok(
				listed.every(line => line.includes('error')),
				listed.join('\n'),
			);
		} finally {
			await m.unmount();
		}
	});

	test('a window lists only its rows, through the same scan, stopping at its older edge', async () => {
		const {burstStartMs, burstEndMs} = server.fixtures.incident;
		const parsed = parseWindow({
			since: new Date(burstStartMs).toISOString(),
			until: new Date(burstEndMs).toISOString(),
		});
		assert.ok(parsed.ok);
		const inside = rows.filter(row => row.ms >= burstStartMs && row.ms < burstEndMs);
		assert.ok(inside.length > 0 && inside.length < rows.length);
		const m = await screen(parsed.window);
		try {
			const done = await waitForMatch(m, /in window · ([\d,]+) rows · scanned ([\d,]+)/);
			assert.equal(done[1], formatCount(inside.length));
			assert.equal(done[2], formatCount(inside.length));
			await m.press('e');
			const errors = await waitForMatch(m, /errors only · ([\d,]+) match(?:es)? · scanned ([\d,]+)/);
			assert.ok(Number(errors[1]!.replace(/,/g, '')) >= inside.filter(row => row.state === 'Error').length);
			assert.equal(errors[2], formatCount(inside.length));
		} finally {
			await m.unmount();
		}
	});

	test('Esc stops a running scan: what it found stays, partial; r resumes to the same total', async () => {
		const errors = rows.filter(row => row.state === 'Error');
		const m = await screen(ALL_TIME);
		try {
			await m.waitFor('page 1 · 1–50', 8000);
			// At 600 ms a request the scan is still running when Esc comes.
			server.setLatency(600);
			await m.press('e');
			await waitForMatch(m, /errors only · [\d,]+ · scanning · /);
			await m.press('\u001B');
			const stopped = await waitForMatch(
				m,
				/errors only · ([\d,]+) match(?:es)? · partial · scanned ([\d,]+) · r resumes/,
			);
			assert.ok(Number(stopped[2]!.replace(/,/g, '')) < rows.length);
			server.setLatency(0);
			await m.press('r');
			const done = await waitForMatch(m, /errors only · ([\d,]+) matches · scanned ([\d,]+)/);
			assert.ok(Number(done[1]!.replace(/,/g, '')) >= errors.length);
			assert.equal(done[2], formatCount(rows.length));
		} finally {
			server.setLatency(0);
			await m.unmount();
		}
	});
	test('a failure mid-scan shows in words with how far it got; r resumes to every row', async () => {
		const m = await screen(ALL_TIME);
		try {
			await m.waitFor('page 1 · 1–50', 8000);
			server.setFaults([{route: /interaction$/, status: 503}]);
			await m.press('e');
			await waitForMatch(m, /errors only · 0 matches · partial · scanned 0 · r resumes/);
			assert.match(m.frame(), /503|unavailable|server/i, 'the failure is on screen in words');
			server.clearFaults();
			await m.press('r');
			const done = await waitForMatch(m, /errors only · ([\d,]+) matches · scanned ([\d,]+)/);
			assert.equal(done[2], formatCount(rows.length));
		} finally {
			server.clearFaults();
			await m.unmount();
		}
	});
});
