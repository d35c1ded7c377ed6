/** Every documented error class surfaces with what happened, how to fix it, the HTTP code and the item. */
import * as net from 'net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useFakeClock } from '../helpers/clock';
import { startPortal } from '../helpers/portal';
import type { Auth, Portal } from '../helpers/portal';

let portal: Portal;
let clock: ReturnType<typeof useFakeClock>;
beforeAll(async () => {
	portal = await startPortal({ seed: { deals: 3 } });
	clock = useFakeClock();
});
afterAll(async () => {
	clock.restore();
	await portal.stop();
});
beforeEach(() => portal.emu.faults.clear());

const callMethod = (methodName: string, parameters: IDataObject = {}) => ({
	resource: 'system',
	operation: 'callMethod',
	methodName,
	parameters: JSON.stringify(parameters),
});

async function failure(parameters: INodeParameters, auth: Auth = 'webhook', items?: IDataObject[]) {
	const error = await portal.run(parameters, { auth, items }).then(
		() => undefined,
		(e: Error) => e,
	);
	if (!error) throw new Error('expected the node to fail');
	return error as Error & { description?: string; httpCode?: string; context: IDataObject };
}

test.each([
	['unknown method', callMethod('crm.deal.nosuchmethod'), 'webhook', 'ERROR_METHOD_NOT_FOUND', '404', /no method by this name/],
	['app-only method through a webhook', callMethod('event.bind', { event: 'ONCRMDEALADD', handler: 'https://example.com/h' }), 'webhook', 'WRONG_AUTH_TYPE', '403', /OAuth2/],
	['crm.item record that does not exist', { resource: 'crmItem', operation: 'get', entityTypeId: 2, crmItem: '99999' }, 'webhook', 'NOT_FOUND', '400', /Check the ID/],
	['legacy record that does not exist (empty code)', { resource: 'deal', operation: 'get', deal: '99999' }, 'webhook', 'NOT_FOUND', '400', /Check the ID/],
	['invalid filter field on crm.item', callMethod('crm.item.list', { entityTypeId: 2, filter: { noSuchField: 1 } }), 'webhook', 'INVALID_ARG_VALUE', '400', /Filter/],
] as const)('%s', async (_name, parameters, auth, code, httpCode, hint) => {
	const error = await failure(parameters as INodeParameters, auth as Auth);
	expect(error.context.bitrixCode).toBe(code);
	expect(error.httpCode).toBe(httpCode);
	expect(error.description).toMatch(hint);
	expect(error.description).not.toMatch(/Check the parameters of this operation/);
	expect(error.context.itemIndex).toBe(0);
	// the message names the method that failed, then Bitrix24's text and code
	const method = (parameters as IDataObject).methodName ?? portal.emu.log[portal.emu.log.length - 1].method;
	expect(error.message).toMatch(new RegExp(`^Bitrix24 ${String(method).replace(/\./g, '\\.')}(?: \\(batch command \\w+\\))?: .+\\[${code}\\]$`));
});

test('Call Method: "Method not found!" names the method', async () => {
	const error = await failure(callMethod('crm.deal.nosuchmethod'));
	expect(error.message).toBe('Bitrix24 crm.deal.nosuchmethod: Method not found! [ERROR_METHOD_NOT_FOUND]');
	expect(error.context.method).toBe('crm.deal.nosuchmethod');
});

test.each([
	['DIALOG_ID_EMPTY', "Dialog ID can't be empty", /needs DIALOG_ID and got none/],
	['CHAT_ID', 'Chat not found', /refused the value of CHAT_ID sent to imopenlines\.dialog\.get/],
	['SOME_MODULE_ERROR', 'Something went wrong', /code SOME_MODULE_ERROR.*imopenlines\.dialog\.get.*REST docs/],
])('a module code without a fixed hint (%s) still gets a hint naming what to check, never the generic one', async (code, text, hint) => {
	portal.emu.faults.inject({ method: 'imopenlines.dialog.get', kind: 'status', status: 400, error: code, description: text });
	const error = await failure(callMethod('imopenlines.dialog.get', { CHAT_ID: 1 }));
	expect(error.message).toBe(`Bitrix24 imopenlines.dialog.get: ${text} [${code}]`);
	expect(error.description).toMatch(hint);
});

