import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {App} from '../source/app.tsx';
import {createClient} from '../source/api/client.ts';
import {firstScreen} from '../source/commands/first-screen.ts';
import {startupPrefetch} from '../source/commands/startup-prefetch.ts';
import {startDemoServer, type DemoServer} from '../source/demo/index.ts';
import {keys} from './helpers/pty.ts';
import {mount} from './helpers/render.tsx';
import {demoConnection} from './helpers/demo.ts';

let server: DemoServer;
before(async () => {
	server = await startDemoServer({interactions: 300});
});
after(async () => {
	await server.close();
});

const projectRequests = (from: number) =>
	server.log.slice(from).filter(entry => /\/projects?(\?|$)/.test(entry.path) || entry.path.endsWith('/me'));

test('the first frame shows the prefetched projects; coming back to the list asks the server again', async () => {
	const client = createClient(demoConnection(server));
	const me = await client.me();
	const plan = {deepLink: {}, order: 'DESC' as const, pageSize: 50};
	const prefetch = startupPrefetch(client, {...plan, rememberedUserId: me.id});
	await prefetch.settled(5000);
	const first = await firstScreen(prefetch, plan);
	const name = first.projects?.[0]?.name;
	assert.ok(name);

	const mark = server.log.length;
	const app = await mount(
		<App client={prefetch.client} notices={[]} deepLink={{}} order="DESC" pageSize={50} first={first} />,
	);
	assert.ok(app.frame().includes(name), app.frame());
	assert.deepEqual(projectRequests(mark), [], 'nothing asked for the first frame');

	await app.press(keys.enter);
	await app.waitFor('THREADS');
	const back = server.log.length;
	await app.press(keys.esc);
	await app.waitFor('PROJECTS');
	await app.waitFor(name);
	for (let wait = 0; projectRequests(back).length < 2 && wait < 200; wait++)
		await new Promise(resolve => setTimeout(resolve, 10));
	assert.equal(projectRequests(back).length, 2, 'me and the project list, fresh');
	await app.unmount();
});
