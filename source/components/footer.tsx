import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {truncate} from '../lib/text.ts';
import {theme} from './theme.ts';

export type FooterBinding = {readonly keys: string; readonly action: string};

type Props = {
	readonly bindings: readonly FooterBinding[];
	readonly width: number;
	/** A transient message (copied, error, hint) shown before the keys. */
	readonly message?: string;
};

export function footerText(bindings: readonly FooterBinding[]): string {
	return bindings.map(b => `${b.keys} ${b.action}`).join(' · ');
}

export function Footer({bindings, width, message}: Props) {
	if (width <= 0) return null;
	const head = message ? truncate(message, width) : '';
	const room = width - stringWidth(head) - (head ? 3 : 0);
	const keys = room > 0 ? truncate(footerText(bindings), room) : '';
	return (
		<Box height={1} width={width} overflow="hidden">
			{head ? (
				<Text bold color={theme.warning} wrap="truncate">
					{head}
				</Text>
			) : null}
			{keys ? (
				<Text dimColor wrap="truncate">
					{(head ? ' · ' : '') + keys}
				</Text>
			) : null}
		</Box>
	);
}
