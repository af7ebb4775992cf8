// The overview's breakdown rows (by state, model, stop reason, flag, user): counts, shares and the filter term
// that lists a row's interactions (the screen's Enter; report prints it so a reader can paste it into `/`).
export type CountRow = {
	readonly key: string;
	/** What to show: the key, or the user's name. */
	readonly label: string;
	readonly count: number;
	/** count / all interactions. */
	readonly share: number;
	readonly errors: number;
	/** The filter term for this row ("state:error", "model:zylon-fast"); absent for "(none)" and "others". */
	readonly filter?: string;
};

export type ModelRow = CountRow & {readonly errorRate: number};

type Tally = {readonly count: number; readonly errors: number; readonly label?: string};
export type BreakdownField = 'state' | 'model' | 'stop' | 'flag' | 'user';

const quote = (value: string) => (/[\s"]/.test(value) ? `"${value.replaceAll('"', '')}"` : value);

function filterFor(field: BreakdownField, key: string): string | undefined {
	if (key === 'other' || key.startsWith('(')) return undefined;
	return `${field}:${quote(field === 'flag' || field === 'state' ? key.toLowerCase() : key)}`;
}

/** Largest first; ties by key so the order is stable between snapshots. */
export function countRows(map: ReadonlyMap<string, Tally>, total: number, field: BreakdownField): CountRow[] {
	return [...map]
		.map(([key, tally]) => {
			const filter = filterFor(field, key);
			return {
				key,
				label: key === 'other' ? 'others' : (tally.label ?? key),
				count: tally.count,
				share: total === 0 ? 0 : tally.count / total,
				errors: tally.errors,
				...(filter === undefined ? {} : {filter}),
			};
		})
		.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function modelRows(map: ReadonlyMap<string, Tally>, total: number): ModelRow[] {
	return countRows(map, total, 'model').map(row => ({
		...row,
		errorRate: row.count === 0 ? 0 : row.errors / row.count,
	}));
}
