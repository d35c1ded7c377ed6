import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

describe('CRM state', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test('legacy add/get/update/delete with multifield update semantics and UF fields', async () => {
		const add = await hook(em, 'crm.contact.add', { fields: { NAME: 'Ivan', PHONE: [{ VALUE: '+1001', VALUE_TYPE: 'WORK' }, { VALUE: '+1002', VALUE_TYPE: 'MOBILE' }], UF_CRM_SHOE: '42', title: 'ignored' } });
		const id = add.body.result;
		expect(typeof id).toBe('number');
		const got = (await hook(em, 'crm.contact.get', { id })).body.result;
		expect(got.ID).toBe(String(id));
		expect(got.UF_CRM_SHOE).toBe('42');
		expect(got.PHONE).toHaveLength(2);
		const [p1, p2] = got.PHONE;
		// no ID = add, ID = replace, DELETE:'Y' = remove
		await hook(em, 'crm.contact.update', { id, fields: { PHONE: [{ ID: p1.ID, VALUE: '+1999' }, { ID: p2.ID, DELETE: 'Y' }, { VALUE: '+1003' }] } });
		const after = (await hook(em, 'crm.contact.get', { id })).body.result;
		expect(after.PHONE.map((x: { VALUE: string }) => x.VALUE)).toEqual(['+1999', '+1003']);
		expect((await hook(em, 'crm.contact.delete', { id })).body.result).toBe(true);
		expect((await hook(em, 'crm.contact.get', { id })).body).toEqual({ error: '', error_description: 'Not found' });
	});

	test('*.fields returns metadata keyed by UPPER_CASE name incl. user fields', async () => {
		await hook(em, 'crm.deal.userfield.add', { fields: { FIELD_NAME: 'BUDGET', USER_TYPE_ID: 'double' } });
		const f = (await hook(em, 'crm.deal.fields')).body.result;
		expect(f.TITLE).toEqual(expect.objectContaining({ type: 'string', isRequired: false, isReadOnly: false, isMultiple: false }));
		expect(f.UF_CRM_BUDGET.type).toBe('double');
	});

	test('crm.item.* shares records with the legacy methods (camelCase mapping)', async () => {
		const id = (await hook(em, 'crm.deal.add', { fields: { TITLE: 'Shared', ASSIGNED_BY_ID: 1, UF_CRM_10_DIGIT: 'x' } })).body.result;
		const item = (await hook(em, 'crm.item.get', { entityTypeId: 2, id })).body.result.item;
		expect(item).toEqual(expect.objectContaining({ id, title: 'Shared', assignedById: 1, stageId: 'NEW', categoryId: 0, ufCrm10Digit: 'x' }));
		const orig = (await hook(em, 'crm.item.get', { entityTypeId: 2, id, useOriginalUfNames: 'Y' })).body.result.item;
		expect(orig.UF_CRM_10_DIGIT).toBe('x');
		const upd = await hook(em, 'crm.item.update', { entityTypeId: 2, id, fields: { title: 'Renamed', ufCrm10Digit: 'y' } });
		expect(upd.body.result.item.title).toBe('Renamed');
		const legacy = (await hook(em, 'crm.deal.get', { id })).body.result;
		expect(legacy.TITLE).toBe('Renamed');
		expect(legacy.UF_CRM_10_DIGIT).toBe('y');
		const added = (await hook(em, 'crm.item.add', { entityTypeId: 1, fields: { title: 'Lead via item', name: 'Olga' } })).body.result.item;
		expect((await hook(em, 'crm.lead.get', { id: added.id })).body.result.NAME).toBe('Olga');
		expect((await hook(em, 'crm.item.delete', { entityTypeId: 2, id })).status).toBe(200);
		const gone = await hook(em, 'crm.item.get', { entityTypeId: 2, id });
		expect(gone.status).toBe(400);
		expect(gone.body.error).toBe('NOT_FOUND');
	});

	test('crm.item.fields -> result.fields keyed by camelCase with upperName', async () => {
		const f = (await hook(em, 'crm.item.fields', { entityTypeId: 2 })).body.result.fields;
		expect(f.assignedById.upperName).toBe('ASSIGNED_BY_ID');
		expect(f.stageId.type).toBe('crm_status');
	});

	test('smart processes: crm.type.add creates an entityTypeId usable by crm.item.*', async () => {
		const type = (await hook(em, 'crm.type.add', { fields: { title: 'Projects' } })).body.result.type;
		expect(type.entityTypeId).toBeGreaterThanOrEqual(128);
		const item = (await hook(em, 'crm.item.add', { entityTypeId: type.entityTypeId, fields: { title: 'P1' } })).body.result.item;
		expect(item.stageId).toMatch(new RegExp(`^DT${type.entityTypeId}_\\d+:NEW$`));
		const list = (await hook(em, 'crm.item.list', { entityTypeId: type.entityTypeId })).body.result.items;
		expect(list.map((i: { title: string }) => i.title)).toEqual(['P1']);
		const invoice = await hook(em, 'crm.item.add', { entityTypeId: 31, fields: { title: 'Inv' } });
		expect(invoice.status).toBe(200);
		expect(em.store.count('invoice')).toBe(1);
	});

	test('pipelines and stages', async () => {
		const cats = (await hook(em, 'crm.category.list', { entityTypeId: 2 })).body.result.categories;
		expect(cats[0]).toEqual(expect.objectContaining({ id: 0, isDefault: 'Y' }));
		const cat = (await hook(em, 'crm.category.add', { entityTypeId: 2, fields: { name: 'Wholesale' } })).body.result.category;
		const stages = (await hook(em, 'crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${cat.id}` } })).body.result;
		expect(stages.map((s: { STATUS_ID: string }) => s.STATUS_ID)).toContain(`C${cat.id}:NEW`);
		const deal = (await hook(em, 'crm.deal.add', { fields: { TITLE: 'W', CATEGORY_ID: cat.id } })).body.result;
		expect((await hook(em, 'crm.deal.get', { id: deal })).body.result.STAGE_ID).toBe(`C${cat.id}:NEW`);
		const items = (await hook(em, 'crm.status.entity.items', { entityId: 'SOURCE' })).body.result;
		expect(items.map((s: { STATUS_ID: string }) => s.STATUS_ID)).toContain('WEB');
		const sid = (await hook(em, 'crm.status.add', { fields: { ENTITY_ID: 'SOURCE', STATUS_ID: 'FAIR', NAME: 'Fair' } })).body.result;
		expect((await hook(em, 'crm.status.delete', { id: sid })).body.result).toBe(true);
		const sys = (await hook(em, 'crm.status.list', { filter: { ENTITY_ID: 'SOURCE', STATUS_ID: 'WEB' } })).body.result[0];
		expect((await hook(em, 'crm.status.delete', { id: sys.ID })).status).toBe(400);
	});

	test('deterministic seed and ground truth helpers', async () => {
		const a = await startEmulator({ limits: false, seed: { deals: 30, contacts: 5 } });
		const b = await startEmulator({ limits: false, seed: { deals: 30, contacts: 5 } });
		try {
			const strip = (rows: Record<string, unknown>[]): unknown => rows.map((r) => ({ ...r, PHONE: undefined, EMAIL: undefined }));
			expect(strip(a.store.all('deals'))).toEqual(strip(b.store.all('deals')));
			expect(a.store.count('contacts')).toBe(5);
			a.store.insert('deal', { TITLE: 'dup', ORIGIN_ID: 'k1' });
			a.store.insert('deal', { TITLE: 'dup', ORIGIN_ID: 'k1' });
			expect(a.store.duplicates('deal', 'ORIGIN_ID')).toEqual([{ value: 'k1', ids: [31, 32] }]);
		} finally {
			await a.stop();
			await b.stop();
		}
	});
});
