// Generic methods answer in the result shapes their doc pages document
// (catalog/result-shapes.json) and keep state per method family.
import { startEmulator, Emulator } from './index';
import { hook, oauth } from './helpers';
import { resultShapes } from './handlers/generic';
import { loadCatalog } from './catalog';
import { allHandlers } from './handlers';

describe('documented result shapes for generically answered methods', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	// the other documented methods are answered by kind (documented.test.ts)
	test('every hand-checked method without a dedicated handler has a shape', () => {
		const shapes = resultShapes();
		const handled = allHandlers();
		const missing = [...loadCatalog()].filter(([m, e]) => e.handChecked && !handled[m] && !shapes.has(m) && m !== 'batch').map(([m]) => m);
		expect(missing).toEqual([]);
	});

	test('catalog.product: add -> {element}, get -> {product}, list -> {products} with start paging', async () => {
		const add = await hook(em, 'catalog.product.add', { fields: { iblockId: 14, name: 'Chair', code: 'chair' } });
		expect(add.status).toBe(200);
		expect(add.body.result.element).toMatchObject({ id: expect.any(Number), iblockId: 14, name: 'Chair', code: 'chair' });
		const id = add.body.result.element.id;
		const got = await hook(em, 'catalog.product.get', { id });
		expect(got.body.result.product).toMatchObject({ id, name: 'Chair', iblockId: 14 });
		for (let i = 0; i < 55; i++) await hook(em, 'catalog.product.add', { fields: { iblockId: 14, name: `P${i}` } });
		const list = await hook(em, 'catalog.product.list', { select: ['id', 'name'], filter: { iblockId: 14 } });
		expect(list.body.result.products).toHaveLength(50);
		expect(list.body.total).toBe(56);
		expect(list.body.next).toBe(50);
		const page2 = await hook(em, 'catalog.product.list', { filter: { iblockId: 14 }, start: 50 });
		expect(page2.body.result.products).toHaveLength(6);
		const upd = await hook(em, 'catalog.product.update', { id, fields: { name: 'Armchair' } });
		expect(upd.body.result.element).toMatchObject({ id, name: 'Armchair' });
		expect((await hook(em, 'catalog.product.delete', { id })).body.result).toBe(true);
		const gone = await hook(em, 'catalog.product.get', { id });
		expect(gone.status).toBe(400);
	});

	test('catalog.section and catalog.priceType lists are wrapped (sections, priceTypes)', async () => {
		await hook(em, 'catalog.section.add', { fields: { iblockId: 14, name: 'Toys', code: 'toys' } });
		const list = await hook(em, 'catalog.section.list', {});
		expect(list.body.result.sections).toEqual([expect.objectContaining({ name: 'Toys', code: 'toys' })]);
		const types = await hook(em, 'catalog.priceType.list', {});
		expect(types.body.result).toHaveProperty('priceTypes');
	});

	test('crm.documentgenerator.document: add/get {document}, list {documents}', async () => {
		const add = await hook(em, 'crm.documentgenerator.document.add', { templateId: 39, entityTypeId: 2, entityId: 1 });
		expect(add.body.result.document).toMatchObject({ id: expect.anything() });
		const id = add.body.result.document.id;
		// the add example prints id as a number, the get example as a string
		expect(String((await hook(em, 'crm.documentgenerator.document.get', { id })).body.result.document.id)).toBe(String(id));
		const list = await hook(em, 'crm.documentgenerator.document.list', {});
		expect(list.body.result.documents).toHaveLength(1);
		const templates = await hook(em, 'crm.documentgenerator.template.list', {});
		expect(templates.body.result).toHaveProperty('templates');
	});

	test('userfieldconfig: add {field}, list {fields}, update, delete', async () => {
		const add = await hook(em, 'userfieldconfig.add', { moduleId: 'crm', field: { entityId: 'CRM_3', fieldName: 'UF_CRM_3_X', userTypeId: 'string' } });
		expect(add.body.result.field).toMatchObject({ entityId: 'CRM_3', fieldName: 'UF_CRM_3_X', userTypeId: 'string' });
		const id = add.body.result.field.id;
		const list = await hook(em, 'userfieldconfig.list', { moduleId: 'crm' });
		expect(list.body.result.fields).toEqual([expect.objectContaining({ fieldName: 'UF_CRM_3_X' })]);
		const upd = await hook(em, 'userfieldconfig.update', { moduleId: 'crm', id, field: { mandatory: 'Y' } });
		expect(upd.status).toBe(200);
		expect((await hook(em, 'userfieldconfig.delete', { moduleId: 'crm', id })).status).toBe(200);
		expect((await hook(em, 'userfieldconfig.list', { moduleId: 'crm' })).body.result.fields).toEqual([]);
	});

	test('*.fields answer the documented field descriptions; crm.address.add answers true', async () => {
		const mf = await hook(em, 'crm.multifield.fields', {});
		expect(Object.keys(mf.body.result)).toEqual(expect.arrayContaining(['ID', 'TYPE_ID', 'VALUE']));
		const act = await hook(em, 'crm.activity.fields', {});
		expect(act.body.result.OWNER_ID).toMatchObject({ type: expect.any(String), title: expect.any(String) });
		const addr = await hook(em, 'crm.address.add', { fields: { TYPE_ID: 1, ENTITY_TYPE_ID: 8, ENTITY_ID: 1, CITY: 'Berlin' } });
		expect(addr.body.result).toBe(true);
		const list = await hook(em, 'crm.address.list', { filter: { ENTITY_TYPE_ID: 8 } });
		expect(list.body.result).toEqual([expect.objectContaining({ CITY: 'Berlin', TYPE_ID: expect.anything() })]);
	});

	test('entity.item: add -> id, get -> array of items scoped to the ENTITY, unknown id on update -> documented error', async () => {
		const t = em.issueTokens();
		await oauth(em, t.access_token, 'entity.add', { ENTITY: 'orders', NAME: 'Orders' });
		const add = await oauth(em, t.access_token, 'entity.item.add', { ENTITY: 'orders', NAME: 'First' });
		expect(typeof add.body.result).toBe('number');
		await oauth(em, t.access_token, 'entity.item.add', { ENTITY: 'other', NAME: 'Elsewhere' });
		const got = await oauth(em, t.access_token, 'entity.item.get', { ENTITY: 'orders' });
		expect(got.body.result).toEqual([expect.objectContaining({ ID: String(add.body.result), NAME: 'First', ENTITY: 'orders' })]);
		const bad = await oauth(em, t.access_token, 'entity.item.update', { ENTITY: 'orders', ID: 9999, NAME: 'x' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toBe('ERROR_ITEM_NOT_FOUND');
	});

	test('lists.element: add -> id; get by ELEMENT_ID -> that element; update; delete', async () => {
		const base = { IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: 41 };
		const add = await hook(em, 'lists.element.add', { ...base, ELEMENT_CODE: 'e1', FIELDS: { NAME: 'One' } });
		expect(typeof add.body.result).toBe('number');
		await hook(em, 'lists.element.add', { ...base, ELEMENT_CODE: 'e2', FIELDS: { NAME: 'Two' } });
		const one = await hook(em, 'lists.element.get', { ...base, ELEMENT_ID: add.body.result });
		expect(one.body.result).toEqual([expect.objectContaining({ ID: String(add.body.result), NAME: 'One', CODE: 'e1' })]);
		expect((await hook(em, 'lists.element.get', base)).body.result).toHaveLength(2);
		expect((await hook(em, 'lists.element.update', { ...base, ELEMENT_ID: add.body.result, FIELDS: { NAME: 'Uno' } })).body.result).toBe(true);
		expect((await hook(em, 'lists.element.delete', { ...base, ELEMENT_ID: add.body.result })).body.result).toBe(true);
		const missing = await hook(em, 'lists.element.delete', { ...base, ELEMENT_ID: add.body.result });
		expect(missing.body.error).toBe('ERROR_ELEMENT_NOT_FOUND');
	});

	test('bizproc: workflow.start answers the workflow id (string), template.list an array', async () => {
		const r = await hook(em, 'bizproc.workflow.start', { TEMPLATE_ID: 1, DOCUMENT_ID: ['crm', 'CCrmDocumentDeal', 'DEAL_1'] });
		expect(typeof r.body.result).toBe('string');
		const t = await hook(em, 'bizproc.workflow.template.list', {});
		expect(Array.isArray(t.body.result)).toBe(true);
	});

	test('calendar.event: add -> id, getbyid -> the event, update -> id, delete -> true', async () => {
		const add = await hook(em, 'calendar.event.add', { type: 'user', ownerId: 1, from: '2030-03-01 10:00', to: '2030-03-01 11:00', section: 4, name: 'Review' });
		expect(typeof add.body.result).toBe('number');
		const got = await hook(em, 'calendar.event.getbyid', { id: add.body.result });
		expect(got.body.result).toMatchObject({ ID: String(add.body.result), NAME: 'Review', DATE_FROM: '2030-03-01 10:00' });
		expect((await hook(em, 'calendar.event.update', { id: add.body.result, type: 'user', ownerId: 1, name: 'Review 2' })).body.result).toBe(add.body.result);
		expect((await hook(em, 'calendar.event.getbyid', { id: add.body.result })).body.result.NAME).toBe('Review 2');
		expect((await hook(em, 'calendar.event.delete', { id: add.body.result })).body.result).toBe(true);
		expect((await hook(em, 'calendar.event.getbyid', { id: add.body.result })).status).toBe(400);
	});

	test('sonet_group: create -> id, get -> array of groups with documented keys', async () => {
		const add = await hook(em, 'sonet_group.create', { NAME: 'Team', VISIBLE: 'Y', OPENED: 'N' });
		expect(typeof add.body.result).toBe('number');
		const list = await hook(em, 'sonet_group.get', {});
		expect(list.body.result).toEqual([expect.objectContaining({ ID: String(add.body.result), NAME: 'Team', VISIBLE: 'Y', OWNER_ID: '1' })]);
	});

	test('imbot.v2.Bot: register -> {bot}, get -> {bot, ...}, list -> {bots}', async () => {
		const reg = await hook(em, 'imbot.v2.Bot.register', { fields: { code: 'helper', type: 'bot', properties: { name: 'Helper' } } });
		expect(reg.body.result.bot).toMatchObject({ id: expect.any(Number), code: 'helper', type: 'bot' });
		const id = reg.body.result.bot.id;
		expect((await hook(em, 'imbot.v2.Bot.get', { botId: id })).body.result.bot).toMatchObject({ id, code: 'helper' });
		expect((await hook(em, 'imbot.v2.Bot.list', {})).body.result.bots).toEqual([expect.objectContaining({ id })]);
		const missing = await hook(em, 'imbot.v2.Bot.get', { botId: 987 });
		expect(missing.body.error).toBe('BOT_NOT_FOUND');
	});

	test('the request log masks credentials, not data named code', async () => {
		em.clearLog();
		await hook(em, 'catalog.section.add', { fields: { iblockId: 1, name: 'S', code: 'visible' } });
		await hook(em, 'imbot.v2.Bot.list', { botToken: 'secret-token' });
		const [sec] = em.calls('catalog.section.add');
		expect((sec.params as { fields: { code: string } }).fields.code).toBe('visible');
		const [bots] = em.calls('imbot.v2.Bot.list');
		expect((bots.params as { botToken: string }).botToken).toBe('***');
	});
});
