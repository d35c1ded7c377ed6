import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

describe('validation against the documented catalog', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false, seed: { deals: 3 } });
	});
	afterAll(() => em.stop());

	test('unknown method -> 404 ERROR_METHOD_NOT_FOUND', async () => {
		const r = await hook(em, 'imopenlines.session.finish', { SESSION_ID: 1 });
		expect(r.status).toBe(404);
		expect(r.body).toEqual({ error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
	});

	test('legacy CRM: missing id / fields use the empty code with the documented text', async () => {
		const a = await hook(em, 'crm.deal.get', {});
		expect(a.status).toBe(400);
		expect(a.body).toEqual({ error: '', error_description: 'ID is not defined or invalid.' });
		const b = await hook(em, 'crm.deal.add', {});
		expect(b.body).toEqual({ error: '', error_description: "Parameter 'fields' must be array." });
		const c = await hook(em, 'crm.deal.add', { fields: 'TITLE=x' });
		expect(c.body.error_description).toBe("Parameter 'fields' must be array.");
		const d = await hook(em, 'crm.deal.get', { id: -4 });
		expect(d.body.error_description).toBe('ID is not defined or invalid.');
		const e = await hook(em, 'crm.deal.get', { id: 999999 });
		expect(e.status).toBe(400);
		expect(e.body).toEqual({ error: '', error_description: 'Not found' });
	});

	test('crm.item: missing or invalid params -> 400 INVALID_ARG_VALUE naming the parameter', async () => {
		const a = await hook(em, 'crm.item.get', { entityTypeId: 2 });
		expect(a.status).toBe(400);
		expect(a.body.error).toBe('INVALID_ARG_VALUE');
		expect(a.body.error_description).toContain('id');
		const b = await hook(em, 'crm.item.get', { entityTypeId: 2, id: 'abc' });
		expect(b.body.error).toBe('INVALID_ARG_VALUE');
		const c = await hook(em, 'crm.item.get', { entityTypeId: 5, id: 1 });
		expect(c.body.error).toBe('ENTITY_TYPE_NOT_SUPPORTED');
		const d = await hook(em, 'crm.item.get', { entityTypeId: 999, id: 1 });
		expect(d.body.error).toBe('NOT_FOUND');
	});

	test('"A|B" required parameters: one of them must be present', async () => {
		const r = await hook(em, 'imopenlines.dialog.get', {});
		expect(r.status).toBe(400);
		expect(r.body.error_description).toMatch(/CHAT_ID, DIALOG_ID, SESSION_ID, USER_CODE/);
	});

	test('tasks: missing TITLE -> ERROR_CORE', async () => {
		const r = await hook(em, 'tasks.task.add', { fields: { RESPONSIBLE_ID: 1 } });
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('ERROR_CORE');
	});

	test('generic catalogued methods are validated and answered by kind', async () => {
		const miss = await hook(em, 'crm.activity.todo.add', { ownerTypeId: 2, ownerId: 1 });
		expect(miss.status).toBe(400);
		expect(miss.body.error_description).toContain('deadline');
		const add = await hook(em, 'crm.activity.add', { fields: { SUBJECT: 'x' } });
		expect(typeof add.body.result).toBe('number');
		const got = await hook(em, 'crm.activity.get', { id: add.body.result });
		// the documented crm.activity.get example answers ID as a string
		expect(got.body.result.ID).toBe(String(add.body.result));
		const list = await hook(em, 'crm.activity.list', {});
		expect(list.body.result.length).toBe(1);
		expect(list.body.total).toBe(1);
		expect((await hook(em, 'crm.activity.delete', { id: add.body.result })).body.result).toBe(true);
		const upd = await hook(em, 'calendar.event.update', { id: 1, type: 'user', ownerId: 1 });
		// calendar.event.update answers the event's ID (doc example: "result": <id>)
		expect(upd.body.result).toBe(1);
	});
});
