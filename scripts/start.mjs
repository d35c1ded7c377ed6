#!/usr/bin/env node
// `npm start`: a local n8n (1.123.50 on this Node) with n8n-nodes-b24 loaded, ready credentials
// and an example workflow, talking to the Bitrix24 emulator (or to a real portal, see below).
// Ctrl-C stops n8n and the emulator and leaves nothing running.
//
// Environment (all optional):
//   B24_N8N_PORT=5678          the editor's port (127.0.0.1 only)
//   B24_EMULATOR_PORT=5690     the emulator's port (a free one is picked if it is taken)
//   B24_SANDBOX_FRESH=1        wipe the sandbox's n8n data (owner, workflows, executions) first
//   B24_SANDBOX_DIR=dir        the sandbox's n8n user folder (default <n8n cache>/sandbox)
//   B24_SANDBOX_EMAIL / B24_SANDBOX_PASSWORD   the owner login (default sandbox@example.com / Bitrix24-Sandbox)
//   N8N_E2E_CACHE=dir          where n8n is installed (shared with `npm run test:e2e`)
// A real portal instead of the emulator (any of these switches the emulator off):
//   B24_WEBHOOK_URL=https://your.bitrix24.com/rest/1/abc123/          → a webhook credential
//   B24_PORTAL_URL + B24_API_KEY [B24_USER_ID=1] [B24_API_KEY_MODE=webhookPath|header|queryParameter]
//                  [B24_API_KEY_NAME=X-Api-Key|auth]                  → an API key credential
//   B24_PORTAL_URL + B24_CLIENT_ID + B24_CLIENT_SECRET [B24_TOKEN_URL] → an OAuth2 credential (connect it in the editor)
//   B24_PLAN=standard|enterprise|none                                   → the portal's limits (default standard)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startEmulator } from '../test/e2e/lib/emulator.mjs';
import { apiKeyCredential, CRED, oauthCredential, randomKey, webhookCredential } from '../test/e2e/lib/fixtures.mjs';
import { cacheRoot, ensureN8n, VERSIONS } from '../test/e2e/lib/install.mjs';
import { freePort, killAllChildren, N8nInstance, trackChild, waitFor } from '../test/e2e/lib/n8n.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = VERSIONS[1];
const env = process.env;

const say = (msg) => process.stdout.write(`[sandbox] ${msg}\n`);

function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}


function realPortalCredentials() {
	const plan = env.B24_PLAN || 'standard';
	const creds = [];
	if (env.B24_WEBHOOK_URL) creds.push(webhookCredential('b24SandboxWebhk0', 'Bitrix24 Webhook (portal)', env.B24_WEBHOOK_URL, plan));
	if (env.B24_PORTAL_URL && env.B24_API_KEY) {
		const mode = env.B24_API_KEY_MODE || 'webhookPath';
		creds.push(
			apiKeyCredential(
				'b24SandboxApiKy0',
				'Bitrix24 API Key (portal)',
				{
					portalUrl: env.B24_PORTAL_URL,
					userId: env.B24_USER_ID || '1',
					apiKey: env.B24_API_KEY,
					sendKeyAs: mode,
					headerName: env.B24_API_KEY_NAME || 'X-Api-Key',
					parameterName: env.B24_API_KEY_NAME || 'auth',
				},
				plan,
			),
		);
	}
	if (env.B24_PORTAL_URL && env.B24_CLIENT_ID && env.B24_CLIENT_SECRET) {
		creds.push(
			oauthCredential(
				'b24SandboxOAuth0',
				'Bitrix24 OAuth2 (portal; click Connect)',
				{
					portalUrl: env.B24_PORTAL_URL,
					clientId: env.B24_CLIENT_ID,
					clientSecret: env.B24_CLIENT_SECRET,
					tokenUrl: env.B24_TOKEN_URL || 'https://oauth.bitrix.info/oauth/token/',
				},
				plan,
			),
		);
	}
	return creds;
}

