// The import rules of source/ (readme.md, "Architecture"): no cycles, and each layer imports only what is
// below it. `npm run lint` runs this; a breach names the rule, the importing file and what it imported.
// dependency-cruiser rather than eslint-plugin-import-x: it walks the whole graph once, sees type-only
// imports too (import-x's no-cycle skips them), prints every module of a cycle, and keeps folder and
// package rules in one table.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-cycle',
			comment:
				'An import cycle: move what both sides need into a module of its own (as state/explorer-model.ts).',
			severity: 'error',
			from: {path: '^source/'},
			to: {circular: true},
		},
		{
			name: 'components-no-io',
			comment:
				'components/ are props in, frame out: no api/, no ofetch, no Node built-ins. Data arrives as props.',
			severity: 'error',
			from: {path: '^source/components/'},
			to: {
				path: ['^source/(api|commands|config|demo)/', 'node_modules/ofetch/'],
			},
		},
		{
			name: 'components-no-node',
			comment: 'components/ do no I/O: no Node built-ins.',
			severity: 'error',
			from: {path: '^source/components/'},
			to: {dependencyTypes: ['core']},
		},
		{
			name: 'core-no-react',
			comment:
				'domain/, state/, api/ and lib/ never import React or Ink: they are plain TypeScript, testable without a renderer.',
			severity: 'error',
			from: {path: '^source/(domain|state|api|lib)/'},
			to: {path: 'node_modules/(react|react-reconciler|ink|ink-[^/]+|@types/react)/'},
		},
		{
			name: 'core-no-ui',
			comment:
				'domain/, state/, api/, lib/ and config/ are below the UI: they never import hooks/, components/ or screens/.',
			severity: 'error',
			from: {path: '^source/(domain|state|api|lib|config)/'},
			to: {path: '^source/(hooks|components|screens|app\\.tsx)'},
		},
		{
			name: 'pure-no-io',
			comment: 'domain/ and state/ are pure: no api/, no ofetch, no Node built-ins.',
			severity: 'error',
			from: {path: '^source/(domain|state)/'},
			to: {path: ['^source/(api|commands|config|demo)/', 'node_modules/ofetch/']},
		},
		{
			name: 'pure-no-node',
			comment: 'domain/ and state/ are pure: no Node built-ins.',
			severity: 'error',
			from: {path: '^source/(domain|state)/'},
			to: {dependencyTypes: ['core']},
		},
		{
			name: 'lib-is-the-bottom',
			comment:
				'lib/ is generic: it never imports api/ or domain/ (pass what it needs in, or move the code up).',
			severity: 'error',
			// all-pages.ts walks the API's cursors (domain/types.ts's Page): it leaves lib/ with the shared
			// next-cursor rule (issue 10, item 5).
			from: {path: '^source/lib/', pathNot: '^source/lib/all-pages\\.ts$'},
			to: {path: '^source/(api|domain|commands|config|demo|state)/'},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
		},
	},
};
