#!/usr/bin/env node
// The node in n8n's own editor, in a real browser (Debian's Chromium driven by puppeteer-core):
// sign in, open a workflow with a Bitrix24 Deal → Update node, pick the deal From List by typing
// part of its title, open the field mapper, check that a custom list field shows its labels, set it,
// run the node with "Execute step", and check on the emulator's request log that the update carried
// the deal's ID and the chosen option's ID. Screenshots of every step go to .n8n-e2e/screenshots/.
//
//   npm run test:browser            (builds first)
//   node test/e2e/browser.mjs       (uses the built dist/)
//   node test/e2e/browser.mjs --update-docs   also copy the README's pictures to docs/images/ (after a passing run)
//
// Environment:
//   B24_BROWSER_CHROMIUM=path     the browser (default /usr/bin/chromium; .ci/run installs it when missing)
//   B24_BROWSER_SCREENSHOTS=dir   where the screenshots go (default .n8n-e2e/screenshots)
//   B24_BROWSER_TIMEOUT_MIN=10    watchdog on the whole run (the n8n install has its own timeout)
//   B24_E2E_PACKAGE_ROOT=dir      link this package folder instead of the repository
//   N8N_E2E_CACHE=dir             where the n8n installs live (shared with `npm run test:e2e`)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import puppeteer from 'puppeteer-core';

import { assert, printSummary, Redactor, Suite } from './lib/check.mjs';
import { startEmulator } from './lib/emulator.mjs';
import { makeId, webhookCredential, workflowFromFixture, writeWorkflows } from './lib/fixtures.mjs';
import { cacheRoot, ensureN8n, VERSIONS } from './lib/install.mjs';
import { freePort, killAllChildren, N8nInstance, runMain, waitFor } from './lib/n8n.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGE_ROOT = path.resolve(process.env.B24_E2E_PACKAGE_ROOT || REPO);
const SHOTS = path.resolve(process.env.B24_BROWSER_SCREENSHOTS || path.join(REPO, '.n8n-e2e', 'screenshots'));
const LOG_DIR = path.join(REPO, '.n8n-e2e', 'logs');
const SPEC = VERSIONS[1];
const OWNER = { email: 'browser-e2e@example.com', password: 'Browser-E2e-1' };
const WF_ID = makeId('b24Browser');
const NODE_NAME = 'Update Deal';
// n8n marks a locator with the parameter's name: the deal locator of node version 2 is `deal`
const LOCATOR = '[data-test-id="resource-locator-deal"]';
// what the test seeds on the portal and then looks for in the editor
const FIELD = { name: 'TIER', label: 'Customer Tier', options: ['Gold', 'Silver', 'Bronze'], pick: 'Silver' };
const DEALS = ['Orbital Rocket Fuel Supply', 'Rocket Engine Service Contract', 'Harbour Crane Lease'];
const SEARCH = 'Rocket';
const PICK = 'Rocket Engine Service Contract';
// the screenshots the README shows
const DOC_IMAGES = { '03-locator-search': 'editor-deal-from-list.png', '05-mapper-list-field': 'editor-mapper-list-field.png', '06-executed': 'editor-executed.png' };
const UI_TIMEOUT = 60_000; // generous: CI machines are small and n8n's editor is heavy
// poll on a timer: a headless page may paint rarely, and the default polling waits for paints
const POLL = 200;

const tid = (id) => `[data-test-id="${id}"]`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


function chromiumPath() {
	const wanted = process.env.B24_BROWSER_CHROMIUM;
	const candidates = wanted ? [wanted] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((c) => fs.existsSync(c));
	if (!found) throw new Error(`Chromium not found at ${candidates.join(' or ')}: install it (apt-get install -y chromium; .ci/run does this) or set B24_BROWSER_CHROMIUM`);
	return found;
}

function checkBuilt() {
	const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
	for (const f of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(PACKAGE_ROOT, f))) throw new Error(`${f} is missing in ${PACKAGE_ROOT}: run npm run build first`);
	}
}