function exampleWorkflow(cred, session) {
	const auth = Object.values(CRED).find((c) => c.type === cred.type).auth;
	let text = fs.readFileSync(path.join(REPO, 'scripts', 'sandbox', 'example-workflow.json'), 'utf8');
	const vars = {
		AUTH: auth,
		CRED_TYPE: cred.type,
		CRED_ID: cred.id,
		CRED_NAME: cred.name,
		SESSION_ID: session?.sessionId ?? 0,
		CLOSE_DISABLED: session ? 'false' : 'true',
	};
	for (const [k, v] of Object.entries(vars)) text = text.split(`__${k}__`).join(String(v));
	return JSON.parse(text);
}

/** Deal pipelines beside the default one, made as a portal makes them (crm.category.add adds their stages). */
async function addDealPipelines(emu, names) {
	for (const name of names) {
		const res = await fetch(`${emu.webhookUrl}crm.category.add`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ entityTypeId: 2, fields: { name } }),
			signal: AbortSignal.timeout(15_000),
		});
		if (!res.ok) throw new Error(`the emulator refused pipeline "${name}": HTTP ${res.status}`);
	}
}

async function setupOwner(baseUrl, email, password) {
	const res = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, firstName: 'Sandbox', lastName: 'Owner', password }),
		signal: AbortSignal.timeout(15_000),
	});
	if (res.ok) return 'created';
	const text = await res.text();
	if (/already setup/i.test(text)) return 'exists';
	throw new Error(`owner setup failed: HTTP ${res.status} ${text.slice(0, 200)}`);
}

