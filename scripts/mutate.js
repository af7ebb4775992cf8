// `npm run mutate [name…]`: StrykerJS on the safety-critical modules, one run per module against only
// the test files that cover it, then bench/mutation.md with the score of each. Not part of `npm test`.
// Survivors judged equivalent are listed in EQUIVALENT, keyed by file, the trimmed source line the mutant
// starts on and its replacement (not by line number, so other edits to the file do not detach them).
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const MODULES = [
	{
		name: 'sanitize',
		mutate: 'source/lib/sanitize.ts',
		tests: ['test/sanitize.test.ts', 'test/hardening-sanitize.test.ts'],
	},
	{
		name: 'mask',
		mutate: 'source/api/parse/mask.ts',
		tests: ['test/mask.test.ts', 'test/parse.test.ts'],
	},
	{
		name: 'retry-timing',
		mutate: 'source/api/retry-timing.ts',
		tests: ['test/retry-timing.test.ts'],
	},
	{
		name: 'http',
		mutate: 'source/api/http.ts',
		tests: ['test/http.test.ts', 'test/http-open.test.ts', 'test/client.test.ts'],
	},
	{
		// The page merge: the k-way merge of the threads' pages and the reader that pages each thread.
		name: 'timeline',
		mutate: 'source/api/timeline.ts,source/api/timeline-reader.ts',
		tests: [
			'test/timeline.test.ts',
			'test/timeline-economy.test.ts',
			'test/timeline-sessions.test.ts',
			'test/timeline-plan.test.ts',
			'test/timeline-walk.test.ts',
		],
	},
	{
		name: 'filter-match',
		mutate: 'source/domain/filter-match.ts',
		tests: ['test/filter.test.ts', 'test/filter-match.test.ts', 'test/explorer-filter.test.ts'],
	},
	{
		name: 'filter',
		mutate: 'source/domain/filter.ts',
		tests: ['test/filter.test.ts', 'test/filter-match.test.ts'],
	},
];

