#!/usr/bin/env node
// End-to-end tests of n8n-nodes-b24 inside real n8n (1.123.50 on Node 20, 2.41.1 on Node 24).
//
//   node test/e2e/run.mjs [--version 1|2|all] [--no-build] [--keep] [--pack]
//
// Environment:
//   B24_E2E_SKIP_V2=1      skip the n8n 2.x leg (reported as SKIP)
//   N8N_E2E_CACHE=dir      where the n8n installs live (default ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-b24)
//   B24_E2E_NO_BUILD=1     same as --no-build (use the existing dist/)
//   B24_E2E_KEEP=1         same as --keep (keep the n8n user folders for inspection)
//   B24_E2E_TIMEOUT_MIN=20 watchdog on the tests of one version (installs have their own timeouts)
//   B24_E2E_ONLY=a,b       run only cases whose names contain one of these (case-insensitive)
//   B24_E2E_SKIP=a,b       skip cases whose names contain one of these
//   B24_E2E_LOG_DIR=dir    n8n command logs (default .n8n-e2e/logs)
//   B24_E2E_PACKAGE_ROOT=dir  link this package folder instead of the repository (e.g. an unpacked npm pack)
//   --pack, B24_E2E_PACK=1 link what `npm pack` would publish (unpacked, no node_modules) instead of the repository
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildWorkflows, foreignHostCase, runCases, secretsCase } from './cases.mjs';
import { startSink } from './lib/sink.mjs';
import { sandboxCase } from './sandbox.mjs';
import { buildTriggerWorkflows, triggerCases } from './triggers.mjs';
import { printSummary, Redactor, Suite } from './lib/check.mjs';
import { startEmulator } from './lib/emulator.mjs';
import { apiKeyCredential, oauthCredential, randomKey, webhookCredential, writeWorkflows } from './lib/fixtures.mjs';
import { cacheRoot, ensureN8n, VERSIONS } from './lib/install.mjs';
import { freePort, killAllChildren, N8nInstance, runMain } from './lib/n8n.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let PACKAGE_ROOT = path.resolve(process.env.B24_E2E_PACKAGE_ROOT || REPO);
const LOG_DIR = process.env.B24_E2E_LOG_DIR ? path.resolve(process.env.B24_E2E_LOG_DIR) : path.join(REPO, '.n8n-e2e', 'logs');

function parseArgs(argv) {
	const o = {
		version: 'all',
		build: process.env.B24_E2E_NO_BUILD !== '1',
		keep: process.env.B24_E2E_KEEP === '1',
		pack: process.env.B24_E2E_PACK === '1',
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--version' || a === '-v') o.version = argv[++i];
		else if (a.startsWith('--version=')) o.version = a.slice('--version='.length);
		else if (a === '--no-build') o.build = false;
		else if (a === '--keep') o.keep = true;
		else if (a === '--pack') o.pack = true;
		else if (a === '--help' || a === '-h') {
			const lines = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
			process.stdout.write(lines.slice(1, lines.findIndex((l) => l.startsWith('import'))).join('\n') + '\n');
			process.exit(0);
		} else {
			process.stderr.write(`unknown argument ${a}\n`);
			process.exit(2);
		}
	}
	if (!['1', '2', 'all'].includes(o.version)) {
		process.stderr.write(`--version must be 1, 2 or all (got ${o.version})\n`);
		process.exit(2);
	}
	return o;
}


