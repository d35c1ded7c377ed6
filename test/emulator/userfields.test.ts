// User-field metadata as *.fields describe it: labels from crm.*.userfield.add, the custom-field
// flags, crm.item's label titles and boolean flags, and tasks.task.getFields' required fields.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false });
});
afterAll(() => em.stop());

test('crm.deal.userfield.add labels (string, lang_map, LABEL) show in crm.deal.fields as formLabel/listLabel, the title stays the code', async () => {
	await hook(em, 'crm.deal.userfield.add', { fields: { FIELD_NAME: 'REGION', USER_TYPE_ID: 'enumeration', EDIT_FORM_LABEL: { en: 'Region', de: 'Region' }, LABEL: 'Region (default)', MANDATORY: 'Y', LIST: [{ VALUE: 'North' }, { VALUE: 'South' }] } });
	await hook(em, 'crm.deal.userfield.add', { fields: { FIELD_NAME: 'MANAGER', USER_TYPE_ID: 'employee', LABEL: 'Account manager' } });
	await hook(em, 'crm.deal.userfield.add', { fields: { FIELD_NAME: 'VIP', USER_TYPE_ID: 'boolean', EDIT_FORM_LABEL: 'VIP client', SETTINGS: { DEFAULT_VALUE: 0 } } });
	const fields = (await hook(em, 'crm.deal.fields')).body.result;
	expect(fields.UF_CRM_REGION).toMatchObject({
		type: 'enumeration',
		title: 'UF_CRM_REGION',
		formLabel: 'Region',
		listLabel: 'Region (default)',
		isRequired: true,
		isDynamic: true,
		items: [{ VALUE: 'North' }, { VALUE: 'South' }],
	});
	expect(fields.UF_CRM_MANAGER).toMatchObject({ type: 'employee', formLabel: 'Account manager', listLabel: 'Account manager', isDynamic: true });
	expect(fields.UF_CRM_VIP).toMatchObject({ type: 'boolean', formLabel: 'VIP client', settings: { DEFAULT_VALUE: 0 } });
	expect(fields.TITLE).toMatchObject({ isDynamic: false, isImmutable: false });
	expect(fields.CATEGORY_ID).toMatchObject({ type: 'crm_category', isImmutable: true });
	expect(fields.TITLE.formLabel).toBeUndefined();
});

test('crm.item.fields titles user fields by their label and describes char flags as boolean', async () => {
	await hook(em, 'crm.lead.userfield.add', { fields: { FIELD_NAME: 'CHANNEL', USER_TYPE_ID: 'string', EDIT_FORM_LABEL: 'Channel' } });
	const fields = (await hook(em, 'crm.item.fields', { entityTypeId: 1 })).body.result.fields;
	const channel = Object.values(fields as Record<string, { upperName: string; title: string }>).find((f) => f.upperName === 'UF_CRM_CHANNEL');
	expect(channel).toMatchObject({ title: 'Channel', upperName: 'UF_CRM_CHANNEL' });
	expect(fields.opened).toMatchObject({ type: 'boolean', upperName: 'OPENED' });
	expect((await hook(em, 'crm.lead.fields')).body.result.OPENED.type).toBe('char');
});

test('tasks.task.getFields marks the required fields with true and lists participants as arrays', async () => {
	const fields = (await hook(em, 'tasks.task.getFields')).body.result.fields;
	expect(fields.TITLE).toEqual({ title: 'Title', type: 'string', required: true });
	expect(fields.RESPONSIBLE_ID).toMatchObject({ title: 'Assignee', type: 'integer', required: true });
	expect(fields.ID).toMatchObject({ type: 'integer', primary: true });
	expect(fields.AUDITORS).toEqual({ title: null, type: 'array' });
	expect(fields.UF_CRM_TASK).toMatchObject({ title: 'CRM entities', type: 'crm' });
	expect(fields.DEADLINE.type).toBe('datetime');
	expect(fields.DESCRIPTION.required).toBeUndefined();
});
