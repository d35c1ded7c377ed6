// Smoke test of `npm start` (scripts/start.mjs): it starts, the login and credentials work, the
// example workflow runs against the emulator, and Ctrl-C (SIGINT) leaves nothing running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { nodeItems } from './cases.mjs';
import { assert } from './lib/check.mjs';
import { N8nInstance, trackChild, waitFor } from './lib/n8n.mjs';

function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

export async function sandboxCase({ repo, install, spec, freePort, logDir, keep }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-e2e-sandbox-'));
	const n8nPort = await freePort();
	const emuPort = await freePort();
	const logFile = path.join(logDir, 'sandbox.log');
	let stdout = '';
	const child = trackChild(
		spawn(process.execPath, [path.join(repo, 'scripts', 'start.mjs')], {
			cwd: repo,
			env: {
				...process.env,
				B24_SANDBOX_DIR: dir,
				B24_N8N_PORT: String(n8nPort),
				B24_EMULATOR_PORT: String(emuPort),
				B24_WEBHOOK_URL: '',
				B24_PORTAL_URL: '',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		}),
	);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stdout += d));
	try {
		await waitFor(() => stdout.includes('Press Ctrl-C') || exited, { timeoutMs: 240_000, what: 'the sandbox banner' });
		assert.ok(!exited, `npm start exited early: ${stdout.slice(-800)}`);
		const base = `http://127.0.0.1:${n8nPort}`;
		assert.ok(stdout.includes(`${base}/workflow/`), 'the banner prints the editor URL');
		const login = stdout.match(/Login:\s+(\S+) \/ (\S+)/);
		assert.ok(login, 'the banner prints a login');

		const res = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: login[1], email: login[1], password: login[2] }),
			signal: AbortSignal.timeout(15_000),
		});
		assert.equal(res.status, 200, `the printed login works (HTTP ${res.status})`);
		const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
		const get = async (p) => (await (await fetch(`${base}${p}`, { headers: { cookie }, signal: AbortSignal.timeout(15_000) })).json()).data;
		const creds = await get('/rest/credentials');
		assert.deepEqual(
			creds.map((c) => c.type).sort(),
			['bitrix24ApiKeyApi', 'bitrix24OAuth2Api', 'bitrix24WebhookApi'],
			'credentials of all three types',
		);
		const workflows = await get('/rest/workflows');
		assert.ok(workflows.some((w) => w.id === 'b24SandboxDemo00'), 'the example workflow is imported');
		const types = await (await fetch(`${base}/types/nodes.json`, { headers: { cookie }, signal: AbortSignal.timeout(15_000) })).json();
		assert.ok(types.some((t) => t.name === 'n8n-nodes-b24.bitrix24'), 'the editor lists the Bitrix24 node');

		// run the example workflow against the live emulator with the CLI on the sandbox's data
		const cli = new N8nInstance({
			n8nBin: install.n8nBin,
			nodeBin: install.nodeBin,
			nodeDir: install.nodeDir,
			versionEnv: spec.env,
			userFolder: dir,
			packageRoot: repo,
			port: await freePort(),
			brokerPort: await freePort(),
			logFile,
		});
		const run = await cli.execute('b24SandboxDemo00');
		assert.equal(run.code, 0, `the example workflow runs: ${(run.raw.stderr || run.raw.stdout).slice(-600)}`);
		assert.equal(nodeItems(run.run, 'Get Many Deals').length, 10, 'Get Many Deals returns 10 deals');
		assert.ok(Number(nodeItems(run.run, 'Create Deal')[0].json.id) > 0, 'Create Deal returns an id');
		assert.equal(nodeItems(run.run, 'Close Open Lines Session')[0].json.closed, true, 'the demo Open Lines session closes');
	} finally {
		if (!exited) {
			try {
				process.kill(child.pid, 'SIGINT'); // what Ctrl-C sends
			} catch {}
		}
		await waitFor(() => exited, { timeoutMs: 40_000, what: 'npm start to stop after Ctrl-C' }).catch((e) => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {}
			throw e;
		});
		fs.writeFileSync(path.join(logDir, 'sandbox-stdout.log'), stdout);
		if (!keep) fs.rmSync(dir, { recursive: true, force: true });
	}
	assert.equal(exited.code, 0, `npm start exits 0 after Ctrl-C (got ${exited.code ?? exited.signal})`);
	assert.ok(stdout.includes('nothing is left running'), 'it says it stopped everything');
	assert.ok(await portFree(n8nPort), `n8n's port ${n8nPort} is free again`);
	assert.ok(await portFree(emuPort), `the emulator's port ${emuPort} is free again`);
}