// Survivors that no test can tell apart from the original, and why. Key: `${file}|${line}|${replacement}`, where
// line is the trimmed source line the mutant starts on; `${file}|${line}|${original}|${replacement}` where a line
// holds two mutants with the same replacement.
export const EQUIVALENT = {
	'source/api/parse/mask.ts|if (secret === undefined) {|true':
		'a key judged again gets the same answer; the memo only saves the regex passes (its bound is tested)',
	'source/api/retry-timing.ts|if (!value) return undefined;|false':
		'an absent or empty value falls through to Date.parse, which gives NaN: undefined either way',
	'source/api/http.ts|fetch: settings.fetch ?? (liteFetch as unknown as typeof globalThis.fetch),|settings.fetch && liteFetch as unknown as typeof globalThis.fetch':
		"without a fetch, ofetch falls back to the global fetch, which answers the same over HTTP; what liteFetch is for (startup cost, the system's trust store) is measured in the bench and transport.test.ts",
	'source/api/http.ts|if (request.signal?.aborted) throw aborted(request);|false':
		'a signal aborted before an attempt makes that fetch reject unsent, and failure() reports it as cancelled all the same',
	"source/api/http.ts|outcome.kind === 'status' && outcome.retryAfterMs !== undefined|true":
		'only status outcomes carry retryAfterMs; for the others it is undefined and the backoff is used either way',
	'source/domain/filter-match.ts|collect(interaction.output?.content ?? [], parts, tools);|["Stryker was here"]':
		'collect() walks blocks by their type; a string has none and adds nothing',
	'source/domain/filter-match.ts|for (const message of interaction.pgpt?.messages ?? []) collect(message.content, [], tools);|["Stryker was here"]':
		"the history's text goes to a throwaway array on purpose (only its tools count); what it starts with is never read",
	'source/domain/filter-match.ts|return false;|true':
		'the fallbacks after the switches over field and comparison are unreachable: every case returns (TypeScript checks the switch is exhaustive)',
	'source/domain/filter-match.ts|if (count === undefined) return false;|false':
		'every comparison with undefined is false anyway',
	"source/domain/filter-match.ts|term.kind === 'flag' ? 2 : term.kind === 'text' || (term.kind === 'field' && term.field === 'tool') ? 1 : 0;|true":
		"only field terms can have field 'tool' (numbers and times have their own field names), so the kind test is redundant",
	'source/domain/filter-match.ts|if (!terms) {|true':
		'sorting the terms again on every call gives the same order; the cache saves work only',
	'source/domain/filter-match.ts|default:|':
		'the last case of the switch: without its break it falls out of the switch all the same',
	"source/api/http.ts|typeof value === 'object' && value !== null && (value as NotFound).notFound === true;|true":
		'a string, number or boolean has no notFound property either: false all the same (null is what the object test guards, and killing that is tested)',
	'source/api/http.ts|method: \'GET\',|""':
		'the transport sends GET for an empty method (http.test.ts sees GET on the wire with this mutant)',
	'source/api/http.ts|if (attempts <= 1 || error.details.attempts !== undefined) return error;|false':
		'no error reaches withAttempts with a count already: network and timeout errors are built without one',
	'source/api/http.ts|await delay(wait, undefined, {signal: request.signal}).catch(() => {|{}':
		"an abort during the sleep ends it; the loop's own check at the top of the next attempt throws the same Cancelled",
	'source/api/http.ts|await response.body?.cancel().catch(() => undefined);|response.body.cancel':
		'the transport (api/transport.ts) always hands back a body stream, empty for an empty answer: never null here',
	'source/api/timeline-reader.ts|: page.items.slice(-bridge.s);|page.items':
		'the bridge asks for exactly max(1, s) rows and s >= 1 on this branch: the page holds at most s rows, and the slice is all of it',
	'source/api/timeline.ts|if (cursor === undefined) return undefined;|false':
		'no session is kept under undefined (put takes a cursor string): get(undefined) finds none either way',
	'source/api/timeline.ts|page.before !== undefined |||false':
		'every request with `before` also carries `last` (the client and the scan build them so), which the clause after reads as backward',
	'source/api/timeline.ts|(page.last !== undefined && page.after === undefined && page.first === undefined);|true':
		'no request mixes first/after with last (the client and the scan never build one): for the requests made, each of these parts decides nothing',
	'source/api/timeline.ts|(page.last !== undefined && page.after === undefined && page.first === undefined);|page.last !== undefined && page.after === undefined || page.first === undefined':
		'no request mixes first/after with last, and every forward one has `first`: the same answer for every request made',
	'source/api/timeline.ts|(page.last !== undefined && page.after === undefined && page.first === undefined);|page.last !== undefined || page.after === undefined':
		'no request mixes first/after with last, and every forward one has `first`, which the last clause still checks',
	'source/api/timeline.ts|const name = item.threadId === undefined ? undefined : names.get(item.threadId);|false':
		'names.get(undefined) is undefined: the same name either way',
	'source/api/timeline.ts|return name === undefined || item.threadName === name ? item : {...item, threadName: name};|false':
		'every row the merge returns was read through a thread of the list, so its name is found; a copy with the same name is the same row',
	'source/api/timeline.ts|return name === undefined || item.threadName === name ? item : {...item, threadName: name};|name === undefined && item.threadName === name':
		'the name is always found (see above): the copy made instead carries the same name',
	'source/api/timeline-reader.ts|? page.items.slice(0, bridge.s).reverse()|page.items':
		'the bridge asks for exactly max(1, s) rows and s >= 1 on this branch: the page holds at most s rows, and the slice is all of it',
	"source/api/timeline-reader.ts|const inOrder = this.dir === 'f' ? page.items : page.items.slice().reverse();|page.items":
		"the page is this fetch's own and is dropped after it: reversing its array in place leaves the same rows in the same order",
	'source/api/timeline-reader.ts|? page.hasNextPage && page.nextCursor !== undefined|true':
		'when nextCursor is undefined the value chosen is nextCursor itself: undefined either way',
	'source/api/timeline-reader.ts|: page.hasPreviousPage && page.previousCursor !== undefined|true':
		'when previousCursor is undefined the value chosen is previousCursor itself: undefined either way',
	'source/api/timeline-reader.ts|const next = more !== undefined && count > 0 ? more : undefined;|true':
		'when `more` is undefined the value chosen is `more` itself: undefined either way',
	'source/api/timeline-reader.ts|const anchor = plan.c === undefined && near !== undefined && inOrder.length > 0 ? near : undefined;|near !== undefined|true':
		'when `near` is undefined the value chosen is `near` itself: undefined either way',
	'source/api/timeline-reader.ts|const kept = this.buffer.length === 0 ? this.keep(rows) : rows;|true':
		"rows already in the buffer passed the edge, and a top-up's rows come after them in reading order: keep() drops none of them",
	'source/api/timeline-reader.ts|if (ascending ? against > 0 : against < 0) break;|against >= 0':
		"a row equal to the edge would be the edge's own row, which the merge took from another thread (a thread at rest gave none): ids are unique, so no row of this thread has that key",
	'source/api/timeline-reader.ts|if (ascending ? against > 0 : against < 0) break;|against <= 0':
		"a row equal to the edge would be the edge's own row, which the merge took from another thread (a thread at rest gave none): ids are unique, so no row of this thread has that key",
	'source/api/timeline-reader.ts|this.bridge === undefined|true':
		'a reader with rows in hand has fetched, and its first fetch clears the bridge (only the constructor sets one): with rows, the bridge is always undefined',
	'source/api/timeline-reader.ts|taken => ({...(bridge.c === undefined ? {} : {c: bridge.c}), s: base - taken, d: bridge.d}),|false':
		'a gap with `c: undefined` reads as one without c: the cursor writes `gap.c ?? null`, and every test is `gap.c === undefined`',
	'source/api/timeline-reader.ts|return {...(plan.c === undefined ? {} : {c: plan.c}), s: at, d: dir, ...end};|false':
		'a gap with `c: undefined` reads as one without c: the cursor writes `gap.c ?? null`, and every test is `gap.c === undefined`',
	'source/api/timeline.ts|if (!ascending && hints.trustUpdatedAt && updated !== undefined && Number.isFinite(updated)) ms = updated;|true':
		'Number.isFinite(undefined) is false: the same test without it',
	'source/api/timeline.ts|if (updated !== undefined && Number.isFinite(updated) && keyMs(item.createdAtMs) > updated) {|true':
		'`x > updated` is false for undefined and NaN alike, and updatedAtMs comes from Date.parse (finite or NaN, never infinite): the guard decides nothing the comparison does not',
	'source/api/timeline.ts|if (updated !== undefined && Number.isFinite(updated) && keyMs(item.createdAtMs) > updated) {|updated !== undefined || Number.isFinite(updated)':
		'`x > updated` is false for undefined and NaN alike, and updatedAtMs comes from Date.parse (finite or NaN, never infinite): the guard decides nothing the comparison does not',
	'source/api/timeline.ts|if (!bestKey || precedes(key, bestKey) < 0) {|precedes(key, bestKey) <= 0':
		"equal bounds can only be two readers that both need a fetch (a buffered head is a row with a unique id; an unfetched bound's id is '', '\\uffff' or a row already taken): either as `best`, the same round goes out",
	'source/api/timeline.ts|if (reader.buffer.length > 0 && (!bestRow || precedes(key, bestRow) < 0)) bestRow = key;|precedes(key, bestRow) <= 0':
		'only buffered heads are compared here: distinct rows, unique ids, never equal',
	'source/api/timeline.ts|text !== undefined &&|true':
		'on a first page every thread stands at the rest gap, at its start (or end) by definition: `some` is false either way',
	'source/api/timeline.ts|withTotal && totals.length > 0 && totals.every(total => total !== undefined)|true':
		'with no readers, `every` of none is true and the sum is 0: what the fallback gives when there are no threads',
	'source/api/timeline.ts|withTotal && totals.length > 0 && totals.every(total => total !== undefined)|totals.length >= 0':
		'with no readers, `every` of none is true and the sum is 0: what the fallback gives when there are no threads',
	'source/api/timeline.ts|hasNextPage: backward ? moreBehind : items.length > 0 && moreAhead,|true':
		'an empty page means the loop ended with no reader left (it stops only when the page is full, and a page wants at least one row): moreAhead is false then',
	'source/api/timeline.ts|hasNextPage: backward ? moreBehind : items.length > 0 && moreAhead,|items.length >= 0':
		'an empty page means the loop ended with no reader left (it stops only when the page is full, and a page wants at least one row): moreAhead is false then',
	'source/api/timeline.ts|hasPreviousPage: backward ? items.length > 0 && moreAhead : moreBehind,|true':
		'an empty page means the loop ended with no reader left (it stops only when the page is full, and a page wants at least one row): moreAhead is false then',
	'source/api/timeline.ts|hasPreviousPage: backward ? items.length > 0 && moreAhead : moreBehind,|items.length >= 0':
		'an empty page means the loop ended with no reader left (it stops only when the page is full, and a page wants at least one row): moreAhead is false then',
	'source/api/timeline.ts|...(totalCount === undefined ? {} : {totalCount}),|false':
		'`totalCount: undefined` reads as no totalCount: every reader of a page reads page.totalCount, none lists its keys',
};

