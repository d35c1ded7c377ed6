// The end-to-end cases. Each runs a real n8n CLI against the emulator and asserts on n8n's
// execution output and on the emulator's request log.
import { assert } from './lib/check.mjs';
import { CRED, makeId, workflowFromFixture } from './lib/fixtures.mjs';

const NODE_TYPE_OK = 'n8n-nodes-b24.bitrix24';

// ---------- helpers over n8n's IRun ----------

export function runData(run) {
	return run?.data?.resultData?.runData ?? {};
}

export function nodeItems(run, node) {
	const runs = runData(run)[node];
	assert.ok(runs && runs.length, `node "${node}" did not run (ran: ${Object.keys(runData(run)).join(', ') || 'nothing'})`);
	const error = runs[0].error;
	assert.ok(!error, `node "${node}" failed: ${error?.message} ${error?.description ?? ''}`);
	return runs[0].data?.main?.[0] ?? [];
}

function runError(run) {
	return run?.data?.resultData?.error;
}

/** Asserts the execution finished without error; shows the first useful lines if not. */
function assertSuccess(res, redact) {
	const err = runError(res.run);
	if (res.code !== 0 || err || !res.run) {
		const detail = err
			? `${err.message}${err.description ? ` — ${err.description}` : ''} (node ${err.node?.name ?? '?'})`
			: (res.raw.stderr || res.raw.stdout).trim().split('\n').slice(-12).join('\n');
		assert.fail(redact(`execution failed (exit ${res.code}): ${detail}`));
	}
}

const sameId = (a, b) => String(a) === String(b);

/** REST calls the emulator saw, batch sub-commands included (they carry `parent`). */
function methods(log) {
	return log.map((e) => e.method);
}

// ---------- the cases ----------

/**
 * @param ctx {{ n8n, emu, suite, redact, creds: Record<string,{id,name,type}>, ids: Record<string,string> }}
 */
export function buildWorkflows(ctx) {
	const { creds, emu } = ctx;
	const wfs = [];
	const ids = {};
	for (const auth of ['webhook', 'oAuth2', 'apiKey']) {
		const id = makeId(`b24Crud${auth}`);
		ids[`crud:${auth}`] = id;
		const c = creds[auth];
		wfs.push(workflowFromFixture('deal-crud', { WF_ID: id, AUTH: auth, CRED_TYPE: c.type, CRED_ID: c.id, CRED_NAME: c.name }));
	}
	for (const auth of ['webhook', 'oAuth2', 'apiKey']) {
		const id = makeId(`b24RestV3${auth}`);
		ids[`restv3:${auth}`] = id;
		const c = creds[auth];
		wfs.push(workflowFromFixture('restv3', { WF_ID: id, AUTH: auth, CRED_TYPE: c.type, CRED_ID: c.id, CRED_NAME: c.name }));
	}
	for (const [key, onError] of [
		['cof', 'continueRegularOutput'],
		['stop', 'stopWorkflow'],
	]) {
		const id = makeId(`b24e2e${key}`);
		ids[key] = id;
		wfs.push(
			workflowFromFixture('continue-on-fail', {
				WF_ID: id,
				CONTINUE: onError === 'continueRegularOutput' ? 'on' : 'off',
				ON_ERROR: onError,
				IDS: ctx.badItemIds.join(', '),
				CRED_ID: creds.webhook.id,
				CRED_NAME: creds.webhook.name,
			}),
		);
	}
	// one good ID, stop on error: the 502 case reads the node's error from the execution
	ids.html502 = makeId('b24e2eHtml502');
	wfs.push(
		workflowFromFixture('continue-on-fail', {
			WF_ID: ids.html502,
			CONTINUE: 'off',
			ON_ERROR: 'stopWorkflow',
			IDS: ctx.badItemIds[0],
			CRED_ID: creds.webhook.id,
			CRED_NAME: creds.webhook.name,
		}),
	);
	ids.openlines = makeId('b24e2eOLclose');
	wfs.push(
		workflowFromFixture('openlines-close', {
			WF_ID: ids.openlines,
			AUTH: 'webhook',
			CRED_TYPE: creds.webhook.type,
			CRED_ID: creds.webhook.id,
			CRED_NAME: creds.webhook.name,
			SESSION_ID: ctx.sessionId ?? 0,
		}),
	);
	ids.refresh = makeId('b24e2eRefresh');
	wfs.push(workflowFromFixture('oauth-refresh', { WF_ID: ids.refresh, CRED_ID: creds.oAuth2Expired.id, CRED_NAME: creds.oAuth2Expired.name }));
	ids.http = makeId('b24e2eHttpReq');
	wfs.push(
		workflowFromFixture('http-request', {
			WF_ID: ids.http,
			EMULATOR: emu.url,
			WEBHOOK_CRED_ID: creds.webhook.id,
			WEBHOOK_CRED_NAME: creds.webhook.name,
			OAUTH_CRED_ID: creds.oAuth2.id,
			OAUTH_CRED_NAME: creds.oAuth2.name,
			APIKEY_CRED_ID: creds.apiKey.id,
			APIKEY_CRED_NAME: creds.apiKey.name,
		}),
	);
	ids.foreign = makeId('b24e2eForeign');
	wfs.push(
		workflowFromFixture('http-foreign-host', {
			WF_ID: ids.foreign,
			SINK: ctx.sink.url,
			WEBHOOK_CRED_ID: creds.webhook.id,
			WEBHOOK_CRED_NAME: creds.webhook.name,
			APIKEY_CRED_ID: creds.apiKey.id,
			APIKEY_CRED_NAME: creds.apiKey.name,
		}),
	);
	return { workflows: wfs, ids };
}

