// Composition root: the header, the screen for the current level (projects → threads → interactions),
// the help overlay, and the quit path.
import {Box, Text, useApp, useInput, useStdin, useWindowSize} from 'ink';
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {ZylonClient} from './api/client-types.ts';
import {ErrorBoundary} from './components/error-boundary.tsx';
import {HeaderBar} from './components/header-bar.tsx';
import {HelpOverlay, helpPage, helpScrollMax} from './components/help-overlay.tsx';
import {NoticeBar, noticeHelp, noticeLines} from './components/notice-bar.tsx';
import {ALL_TIME, nextWindow, windowLabel, type TimeWindow} from './domain/time-window.ts';
import type {InteractionScope, PageOrder, PageRequest, Project, Thread} from './domain/types.ts';
import {firstInteractionPage} from './domain/all-pages.ts';
import type {FirstScreen} from './commands/first-screen.ts';
import {completePlace, isUnnamed, resolveDeepLink, type DeepLink, type Place} from './deep-link.ts';
import {useAsync} from './hooks/use-async.ts';
import {keyOf, resolveKeys, scrollDelta, type Command} from './keymap.ts';
import {noteKey} from './lib/input-priority.ts';
import {helpBindings} from './help-table.ts';
import {ExplorerScreen} from './screens/explorer-screen.tsx';
import {ProjectScreen} from './screens/project-screen.tsx';
import {ThreadScreen} from './screens/thread-screen.tsx';

type Props = {
	readonly client: ZylonClient;
	readonly notices: readonly string[];
	readonly deepLink: DeepLink;
	readonly order: PageOrder;
	readonly pageSize: number;
	/** Follow mode's poll interval (ZYLON_FOLLOW_MS); 5 s when not given. */
	readonly followMs?: number;
	/** What the first frame can show at once (commands/first-screen.ts). */
	readonly first?: FirstScreen;
	/** --since / --until (domain/time-window.ts): the window the list, `w` and the overview start from. */
	readonly timeWindow?: TimeWindow;
	/** --overview: the first interaction list opens on its overview. */
	readonly overview?: boolean;
	/** Asks for a page a screen can guess comes next; the list's own call then takes it (startup-prefetch.ts). */
	readonly ahead?: (scope: InteractionScope, page: PageRequest) => void;
};

export function App(props: Props) {
	const {columns, rows} = useWindowSize();
	return (
		<ErrorBoundary width={columns}>
			<Explorer {...props} width={columns} height={rows} />
		</ErrorBoundary>
	);
}

