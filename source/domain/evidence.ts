// What `y` can copy or page: the five kinds of evidence an on-call engineer pastes into a ticket, the
// keys that pick them in the copy menu, and the text of each (secrets as the parser left them).
import {deepLinkCommand, interactionJson, paramsJson, transcriptMarkdown} from './export-text.ts';
import type {Interaction} from './types.ts';

export type EvidenceKind = 'id' | 'link' | 'params' | 'transcript' | 'json';

export type EvidenceEntry = {
	readonly kind: EvidenceKind;
	/** The key that picks it in the copy menu. */
	readonly key: string;
	readonly label: string;
	/** For the footer message: "copied transcript (1.2 kB)". */
	readonly noun: string;
	/** Temp-file extension, so pagers and editors highlight it. */
	readonly extension: string;
};

export const EVIDENCE_KINDS: readonly EvidenceEntry[] = [
	{kind: 'id', key: '1', label: 'interaction id', noun: 'id', extension: 'txt'},
	{kind: 'link', key: '2', label: 'deep-link command', noun: 'deep link', extension: 'sh'},
	{kind: 'params', key: '3', label: 'params (JSON)', noun: 'params', extension: 'json'},
	{kind: 'transcript', key: '4', label: 'transcript (Markdown)', noun: 'transcript', extension: 'md'},
	{kind: 'json', key: '5', label: 'raw interaction (JSON)', noun: 'JSON', extension: 'json'},
];

export const evidenceEntry = (kind: EvidenceKind): EvidenceEntry =>
	EVIDENCE_KINDS.find(entry => entry.kind === kind) ?? EVIDENCE_KINDS[0]!;

/** Where the interaction sits, for the deep link. */
export type EvidenceContext = {
	/** Connection.label: "demo" makes the link use --demo. */
	readonly connectionLabel: string;
	readonly profile?: string;
	readonly projectId?: string;
	readonly threadId?: string;
};

export function evidenceText(kind: EvidenceKind, interaction: Interaction, ctx: EvidenceContext): string {
	switch (kind) {
		case 'id':
			return interaction.id;
		case 'link':
			return deepLinkCommand(
				ctx.connectionLabel,
				{
					projectId: ctx.projectId ?? interaction.projectId,
					threadId: ctx.threadId ?? interaction.threadId,
					interactionId: interaction.id,
				},
				{profile: ctx.profile},
			);
		case 'params':
			return paramsJson(interaction);
		case 'transcript':
			return transcriptMarkdown(interaction);
		case 'json':
			return interactionJson(interaction);
	}
}