const EMU_AUTH = { webhook: 'webhook', oAuth2: 'oauth', apiKey: 'apikey' };

export async function runCases(ctx) {
	const { n8n, emu, suite, redact, ids } = ctx;

	for (const auth of ['webhook', 'oAuth2', 'apiKey']) {
		await suite.case(`deal CRUD + Get Many (Return All) with ${CRED[auth].type}`, async () => {
			const before = emu.count('deal');
			emu.clearLog();
			const res = await n8n.execute(ids[`crud:${auth}`]);
			assertSuccess(res, redact);
			const run = res.run;

			const created = nodeItems(run, 'Create Deal');
			assert.equal(created.length, 1, 'Create returns one item');
			const id = created[0].json.id;
			assert.ok(Number(id) > 0, `Create returns the new deal's id (got ${JSON.stringify(created[0].json)})`);
			assert.deepEqual(created[0].pairedItem, { item: 0 }, 'Create output is paired with its input item');

			const got = nodeItems(run, 'Get Deal');
			assert.equal(got.length, 1);
			assert.ok(sameId(got[0].json.ID, id), 'Get returns the created deal');
			assert.equal(got[0].json.TITLE, `E2E deal via ${auth}`);
			assert.equal(Number(got[0].json.OPPORTUNITY), 1500, 'additional field OPPORTUNITY was stored');

			const updated = nodeItems(run, 'Update Deal');
			assert.equal(updated.length, 1);
			assert.ok(sameId(updated[0].json.id, id) && updated[0].json.updated === true, `Update → {id, updated: true}, got ${JSON.stringify(updated[0].json)}`);

			const many = nodeItems(run, 'Get Many Deals');
			assert.equal(many.length, before + 1, `Get Many (Return All) returns every deal: ${before + 1} expected, ${many.length} returned`);
			const mine = many.find((i) => sameId(i.json.ID, id));
			assert.ok(mine, 'Get Many includes the new deal');
			assert.equal(mine.json.TITLE, `E2E deal via ${auth} (updated)`, 'Get Many sees the updated title');
			assert.equal(new Set(many.map((i) => String(i.json.ID))).size, many.length, 'Get Many has no duplicates');

			const deleted = nodeItems(run, 'Delete Deal');
			assert.equal(deleted.length, 1, 'Delete runs once');
			assert.ok(deleted[0].json.deleted === true && sameId(deleted[0].json.id, id), `Delete → {id, deleted: true}, got ${JSON.stringify(deleted[0].json)}`);

			assert.equal(emu.count('deal'), before, 'the emulator holds as many deals as before');
			assert.ok(!emu.all('deal').some((d) => sameId(d.ID ?? d.id, id)), 'the deal is gone from the emulator');

			const log = emu.log();
			const seen = methods(log);
			for (const m of ['crm.deal.add', 'crm.deal.get', 'crm.deal.update', 'crm.deal.list', 'crm.deal.delete']) {
				assert.ok(seen.includes(m), `the emulator saw ${m} (saw: ${[...new Set(seen)].join(', ')})`);
			}
			const top = log.filter((e) => e.parent === undefined);
			const wrongAuth = top.filter((e) => e.auth !== EMU_AUTH[auth]);
			assert.equal(wrongAuth.length, 0, `every request used ${EMU_AUTH[auth]} auth; others: ${JSON.stringify(wrongAuth.map((e) => [e.method, e.auth, e.status]))}`);
			assert.ok(top.every((e) => e.status === 200), `every request succeeded: ${JSON.stringify(top.map((e) => [e.method, e.status, e.error]))}`);
			if (before + 1 > 50) {
				const pages = log.filter((e) => e.method === 'crm.deal.list').length;
				assert.ok(pages >= 2, `Return All over ${before + 1} deals read more than one page (read ${pages})`);
			}
		});
	}

	for (const auth of ['webhook', 'oAuth2', 'apiKey']) {
		await suite.case(`REST 3.0: Task Result create and Call Method (tasks.task.field.list) with ${CRED[auth].type}`, async () => {
			emu.clearLog();
			const res = await n8n.execute(ids[`restv3:${auth}`]);
			assertSuccess(res, redact);
			const created = nodeItems(res.run, 'Add Result');
			assert.equal(created.length, 1, 'Create returns one item');
			assert.ok(Number(created[0].json.id) > 0 && created[0].json.text === `E2E result via ${auth}`, `Create returns the stored result: ${JSON.stringify(created[0].json)}`);
			const called = nodeItems(res.run, 'Call Method');
			const fields = called[0]?.json?.items;
			assert.ok(Array.isArray(fields) && fields.length > 0 && typeof fields[0].name === 'string', `Call Method returns the field list: ${JSON.stringify(called.map((i) => i.json))}`);
			const top = emu.log().filter((e) => e.parent === undefined);
			for (const m of ['tasks.task.result.add', 'tasks.task.field.list']) {
				const calls = top.filter((e) => e.method === m);
				assert.ok(calls.length === 1 && calls[0].api === 'v3' && calls[0].status === 200, `${m} went to /rest/api/ once and succeeded: ${JSON.stringify(calls)}`);
				assert.equal(calls[0].auth, EMU_AUTH[auth], `${m} used ${EMU_AUTH[auth]} auth`);
			}
		});
	}

	await suite.case('Open Lines: Close Session by Session ID', async () => {
		if (!ctx.sessionId) assert.fail('the emulator has no open Open Lines session to close (seed olChat)');
		emu.clearLog();
		const res = await n8n.execute(ids.openlines);
		assertSuccess(res, redact);
		const out = nodeItems(res.run, 'Close Session');
		assert.equal(out.length, 1);
		const j = out[0].json;
		assert.ok(sameId(j.sessionId, ctx.sessionId), `output names the session: ${JSON.stringify(j)}`);
		assert.ok(sameId(j.chatId, ctx.sessionChatId), `output names the session's chat (${ctx.sessionChatId}): ${JSON.stringify(j)}`);
		assert.equal(j.closed, true, `closed: true, got ${JSON.stringify(j)}`);
		const log = emu.log();
		const dialog = log.find((e) => e.method === 'imopenlines.dialog.get');
		assert.ok(dialog, 'the node looked the session up with imopenlines.dialog.get');
		assert.ok(sameId(dialog.params?.SESSION_ID, ctx.sessionId), `dialog.get asked for SESSION_ID ${ctx.sessionId}: ${JSON.stringify(dialog.params)}`);
		const finish = log.find((e) => e.method === 'imopenlines.operator.another.finish');
		assert.ok(finish, `the node closed it with imopenlines.operator.another.finish (saw ${methods(log).join(', ')})`);
		assert.ok(sameId(finish.params?.CHAT_ID, ctx.sessionChatId), `finish got CHAT_ID ${ctx.sessionChatId}: ${JSON.stringify(finish.params)}`);
		assert.equal(finish.status, 200);
	});

	await suite.case('continue on fail: one bad item among good ones', async () => {
		emu.clearLog();
		const res = await n8n.execute(ids.cof);
		assertSuccess(res, redact);
		const out = nodeItems(res.run, 'Get Deal');
		const [good1, bad, good2] = ctx.badItemIds;
		assert.equal(out.length, 3, `one output item per input item, got ${out.length}`);
		assert.ok(sameId(out[0].json.ID, good1) && !out[0].json.error, `item 0 is deal ${good1}: ${JSON.stringify(out[0].json).slice(0, 200)}`);
		assert.ok(sameId(out[2].json.ID, good2) && !out[2].json.error, `item 2 is deal ${good2}: ${JSON.stringify(out[2].json).slice(0, 200)}`);
		assert.deepEqual(out[0].pairedItem, { item: 0 });
		assert.deepEqual(out[2].pairedItem, { item: 2 });
		const e = out[1].json;
		assert.ok(typeof e.error === 'string' && e.error.length > 0, `item 1 carries the error: ${JSON.stringify(e)}`);
		assert.equal(e.resource, 'deal');
		assert.equal(e.operation, 'get');
		assert.ok(!Number.isNaN(Date.parse(e.timestamp)), `item 1 has an ISO timestamp: ${e.timestamp}`);
		assert.deepEqual(out[1].pairedItem, { item: 1 }, 'the error item is paired with the bad input item');
		assert.ok(!JSON.stringify(e).includes(emu.webhook.code), 'the error does not leak the webhook code');
		const gets = emu.log().filter((x) => x.method === 'crm.deal.get');
		assert.ok(gets.some((x) => sameId(x.params?.id ?? x.params?.ID, bad) && x.status !== 200), `the emulator refused deal ${bad}`);
	});

	await suite.case('stop on error: the node fails with the bad item index', async () => {
		const res = await n8n.execute(ids.stop);
		assert.notEqual(res.code, 0, 'n8n execute exits non-zero');
		assert.ok(res.run, `n8n printed the execution JSON: ${redact((res.raw.stderr || res.raw.stdout).slice(-600))}`);
		const err = runError(res.run);
		assert.ok(err, 'the execution carries an error');
		const nodeRun = runData(res.run)['Get Deal']?.[0];
		assert.ok(nodeRun?.error, 'the Bitrix24 node run carries the error');
		const itemIndex = nodeRun.error.context?.itemIndex ?? err.context?.itemIndex;
		assert.equal(itemIndex, 1, `the error points at item 1 (context: ${JSON.stringify(nodeRun.error.context ?? err.context)})`);
		assert.equal(err.node?.name ?? res.run.data.resultData.lastNodeExecuted, 'Get Deal');
		assert.ok(!JSON.stringify(res.run).includes(emu.webhook.code), 'the execution data does not leak the webhook code');
	});

	await suite.case('an HTML 502 page from a proxy: the node error names the method and quotes the page', async () => {
		emu.clearLog();
		// more than the node's retries of a read, so the last answer is the page too
		emu.injectFault({ method: 'crm.deal.get', kind: 'html', status: 502, times: 10 });
		let res;
		try {
			res = await n8n.execute(ids.html502);
		} finally {
			emu.clearFaults();
		}
		assert.notEqual(res.code, 0, 'n8n execute exits non-zero');
		assert.ok(res.run, `n8n printed the execution JSON: ${redact((res.raw.stderr || res.raw.stdout).slice(-600))}`);
		const error = runData(res.run)['Get Deal']?.[0]?.error;
		assert.ok(error, `the Bitrix24 node run carries the error (ran: ${Object.keys(runData(res.run)).join(', ')})`);
		const text = `${error.message} ${error.description ?? ''}`;
		assert.ok(error.message.includes('crm.deal.get'), `the message names the method: ${error.message}`);
		assert.ok(error.message.includes('"502 Bad Gateway nginx"'), `the message quotes the page: ${error.message}`);
		assert.ok(/proxy in front of it/.test(error.description ?? ''), `the hint says the portal or its proxy is down: ${error.description}`);
		assert.ok(!/Check the parameters/.test(text), `no generic hint: ${text}`);
		assert.equal(String(error.httpCode), '502', `httpCode 502: ${error.httpCode}`);
		const gets = emu.log().filter((e) => e.method === 'crm.deal.get');
		assert.ok(gets.length >= 2 && gets.every((e) => e.status === 502), `the read was retried, each answered the 502 page: ${JSON.stringify(gets.map((e) => [e.status, e.error]))}`);
		assert.ok(!JSON.stringify(res.run).includes(emu.webhook.code), 'the execution data does not leak the webhook code');
	});

	await suite.case('OAuth2: expired access token is refreshed by n8n and the rotated token is stored', async () => {
		const cred = ctx.creds.oAuth2Expired;
		const original = ctx.expiredTokens;
		emu.clearLog();
		const res = await n8n.execute(ids.refresh);
		assertSuccess(res, redact);
		assert.equal(nodeItems(res.run, 'List Deals').length, 3, 'the call succeeded after the refresh');
		// whatever the node sends first (a list page or a batch probe) is refused, n8n refreshes, the rest succeed
		const top = () => emu.log().filter((e) => e.parent === undefined);
		const show = (log) => JSON.stringify(log.map((e) => [e.method, e.status, e.error ?? '', e.auth]));
		const first = top();
		assert.ok(first.length >= 2, `refused, then retried: ${show(first)}`);
		assert.equal(first[0].status, 401, `the expired token was refused first: ${show(first)}`);
		assert.equal(first[0].error, 'expired_token');
		assert.ok(first.slice(1).every((e) => e.status === 200 && e.auth === 'oauth'), `after the refresh every call succeeded: ${show(first)}`);
		assert.ok(emu.log().some((e) => e.method === 'crm.deal.list' && e.status === 200), `the deals were read (directly or in a batch): ${show(emu.log())}`);

		const stored = (await n8n.exportCredential(cred.id)).data.oauthTokenData;
		assert.ok(stored?.access_token, 'the credential still has an access token');
		ctx.redactor.add(stored.access_token, stored.refresh_token);
		assert.notEqual(stored.access_token, original.access_token, 'n8n stored the new access token');
		assert.notEqual(stored.refresh_token, original.refresh_token, 'n8n stored the rotated refresh token');
		assert.ok(stored.client_endpoint, 'client_endpoint survives the refresh');

		// second run: the stored token works as it is
		emu.clearLog();
		const res2 = await n8n.execute(ids.refresh);
		assertSuccess(res2, redact);
		const second = top();
		assert.ok(second.length > 0 && second.every((e) => e.status === 200), `the second run used the stored token without refreshing: ${show(second)}`);

		// third run: force another expiry; the refresh only works with the rotated refresh token
		// (the emulator revoked the original one when it rotated it)
		emu.clearLog();
		emu.injectFault({ kind: 'expiredToken', method: '*', times: 1 });
		const res3 = await n8n.execute(ids.refresh);
		assertSuccess(res3, redact);
		const third = top();
		assert.equal(third[0]?.status, 401, `expired again: ${show(third)}`);
		assert.ok(third.length >= 2 && third.slice(1).every((e) => e.status === 200), `refreshed with the stored refresh token, then succeeded: ${show(third)}`);
		const stored3 = (await n8n.exportCredential(cred.id)).data.oauthTokenData;
		ctx.redactor.add(stored3.access_token, stored3.refresh_token);
		assert.notEqual(stored3.refresh_token, stored.refresh_token, 'the refresh token rotated again and was stored');
	});

	await suite.case('HTTP Request node with each Bitrix24 credential (predefined credential type)', async () => {
		emu.clearLog();
		const res = await n8n.execute(ids.http);
		assertSuccess(res, redact);
		// the nodes continue on error, so one broken credential does not hide the others
		const problems = [];
		for (const node of ['HTTP via Webhook', 'HTTP via OAuth2', 'HTTP via API Key']) {
			const out = nodeItems(res.run, node);
			const j = out[0]?.json ?? {};
			if (out.length !== 1 || !Array.isArray(j.result) || j.result.length === 0) {
				problems.push(`${node}: ${j.error ? `${j.error.message ?? JSON.stringify(j.error)}` : JSON.stringify(j).slice(0, 200)}`);
			}
		}
		const lists = emu.log().filter((e) => e.parent === undefined);
		assert.deepEqual(problems, [], `the HTTP Request node failed with: ${problems.join(' | ')}; emulator saw ${JSON.stringify(lists.map((e) => [e.method, e.auth, e.status]))}`);
		assert.deepEqual(
			lists.map((e) => [e.method, e.auth, e.status]),
			[
				['crm.deal.list', 'webhook', 200],
				['crm.deal.list', 'oauth', 200],
				['crm.deal.list', 'apikey', 200],
			],
			'each request carried its credential',
		);
	});
}

