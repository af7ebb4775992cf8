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

test('a chunk mixing a command and text types everything after the command, and Enter commits', async () => {
	const {routeKeys} = await import('../source/key-input.ts');
	let typing = false;
	let text = '';
	const log: string[] = [];
	const routes = {
		typing: () => typing,
		type: (char: string) => {
			text += char;
		},
		erase: () => {
			text = text.slice(0, -1);
		},
		cancel: () => {
			typing = false;
			log.push('cancel');
		},
		commit: () => {
			typing = false;
			log.push(`commit ${text}`);
		},
		run: (command: string) => {
			log.push(command);
			if (command === 'filter') typing = true;
		},
		quit: () => log.push('quit'),
	};
	routeKeys('j/state:error\rjj', {}, routes);
	assert.deepEqual(log, ['down', 'filter', 'commit state:error', 'down', 'down']);
	routeKeys('/', {}, routes);
	routeKeys('q', {}, routes);
	routeKeys('', {escape: true}, routes);
	routeKeys('c', {ctrl: true}, routes);
	assert.deepEqual(
		log.slice(5),
		['filter', 'cancel', 'quit'],
		'q was text while typing; Ctrl-C always quits',
	);
});

test('Tab inside a run of characters still moves focus', () => {
	assert.deepEqual(resolveKeys('\t/', {}), ['focus-next', 'filter']);
});

test('the tab keys come from the tab registry: one binding per tab, each showing its tab', async () => {
	const {DETAIL_TABS} = await import('../source/domain/detail-tabs.ts');
	const {tabOfCommand} = await import('../source/keymap.ts');
	for (const tab of DETAIL_TABS) {
		const [command] = resolveKeys(tab.key, {});
		assert.ok(command, `key ${tab.key} of the ${tab.id} tab is bound`);
		assert.equal(tabOfCommand(command), tab.id);
		const binding = bindings.find(b => b.command === command)!;
		assert.equal(binding.context, 'detail');
		assert.match(binding.action, new RegExp(tab.label));
	}
	const footer = footerBindings(['interactions', 'detail']).find(b => b.action === 'tabs');
	assert.equal(footer?.keys, `${DETAIL_TABS[0].key}-${DETAIL_TABS.at(-1)!.key}`);
	assert.equal(tabOfCommand('down'), undefined);
});
