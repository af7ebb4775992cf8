import {Box, Text} from 'ink';
import {truncate} from '../lib/text.ts';
import {keyOf} from '../keymap.ts';
import {wrapText} from '../lib/wrap.ts';
import {theme} from './theme.ts';

type Props = {
	readonly message: string;
	readonly hint?: string;
	/** Columns available (default 80). */
	readonly width?: number;
	/** Lines available, hint included (default 3). */
	readonly maxLines?: number;
};

/** The usual hint, unless the message already says how to retry. */
export function retryHint(message: string | undefined): string | undefined {
	const key = keyOf('reload');
	return message !== undefined && new RegExp(`press ${key.replace(/\W/g, '\\$&')}\\b`).test(message)
		? undefined
		: `press ${key} to retry`;
}

/** The message wrapped to `width`, cut to leave room for the hint, within `maxLines` lines. */
export function errorBoxLines(
	message: string,
	hint: string | undefined,
	width: number,
	maxLines: number,
): {readonly lines: readonly string[]; readonly hint?: string} {
	const wrapped = wrapText(`✗ ${message}`, width);
	// The message comes first: when it overflows and the hint would leave it a single line, the hint
	// gives its line up (the footer still lists r), so the words saying what went wrong are not cut.
	const overflows = wrapped.length > maxLines - 1;
	const showHint = hint !== undefined && hint !== '' && maxLines > 1 && !(overflows && maxLines < 3);
	const room = Math.max(0, maxLines - (showHint ? 1 : 0));
	const lines = wrapped.slice(0, room);
	if (wrapped.length > room && room > 0) lines[room - 1] = truncate(`${lines[room - 1]} …`, width);
	return {lines, hint: showHint ? truncate(hint, width) : undefined};
}

export function ErrorBox({message, hint, width = 80, maxLines = 3}: Props) {
	const box = errorBoxLines(message, hint, width, maxLines);
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{box.lines.map((line, i) => (
				<Text key={i} color={theme.error} bold wrap="truncate">
					{line}
				</Text>
			))}
			{box.hint ? (
				<Text dimColor wrap="truncate">
					{box.hint}
				</Text>
			) : null}
		</Box>
	);
}
