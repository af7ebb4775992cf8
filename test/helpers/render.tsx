// act()-wrapped mount (ink field notes §3.2): every render, key and unmount is flushed by React, so
// tests need no sleeps and see no act warnings.
import {act, type ReactElement} from 'react';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import {setTimeout as sleep} from 'node:timers/promises';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

export type Mounted = {
	/** The last frame, ANSI removed. */
	frame(): string;
	/** The last frame as written (ANSI included), for checks that no control byte got through. */
	rawFrame(): string;
	lines(): string[];
	rerender(node: ReactElement): Promise<void>;
	press(...keys: string[]): Promise<void>;
	waitFor(text: string, ms?: number): Promise<void>;
	unmount(): Promise<void>;
};

export async function mount(node: ReactElement): Promise<Mounted> {
	let app!: ReturnType<typeof render>;
	await act(async () => {
		app = render(node);
	});
	const raw = () => app.lastFrame() ?? '';
	return {
		frame: () => stripAnsi(raw()),
		rawFrame: raw,
		lines: () => stripAnsi(raw()).split('\n'),
		async rerender(next) {
			await act(async () => {
				app.rerender(next);
			});
		},
		async press(...keys) {
			for (const key of keys) {
				await act(async () => {
					app.stdin.write(key);
				});
			}
		},
		async waitFor(text, ms = 2000) {
			const end = Date.now() + ms;
			while (!stripAnsi(raw()).includes(text)) {
				if (Date.now() > end) throw new Error(`no "${text}" in:\n${raw()}`);
				await act(async () => {
					await sleep(5);
				});
			}
		},
		async unmount() {
			await act(async () => {
				app.unmount();
			});
		},
	};
}

/** Mount, hand the frame to `check`, and always unmount (spinners hold timers). */
export async function withMounted(
	node: ReactElement,
	check: (m: Mounted) => void | Promise<void>,
): Promise<void> {
	const m = await mount(node);
	try {
		await check(m);
	} finally {
		await m.unmount();
	}
}
