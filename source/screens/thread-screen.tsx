import type {ZylonClient} from '../api/client-types.ts';
import {formatDateTimeUtc} from '../domain/format.ts';
import type {Project, Thread} from '../domain/types.ts';
import {allPages} from '../domain/all-pages.ts';
import {useAsync} from '../hooks/use-async.ts';
import {SelectScreen, type SelectItem} from './select-screen.tsx';

type Props = {
	readonly client: ZylonClient;
	readonly cache: Map<string, unknown>;
	readonly project: Project;
	readonly width: number;
	readonly height: number;
	readonly active: boolean;
	readonly message?: string;
	readonly onOpen: (thread: Thread | undefined) => void;
	readonly onBack: () => void;
	readonly onHelp: () => void;
	readonly onProjects?: () => void;
	readonly onQuit: () => void;
};

const allThreads: readonly SelectItem<Thread | undefined>[] = [
	{label: 'All threads', detail: 'every interaction of the project', value: undefined},
];

export function threadItem(thread: Thread): SelectItem<Thread | undefined> {
	const created = Number.isNaN(thread.createdAtMs) ? undefined : formatDateTimeUtc(thread.createdAtMs);
	return {
		label: thread.name,
		detail: [created, thread.visibility, thread.state && thread.state !== 'Active' ? thread.state : undefined]
			.filter(Boolean)
			.join(' · '),
		value: thread,
	};
}

export function ThreadScreen({client, cache, project, ...props}: Props) {
	const data = useAsync(
		`threads:${project.id}`,
		async signal => {
			const {items} = await allPages(request => client.threads(project.id, request, signal));
			return items.map(threadItem);
		},
		cache,
	);
	return <SelectScreen {...props} title={`THREADS · ${project.name}`} data={data} pinned={allThreads} />;
}
