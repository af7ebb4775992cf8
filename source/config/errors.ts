/** A configuration problem, told in one clear line (the CLI prints it and exits 2). */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}
