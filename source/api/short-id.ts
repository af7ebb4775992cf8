import {sanitizeLine} from '../lib/sanitize.ts';

/** "0197a1b2…": enough to recognise an id in a one-line message; 404s still name the full id. */
export const shortId = (id: string): string => {
	const clean = sanitizeLine(id);
	return clean.length > 12 ? `${clean.slice(0, 8)}…` : clean;
};
