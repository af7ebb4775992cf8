import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {truncate} from '../lib/text.ts';
import {theme} from './theme.ts';

type Props = {
	/** The host, or "demo". */
	readonly label: string;
	readonly org: string;
	readonly profile?: string;
	readonly production?: boolean;
	readonly breadcrumb: readonly string[];
	readonly width: number;
};

export const PRODUCTION_WORD = 'PRODUCTION';

/** The header line as text (without the production word): "zylon-tui · demo · org default · A › B". */
export function headerText(props: Omit<Props, 'width' | 'production'>): string {
	const parts = ['zylon-tui', props.label, `org ${props.org}`];
	if (props.profile) parts.push(`profile ${props.profile}`);
	if (props.breadcrumb.length > 0) parts.push(props.breadcrumb.join(' › '));
	return parts.join(' · ');
}

export function HeaderBar({label, org, profile, production, breadcrumb, width}: Props) {
	if (width <= 0) return null;
	// The production warning comes first so that no amount of truncation can hide it.
	const warning = production ? `⚠ ${PRODUCTION_WORD} ` : '';
	const rest = truncate(
		headerText({label, org, profile, breadcrumb}),
		Math.max(0, width - stringWidth(warning)),
	);
	return (
		<Box height={1} width={width} overflow="hidden">
			{warning ? (
				<Text bold inverse color={theme.error} wrap="truncate">
					{truncate(warning, width)}
				</Text>
			) : null}
			<Text bold color={theme.accent} wrap="truncate">
				{rest}
			</Text>
		</Box>
	);
}
