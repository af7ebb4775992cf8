// The fewest bytes that take the cursor from one cell of the frame to another. Rows count from the frame's top;
// a column of undefined means not known (after text a terminal placed itself, or a write into the last column,
// where terminals disagree on where a pending wrap leaves the cursor), so only absolute column moves apply.
// Line feeds rely on the tty's ONLCR (LF goes to column 0), as every multi-line Ink frame does.

export type Position = {readonly row: number; readonly column: number | undefined};

/** What `text` costs on the wire: UTF-8 bytes, and two for a line feed (ONLCR sends CR LF). */
export function wireBytes(text: string): number {
	let bytes = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x80) bytes += code === 0x0a ? 2 : 1;
		else if (code < 0x800) bytes += 2;
		// A surrogate pair is four bytes, two per half.
		else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
		else bytes += 3;
	}
	return bytes;
}

const csi = (count: number, final: string): string =>
	count === 1 ? `\u001B[${final}` : `\u001B[${count}${final}`;

/** Horizontal move within a row. */
function across(from: number | undefined, to: number): string {
	if (from === to) return '';
	let best = to === 0 ? '\r' : csi(to + 1, 'G');
	if (from !== undefined) {
		// Never a backspace for one column left, though shorter: the hostile-data tests (rightly) treat any BS in
		// the output as data that reached the terminal.
		const relative = to > from ? csi(to - from, 'C') : csi(from - to, 'D');
		if (relative.length < best.length) best = relative;
	}
	return best;
}

/** The shortest sequence from `from` to row `row`, column `column` (undefined: any column). */
export function moveTo(from: Position, row: number, column: number | undefined): string {
	const rows = row - from.row;
	const options: Array<{readonly vertical: string; readonly column: number | undefined}> = [];
	if (rows === 0) options.push({vertical: '', column: from.column});
	else if (rows > 0) {
		options.push({vertical: csi(rows, 'B'), column: from.column}, {vertical: csi(rows, 'E'), column: 0});
		if (rows <= 4) options.push({vertical: '\n'.repeat(rows), column: 0});
	} else
		options.push({vertical: csi(-rows, 'A'), column: from.column}, {vertical: csi(-rows, 'F'), column: 0});
	let best: string | undefined;
	let bestBytes = Number.POSITIVE_INFINITY;
	for (const option of options) {
		const sequence = option.vertical + (column === undefined ? '' : across(option.column, column));
		const bytes = wireBytes(sequence);
		if (bytes < bestBytes) {
			best = sequence;
			bestBytes = bytes;
		}
	}
	return best!;
}
