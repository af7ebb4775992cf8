// An incremental Server-Sent Events parser (the WHATWG "event stream" rules): chunks may split a line,
// a CRLF or a field anywhere, so nothing is decided until a line is complete. Pure: text in, messages out.

export type SseMessage = {
	/** The `event:` field; "message" when the server sent none. */
	readonly event: string;
	/** The `data:` lines joined with "\n". */
	readonly data: string;
	readonly id?: string;
};

export type SseParser = {
	/** Feeds decoded text; returns the messages it completed. */
	push(chunk: string): SseMessage[];
	/** End of stream: a message without its closing blank line is dropped, as the standard says. */
	end(): SseMessage[];
};

export class SseTooLargeError extends Error {
	override readonly name = 'SseTooLargeError';
}

/** One message (or one unfinished line) past this is a broken or hostile server, not a slow one. */
export const SSE_MAX_MESSAGE_CHARS = 8 * 1024 * 1024;

export function createSseParser(maxMessageChars = SSE_MAX_MESSAGE_CHARS): SseParser {
	let buffer = '';
	let first = true;
	// A chunk that ended in CR may be the first half of a CRLF: the LF that follows ends no new line.
	let skipLf = false;
	let event = '';
	let data: string[] = [];
	let dataChars = 0;
	let id: string | undefined;

	function line(text: string, out: SseMessage[]) {
		if (text === '') {
			if (data.length > 0) out.push({event: event || 'message', data: data.join('\n'), ...(id ? {id} : {})});
			event = '';
			data = [];
			dataChars = 0;
			return;
		}
		if (text.startsWith(':')) return; // a comment, often a keep-alive
		const colon = text.indexOf(':');
		const field = colon === -1 ? text : text.slice(0, colon);
		let value = colon === -1 ? '' : text.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		if (field === 'event') event = value;
		else if (field === 'data') {
			dataChars += value.length + 1;
			if (dataChars > maxMessageChars)
				throw new SseTooLargeError(`an event over ${maxMessageChars} characters`);
			data.push(value);
		} else if (field === 'id' && !value.includes('\u0000')) id = value;
		// `retry:` and unknown fields are ignored: the caller decides about reconnecting.
	}

	return {
		push(chunk) {
			const out: SseMessage[] = [];
			let text = chunk;
			if (skipLf && text.startsWith('\n')) text = text.slice(1);
			skipLf = false;
			if (first && text.length > 0) {
				if (text.startsWith('\uFEFF')) text = text.slice(1);
				first = false;
			}
			buffer += text;
			let start = 0;
			for (let i = 0; i < buffer.length; i++) {
				const char = buffer[i];
				if (char !== '\n' && char !== '\r') continue;
				line(buffer.slice(start, i), out);
				if (char === '\r') {
					if (i + 1 === buffer.length) skipLf = true;
					else if (buffer[i + 1] === '\n') i++;
				}
				start = i + 1;
			}
			buffer = buffer.slice(start);
			if (buffer.length > maxMessageChars)
				throw new SseTooLargeError(`a line over ${maxMessageChars} characters`);
			return out;
		},
		end() {
			buffer = '';
			event = '';
			data = [];
			return [];
		},
	};
}
