// Routing for the demo workspace: path → reply. No sockets here; server.ts owns HTTP, auth,
// faults and the log, and runs the stream replies it is handed.
import {STATUS_CODES} from 'node:http';
import type {ServerResponse} from 'node:http';
import {findInteraction, type ProjectRecord, type Workspace} from './data.ts';
import {indexedArray, paginate, PagingError, parsePageQuery, type Indexed} from './paging.ts';
import {streamInteraction} from './sse.ts';
import type {DemoGeneration, DemoStreamMode} from './types.ts';
import type {InteractionDto, ProjectDto, ThreadWire} from './wire.ts';

export type Reply =
	| {readonly status: number; readonly json: unknown; readonly headers?: Readonly<Record<string, string>>}
	| {readonly status: 200; readonly stream: (res: ServerResponse, accept: string) => void};

export type RouteContext = {
	readonly ws: Workspace;
	readonly generation: DemoGeneration;
	readonly startedAt: number;
	readonly now: () => number;
	readonly streamSpacingMs: number;
	/** Serve threads' updated_at (their newest interaction's time). */
	readonly threadUpdatedAt: boolean;
	readonly streamMode: DemoStreamMode;
};

export const errorReply = (status: number, message: string, headers?: Record<string, string>): Reply => ({
	status,
	json: {status, error: STATUS_CODES[status] ?? 'Error', message},
	headers,
});

type Query = Readonly<Record<string, string>>;

const includesUser = (query: Query) =>
	(query['include'] ?? '').split(',').some(value => value.trim().toLowerCase() === 'user');

function interactionView(dto: InteractionDto, withUser: boolean): InteractionDto {
	if (withUser) return dto;
	const {created_by: _omitted, ...rest} = dto;
	return rest;
}

function page<T>(
	items: Indexed<T>,
	query: Query,
	idOf: (item: T) => string,
	view: (item: T) => unknown,
): Reply {
	try {
		const envelope = paginate(items, parsePageQuery(query), idOf);
		return {status: 200, json: {...envelope, data: envelope.data.map(view)}};
	} catch (error) {
		if (error instanceof PagingError) return errorReply(400, error.message);
		throw error;
	}
}

const projectSummary = (p: ProjectRecord): ProjectDto => p.dto;
const projectFull = (p: ProjectRecord): ProjectDto => ({...p.dto, members: [...p.members]});

/** The thread as served: with updated_at, its newest interaction's time (appended ones included). */
function threadView(ctx: RouteContext, project: ProjectRecord, wire: ThreadWire): ThreadWire {
	if (!ctx.threadUpdatedAt) return wire;
	const items = project.store.thread(wire.id);
	const newest = items && items.length > 0 ? items.at(items.length - 1) : undefined;
	return {...wire, updated_at: newest?.created_at ?? wire.created_at};
}

function threadList(ctx: RouteContext, project: ProjectRecord, query: Query): Reply {
	const states = new Set((query['state'] ?? 'Active').split(',').map(s => s.trim()));
	const threads = project.threads.filter(record => states.has(record.wire.state));
	const withUser = includesUser(query);
	return page(
		indexedArray(threads, record => record.wire.id),
		query,
		record => record.wire.id,
		(record): ThreadWire => {
			const wire = threadView(ctx, project, record.wire);
			return withUser ? {...wire, created_by: record.creator} : wire;
		},
	);
}

function interactionList(items: Indexed<InteractionDto>, query: Query): Reply {
	const withUser = includesUser(query);
	return page(
		items,
		query,
		dto => dto.id,
		dto => interactionView(dto, withUser),
	);
}

function streamReply(ctx: RouteContext, dto: InteractionDto, project: ProjectRecord): Reply {
	return {
		status: 200,
		stream: (res, accept) =>
			streamInteraction(res, dto, {
				mode: ctx.streamMode,
				accept,
				spacingMs: ctx.streamSpacingMs,
				stuck: dto.id === ctx.ws.fixtures.interactions.stuck,
				now: ctx.now,
				onComplete: completed => project.store.replace(completed),
			}),
	};
}

/** Routes under /api (the path given starts after it). Auth has already been checked. */
export function route(ctx: RouteContext, path: string, query: Query): Reply {
	const {ws} = ctx;
	const current = ctx.generation !== 'legacy';
	const legacy = ctx.generation !== 'current';
	const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
	const notFound = (what: string) => errorReply(404, `${what} not found`);
	const projectById = (id: string) => ws.projects.find(p => p.dto.id === id);
	const [v1, app, a, b, c, d, e, f] = parts;
	if (v1 !== 'v1' || app !== 'app' || a === undefined) return errorReply(404, `No route GET /api${path}`);
	const noRoute = errorReply(404, `No route GET /api${path}`);

	if (a === 'me' && b === undefined) return {status: 200, json: ws.me};

	if (a === 'user' && b !== undefined && c === 'project' && d === undefined) {
		const user = ws.users.find(u => u.id === b);
		if (!user) return notFound(`user ${b}`);
		const visible = ws.projects.filter(
			p => user.id === ws.me.id || p.members.some(m => m.user.id === user.id),
		);
		return page(
			indexedArray(visible, p => p.dto.id),
			query,
			p => p.dto.id,
			projectSummary,
		);
	}

	if (a === 'project' && b !== undefined) {
		const project = projectById(b);
		const known = c === undefined || c === 'thread' || c === 'interaction';
		if (!known) return noRoute;
		if (!legacy && c === 'interaction') return noRoute;
		if (!legacy && c === 'thread' && d !== undefined) return noRoute;
		if (!project) return notFound(`project ${b}`);
		if (c === undefined) return {status: 200, json: projectFull(project)};
		if (c === 'thread') {
			if (d === undefined) return threadList(ctx, project, query);
			if (e !== undefined) return noRoute;
			const record = project.threads.find(t => t.wire.id === d);
			return record
				? {status: 200, json: threadView(ctx, project, record.wire)}
				: notFound(`thread ${d} in project ${b}`);
		}
		// Legacy interaction routes.
		if (d === undefined) {
			const threadId = query['threadId'];
			if (!threadId) return interactionList(project.store.all, query);
			const items = project.store.thread(threadId);
			return items ? interactionList(items, query) : notFound(`thread ${threadId} in project ${b}`);
		}
		if (f !== undefined || (e !== undefined && e !== 'stream')) return noRoute;
		const dto = project.store.get(d);
		if (!dto) return notFound(`interaction ${d} in project ${b}`);
		return e === 'stream'
			? streamReply(ctx, dto, project)
			: {status: 200, json: interactionView(dto, includesUser(query))};
	}

	if (!current) return noRoute;

	if (a === 'thread' && b !== undefined && (c === undefined || c === 'interaction') && d === undefined) {
		const record = ws.threads.get(b);
		if (!record) return notFound(`thread ${b}`);
		if (c === undefined) return {status: 200, json: threadView(ctx, record.project, record.wire)};
		const items = record.project.store.thread(b);
		return items ? interactionList(items, query) : notFound(`thread ${b}`);
	}

	if (a === 'interaction' && b !== undefined && (c === undefined || c === 'stream') && d === undefined) {
		const found = findInteraction(ws, b);
		if (!found) return notFound(`interaction ${b}`);
		return c === 'stream'
			? streamReply(ctx, found.dto, found.project)
			: {status: 200, json: interactionView(found.dto, includesUser(query))};
	}

	return noRoute;
}
