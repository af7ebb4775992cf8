// What Ink's renderer (build/ink.js) gets for es-toolkit's throttle in the CLI bundle (scripts/ink-patch.js): the
// same throttle, except that the render after a key is not held back (lib/input-priority.ts says why). Ink throttles
// two things with it: its render (a window of 1000/maxFps ms) and its log write (no window); only a window is
// skipped, and a frame already due at the window's end is dropped, because the render drawn now shows the same state.
import {throttle as esThrottle} from 'es-toolkit/compat';
import {takeKeyFrame} from '../input-priority.ts';

type Options = Parameters<typeof esThrottle>[2];
// Ink calls its throttled functions with no arguments or one (the frame's text).
type Fn = (...args: never[]) => unknown;

export function throttle<F extends Fn>(fn: F, wait?: number, options?: Options) {
	const inner = esThrottle(fn, wait, options);
	const throttled = (...args: Parameters<F>) => {
		if (wait !== undefined && wait > 0 && takeKeyFrame()) {
			inner.cancel();
			fn(...args);
			return;
		}
		inner(...args);
	};
	return Object.assign(throttled, {flush: () => inner.flush(), cancel: () => inner.cancel()});
}
