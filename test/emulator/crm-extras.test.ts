// CRM methods whose answers depend on other records (handlers/crm-extras.ts): import, the duplicate
// search's extra fields, call lists, recurring deals, the base currency and the crm.enum.* lists.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false });
});
afterAll(() => em.stop());

test('crm.item.import and batchImport create readable items; batchImport answers per record and takes 20 at most', async () => {
	const one = await hook(em, 'crm.item.import', { entityTypeId: 2, fields: { title: 'Imported' } });
	const id = (one.body.result as { item: { id: number } }).item.id;
	expect((await hook(em, 'crm.item.get', { entityTypeId: 2, id })).body.result.item).toMatchObject({ id, title: 'Imported' });
	const many = await hook(em, 'crm.item.batchImport', { entityTypeId: 2, data: [{ title: 'A' }, { title: 'B' }] });
	const items = (many.body.result as { items: Array<{ item: { id: number } }> }).items;
	expect(items).toEqual([{ item: { id: expect.any(Number) } }, { item: { id: expect.any(Number) } }]);
	expect((await hook(em, 'crm.deal.get', { id: items[1].item.id })).body.result).toMatchObject({ TITLE: 'B' });
	const tooMany = await hook(em, 'crm.item.batchImport', { entityTypeId: 2, data: Array.from({ length: 21 }, (_, i) => ({ title: `D${i}` })) });
	expect(tooMany.status).toBe(400);
});

test('duplicate search fields: register once per field, seven at most, unknown fields and ids refused', async () => {
	const fields = (await hook(em, 'crm.duplicate.volatileType.fields', { entityTypeId: 1 })).body.result as Array<{ fieldCode: string }>;
	expect(fields).toContainEqual({ entityTypeId: 1, fieldCode: 'TITLE', fieldTitle: expect.any(String) });
	const first = (await hook(em, 'crm.duplicate.volatileType.register', { entityTypeId: 1, fieldCode: 'TITLE' })).body.result as { id: number };
	expect((await hook(em, 'crm.duplicate.volatileType.register', { entityTypeId: 1, fieldCode: 'TITLE' })).body.result).toEqual(first);
	expect((await hook(em, 'crm.duplicate.volatileType.register', { entityTypeId: 1, fieldCode: 'NO_SUCH' })).body.error).toBe('FIELD_NOT_FOUND');
	const codes = fields.map((field) => field.fieldCode).filter((code) => code !== 'TITLE');
	for (const fieldCode of codes.slice(0, 6)) await hook(em, 'crm.duplicate.volatileType.register', { entityTypeId: 1, fieldCode });
	expect((await hook(em, 'crm.duplicate.volatileType.list', {})).body.result).toHaveLength(7);
	expect((await hook(em, 'crm.duplicate.volatileType.register', { entityTypeId: 3, fieldCode: 'POST' })).body.error).toBe('MAX_TYPES_COUNT_EXCEEDED');
	expect((await hook(em, 'crm.duplicate.volatileType.unregister', { id: first.id })).body.result).toBe(true);
	expect((await hook(em, 'crm.duplicate.volatileType.unregister', { id: first.id })).body.error).toBe('TYPE_IS_NOT_ASSIGNED');
});

test('call lists: update replaces the records items.get reads; statuses as documented; unknown lists refused', async () => {
	const list = (await hook(em, 'crm.calllist.add', { ENTITY_TYPE: 'COMPANY', ENTITIES: [5, 6] })).body.result as number;
	expect((await hook(em, 'crm.calllist.items.get', { LIST_ID: list })).body.result).toEqual([
		{ ID: 5, STATUS: 'IN_WORK', ENTITY_TYPE: 4 },
		{ ID: 6, STATUS: 'IN_WORK', ENTITY_TYPE: 4 },
	]);
	await hook(em, 'crm.calllist.update', { LIST_ID: list, ENTITY_TYPE: 'CONTACT', ENTITIES: [9] });
	expect((await hook(em, 'crm.calllist.items.get', { LIST_ID: list })).body.result).toEqual([{ ID: 9, STATUS: 'IN_WORK', ENTITY_TYPE: 3 }]);
	expect((await hook(em, 'crm.calllist.items.get', { LIST_ID: list, FILTER: { STATUS: 'SUCCESS' } })).body.result).toEqual([]);
	expect((await hook(em, 'crm.calllist.items.get', { LIST_ID: 9999 })).body).toMatchObject({ error: 'LIST_ID_ERROR', error_description: 'Call list is not found' });
	expect(((await hook(em, 'crm.calllist.statuslist', {})).body.result as Array<{ STATUS_ID: string }>).map((s) => s.STATUS_ID)).toEqual(['IN_WORK', 'SUCCESS', 'WRONG_NUMBER', 'STOP_CALLING']);
});

test('crm.deal.recurring.expose makes a new deal from the template deal', async () => {
	const deal = (await hook(em, 'crm.deal.add', { fields: { TITLE: 'Monthly service' } })).body.result as number;
	const template = (await hook(em, 'crm.deal.recurring.add', { fields: { DEAL_ID: deal } })).body.result as number;
	const made = (await hook(em, 'crm.deal.recurring.expose', { id: template })).body.result as { DEAL_ID: number };
	expect(made.DEAL_ID).toBeGreaterThan(deal);
	expect((await hook(em, 'crm.deal.get', { id: made.DEAL_ID })).body.result).toMatchObject({ TITLE: 'Monthly service' });
	expect((await hook(em, 'crm.deal.recurring.expose', { id: 9999 })).body.error_description).toBe('Recurring deal is not found');
});

test('the base currency moves with base.set; crm.enum lists answer as documented', async () => {
	em.store.seed('generic:crm.currency', 3);
	const base = (await hook(em, 'crm.currency.base.get', {})).body.result as string;
	expect(base).toMatch(/^[A-Z]{3}$/);
	const other = ((await hook(em, 'crm.currency.list', {})).body.result as Array<{ CURRENCY: string }>).map((c) => c.CURRENCY).find((code) => code !== base)!;
	expect((await hook(em, 'crm.currency.base.set', { id: other })).body.result).toBe(true);
	expect((await hook(em, 'crm.currency.base.get', {})).body.result).toBe(other);
	expect((await hook(em, 'crm.enum.ownertype', {})).body.result).toContainEqual({ ID: 2, NAME: 'Deal', SYMBOL_CODE: 'DEAL', SYMBOL_CODE_SHORT: 'D' });
});
