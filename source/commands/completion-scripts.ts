// The shell completion scripts, generated from the one flag table (cli-help.ts), so they offer exactly the
// commands and flags this build takes. Profile names are not known until the user presses Tab: each script asks
// `zylon-tui completion profiles` for them then (completion.ts), so a new profile needs no new script.
import {
	COMMANDS,
	COMPLETION_SHELLS,
	FLAGS,
	flagNames,
	optionName,
	type Command,
	type FlagName,
} from '../cli-help.ts';

type Shell = (typeof COMPLETION_SHELLS)[number];

const subcommands = Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>;

const flagsOf = (command: Command): FlagName[] =>
	flagNames.filter(name => (FLAGS[name].commands as readonly Command[]).includes(command));

/** The words offered after `zylon-tui …` with no value pending: per command, and for the explorer (no command). */
function wordsOf(command: Command): string[] {
	const options = flagsOf(command).map(optionName);
	return command === 'explorer' ? [...subcommands, ...options, '--help', '--version'] : options;
}

const valueFlags = flagNames.filter(name => FLAGS[name].type !== 'boolean');
const withCompletion = (kind: 'file' | 'profile') =>
	valueFlags.filter(name => 'complete' in FLAGS[name] && FLAGS[name].complete === kind).map(optionName);
const withWords = valueFlags.flatMap(name => {
	const {complete} = FLAGS[name] as {complete?: unknown};
	return Array.isArray(complete) ? [{option: optionName(name), words: complete as string[]}] : [];
});
const freeValues = valueFlags.filter(name => !('complete' in FLAGS[name])).map(optionName);

const describe = (name: FlagName): string => {
	const {help} = FLAGS[name] as {help?: string};
	return (help ?? '').replaceAll(/\s+/g, ' ');
};

function bash(): string {
	return `# zylon-tui completion for bash. Load it with: source <(zylon-tui completion bash)
_zylon_tui() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command=explorer words i
	# bash splits --flag=value at the "=": complete the value as if it were the next word.
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=\${COMP_WORDS[COMP_CWORD-2]}
	fi
	for ((i = 1; i < COMP_CWORD; i++)); do
		case \${COMP_WORDS[i]} in
		${subcommands.join('|')}) command=\${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	${withCompletion('profile').join('|')})
		# Profile names are printed only when they are plain words, so compgen has nothing to expand.
		COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" completion profiles 2>/dev/null)" -- "$cur"))
		return ;;
	${withCompletion('file').join('|')})
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
${withWords.map(({option, words}) => `\t${option})\n\t\tCOMPREPLY=($(compgen -W "${words.join(' ')}" -- "$cur"))\n\t\treturn ;;`).join('\n')}
	${freeValues.join('|')})
		return ;;
	esac
	case $command in
	completion) words="${COMPLETION_SHELLS.join(' ')}" ;;
	export) words="${wordsOf('export').join(' ')}" ;;
	demo-server) words="${wordsOf('demo-server').join(' ')}" ;;
	*) words="${wordsOf('explorer').join(' ')}" ;;
	esac
	COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _zylon_tui zylon-tui
`;
}

function zsh(): string {
	return `#compdef zylon-tui
# zylon-tui completion for zsh. Load it with: source <(zylon-tui completion zsh)
# or save it as _zylon-tui in a directory of $fpath.
_zylon_tui() {
	local prev=\${words[CURRENT-1]} command=explorer i
	for ((i = 2; i < CURRENT; i++)); do
		case \${words[i]} in
		${subcommands.join('|')}) command=\${words[i]}; break ;;
		esac
	done
	case $prev in
	${withCompletion('profile').join('|')})
		compadd -- \${(f)"$(\${words[1]} completion profiles 2>/dev/null)"}
		return ;;
	${withCompletion('file').join('|')})
		_files
		return ;;
${withWords.map(({option, words}) => `\t${option})\n\t\tcompadd -- ${words.join(' ')}\n\t\treturn ;;`).join('\n')}
	${freeValues.join('|')})
		return ;;
	esac
	case $command in
	completion) compadd -- ${COMPLETION_SHELLS.join(' ')} ;;
	export) compadd -- ${wordsOf('export').join(' ')} ;;
	demo-server) compadd -- ${wordsOf('demo-server').join(' ')} ;;
	*) compadd -- ${wordsOf('explorer').join(' ')} ;;
	esac
}
if [[ $funcstack[1] == _zylon_tui ]]; then
	_zylon_tui "$@"
else
	compdef _zylon_tui zylon-tui
fi
`;
}

const fishQuote = (text: string): string => `'${text.replaceAll(/[\\']/g, character => `\\${character}`)}'`;

function fish(): string {
	const lines = [
		'# zylon-tui completion for fish. Load it with: zylon-tui completion fish | source',
		'# or save it as ~/.config/fish/completions/zylon-tui.fish',
		'function __zylon_tui_command_is',
		'\tset -l command explorer',
		'\tfor word in (commandline -opc)[2..-1]',
		`\t\tif contains -- $word ${subcommands.join(' ')}`,
		'\t\t\tset command $word',
		'\t\t\tbreak',
		'\t\tend',
		'\tend',
		'\tcontains -- $command $argv',
		'end',
		'complete -c zylon-tui -f',
		...subcommands.map(
			command =>
				`complete -c zylon-tui -n '__zylon_tui_command_is explorer' -a ${command} -d ${fishQuote(COMMANDS[command])}`,
		),
		`complete -c zylon-tui -n '__zylon_tui_command_is completion' -a ${fishQuote(COMPLETION_SHELLS.join(' '))}`,
		"complete -c zylon-tui -n '__zylon_tui_command_is explorer' -l help -l version",
	];
	for (const name of flagNames) {
		const definition = FLAGS[name] as {type: string; complete?: unknown};
		const parts = [
			'complete -c zylon-tui',
			`-n ${fishQuote(`__zylon_tui_command_is ${FLAGS[name].commands.join(' ')}`)}`,
			`-l ${optionName(name).slice(2)}`,
		];
		if (definition.type !== 'boolean') parts.push(definition.complete === 'file' ? '-r -F' : '-x');
		if (definition.complete === 'profile') parts.push("-a '(zylon-tui completion profiles 2>/dev/null)'");
		if (Array.isArray(definition.complete)) parts.push(`-a ${fishQuote(definition.complete.join(' '))}`);
		if (describe(name)) parts.push(`-d ${fishQuote(describe(name))}`);
		lines.push(parts.join(' '));
	}

	return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell): string {
	return {bash, zsh, fish}[shell]();
}

export function isShell(word: string | undefined): word is Shell {
	return (COMPLETION_SHELLS as readonly string[]).includes(word ?? '');
}
