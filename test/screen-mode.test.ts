import {test} from 'node:test';
import assert from 'node:assert/strict';
import {explorerReducer, initialExplorer, type ExplorerAction} from '../source/state/explorer.ts';
import {explorerLayout} from '../source/screens/explorer-layout.ts';
import {resolveKeys} from '../source/keymap.ts';

const apply = (...actions: ExplorerAction[]) => actions.reduce(explorerReducer, initialExplorer());
const next: ExplorerAction = {type: 'screen-mode', delta: 1};
const back: ExplorerAction = {type: 'screen-mode', delta: -1};

test('+ steps split → list only → detail only → split, _ steps back', () => {
	assert.deepEqual(resolveKeys('+_', {}), ['screen-next', 'screen-previous']);
	assert.equal(initialExplorer().screenMode, 'split');
	assert.deepEqual(
		[apply(next), apply(next, next), apply(next, next, next)].map(s => s.screenMode),
		['list', 'detail', 'split'],
	);
	assert.deepEqual(
		[apply(back), apply(back, back), apply(back, back, back)].map(s => s.screenMode),
		['detail', 'list', 'split'],
	);
});

test('a single pane is the focused one: entering it takes focus, and focus moves carry the pane along', () => {
	assert.equal(apply(next, next).focus, 'detail');
	assert.equal(apply(back, back).focus, 'list');
	// Enter in the list alone opens the detail alone; Esc comes back to the list alone.
	const opened = apply(next, {type: 'focus', focus: 'detail'});
	assert.deepEqual([opened.screenMode, opened.focus], ['detail', 'detail']);
	const closed = explorerReducer(opened, {type: 'focus', focus: 'list'});
	assert.deepEqual([closed.screenMode, closed.focus], ['list', 'list']);
	assert.equal(explorerReducer(closed, {type: 'focus'}).screenMode, 'detail', 'Tab too');
	// In the split, focus moves leave the mode alone, and going back to the split keeps the focus.
	const split = apply({type: 'focus', focus: 'detail'});
	assert.deepEqual([split.screenMode, split.focus], ['split', 'detail']);
	assert.equal(apply(next, next, next).focus, 'detail');
});

test('the layout: half the width for the list side by side, one pane filling the body in a single mode', () => {
	assert.deepEqual(explorerLayout(120, 39), {
		sideBySide: true,
		list: {width: 60, height: 38},
		detail: {width: 59, height: 38},
	});
	assert.deepEqual(explorerLayout(80, 23).list, {width: 80, height: 8});
	assert.equal(explorerLayout(80, 23).sideBySide, false);
	for (const [width, height] of [
		[120, 39],
		[80, 23],
	] as const) {
		assert.deepEqual(explorerLayout(width, height, 'list'), {
			sideBySide: false,
			list: {width, height: height - 1},
			detail: {width: 0, height: 0},
		});
		assert.deepEqual(explorerLayout(width, height, 'detail'), {
			sideBySide: false,
			list: {width: 0, height: 0},
			detail: {width, height: height - 1},
		});
	}
});