function Explorer({
	client,
	notices,
	deepLink,
	order,
	pageSize,
	followMs,
	first = {},
	timeWindow: startWindow,
	overview: startOnOverview,
	ahead,
	width,
	height,
}: Props & {width: number; height: number}) {
	const {exit} = useApp();
	const [place, setPlace] = useState<Place | undefined>(
		first.place ??
			(deepLink.projectId || deepLink.threadId || deepLink.interactionId ? undefined : {level: 'projects'}),
	);
	const [message, setMessage] = useState<string | undefined>(first.notice);
	// The start-up notices stay in their own bar until a key is pressed, then help lists them (notice-bar.tsx).
	const [noticesRead, setNoticesRead] = useState(notices.length === 0);
	useInput(() => setNoticesRead(true), {isActive: !noticesRead});
	// Every key, whichever screen takes it, so that its frame is not held back by Ink's frame window. Noted as the
	// bytes arrive, before Ink hands them to any useInput: each of those renders as soon as it returns (a legacy
	// root), and the screens' handlers run before this component's.
	const {stdin} = useStdin();
	useEffect(() => {
		const onKey = () => noteKey();
		stdin.prependListener('readable', onKey);
		return () => {
			stdin.off('readable', onKey);
		};
	}, [stdin]);
	const allHelp = useMemo(() => [...noticeHelp(notices), ...helpBindings], [notices]);
	const noticeRows = noticesRead ? [] : noticeLines(notices, width);
	const [help, setHelp] = useState(false);
	// The window every project-wide view covers: --since/--until, then `w` steps through the presets.
	const [timeWindow, setTimeWindow] = useState<TimeWindow>(startWindow ?? ALL_TIME);
	// --overview applies to the first interaction list the user reaches, not to every later one.
	const [firstList, setFirstList] = useState<Place | undefined>(undefined);
	if (firstList === undefined && place?.level === 'interactions') setFirstList(place);
	const [helpScroll, setHelpScroll] = useState(0);
	const [listCache] = useState(() => new Map<string, unknown>());
	const link = useAsync(place ? 'settled' : 'deep-link', async signal => {
		if (place) return undefined;
		const resolved = await resolveDeepLink(client, deepLink, signal);
		setPlace(resolved.place);
		if (resolved.notice) setMessage(resolved.notice);
		return undefined;
	});
	// A linked interaction shows before its project and thread are named: name them now, in the background.
	useEffect(() => {
		if (!isUnnamed(place)) return;
		const controller = new AbortController();
		void completePlace(client, place!, controller.signal).then(named => {
			if (controller.signal.aborted) return;
			setPlace(current => (current === place ? named.place : current));
			if (named.notice) setMessage(named.notice);
		});
		return () => controller.abort();
	}, [client, place]);
	// "All threads" is the thread list's first row, under the cursor: its first page (a merge of every thread's,
	// several round trips) goes out while the list is read, and Enter finds it in hand.
	const threadsOf = place?.level === 'threads' ? place.project.id : undefined;
	useEffect(() => {
		if (threadsOf) ahead?.({projectId: threadsOf}, firstInteractionPage(pageSize, order));
	}, [ahead, threadsOf, pageSize, order]);
	const quit = useCallback(() => exit(), [exit]);
	const openHelp = useCallback(() => {
		setHelpScroll(0);
		setHelp(true);
	}, []);
	const say = useCallback((text?: string) => setMessage(text), []);

	const bodyHeight = Math.max(3, height - 1 - noticeRows.length);
	const helpKey = (command: Command) => {
		const delta = scrollDelta(command, helpPage(bodyHeight));
		if (delta === undefined) return;
		const max = helpScrollMax(allHelp, width, bodyHeight);
		setHelpScroll(scroll => Math.max(0, Math.min(max, Math.min(scroll, max) + delta)));
	};

	// The screens take their own keys; these are the help's, and the deep link's while it opens.
	useInput(
		(input, key) => {
			for (const command of resolveKeys(input, key, help ? 'help' : 'screen')) {
				if (command === 'quit') quit();
				else if (!help) {
					if (command === 'reload') link.reload();
				} else if (command === 'back') setHelp(false);
				else helpKey(command);
				if (command === 'quit' || command === 'back') break;
			}
		},
		{isActive: help || !place},
	);

	const common = {width, height: bodyHeight, active: !help, onQuit: quit};
	const pickerCommon = {...common, onHelp: openHelp, onProjects: () => setPlace({level: 'projects'})};
	let body;
	if (!place) {
		body = (
			<Box height={bodyHeight} paddingLeft={1}>
				<Text>
					{link.status === 'failed'
						? `${link.message} · press ${keyOf('reload')} to retry`
						: 'Opening the deep link…'}
				</Text>
			</Box>
		);
	} else if (place.level === 'projects') {
		body = (
			<ProjectScreen
				{...pickerCommon}
				client={client}
				first={place === first.place ? first.projects : undefined}
				cache={listCache}
				message={message}
				onOpen={(project: Project) => {
					say(undefined);
					setPlace({level: 'threads', project});
				}}
			/>
		);
	} else if (place.level === 'threads') {
		body = (
			<ThreadScreen
				{...pickerCommon}
				client={client}
				cache={listCache}
				project={place.project}
				message={message}
				onBack={() => setPlace({level: 'projects'})}
				onOpen={(thread: Thread | undefined) => {
					say(undefined);
					setPlace({level: 'interactions', project: place.project, thread});
				}}
			/>
		);
	} else {
		body = (
			<ExplorerScreen
				{...common}
				key={`${place.project.id}/${place.thread?.id ?? '*'}`}
				client={client}
				scope={{projectId: place.project.id, threadId: place.thread?.id}}
				order={order}
				pageSize={pageSize}
				followMs={followMs}
				selectId={place.selectId}
				pinned={place.pinned}
				firstPage={place === first.place ? first.firstPage : undefined}
				message={message}
				timeWindow={timeWindow}
				overview={startOnOverview === true && place === firstList}
				onWindow={() => setTimeWindow(nextWindow)}
				onBack={() => setPlace({level: 'threads', project: place.project})}
				onCommand={command => {
					if (command === 'help') openHelp();
					else if (command === 'projects') setPlace({level: 'projects'});
					else if (command === 'threads') setPlace({level: 'threads', project: place.project});
				}}
			/>
		);
	}

	const breadcrumb =
		place && place.level !== 'projects'
			? [
					place.project.name,
					...(place.level === 'interactions'
						? [`${place.thread?.name ?? 'All threads'} · ${windowLabel(timeWindow)}`]
						: []),
				]
			: [];
	const connection = client.connection;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<HeaderBar
				label={connection.label}
				org={connection.org}
				profile={connection.profile}
				production={connection.production}
				breadcrumb={breadcrumb}
				width={width}
			/>
			<NoticeBar lines={noticeRows} width={width} />
			{help ? <HelpOverlay bindings={allHelp} width={width} height={bodyHeight} scroll={helpScroll} /> : null}
			{/* Hidden, not unmounted: closing help comes back to the same place, nothing refetched. */}
			<Box display={help ? 'none' : 'flex'} flexDirection="column">
				{body}
			</Box>
		</Box>
	);
}
