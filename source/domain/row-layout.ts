// How wide each column of the interaction list is, for the rows on screen and the list's width. A reader
// scans the text (the prompt, or an Error's first error message); the fixed columns are sized to what the
// rows hold, and the least useful go first when the width runs short. Pure: numbers in, numbers out.

export type Column = 'time' | 'age' | 'state' | 'model' | 'tokens' | 'stop' | 'flag';

/** Left to right, before the text. */
export const COLUMNS: readonly Column[] = ['time', 'age', 'state', 'model', 'tokens', 'stop', 'flag'];

/**
 * Dropped first to last as the width shrinks (the readme lists it). The age repeats the time; the stop
 * reason mostly repeats the state and the flags (`!` error, `T` max_tokens). `state` never goes: a row's
 * state is always shown in words.
 */
export const DROP_ORDER: readonly Column[] = ['age', 'stop', 'model', 'tokens', 'time', 'flag'];

/** Open-ended values (a server's model names, stop reasons, unknown states) are cut past these widths. */
export const MAX_WIDTH: Readonly<Record<Column, number>> = {
	time: 12,
	age: 8,
	state: 12,
	model: 16,
	tokens: 11,
	stop: 12,
	flag: 6,
};

/** The text keeps at least this share of the row… */
export const TEXT_SHARE = 0.4;
/** …and at least this many columns where the row is wide enough: a 120-column split must read a question. */
export const TEXT_COMFORT = 30;

/** The widest value of each column on the rows measured; 0 (or absent) for a column with nothing in it. */
export type ContentWidths = Readonly<Partial<Record<Column, number>>>;

export type RowLayout = {
	/** The columns shown, left to right; each is followed by one space. */
	readonly columns: ReadonlyArray<{readonly column: Column; readonly width: number}>;
	/** Columns left for the text. */
	readonly text: number;
};

/** The least the text gets on a row of `width` columns, before the state column's own claim. */
export function textFloor(width: number): number {
	return Math.max(0, Math.min(width, Math.max(Math.ceil(width * TEXT_SHARE), TEXT_COMFORT)));
}

export function rowLayout(content: ContentWidths, width: number): RowLayout {
	if (width <= 0) return {columns: [], text: 0};
	const sized = new Map<Column, number>();
	for (const column of COLUMNS) {
		const w = Math.min(MAX_WIDTH[column], Math.max(0, Math.floor(content[column] ?? 0)));
		// A column with nothing on any row takes no room, not even its separator.
		if (w > 0) sized.set(column, w);
	}

	const used = () => [...sized.values()].reduce((sum, w) => sum + w + 1, 0);
	const floor = textFloor(width);
	for (const column of DROP_ORDER) {
		if (width - used() >= floor) break;
		sized.delete(column);
	}

	// Only the state is left, and it may not fit a very narrow row: cut it rather than overflow.
	const state = sized.get('state');
	if (state !== undefined && used() > width) {
		const cut = state - (used() - width);
		if (cut > 0) sized.set('state', cut);
		else sized.delete('state');
	}

	const columns = COLUMNS.filter(c => sized.has(c)).map(column => ({column, width: sized.get(column)!}));
	return {columns, text: Math.max(0, width - used())};
}
