// The OSC 52 bytes: the only clipboard sequence this app writes, built from content the user chose to copy (reading
// the clipboard, `52;c;?`, is never implemented). Pure, so the tests assert the exact bytes.

export type Env = Readonly<Record<string, string | undefined>>;

/** Terminals drop larger payloads silently, which would look like a successful copy. */
export const OSC52_MAX_BYTES = 100_000;
/** GNU screen truncates string sequences (768 bytes since 2014); stay well under. */
export const SCREEN_CHUNK_BYTES = 240;

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

export type Multiplexer = 'tmux' | 'screen' | 'none';

export function multiplexer(env: Env): Multiplexer {
	// tmux sets TERM=screen*, so TMUX is checked first.
	if (env.TMUX) return 'tmux';
	if (env.STY || env.TERM?.startsWith('screen')) return 'screen';
	return 'none';
}

export type Osc52Options = {
	/**
	 * Wrap for tmux's DCS passthrough. tmux 3.3+ drops it unless `allow-passthrough` is on (off by default), while
	 * with `set-clipboard on` it takes the plain sequence itself: so only when the user asks for it.
	 */
	readonly passthrough?: boolean;
	readonly maxBytes?: number;
};

/** The bytes that ask the terminal to put `text` on the clipboard, or undefined when over the cap. */
export function osc52Sequence(text: string, env: Env, options: Osc52Options = {}): string | undefined {
	const plain = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
	let sequence = plain;
	const where = multiplexer(env);
	if (where === 'tmux' && options.passthrough) {
		sequence = `${ESC}Ptmux;${plain.replaceAll(ESC, ESC + ESC)}${ST}`;
	} else if (where === 'screen') {
		const chunks: string[] = [];
		for (let i = 0; i < plain.length; i += SCREEN_CHUNK_BYTES) {
			chunks.push(`${ESC}P${plain.slice(i, i + SCREEN_CHUNK_BYTES)}${ST}`);
		}
		sequence = chunks.join('');
	}
	// Pure ASCII (base64 and escapes), so string length is the byte count.
	return sequence.length > (options.maxBytes ?? OSC52_MAX_BYTES) ? undefined : sequence;
}
