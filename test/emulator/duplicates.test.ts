// crm.duplicate.findbycomm as api-reference/crm/duplicates/crm-duplicate-find-by-comm.md documents it.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
const ids: Record<string, number> = {};
beforeAll(async () => {
	em = await startEmulator({ limits: false });
	const add = async (entity: string, fields: Record<string, unknown>) => (await hook(em, `crm.${entity}.add`, { fields })).body.result as number;
	ids.contact = await add('contact', { NAME: 'Ann', PHONE: [{ VALUE: '+1 (555) 010-2030 ext. 12', VALUE_TYPE: 'WORK' }], EMAIL: [{ VALUE: 'Ann@Example.com', VALUE_TYPE: 'WORK' }] });
	ids.other = await add('contact', { NAME: 'Bob', EMAIL: [{ VALUE: 'bob@example.com', VALUE_TYPE: 'HOME' }] });
	ids.lead = await add('lead', { TITLE: 'Ann lead', EMAIL: [{ VALUE: 'ann@example.com', VALUE_TYPE: 'WORK' }] });
	ids.company = await add('company', { TITLE: 'Ann Inc', PHONE: [{ VALUE: '15550102030', VALUE_TYPE: 'WORK' }] });
});
afterAll(() => em.stop());

test('finds leads, contacts and companies by email, case-insensitively, as {TYPE: [ids]}', async () => {
	const r = await hook(em, 'crm.duplicate.findbycomm', { type: 'EMAIL', values: ['ann@example.com'] });
	expect(r.body.result).toEqual({ LEAD: [ids.lead], CONTACT: [ids.contact] });
});

test('entity_type narrows the search; phones match by digits without the extension', async () => {
	const r = await hook(em, 'crm.duplicate.findbycomm', { entity_type: 'CONTACT', type: 'PHONE', values: ['+15550102030'] });
	expect(r.body.result).toEqual({ CONTACT: [ids.contact] });
	const all = await hook(em, 'crm.duplicate.findbycomm', { type: 'PHONE', values: ['1-555-010-2030', '999'] });
	expect(all.body.result).toEqual({ CONTACT: [ids.contact], COMPANY: [ids.company] });
});

test('several values in one call; nothing found is an empty result', async () => {
	const r = await hook(em, 'crm.duplicate.findbycomm', { entity_type: 'CONTACT', type: 'EMAIL', values: ['ann@example.com', 'bob@example.com'] });
	expect(r.body.result).toEqual({ CONTACT: [ids.contact, ids.other].sort((a, b) => a - b) });
	const none = await hook(em, 'crm.duplicate.findbycomm', { entity_type: 'CONTACT', type: 'EMAIL', values: ['nobody@example.com'] });
	expect(none.status).toBe(200);
	expect(none.body.result).toEqual([]);
});

test('documented errors: missing or unsupported type, missing values; more than 20 values are refused', async () => {
	expect((await hook(em, 'crm.duplicate.findbycomm', { type: 'FAX', values: ['1'] })).body.error).toBe("Communication type 'FAX' is not supported in current context");
	const missing = await hook(em, 'crm.duplicate.findbycomm', { values: ['1'] });
	expect(missing.status).toBe(400);
	const noValues = await hook(em, 'crm.duplicate.findbycomm', { type: 'EMAIL' });
	expect(noValues.status).toBe(400);
	const tooMany = await hook(em, 'crm.duplicate.findbycomm', { type: 'EMAIL', values: Array.from({ length: 21 }, (_, k) => `a${k}@example.com`) });
	expect(tooMany.status).toBe(400);
	expect((await hook(em, 'crm.duplicate.findbycomm', { type: 'EMAIL', values: Array.from({ length: 20 }, (_, k) => `a${k}@example.com`) })).status).toBe(200);
});

test('20 or more matches of one type leave the later types out', async () => {
	for (let k = 0; k < 20; k++) await hook(em, 'crm.lead.add', { fields: { TITLE: `Dup ${k}`, PHONE: [{ VALUE: '+15550102030', VALUE_TYPE: 'WORK' }] } });
	const r = await hook(em, 'crm.duplicate.findbycomm', { type: 'PHONE', values: ['+15550102030'] });
	expect(Object.keys(r.body.result)).toEqual(['LEAD']);
	expect(r.body.result.LEAD).toHaveLength(20);
});
