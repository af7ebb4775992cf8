import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {formatCount} from '../domain/format.ts';
import {truncate} from '../lib/text.ts';
import {WindowedList, windowRows} from './windowed-list.tsx';

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

/** Rows of items shown for a given height and chrome: the reducer's page size. */
export function pickerVisibleRows(
	height: number,
	options: {readonly filtering?: boolean; readonly filter?: string; readonly error?: string} = {},
): number {
	const filterLine = options.filtering || (options.filter ?? '') !== '' ? 1 : 0;
	return windowRows(height, {above: filterLine, error: options.error !== undefined});
}

export function Picker({title, items, cursor, top, height, width, filter, filtering, loading, error}: Props) {
	const showFilter = height >= 2 && (filtering || (filter ?? '') !== '');
	return (
		<WindowedList
			title={`${title}  ${formatCount(items.length)}`}
			emphasis
			loading={loading}
			items={items}
			top={top}
			height={height}
			width={width}
			error={error}
			empty={filter ? `Nothing matches "${filter}".` : 'Nothing here.'}
			above={
				showFilter ? (
					<Text inverse={filtering} wrap="truncate">
						{truncate(`/${filter ?? ''}${filtering ? '▏' : ''}`, width)}
					</Text>
				) : undefined
			}
			row={(item, index) => {
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
			}}
		/>
	);
}
