// The Errors tab: every error the interaction carries (its own, its tool calls', a stuck run), then its
// triage flags. Errors depend on the clock (stuck), so the cache remembers which content it was built for.
import type {StyledLine} from './transcript.ts';
import {errorItems, triageFlags} from './triage.ts';
import type {Interaction} from './types.ts';

export const NO_ERRORS = 'No errors recorded for this interaction.';

const errorCache = new WeakMap<Interaction, {key: string; lines: readonly StyledLine[]}>();

export function errorLines(interaction: Interaction, nowMs: number): readonly StyledLine[] {
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

export function errorCount(interaction: Interaction, nowMs: number): number {
	return errorItems(interaction, nowMs).length;
}
