// Line diff for comparing two transcripts (Myers' O((N+M)D) algorithm, shortest edit script). Two
// bounds keep a pathological pair from freezing the UI: each side is cut to `maxLines`, and past
// `maxEdits` differences the changed middle is shown as one removed block and one added block.

export type LineOp = 'same' | 'removed' | 'added';

export type LineDiffRow = {
	readonly op: LineOp;
	readonly text: string;
	/** 0-based line in the first input (same, removed). */
	readonly aLine?: number;
	/** 0-based line in the second input (same, added). */
	readonly bLine?: number;
};

export type LineDiff = {
	readonly rows: readonly LineDiffRow[];
	readonly added: number;
	readonly removed: number;
	/** Some lines past `maxLines` were not compared. */
	readonly truncated: boolean;
	/** More than `maxEdits` differences: the middle is shown as a block replace, not a minimal diff. */
	readonly approximate: boolean;
	/** Says which bound applied, for a status line; undefined when neither did. */
	readonly note?: string;
};

export type LineDiffOptions = {readonly maxLines?: number; readonly maxEdits?: number};

export const LINE_DIFF_MAX_LINES = 5000;
export const LINE_DIFF_MAX_EDITS = 1000;

type Edit = {op: LineOp; a: number; b: number};

/** The edit script for a vs b, or undefined when it needs more than maxEdits edits. */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): Edit[] | undefined {
	const n = a.length;
	const m = b.length;
	const max = Math.min(n + m, maxEdits);
	const offset = max + 1;
	const v = new Int32Array(2 * max + 3);
	// trace[d] is the frontier before step d; copying only the live window keeps memory at O(D²).
	const trace: Int32Array[] = [];
	let found = -1;
	search: for (let d = 0; d <= max; d++) {
		trace.push(v.slice(offset - d - 1, offset + d + 2));
		for (let k = -d; k <= d; k += 2) {
			let x =
				k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
					? v[offset + k + 1]!
					: v[offset + k - 1]! + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				found = d;
				break search;
			}
		}
	}
	if (found === -1) return undefined;

	const edits: Edit[] = [];
	let x = n;
	let y = m;
	for (let d = found; d >= 0; d--) {
		const window = trace[d]!;
		// window[0] is k = -d - 1.
		const at = (k: number) => window[k + d + 1]!;
		const k = x - y;
		const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
		const prevX = d === 0 ? 0 : at(prevK);
		const prevY = d === 0 ? 0 : prevX - prevK;
		while (x > prevX && y > prevY) {
			x--;
			y--;
			edits.push({op: 'same', a: x, b: y});
		}
		if (d > 0) {
			if (x === prevX) edits.push({op: 'added', a: x, b: y - 1});
			else edits.push({op: 'removed', a: x - 1, b: y});
			x = prevX;
			y = prevY;
		}
	}
	return edits.reverse();
}

export function lineDiff(
	aLines: readonly string[],
	bLines: readonly string[],
	options: LineDiffOptions = {},
): LineDiff {
	const maxLines = options.maxLines ?? LINE_DIFF_MAX_LINES;
	const maxEdits = options.maxEdits ?? LINE_DIFF_MAX_EDITS;
	const truncated = aLines.length > maxLines || bLines.length > maxLines;
	const a = aLines.slice(0, maxLines);
	const b = bLines.slice(0, maxLines);

	// Transcripts of two runs of the same prompt share long heads and tails: trimming them first makes
	// the common case cost almost nothing.
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}

	const rows: LineDiffRow[] = [];
	for (let i = 0; i < start; i++) rows.push({op: 'same', text: a[i]!, aLine: i, bLine: i});
	const middleA = a.slice(start, endA);
	const middleB = b.slice(start, endB);
	const edits = myers(middleA, middleB, maxEdits);
	const approximate = edits === undefined;
	if (edits) {
		for (const edit of edits) {
			if (edit.op === 'same')
				rows.push({op: 'same', text: middleA[edit.a]!, aLine: start + edit.a, bLine: start + edit.b});
			else if (edit.op === 'removed')
				rows.push({op: 'removed', text: middleA[edit.a]!, aLine: start + edit.a});
			else rows.push({op: 'added', text: middleB[edit.b]!, bLine: start + edit.b});
		}
	} else {
		middleA.forEach((text, i) => rows.push({op: 'removed', text, aLine: start + i}));
		middleB.forEach((text, i) => rows.push({op: 'added', text, bLine: start + i}));
	}
	for (let i = 0; i < a.length - endA; i++) {
		rows.push({op: 'same', text: a[endA + i]!, aLine: endA + i, bLine: endB + i});
	}

	let added = 0;
	let removed = 0;
	for (const row of rows) {
		if (row.op === 'added') added++;
		else if (row.op === 'removed') removed++;
	}
	const notes = [
		truncated ? `only the first ${maxLines} lines of each side compared` : undefined,
		approximate ? `more than ${maxEdits} changed lines: shown as one block replaced` : undefined,
	].filter(Boolean);
	return {
		rows,
		added,
		removed,
		truncated,
		approximate,
		note: notes.length > 0 ? notes.join('; ') : undefined,
	};
}
