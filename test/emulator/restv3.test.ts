import { loadCatalog } from './catalog';
import type { CatalogEntry } from './catalog';
import { startEmulator, Emulator } from './index';
import { form, get, post } from './helpers';

/** A plausible value for a REST 3.0 parameter: condition lists, camelCase field sets, integer IDs. */
function value(e: CatalogEntry, name: string): unknown {
	if (name === 'filter') return e.method === 'call.followup.list' ? { startDate: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T23:59:59Z' } } : [];
	if (name === 'fields') return { taskId: 1, text: 'x', title: 'x', responsibleId: 1, messageId: 1, name: 'x' };
	if (/Ids$/.test(name)) return [1];
	if (/(^id|Id)$/.test(name)) return 1;
	return 'x';
}

describe('REST 3.0 at /rest/api/', () => {
	let em: Emulator;
	const v3 = (method: string) => `${em.url}/rest/api/${em.webhook.userId}/${em.webhook.code}/${method}`;
	beforeAll(async () => {
		em = await startEmulator({ limits: false, apiKey: { mode: 'header', name: 'X-Api-Key', key: 'k-9', userId: 1 } });
	});
	afterAll(() => em.stop());

	test('webhook path: create, get, list with pagination, update, delete in the documented envelope', async () => {
		const ids: number[] = [];
		for (const text of ['a', 'b', 'c']) {
			const add = await post(v3('tasks.task.result.add'), { fields: { taskId: 7, text } });
			expect(add.status).toBe(200);
			expect(add.body.result.item).toEqual(expect.objectContaining({ id: expect.any(Number), text }));
			expect(add.body.time).toEqual(expect.objectContaining({ start: expect.any(Number), duration: expect.any(Number) }));
			ids.push(add.body.result.item.id);
		}
		const upd = await post(v3('tasks.task.result.update'), { id: ids[1], fields: { text: 'B' } });
		expect(upd.status).toBe(200);
		const del = await post(v3('tasks.task.result.delete'), { id: ids[2] });
		expect(del.body.result).toEqual({ result: true });
		expect(em.calls('tasks.task.result.add').at(-1)).toEqual(expect.objectContaining({ auth: 'webhook', api: 'v3', status: 200 }));
	});

	test('lists page with pagination {limit, offset} and filter conditions', async () => {
		for (let i = 0; i < 5; i++) em.store.insert('generic:main.eventlog', { severity: i % 2 ? 'WARNING' : 'INFO', description: `e${i}` });
		const first = await post(v3('main.eventlog.list'), { pagination: { limit: 2, offset: 0 }, order: { id: 'ASC' } });
		expect(first.status).toBe(200);
		expect(first.body.result.items.map((r: { description: string }) => r.description)).toEqual(['e0', 'e1']);
		const third = await post(v3('main.eventlog.list'), { pagination: { limit: 2, offset: 4 } });
		expect(third.body.result.items.map((r: { description: string }) => r.description)).toEqual(['e4']);
		const warn = await post(v3('main.eventlog.list'), { filter: [['severity', '=', 'WARNING']] });
		expect(warn.body.result.items.map((r: { description: string }) => r.description)).toEqual(['e1', 'e3']);
		const bad = await post(v3('main.eventlog.list'), { filter: [['severity', 'like', 'W']] });
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_UNKNOWNFILTEROPERATOREXCEPTION');
	});

	test('errors: {error: {code, message, validation}}, 404 for unknown and classic-only methods', async () => {
		const missing = await post(v3('main.eventlog.get'), {});
		expect(missing.status).toBe(400);
		expect(missing.body).toEqual({
			error: { code: 'BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION', message: 'Error validating request object', validation: [{ field: 'id', message: 'Required field `id` is not specified' }] },
		});
		const classicOnly = await post(v3('crm.deal.add'), { fields: { TITLE: 'x' } });
		expect(classicOnly.status).toBe(404);
		expect(classicOnly.body.error.code).toBe('ERROR_METHOD_NOT_FOUND');
		// a REST 3.0-only method at the classic address (rest-v3.md#call)
		const atClassic = await post(`${em.webhookUrl}tasks.task.chat.message.send`, { fields: { taskId: 1, text: 'x' } });
		expect(atClassic.status).toBe(404);
		expect(atClassic.body.error).toBe('ERROR_METHOD_NOT_FOUND');
	});

	test('JSON only: a form body is refused; the query string is not read', async () => {
		const f = await form(v3('main.eventlog.get'), 'id=1');
		expect(f.status).toBe(400);
		expect(f.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_INVALIDJSONEXCEPTION');
		const q = await get(`${v3('main.eventlog.get')}?id=1`);
		expect(q.status).toBe(400);
		expect(q.body.error.validation[0].field).toBe('id');
	});

	test('OAuth (auth in the body, or Bearer) and API key header reach /rest/api/METHOD', async () => {
		const t = em.issueTokens();
		const body = await post(`${em.url}/rest/api/tasks.task.field.list`, { auth: t.access_token });
		expect(body.status).toBe(200);
		expect(body.body.result.items.length).toBeGreaterThan(0);
		expect(em.calls('tasks.task.field.list').at(-1)).toEqual(expect.objectContaining({ auth: 'oauth', api: 'v3' }));
		const bearer = await post(`${em.url}/rest/api/tasks.task.field.list`, {}, { Authorization: `Bearer ${t.access_token}` });
		expect(bearer.status).toBe(200);
		const key = await post(`${em.url}/rest/api/tasks.task.field.list`, {}, { 'X-Api-Key': 'k-9' });
		expect(key.status).toBe(200);
		expect(em.calls('tasks.task.field.list').at(-1)).toEqual(expect.objectContaining({ auth: 'apikey' }));
		const none = await post(`${em.url}/rest/api/tasks.task.field.list`, {});
		expect(none.status).toBe(401);
		expect(none.body.error.code).toBe('NO_AUTH_FOUND');
	});

	test('Idempotency-Key: a replay answers the stored result; another body with the key is 422', async () => {
		const key = { 'Idempotency-Key': 'k-77f1' };
		const first = await post(v3('tasks.task.result.add'), { fields: { taskId: 9, text: 'once' } }, key);
		expect(first.status).toBe(200);
		expect(first.headers.get('idempotency-key')).toBe('k-77f1');
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		const again = await post(v3('tasks.task.result.add'), { fields: { text: 'once', taskId: 9 } }, key);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(again.body.result.item.id).toBe(first.body.result.item.id);
		expect(em.store.all('generic:tasks.task.result').filter((r) => r.text === 'once')).toHaveLength(1);
		const other = await post(v3('tasks.task.result.add'), { fields: { taskId: 9, text: 'other' } }, key);
		expect(other.status).toBe(422);
		expect(other.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_IDEMPOTENCYKEYREUSEDEXCEPTION');
		const invalid = await post(v3('tasks.task.result.add'), { fields: { taskId: 9, text: 'x' } }, { 'Idempotency-Key': 'k'.repeat(256) });
		expect(invalid.status).toBe(400);
		expect(invalid.body.error.code).toBe('BITRIX_REST_V3_EXCEPTION_INVALIDIDEMPOTENCYKEYEXCEPTION');
	});

	test('tasks.task.* on REST 3.0 share the classic task records', async () => {
		// tasks-task-add-rest-v3.md: title, creatorId and responsibleId are required
		const refused = await post(v3('tasks.task.add'), { fields: { title: 'Report', responsibleId: 1 } });
		expect(refused.status).toBe(400);
		expect(refused.body.error).toEqual(expect.objectContaining({ code: 'BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION', validation: [{ field: 'creatorId', message: 'Required field `creatorId` is missing' }] }));
		const add = await post(v3('tasks.task.add'), { fields: { title: 'Report', creatorId: 1, responsibleId: 1 } });
		expect(add.status).toBe(200);
		const id = add.body.result.item.id;
		expect(add.body.result.item).toEqual(expect.objectContaining({ id: expect.any(Number), title: 'Report', responsibleId: 1, creatorId: 1 }));
		const classic = await post(`${em.webhookUrl}tasks.task.get`, { taskId: id });
		expect(classic.body.result.task.title).toBe('Report');
		await post(v3('tasks.task.update'), { id, fields: { title: 'Report v2' } });
		const got = await post(v3('tasks.task.get'), { id, select: ['title'] });
		expect(got.body.result.item).toEqual({ id, title: 'Report v2' });
		const list = await post(v3('tasks.task.list'), { filter: [['id', '=', id]], pagination: { limit: 10 } });
		expect(list.body.result.items.map((t: { id: number }) => t.id)).toEqual([id]);
		expect((await post(v3('tasks.task.delete'), { id })).body.result).toEqual({ result: true });
		const gone = await post(v3('tasks.task.get'), { id });
		expect(gone.status).toBe(400);
		expect(gone.body.error.message).toMatch(/not found/i);
	});

	test('every REST 3.0 method: answered with its required parameters, refused without one', async () => {
		const entries = [...loadCatalog().values()].filter((e) => e.restV3);
		expect(entries.length).toBeGreaterThanOrEqual(100);
		const wrong: string[] = [];
		for (const e of entries) {
			const params = Object.fromEntries(e.required.map((name) => [name, value(e, name)]));
			const r = await post(v3(e.method), params);
			// reached: a result, a not-found for the made-up ID, or a family handler judging the made-up values
			const judged = r.status === 400 && /^BITRIX_REST_V3_EXCEPTION_(ENTITYNOTFOUND|VALIDATION_REQUESTVALIDATION)EXCEPTION$/.test(r.body.error?.code) && !/^Required field/.test(r.body.error?.message);
			if (!(r.status === 200 && r.body.result !== undefined) && !judged) wrong.push(`${e.method} ${r.status} ${JSON.stringify(r.body.error)}`);
			if (!e.required.length) continue;
			const without = await post(v3(e.method), { ...params, [e.required[0]]: undefined });
			if (without.status !== 400 || without.body.error?.validation?.[0]?.field !== e.required[0]) wrong.push(`${e.method} without ${e.required[0]}: ${without.status}`);
		}
		expect(wrong).toEqual([]);
	});
});
