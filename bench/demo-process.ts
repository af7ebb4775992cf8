// The demo server in its own process: a server sharing the bench's event loop would delay the very pty
// reads the bench is timing. Protocol: argv[2] is the JSON options; the first stdout line is the JSON
// handle; each stdin line `latency <ms>` is answered with `ok`.
import {createInterface} from 'node:readline';

type Server = {
	url: string;
	token: string;
	org?: string;
	fixtures: unknown;
	setLatency(ms: number): void;
	close(): Promise<void> | void;
};

// A variable specifier: the demo module is written in parallel, and a missing module must fail this
// process (reported as "not measured"), not the project's typecheck.
const specifier = '../source/demo/index.ts';
const demo = (await import(specifier)) as {startDemoServer?: (options: unknown) => Promise<Server> | Server};
if (typeof demo.startDemoServer !== 'function')
	throw new Error('source/demo/index.ts exports no startDemoServer');
const server = await demo.startDemoServer(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(
	`${JSON.stringify({url: server.url, token: server.token, org: server.org ?? 'default', fixtures: server.fixtures})}\n`,
);

const lines = createInterface({input: process.stdin});
lines.on('line', line => {
	const [command, value] = line.trim().split(/\s+/);
	if (command === 'latency') {
		server.setLatency(Number(value));
		process.stdout.write('ok\n');
	}
});
lines.on('close', () => {
	void Promise.resolve(server.close()).finally(() => process.exit(0));
});
