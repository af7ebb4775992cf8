export const helpText = `
	A keyboard-driven terminal explorer for the interactions stored in a Zylon workspace.

	Usage
	  $ zylon-tui [options]                 the explorer (needs a terminal)
	  $ zylon-tui --demo                    the explorer on the embedded demo workspace
	  $ zylon-tui export [options]          interactions as NDJSON (or --json) on stdout
	  $ zylon-tui report --project ID       the overview (error clusters, breakdowns, chart) as text or --json
	  $ zylon-tui demo-server [--port N]    the demo workspace as a standalone HTTP server

	Connection
	  --url URL            Zylon host, e.g. https://zylon.example.com   (env ZYLON_URL)
	  --org SLUG|UUID      organisation, default "default"               (env ZYLON_ORG)
	  --token-file PATH    file holding the API token                    (or env ZYLON_TOKEN)
	  --profile NAME       a profile of $XDG_CONFIG_HOME/zylon-tui/config.json   (env ZYLON_PROFILE)
	  --demo               use the embedded demo workspace

	Explorer
	  --project ID         open this project
	  --thread ID          open this thread
	  --interaction ID     open this interaction
	  --oldest-first       list oldest interactions first (default: newest first)
	  --page-size N        interactions per page (default 50)

	Export
	  --project ID --thread ID --filter EXPR --limit N --json --oldest-first --show-secrets

	Report
	  --project ID --thread ID --json

	Time window (explorer, export, report)
	  --since WHEN --until WHEN   an age (90m, 6h, 2d) or a UTC date (2026-03-02T14:00)

	Demo server
	  --port N  --generation current|legacy|both  --interactions N  --latency MS
	  --stream sse|json|ndjson   how the interaction stream answers (json, ndjson: 406 to SSE-only)

	With nothing configured, the explorer opens the demo workspace and says so.
	Keys: press ? in the explorer.
`;

export const flagSpec = {
	demo: {type: 'boolean'},
	url: {type: 'string'},
	org: {type: 'string'},
	tokenFile: {type: 'string'},
	profile: {type: 'string'},
	project: {type: 'string'},
	thread: {type: 'string'},
	interaction: {type: 'string'},
	oldestFirst: {type: 'boolean'},
	pageSize: {type: 'number'},
	filter: {type: 'string'},
	limit: {type: 'number'},
	json: {type: 'boolean'},
	showSecrets: {type: 'boolean'},
	port: {type: 'number'},
	generation: {type: 'string'},
	interactions: {type: 'number'},
	latency: {type: 'number'},
	since: {type: 'string'},
	until: {type: 'string'},
	stream: {type: 'string'},
} as const;

export type CliFlags = {
	readonly demo?: boolean;
	readonly url?: string;
	readonly org?: string;
	readonly tokenFile?: string;
	readonly profile?: string;
	readonly project?: string;
	readonly thread?: string;
	readonly interaction?: string;
	readonly oldestFirst?: boolean;
	readonly pageSize?: number;
	readonly filter?: string;
	readonly limit?: number;
	readonly json?: boolean;
	readonly showSecrets?: boolean;
	readonly port?: number;
	readonly generation?: string;
	readonly interactions?: number;
	readonly latency?: number;
	readonly since?: string;
	readonly until?: string;
	readonly stream?: string;
};
