// A titled list that renders only the rows in view, with an error under the title and a line saying
// so when there is nothing to show. The interaction list and the pickers are this, with their own rows.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {truncate} from '../lib/text.ts';
import {ErrorBox, retryHint} from './error-box.tsx';
import {ListTitle} from './list-title.tsx';

/** Lines an error takes below the title (message + hint), when there is one. */
export const ERROR_LINES = 2;

/** Rows shown for a height: less the title, any lines above the rows, and an error. The reducers' page size. */
export function windowRows(
	height: number,
	options: {readonly above?: number; readonly error?: boolean} = {},
): number {
	return Math.max(0, height - 1 - (options.above ?? 0) - (options.error ? ERROR_LINES : 0));
}

type Props<T> = {
	readonly title: string;
	/** Title in the accent colour and bold (focus). */
	readonly emphasis: boolean;
	readonly loading: boolean;
	readonly items: readonly T[];
	/** Index of the first visible row. */
	readonly top: number;
	/** Total lines this component may use, title included. */
	readonly height: number;
	readonly width: number;
	readonly error?: string;
	/** What the empty row says. */
	readonly empty: string;
	/** One line between the title and the rows (a picker's filter), when there is one. */
	readonly above?: ReactNode;
	/** One row; it carries its own React key. */
	readonly row: (item: T, index: number) => ReactNode;
};

export function WindowedList<T>({
	title,
	emphasis,
	loading,
	items,
	top,
	height,
	width,
	error,
	empty,
	above,
	row,
}: Props<T>) {
	if (height <= 0 || width <= 0) return null;
	const visible = windowRows(height, {above: above ? 1 : 0, error: error !== undefined});
	const start = Math.max(0, Math.min(top, items.length));
	const window = items.slice(start, start + visible);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<ListTitle text={title} width={width} loading={loading} emphasis={emphasis} />
			{above}
			{error !== undefined && height > 1 ? (
				<ErrorBox
					message={error}
					hint={retryHint(error)}
					width={width}
					maxLines={Math.min(ERROR_LINES, height - 1)}
				/>
			) : null}
			{window.length === 0 && visible > 0 && !loading && error === undefined ? (
				<Text dimColor wrap="truncate">
					{truncate(empty, width)}
				</Text>
			) : null}
			{window.map((item, i) => row(item, start + i))}
		</Box>
	);
}
