// Request tuning from the environment: per-attempt timeout, attempts, backoff base and body cap. For
// slow links and for the end-to-end tests (a timeout test cannot wait 4 × 15 s). Out-of-range values
// are refused with a clear line rather than silently ignored.
import {ConfigError} from '../config/errors.ts';
import type {ClientOptions} from './client-types.ts';

type Knob = {
	readonly name: string;
	readonly option: 'timeoutMs' | 'attempts' | 'backoffBaseMs' | 'maxBodyBytes';
	readonly min: number;
	readonly max: number;
};

export const TUNING_KNOBS: readonly Knob[] = [
	{name: 'ZYLON_TIMEOUT_MS', option: 'timeoutMs', min: 50, max: 600_000},
	{name: 'ZYLON_ATTEMPTS', option: 'attempts', min: 1, max: 10},
	{name: 'ZYLON_RETRY_BASE_MS', option: 'backoffBaseMs', min: 0, max: 60_000},
	{name: 'ZYLON_MAX_BODY_BYTES', option: 'maxBodyBytes', min: 1024, max: 1024 * 1024 * 1024},
];

export function tuningFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<ClientOptions> {
	const options: Partial<Record<Knob['option'], number>> = {};
	for (const knob of TUNING_KNOBS) {
		const raw = env[knob.name]?.trim();
		if (raw === undefined || raw === '') continue;
		const value = Number(raw);
		if (!/^\d+$/.test(raw) || value < knob.min || value > knob.max) {
			throw new ConfigError(`${knob.name} must be a whole number from ${knob.min} to ${knob.max}`);
		}
		options[knob.option] = value;
	}
	return options;
}
