// The project and thread selectors share this: load a short list, filter it as you type, open a row.
import {Box} from 'ink';
import {useCallback, useMemo} from 'react';
import {Footer} from '../components/footer.tsx';
import {Picker, pickerVisibleRows} from '../components/picker.tsx';
import type {AsyncState} from '../hooks/use-async.ts';
import {usePickerKeys} from '../hooks/use-picker-keys.ts';
import {useSyncReducer} from '../hooks/use-sync-reducer.ts';
import {footerBindings, keyHints} from '../keymap.ts';
import {initialPicker, matchesFilter, pickerReducer} from '../state/picker.ts';

export type SelectItem<T> = {readonly label: string; readonly detail?: string; readonly value: T};

type Props<T> = {
	readonly title: string;
	readonly data: AsyncState<readonly SelectItem<T>[]> & {readonly reload: () => void};
	/** Rows shown above the loaded ones (e.g. "All threads"). */
	readonly pinned?: readonly SelectItem<T>[];
	readonly width: number;
	readonly height: number;
	readonly active: boolean;
	readonly message?: string;
	readonly onOpen: (value: T) => void;
	readonly onBack?: () => void;
	readonly onHelp: () => void;
	readonly onProjects?: () => void;
	readonly onQuit: () => void;
};

export function SelectScreen<T>(props: Props<T>) {
	const {data, width, height} = props;
	const [state, dispatch, getState] = useSyncReducer(pickerReducer, () => initialPicker);
	const loaded = data.status === 'ready' ? data.value : data.previous;
	const filtered = useCallback(
		(filter: string) =>
			[...(props.pinned ?? []), ...(loaded ?? [])].filter(item =>
				matchesFilter(filter, item.label, item.detail),
			),
		[loaded, props.pinned],
	);
	const items = useMemo(() => filtered(state.filter), [filtered, state.filter]);
	const error = data.status === 'failed' ? data.message : undefined;
	const listHeight = Math.max(
		1,
		pickerVisibleRows(height - 1, {filtering: state.filtering, filter: state.filter, error}),
	);
	usePickerKeys({
		active: props.active,
		getState,
		dispatch,
		count: filter => filtered(filter).length,
		height: listHeight,
		onOpen: (index, filter) => {
			const item = filtered(filter)[index];
			if (item) props.onOpen(item.value);
		},
		onBack: props.onBack,
		onReload: data.reload,
		onHelp: props.onHelp,
		onProjects: props.onProjects,
		onQuit: props.onQuit,
	});

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Picker
				title={props.title}
				items={items}
				cursor={state.cursor}
				top={state.top}
				height={height - 1}
				width={width}
				filter={state.filter}
				filtering={state.filtering}
				loading={data.status === 'loading'}
				error={error}
			/>
			<Footer
				bindings={footerBindings(['lists'])}
				width={width}
				message={state.filtering ? `type to filter · ${keyHints('picker filter')}` : props.message}
			/>
		</Box>
	);
}
