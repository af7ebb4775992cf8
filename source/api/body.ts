// Reading an answer: the body as text under a size cap (counted as it streams, so a lying or missing
// Content-Length cannot get past it), and JSON with a message that says what came instead.
import {ApiError} from './errors.ts';
import {describeBody, formatBytes} from './http-words.ts';

export async function readCapped(response: Response, max: number, resource: string): Promise<string> {
	const tooLarge = () =>
		new ApiError(
			'too-large',
			`The answer for ${resource} is larger than the ${formatBytes(max)} limit; refused`,
			{
				status: response.status,
				resource,
			},
		);
	const declared = Number(response.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > max) {
		await response.body?.cancel().catch(() => undefined);
		throw tooLarge();
	}
	if (!response.body) return '';
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let size = 0;
	let text = '';
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel().catch(() => undefined);
			throw tooLarge();
		}
		text += decoder.decode(value, {stream: true});
	}
	return text + decoder.decode();
}

export function parseJson(text: string, resource: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const what = describeBody(text, error);
		throw new ApiError('malformed', `Unexpected response for ${resource}: ${what}, not JSON`, {resource});
	}
}
