// The start-up notices (a token or config file others can read, the demo workspace, profile warnings) under the
// header, whole and wrapped, until the user presses a key: transient status in the footer ("streaming…",
// "copied …") must not be what replaces them before they were read. Afterwards the help overlay lists them.
import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {truncate} from '../lib/text.ts';
import {wrapText} from '../lib/wrap.ts';
import {theme} from './theme.ts';

export const NOTICE_HINT = 'any key dismisses · ? lists them again';
/** Past this many rows the notices would crowd out the list; the rest is in help. */
export const MAX_NOTICE_ROWS = 4;

/** The bar's rows at this width: each notice wrapped under a ⚠, the hint after the last; at most `maxRows`. */
export function noticeLines(notices: readonly string[], width: number, maxRows = MAX_NOTICE_ROWS): string[] {
	if (notices.length === 0 || width <= 0 || maxRows <= 0) return [];
	const lines = notices.flatMap(notice => wrapText(`⚠ ${notice}`, width, 2));
	const last = lines.at(-1) ?? '';
	const withHint = `${last} · ${NOTICE_HINT}`;
	if (stringWidth(withHint) <= width) lines[lines.length - 1] = withHint;
	else lines.push(NOTICE_HINT);
	if (lines.length <= maxRows) return lines.map(line => truncate(line, width));
	const more = `… ${lines.length - maxRows + 1} more lines: ? lists the notices`;
	return [...lines.slice(0, maxRows - 1), more].map(line => truncate(line, width));
}

/** Help's column is narrow: each notice as entries of a few words, so no column width cuts one short. */
export const NOTICE_HELP_WIDTH = 40;

export function noticeHelp(notices: readonly string[]) {
	return notices.flatMap(notice =>
		wrapText(notice, NOTICE_HELP_WIDTH).map((action, index) => ({
			keys: index === 0 ? '⚠' : '',
			action,
			context: 'start-up notices',
		})),
	);
}

export function NoticeBar({lines, width}: {readonly lines: readonly string[]; readonly width: number}) {
	if (lines.length === 0 || width <= 0) return null;
	return (
		<Box flexDirection="column" height={lines.length} width={width} overflow="hidden">
			{lines.map((line, index) => (
				<Text key={index} bold color={theme.warning} wrap="truncate">
					{line}
				</Text>
			))}
		</Box>
	);
}
