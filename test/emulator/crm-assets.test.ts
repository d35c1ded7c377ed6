// Application assets of CRM (handlers/crm-assets.ts): configurable activities, timeline icons and
// logos, requisite template countries and the fields a template can still add.
import { startEmulator, Emulator } from './index';
import { hook, oauth } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false });
});
afterAll(() => em.stop());

test('configurable activities: add and update answer { activity: { id } }; get reads what they stored', async () => {
	const token = em.issueTokens().access_token;
	const layout = { icon: { code: 'call-completed' }, header: { title: 'Incoming call' } };
	const add = await oauth(em, token, 'crm.activity.configurable.add', { ownerTypeId: 2, ownerId: 1, fields: { completed: false, responsibleId: 1 }, layout });
	expect(add.status).toBe(200);
	const id = (add.body.result as { activity: { id: number } }).activity.id;
	expect(add.body.result).toEqual({ activity: { id: expect.any(Number) } });
	expect(id).toBeGreaterThan(0);
	const second = await oauth(em, token, 'crm.activity.configurable.add', { ownerTypeId: 2, ownerId: 1, fields: {}, layout });
	expect((second.body.result as { activity: { id: number } }).activity.id).toBe(id + 1);
	const upd = await oauth(em, token, 'crm.activity.configurable.update', { id, fields: { completed: true }, layout: { header: { title: 'Done' } } });
	expect(upd.body.result).toEqual({ activity: { id } });
	const got = await oauth(em, token, 'crm.activity.configurable.get', { id });
	expect(got.body.result.activity).toMatchObject({ id, ownerTypeId: 2, ownerId: 1, fields: { completed: true, responsibleId: 1 }, layout: { header: { title: 'Done' } } });
	const missing = await oauth(em, token, 'crm.activity.configurable.update', { id: 999, fields: {}, layout });
	expect({ status: missing.status, error: missing.body.error }).toEqual({ status: 400, error: 'NOT_FOUND' });
});

test.each(['icon', 'logo'])('timeline %s: add answers the stored image without its content; get and delete find it by code', async (kind) => {
	const add = await hook(em, `crm.timeline.${kind}.add`, { code: 'parcel', fileContent: 'iVBORw0KGgo=' });
	expect(add.body.result).toEqual({ [kind]: { code: 'parcel', isSystem: false, fileUri: expect.stringMatching(/^\/upload\/crm\//) } });
	const got = await hook(em, `crm.timeline.${kind}.get`, { code: 'parcel' });
	expect(got.body.result[kind]).toEqual({ code: 'parcel', isSystem: false, fileUri: add.body.result[kind].fileUri });
	expect((await hook(em, `crm.timeline.${kind}.delete`, { code: 'parcel' })).body.result).toBe(true);
	expect((await hook(em, `crm.timeline.${kind}.list`, {})).body.result[`${kind}s`]).toEqual([]);
});

test('requisite template countries are the documented list', async () => {
	const res = await hook(em, 'crm.requisite.preset.countries', {});
	expect(res.body.result).toContainEqual({ ID: 46, CODE: 'DE', TITLE: 'Germany' });
	expect(res.body.result).toContainEqual({ ID: 122, CODE: 'US', TITLE: 'United States' });
});

test('availabletoadd lists requisite fields until a template shows them', async () => {
	const before = (await hook(em, 'crm.requisite.preset.field.availabletoadd', { preset: { ID: 1 } })).body.result as string[];
	expect(before).toEqual(expect.arrayContaining(['RQ_INN', 'RQ_VAT_ID']));
	expect(before.every((field) => /^(RQ_|UF_)/.test(field))).toBe(true);
	await hook(em, 'crm.requisite.preset.field.add', { preset: { ID: 1 }, fields: { FIELD_NAME: 'RQ_INN' } });
	const after = (await hook(em, 'crm.requisite.preset.field.availabletoadd', { preset: { ID: 1 } })).body.result as string[];
	expect(after).not.toContain('RQ_INN');
	expect(after).toHaveLength(before.length - 1);
});
