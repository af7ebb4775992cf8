// What `import stringWidth from 'string-width'` means inside the CLI bundle (scripts/ink-patch.js): Ink measures every
// styled character of every frame with it, so the narrow-text shortcut must reach Ink too, not only our own calls.
export {textWidth as default} from './narrow-text.ts';
