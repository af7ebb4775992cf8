import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'.stryker-tmp/**',
			'reports/**',
			'source/api/openapi/**',
			'scripts/devtools-stub.js',
		],
	},
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			// The classic hook rules; the React Compiler rules (refs, set-state-in-effect) flag the deliberate
			// synchronous-state pattern of use-sync-reducer.ts and abortable loads in effects.
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-console': ['error', {allow: ['error']}],
		},
	},
	{
		files: ['test/**', 'bench/**', 'scripts/**'],
		rules: {'no-console': 'off'},
	},
);
