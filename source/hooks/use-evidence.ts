// `y` (copy) and the pager for the five kinds of evidence. Both resolve to one footer line, never
// throw: a failed copy or a missing pager is told in words and the explorer carries on.
import {useApp} from 'ink';
import {useMemo} from 'react';
import {evidenceEntry, evidenceText, type EvidenceContext, type EvidenceKind} from '../domain/evidence.ts';
import type {Interaction} from '../domain/types.ts';
import {copyText, defaultCopyIo, formatBytes, type CopyIo, type CopyResult} from '../lib/clipboard.ts';
import {errorMessage} from '../lib/error-message.ts';
import {openInPager, type PagerOptions} from '../lib/pager.ts';

export type {EvidenceContext, EvidenceKind} from '../domain/evidence.ts';

export type Evidence = {
	/** Copies and returns the footer message: "copied transcript (1.2 kB) via xclip". */
	copy(kind: EvidenceKind, interaction: Interaction, ctx: EvidenceContext): Promise<string>;
	/** Shows it in $PAGER with the terminal handed over; returns the footer message. */
	page(kind: EvidenceKind, interaction: Interaction, ctx: EvidenceContext): Promise<string>;
};

/** Only for tests: other I/O than the real terminal, clipboard tools and $PAGER. */
export type EvidenceIo = {
	readonly copyIo?: (extension: string) => CopyIo;
	readonly pager?: Omit<PagerOptions, 'extension' | 'suspend'>;
};

/** The footer line for a copy: names what was copied and how, or where it went instead. */
export function copyMessage(noun: string, result: CopyResult): string {
	const size = formatBytes(result.bytes);
	// "copied" where the app saw the text arrive (a tool, tmux's buffer), "sent" where it cannot know (OSC 52).
	for (const verb of ['copied', 'sent']) {
		const prefix = `${verb} ${size}`;
		if (result.method !== 'file' && result.detail.startsWith(prefix)) {
			return `${verb} ${noun} (${size})${result.detail.slice(prefix.length)}`;
		}
	}
	return `${noun}: ${result.detail}`;
}

export function useEvidence(io: EvidenceIo = {}): Evidence {
	const {suspendTerminal} = useApp();
	const {copyIo, pager} = io;
	return useMemo(
		() => ({
			async copy(kind, interaction, ctx) {
				const entry = evidenceEntry(kind);
				try {
					const text = evidenceText(kind, interaction, ctx);
					const result = await copyText(text, (copyIo ?? defaultCopyIo)(entry.extension));
					return copyMessage(entry.noun, result);
				} catch (error) {
					return `could not copy ${entry.noun}: ${errorMessage(error)}`;
				}
			},
			async page(kind, interaction, ctx) {
				const entry = evidenceEntry(kind);
				try {
					const text = evidenceText(kind, interaction, ctx);
					const code = await openInPager(text, {
						...pager,
						extension: entry.extension,
						suspend: run => suspendTerminal(run),
					});
					return code === 0 || code === null
						? `closed the pager (${entry.noun})`
						: `the pager exited with status ${code} (${entry.noun})`;
				} catch (error) {
					return `could not open the pager: ${errorMessage(error)}`;
				}
			},
		}),
		[suspendTerminal, copyIo, pager],
	);
}
