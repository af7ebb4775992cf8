import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {formatCount} from '../domain/format.ts';
import {truncate} from '../lib/text.ts';
import {ListTitle} from './list-title.tsx';
import {ErrorBox, retryHint} from './error-box.tsx';

export type PickerItem = {readonly label: string; readonly detail?: string};

type Props = {
	readonly title: string;
	readonly items: readonly PickerItem[];
	readonly cursor: number;
	readonly top: number;
	/** Total lines this component may use. */
	readonly height: number;
	readonly width: number;
	readonly filter?: string;
	/** The filter input has focus: typed keys go to it. */
	readonly filtering: boolean;
	readonly loading: boolean;
	readonly error?: string;
};

const ERROR_LINES = 2;

/** Rows of items shown for a given height and chrome: the reducer's page size. */
export function pickerVisibleRows(
	height: number,
	options: {readonly filtering?: boolean; readonly filter?: string; readonly error?: string} = {},
): number {
	const filterLine = options.filtering || (options.filter ?? '') !== '' ? 1 : 0;
	return Math.max(0, height - 1 - filterLine - (options.error === undefined ? 0 : ERROR_LINES));
}

export function Picker({title, items, cursor, top, height, width, filter, filtering, loading, error}: Props) {
	if (height <= 0 || width <= 0) return null;
	const visible = pickerVisibleRows(height, {filtering, filter, error});
	const start = Math.max(0, Math.min(top, items.length));
	const window = items.slice(start, start + visible);
	const showFilter = height >= 2 && (filtering || (filter ?? '') !== '');
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<ListTitle text={`${title}  ${formatCount(items.length)}`} width={width} loading={loading} emphasis />
			{showFilter ? (
				<Text inverse={filtering} wrap="truncate">
					{truncate(`/${filter ?? ''}${filtering ? '▏' : ''}`, width)}
				</Text>
			) : null}
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
					{truncate(filter ? `Nothing matches "${filter}".` : 'Nothing here.', width)}
				</Text>
			) : null}
			{window.map((item, i) => {
				const index = start + i;
				const selected = index === cursor;
				const label = truncate(`${selected ? '>' : ' '} ${item.label}`, width);
				const room = width - stringWidth(label) - 2;
				return (
					<Box key={index} height={1}>
						<Text inverse={selected} bold={selected} wrap="truncate">
							{label}
						</Text>
						{item.detail && room > 0 ? (
							<Text dimColor wrap="truncate">
								{'  ' + truncate(item.detail, room)}
							</Text>
						) : null}
					</Box>
				);
			})}
		</Box>
	);
}
