import {sanitizeLine} from './sanitize.ts';

/**
 * One line for the screen from anything thrown. Every message goes through sanitizeLine: an ApiError's
 * message is built from our own words and already-sanitised text (api/errors.ts), so this leaves it as
 * it is, and lib/ needs to know nothing about api/.
 */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) return sanitizeLine(error.message || error.name);
	return sanitizeLine(String(error));
}