test('an error inside a batched read names the method and the batch command, and keeps its code and hint', async () => {
	portal.emu.faults.inject({ method: 'crm.item.list', kind: 'batchCommandError', error: 'INVALID_ARG_VALUE', description: 'Invalid field name: title' });
	const error = await failure({ resource: 'crmItem', operation: 'getMany', entityTypeId: 2, returnAll: true });
	const failed = portal.emu.log.filter((entry) => entry.method === 'crm.item.list' && entry.parent !== undefined && entry.error);
	expect(failed.map((entry) => [entry.batchKey, entry.error])).toEqual([['top', 'INVALID_ARG_VALUE']]);
	expect(error.message).toBe('Bitrix24 crm.item.list (batch command top): Invalid field name: title [INVALID_ARG_VALUE]');
	expect(error.context).toMatchObject({ bitrixCode: 'INVALID_ARG_VALUE', method: 'crm.item.list', itemIndex: 0 });
	expect(error.description).toMatch(/Filter \(JSON\)/);
});

test('batched writes: a failed command names the method and its command key, on its own item', async () => {
	const out = await portal.run(
		{ resource: 'deal', operation: 'update', deal: '={{ $json.id }}', updateFields: { TITLE: 'Renamed' } },
		{ items: [{ id: 1 }, { id: 565656 }, { id: 2 }], continueOnFail: true },
	);
	expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(out[0].json.updated).toBe(true);
	expect(out[2].json.updated).toBe(true);
	expect(out[1].json.error).toBe('Bitrix24 crm.deal.update (batch command i1): Not found [NOT_FOUND]');
	expect(portal.emu.log.filter((entry) => entry.method === 'crm.deal.update' && entry.parent !== undefined).slice(-3).map((entry) => (entry.params as IDataObject).id)).toEqual(['1', '565656', '2']);
});

test('an HTML error page: the message names the method and quotes the page; the hint says the portal or its proxy is down', async () => {
	portal.emu.faults.inject({ method: 'crm.deal.get', kind: 'html', status: 502, times: 10 });
	const error = await failure({ resource: 'deal', operation: 'get', deal: '1' });
	expect(error.message).toBe('Bitrix24 crm.deal.get: the portal answered HTTP 502 with a page, not Bitrix24 JSON: "502 Bad Gateway nginx" [HTTP_502]');
	expect(error.httpCode).toBe('502');
	expect(error.description).toMatch(/proxy in front of it.*down/);
	expect(portal.emu.calls('crm.deal.get').slice(-4).map((c) => c.status)).toEqual([502, 502, 502, 502]);
});

test('an HTML error page after a write: the outcome is unknown, and the page is still quoted', async () => {
	portal.emu.faults.inject({ method: 'crm.deal.update', kind: 'html', status: 502, times: 10 });
	const error = await failure({ resource: 'deal', operation: 'update', deal: '1', updateFields: { TITLE: 'x' } });
	expect(error.message).toMatch(/^Bitrix24 crm\.deal\.update: .*"502 Bad Gateway nginx".*may or may not have applied it/);
	expect(error.context.bitrixCode).toBe('OUTCOME_UNKNOWN');
	expect(error.description).toMatch(/proxy in front of it, failed while answering/);
});

test('a scope the webhook lacks', async () => {
	const hook = portal.emu.addWebhook({ scopes: ['user'] });
	portal.credentials.set('narrow', 'bitrix24WebhookApi', { webhookUrl: hook.url, plan: 'none' });
	portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: hook.url, plan: 'none' });
	try {
		const error = await failure({ resource: 'deal', operation: 'get', deal: '1' });
		expect(error.context.bitrixCode).toBe('insufficient_scope');
		expect(error.description).toMatch(/scope/);
	} finally {
		portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan: 'none' });
	}
});

