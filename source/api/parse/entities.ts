// Users, projects and threads: ids required, display fields lenient (missing name → '').
import type {Page, Project, Thread, User} from '../../domain/types.ts';
import {parsePage} from './page.ts';
import {
	lines,
	optBool,
	optLine,
	optNumber,
	parseTime,
	requireLine,
	requireObject,
	type ParseOptions,
} from './reader.ts';

export function parseUser(json: unknown, path = '', options: ParseOptions = {}): User {
	const object = requireObject(json, path, options);
	return {
		id: requireLine(object, 'id', path, options),
		name: optLine(object['name']) ?? '',
		email: optLine(object['email']) ?? '',
		orgId: optLine(object['org_id']),
		state: optLine(object['state']),
		roles: lines(object['roles']),
	};
}

export function parseProject(json: unknown, path = '', options: ParseOptions = {}): Project {
	const object = requireObject(json, path, options);
	return {
		id: requireLine(object, 'id', path, options),
		name: optLine(object['name']) ?? '',
		goal: optLine(object['goal']),
		visibility: optLine(object['visibility']),
		memberCount: optNumber(object['member_count']),
		isPinned: optBool(object['is_pinned']),
	};
}

export function parseThread(json: unknown, path = '', options: ParseOptions = {}): Thread {
	const object = requireObject(json, path, options);
	const createdAt = optLine(object['created_at']);
	return {
		id: requireLine(object, 'id', path, options),
		name: optLine(object['name']) ?? '',
		projectId: optLine(object['project_id']),
		visibility: optLine(object['visibility']),
		state: optLine(object['state']),
		createdAt,
		createdAtMs: parseTime(createdAt),
		...(object['updated_at'] === undefined ? {} : {updatedAtMs: parseTime(optLine(object['updated_at']))}),
	};
}

export const parseProjectPage = (json: unknown, options: ParseOptions = {}): Page<Project> =>
	parsePage(json, options, (item, path) => parseProject(item, path, options));

export const parseThreadPage = (json: unknown, options: ParseOptions = {}): Page<Thread> =>
	parsePage(json, options, (item, path) => parseThread(item, path, options));
