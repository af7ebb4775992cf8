import {useMemo} from 'react';
import type {ZylonClient} from '../api/client-types.ts';
import type {Project} from '../domain/types.ts';
import {formatCount} from '../domain/format.ts';
import {allPages} from '../domain/all-pages.ts';
import {useAsync} from '../hooks/use-async.ts';
import {SelectScreen, type SelectItem} from './select-screen.tsx';

type Props = {
	readonly client: ZylonClient;
	readonly cache: Map<string, unknown>;
	readonly width: number;
	readonly height: number;
	readonly active: boolean;
	readonly message?: string;
	readonly onOpen: (project: Project) => void;
	readonly onHelp: () => void;
	readonly onProjects?: () => void;
	readonly onQuit: () => void;
	/** Every project, already in hand at start-up. */
	readonly first?: readonly Project[];
};

export function projectItem(project: Project): SelectItem<Project> {
	const members =
		project.memberCount === undefined
			? undefined
			: `${formatCount(project.memberCount)} member${project.memberCount === 1 ? '' : 's'}`;
	return {
		label: project.name,
		detail: [members, project.visibility, project.isPinned ? 'pinned' : undefined]
			.filter(Boolean)
			.join(' · '),
		value: project,
	};
}

export function ProjectScreen({client, cache, first, ...props}: Props) {
	const data = useAsync(
		'projects',
		async signal => {
			const me = await client.me(signal);
			const {items} = await allPages(request => client.projects(me.id, request, signal));
			return items.map(projectItem);
		},
		cache,
		useMemo(() => first?.map(projectItem), [first]),
	);
	return <SelectScreen {...props} title="PROJECTS" data={data} />;
}
