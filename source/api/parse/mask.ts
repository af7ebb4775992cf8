// The two places the API carries secrets of other systems: MCP server bearer tokens and SQL
// connection strings. They are masked in the domain fields and in `raw` (used for copy and export).
import {isObject} from './reader.ts';

export const MASKED = '•••••••• (masked)';

/**
 * A copy of an interaction's JSON with `pgpt.mcp_servers[].authorization_token` and
 * `pgpt.tool_context[].connection_string` masked. Only the objects on the way to a secret are copied;
 * everything else is shared with the input, which is never mutated.
 */
export function maskSecrets(raw: unknown): unknown {
	if (!isObject(raw) || !isObject(raw['pgpt'])) return raw;
	const pgpt: Record<string, unknown> = {...raw['pgpt']};
	pgpt['mcp_servers'] = maskEach(pgpt['mcp_servers'], 'authorization_token');
	pgpt['tool_context'] = maskEach(pgpt['tool_context'], 'connection_string');
	for (const key of ['mcp_servers', 'tool_context']) if (pgpt[key] === undefined) delete pgpt[key];
	return {...raw, pgpt};
}

function maskEach(list: unknown, key: string): unknown {
	if (!Array.isArray(list)) return list;
	return list.map(item => {
		if (!isObject(item) || item[key] === undefined || item[key] === null) return item;
		return {...item, [key]: MASKED};
	});
}
