import {ConfigError} from './errors.ts';

/**
 * The user may paste the host, the host with `/api`, or the documented base `/api/v1`, possibly under
 * a path prefix (a reverse proxy). All of them become `scheme://host[:port][/prefix]/api`.
 */
export function normalizeBaseUrl(input: string): string {
	const text = input.trim();
	if (text === '') throw new ConfigError('The server URL is empty; expected e.g. https://zylon.example.com');
	if (!/^[a-z][a-z\d+.-]*:\/\//i.test(text)) {
		throw new ConfigError(`"${shown(text)}" is not a URL; expected e.g. https://zylon.example.com`);
	}
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new ConfigError(`"${shown(text)}" is not a valid URL; expected e.g. https://zylon.example.com`);
	}
	if (url.username !== '' || url.password !== '') {
		// Never echo the URL here: its user-info may be the token.
		throw new ConfigError(
			'The server URL contains a user name or password; put the token in ZYLON_TOKEN or --token-file, not the URL',
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConfigError(`The server URL must start with https:// or http://, not ${shown(url.protocol)}//`);
	}
	if (url.search !== '' || url.hash !== '') {
		throw new ConfigError(`The server URL must not have a query or fragment: ${shown(text)}`);
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/api(?:\/v1)?$/i, '');
	return `${url.origin}${path}/api`;
}

// One line, bounded, printable: it is going into an error message.
const shown = (text: string): string =>
	text
		.replace(/[^\x20-\x7E]/g, '?')
		.slice(0, 120)
		.concat(text.length > 120 ? '…' : '');
