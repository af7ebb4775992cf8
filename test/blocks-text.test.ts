// The reference page's block shape ({data, mime_type, filename}, no `type`) is the binary/file member of the block
// union: with a text-like mime type its text is shown, searched and counted as output.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {parseBlock} from '../source/api/parse/blocks.ts';
import {isTextMime} from '../source/api/parse/blocks.ts';
import {detailLines} from '../source/domain/detail-tabs.ts';
import {transcriptMarkdown} from '../source/domain/export-text.ts';
import {searchableText} from '../source/domain/filter-match.ts';
import {promptSummary} from '../source/domain/row.ts';
import {transcriptLines} from '../source/domain/transcript.ts';
import {triageFlags} from '../source/domain/triage.ts';
import type {ContentBlock} from '../source/domain/types.ts';
import {matchingLines} from '../source/lib/wrap.ts';
import {TEXT_FILE_NOTES} from '../source/demo/notable-parts.ts';
import {DEMO_NOW, demoInteraction} from './helpers/demo-interactions.ts';
import {interaction, NOW} from './helpers/fixtures.ts';

const ESC = '\u001B';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const textOf = (block: ContentBlock) => (block.type === 'binary' ? block.text : undefined);

describe('parsing the type-less file block', () => {
	test('text-like: base64 of valid UTF-8 is decoded, anything else shown as given', () => {
		const note = parseBlock({
			data: b64('Rotate the key.\nOn call: Bao ✓'),
			mime_type: 'text/plain',
			filename: 'n.txt',
		});
		assert.deepEqual(note, {
			type: 'binary',
			mimeType: 'text/plain',
			filename: 'n.txt',
			dataLength: 44,
			isUrl: false,
			bytes: 32,
			text: 'Rotate the key.\nOn call: Bao ✓',
		});
		assert.equal(textOf(parseBlock({data: '{"a": 1}', mime_type: 'application/json'})), '{"a": 1}');
		assert.equal(textOf(parseBlock({data: 'plain words', mime_type: 'text/markdown'})), 'plain words');
		// Valid base64 whose bytes are not UTF-8 (0xff), or hold a NUL, is not text: shown as given.
		assert.equal(textOf(parseBlock({data: '/w==', mime_type: 'text/plain'})), '/w==');
		assert.equal(textOf(parseBlock({data: 'AAAA', mime_type: 'text/plain'})), 'AAAA');
		// Line breaks inside base64 (MIME style) still decode.
		const wrapped = b64('x'.repeat(90)).replace(/(.{76})/, '$1\r\n');
		assert.equal(textOf(parseBlock({data: wrapped, mime_type: 'text/plain; charset=utf-8'})), 'x'.repeat(90));
		// A typed binary block with a text mime type is the same member.
		assert.equal(
			textOf(parseBlock({type: 'binary', data: b64('a,b\n1,2'), mime_type: 'text/csv'})),
			'a,b\n1,2',
		);
	});

	test('the decoded text is sanitised like any server text', () => {
		const hostile = `ok ${ESC}]52;c;${b64('rm -rf /')}\u0007${ESC}[2Jdone\u202E`;
		const text = textOf(parseBlock({data: b64(hostile), mime_type: 'text/plain'}));
		assert.equal(text, 'ok done');
		assert.equal(textOf(parseBlock({data: hostile, mime_type: 'text/plain'})), 'ok done');
	});

	test('other mime types keep only mime type, filename and size in bytes', () => {
		const pdf = parseBlock({data: b64('%PDF-1.7 binary'), mime_type: 'application/pdf', filename: 'r.pdf'});
		assert.deepEqual(pdf, {
			type: 'binary',
			mimeType: 'application/pdf',
			filename: 'r.pdf',
			dataLength: 20,
			isUrl: false,
			bytes: 15,
		});
		const url = parseBlock({data: 'https://cdn.example/r.txt', mime_type: 'text/plain'});
		assert.ok(url.type === 'binary' && url.isUrl && url.text === undefined && url.bytes === undefined);
	});

	test('isTextMime', () => {
		for (const mime of [
			'text/plain',
			'TEXT/CSV',
			'text/html; charset=utf-8',
			'application/json',
			'application/xml',
			'application/yaml',
			'application/x-yaml',
			'application/ld+json',
			'application/vnd.api+json',
			'application/atom+xml',
		])
			assert.ok(isTextMime(mime), mime);
		for (const mime of [
			undefined,
			'',
			'application/pdf',
			'application/octet-stream',
			'image/svg',
			'application/jsonx',
		])
			assert.ok(!isTextMime(mime), String(mime));
	});
});

describe('a text file block in the explorer', () => {
	const block = {data: b64('Nightly import: 3 tables late.'), mime_type: 'text/plain', filename: 'notes.txt'};
	const withOutput = (content: unknown[]) =>
		interaction({
			output: {stopReason: 'end_turn', content: content.map(item => parseBlock(item)), errors: []},
		});

	test('shown under a label naming file, mime type and size; searchable; counted as output', () => {
		const it = withOutput([block]);
		const lines = transcriptLines(it, {systemExpanded: false});
		const label = lines.findIndex(line => line.text === '  file notes.txt (text/plain, 30 B)');
		assert.ok(label >= 0, JSON.stringify(lines));
		assert.deepEqual(lines[label + 1], {text: '    Nightly import: 3 tables late.', style: 'text'});
		const wrapped = detailLines(it, 'transcript', 20, {systemExpanded: false, nowMs: NOW});
		assert.ok(matchingLines(wrapped, 'tables late').length > 0, 'the detail search finds it');
		assert.match(searchableText(it), /3 tables late/, 'the list filter finds it');
		assert.deepEqual(triageFlags(it, NOW), [], 'not flagged empty');
		assert.match(
			transcriptMarkdown(it),
			/\*\*file\*\* notes\.txt \(text\/plain, 30 B\)\n\n```\nNightly import: 3 tables late\.\n```/,
		);

		const blank = withOutput([{...block, data: b64('  \n')}]);
		assert.deepEqual(triageFlags(blank, NOW), ['empty'], 'whitespace only is still empty');
		const pdf = withOutput([{data: b64('%PDF'), mime_type: 'application/pdf', filename: 'r.pdf'}]);
		assert.deepEqual(triageFlags(pdf, NOW), ['empty'], 'a described binary is not text output');
		assert.ok(
			transcriptLines(pdf, {systemExpanded: false}).some(
				line => line.text === '  binary (application/pdf, r.pdf) · 4 B',
			),
		);
	});

	test('a prompt that is only a text file shows its first line in the list', () => {
		assert.equal(
			promptSummary({role: 'user', content: [parseBlock(block)]}),
			'Nightly import: 3 tables late.',
		);
	});

	test('the demo has one: its notes are shown and it is not flagged empty', () => {
		const it = demoInteraction('textFile');
		assert.equal(it.state, 'Completed');
		assert.deepEqual(triageFlags(it, DEMO_NOW), []);
		const text = transcriptLines(it, {systemExpanded: false})
			.map(line => line.text)
			.join('\n');
		for (const line of TEXT_FILE_NOTES.split('\n')) assert.ok(text.includes(line), line);
		assert.match(text, /file oncall-notes\.txt \(text\/plain, 83 B\)/);
		assert.match(text, /file status\.json \(application\/json, 45 B\)\n {4}\{"status": "degraded"/);
		assert.match(text, /binary \(application\/pdf, runbook\.pdf\) · \d+ B/);
	});
});
