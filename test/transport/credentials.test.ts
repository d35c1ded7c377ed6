/** Each credential type against the emulator, through n8n's own credential and OAuth2 machinery. */
import type { IDataObject } from 'n8n-workflow';

import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

const getDeal = { resource: 'deal', operation: 'get', deal: '1' };

describe('webhook and API key', () => {
	let portal: Portal;
	beforeAll(async () => (portal = await startPortal({ seed: { deals: 2 }, apiKey: { mode: 'header', name: 'X-Api-Key', key: 'HEADERKEY99' } })));
	afterAll(async () => await portal.stop());

	test('webhook puts user and code in the path', async () => {
		const [deal] = await portal.json(getDeal);
		expect(deal.ID).toBe('1');
		const call = portal.emu.calls('crm.deal.get').pop()!;
		expect(call).toMatchObject({ auth: 'webhook', authVia: 'path', encoding: 'json', status: 200 });
		expect(call.params).toEqual({ id: '1' });
	});

	test('API key sent as webhook path', async () => {
		await portal.json(getDeal, { auth: 'apiKey' });
		expect(portal.emu.calls('crm.deal.get').pop()).toMatchObject({ auth: 'webhook', authVia: 'path', status: 200 });
	});

	test('API key sent as a header', async () => {
		portal.credentials.set('apiKey', 'bitrix24ApiKeyApi', { portalUrl: portal.emu.url, apiKey: 'HEADERKEY99', sendKeyAs: 'header', headerName: 'X-Api-Key', plan: 'none' });
		await portal.json(getDeal, { auth: 'apiKey' });
		expect(portal.emu.calls('crm.deal.get').pop()).toMatchObject({ auth: 'apikey', authVia: 'header', status: 200 });
	});

	test('a wrong key is refused with a hint, the key never shown', async () => {
		portal.credentials.set('apiKey', 'bitrix24ApiKeyApi', { portalUrl: portal.emu.url, apiKey: 'WRONGKEY77', sendKeyAs: 'header', headerName: 'X-Api-Key', plan: 'none' });
		const error = await portal.run(getDeal, { auth: 'apiKey' }).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/NO_AUTH_FOUND|INVALID_CREDENTIALS|invalid_token/);
		expect(JSON.stringify(error)).not.toContain('WRONGKEY77');
		expect((error as Error).message + String((error as unknown as IDataObject).description)).not.toContain('WRONGKEY77');
	});
});

describe('OAuth2', () => {
	for (const strict of [false, true]) {
		describe(strict ? 'old self-hosted portal (reads only auth/access_token)' : 'current portal (reads Bearer first)', () => {
			let portal: Portal;
			beforeEach(async () => (portal = await startPortal({ seed: { deals: 2 }, strictOAuthParams: strict })));
			afterEach(async () => await portal.stop());

			test('calls go to client_endpoint and are accepted', async () => {
				const [deal] = await portal.json(getDeal, { auth: 'oAuth2' });
				expect(deal.ID).toBe('1');
				const call = portal.emu.calls('crm.deal.get').pop()!;
				expect(call).toMatchObject({ auth: 'oauth', status: 200, authVia: strict ? 'param' : 'bearer' });
				expect(JSON.stringify(call.params)).not.toMatch(/"auth"/);
			});

			test('an expired token is refreshed by n8n, the rotated refresh token is stored, and the next run uses it', async () => {
				const expired = portal.emu.issueTokens({ expired: true });
				const stored = portal.credentials.store.get('oAuth2')!;
				stored.data = { ...stored.data, oauthTokenData: expired as unknown as IDataObject };
				const [deal] = await portal.json(getDeal, { auth: 'oAuth2' });
				expect(deal.ID).toBe('1');
				expect(portal.credentials.tokenUpdates).toHaveLength(1);
				const rotated = portal.credentials.tokenUpdates[0];
				expect(rotated.refresh_token).not.toBe(expired.refresh_token);
				expect(rotated.client_endpoint).toBe(`${portal.emu.url}/rest/`);
				const statuses = portal.emu.calls('crm.deal.get').map((c) => [c.status, c.error ?? null]);
				expect(statuses[0]).toEqual([401, 'expired_token']);
				expect(statuses[statuses.length - 1]).toEqual([200, null]);
				// the second run works with the stored token and needs no refresh
				await portal.json(getDeal, { auth: 'oAuth2' });
				expect(portal.credentials.tokenUpdates).toHaveLength(1);
				expect(portal.emu.calls('crm.deal.get').pop()!.status).toBe(200);
			});
		});
	}
});

describe('credential Test buttons', () => {
	let portal: Portal;
	beforeAll(async () => (portal = await startPortal({ apiKey: { mode: 'query', name: 'auth', key: 'QUERYKEY42' } })));
	afterAll(async () => await portal.stop());

	/** Resolves the test request's expressions like n8n, applies `authenticate`, and sends it. */
	async function press(type: string, credentials: IDataObject) {
		const { credentialTypes } = await import('../helpers/harness');
		const { Workflow } = await import('n8n-workflow');
		const credentialType = credentialTypes[type];
		const request = { ...credentialType.test!.request };
		const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as never });
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? workflow.expression.getSimpleParameterValue({ name: '', parameters: {} } as never, value, 'internal', { $credentials: credentials } as never)
				: value;
		const resolved = { method: 'GET' as const, url: resolve(request.url) as string, baseURL: resolve(request.baseURL) as string };
		const signed = await (credentialType.authenticate as unknown as (c: IDataObject, r: IDataObject) => Promise<IDataObject>)(credentials, resolved);
		expect(resolved.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
		const url = new URL(String(signed.url), signed.baseURL as string | undefined);
		for (const [key, value] of Object.entries((signed.qs ?? {}) as IDataObject)) url.searchParams.set(key, String(value));
		const response = await fetch(url, { headers: (signed.headers ?? {}) as Record<string, string> });
		return { status: response.status, body: (await response.json()) as IDataObject };
	}

	test('webhook', async () => {
		const { status, body } = await press('bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl });
		expect(status).toBe(200);
		expect(body).toHaveProperty("result");
		expect(portal.emu.calls('profile').pop()).toMatchObject({ auth: 'webhook', authVia: 'path', status: 200 });
	});

	test('API key as a query parameter', async () => {
		const { status } = await press('bitrix24ApiKeyApi', { portalUrl: portal.emu.url, apiKey: 'QUERYKEY42', sendKeyAs: 'queryParameter', parameterName: 'auth' });
		expect(status).toBe(200);
		expect(portal.emu.calls('profile').pop()).toMatchObject({ auth: 'apikey', authVia: 'query', status: 200 });
	});

	test('a malformed webhook URL fails the test with the reason', async () => {
		await expect(press('bitrix24WebhookApi', { webhookUrl: `${portal.emu.url}/rest/1/${portal.emu.webhook.code}/crm.deal.list` })).rejects.toThrow(/ends with a method name/);
	});
});
