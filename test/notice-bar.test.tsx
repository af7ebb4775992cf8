import {test} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {NOTICE_HINT, noticeHelp, noticeLines} from '../source/components/notice-bar.tsx';

const warning =
	'Token file ~/.config/zylon-tui/token is readable by group or others (mode 644); run chmod 600 ~/.config/zylon-tui/token';

test('noticeLines: every notice whole, wrapped under its ⚠, the hint after the last, never wider than the screen', () => {
	assert.deepEqual(noticeLines([], 80), []);
	assert.deepEqual(noticeLines(['Demo workspace: sample data.'], 80), [
		`⚠ Demo workspace: sample data. · ${NOTICE_HINT}`,
	]);
	const lines = noticeLines([warning, 'Demo workspace: sample data.'], 60, 10);
	assert.ok(
		lines.every(line => stringWidth(line) <= 60),
		JSON.stringify(lines),
	);
	assert.equal(lines[0], '⚠ Token file ~/.config/zylon-tui/token is readable by group');
	assert.match(lines[1]!, /^ {2}or others/, 'continuations hang under the text');
	const text = lines.join(' ').replace(/\s+/g, ' ');
	assert.ok(text.includes(warning), text);
	assert.ok(text.includes('⚠ Demo workspace: sample data.'));
	assert.ok(text.includes(NOTICE_HINT));
});

test('noticeLines: past the row limit the last row says help has the rest', () => {
	const lines = noticeLines([warning, warning, warning], 40, 4);
	assert.equal(lines.length, 4);
	assert.match(lines[3]!, /^… \d+ more lines: \? lists the notices$/);
});

test('noticeHelp: each notice as short help entries under "start-up notices", the first marked ⚠', () => {
	const entries = noticeHelp([warning]);
	assert.ok(entries.length > 1);
	assert.deepEqual(
		entries.map(entry => entry.context),
		entries.map(() => 'start-up notices'),
	);
	assert.equal(entries[0]!.keys, '⚠');
	assert.ok(entries.slice(1).every(entry => entry.keys === ''));
	assert.equal(entries.map(entry => entry.action).join(' '), warning);
});
