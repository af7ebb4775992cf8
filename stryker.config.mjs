// StrykerJS for `npm run mutate` (scripts/mutate.js sets the module and its tests through the
// environment, one run per module). The tap runner runs each test file as its own node process under
// tsx and records which files reach which mutant, so a mutant only re-runs the files that cover it.
const split = name => (process.env[name] ?? '').split(',').filter(Boolean);

export default {
	testRunner: 'tap',
	tap: {
		testFiles: split('ZYLON_MUTATE_TESTS'),
		nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '--test-timeout=60000', '{{testFile}}'],
		forceBail: true,
	},
	mutate: split('ZYLON_MUTATE_FILES'),
	coverageAnalysis: 'perTest',
	concurrency: 2,
	timeoutMS: 20_000,
	reporters: ['json', 'clear-text', 'progress'],
	jsonReporter: {fileName: process.env['ZYLON_MUTATE_REPORT'] ?? 'reports/mutation/mutation.json'},
	clearTextReporter: {allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true},
	tempDirName: '.stryker-tmp',
	cleanTempDir: true,
	ignorePatterns: ['dist', 'bench/results*', 'reports'],
	thresholds: {high: 90, low: 85, break: null},
};