/** One REST call to the emulator through the webhook, as any Bitrix24 client would make it. */
async function portal(emu, method, params) {
	const res = await fetch(`${emu.webhookUrl}${method}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(params),
		signal: AbortSignal.timeout(15_000),
	});
	const body = await res.json();
	if (!res.ok || body.error) throw new Error(`${method}: HTTP ${res.status} ${body.error ?? ''} ${body.error_description ?? ''}`);
	return body.result;
}

/** The custom list field and the deals the editor will show; returns what the assertions need. */
async function seedPortal(emu) {
	// crm.deal.userfield.add (api-reference/crm/deals/user-defined-fields/crm-deal-userfield-add.md)
	await portal(emu, 'crm.deal.userfield.add', {
		fields: {
			FIELD_NAME: FIELD.name,
			USER_TYPE_ID: 'enumeration',
			LABEL: FIELD.label,
			LIST: FIELD.options.map((VALUE, i) => ({ VALUE, SORT: (i + 1) * 10 })),
		},
	});
	const dealIds = {};
	for (const TITLE of DEALS) dealIds[TITLE] = Number(await portal(emu, 'crm.deal.add', { fields: { TITLE, OPPORTUNITY: 5000, CURRENCY_ID: 'USD' } }));
	return { dealIds, ufName: `UF_CRM_${FIELD.name}` };
}

/** The ID of the picked option as the portal reports it (crm.deal.fields: `items` of an enumeration field). */
async function optionId(emu, ufName) {
	const def = (await portal(emu, 'crm.deal.fields', {}))[ufName];
	assert.ok(def, `crm.deal.fields lists ${ufName}`);
	assert.ok(Array.isArray(def.items), `crm.deal.fields gives the items of ${ufName} (got ${JSON.stringify(def).slice(0, 200)})`);
	const option = def.items.find((i) => i.VALUE === FIELD.pick);
	assert.ok(option, `${ufName} has the option ${FIELD.pick}`);
	return String(option.ID);
}

class Browser {
	constructor(page) {
		this.page = page;
		this.shots = [];
	}

	async shot(name) {
		const file = path.join(SHOTS, `${name}.png`);
		await this.page.screenshot({ path: file });
		this.shots.push(file);
		return file;
	}

	/** A screenshot and the visible test ids, so a change in n8n's editor is quick to diagnose. */
	async failed(name) {
		await this.shot(name);
		const ids = await this.page.$$eval('[data-test-id]', (els) =>
			els.filter((el) => el.getBoundingClientRect().width > 0).map((el) => `${el.tagName.toLowerCase()} ${el.getAttribute('data-test-id')}: ${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)}`),
		);
		fs.writeFileSync(path.join(SHOTS, `${name}.test-ids.txt`), ids.join('\n') + '\n');
	}

	/** The first visible element matching `selector` (several may match: n8n keeps hidden copies of some controls). */
	async visible(selector, timeout = UI_TIMEOUT) {
		const handle = await this.page
			.waitForFunction(
				(sel) =>
					[...document.querySelectorAll(sel)].find((el) => {
						const r = el.getBoundingClientRect();
						const st = getComputedStyle(el);
						return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
					}) ?? null,
				{ timeout, polling: POLL },
				selector,
			)
			.catch((e) => {
				throw new Error(`no visible ${selector} after ${timeout / 1000}s (${e.message})`);
			});
		return handle.asElement();
	}

	/** The first visible element matching `selector` (inside `scope`, if given) whose text contains `text`. */
	async byText(selector, text, { scope = null, exact = false, timeout = UI_TIMEOUT } = {}) {
		const handle = await this.page.waitForFunction(
			(sel, txt, scopeSel, ex) => {
				const roots = scopeSel ? [...document.querySelectorAll(scopeSel)] : [document];
				for (const root of roots) {
					for (const el of root.querySelectorAll(sel)) {
						const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
						const seen = el.offsetParent !== null || getComputedStyle(el).position === 'fixed';
						if (seen && (ex ? t === txt : t.includes(txt))) return el;
					}
				}
				return null;
			},
			{ timeout, polling: POLL },
			selector,
			text,
			scope,
			exact,
		);
		return handle.asElement();
	}

	/** Texts of every visible element matching `selector`. */
	texts(selector) {
		return this.page.$$eval(selector, (els) =>
			els.filter((el) => el.offsetParent !== null).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
		);
	}
}

async function main() {
	const started = Date.now();
	const suite = new Suite(`Browser: n8n ${SPEC.n8n} editor in Chromium`);
	const redactor = new Redactor();
	suite.redact = redactor.redact;
	fs.rmSync(SHOTS, { recursive: true, force: true });
	fs.mkdirSync(SHOTS, { recursive: true });
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const logFile = path.join(LOG_DIR, 'browser-n8n.log');
	fs.writeFileSync(logFile, '');

	const watchdogMin = Number(process.env.B24_BROWSER_TIMEOUT_MIN ?? 10);
	const executable = chromiumPath();
	checkBuilt();
	process.stdout.write(`[browser] n8n cache: ${cacheRoot()}; browser: ${executable}\n`);
	const install = await ensureN8n(SPEC);
	const watchdog = setTimeout(() => {
		process.stderr.write(`[browser] watchdog: the browser test took more than ${watchdogMin} minutes; stopping\n`);
		killAllChildren('SIGKILL');
		process.exit(1);
	}, watchdogMin * 60_000);
	watchdog.unref();

	const emu = await startEmulator(REPO, { plan: 'none', seed: { deal: 40 } });
	redactor.add(emu.secrets());
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-browser-n8n-'));
	const browserProfile = fs.mkdtempSync(path.join(os.tmpdir(), 'b24-browser-profile-'));
	let server = null;
	let browser = null;
	let ui = null;
	let seeded = null;
	let failed = false;
	const step = async (name, fn) => {
		if (failed) return suite.skip(name, 'an earlier step failed');
		await suite.case(name, fn);
		if (suite.failed > 0) {
			failed = true;
			const file = `FAIL-${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
			if (ui) await ui.failed(file).catch(() => {});
			// what the editor asked the portal so far
			const counts = {};
			for (const e of emu.log()) counts[e.method] = (counts[e.method] ?? 0) + 1;
			fs.writeFileSync(path.join(SHOTS, `${file}.portal-calls.json`), JSON.stringify(counts, null, 2));
		}
	};

	try {
		await step('seed the portal: a custom list field on deals and deals to find', async () => {
			seeded = await seedPortal(emu);
		});

		const n8n = new N8nInstance({
			n8nBin: install.n8nBin,
			nodeBin: install.nodeBin,
			nodeDir: install.nodeDir,
			versionEnv: SPEC.env,
			userFolder,
			packageRoot: PACKAGE_ROOT,
			port: await freePort(),
			brokerPort: await freePort(),
			logFile,
			redact: redactor.redact,
		});
		const base = `http://127.0.0.1:${n8n.port}`;

		await step('n8n start with the package, a webhook credential and the workflow', async () => {
			n8n.prepare();
			const cred = webhookCredential('b24BrowserWebhk0', 'Bitrix24 Webhook (emulator)', emu.webhookUrl);
			const credFile = path.join(userFolder, 'credentials.json');
			fs.writeFileSync(credFile, JSON.stringify([cred]), { mode: 0o600 });
			await n8n.importCredentials(credFile);
			const wfDir = path.join(userFolder, 'workflows');
			writeWorkflows(wfDir, [workflowFromFixture('browser-deal-update', { WF_ID, CRED_ID: cred.id, CRED_NAME: cred.name })]);
			await n8n.importWorkflows(wfDir);
			server = await n8n.startServer({ env: { N8N_EDITOR_BASE_URL: `${base}/` } });
			const res = await fetch(`${base}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: OWNER.email, firstName: 'Browser', lastName: 'Test', password: OWNER.password }),
				signal: AbortSignal.timeout(30_000),
			});
			assert.ok(res.ok, `owner setup: HTTP ${res.status}`);
		});

		await step('Chromium starts (headless, offline, fresh profile)', async () => {
			browser = await puppeteer.launch({
				executablePath: executable,
				headless: true,
				userDataDir: browserProfile,
				defaultViewport: { width: 1440, height: 900 },
				args: [
					'--no-sandbox', // root in CI
					'--disable-gpu',
					'--disable-quic',
					'--no-first-run',
					'--disable-background-networking',
					'--disable-component-update',
					'--disable-sync',
					'--disable-dev-shm-usage',
				],
			});
			const page = await browser.newPage();
			page.setDefaultTimeout(UI_TIMEOUT);
			ui = new Browser(page);
		});

		await step('sign in on the login page', async () => {
			const { page } = ui;
			await page.goto(`${base}/signin`, { waitUntil: 'domcontentloaded' });
			const email = await ui.visible('input[name="emailOrLdapLoginId"], input[name="email"]');
			await email.type(OWNER.email);
			await (await ui.visible('input[name="password"]')).type(OWNER.password);
			await ui.shot('00-sign-in');
			await (await ui.visible(tid('form-submit-button'))).click();
			await page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: UI_TIMEOUT, polling: POLL });
		});

		await step('open the workflow: the canvas shows the Bitrix24 node', async () => {
			const { page } = ui;
			await page.goto(`${base}/workflow/${WF_ID}`, { waitUntil: 'domcontentloaded' });
			await ui.visible(`${tid('canvas-node')}[data-node-name="${NODE_NAME}"]`);
			await sleep(500); // the canvas fits the view after the nodes render
			await ui.shot('01-workflow');
		});

		await step('open the node: Deal → Update shows a deal locator and a field mapper', async () => {
			const node = await ui.visible(`${tid('canvas-node')}[data-node-name="${NODE_NAME}"]`);
			await node.click({ count: 2 });
			await ui.visible(tid('node-execute-button'));
			await ui.visible(LOCATOR);
			await ui.visible(tid('resource-mapper-container'));
			await ui.shot('02-node-open');
		});

		await step(`pick a deal From List by typing "${SEARCH}"`, async () => {
			const { page } = ui;
			const locator = await ui.visible(LOCATOR);
			const mode = await locator.$eval(`${tid('rlc-mode-selector')} input`, (el) => el.value).catch(() => '');
			// n8n's own wording of the list mode is "From list"
			assert.match(mode, /^From list$/i, 'the locator opens in From List mode');
			await (await locator.waitForSelector(`${tid('rlc-input')}`, { visible: true })).click();
			const search = await ui.visible(`${tid('rlc-search')} input, input${tid('rlc-search')}`);
			// the unfiltered first page first: n8n starts no search while a load is under way
			await ui.visible(tid('rlc-item'));
			await search.type(SEARCH, { delay: 40 });
			// every listed deal matches what was typed, and both matching deals are there
			await page.waitForFunction(
				(sel, want) => {
					const items = [...document.querySelectorAll(sel)].filter((el) => el.offsetParent !== null).map((el) => el.textContent.trim());
					return items.length === want.length && want.every((w) => items.some((t) => t.includes(w)));
				},
				{ timeout: UI_TIMEOUT, polling: POLL },
				tid('rlc-item'),
				DEALS.filter((d) => d.includes(SEARCH)),
			);
			const listed = await ui.texts(tid('rlc-item'));
			assert.ok(listed.every((t) => t.includes(SEARCH)), `only deals whose title contains "${SEARCH}" are listed: ${listed.join(' | ')}`);
			await ui.shot('03-locator-search');
			await (await ui.byText(tid('rlc-item'), PICK)).click();
			await page.waitForFunction(
				(sel, want) => [...document.querySelectorAll(sel)].some((el) => (el.value ?? '').includes(want)),
				{ timeout: UI_TIMEOUT, polling: POLL },
				`${LOCATOR} ${tid('rlc-input')} input, ${LOCATOR} input${tid('rlc-input')}`,
				PICK,
			);
		});

		await step(`the mapper shows "${FIELD.label}" with its labels; pick ${FIELD.pick}`, async () => {
			const { page } = ui;
			const mapper = await ui.visible(tid('resource-mapper-container'));
			await mapper.scrollIntoView();
			await ui.visible(tid('mapping-fields-container'));
			let item = await ui
				.byText(`${tid('mapping-fields-container')} .parameter-item`, FIELD.label, { timeout: 5000 })
				.catch(() => null);
			if (!item) {
				// not shown by default: add it from the mapper's "Add Field" list
				await (await ui.visible(`${tid('add-fields-select')} .el-select`)).click();
				await ui.visible('.el-select-dropdown__item');
				const offered = await ui.texts('.el-select-dropdown__item');
				assert.ok(offered.some((t) => t.includes(FIELD.label)), `"Add field to send" offers "${FIELD.label}"; it offers: ${offered.join(' | ')}`);
				const option = await ui.byText('.el-select-dropdown__item', FIELD.label);
				await option.scrollIntoView();
				await option.hover();
				await ui.shot('04-mapper-add-field');
				await option.click();
				item = await ui.byText(`${tid('mapping-fields-container')} .parameter-item`, FIELD.label);
			}
			await item.scrollIntoView();
			await (await item.waitForSelector('.el-select, input', { visible: true })).click();
			await page.waitForFunction(
				(want) => {
					const seen = [...document.querySelectorAll('.el-select-dropdown__item')]
						.filter((el) => el.offsetParent !== null)
						.map((el) => el.textContent.trim());
					return want.every((w) => seen.includes(w));
				},
				{ timeout: UI_TIMEOUT, polling: POLL },
				FIELD.options,
			);
			await ui.shot('05-mapper-list-field');
			await (await ui.byText('.el-select-dropdown__item', FIELD.pick, { exact: true })).click();
			await page.waitForFunction(
				(el, want) => [...el.querySelectorAll('input')].some((i) => i.value === want) || el.textContent.includes(want),
				{ timeout: UI_TIMEOUT, polling: POLL },
				item,
				FIELD.pick,
			);
		});

		await step('Execute step: the node runs and its output shows the deal', async () => {
			const { page } = ui;
			emu.clearLog();
			await (await ui.visible(tid('node-execute-button'))).click();
			await waitFor(() => updateCalls(emu).length > 0, { timeoutMs: UI_TIMEOUT, what: 'the deal update to reach the emulator' });
			await page.waitForFunction(
				(sel, id) => [...document.querySelectorAll(sel)].some((panel) => /1 item(?!s)/.test(panel.textContent) && panel.textContent.includes(id)),
				{ timeout: UI_TIMEOUT, polling: POLL },
				`${tid('output-panel')}, ${tid('ndv-output-panel')}`,
				String(seeded.dealIds[PICK]),
			);
			const errors = await ui.texts('.el-notification--error, .el-notification.error');
			assert.deepEqual(errors, [], 'no error notification');
			await sleep(300);
			await ui.shot('06-executed');
		});

		await step('the emulator received the deal ID and the option ID', async () => {
			const calls = updateCalls(emu);
			assert.equal(calls.length, 1, `one update call (got ${calls.map((c) => c.method).join(', ')})`);
			const { method, params, status } = calls[0];
			assert.equal(status, 200, `${method} succeeded`);
			const dealId = seeded.dealIds[PICK];
			assert.equal(String(params.id ?? params.ID), String(dealId), `${method} updated deal ${dealId} ("${PICK}")`);
			const fields = params.fields ?? {};
			const sent = fields[seeded.ufName];
			const option = await optionId(emu, seeded.ufName);
			assert.equal(String(sent), option, `${method} set ${seeded.ufName} to option ID ${option} (${FIELD.pick}); fields sent: ${JSON.stringify(fields)}`);
			const stored = emu.all('deal').find((d) => Number(d.ID) === dealId);
			assert.equal(String(stored[seeded.ufName]), option, 'the portal stores the option ID on the deal');
		});
	} catch (e) {
		suite.results.push({ name: 'harness', ok: false, ms: 0, message: redactor.redact(e.stack ?? String(e)) });
	} finally {
		clearTimeout(watchdog);
		if (browser) await browser.close().catch(() => {});
		if (server) await server.stop().catch(() => {});
		await emu.stop().catch(() => {});
		fs.rmSync(userFolder, { recursive: true, force: true });
		fs.rmSync(browserProfile, { recursive: true, force: true });
	}
	const totals = printSummary([suite]);
	if (ui) process.stdout.write(`[browser] screenshots: ${ui.shots.map((s) => path.relative(REPO, s)).join(', ')}\n`);
	process.stdout.write(`[browser] n8n log: ${path.relative(REPO, logFile)}; total ${Math.round((Date.now() - started) / 1000)}s\n`);
	const ok = totals.failed === 0 && totals.passed > 0;
	if (ok && process.argv.includes('--update-docs')) {
		const dir = path.join(REPO, 'docs', 'images');
		fs.mkdirSync(dir, { recursive: true });
		for (const [shot, name] of Object.entries(DOC_IMAGES)) fs.copyFileSync(path.join(SHOTS, `${shot}.png`), path.join(dir, name));
		process.stdout.write(`[browser] copied ${Object.values(DOC_IMAGES).join(', ')} to ${path.relative(REPO, dir)}/\n`);
	}
	process.exitCode = ok ? 0 : 1;
}

/** The deal updates the node sent, batch sub-commands included. */
function updateCalls(emu) {
	return emu.log().filter((e) => e.method === 'crm.deal.update');
}

runMain(main, 'browser');
