// The overview as a mode of the explorer screen: opened once, its scan keeps its numbers while the list is
// shown again; a list filtered from the overview (Enter on a cluster or a row) goes back to it when the
// filter is cleared with Esc, as a drill-down does.
import {useState} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import {ALL_TIME, type TimeWindow} from '../domain/time-window.ts';
import type {InteractionScope} from '../domain/types.ts';
import {useOverviewScan} from './use-overview-scan.ts';

type ApplyFilter = (text: string, errorsOnly: boolean) => boolean;

export function useOverviewMode(options: {
	readonly client: ZylonClient;
	readonly scope: InteractionScope;
	readonly timeWindow?: TimeWindow;
	readonly startOpen?: boolean;
	/** The list's filter: Enter on the overview applies a row's term through it. */
	readonly listFilter: ApplyFilter;
}) {
	const {client, scope, listFilter} = options;
	const [mode, setMode] = useState({open: options.startOpen === true, drilled: false});
	const [opened, setOpened] = useState(options.startOpen === true);
	const timeWindow = options.timeWindow ?? ALL_TIME;
	const scan = useOverviewScan({client, scope, window: timeWindow, enabled: opened});
	const open = () => {
		setOpened(true);
		setMode({open: true, drilled: false});
	};
	/** The list's filter, but clearing a drilled-down filter comes back to the overview. */
	const applyFilter: ApplyFilter = (text, errorsOnly) => {
		const applied = listFilter(text, errorsOnly);
		if (applied && mode.drilled && text === '' && !errorsOnly) open();
		return applied;
	};
	return {
		isOpen: mode.open,
		scan,
		timeWindow,
		open,
		applyFilter,
		pick(filter: string) {
			listFilter(filter, false);
			setMode({open: false, drilled: true});
		},
		close: () => setMode({open: false, drilled: false}),
	};
}
