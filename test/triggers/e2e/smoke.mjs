#!/usr/bin/env node
// Real-n8n smoke test of the two trigger nodes (server mode), for the e2e engineer to fold into
// test/e2e. Builds the package into a temp dir (the repo's dist/ and package.json are untouched),
// links it into a fresh N8N_USER_FOLDER, starts the emulator and `n8n start`, and checks:
//   activation → event.bind per event with the production URL + secret; deliveries answered 200;
//   a forged request refused; executions carry the fetched record and no tokens; the polling
//   trigger emits the new deal once; deactivation (REST) → event.unbind; re-activation → one
//   binding per event; a restart keeps the bindings (checkExists true, no new event.bind).
//
//   node test/triggers/e2e/smoke.mjs        (N8N_BIN=/path/to/n8n/bin/n8n to pick an install)
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { startEmulator } = await import(path.join(REPO, 'test/e2e/lib/emulator.mjs'));
const N8N = process.env.N8N_BIN ?? path.join(os.homedir(), '.cache/n8n-nodes-b24/n8n-1.123.50/node_modules/n8n/bin/n8n');
const TRIGGER_NODES = ['dist/nodes/Bitrix24Trigger/Bitrix24Trigger.node.js', 'dist/nodes/Bitrix24PollingTrigger/Bitrix24PollingTrigger.node.js'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-trigger-e2e-'));
const pkg = path.join(work, 'pkg');
const home = path.join(work, 'home');
const PORT = 5700 + Math.floor(Math.random() * 200);
const BASE = `http://127.0.0.1:${PORT}`;
let failures = 0;
const check = async (name, fn) => {
	try {
		await fn();
		process.stdout.write(`PASS ${name}\n`);
	} catch (error) {
		failures++;
		process.stdout.write(`FAIL ${name}: ${error.message}\n`);
	}
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// 1. build into a temp package
const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', path.join(pkg, 'dist'), '--incremental', 'false', '--tsBuildInfoFile', 'null'], { cwd: REPO, encoding: 'utf8' });
// tsc still emits on type errors (other areas may be mid-edit); only missing output is fatal
if (tsc.status) process.stdout.write(`tsc reported:\n${tsc.stdout}${tsc.stderr}\n`);
for (const f of ['dist/nodes/Bitrix24/Bitrix24.node.js', ...TRIGGER_NODES]) if (!fs.existsSync(path.join(pkg, f))) throw new Error(`build produced no ${f}`);
for (const dir of ['nodes', 'credentials']) {
	for (const f of fs.readdirSync(path.join(REPO, dir), { recursive: true })) {
		if (String(f).endsWith('.svg')) fs.copyFileSync(path.join(REPO, dir, f), path.join(pkg, 'dist', dir, f));
	}
}
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
for (const n of TRIGGER_NODES) if (!manifest.n8n.nodes.includes(n)) manifest.n8n.nodes.push(n);
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2));
fs.mkdirSync(path.join(home, '.n8n/nodes/node_modules'), { recursive: true });
fs.symlinkSync(pkg, path.join(home, '.n8n/nodes/node_modules/n8n-nodes-b24'));

const env = {
	PATH: process.env.PATH,
	HOME: process.env.HOME,
	N8N_USER_FOLDER: home,
	DB_TYPE: 'sqlite',
	DB_SQLITE_POOL_SIZE: '2',
	N8N_ENCRYPTION_KEY: 'test-encryption-key-0123456789',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_LOG_LEVEL: 'info',
	N8N_PORT: String(PORT),
	N8N_LISTEN_ADDRESS: '127.0.0.1',
	WEBHOOK_URL: `${BASE}/`,
	N8N_WEBHOOK_URL: `${BASE}/`,
	N8N_RUNNERS_BROKER_PORT: String(PORT + 1000),
};
const n8n = (args) => {
	const r = spawnSync('node', [N8N, ...args], { env, encoding: 'utf8' });
	if (r.status) throw new Error(`n8n ${args.join(' ')}: ${r.stdout}${r.stderr}`);
	return r.stdout;
};

