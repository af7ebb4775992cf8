import type {Plugin} from 'esbuild';

export function assertPinnedInk(): void;
export function patchedImport(specifier: string, importer: string): string | undefined;
export const inkPatch: Plugin;
