import { startEmulator, Emulator } from './index';
import { form, get, hook, oauth, post } from './helpers';

describe('auth: webhook, OAuth, API key', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false, apiKey: { mode: 'header', name: 'X-Api-Key', key: 'k-123', userId: 1 } });
	});
	afterAll(() => em.stop());

	test('webhook path auth works, with and without .json', async () => {
		const a = await hook(em, 'user.current');
		expect(a.status).toBe(200);
		expect(a.body.result.ID).toBe('1');
		expect(a.body.time).toEqual(expect.objectContaining({ start: expect.any(Number), duration: expect.any(Number), date_start: expect.any(String) }));
		const b = await hook(em, 'USER.Current.json');
		expect(b.status).toBe(200);
		expect(em.calls('user.current').at(-1)).toEqual(expect.objectContaining({ auth: 'webhook', authVia: 'path' }));
	});

	test('wrong webhook code or user -> 401 NO_AUTH_FOUND; no auth -> 401 NO_AUTH_FOUND', async () => {
		const a = await post(`${em.url}/rest/1/wrongcode/user.current`, {});
		expect(a.status).toBe(401);
		expect(a.body.error).toBe('NO_AUTH_FOUND');
		const b = await post(`${em.url}/rest/2/${em.webhook.code}/user.current`, {});
		expect(b.body.error).toBe('NO_AUTH_FOUND');
		const c = await post(`${em.url}/rest/user.current`, {});
		expect(c.status).toBe(401);
		expect(c.body.error).toBe('NO_AUTH_FOUND');
	});

	test('OAuth token as auth param, access_token param, query, or Bearer header', async () => {
		const t = em.issueTokens();
		expect(t.client_endpoint).toBe(`${em.url}/rest/`);
		expect((await oauth(em, t.access_token, 'user.current')).status).toBe(200);
		expect((await post(`${em.url}/rest/user.current`, { access_token: t.access_token })).status).toBe(200);
		expect((await get(`${em.url}/rest/user.current.json?auth=${t.access_token}`)).status).toBe(200);
		const bearer = await post(`${em.url}/rest/user.current`, {}, { Authorization: `Bearer ${t.access_token}` });
		expect(bearer.status).toBe(200);
		expect(em.calls('user.current').at(-1)).toEqual(expect.objectContaining({ auth: 'oauth', authVia: 'bearer' }));
		// repeated parameter: the last one wins, as in PHP
		const rep = await get(`${em.url}/rest/user.current?auth=garbage&auth=${t.access_token}`);
		expect(rep.status).toBe(200);
	});

	test('garbage token -> 401 invalid_token; expired -> 401 expired_token', async () => {
		const a = await oauth(em, 'nonsense', 'user.current');
		expect(a.status).toBe(401);
		expect(a.body.error).toBe('invalid_token');
		const t = em.issueTokens({ expired: true });
		const b = await oauth(em, t.access_token, 'user.current');
		expect(b.status).toBe(401);
		expect(b.body).toEqual({ error: 'expired_token', error_description: 'The access token provided has expired.' });
	});

	test('access tokens expire on the virtual clock', async () => {
		const t = em.issueTokens();
		expect((await oauth(em, t.access_token, 'profile')).status).toBe(200);
		em.advanceTime(3601);
		expect((await oauth(em, t.access_token, 'profile')).body.error).toBe('expired_token');
	});

	test('authorize redirects with code/state/domain/member_id/scope/server_domain; code is single-use', async () => {
		const redirect = 'http://127.0.0.1:9/callback';
		const r = await get(`${em.oauth.authorizeUrl}?client_id=${em.oauth.clientId}&state=xyz&redirect_uri=${encodeURIComponent(redirect)}`);
		expect(r.status).toBe(302);
		const loc = new URL(String(r.headers.get('location')));
		expect(loc.origin + loc.pathname).toBe(redirect);
		for (const k of ['code', 'domain', 'member_id', 'scope', 'server_domain']) expect(loc.searchParams.get(k)).toBeTruthy();
		expect(loc.searchParams.get('state')).toBe('xyz');
		const code = String(loc.searchParams.get('code'));
		const body = `grant_type=authorization_code&client_id=${em.oauth.clientId}&client_secret=${em.oauth.clientSecret}&code=${code}`;
		const tok = await form(em.oauth.tokenUrl, body);
		expect(tok.status).toBe(200);
		for (const k of ['access_token', 'refresh_token', 'expires_in', 'expires', 'client_endpoint', 'server_endpoint', 'domain', 'member_id', 'scope', 'status', 'user_id']) expect(tok.body[k]).toBeDefined();
		const again = await form(em.oauth.tokenUrl, body);
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('invalid_grant');
	});

	test('authorization codes live 30 s', async () => {
		const r = await get(`${em.oauth.authorizeUrl}?client_id=${em.oauth.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}`);
		const code = new URL(String(r.headers.get('location'))).searchParams.get('code');
		em.advanceTime(31);
		const tok = await get(`${em.oauth.tokenUrl}?grant_type=authorization_code&client_id=${em.oauth.clientId}&client_secret=${em.oauth.clientSecret}&code=${code}`);
		expect(tok.body.error).toBe('invalid_grant');
	});

	test('refresh tokens rotate: the old refresh token fails with invalid_grant', async () => {
		const t = em.issueTokens({ expired: true });
		const q = (rt: string): string => `${em.oauth.tokenUrl}?grant_type=refresh_token&client_id=${em.oauth.clientId}&client_secret=${em.oauth.clientSecret}&refresh_token=${rt}`;
		const first = await get(q(t.refresh_token));
		expect(first.status).toBe(200);
		expect(first.body.refresh_token).not.toBe(t.refresh_token);
		expect((await oauth(em, first.body.access_token, 'profile')).status).toBe(200);
		const old = await get(q(t.refresh_token));
		expect(old.status).toBe(400);
		expect(old.body.error).toBe('invalid_grant');
		const second = await form(em.oauth.tokenUrl, new URL(q(first.body.refresh_token)).search.slice(1));
		expect(second.status).toBe(200);
	});

	test('bad client credentials -> 401 invalid_client', async () => {
		const t = em.issueTokens();
		const r = await get(`${em.oauth.tokenUrl}?grant_type=refresh_token&client_id=${em.oauth.clientId}&client_secret=wrong&refresh_token=${t.refresh_token}`);
		expect(r.status).toBe(401);
		expect(r.body.error).toBe('invalid_client');
	});

	test('app-only methods through a webhook or API key -> 403 WRONG_AUTH_TYPE; fine with OAuth', async () => {
		const a = await hook(em, 'event.bind', { event: 'ONCRMDEALADD', handler: 'http://127.0.0.1:9/h' });
		expect(a.status).toBe(403);
		expect(a.body.error).toBe('WRONG_AUTH_TYPE');
		const k = await post(`${em.url}/rest/app.info`, {}, { 'X-Api-Key': 'k-123' });
		expect(k.body.error).toBe('WRONG_AUTH_TYPE');
		const t = em.issueTokens();
		expect((await oauth(em, t.access_token, 'app.info')).status).toBe(200);
	});

	test('scope-restricted webhook -> 403 insufficient_scope; OAuth token -> 401 insufficient_scope', async () => {
		const w = em.addWebhook({ scopes: ['crm'] });
		expect((await post(w.url + 'crm.deal.list', {})).status).toBe(200);
		const r = await post(w.url + 'user.get', {});
		expect(r.status).toBe(403);
		expect(r.body.error).toBe('insufficient_scope');
		// basic methods need no scope
		expect((await post(w.url + 'profile', {})).status).toBe(200);
		const t = em.issueTokens({ scope: 'crm' });
		const o = await oauth(em, t.access_token, 'tasks.task.list');
		expect(o.status).toBe(401);
		expect(o.body.error).toBe('insufficient_scope');
	});

	test('a user without rights -> 403 INVALID_CREDENTIALS', async () => {
		const w = em.addWebhook({ userId: 1 });
		em.setUserRights(1, false);
		const r = await post(w.url + 'profile', {});
		expect(r.status).toBe(403);
		expect(r.body.error).toBe('INVALID_CREDENTIALS');
		em.setUserRights(1, true);
		expect((await post(w.url + 'profile', {})).status).toBe(200);
	});

	test('API key in a header; wrong key -> 401', async () => {
		const ok = await post(`${em.url}/rest/user.current`, {}, { 'X-Api-Key': 'k-123' });
		expect(ok.status).toBe(200);
		expect(em.calls('user.current').at(-1)).toEqual(expect.objectContaining({ auth: 'apikey', authVia: 'header' }));
		const bad = await post(`${em.url}/rest/user.current`, {}, { 'X-Api-Key': 'nope' });
		expect(bad.status).toBe(401);
	});

	test('secrets never appear in the log', async () => {
		const t = em.issueTokens();
		await oauth(em, t.access_token, 'profile');
		const text = JSON.stringify(em.log);
		expect(text).not.toContain(t.access_token);
		expect(text).not.toContain(em.webhook.code);
		expect(text).not.toContain('k-123');
	});
});

describe('auth: strictOAuthParams and API key in the query', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false, strictOAuthParams: true, apiKey: { mode: 'query', name: 'api_key', key: 'q-1' } });
	});
	afterAll(() => em.stop());

	test('old self-hosted mode ignores the Bearer header', async () => {
		const t = em.issueTokens();
		const r = await post(`${em.url}/rest/profile`, {}, { Authorization: `Bearer ${t.access_token}` });
		expect(r.status).toBe(401);
		expect(r.body.error).toBe('NO_AUTH_FOUND');
		expect((await oauth(em, t.access_token, 'profile')).status).toBe(200);
	});

	test('API key as a query parameter', async () => {
		const r = await get(`${em.url}/rest/profile?api_key=q-1`);
		expect(r.status).toBe(200);
		expect(em.calls('profile').at(-1)).toEqual(expect.objectContaining({ auth: 'apikey', authVia: 'query' }));
		expect(JSON.stringify(em.log)).not.toContain('q-1');
	});
});
