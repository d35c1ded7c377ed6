// The lists an editor's dropdowns read, answered as documented: pipelines with the default one,
// stages per pipeline, currencies with a base currency, smart-process types, open lines, workgroups,
// Drive storages, users past the first page; and the either/or user of external calls.
import { startEmulator, Emulator } from './index';
import { hook, oauth } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false, seed: { users: 60, currency: 3, workgroups: 60 } });
});
afterAll(() => em.stop());

test('crm.category.list returns the default pipeline with its name and isDefault (crm-category-list.md)', async () => {
	const deals = (await hook(em, 'crm.category.list', { entityTypeId: 2 })).body;
	expect(deals.result.categories).toContainEqual(expect.objectContaining({ id: 0, name: 'General', isDefault: 'Y', entityTypeId: 2 }));
	const type = (await hook(em, 'crm.type.add', { fields: { title: 'Deliveries', isCategoriesEnabled: 'Y' } })).body.result.type;
	const smart = (await hook(em, 'crm.category.list', { entityTypeId: type.entityTypeId })).body.result.categories;
	expect(smart.filter((c: { isDefault: string }) => c.isDefault === 'Y')).toHaveLength(1);
	const types = (await hook(em, 'crm.type.list')).body.result.types;
	expect(types).toContainEqual(expect.objectContaining({ entityTypeId: type.entityTypeId, title: 'Deliveries' }));
});

test('crm.status.list filters the stages of one pipeline (DEAL_STAGE_<id>)', async () => {
	const category = (await hook(em, 'crm.category.add', { entityTypeId: 2, fields: { name: 'Retail' } })).body.result.category;
	const stages = (await hook(em, 'crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${category.id}` } })).body.result;
	expect(stages.length).toBeGreaterThan(0);
	for (const stage of stages) expect(stage).toMatchObject({ ENTITY_ID: `DEAL_STAGE_${category.id}`, CATEGORY_ID: String(category.id), STATUS_ID: expect.stringMatching(new RegExp(`^C${category.id}:`)) });
	const general = (await hook(em, 'crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE' } })).body.result;
	expect(general.map((s: { STATUS_ID: string }) => s.STATUS_ID)).toContain('NEW');
});

test('seeded currencies: one base currency, documented keys (crm-currency-list.md)', async () => {
	const rows = (await hook(em, 'crm.currency.list')).body.result;
	expect(rows.map((r: { CURRENCY: string }) => r.CURRENCY)).toEqual(['USD', 'EUR', 'GBP']);
	expect(rows.filter((r: { BASE: string }) => r.BASE === 'Y').map((r: { CURRENCY: string }) => r.CURRENCY)).toEqual(['USD']);
	for (const key of ['AMOUNT_CNT', 'AMOUNT', 'SORT', 'FULL_NAME', 'FORMAT_STRING', 'DECIMALS']) expect(rows[1][key]).toEqual(expect.any(String));
	expect((await hook(em, 'crm.currency.get', { id: 'EUR' })).body.result).toMatchObject({ CURRENCY: 'EUR', FULL_NAME: 'Euro' });
});

test('users and workgroups page by 50 with start/next/total', async () => {
	const users = (await hook(em, 'user.get', { FILTER: { ACTIVE: true } })).body;
	expect(users.result).toHaveLength(50);
	expect(users.next).toBe(50);
	expect(users.total).toBe(em.store.count('user'));
	expect((await hook(em, 'user.get', { FILTER: { ACTIVE: true }, start: 50 })).body.result).toHaveLength(em.store.count('user') - 50);
	const groups = (await hook(em, 'sonet_group.get')).body;
	expect(groups.result).toHaveLength(50);
	expect(groups.next).toBe(50);
	const rest = (await hook(em, 'sonet_group.get', { start: 50 })).body.result;
	expect(rest).toHaveLength(10);
	expect(rest[0]).toMatchObject({ ID: expect.any(String), NAME: expect.any(String), ACTIVE: 'Y' });
});

test('open lines and Drive storages list by name', async () => {
	const lines = (await hook(em, 'imopenlines.config.list.get', { PARAMS: { select: ['ID', 'LINE_NAME'] } })).body.result;
	expect(lines[0]).toMatchObject({ ID: expect.any(String), LINE_NAME: expect.any(String) });
	const storages = (await hook(em, 'disk.storage.getlist')).body.result;
	expect(storages.length).toBeGreaterThan(0);
	expect(storages[0]).toMatchObject({ ID: expect.any(String), NAME: expect.any(String), ENTITY_TYPE: expect.any(String) });
});

test('an external call takes USER_ID or USER_PHONE_INNER, at least one (telephony-external-call-register.md)', async () => {
	const token = em.issueTokens().access_token;
	const call = { PHONE_NUMBER: '+15550100', TYPE: 2 };
	expect((await oauth(em, token, 'telephony.externalCall.register', { ...call, USER_PHONE_INNER: '101' })).status).toBe(200);
	expect((await oauth(em, token, 'telephony.externalCall.register', { ...call, USER_ID: 1 })).status).toBe(200);
	const neither = await oauth(em, token, 'telephony.externalCall.register', call);
	expect(neither.status).toBe(400);
	expect(neither.body.error_description).toMatch(/USER_ID, USER_PHONE_INNER/);
});