export async function foreignHostCase(ctx) {
	const { n8n, suite, redact, sink, ids, redactor } = ctx;
	await suite.case('HTTP Request node to another host: no webhook code or API key is sent there', async () => {
		sink.requests.length = 0;
		ctx.emu.clearLog();
		const res = await n8n.execute(ids.foreign);
		assertSuccess(res, redact);
		const toPortal = ctx.emu.log().map((e) => [e.method, e.auth, e.status]);
		assert.equal(
			sink.requests.length,
			2,
			`both nodes called the other host (it got ${sink.requests.length} requests; the portal got ${JSON.stringify(toPortal)})`,
		);
		const leaks = [];
		for (const r of sink.requests) {
			const text = `${r.url} ${JSON.stringify(r.headers)} ${r.body}`;
			for (const secret of redactor.secrets) {
				if (text.includes(secret)) leaks.push(`${r.method} ${redact(r.url)} carried a ${secret.length}-character secret`);
			}
		}
		assert.deepEqual(leaks, [], `secrets sent to a host that is not the portal: ${leaks.join('; ')}`);
	});
}

/** Runs last: no secret the run knows appears in anything n8n printed for an execution. */
export async function secretsCase(ctx) {
	const { n8n, suite, redactor } = ctx;
	await suite.case('no webhook code, API key, client secret or token in any execution output', async () => {
		const leaks = [];
		for (const { id, text } of n8n.outputs ?? []) {
			for (const secret of redactor.secrets) if (text.includes(secret)) leaks.push(`${id}: a ${secret.length}-character secret`);
		}
		assert.deepEqual(leaks, [], `secrets in execution output: ${leaks.join('; ')}`);
	});
}

export { NODE_TYPE_OK };
