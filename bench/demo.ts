import {spawn} from 'node:child_process';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import type {DemoOptions} from '../source/demo/types.ts';

export type DemoHandle = {
	readonly url: string;
	readonly token: string;
	readonly org: string;
	readonly fixtures: unknown;
	setLatency(ms: number): Promise<void>;
	close(): Promise<void>;
};

const script = fileURLToPath(new URL('demo-process.ts', import.meta.url));

export class NotMeasured extends Error {}

/** Starts the demo workspace in a child process; rejects (NotMeasured) with its stderr if it cannot start. */
export function startDemoProcess(options: DemoOptions, timeoutMs = 60_000): Promise<DemoHandle> {
	const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (text: string) => {
		stderr += text;
	});
	const lines = createInterface({input: child.stdout});
	const replies: ((line: string) => void)[] = [];
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));

	return new Promise((resolve, reject) => {
		const fail = (why: string) => {
			clearTimeout(timer);
			child.kill('SIGKILL');
			const detail =
				stderr
					.trim()
					.split('\n')
					.find(line => /Error|error:/.test(line)) ?? stderr.trim();
			reject(
				new NotMeasured(`demo server did not start (${why})${detail ? `: ${detail.slice(0, 200)}` : ''}`),
			);
		};
		const timer = setTimeout(() => fail(`no answer in ${timeoutMs} ms`), timeoutMs);
		let started = false;
		child.once('exit', code => {
			if (!started) fail(`exit code ${code}`);
		});
		lines.once('line', first => {
			started = true;
			clearTimeout(timer);
			lines.on('line', line => replies.shift()?.(line));
			const info = JSON.parse(first) as {url: string; token: string; org: string; fixtures: unknown};
			resolve({
				...info,
				setLatency: ms =>
					new Promise(done => {
						replies.push(() => done());
						child.stdin.write(`latency ${ms}\n`);
					}),
				async close() {
					child.stdin.end();
					await Promise.race([exited, new Promise(r => setTimeout(r, 2000))]);
					child.kill('SIGKILL');
				},
			});
		});
	});
}

/** A fixture value by dotted path (`projects.bigId`), or NotMeasured naming what is missing. */
export function fixture(handle: DemoHandle, dotted: string): string {
	let value: unknown = handle.fixtures;
	for (const key of dotted.split('.')) {
		value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
	}
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new NotMeasured(`the demo server's fixtures have no ${dotted}`);
	}
	return String(value);
}
