import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Text} from 'ink';
import {SETTLE_MS, useSettled, useSettledSelection} from '../source/hooks/use-settled.ts';
import {mount} from './helpers/render.tsx';

function Settled({value}: {readonly value: string}) {
	return <Text>shown:{useSettled(value)}</Text>;
}

type Row = {readonly id: string; readonly output: string};

function Detail({row}: {readonly row: Row}) {
	const shown = useSettledSelection(row);
	return (
		<Text>
			detail:{shown?.id}/{shown?.output}
		</Text>
	);
}

test('a single change after a quiet spell shows at once; a burst shows only where it stops', async () => {
	const view = await mount(<Settled value="a" />);
	assert.equal(view.frame(), 'shown:a');
	await view.rerender(<Settled value="b" />);
	assert.equal(view.frame(), 'shown:b', 'no lag on a single key press');
	// A held key: each change comes before the last one settled.
	await view.rerender(<Settled value="c" />);
	await view.rerender(<Settled value="d" />);
	await view.rerender(<Settled value="e" />);
	assert.equal(view.frame(), 'shown:b', 'rows passed on the way are not drawn');
	await view.waitFor('shown:e', SETTLE_MS * 10);
	await view.unmount();
});

test('the detail follows its settled interaction as it changes (a streaming answer) without waiting', async () => {
	const view = await mount(<Detail row={{id: '1', output: 'x'}} />);
	await view.rerender(<Detail row={{id: '2', output: 'y'}} />);
	await view.rerender(<Detail row={{id: '3', output: 'z'}} />);
	assert.equal(view.frame(), 'detail:2/y');
	await view.waitFor('detail:3/z', SETTLE_MS * 10);
	// Same row, new content: shown at once, even right after a move.
	await view.rerender(<Detail row={{id: '3', output: 'z+more'}} />);
	assert.equal(view.frame(), 'detail:3/z+more');
	await view.unmount();
});