const GOAL = 85;
// `--table` only rewrites bench/mutation.md from the reports of earlier runs.
const tableOnly = process.argv.includes('--table');
const wanted = process.argv.slice(2).filter(arg => arg !== '--table');
const unknown = wanted.filter(name => !MODULES.some(module => module.name === name));
if (unknown.length > 0) {
	console.error(
		`npm run mutate: no module ${unknown.join(', ')} (one of ${MODULES.map(m => m.name).join(', ')})`,
	);
	process.exit(1);
}
const chosen = tableOnly
	? []
	: wanted.length > 0
		? MODULES.filter(module => wanted.includes(module.name))
		: MODULES;
const stryker = path.resolve('node_modules/@stryker-mutator/core/bin/stryker.js');
mkdirSync('reports/mutation', {recursive: true});

/** Stryker's JSON report → counts and the survivors, with the original text of each. */
function summarise(module, reportFile) {
	const report = JSON.parse(readFileSync(reportFile, 'utf8'));
	const counts = {mutants: 0, killed: 0, survived: 0, equivalent: 0};
	const survivors = [];
	for (const [file, {source, mutants}] of Object.entries(report.files)) {
		const lines = source.split('\n');
		for (const mutant of mutants) {
			// Compile and runtime errors are mutants the code cannot even run; Stryker leaves them out too.
			if (mutant.status === 'CompileError' || mutant.status === 'RuntimeError' || mutant.status === 'Ignored')
				continue;
			counts.mutants++;
			if (mutant.status === 'Killed' || mutant.status === 'Timeout') {
				counts.killed++;
				continue;
			}
			const {start, end} = mutant.location;
			const span = lines.slice(start.line - 1, end.line);
			span[span.length - 1] = span.at(-1).slice(0, end.column - 1);
			span[0] = span[0].slice(start.column - 1);
			const original = span.join('\n');
			const where = lines[start.line - 1].trim();
			const replacement = mutant.replacement.replace(/\s+/g, ' ');
			// Where one line holds two mutants with the same replacement, a key may also name the original.
			const reason =
				EQUIVALENT[`${file}|${where}|${original.replace(/\s+/g, ' ')}|${replacement}`] ??
				EQUIVALENT[`${file}|${where}|${replacement}`];
			if (reason) counts.equivalent++;
			else counts.survived++;
			survivors.push({
				file,
				line: start.line,
				mutator: mutant.mutatorName,
				original,
				replacement: mutant.replacement,
				status: mutant.status,
				reason,
			});
		}
	}
	// Equivalent mutants cannot be killed: the score is over the mutants that can.
	const scored = counts.mutants - counts.equivalent;
	const score = scored === 0 ? 100 : (100 * counts.killed) / scored;
	return {module, counts, score, survivors};
}

