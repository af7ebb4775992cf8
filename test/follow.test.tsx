// Follow mode: the pure rules (what is new, the next delay, the status line) and the hook polling the
// demo server while interactions are appended, failing, rate-limited and switched off.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {setTimeout as sleep} from 'node:timers/promises';
import {act} from 'react';
import {Text} from 'ink';
import {createClient} from '../source/api/client.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {FOLLOW_MAX_DELAY_MS, followStatusText, newerThan, nextDelay} from '../source/domain/follow.ts';
import type {Interaction} from '../source/domain/types.ts';
import {useFollow, type FollowStatus} from '../source/hooks/use-follow.ts';
import {interaction} from './helpers/fixtures.ts';
import {mount} from './helpers/render.tsx';
import {demoConnection} from './helpers/demo.ts';

describe('follow rules', () => {
	const [a, b, c, d] = [4, 3, 2, 1].map(n => interaction({createdAtMs: n * 1000}));
	const page = [a!, b!, c!, d!];

	test('new = above the newest known; by time when it left the page; all when nothing is known', () => {
		assert.deepEqual(newerThan(page, c!.id), [a, b]);
		assert.deepEqual(newerThan(page, a!.id), []);
		assert.deepEqual(newerThan(page, 'gone', 2500), [a, b]);
		assert.deepEqual(
			newerThan(page, 'gone'),
			[],
			'an unknown id without a time delivers nothing rather than all',
		);
		assert.deepEqual(newerThan(page, undefined), page);
	});

	test('delay doubles per failure up to a minute; Retry-After wins when longer', () => {
		assert.equal(nextDelay(5000, 0), 5000);
		assert.equal(nextDelay(5000, 1), 10_000);
		assert.equal(nextDelay(5000, 2), 20_000);
		assert.equal(nextDelay(5000, 10), FOLLOW_MAX_DELAY_MS);
		assert.equal(nextDelay(5000, 1, 30_000), 30_000);
		assert.equal(nextDelay(5000, 1, 1000), 10_000);
		assert.equal(nextDelay(120_000, 3), 120_000, 'never sooner than the interval');
	});

	test('status line', () => {
		const now = Date.UTC(2026, 2, 2, 14, 2, 15);
		const ok = Date.UTC(2026, 2, 2, 14, 2, 11);
		assert.equal(
			followStatusText({nextPollAt: now + 3100, lastSuccessAt: ok}, now),
			'next poll in 4s · last ok 14:02:11Z',
		);
		assert.equal(
			followStatusText(
				{nextPollAt: now + 20_000, lastSuccessAt: ok, staleSince: ok, error: 'boom (500)'},
				now,
			),
			'stale since 14:02:11Z: boom (500) · retry in 20s',
		);
		assert.equal(followStatusText({}, now), 'following');
	});
});

type Probe = {status: FollowStatus; delivered: Interaction[][]};

function Follower(props: {
	server: DemoServer;
	enabled: boolean;
	newestId: string | undefined;
	probe: Probe;
	client: ReturnType<typeof createClient>;
}) {
	const status = useFollow({
		client: props.client,
		scope: {projectId: props.server.fixtures.projects.bigId, threadId: props.server.fixtures.bigThreadId},
		enabled: props.enabled,
		newestId: props.newestId,
		intervalMs: 40,
		onNew: items => props.probe.delivered.push([...items]),
	});
	props.probe.status = status;
	return <Text>{status.error ? `error ${status.error}` : `ok ${status.lastSuccessAt ?? '-'}`}</Text>;
}

async function until(check: () => boolean, ms = 3000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await act(async () => {
			await sleep(10);
		});
	}
}

describe('useFollow against the demo server', () => {
	test('hands over appended interactions once each, newest first; backs off on errors; stops when disabled', async () => {
		const server = await startDemoServer({interactions: 200});
		const client = createClient(demoConnection(server), {attempts: 1, backoffBaseMs: 1});
		try {
			const first = await client.interactions(
				{projectId: server.fixtures.projects.bigId, threadId: server.fixtures.bigThreadId},
				{first: 1, order: 'DESC'},
			);
			const newestId = first.items[0]?.id;
			const probe: Probe = {status: {}, delivered: []};
			const view = (enabled: boolean) => (
				<Follower server={server} client={client} enabled={enabled} newestId={newestId} probe={probe} />
			);
			const m = await mount(view(true));
			try {
				await until(() => probe.status.lastSuccessAt !== undefined);
				assert.equal(probe.delivered.length, 0, 'nothing new yet');

				const one = server.addInteraction(server.fixtures.bigThreadId);
				await until(() => probe.delivered.length === 1);
				assert.deepEqual(
					probe.delivered[0]!.map(i => i.id),
					[one],
				);

				const two = server.addInteraction(server.fixtures.bigThreadId);
				const three = server.addInteraction(server.fixtures.bigThreadId);
				await until(() => probe.delivered.length === 2);
				assert.deepEqual(
					probe.delivered[1]!.map(i => i.id),
					[three, two],
					'newest first, and `one` not handed over again though the prop still names the old newest',
				);

				const lastOk = probe.status.lastSuccessAt;
				server.setFaults([{route: '/interaction', status: 500}]);
				await until(() => probe.status.error !== undefined);
				// A poll may still succeed between reading lastOk and the fault taking hold: stale since that success.
				assert.equal(probe.status.staleSince, probe.status.lastSuccessAt);
				assert.ok(probe.status.staleSince! >= lastOk!);
				// The failed poll came at least one interval after the last success, and the next is set a backoff
				// (2 × 40 ms) after it: measured from the success, not from when this loop looked, which a busy
				// machine delays.
				assert.ok(
					probe.status.nextPollAt! - probe.status.staleSince! >= 40 + 80,
					'backed off past the interval',
				);
				await m.waitFor('error');

				server.setFaults([{route: '/interaction', status: 429, retryAfter: '3'}]);
				await until(() => /429/.test(probe.status.error ?? ''));
				assert.ok(probe.status.nextPollAt! - Date.now() > 2000, 'Retry-After honoured');

				server.clearFaults();
				await m.rerender(view(false));
				const requests = server.log.length;
				await act(async () => {
					await sleep(150);
				});
				assert.equal(server.log.length, requests, 'no poll after disabling');
				assert.deepEqual(probe.status, {});
			} finally {
				await m.unmount();
			}
		} finally {
			await server.close();
		}
	});
});
