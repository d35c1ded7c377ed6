import { startEmulator, Emulator } from './index';
import { hook, oauth } from './helpers';

describe('faults on demand', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());
	afterEach(() => em.faults.clear());

	test('status faults: 500 and 503, once by default', async () => {
		em.faults.inject({ method: 'crm.deal.add', kind: 'status', status: 500 });
		const a = await hook(em, 'crm.deal.add', { fields: { TITLE: 'x' } });
		expect(a.status).toBe(500);
		expect(a.body.error).toBe('INTERNAL_SERVER_ERROR');
		expect(em.store.count('deal')).toBe(0);
		expect((await hook(em, 'crm.deal.add', { fields: { TITLE: 'x' } })).status).toBe(200);
		em.faults.inject({ method: '*', kind: 'status', status: 503, times: 2 });
		expect((await hook(em, 'profile')).body.error).toBe('QUERY_LIMIT_EXCEEDED');
		expect((await hook(em, 'profile')).status).toBe(503);
		expect((await hook(em, 'profile')).status).toBe(200);
	});

	test('500 after the write committed (the duplicate trap)', async () => {
		const before = em.store.count('deal');
		em.faults.inject({ method: 'crm.deal.add', kind: 'status', status: 500, commit: true });
		expect((await hook(em, 'crm.deal.add', { fields: { TITLE: 'committed' } })).status).toBe(500);
		expect(em.store.count('deal')).toBe(before + 1);
	});

	test('an HTML 502 page', async () => {
		em.faults.inject({ kind: 'html' });
		const r = await fetch(em.webhookUrl + 'profile');
		expect(r.status).toBe(502);
		expect(r.headers.get('content-type')).toContain('text/html');
		expect(await r.text()).toContain('502 Bad Gateway');
	});

	test('connection reset after the body was read, with and without the write', async () => {
		const before = em.store.count('deal');
		em.faults.inject({ method: 'crm.deal.add', kind: 'reset', commit: false });
		await expect(hook(em, 'crm.deal.add', { fields: { TITLE: 'lost' } })).rejects.toThrow();
		expect(em.store.count('deal')).toBe(before);
		em.faults.inject({ method: 'crm.deal.add', kind: 'reset', commit: true });
		await expect(hook(em, 'crm.deal.add', { fields: { TITLE: 'ghost' } })).rejects.toThrow();
		expect(em.store.count('deal')).toBe(before + 1);
		expect(em.calls('crm.deal.add').at(-1)?.error).toBe('ECONNRESET');
	});

	test('a stall: the write is applied, then the gateway answers 504 after the wait', async () => {
		const before = em.store.count('deal');
		em.faults.inject({ method: 'crm.deal.add', kind: 'stall', delayMs: 150 });
		const t0 = Date.now();
		const r = await fetch(em.webhookUrl + 'crm.deal.add', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fields: { TITLE: 'stalled' } }) });
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		expect(r.status).toBe(504);
		expect(await r.text()).toContain('504 Gateway Time-out');
		expect(em.store.count('deal')).toBe(before + 1);
		expect(em.calls('crm.deal.add').at(-1)).toMatchObject({ status: 504, error: 'HTML' });
	});

	test('delay and expired token', async () => {
		em.faults.inject({ kind: 'delay', delayMs: 150 });
		const t0 = Date.now();
		expect((await hook(em, 'profile')).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		const t = em.issueTokens();
		em.faults.inject({ kind: 'expiredToken' });
		const r = await oauth(em, t.access_token, 'profile');
		expect(r.status).toBe(401);
		expect(r.body.error).toBe('expired_token');
		expect((await oauth(em, t.access_token, 'profile')).status).toBe(200);
	});

	test('result_error on chosen batch commands', async () => {
		em.faults.inject({ kind: 'batchCommandError', batchKey: 'b', status: 500 });
		const r = await hook(em, 'batch', { cmd: { a: 'profile', b: 'profile', c: 'profile' } });
		expect(r.status).toBe(200);
		expect(Object.keys(r.body.result.result)).toEqual(['a', 'c']);
		expect(r.body.result.result_error.b.error).toBe('INTERNAL_SERVER_ERROR');
	});
});
