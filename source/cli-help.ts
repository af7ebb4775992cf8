// Every flag the CLI takes, defined once. meow's spec (help, version and the unusual command lines), the fast
// path (cli-args.ts), the unknown-flag check, the help text's flag lines and the shell completion
// (completion.ts) are all derived from FLAGS, so a new flag is one entry here.

export type Command = 'explorer' | 'export' | 'report' | 'demo-server';

type FlagDefinition = {
	readonly type: 'string' | 'boolean' | 'number';
	/** The value's placeholder in the help: URL, ID, N. */
	readonly value?: string;
	/** Where the help lists it: a line of its own (with `help`) under a heading, or a command's summary line. */
	readonly section: 'Connection' | 'Explorer' | 'Export' | 'Report' | 'Time window' | 'Demo server';
	readonly help?: string;
	/** The commands it means something to, for completion and the command summary lines. */
	readonly commands: readonly Command[];
	/** What completes its value: a file, a profile of the config file, or these words. */
	readonly complete?: 'file' | 'profile' | readonly string[];
};

const connected: readonly Command[] = ['explorer', 'export', 'report'];

export const FLAGS = {
	url: {
		type: 'string',
		value: 'URL',
		section: 'Connection',
		help: 'Zylon host, e.g. https://zylon.example.com   (env ZYLON_URL)',
		commands: connected,
	},
	org: {
		type: 'string',
		value: 'SLUG|UUID',
		section: 'Connection',
		help: 'organisation, default "default"               (env ZYLON_ORG)',
		commands: connected,
	},
	tokenFile: {
		type: 'string',
		value: 'PATH',
		section: 'Connection',
		help: 'file holding the API token                    (or env ZYLON_TOKEN)',
		commands: connected,
		complete: 'file',
	},
	profile: {
		type: 'string',
		value: 'NAME',
		section: 'Connection',
		help: 'a profile of $XDG_CONFIG_HOME/zylon-tui/config.json   (env ZYLON_PROFILE)',
		commands: connected,
		complete: 'profile',
	},
	demo: {
		type: 'boolean',
		section: 'Connection',
		help: 'use the embedded demo workspace',
		commands: connected,
	},
	project: {type: 'string', value: 'ID', section: 'Explorer', help: 'open this project', commands: connected},
	thread: {type: 'string', value: 'ID', section: 'Explorer', help: 'open this thread', commands: connected},
	since: {
		type: 'string',
		value: 'WHEN',
		section: 'Time window',
		help: 'an age (90m, 6h, 2d) or a UTC date (2026-03-02T14:00)',
		commands: connected,
	},
	until: {
		type: 'string',
		value: 'WHEN',
		section: 'Time window',
		help: "the window's newer edge, in the same forms",
		commands: connected,
	},
	interaction: {
		type: 'string',
		value: 'ID',
		section: 'Explorer',
		help: 'open this interaction',
		commands: ['explorer'],
	},
	overview: {
		type: 'boolean',
		section: 'Explorer',
		help: 'open the interaction list on its overview (v)',
		commands: ['explorer'],
	},
	oldestFirst: {
		type: 'boolean',
		section: 'Explorer',
		help: 'list oldest interactions first (default: newest first)',
		commands: connected,
	},
	pageSize: {
		type: 'number',
		value: 'N',
		section: 'Explorer',
		help: 'interactions per page (default 50)',
		commands: connected,
	},
	filter: {type: 'string', value: 'EXPR', section: 'Export', commands: ['export']},
	limit: {type: 'number', value: 'N', section: 'Export', commands: ['export']},
	json: {type: 'boolean', section: 'Export', commands: ['export', 'report']},
	showSecrets: {type: 'boolean', section: 'Export', commands: ['export']},
	port: {type: 'number', value: 'N', section: 'Demo server', commands: ['demo-server']},
	generation: {
		type: 'string',
		value: 'current|legacy|both',
		section: 'Demo server',
		commands: ['demo-server'],
		complete: ['current', 'legacy', 'both'],
	},
	interactions: {type: 'number', value: 'N', section: 'Demo server', commands: ['demo-server']},
	latency: {type: 'number', value: 'MS', section: 'Demo server', commands: ['demo-server']},
	stream: {
		type: 'string',
		value: 'sse|json|ndjson',
		section: 'Demo server',
		commands: ['demo-server'],
		complete: ['sse', 'json', 'ndjson'],
	},
} as const satisfies Record<string, FlagDefinition>;

export type FlagName = keyof typeof FLAGS;

type ValueOf<Type extends FlagDefinition['type']> = {string: string; boolean: boolean; number: number}[Type];

export type CliFlags = {readonly [Name in FlagName]?: ValueOf<(typeof FLAGS)[Name]['type']>};

export const flagNames = Object.keys(FLAGS) as FlagName[];

/** meow's flag spec: the type of each flag. */
export const flagSpec = Object.fromEntries(flagNames.map(name => [name, {type: FLAGS[name].type}])) as {
	readonly [Name in FlagName]: {readonly type: (typeof FLAGS)[Name]['type']};
};

/** How the flag is typed: `tokenFile` → `--token-file`. */
export function optionName(name: FlagName): string {
	return `--${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
}

/** The commands of `zylon-tui <command>`, with the one-line summary the help and completion show. */
export const COMMANDS = {
	export: 'interactions as NDJSON (or --json) on stdout',
	report: 'the overview (error clusters, breakdowns, chart) as text or --json',
	'demo-server': 'the demo workspace as a standalone HTTP server',
	completion: 'a completion script for bash, zsh or fish',
} as const;

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;

const usage = (name: FlagName): string => {
	const {value} = FLAGS[name] as FlagDefinition;
	return value === undefined ? optionName(name) : `${optionName(name)} ${value}`;
};

const linesOf = (section: FlagDefinition['section']): string =>
	flagNames
		.filter(name => FLAGS[name].section === section)
		.map(name => `  ${usage(name).padEnd(19)}  ${(FLAGS[name] as FlagDefinition).help ?? ''}`.trimEnd())
		.join('\n\t');

/** A command's flags beyond the connection's, in lines that fit 80 columns. */
const summaryOf = (command: Command, separator: string): string => {
	const lines: string[] = [];
	for (const name of flagNames) {
		const {section, commands} = FLAGS[name] as FlagDefinition;
		if (section === 'Connection' || !commands.includes(command)) continue;
		const last = lines.at(-1);
		if (last !== undefined && last.length + separator.length + usage(name).length <= 74)
			lines[lines.length - 1] = `${last}${separator}${usage(name)}`;
		else lines.push(usage(name));
	}

	return lines.join('\n\t  ');
};

export const helpText = `
	A keyboard-driven terminal explorer for the interactions stored in a Zylon workspace.

	Usage
	  $ zylon-tui [options]                 the explorer (needs a terminal)
	  $ zylon-tui --demo                    the explorer on the embedded demo workspace
	  $ zylon-tui export [options]          ${COMMANDS.export}
	  $ zylon-tui report --project ID       ${COMMANDS.report}
	  $ zylon-tui demo-server [--port N]    ${COMMANDS['demo-server']}
	  $ zylon-tui completion SHELL          ${COMMANDS.completion}

	Connection
	${linesOf('Connection')}

	Explorer
	${linesOf('Explorer')}

	Export
	  ${summaryOf('export', ' ')}

	Report
	  ${summaryOf('report', ' ')}

	Time window (explorer, export, report)
	${linesOf('Time window')}

	Demo server
	  ${summaryOf('demo-server', '  ')}

	With nothing configured, the explorer opens the demo workspace and says so.
	Keys: press ? in the explorer.
`;
