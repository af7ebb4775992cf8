// Who and what is in the demo workspace: the people, the insights threads and where each notable
// interaction sits, and the ids handed to tests (DemoFixtures).
import type {NotableKind} from './notable.ts';
import {BASE_TIME_MS, IdKind, iso, makeId} from './seed.ts';
import type {UserDto} from './wire.ts';

const DAY = 24 * 3_600_000;

export type DemoFixtures = {
	readonly orgId: string;
	readonly userId: string;
	readonly otherUserIds: readonly string[];
	readonly projects: {
		readonly bigId: string;
		readonly insightsId: string;
		readonly hostileId: string;
		readonly emptyId: string;
		/** Checkout Assistant: the incident (demo/incident.ts). */
		readonly incidentId: string;
		/** Only with DemoOptions.spread. */
		readonly spreadId?: string;
	};
	readonly incident: {
		readonly threadIds: readonly string[];
		readonly count: number;
		readonly burstStartMs: number;
		readonly burstEndMs: number;
		readonly startMs: number;
		readonly endMs: number;
	};
	readonly bigThreadId: string;
	/** Threads of the big project holding the few interactions outside the big thread. */
	readonly bigSmallThreadIds: readonly string[];
	/** Interactions in the big project / in its big thread (before any addInteraction). */
	readonly bigInteractionCount: number;
	readonly bigThreadInteractionCount: number;
	readonly threads: {
		/** Customer Insights › Weekly brief: allBlocks, allParams, …, processing (its newest). */
		readonly weeklyBriefId: string;
		/** Errors, the tool error and the stuck Processing one (its newest). */
		readonly failuresId: string;
		readonly longResearchId: string;
		/** Thread whose name is hostile; holds the hostile interactions. */
		readonly hostileId: string;
		readonly unusualId: string;
		/** A Deleted thread (listed only with ?state=Deleted). */
		readonly deletedId: string;
	};
	readonly interactions: Readonly<Record<NotableKind, string>> & {readonly hostile: readonly string[]};
	/** Every secret the demo serves: no screen, copy or export may show one. */
	readonly secrets: readonly string[];
};

export function buildUsers(orgId: string): UserDto[] {
	const people: [string, string, UserDto['roles']][] = [
		['Avery Quinn', 'avery.quinn@demo.zylon.local', ['AppAdmin', 'Developer']],
		['Bao Nguyen', 'bao.nguyen@demo.zylon.local', ['AppMember']],
		['Carmen Díaz', 'carmen.diaz@demo.zylon.local', ['AppMember', 'Basic']],
		['Dmitri Ivanov', 'dmitri.ivanov@demo.zylon.local', ['AppOwner']],
	];
	return people
		.map(([name, email, roles], index) => {
			const timeMs = BASE_TIME_MS - 120 * DAY + index * DAY;
			return {
				id: makeId(timeMs, IdKind.user, index),
				org_id: orgId,
				account_id: makeId(timeMs, IdKind.user, 100 + index),
				name,
				email,
				job_position_name: index === 0 ? 'Support engineer' : undefined,
				state: index === 3 ? 'Inactive' : 'Active',
				roles,
				created_at: iso(timeMs),
			} satisfies UserDto;
		})
		.map(user => JSON.parse(JSON.stringify(user)) as UserDto); // drop undefined keys
}

export const insightsThreadNames = [
	'Weekly brief',
	'Nightly import failures',
	'Long research session',
	'', // hostile, filled below
	'Unusual states',
	'Churn interviews',
	'Pricing feedback',
	'Board deck prep',
	'Support macros',
	'Contract renewals',
	'API error spike',
	'Enterprise asks',
	'Release notes ES',
	'Onboarding funnel',
	'NPS comments',
	'SSO timeouts',
	'Partner resellers',
	'Security questionnaire',
	'Data retention',
	'Roadmap Q4',
	'Competitor watch',
	'Win/loss notes',
	'Docs gaps',
	'Sales enablement',
	'Incident 42 follow-up',
	'Usage-based pricing',
	'Customer advisory board',
	'Renewal risk list',
	'Quarterly review',
	'顧客の声 (Voice of customer)',
];

/** Which notable interactions go in which insights thread, in order; filler fills the rest. */
export const notableByThread: Record<number, NotableKind[]> = {
	0: [
		'allBlocks',
		'allParams',
		'nullParams',
		'nonAscii',
		'truncated',
		'emptyOutput',
		'refusal',
		'cancelled',
		'endTurn',
		'processing',
	],
	1: ['error', 'toolError', 'invalidRequest', 'stuck'],
	2: ['largeTranscript'],
	3: ['hostilePrompt', 'hostileOutput', 'hostileTool', 'hostileError'],
	4: ['unknownState', 'textFile'],
};