// 2. emulator, credentials, workflows
const emu = await startEmulator(REPO, { limits: false, plan: 'none' });
const raw = emu.inst;
const tokens = await raw.issueTokens();
const creds = [
	{
		id: 'credOauth0000001',
		name: 'oauth',
		type: 'bitrix24OAuth2Api',
		data: { portalUrl: emu.url, clientId: emu.oauth.clientId, clientSecret: emu.oauth.clientSecret, accessTokenUrl: emu.oauth.tokenUrl, grantType: 'authorizationCode', authentication: 'body', scope: '', authQueryParameters: '', plan: 'none', maxWaitSeconds: 120, oauthTokenData: tokens },
	},
	{ id: 'credHook00000001', name: 'hook', type: 'bitrix24WebhookApi', data: { webhookUrl: emu.webhookUrl, plan: 'none', maxWaitSeconds: 120 } },
];
fs.writeFileSync(path.join(work, 'creds.json'), JSON.stringify(creds));
const fill = (name, vars) => {
	let text = fs.readFileSync(path.join(REPO, 'test/triggers/e2e', `${name}.json`), 'utf8');
	for (const [k, v] of Object.entries(vars)) text = text.split(`__${k}__`).join(v);
	return JSON.parse(text);
};
const SUB = 'wfTrigSub0000001';
const OUT = 'wfTrigOut0000001';
const POLL = 'wfTrigPoll000001';
const subUrl = `${BASE}/webhook/b24-sub-hook-1/webhook`;
const outUrl = `${BASE}/webhook/b24-out-hook-1/webhook`;
const workflows = [
	fill('trigger-subscribe', { WF_ID: SUB, WEBHOOK_ID: 'b24-sub-hook-1', CRED_ID: 'credOauth0000001', CRED_NAME: 'oauth' }),
	fill('trigger-outgoing', { WF_ID: OUT, WEBHOOK_ID: 'b24-out-hook-1', AUTH: 'webhook', CRED_TYPE: 'bitrix24WebhookApi', CRED_ID: 'credHook00000001', CRED_NAME: 'hook', APP_TOKEN: 'out-token-123' }),
	fill('polling', { WF_ID: POLL, AUTH: 'webhook', CRED_TYPE: 'bitrix24WebhookApi', CRED_ID: 'credHook00000001', CRED_NAME: 'hook' }),
];
fs.mkdirSync(path.join(work, 'wf'));
for (const w of workflows) fs.writeFileSync(path.join(work, 'wf', `${w.id}.json`), JSON.stringify(w));
n8n(['import:credentials', `--input=${path.join(work, 'creds.json')}`]);
n8n(['import:workflow', '--separate', `--input=${path.join(work, 'wf')}`]);
for (const w of workflows) n8n(['update:workflow', `--id=${w.id}`, '--active=true']);

