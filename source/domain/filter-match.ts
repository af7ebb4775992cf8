// Evaluating a parsed filter against interactions. Free text is searched in one lower-cased string per
// interaction, built once and kept in a WeakMap, so re-filtering 10,000 rows on every keystroke only
// pays for substring scans.
import type {Filter, FilterTerm, NumericField} from './filter.ts';
import {inCluster} from './fingerprint.ts';
import {stateGlyph} from './format.ts';
import {triageFlags} from './triage.ts';
import type {ContentBlock, Interaction} from './types.ts';

// A separator no search term can contain (terms are split on whitespace, phrases cannot hold a
// newline typed in a one-line input), so a phrase never matches across two blocks.
const SEPARATOR = '\n';

function collect(blocks: readonly ContentBlock[], out: string[], tools: Set<string>): void {
	for (const block of blocks) {
		switch (block.type) {
			case 'text':
				out.push(block.text);
				break;
			case 'thinking':
				out.push(block.thinking);
				break;
			case 'binary':
				if (block.text !== undefined) out.push(block.text);
				break;
			case 'tool_use':
				out.push(block.name);
				tools.add(block.name.toLowerCase());
				break;
			case 'tool_result':
			case 'tldr':
				collect(block.content, out, tools);
				break;
			default:
				break;
		}
	}
}

type Searchable = {readonly text: string; readonly tools: ReadonlySet<string>};

const searchableCache = new WeakMap<Interaction, Searchable>();

function searchable(interaction: Interaction): Searchable {
	let entry = searchableCache.get(interaction);
	if (!entry) {
		const parts: string[] = [];
		const tools = new Set<string>();
		collect(interaction.userInput.content, parts, tools);
		collect(interaction.output?.content ?? [], parts, tools);
		// Tools offered to the model (pgpt.tools) and called earlier in the history count for tool:,
		// but only this turn's text is searched: otherwise every later turn matches an old prompt.
		for (const tool of interaction.pgpt?.tools ?? []) tools.add(tool.name.toLowerCase());
		for (const message of interaction.pgpt?.messages ?? []) collect(message.content, [], tools);
		entry = {text: parts.join(SEPARATOR).toLowerCase(), tools};
		searchableCache.set(interaction, entry);
	}
	return entry;
}

/** The lower-cased text free-text terms search: this turn's prompt and output text, thinking, tool names. */
export function searchableText(interaction: Interaction): string {
	return searchable(interaction).text;
}

function tokenCount(interaction: Interaction, field: NumericField): number | undefined {
	const usage = interaction.output?.usage;
	const input = usage?.inputTokens;
	const output = usage?.outputTokens;
	if (field === 'in') return input;
	if (field === 'out') return output;
	// A running interaction has input tokens but no output yet: count what is known.
	if (input === undefined && output === undefined) return undefined;
	return (input ?? 0) + (output ?? 0);
}

const includes = (haystack: string | undefined, needle: string) =>
	haystack !== undefined && haystack.toLowerCase().includes(needle);

function holds(term: FilterTerm, interaction: Interaction, nowMs: number): boolean {
	switch (term.kind) {
		case 'text':
			return searchable(interaction).text.includes(term.value);
		case 'field':
			switch (term.field) {
				case 'state':
					// "error" and "ok"/"running" (the words the list shows) both work.
					return (
						interaction.state.toLowerCase() === term.value ||
						stateGlyph(interaction.state).word.toLowerCase() === term.value
					);
				case 'model':
					return includes(interaction.output?.model, term.value);
				case 'stop':
					return interaction.output?.stopReason?.toLowerCase() === term.value;
				case 'tool':
					for (const name of searchable(interaction).tools) if (name.includes(term.value)) return true;
					return false;
				case 'user': {
					const by = interaction.createdBy;
					return (
						includes(by?.email, term.value) || includes(by?.name, term.value) || includes(by?.id, term.value)
					);
				}
			}
			return false;
		case 'number': {
			const count = tokenCount(interaction, term.field);
			if (count === undefined) return false;
			switch (term.op) {
				case '>':
					return count > term.value;
				case '<':
					return count < term.value;
				case '>=':
					return count >= term.value;
				case '<=':
					return count <= term.value;
				case '=':
					return count === term.value;
			}
			return false;
		}
		case 'flag': {
			const flags = triageFlags(interaction, nowMs);
			return term.flag === 'any' ? flags.length > 0 : flags.includes(term.flag);
		}
		case 'cluster':
			return inCluster(interaction, term.id);
		case 'time': {
			const created = interaction.createdAtMs;
			if (!Number.isFinite(created)) return false;
			const bound = term.value.kind === 'ago' ? nowMs - term.value.ms : term.value.ms;
			return term.field === 'after' ? created >= bound : created < bound;
		}
	}
}

// Cheap structural terms first, substring scans after, triage flags (which walk the blocks) last.
const cost = (term: FilterTerm) =>
	term.kind === 'flag' || term.kind === 'cluster'
		? 2
		: term.kind === 'text' || (term.kind === 'field' && term.field === 'tool')
			? 1
			: 0;
const ordered = new WeakMap<Filter, readonly FilterTerm[]>();

/** Whether `interaction` satisfies every term; `nowMs` resolves relative times and the "stuck" flag. */
export function matches(filter: Filter, interaction: Interaction, nowMs: number): boolean {
	let terms = ordered.get(filter);
	if (!terms) {
		terms = [...filter.terms].sort((a, b) => cost(a) - cost(b));
		ordered.set(filter, terms);
	}
	for (const term of terms) {
		if (holds(term, interaction, nowMs) === term.negated) return false;
	}
	return true;
}

export function filterInteractions(
	filter: Filter,
	interactions: readonly Interaction[],
	nowMs: number,
): readonly Interaction[] {
	if (filter.terms.length === 0) return interactions;
	return interactions.filter(interaction => matches(filter, interaction, nowMs));
}