async function main() {
	const t0 = Date.now();
	const real = realPortalCredentials();
	const root = cacheRoot();
	const userFolder = path.resolve(env.B24_SANDBOX_DIR || path.join(root, 'sandbox'));
	if (env.B24_SANDBOX_FRESH === '1') fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const logDir = path.join(userFolder, 'logs');
	fs.mkdirSync(logDir, { recursive: true });

	say(`n8n ${SPEC.n8n} (first start installs it into ${root}; about 5 minutes, once)`);
	const install = await ensureN8n(SPEC);

	let emu = null;
	let credentials;
	let session = null;
	const stopAll = [];
	if (real.length) {
		credentials = real;
		say(`real portal mode: ${credentials.map((c) => c.type).join(', ')} (the emulator is not started)`);
	} else {
		// the reference data the example workflow names (currencies, pipelines, stages, users): nothing opens flagged invalid
		const portal = JSON.parse(fs.readFileSync(path.join(REPO, 'scripts', 'sandbox', 'portal.json'), 'utf8'));
		const wanted = Number(env.B24_EMULATOR_PORT || 5690);
		const port = (await portFree(wanted)) ? wanted : 0;
		const apiKey = randomKey();
		emu = await startEmulator(REPO, {
			port,
			plan: 'none',
			seed: portal.seed,
			apiKey: { mode: 'header', name: 'X-Api-Key', key: apiKey, userId: 1 },
		});
		stopAll.push(() => emu.stop());
		await addDealPipelines(emu, portal.dealPipelines);
		if (!emu.openSession()) emu.seedAny(['chat', 'olChat'], 2);
		session = emu.openSession();
		const tokens = emu.issueTokens();
		const app = { portalUrl: emu.url, clientId: emu.oauth.clientId, clientSecret: emu.oauth.clientSecret, tokenUrl: emu.oauth.tokenUrl };
		credentials = [
			webhookCredential('b24SandboxWebhk0', 'Bitrix24 Webhook (emulator)', emu.webhookUrl),
			oauthCredential('b24SandboxOAuth0', 'Bitrix24 OAuth2 (emulator)', { ...app, tokens }),
			apiKeyCredential('b24SandboxApiKy0', 'Bitrix24 API Key (emulator)', { portalUrl: emu.url, apiKey, sendKeyAs: 'header', headerName: 'X-Api-Key' }),
		];
	}

	const n8nPort = Number(env.B24_N8N_PORT || 5678);
	if (!(await portFree(n8nPort))) throw new Error(`port ${n8nPort} is taken; set B24_N8N_PORT to another port`);
	const n8n = new N8nInstance({
		n8nBin: install.n8nBin,
		nodeBin: install.nodeBin,
		nodeDir: install.nodeDir,
		versionEnv: SPEC.env,
		userFolder,
		packageRoot: REPO,
		port: n8nPort,
		brokerPort: await freePort(),
		logFile: path.join(logDir, 'n8n-cli.log'),
	});
	n8n.prepare();

	// credentials hold secrets: write them for the import only, readable by this user only
	const credFile = path.join(userFolder, 'credentials-import.json');
	fs.writeFileSync(credFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	try {
		await n8n.importCredentials(credFile);
	} finally {
		fs.rmSync(credFile, { force: true });
	}
	const wfDir = path.join(userFolder, 'workflows-import');
	fs.rmSync(wfDir, { recursive: true, force: true });
	fs.mkdirSync(wfDir);
	const wf = exampleWorkflow(credentials[0], session);
	fs.writeFileSync(path.join(wfDir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
	await n8n.importWorkflows(wfDir);

	// start the server
	const serverLog = path.join(logDir, 'n8n-server.log');
	const out = fs.openSync(serverLog, 'a');
	const child = trackChild(
		spawn(install.nodeBin, [install.n8nBin, 'start'], {
			cwd: userFolder,
			env: n8n.env({ N8N_LOG_LEVEL: 'info', N8N_EDITOR_BASE_URL: `http://127.0.0.1:${n8nPort}/`, WEBHOOK_URL: `http://127.0.0.1:${n8nPort}/` }),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		}),
	);
	let ready = false;
	let exited = null;
	const onData = (d) => {
		fs.writeSync(out, d);
		if (String(d).includes('Editor is now accessible')) ready = true;
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	child.on('exit', (code, signal) => (exited = { code, signal }));

	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		say('stopping…');
		if (exited === null) {
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {}
			await waitFor(() => exited !== null, { timeoutMs: 20_000, what: 'n8n to stop' }).catch(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {}
			});
		}
		for (const fn of stopAll) await fn().catch(() => {});
		say('stopped; nothing is left running');
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	say(`starting n8n on http://127.0.0.1:${n8nPort} (log: ${serverLog})`);
	await waitFor(() => ready || exited, { timeoutMs: 180_000, intervalMs: 300, what: '"Editor is now accessible"' });
	if (exited) {
		say(`n8n exited early (${exited.code ?? exited.signal}); see ${serverLog}`);
		return stop(1);
	}
	const email = env.B24_SANDBOX_EMAIL || 'sandbox@example.com';
	const password = env.B24_SANDBOX_PASSWORD || 'Bitrix24-Sandbox';
	const owner = await setupOwner(`http://127.0.0.1:${n8nPort}`, email, password);

	const lines = [
		'',
		'  n8n with n8n-nodes-b24 is running',
		'',
		`  Editor:    http://127.0.0.1:${n8nPort}/workflow/${wf.id}`,
		owner === 'created'
			? `  Login:     ${email} / ${password}`
			: `  Login:     the owner set up earlier (default ${email} / ${password}; B24_SANDBOX_FRESH=1 resets)`,
		`  Credentials: ${credentials.map((c) => c.name).join(', ')}`,
	];
	if (emu) {
		lines.push(
			`  Emulator:  ${emu.url}  (demo deals, contacts, companies, users, currencies, pipelines${session ? `, Open Lines session ${session.sessionId}` : ''})`,
			`             request log: ${emu.url}/_emulator/log`,
		);
	}
	lines.push(`  Logs:      ${logDir}`, `  Ready in ${Math.round((Date.now() - t0) / 1000)}s. Press Ctrl-C to stop.`, '');
	process.stdout.write(lines.join('\n') + '\n');

	await waitFor(() => exited, { timeoutMs: 2 ** 31 - 1, intervalMs: 1000, what: 'n8n to exit' }).catch(() => {});
	if (!stopping) {
		say(`n8n exited (${exited?.code ?? exited?.signal}); see ${serverLog}`);
		await stop(1);
	}
}

process.on('exit', () => killAllChildren('SIGKILL'));
main().catch((e) => {
	process.stderr.write(`[sandbox] ${e.stack ?? e}\n`);
	process.exit(1);
});