let server;
let log = '';
async function startN8n() {
	server = spawn('node', [N8N, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	server.stdout.on('data', (d) => (log += d));
	server.stderr.on('data', (d) => (log += d));
	const t0 = Date.now();
	while (!log.includes('Editor is now accessible')) {
		if (Date.now() - t0 > 120_000) throw new Error(`n8n did not start:\n${log.slice(-3000)}`);
		await sleep(250);
	}
}
async function stopN8n() {
	const exited = new Promise((r) => server.once('exit', r));
	server.kill('SIGTERM');
	await exited;
	log = '';
}
const appBindings = async () => {
	const r = await fetch(`${emu.url}/rest/event.get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: tokens.access_token }) });
	return (await r.json()).result.filter((b) => b.handler.split('?')[0] === subUrl);
};
const rest = async (method, params) =>
	(await fetch(emu.webhookUrl + method, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) })).json();

try {
	raw.clearLog();
	await startN8n();

	await check('activation binds each event to the production URL with a secret', async () => {
		const binds = raw.calls('event.bind').map((c) => c.params);
		assert.deepEqual(binds.map((b) => b.event).sort(), ['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
		for (const b of binds) assert.match(b.handler, new RegExp(`^${subUrl.replace(/[.?]/g, '\\$&')}\\?b24secret=[A-Za-z0-9_-]{40,}$`));
		assert.equal((await appBindings()).length, 2);
	});

	raw.outgoingWebhook(outUrl, ['ONCRMLEADADD'], 'out-token-123');
	const deal = await rest('crm.item.add', { entityTypeId: 2, fields: { title: 'Real n8n deal' } });
	await rest('crm.lead.add', { fields: { TITLE: 'Real n8n lead' } });
	await raw.deliveriesSettled();

	await check('deliveries are answered 200', async () => {
		const statuses = raw.deliveries.map((d) => [d.event, d.status]);
		assert.deepEqual(statuses, [['ONCRMDEALADD', 200], ['ONCRMLEADADD', 200]]);
	});
	await check('a forged request is refused (403 wrong secret, 401 none, 403 wrong token)', async () => {
		const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
		assert.equal((await post(`${subUrl}?b24secret=wrong`, 'event=ONCRMDEALADD&data%5BFIELDS%5D%5BID%5D=1')).status, 403);
		assert.equal((await post(subUrl, 'event=ONCRMDEALADD&data%5BFIELDS%5D%5BID%5D=1')).status, 401);
		assert.equal((await post(outUrl, 'event=ONCRMLEADADD&data%5BFIELDS%5D%5BID%5D=1&auth%5Bapplication_token%5D=nope')).status, 403);
	});

	// the poller ticks every 10 s; its activation poll set the cursor before the deal was created
	await sleep(22_000);

	await check('the Subscribe (OAuth2) execution holds the fetched deal and no token', async () => {
		const ex = executions().filter((e) => e.workflowId === SUB);
		assert.equal(ex.length, 1);
		assert.equal(ex[0].status, 'success');
		assert.ok(ex[0].data.includes('Real n8n deal') && ex[0].data.includes('ONCRMDEALADD'));
		for (const secret of ['application_token', 'access_token', 'b24secret', tokens.access_token]) assert.ok(!ex[0].data.includes(secret), secret);
	});
	await check('the Outgoing Webhook execution holds the lead event only', async () => {
		const ex = executions().filter((e) => e.workflowId === OUT);
		assert.equal(ex.length, 1);
		assert.ok(ex[0].data.includes('ONCRMLEADADD') && !ex[0].data.includes('out-token-123'));
	});
	await check('the Polling execution emitted the new deal exactly once', async () => {
		const ex = executions().filter((e) => e.workflowId === POLL);
		assert.equal(ex.length, 1);
		assert.ok(ex[0].data.includes('Real n8n deal'));
		void deal;
	});

	// REST: owner, login, deactivate, activate
	await fetch(`${BASE}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'e2e@example.com', firstName: 'E', lastName: 'E', password: 'Trigger-E2e-1' }) });
	const login = await fetch(`${BASE}/rest/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ emailOrLdapLoginId: 'e2e@example.com', email: 'e2e@example.com', password: 'Trigger-E2e-1' }) });
	const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	const api = async (method, p, body) => {
		const r = await fetch(`${BASE}/rest${p}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
		const json = await r.json().catch(() => ({}));
		if (!r.ok) throw new Error(`${method} ${p}: HTTP ${r.status} ${JSON.stringify(json).slice(0, 300)}`);
		return json.data;
	};

	await check('deactivation unbinds every event of the node', async () => {
		raw.clearLog();
		await api('POST', `/workflows/${SUB}/deactivate`);
		assert.deepEqual(raw.calls('event.unbind').map((c) => c.params.event).sort(), ['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
		assert.equal((await appBindings()).length, 0);
	});
	await check('re-activation leaves exactly one binding per event', async () => {
		const wf = await api('GET', `/workflows/${SUB}`);
		await api('POST', `/workflows/${SUB}/activate`, { versionId: wf.versionId });
		const own = await appBindings();
		assert.deepEqual(own.map((b) => b.event).sort(), ['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
		assert.equal(new Set(own.map((b) => b.handler)).size, 1);
	});
	await check('a restart keeps the bindings (checkExists true: no new event.bind)', async () => {
		const before = (await appBindings()).map((b) => b.handler);
		await stopN8n();
		raw.clearLog();
		await startN8n();
		assert.equal(raw.calls('event.bind').length, 0);
		assert.deepEqual((await appBindings()).map((b) => b.handler), before);
	});
} finally {
	if (server && server.exitCode === null) await stopN8n().catch(() => undefined);
	await raw.stop();
	fs.writeFileSync(path.join(work, 'n8n.log'), log);
	process.stdout.write(`${failures ? 'FAILED' : 'OK'} (${work})\n`);
	process.exit(failures ? 1 : 0);
}

function executions() {
	const py = spawnSync(
		'python3',
		[
			'-c',
			`import sqlite3, json, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("select e.id, e.workflowId, e.status, d.data from execution_entity e join execution_data d on d.executionId = e.id order by e.id").fetchall()
print(json.dumps([{"id": r[0], "workflowId": r[1], "status": r[2], "data": r[3]} for r in rows]))`,
			path.join(home, '.n8n/database.sqlite'),
		],
		{ encoding: 'utf8' },
	);
	if (py.status) throw new Error(py.stderr);
	return JSON.parse(py.stdout);
}