for (const module of chosen) {
	console.log(`\n== ${module.name}: ${module.mutate} against ${module.tests.join(' ')}`);
	const started = Date.now();
	const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs'], {
		stdio: 'inherit',
		env: {
			...process.env,
			ZYLON_MUTATE_FILES: module.mutate,
			ZYLON_MUTATE_TESTS: module.tests.join(','),
			ZYLON_MUTATE_REPORT: `reports/mutation/${module.name}.json`,
		},
	});
	if (run.status !== 0) {
		console.error(`npm run mutate: stryker failed on ${module.name} (exit ${run.status})`);
		process.exit(1);
	}
	const meta = {
		seconds: Math.round((Date.now() - started) / 1000),
		date: new Date().toISOString().slice(0, 16),
	};
	writeFileSync(`reports/mutation/${module.name}.meta.json`, JSON.stringify(meta));
}

// The table covers every module with a report, so `npm run mutate -- http` refreshes one row.
const results = MODULES.filter(module => existsSync(`reports/mutation/${module.name}.meta.json`)).map(
	module => ({
		...summarise(module, `reports/mutation/${module.name}.json`),
		...JSON.parse(readFileSync(`reports/mutation/${module.name}.meta.json`, 'utf8')),
	}),
);

// A module with no report here (a fresh clone, or reports/ cleaned) keeps its row and survivors from the
// bench/mutation.md on record, so `npm run mutate -- http` refreshes one row wherever it runs.
const recorded = existsSync('bench/mutation.md') ? readFileSync('bench/mutation.md', 'utf8').split('\n') : [];
const carried = MODULES.filter(module => !results.some(result => result.module === module)).map(module => ({
	row: recorded.find(line => line.startsWith(`| ${module.name} |`)),
	survivors: recorded.filter(line => line.startsWith(`- ${module.name} `)),
	score: Number(recorded.find(line => line.startsWith(`| ${module.name} |`))?.match(/([\d.]+)% \|/)?.[1]),
	module,
}));
const kept = carried.filter(entry => entry.row !== undefined);

