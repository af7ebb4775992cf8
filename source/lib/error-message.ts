import {isApiError} from '../api/errors.ts';
import {sanitizeLine} from './sanitize.ts';

/** One line for the screen. ApiError messages are already ours; anything else is reduced to its message. */
export function errorMessage(error: unknown): string {
	if (isApiError(error)) return error.message;
	if (error instanceof Error) return sanitizeLine(error.message || error.name);
	return sanitizeLine(String(error));
}
