import {Box, Text} from 'ink';
import {EVIDENCE_KINDS} from '../domain/evidence.ts';
import {truncate} from '../lib/text.ts';
import {keyHints} from '../keymap.ts';
import {theme} from './theme.ts';

type Props = {
	/** Index into EVIDENCE_KINDS of the highlighted entry. */
	readonly cursor: number;
	readonly width: number;
	/** The last line; the screen that owns the keys says which ones it binds. */
	readonly hint?: string;
};

const TITLE = 'Copy';
/** Border (2) + title + entries + hint. */
export const COPY_MENU_HEIGHT = EVIDENCE_KINDS.length + 4;

/** The five kinds of evidence with their keys; the cursor is a glyph as well as a colour. */
export function CopyMenu({cursor, width, hint = keyHints('copy menu')}: Props) {
	if (width < 8) return null;
	const inner = width - 2;
	return (
		<Box
			flexDirection="column"
			width={width}
			borderStyle="round"
			borderColor={theme.accent}
			overflow="hidden"
		>
			<Text bold wrap="truncate">
				{truncate(TITLE, inner)}
			</Text>
			{EVIDENCE_KINDS.map((entry, index) => {
				const selected = index === cursor;
				return (
					<Text
						key={entry.kind}
						wrap="truncate"
						bold={selected}
						color={selected ? theme.accent : undefined}
						inverse={selected && theme.noColor}
					>
						{truncate(`${selected ? '›' : ' '} ${entry.key}  ${entry.label}`, inner)}
					</Text>
				);
			})}
			<Text dimColor wrap="truncate">
				{truncate(hint, inner)}
			</Text>
		</Box>
	);
}
