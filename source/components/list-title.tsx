import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {truncate} from '../lib/text.ts';
import {theme} from './theme.ts';

type Props = {
	readonly text: string;
	readonly width: number;
	readonly loading: boolean;
	readonly emphasis: boolean;
};

/** A list's one-line title, with a spinner in front while it loads (the old rows stay below). */
export function ListTitle({text, width, loading, emphasis}: Props) {
	return (
		<Box height={1}>
			{loading ? (
				<Text color={theme.running}>
					<Spinner type="dots" />{' '}
				</Text>
			) : null}
			<Text bold={emphasis} color={emphasis ? theme.accent : undefined} wrap="truncate">
				{truncate(text, width - (loading ? 2 : 0))}
			</Text>
		</Box>
	);
}
