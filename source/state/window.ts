// Window math for lists that render only the rows that fit.

export const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

/** The first visible row that keeps `cursor` in view, moving the window as little as possible. */
export function keepInView(top: number, cursor: number, height: number, total: number): number {
	const rows = Math.max(1, height);
	let next = Math.min(top, cursor);
	if (cursor >= next + rows) next = cursor - rows + 1;
	return clamp(next, 0, Math.max(0, total - rows));
}
