// --since / --until → the time window (domain/time-window.ts), for the explorer, export and report alike.
import type {CliFlags} from '../cli-help.ts';
import {ConfigError} from '../config/errors.ts';
import {parseWindow, type TimeWindow} from '../domain/time-window.ts';

/** All time when neither flag is given; a bad value is a ConfigError (exit 2) naming what is accepted. */
export function windowFlags(flags: Pick<CliFlags, 'since' | 'until'>): TimeWindow {
	const parsed = parseWindow({since: flags.since, until: flags.until});
	if (!parsed.ok) throw new ConfigError(parsed.message);
	return parsed.window;
}
