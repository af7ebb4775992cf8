// Colours come from here only, so NO_COLOR (https://no-color.org) turns every one of them off.
// Meaning never rides on colour alone: glyphs and words carry it, colour only repeats it.
import type {LineStyle} from '../domain/transcript.ts';
import type {StateTone} from '../domain/format.ts';

export type Theme = {
	readonly noColor: boolean;
	readonly accent?: string;
	readonly ok?: string;
	readonly running?: string;
	readonly error?: string;
	readonly warning?: string;
	readonly muted?: string;
	readonly tool?: string;
	readonly meta?: string;
};

export function createTheme(noColor: boolean): Theme {
	if (noColor) return {noColor};
	return {
		noColor,
		accent: 'cyan',
		ok: 'green',
		running: 'yellow',
		error: 'red',
		warning: 'yellow',
		muted: 'gray',
		tool: 'blue',
		meta: 'magenta',
	};
}

/** NO_COLOR counts when present and not empty, as the convention says. */
export function colorDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
	return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

export const theme: Theme = createTheme(colorDisabled(process.env));

export function toneColor(tone: StateTone, t: Theme = theme): string | undefined {
	if (tone === 'ok') return t.ok;
	if (tone === 'running') return t.running;
	if (tone === 'error') return t.error;
	return t.warning;
}

export type TextStyle = {readonly color?: string; readonly dimColor?: boolean; readonly bold?: boolean};

export function lineStyle(style: LineStyle, t: Theme = theme): TextStyle {
	switch (style) {
		case 'role':
			return {bold: true, color: t.accent};
		case 'thinking':
		case 'dim':
			return {dimColor: true};
		case 'tool':
			return {color: t.tool};
		case 'error':
			return {color: t.error, bold: true};
		case 'meta':
			return {color: t.meta};
		case 'text':
			return {};
	}
}
