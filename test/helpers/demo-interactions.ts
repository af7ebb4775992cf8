// Real demo data for the component tests: the demo generator's notable interactions (every block
// type, params, secrets, hostile strings) run through the real parser, so what the components are
// tested on is exactly what the explorer will give them.
import {parseInteraction} from '../../source/api/parse/index.ts';
import {buildWorkspace, findInteraction, type DemoFixtures} from '../../source/demo/data.ts';
import type {NotableKind} from '../../source/demo/notable.ts';
import type {Interaction} from '../../source/domain/types.ts';

export const DEMO_NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

let cached: {ws: ReturnType<typeof buildWorkspace>; byId: Map<string, Interaction>} | undefined;

function workspace() {
	cached ??= {
		ws: buildWorkspace({
			seed: 1,
			org: 'default',
			token: 'zdemo_test_token',
			interactions: 200,
			nowMs: DEMO_NOW,
		}),
		byId: new Map(),
	};
	return cached;
}

export function demoFixtures(): DemoFixtures {
	return workspace().ws.fixtures;
}

export function demoInteraction(kind: NotableKind): Interaction {
	const {ws, byId} = workspace();
	const id = ws.fixtures.interactions[kind];
	let parsed = byId.get(id);
	if (!parsed) {
		const found = findInteraction(ws, id);
		if (!found) throw new Error(`demo has no ${kind} interaction`);
		parsed = parseInteraction(found.dto);
		byId.set(id, parsed);
	}
	return parsed;
}
