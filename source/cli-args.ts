// The everyday command lines (`--url X --project Y`, `export --json`) parsed without loading meow, whose
// module initialisation alone costs about 20 ms of startup. Anything unusual (help, version, short or
// negated flags, `--`, repeats, unknown flags, doubtful values) returns undefined and meow decides, so
// meow stays the one authority for help, errors and every edge case; this only agrees with it.
import {FLAGS, flagNames, optionName, type CliFlags, type FlagName} from './cli-help.ts';

export type ParsedArgs = {readonly input: readonly string[]; readonly flags: CliFlags};

const byOption = new Map<string, FlagName>(flagNames.map(name => [optionName(name), name]));

export function parseCommonArgs(argv: readonly string[]): ParsedArgs | undefined {
	const input: string[] = [];
	const flags: Record<string, unknown> = {};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		if (!argument.startsWith('-')) {
			// Commands are words; numbers and paths as positionals are meow's to interpret.
			if (!/^[a-z][a-z-]*$/.test(argument)) return undefined;
			input.push(argument);
			continue;
		}

		const equals = argument.indexOf('=');
		const option = equals === -1 ? argument : argument.slice(0, equals);
		const name = byOption.get(option);
		if (name === undefined || name in flags) return undefined;
		const {type} = FLAGS[name];
		if (type === 'boolean') {
			// meow reads `--demo false` as demo=false, taking the word as the flag's value.
			if (equals !== -1 || /^(?:true|false)$/.test(argv[index + 1] ?? '')) return undefined;
			flags[name] = true;
			continue;
		}

		const value = equals === -1 ? argv[++index] : argument.slice(equals + 1);
		if (value === undefined || value === '' || (equals === -1 && value.startsWith('-'))) return undefined;
		if (type === 'number') {
			if (!/^(?:0|[1-9]\d{0,14})$/.test(value)) return undefined;
			flags[name] = Number(value);
		} else {
			flags[name] = value;
		}
	}

	// meow's booleanDefault: a boolean flag that was not given reads false.
	for (const name of byOption.values()) {
		if (FLAGS[name].type === 'boolean' && !(name in flags)) flags[name] = false;
	}

	return {input, flags: flags as CliFlags};
}
