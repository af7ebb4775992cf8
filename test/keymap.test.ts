import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bindings, footerBindings, resolveKeys} from '../source/keymap.ts';

test('a run of characters in one chunk becomes one command per character', () => {
	assert.deepEqual(resolveKeys('jjjj', {}), ['down', 'down', 'down', 'down']);
	assert.deepEqual(resolveKeys('jkG', {}), ['down', 'up', 'last']);
	assert.deepEqual(resolveKeys('x', {}), []);
});

test('named keys map to the same commands as their letters', () => {
	assert.deepEqual(resolveKeys('', {downArrow: true}), ['down']);
	assert.deepEqual(resolveKeys('', {pageDown: true}), ['next-page']);
	assert.deepEqual(resolveKeys('', {escape: true}), ['back']);
	assert.deepEqual(resolveKeys('', {backspace: true}), ['back']);
	assert.deepEqual(resolveKeys('', {tab: true}), ['focus-next']);
	assert.deepEqual(resolveKeys('', {tab: true, shift: true}), ['focus-previous']);
	assert.deepEqual(resolveKeys('c', {ctrl: true}), ['quit']);
	assert.deepEqual(resolveKeys('', {return: true}), ['open']);
});

test('every command of the key table has a key, and no character is bound twice', () => {
	const seen = new Set<string>();
	for (const binding of bindings) {
		assert.ok(binding.chars?.length || binding.named?.length, binding.command);
		for (const char of binding.chars ?? []) {
			assert.ok(!seen.has(char), `"${char}" bound twice`);
			seen.add(char);
		}
	}
});

test('the footer shows only what applies to the focused pane', () => {
	const list = footerBindings(['interactions']).map(binding => binding.action);
	const detail = footerBindings(['interactions', 'detail']).map(binding => binding.action);
	assert.ok(list.includes('quit') && list.includes('focus'));
	assert.ok(!list.includes('tabs'));
	assert.ok(detail.includes('tabs'));
});