test('a user without rights', async () => {
	portal.emu.setUserRights(1, false);
	try {
		const error = await failure({ resource: 'deal', operation: 'get', deal: '1' });
		expect(error.context.bitrixCode).toBe('INVALID_CREDENTIALS');
		expect(error.httpCode).toBe('403');
		// system-errors.md: no active webhook with this user ID and code
		expect(error.description).toMatch(/No active inbound webhook.*user ID and code/);
		expect(error.message).toBe('Bitrix24 crm.deal.get: Invalid request credentials [INVALID_CREDENTIALS]');
	} finally {
		portal.emu.setUserRights(1, true);
	}
});

test('the failing item is named', async () => {
	const error = await failure({ resource: 'deal', operation: 'get', deal: '={{ $json.id }}' }, 'webhook', [{ id: 1 }, { id: 2 }, { id: 4242 }]);
	expect(error.context.itemIndex).toBe(2);
});

describe('retries', () => {
	test('503 QUERY_LIMIT_EXCEEDED is retried with backoff and succeeds, also for writes', async () => {
		portal.emu.faults.inject({ method: 'crm.deal.add', kind: 'status', status: 503, error: 'QUERY_LIMIT_EXCEEDED', description: 'Too many requests', times: 2 });
		const before = portal.emu.store.count('deal');
		const waits = clock.waits.length;
		const [out] = await portal.json({ resource: 'deal', operation: 'create', TITLE: 'Retried' });
		expect(out.id).toBeDefined();
		expect(portal.emu.calls('crm.deal.add').slice(-3).map((c) => c.status)).toEqual([503, 503, 200]);
		expect(portal.emu.store.count('deal')).toBe(before + 1);
		expect(clock.waits.length - waits).toBeGreaterThanOrEqual(2);
	});

	test('429 OPERATION_TIME_LIMIT waits until operating_reset_at when it is within the maximum', async () => {
		// the basket that frees the budget expires up to 10 minutes after its first call
		portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan: 'none', maxWaitSeconds: 900 });
		try {
			await portal.json({ resource: 'deal', operation: 'get', deal: '1' });
			portal.emu.faults.inject({ method: 'crm.deal.get', kind: 'status', status: 429, error: 'OPERATION_TIME_LIMIT', description: 'Method is blocked due to operation time limit.' });
			const waits = clock.waits.length;
			const [deal] = await portal.json({ resource: 'deal', operation: 'get', deal: '1' });
			expect(deal.ID).toBe('1');
			expect(portal.emu.calls('crm.deal.get').slice(-2).map((c) => c.status)).toEqual([429, 200]);
			expect(clock.waits.slice(waits).some((w) => w > 1)).toBe(true);
		} finally {
			portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan: 'none' });
		}
	});

	test('429 beyond "Max Wait on Limits" fails with a clear message', async () => {
		portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan: 'none', maxWaitSeconds: 5 });
		try {
			portal.emu.faults.inject({ method: 'crm.deal.get', kind: 'status', status: 429, error: 'OPERATION_TIME_LIMIT', description: 'Method is blocked due to operation time limit.' });
			const error = await failure({ resource: 'deal', operation: 'get', deal: '1' });
			expect(error.context.bitrixCode).toBe('OPERATION_TIME_LIMIT');
			expect(error.description).toMatch(/Max Wait on Limits/);
		} finally {
			portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan: 'none' });
		}
	});

	test('an HTML 502 on a read is retried; the message has a short safe excerpt when it persists', async () => {
		portal.emu.faults.inject({ method: 'crm.deal.get', kind: 'html', status: 502 });
		expect((await portal.json({ resource: 'deal', operation: 'get', deal: '1' }))[0].ID).toBe('1');
		portal.emu.faults.inject({ method: 'crm.deal.get', kind: 'html', status: 502, times: 10 });
		const error = await failure({ resource: 'deal', operation: 'get', deal: '1' });
		expect(error.message).toMatch(/HTTP 502/);
		expect(error.message).not.toMatch(/<html|<body/i);
		expect(error.httpCode).toBe('502');
	});

	test('a write after a connection reset goes over the wire exactly once', async () => {
		// a quote keeps no idempotency key (test/node/idempotency.test.ts has the creates that do)
		const before = portal.emu.store.count('quote');
		const sent = portal.emu.calls('crm.quote.add').length;
		portal.emu.faults.inject({ method: 'crm.quote.add', kind: 'reset', commit: true });
		const error = await failure({ resource: 'quote', operation: 'create', TITLE: 'Once' });
		expect(error.context.bitrixCode).toBe('OUTCOME_UNKNOWN');
		expect(error.description).toMatch(/not sent again/);
		expect(portal.emu.calls('crm.quote.add').length - sent).toBe(1);
		expect(portal.emu.store.count('quote')).toBe(before + 1);
	});

	test('a write answered 500 is not sent again', async () => {
		const sent = portal.emu.calls('crm.deal.update').length;
		portal.emu.faults.inject({ method: 'crm.deal.update', kind: 'status', status: 500, error: 'INTERNAL_SERVER_ERROR', description: 'Internal error' });
		const error = await failure({ resource: 'deal', operation: 'update', deal: '1', updateFields: { TITLE: 'x' } });
		expect(error.context.bitrixCode).toBe('OUTCOME_UNKNOWN');
		expect(portal.emu.calls('crm.deal.update').length - sent).toBe(1);
	});

	test('a read after a connection reset is retried', async () => {
		portal.emu.faults.inject({ method: 'crm.deal.get', kind: 'reset' });
		expect((await portal.json({ resource: 'deal', operation: 'get', deal: '2' }))[0].ID).toBe('2');
	});
});

