// Everything the bench knows about what the explorer draws, in one place: when the screen changes, adjust
// here and nowhere else. Each marker is matched against the rendered screen (text only, no colours).
import {keys} from '../test/helpers/pty.ts';

/** The project selector is on screen: it lists the demo workspace's projects by name. */
export const projectList = /Load Test Bench|Customer Insights/;

/** The interaction list has rows: its title, and at least one row's time column (e.g. `14:02Z`). */
export const interactionList = (screen: string): boolean =>
	screen.includes('INTERACTIONS') && /\d\d:\d\dZ/.test(screen);

/** The detail pane shows this interaction: its header's first line starts with the id. */
export const interactionDetail =
	(id: string) =>
	(screen: string): boolean =>
		screen.includes(`${id} · `);

/** The detail pane is open on the transcript tab (its short label where the pane is narrow, as in the split). */
export const detailPane = (screen: string): boolean => /\[1 (Transcript|Text)\]/.test(screen);

/** The baseline hello's text. */
export const hello = 'Hello from Ink';

/** Keys that move focus from the list to the detail pane once an interaction is open (DESIGN: Tab). */
export const focusDetail: readonly string[] = [keys.tab];

const scrollPosition = /lines\s+\d[\d,]*\s*[–-]\s*\d[\d,]*\s+of\s+\d[\d,]*/;

export const hasDetailScroll = (screen: string): boolean => scrollPosition.test(screen);

/** The detail pane's scroll position, e.g. `lines 1–33 of 4,086`; a scroll changes it. */
export function detailScroll(screen: string): string {
	const position = scrollPosition.exec(screen);
	if (!position) throw new Error('no detail scroll position (e.g. "lines 1–33 of 4,086") on screen');
	return position[0];
}

export const listDown = 'j';
export const detailDown = 'j';
export const nextPage = ']';

// The selected row carries a glyph (DESIGN: state is never shown by colour alone).
const cursorRow = /^[│┃|]?\s?[>❯▶›]/;

const interactionId = /\b[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\b/;

/**
 * What identifies the list selection on screen: the cursor row, where it is, and the detail header's id;
 * falls back to the whole screen if no row has the glyph. A row's text alone is not enough: neighbours
 * can read the same (same minute, same prompt), and a move between them would look like no move at all.
 */
export function selection(screen: string): string {
	const lines = screen.split('\n');
	const rows = lines.flatMap((line, index) => (cursorRow.test(line) ? [`${index}:${line}`] : []));
	if (rows.length === 0) return screen;
	return [interactionId.exec(screen)?.[0] ?? '', ...rows].join('\n');
}

/** The list's position in the API's pages, e.g. `page 3 · 101–150 of 5,000`. */
export function pageRange(
	screen: string,
): {page?: number; from: number; to: number; total: number} | undefined {
	const range = /(\d[\d,]*)\s*[–-]\s*(\d[\d,]*)\s+of\s+(\d[\d,]*)/.exec(screen);
	if (!range) return undefined;
	const number = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
	const page = /page\s+(\d[\d,]*)/.exec(screen);
	return {
		...(page ? {page: number(page[1])} : {}),
		from: number(range[1]),
		to: number(range[2]),
		total: number(range[3]),
	};
}
