// A small text chart renderer: column bars with a highlighted part (interactions, and the errors among them)
// and sparklines, in block glyphs so they read without colour (NO_COLOR) and paste into a chat as text.
// Written here rather than taken from a library: asciichart draws line plots (no stacked part, so the error
// share would not show), and the sparkline packages are a dozen lines of what is below, without the part.
// Every glyph is one column wide, so a chart of n values is exactly n columns.

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
export const PART_GLYPH = '▓';
const SPARK = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

export type Bar = {readonly value: number; readonly part: number};

/**
 * `height` lines, top first, one column per bar: the whole bar in eighths of a cell, with its `part` (at the
 * bottom) in whole cells of PART_GLYPH, rounded: a part under half a cell does not show here, so draw the parts
 * on their own too (a sparkline under the axis) when a single one must never be missed. Scaled to the largest
 * value (or `max`); any non-zero value gets at least an eighth.
 */
export function barChart(bars: readonly Bar[], height: number, max?: number): string[] {
	const rows = Math.max(1, Math.floor(height));
	const top = Math.max(max ?? 0, ...bars.map(bar => bar.value), 0);
	const columns = bars.map(bar => {
		if (top === 0 || bar.value <= 0) return {whole: 0, part: 0};
		const whole = Math.max(1, Math.round((bar.value / top) * rows * 8));
		const share = Math.min(Math.max(bar.part, 0), bar.value) / bar.value;
		return {whole, part: Math.min(Math.round((share * whole) / 8), Math.ceil(whole / 8))};
	});
	const lines: string[] = [];
	for (let row = rows - 1; row >= 0; row--) {
		let line = '';
		for (const column of columns) {
			if (row < column.part) line += PART_GLYPH;
			else line += EIGHTHS[Math.max(0, Math.min(8, column.whole - row * 8))];
		}
		lines.push(line);
	}
	return lines;
}

/** One glyph per value, ▁ to █ scaled to the largest (or `max`); `zero` for exactly nothing. */
export function sparkline(values: readonly number[], options: {max?: number; zero?: string} = {}): string {
	const top = Math.max(options.max ?? 0, ...values, 0);
	const zero = options.zero ?? ' ';
	return values
		.map(value => {
			if (!(value > 0) || top === 0) return zero;
			const level = Math.min(SPARK.length - 1, Math.floor((value / top) * (SPARK.length - 1) + 0.5));
			return SPARK[Math.max(0, level)];
		})
		.join('');
}

/**
 * An axis line under `columns` columns: labels (from `label(index)`) at ticks every `every` columns, each
 * starting at its tick, never overlapping the one before or running past the end.
 */
export function axisLine(columns: number, every: number, label: (index: number) => string): string {
	let line = '';
	const step = Math.max(1, Math.floor(every));
	for (let index = 0; index < columns; index += step) {
		const text = label(index);
		if (index < line.length || index + text.length > columns) continue;
		line = line.padEnd(index, ' ') + text;
	}
	return line.padEnd(columns, ' ');
}