const oneLine = text => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 90);
const table = [
	'| module | file | mutants | killed | survived | equivalent | score | time | run at (UTC) |',
	'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
	...MODULES.flatMap(module => {
		const result = results.find(entry => entry.module === module);
		if (!result) return kept.filter(entry => entry.module === module).map(entry => entry.row);
		const {counts, score, seconds, date} = result;
		return [
			`| ${module.name} | ${module.mutate} | ${counts.mutants} | ${counts.killed} | ${counts.survived} | ${counts.equivalent} | ${score.toFixed(1)}% | ${seconds} s | ${date} |`,
		];
	}),
];
const survivorLines = MODULES.flatMap(module => {
	const result = results.find(entry => entry.module === module);
	if (!result) return kept.find(entry => entry.module === module)?.survivors ?? [];
	return result.survivors.map(
		s =>
			`- ${module.name} ${s.file}:${s.line} ${s.mutator} (${s.status}): \`${oneLine(s.original)}\` → \`${oneLine(s.replacement)}\`${s.reason ? ` — equivalent: ${s.reason}` : ' — not judged'}`,
	);
});
const doc = [
	'# Mutation scores',
	'',
	'Written by `npm run mutate` (StrykerJS 10, tap runner over `node --import tsx`, per-test-file coverage, 2 workers).',
	`Score = killed (timeouts included) / (mutants − equivalent). Goal: ≥ ${GOAL}% per module.`,
	`Each module runs only against its own test files (scripts/mutate.js lists them).`,
	'',
	...table,
	'',
	'## Survivors',
	'',
	...(survivorLines.length > 0 ? survivorLines : ['None.']),
	'',
];
writeFileSync('bench/mutation.md', doc.join('\n'));
console.log(table.join('\n'));
const below = [...results, ...kept].filter(result => !(result.score >= GOAL));
if (below.length > 0) {
	console.error(
		`below ${GOAL}%: ${below.map(result => `${result.module.name} ${result.score?.toFixed(1)}%`).join(', ')}`,
	);
	process.exitCode = 1;
}
