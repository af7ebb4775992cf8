// The body of each detail tab as styled lines, and their wrapped form for a given width. The screen
// passes the wrapped count to the reducer to clamp scrolling; the DetailPane slices detailLines.
import {wrapLines} from '../lib/wrap.ts';
import {NOT_SET, paramRows} from './params.ts';
import {transcriptLines, type StyledLine} from './transcript.ts';
import {errorItems, triageFlags} from './triage.ts';
import type {Interaction} from './types.ts';

export type DetailTab = 'transcript' | 'params' | 'errors';
export type DetailOptions = {readonly systemExpanded: boolean; readonly nowMs: number};

export const NO_ERRORS = 'No errors recorded for this interaction.';

const paramCache = new WeakMap<Interaction, readonly StyledLine[]>();

function paramLines(interaction: Interaction): readonly StyledLine[] {
	let lines = paramCache.get(interaction);
	if (!lines) {
		const rows = paramRows(interaction.pgpt);
		const labelWidth = Math.min(26, Math.max(...rows.map(r => r.label.length)));
		lines = rows.map(r => ({
			text: `${r.label.padEnd(labelWidth)}  ${r.value}`,
			style: r.value === NOT_SET ? 'dim' : 'text',
			hang: labelWidth + 2,
		}));
		paramCache.set(interaction, lines);
	}
	return lines;
}

// Errors depend on the clock (stuck), so the cache remembers which content it was built for.
const errorCache = new WeakMap<Interaction, {key: string; lines: readonly StyledLine[]}>();

function errorLines(interaction: Interaction, nowMs: number): readonly StyledLine[] {
	const items = errorItems(interaction, nowMs);
	const flags = triageFlags(interaction, nowMs);
	const key = JSON.stringify([items, flags]);
	const hit = errorCache.get(interaction);
	if (hit?.key === key) return hit.lines;
	const lines: StyledLine[] = [];
	if (items.length === 0) lines.push({text: NO_ERRORS, style: 'dim'});
	for (const item of items) {
		lines.push({text: `✗ ${item.type}: ${item.message.split('\n')[0] ?? ''}`, style: 'error'});
		for (const more of item.message.split('\n').slice(1)) lines.push({text: `  ${more}`, style: 'error'});
	}
	if (flags.length > 0) {
		lines.push({text: '', style: 'text'});
		lines.push({text: `flags: ${flags.join(', ')}`, style: 'meta'});
	}
	errorCache.set(interaction, {key, lines});
	return lines;
}

export function tabLines(
	interaction: Interaction,
	tab: DetailTab,
	options: DetailOptions,
): readonly StyledLine[] {
	switch (tab) {
		case 'transcript':
			return transcriptLines(interaction, {systemExpanded: options.systemExpanded});
		case 'params':
			return paramLines(interaction);
		case 'errors':
			return errorLines(interaction, options.nowMs);
	}
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

export function errorCount(interaction: Interaction, nowMs: number): number {
	return errorItems(interaction, nowMs).length;
}
