// Single links of CRM records (crm.deal.contact.add & co., api-reference/crm/deals/contacts/*): add and
// delete change what *.items.get reads; items.delete clears them.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
let deal = 0;
const contacts: number[] = [];
beforeAll(async () => {
	em = await startEmulator({ limits: false });
	deal = (await hook(em, 'crm.deal.add', { fields: { TITLE: 'Linked' } })).body.result as number;
	for (const name of ['Ann', 'Bob', 'Cid']) contacts.push((await hook(em, 'crm.contact.add', { fields: { NAME: name } })).body.result as number);
});
afterAll(() => em.stop());

const items = async () => (await hook(em, 'crm.deal.contact.items.get', { id: deal })).body.result as Array<Record<string, unknown>>;

test('add links one contact at a time; the first becomes primary, a later IS_PRIMARY=Y takes it over', async () => {
	expect((await hook(em, 'crm.deal.contact.add', { id: deal, fields: { CONTACT_ID: contacts[0] } })).body.result).toBe(true);
	await hook(em, 'crm.deal.contact.add', { id: deal, fields: { CONTACT_ID: contacts[1], SORT: 5 } });
	expect(await items()).toEqual([
		{ CONTACT_ID: contacts[0], SORT: 10, ROLE_ID: 0, IS_PRIMARY: 'Y' },
		{ CONTACT_ID: contacts[1], SORT: 5, ROLE_ID: 0, IS_PRIMARY: 'N' },
	]);
	await hook(em, 'crm.deal.contact.add', { id: deal, fields: { CONTACT_ID: contacts[2], IS_PRIMARY: 'Y' } });
	expect((await items()).map((row) => row.IS_PRIMARY)).toEqual(['N', 'N', 'Y']);
});

test('delete unlinks one contact; items.delete unlinks all', async () => {
	expect((await hook(em, 'crm.deal.contact.delete', { id: deal, fields: { CONTACT_ID: contacts[0] } })).body.result).toBe(true);
	expect((await items()).map((row) => row.CONTACT_ID)).toEqual([contacts[1], contacts[2]]);
	expect((await hook(em, 'crm.deal.contact.items.delete', { id: deal })).body.result).toBe(true);
	expect(await items()).toEqual([]);
});

test('contact.company links the other way round with COMPANY_ID', async () => {
	const company = (await hook(em, 'crm.company.add', { fields: { TITLE: 'Acme' } })).body.result as number;
	await hook(em, 'crm.contact.company.add', { id: contacts[0], fields: { COMPANY_ID: company } });
	expect((await hook(em, 'crm.contact.company.items.get', { id: contacts[0] })).body.result).toEqual([{ COMPANY_ID: company, SORT: 10, ROLE_ID: 0, IS_PRIMARY: 'Y' }]);
});

test("documented errors: an id below 1, an unknown record, fields that are not an object or lack the contact", async () => {
	expect((await hook(em, 'crm.deal.contact.add', { id: 0, fields: { CONTACT_ID: contacts[0] } })).body.error_description).toBe("The parameter 'ownerEntityID' is invalid or not defined.");
	expect((await hook(em, 'crm.lead.contact.add', { id: 999999, fields: { CONTACT_ID: contacts[0] } })).body.error_description).toBe('Not found.');
	expect((await hook(em, 'crm.deal.contact.add', { id: deal, fields: 'x' })).body.error_description).toBe("The parameter 'fields' must be array.");
	expect((await hook(em, 'crm.deal.contact.delete', { id: deal, fields: { SORT: 1 } })).body.error_description).toBe("The parameter 'fields' is not valid.");
});
