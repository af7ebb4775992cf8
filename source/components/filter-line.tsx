import {Box, Text} from 'ink';
import {errorCaret, FILTER_SYNTAX, parseFilter} from '../domain/filter.ts';
import {truncate} from '../lib/text.ts';
import {theme} from './theme.ts';

/** The filter being typed, with a caret under a syntax mistake. */
export function FilterLine({text, width}: {readonly text: string; readonly width: number}) {
	const parsed = text.trim() ? parseFilter(text) : undefined;
	const problem = parsed && !parsed.ok ? parsed.error : undefined;
	return (
		<Box flexDirection="column" height={2}>
			<Text wrap="truncate">{truncate(`/${text}▏`, width)}</Text>
			{problem ? (
				<Text color={theme.error} wrap="truncate">
					{truncate(` ${errorCaret(text, problem)} ${problem.message}`, width)}
				</Text>
			) : (
				<Text dimColor wrap="truncate">
					{truncate(FILTER_SYNTAX, width)}
				</Text>
			)}
		</Box>
	);
}
