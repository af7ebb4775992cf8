// The detail tabs, declared once. The explorer's Tab type, the tab keys of the key table, the tab bar
// and what `o` pages are all derived from this registry: a new tab is an entry here and a module that
// builds its lines.
import {wrapLines} from '../lib/wrap.ts';
import {errorCount, errorLines} from './errors-tab.ts';
import type {EvidenceKind} from './evidence.ts';
import {paramLines} from './params.ts';
import {transcriptLines, type StyledLine} from './transcript.ts';
import type {Interaction} from './types.ts';

export {NO_ERRORS} from './errors-tab.ts';

export type DetailOptions = {readonly systemExpanded: boolean; readonly nowMs: number};

export type DetailTabSpec = {
	readonly id: string;
	/** The key that shows it; the tab bar writes it before the label. */
	readonly key: string;
	readonly label: string;
	/** The label when the tab bar is narrow. */
	readonly short: string;
	/** The tab's body as styled lines, before wrapping. */
	readonly lines: (interaction: Interaction, options: DetailOptions) => readonly StyledLine[];
	/** What `o` opens in the pager while this tab shows. */
	readonly pager: EvidenceKind;
	/** A count shown after the label, and in the error colour while above zero. */
	readonly alarm?: (interaction: Interaction, nowMs: number) => number;
};

export const DETAIL_TABS = [
	{
		id: 'transcript',
		key: '1',
		label: 'Transcript',
		short: 'Text',
		lines: (interaction, options) => transcriptLines(interaction, {systemExpanded: options.systemExpanded}),
		pager: 'transcript',
	},
	{id: 'params', key: '2', label: 'Params', short: 'Par', lines: paramLines, pager: 'params'},
	{
		id: 'errors',
		key: '3',
		label: 'Errors',
		short: 'Err',
		lines: (interaction, options) => errorLines(interaction, options.nowMs),
		pager: 'json',
		alarm: errorCount,
	},
] as const satisfies readonly DetailTabSpec[];

export type DetailTab = (typeof DETAIL_TABS)[number]['id'];

export function detailTab(id: DetailTab): DetailTabSpec {
	return DETAIL_TABS.find(tab => tab.id === id) ?? DETAIL_TABS[0];
}

export function tabLines(
	interaction: Interaction,
	tab: DetailTab,
	options: DetailOptions,
): readonly StyledLine[] {
	return detailTab(tab).lines(interaction, options);
}

/** The tab's lines wrapped to `width` columns (memoised per lines array and width). */
export function detailLines(
	interaction: Interaction,
	tab: DetailTab,
	width: number,
	options: DetailOptions,
): readonly StyledLine[] {
	return wrapLines(tabLines(interaction, tab, options), width);
}
