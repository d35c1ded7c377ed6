// Reference data a client reads to show labels: status types and list items in field metadata,
// statuses by ENTITY_ID, users by an ID list, task enumerations.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false, seed: { users: 60 } });
});
afterAll(() => em.stop());

test('crm_status fields name their status type (crm-deal-fields.md); a smart process stage names its pipeline', async () => {
	const deal = (await hook(em, 'crm.deal.fields')).body.result;
	expect(deal.STAGE_ID).toMatchObject({ type: 'crm_status', statusType: 'DEAL_STAGE' });
	expect(deal.TYPE_ID).toMatchObject({ type: 'crm_status', statusType: 'DEAL_TYPE' });
	expect(deal.SOURCE_ID).toMatchObject({ type: 'crm_status', statusType: 'SOURCE' });
	expect((await hook(em, 'crm.lead.fields')).body.result.STATUS_ID.statusType).toBe('STATUS');
	expect((await hook(em, 'crm.quote.fields')).body.result.STATUS_ID.statusType).toBe('QUOTE_STATUS');
	const type = (await hook(em, 'crm.type.add', { fields: { title: 'Reference process' } })).body.result.type;
	const item = (await hook(em, 'crm.item.fields', { entityTypeId: type.entityTypeId })).body.result.fields;
	expect(item.stageId.statusType).toMatch(new RegExp(`^DYNAMIC_${type.entityTypeId}_STAGE_\\d+$`));
	const stages = (await hook(em, 'crm.status.list', { filter: { ENTITY_ID: item.stageId.statusType } })).body.result;
	expect(stages.length).toBeGreaterThan(0);
});

test('an enumeration user field lists its items with IDs in *.fields and crm.item.fields (uf_enum_element)', async () => {
	const add = await hook(em, 'crm.deal.userfield.add', {
		fields: { FIELD_NAME: 'REF_COLOR', USER_TYPE_ID: 'enumeration', LIST: [{ VALUE: 'Red' }, { VALUE: '' }, { VALUE: 'Blue', SORT: 20 }] },
	});
	expect(add.status).toBe(200);
	const field = (await hook(em, 'crm.deal.fields')).body.result.UF_CRM_REF_COLOR;
	expect(field.type).toBe('enumeration');
	expect(field.items.map((i: { VALUE: string }) => i.VALUE)).toEqual(['Red', 'Blue']);
	expect(new Set(field.items.map((i: { ID: string }) => i.ID)).size).toBe(2);
	const item = (await hook(em, 'crm.item.fields', { entityTypeId: 2, useOriginalUfNames: 'Y' })).body.result.fields.UF_CRM_REF_COLOR;
	expect(item.items).toEqual(field.items);
});

test('crm.status.list filters by ENTITY_ID and without a filter returns every list in one answer', async () => {
	const sources = (await hook(em, 'crm.status.list', { filter: { ENTITY_ID: 'SOURCE' } })).body.result;
	expect(sources.length).toBeGreaterThan(0);
	expect(sources.every((s: { ENTITY_ID: string }) => s.ENTITY_ID === 'SOURCE')).toBe(true);
	const all = (await hook(em, 'crm.status.list')).body;
	const entities = new Set(all.result.map((s: { ENTITY_ID: string }) => s.ENTITY_ID));
	expect([...entities]).toEqual(expect.arrayContaining(['STATUS', 'DEAL_STAGE', 'SOURCE', 'DEAL_TYPE', 'QUOTE_STATUS']));
	expect(all.next).toBeUndefined();
});

test('user.get takes an ID list in FILTER and pages at 50', async () => {
	const ids = Array.from({ length: 55 }, (_, i) => String(i + 1));
	const first = (await hook(em, 'user.get', { FILTER: { ID: ids } })).body;
	expect(first.result).toHaveLength(50);
	expect(first.next).toBe(50);
	const few = (await hook(em, 'user.get', { FILTER: { ID: ['3', '7'] } })).body.result;
	expect(few.map((u: { ID: string }) => u.ID).sort()).toEqual(['3', '7']);
	expect(few[0]).toHaveProperty('NAME');
	expect(few[0]).toHaveProperty('LAST_NAME');
});

test('tasks.task.getFields describes STATUS and PRIORITY as enumerations with labels', async () => {
	const fields = (await hook(em, 'tasks.task.getFields')).body.result.fields;
	expect(fields.STATUS).toMatchObject({ type: 'enum', values: { 2: 'Pending', 3: 'In Progress', 5: 'Completed' } });
	expect(fields.PRIORITY).toMatchObject({ type: 'enum', values: { 0: 'Low', 1: 'Medium', 2: 'High' } });
	expect(fields.RESPONSIBLE_ID.type).toBe('integer');
});
