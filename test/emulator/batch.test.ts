import { startEmulator, Emulator } from './index';
import { hook, oauth, post } from './helpers';

describe('batch', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false, seed: { deals: 130 } });
	});
	afterAll(() => em.stop());

	test('documented envelope; cmd as an object; HTTP 200; empty sections are []', async () => {
		const r = await hook(em, 'batch', { halt: 0, cmd: { me: 'user.current', deal: 'crm.deal.get?id=1' } });
		expect(r.status).toBe(200);
		expect(Object.keys(r.body.result).sort()).toEqual(['result', 'result_error', 'result_next', 'result_time', 'result_total']);
		expect(r.body.result.result.me.ID).toBe('1');
		expect(r.body.result.result_error).toEqual([]);
		expect(r.body.result.result_total).toEqual([]);
		expect(r.body.result.result_time.deal).toEqual(expect.objectContaining({ start: expect.any(Number), processing: expect.any(Number), date_finish: expect.any(String) }));
		expect(r.body.time).toBeDefined();
	});

	test('cmd as an array gives arrays back; list commands report result_total/result_next', async () => {
		const r = await hook(em, 'batch', { cmd: ['crm.deal.list?select[]=ID', 'crm.deal.list?start=50&select[]=ID'] });
		expect(Array.isArray(r.body.result.result)).toBe(true);
		expect(r.body.result.result[1][0].ID).toBe('51');
		expect(r.body.result.result_total).toEqual([130, 130]);
		expect(r.body.result.result_next).toEqual([50, 100]);
	});

	test('$result references: row paths and nested items paths chain a keyset read', async () => {
		const cmd: Record<string, string> = { p0: 'crm.deal.list?start=-1&order[ID]=ASC&select[]=ID' };
		for (let i = 1; i < 3; i++) cmd[`p${i}`] = `crm.deal.list?start=-1&order[ID]=ASC&select[]=ID&filter[>ID]=$result[p${i - 1}][49][ID]`;
		const r = await hook(em, 'batch', { halt: 1, cmd });
		const all = ['p0', 'p1', 'p2'].flatMap((k) => r.body.result.result[k].map((x: { ID: string }) => Number(x.ID)));
		expect(all).toHaveLength(130);
		expect(new Set(all).size).toBe(130);
		const items = await hook(em, 'batch', {
			cmd: {
				a: 'crm.item.list?entityTypeId=2&start=-1&order[id]=ASC&select[]=id',
				b: 'crm.item.list?entityTypeId=2&start=-1&order[id]=ASC&select[]=id&filter[>id]=$result[a][items][49][id]',
			},
		});
		expect(items.body.result.result.b.items[0].id).toBe(51);
		expect(em.subCalls('crm.item.list').at(-1)?.params).toEqual(expect.objectContaining({ filter: { '>id': 50 } }));
	});

	test('an unresolved reference is substituted as empty (configurable)', async () => {
		const r = await hook(em, 'batch', { cmd: { a: 'crm.deal.list?start=-1&filter[>ID]=120&select[]=ID', b: 'crm.deal.list?start=-1&select[]=ID&filter[>ID]=$result[a][49][ID]' } });
		// a short page: [49] does not exist, so the filter becomes '' and the read restarts from the top
		expect(r.body.result.result.b[0].ID).toBe('1');
		const strict = await startEmulator({ limits: false, seed: { deals: 60 }, batchUnresolvedRef: 'error' });
		try {
			const s = await hook(strict, 'batch', { cmd: { a: 'crm.deal.list?start=-1&filter[>ID]=55', b: 'crm.deal.list?filter[>ID]=$result[a][49][ID]' } });
			expect(s.body.result.result_error.b.error).toBe('ERROR_ARGUMENT');
		} finally {
			await strict.stop();
		}
	});

	test('halt=1 stops at the first error; halt=0 keeps going', async () => {
		const cmd = { a: 'crm.deal.get?id=1', b: 'crm.deal.get?id=999999', c: 'crm.deal.get?id=2' };
		const h1 = await hook(em, 'batch', { halt: 1, cmd });
		expect(Object.keys(h1.body.result.result)).toEqual(['a']);
		expect(h1.body.result.result_error.b.error_description).toBe('Not found');
		const h0 = await hook(em, 'batch', { halt: 0, cmd });
		expect(Object.keys(h0.body.result.result)).toEqual(['a', 'c']);
	});

	test('more than 50 commands -> 400 ERROR_BATCH_LENGTH_EXCEEDED', async () => {
		const cmd = Array.from({ length: 51 }, () => 'profile');
		const r = await hook(em, 'batch', { cmd });
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('ERROR_BATCH_LENGTH_EXCEEDED');
		expect((await hook(em, 'batch', { cmd: cmd.slice(1) })).status).toBe(200);
	});

	test('nested batch and uploads are refused as result_error ERROR_BATCH_METHOD_NOT_ALLOWED', async () => {
		const r = await hook(em, 'batch', { cmd: { inner: 'batch?cmd[0]=profile', up: 'disk.folder.uploadfile?id=1&data[NAME]=a.txt&fileContent[0]=a.txt&fileContent[1]=aGk=', ok: 'profile' } });
		expect(r.status).toBe(200);
		expect(r.body.result.result_error.inner.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED');
		expect(r.body.result.result_error.up.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED');
		expect(r.body.result.result.ok).toBeDefined();
	});

	test('each sub-command gets its own auth and scope check and is logged with parent/batchKey', async () => {
		em.clearLog();
		const r = await hook(em, 'batch', { cmd: { ev: 'event.get', bad: 'no.such.method', ok: 'crm.deal.get?id=3' } });
		expect(r.body.result.result_error.ev.error).toBe('WRONG_AUTH_TYPE');
		expect(r.body.result.result_error.bad.error).toBe('ERROR_METHOD_NOT_FOUND');
		const parent = em.calls('batch')[0];
		const subs = em.subCalls();
		expect(subs.map((s) => [s.method, s.batchKey, s.parent])).toEqual([
			['event.get', 'ev', parent.seq],
			['no.such.method', 'bad', parent.seq],
			['crm.deal.get', 'ok', parent.seq],
		]);
		expect(em.counters().batchSub).toBe(3);
		expect(em.counters().http).toBe(1);
		const w = em.addWebhook({ scopes: ['user'] });
		const s = await post(w.url + 'batch', { cmd: { d: 'crm.deal.get?id=1', u: 'user.current' } });
		expect(s.body.result.result_error.d.error).toBe('insufficient_scope');
		expect(s.body.result.result.u.ID).toBe('1');
		const t = em.issueTokens();
		const o = await oauth(em, t.access_token, 'batch', { cmd: { ev: 'event.get' } });
		expect(o.body.result.result.ev).toEqual([]);
	});

	test('form-encoded batch with a URL-encoded command', async () => {
		const body = `cmd[a]=${encodeURIComponent('crm.deal.list?filter[%TITLE]=Deal%20%2312%20&select[]=ID')}&halt=0`;
		const r = await fetch(em.webhookUrl + 'batch', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
		const j = (await r.json()) as { result: { result: Record<string, unknown> } };
		expect(j.result.result.a).toEqual([{ ID: '12' }]);
	});
});