describe('redaction: no secret in any error, for every credential type', () => {
	const secrets = () => {
		const token = (portal.credentials.store.get('oAuth2')!.data.oauthTokenData ?? {}) as IDataObject;
		return { webhook: [portal.emu.webhook.code], apiKey: [portal.emu.webhook.code], oAuth2: [String(token.access_token), String(token.refresh_token), portal.emu.oauth.clientSecret] };
	};
	for (const auth of ['webhook', 'apiKey', 'oAuth2'] as const) {
		test(auth, async () => {
			const failures = [
				await failure(callMethod('crm.deal.nosuchmethod'), auth),
				await failure({ resource: 'deal', operation: 'get', deal: '777777' }, auth),
			];
			// a quote keeps no idempotency key, so its lost create stays OUTCOME_UNKNOWN
			portal.emu.faults.inject({ method: 'crm.quote.add', kind: 'reset' });
			failures.push(await failure({ resource: 'quote', operation: 'create', TITLE: 'x' }, auth));
			portal.emu.faults.inject({ method: 'crm.deal.get', kind: 'html', status: 502, times: 10 });
			failures.push(await failure({ resource: 'deal', operation: 'get', deal: '1' }, auth));
			portal.emu.faults.clear();
			for (const error of failures) {
				const serialized = JSON.stringify({ ...error, message: error.message, description: error.description, stack: error.stack });
				for (const secret of secrets()[auth]) expect(serialized).not.toContain(secret);
			}
		});
	}
});

test('a write that never reached the portal (connection refused) is a plain error, not OUTCOME_UNKNOWN; the code stays out of it', async () => {
	const clock = useFakeClock();
	try {
		// a port nothing listens on: the connection is refused before anything is sent
		const closed = await new Promise<number>((resolve) => {
			const server = net.createServer().listen(0, '127.0.0.1', () => {
				const { port } = server.address() as net.AddressInfo;
				server.close(() => resolve(port));
			});
		});
		portal.credentials.set('refused', 'bitrix24WebhookApi', { webhookUrl: `http://127.0.0.1:${closed}/rest/1/REFUSEDSECRET42/`, plan: 'none' });
		const [item] = await portal.json({ resource: 'deal', operation: 'create', TITLE: 'Never sent' }, { credentialId: 'refused', continueOnFail: true });
		expect(item).toMatchObject({ code: 'ECONNREFUSED', error: expect.stringMatching(/^Bitrix24 crm\.deal\.add: /) });
		expect(JSON.stringify(item)).not.toContain('REFUSEDSECRET42');
		// refused connections are retried (nothing was sent), then reported
		expect(clock.waits).toHaveLength(3);
	} finally {
		clock.restore();
	}
});
