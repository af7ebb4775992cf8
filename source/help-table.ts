// What the help overlay lists: the key table, then what the list's flag column and the filter line mean.
import type {HelpBinding} from './components/help-overlay.tsx';
import {FILTER_SYNTAX} from './domain/filter.ts';
import {FLAG_CODES} from './domain/triage.ts';
import {bindings, inLayer, type Binding} from './keymap.ts';

/** An overlay's key that does there what the same keys do on the screens (j, Esc, q…) goes unsaid. */
const repeatsScreen = (binding: Binding) =>
	!inLayer(binding, 'screen') &&
	bindings.some(
		other => inLayer(other, 'screen') && other.command === binding.command && other.keys === binding.keys,
	);

export const helpBindings: readonly HelpBinding[] = [
	...bindings.filter(binding => !repeatsScreen(binding)),
	{keys: '!', action: 'errors (see the Errors tab)', context: 'flag column'},
	...Object.entries(FLAG_CODES).map(([flag, code]) => ({keys: code, action: flag, context: 'flag column'})),
	// One line per part of the syntax, so each wraps on its own.
	...FILTER_SYNTAX.split(' · ').map((part, i) => ({
		keys: i === 0 ? '/' : '',
		action: part,
		context: 'filter',
	})),
];
