import {startDemoServer} from '../demo/index.ts';
import type {DemoGeneration, DemoStreamMode} from '../demo/types.ts';
import type {CliFlags} from '../cli-help.ts';
import {ConfigError} from '../config/errors.ts';

const generations: readonly DemoGeneration[] = ['current', 'legacy', 'both'];
const streamModes: readonly DemoStreamMode[] = ['sse', 'json', 'ndjson'];

export async function runDemoServer(flags: CliFlags): Promise<void> {
	const generation = (flags.generation ?? 'both') as DemoGeneration;
	if (!generations.includes(generation)) {
		throw new ConfigError(
			`--generation must be one of ${generations.join(', ')} (got "${flags.generation}")`,
		);
	}

	const stream = (flags.stream ?? 'sse') as DemoStreamMode;
	if (!streamModes.includes(stream)) {
		throw new ConfigError(`--stream must be one of ${streamModes.join(', ')} (got "${flags.stream}")`);
	}

	const server = await startDemoServer({
		stream,
		port: flags.port ?? 0,
		generation,
		interactions: flags.interactions,
		latencyMs: flags.latency,
	});
	process.stdout.write(
		[
			`Zylon demo workspace on ${server.url} (routes: ${generation}, stream: ${stream})`,
			`  ZYLON_URL=${server.url} ZYLON_ORG=${server.org} ZYLON_TOKEN=${server.token} zylon-tui`,
			'Ctrl-C stops it.',
			'',
		].join('\n'),
	);
	const stop = () => {
		void server.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}
