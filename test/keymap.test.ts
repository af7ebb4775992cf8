import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	bindings,
	footerBindings,
	inLayer,
	keyHints,
	keyOf,
	resolveKeys,
	KEY_LAYERS,
	type Binding,
} from '../source/keymap.ts';
import {editLine, type LineEdit} from '../source/state/line-edit.ts';

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

test('every command of the key table has a key, and no key is bound twice within a layer', () => {
	const layers = new Set(KEY_LAYERS);
	assert.equal(layers.size, 8);
	for (const context of bindings.map(b => b.context))
		assert.ok(
			KEY_LAYERS.some(layer => inLayer({context} as Binding, layer)),
			context,
		);
	for (const layer of layers) {
		const seen = new Set<string>();
		for (const binding of bindings.filter(b => inLayer(b, layer))) {
			assert.ok(binding.chars?.length || binding.named?.length, binding.command);
			for (const key of [...(binding.chars ?? []), ...(binding.named ?? [])]) {
				assert.ok(!seen.has(key), `"${key}" bound twice in ${layer}`);
				seen.add(key);
			}
		}
	}
});

test('the overview is a layer of its own: v opens it from the list, Enter drills down, Esc stops or closes, w and r', () => {
	assert.deepEqual(resolveKeys('v', {}), ['overview']);
	assert.deepEqual(resolveKeys('w', {}), ['window']);
	assert.deepEqual(resolveKeys('jjk', {}, 'overview'), ['down', 'down', 'up']);
	assert.deepEqual(resolveKeys('', {return: true}, 'overview'), ['open']);
	assert.deepEqual(resolveKeys('', {escape: true}, 'overview'), ['back']);
	assert.deepEqual(resolveKeys('wr?q', {}, 'overview'), ['window', 'reload', 'help', 'quit']);
	assert.deepEqual(resolveKeys('/e', {}, 'overview'), [], 'the list keys do nothing there');
});

test('an overlay has its own keys: p and 1-5 in the copy menu, ? closes the help, q quits the diff', () => {
	assert.deepEqual(resolveKeys('p', {}), ['projects']);
	assert.deepEqual(resolveKeys('p', {}, 'copy menu'), ['copy-page']);
	assert.deepEqual(resolveKeys('15', {}, 'copy menu'), ['copy-pick', 'copy-pick']);
	assert.deepEqual(resolveKeys('', {return: true}, 'copy menu'), ['copy-pick']);
	assert.deepEqual(resolveKeys('q', {}, 'copy menu'), [], 'q does nothing in the copy menu');
	assert.deepEqual(resolveKeys('?', {}, 'help'), ['back']);
	assert.deepEqual(resolveKeys('', {pageDown: true}, 'help'), ['next-page']);
	assert.deepEqual(resolveKeys('q', {}, 'diff'), ['quit']);
	assert.deepEqual(resolveKeys('c', {ctrl: true}, 'copy menu'), ['quit'], 'Ctrl-C quits in every layer');
	assert.deepEqual(resolveKeys('abc', {}, 'filter line'), [], 'printable keys are text on a line');
	assert.deepEqual(resolveKeys('', {escape: true}, 'filter line'), ['cancel']);
	assert.deepEqual(resolveKeys('', {delete: true}, 'search line'), ['erase']);
});

test('hint lines and key words come from the table', () => {
	assert.equal(keyHints('copy menu'), '1-5 or Enter copy · p pager · Esc close');
	assert.equal(keyHints('diff'), 'j/k PgDn/PgUp scroll · Esc close');
	assert.equal(keyHints('help'), '? or Esc to close · j/k PgDn/PgUp scroll');
	assert.equal(keyHints('filter line'), 'Enter apply · Esc cancel');
	assert.equal(keyHints('search line'), 'Enter find · Esc cancel');
	assert.equal(keyHints('picker filter'), 'Enter keep · Esc clear');
	assert.equal(keyOf('reload'), 'r');
	assert.equal(keyOf('quit'), 'q');
	assert.equal(keyOf('back', 'help'), '?');
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
		layer: () => (typing ? ('filter line' as const) : ('screen' as const)),
		edit: (edit: LineEdit) => {
			text = editLine(text, edit);
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
	text = '';
	routeKeys('/ab', {}, routes);
	routeKeys('', {backspace: true}, routes);
	routeKeys('', {delete: true}, routes);
	routeKeys('z\n', {}, routes);
	assert.equal(log.at(-1), 'commit z', 'Backspace and Delete erase; a newline commits like Enter');
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

test('a line is edited the same way everywhere: typed text appended, erase takes one code point', () => {
	assert.equal(editLine('tok', {type: 'type', text: 'e'}), 'toke');
	assert.equal(editLine('日本', {type: 'erase'}), '日');
	assert.equal(editLine('a😀', {type: 'erase'}), 'a', 'not half a surrogate pair');
	assert.equal(editLine('', {type: 'erase'}), '');
});

test('a key after the one that opened an overlay goes to the overlay, in the same chunk', async () => {
	const {routeKeys} = await import('../source/key-input.ts');
	let layer: 'screen' | 'copy menu' = 'screen';
	const log: string[] = [];
	const routes = {
		layer: () => layer,
		edit: () => log.push('edit'),
		cancel: () => log.push('cancel'),
		commit: () => log.push('commit'),
		run: (command: string, char: string) => {
			log.push(`${layer}:${command}:${char}`);
			if (command === 'copy') layer = 'copy menu';
			if (command === 'copy-pick') layer = 'screen';
		},
		quit: () => log.push('quit'),
	};
	routeKeys('jy3j', {}, routes);
	assert.deepEqual(log, ['screen:down:j', 'screen:copy:y', 'copy menu:copy-pick:3', 'screen:down:j']);
});
