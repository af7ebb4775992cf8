import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {openConnection} from '../source/commands/connect.ts';

test('the demo notice says why the demo opened: asked for, or nothing configured', async () => {
	const saved = {...process.env};
	// No config file, no URL, no profile: resolveConnection falls back to the demo.
	process.env['XDG_CONFIG_HOME'] = mkdtempSync(path.join(os.tmpdir(), 'zylon-connect-'));
	for (const name of ['ZYLON_URL', 'ZYLON_PROFILE', 'ZYLON_TOKEN']) delete process.env[name];
	try {
		const asked = await openConnection({demo: true});
		await asked.close();
		assert.equal(asked.demo, true);
		assert.match(asked.notices[0] ?? '', /built-in sample data, no server needed/);

		const unconfigured = await openConnection({});
		await unconfigured.close();
		assert.equal(unconfigured.demo, true);
		assert.match(unconfigured.notices[0] ?? '', /nothing is configured/);
	} finally {
		process.env = saved;
	}
});