function build() {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const logFile = path.join(LOG_DIR, 'build.log');
	process.stdout.write(`[e2e] npm run build (log: ${path.relative(REPO, logFile)})\n`);
	const t0 = Date.now();
	const r = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8', timeout: 10 * 60_000 });
	fs.writeFileSync(logFile, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
	if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status}); see ${logFile}`);
	process.stdout.write(`[e2e] build done in ${((Date.now() - t0) / 1000).toFixed(0)}s\n`);
}

/** `npm pack` the built package and unpack it: exactly the published files, no node_modules. */
function packPackage() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-e2e-pack-'));
	const r = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8', timeout: 5 * 60_000 });
	if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
	const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
	const t = spawnSync('tar', ['xzf', tgz], { cwd: dir, encoding: 'utf8' });
	if (t.status !== 0) throw new Error(`tar failed: ${t.stderr}`);
	process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
	process.stdout.write(`[e2e] testing the packed package ${tgz}\n`);
	return path.join(dir, 'package');
}

function checkBuilt() {
	const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
	for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(PACKAGE_ROOT, f))) throw new Error(`${f} is missing in ${PACKAGE_ROOT}: run npm run build first`);
	}
}

async function runVersion(key, opts) {
	const spec = VERSIONS[key];
	const label = `n8n ${spec.n8n} (${spec.node === 'system' ? `Node ${process.versions.node}` : `Node ${spec.node} from npm`})`;
	const redactor = new Redactor();
	const suite = new Suite(label, redactor.redact);
	process.stdout.write(`\n[e2e] ===== ${label} =====\n`);

	let install;
	const t0 = Date.now();
	try {
		install = await ensureN8n(spec);
	} catch (e) {
		suite.results.push({ name: `install n8n ${spec.n8n}`, ok: false, ms: Date.now() - t0, message: e.message });
		return { suite, timing: { install: (Date.now() - t0) / 1000 } };
	}
	const installSeconds = (Date.now() - t0) / 1000;
	process.stdout.write(`[e2e] n8n ${spec.n8n}: ${install.cached ? 'cached install' : `installed in ${installSeconds.toFixed(0)}s`} (${install.dir})\n`);

	// installs have their own timeouts; this bounds the tests of one version
	const watchdogMin = Number(process.env.B24_E2E_TIMEOUT_MIN ?? 20);
	const watchdog = setTimeout(() => {
		process.stderr.write(`[e2e] watchdog: the n8n ${spec.n8n} tests took more than ${watchdogMin} minutes; stopping\n`);
		killAllChildren('SIGKILL');
		process.exit(1);
	}, watchdogMin * 60_000);
	watchdog.unref();

	const apiKey = randomKey();
	const emu = await startEmulator(REPO, {
		plan: 'none',
		seed: { deal: 120 },
		apiKey: { mode: 'header', name: 'X-Api-Key', key: apiKey, userId: 1 },
	});
	const sink = await startSink();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `b24-e2e-n8n${key}-`));
	const logFile = path.join(LOG_DIR, `n8n-${spec.n8n}.log`);
	fs.mkdirSync(LOG_DIR, { recursive: true });
	fs.writeFileSync(logFile, '');
	const t1 = Date.now();
	try {
		const goodTokens = emu.issueTokens();
		const expiredTokens = emu.issueTokens({ expired: true });
		redactor.add(emu.secrets(), apiKey, goodTokens.access_token, goodTokens.refresh_token, expiredTokens.access_token, expiredTokens.refresh_token);

		const n8n = new N8nInstance({
			install: install,
			n8nBin: install.n8nBin,
			nodeBin: install.nodeBin,
			nodeDir: install.nodeDir,
			versionEnv: spec.env,
			userFolder,
			packageRoot: PACKAGE_ROOT,
			port: await freePort(),
			brokerPort: await freePort(),
			logFile,
			redact: redactor.redact,
		});
		n8n.prepare();

		const oauthApp = { portalUrl: emu.url, clientId: emu.oauth.clientId, clientSecret: emu.oauth.clientSecret, tokenUrl: emu.oauth.tokenUrl };
		const credentials = [
			webhookCredential('b24e2eCredWebhk0', 'E2E Bitrix24 Webhook', emu.webhookUrl),
			oauthCredential('b24e2eCredOAuth0', 'E2E Bitrix24 OAuth2', { ...oauthApp, tokens: goodTokens }),
			apiKeyCredential('b24e2eCredApiKy0', 'E2E Bitrix24 API Key', { portalUrl: emu.url, apiKey, sendKeyAs: 'header', headerName: 'X-Api-Key' }),
			oauthCredential('b24e2eCredOAExp0', 'E2E Bitrix24 OAuth2 (expired token)', { ...oauthApp, tokens: expiredTokens }),
		];
		const creds = {
			webhook: credentials[0],
			oAuth2: credentials[1],
			apiKey: credentials[2],
			oAuth2Expired: credentials[3],
		};

		const deals = emu.all('deal');
		if (!emu.openSession()) emu.seedAny(['chat', 'olChat'], 3);
		const session = emu.openSession();
		const ctx = {
			n8n,
			spec,
			emu,
			suite,
			redactor,
			redact: redactor.redact,
			creds,
			expiredTokens,
			badItemIds: [Number(deals[0].ID), 987654321, Number(deals[1].ID)],
			sessionId: session?.sessionId,
			sessionChatId: session?.chatId,
			sink,
		};
		const { workflows, ids } = buildWorkflows(ctx);
		ctx.ids = ids;
		workflows.push(...buildTriggerWorkflows(ctx));

		const credFile = path.join(userFolder, 'e2e-credentials.json');
		fs.writeFileSync(credFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		const wfDir = path.join(userFolder, 'e2e-workflows');
		writeWorkflows(wfDir, workflows);

		await suite.case('import credentials and workflows', async () => {
			await n8n.importCredentials(credFile);
			await n8n.importWorkflows(wfDir);
		});
		if (suite.failed === 0) {
			await runCases(ctx);
			await foreignHostCase(ctx);
			await secretsCase(ctx);
			// server mode (`n8n start`): the trigger nodes, after the CLI cases so nothing else touches the portal
			await triggerCases(ctx);
		} else suite.skip('workflow cases', 'import failed');
		if (spec.sandbox) {
			await suite.case('npm start sandbox: login, credentials, example workflow, clean Ctrl-C', () =>
				sandboxCase({ repo: REPO, install, spec, freePort, logDir: LOG_DIR, keep: opts.keep }),
			);
		}
	} catch (e) {
		suite.results.push({ name: 'harness', ok: false, ms: Date.now() - t1, message: redactor.redact(e.stack ?? String(e)) });
	} finally {
		clearTimeout(watchdog);
		await emu.stop().catch(() => {});
		await sink.stop().catch(() => {});
		if (opts.keep) process.stdout.write(`[e2e] kept user folder ${userFolder}\n`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	}
	process.stdout.write(`[e2e] n8n ${spec.n8n} log: ${path.relative(REPO, logFile)}\n`);
	return { suite, timing: { install: installSeconds, cached: install.cached, tests: (Date.now() - t1) / 1000 } };
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const started = Date.now();
	process.stdout.write(`[e2e] n8n cache: ${cacheRoot()}\n`);
	if (opts.build) build();
	if (opts.pack) PACKAGE_ROOT = packPackage();
	checkBuilt();

	let keys = opts.version === 'all' ? ['1', '2'] : [opts.version];
	const suites = [];
	const timings = [];
	for (const key of keys) {
		if (key === '2' && process.env.B24_E2E_SKIP_V2 === '1') {
			const s = new Suite(`n8n ${VERSIONS[key].n8n} (Node 24)`);
			s.skip(`n8n ${VERSIONS[key].n8n}`, 'B24_E2E_SKIP_V2=1');
			suites.push(s);
			continue;
		}
		const { suite, timing } = await runVersion(key, opts);
		suites.push(suite);
		timings.push({ version: VERSIONS[key].n8n, ...timing });
	}
	const totals = printSummary(suites);
	for (const t of timings) {
		process.stdout.write(
			`[e2e] n8n ${t.version}: install ${t.cached ? 'cached' : `${Math.round(t.install)}s (cold)`}, tests ${Math.round(t.tests ?? 0)}s\n`,
		);
	}
	process.stdout.write(`[e2e] total ${Math.round((Date.now() - started) / 1000)}s\n`);
	// a run where every leg was skipped tested nothing: it must not read as a pass
	if (totals.passed === 0 && totals.failed === 0) process.stdout.write('[e2e] every leg was skipped: nothing was tested\n');
	process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

runMain(main, 'e2e');
