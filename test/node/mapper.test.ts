/**
 * The Create/Update field mapper (node version 2): the columns the editor shows, built from the
 * portal's own field metadata, and what the node sends for the values mapped there.
 */
import type { IDataObject, INodeParameters, ResourceMapperField, ResourceMapperFields, ResourceMapperValue } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { editorMethod } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
let processType: number;
let region: { north: string; south: string };

const call = async (methodName: string, parameters: IDataObject) =>
	(await portal.json({ resource: 'system', operation: 'callMethod', methodName, parameters: JSON.stringify(parameters) }))[0];

beforeAll(async () => {
	portal = await startPortal({ seed: { users: 3 } });
	await call('crm.currency.add', { fields: { CURRENCY: 'EUR', AMOUNT_CNT: 1, AMOUNT: 1.1 } });
	// the custom fields a portal admin would add (documented crm.deal.userfield.add)
	await call('crm.deal.userfield.add', {
		fields: { FIELD_NAME: 'REGION', USER_TYPE_ID: 'enumeration', EDIT_FORM_LABEL: 'Region', MANDATORY: 'Y', LIST: [{ VALUE: 'North' }, { VALUE: 'South' }] },
	});
	await call('crm.deal.userfield.add', { fields: { FIELD_NAME: 'MANAGER', USER_TYPE_ID: 'employee', EDIT_FORM_LABEL: 'Account Manager' } });
	await call('crm.deal.userfield.add', { fields: { FIELD_NAME: 'VIP', USER_TYPE_ID: 'boolean', EDIT_FORM_LABEL: 'VIP Client' } });
	await call('crm.deal.userfield.add', { fields: { FIELD_NAME: 'BUDGET', USER_TYPE_ID: 'money', EDIT_FORM_LABEL: 'Budget' } });
	await call('crm.deal.userfield.add', { fields: { FIELD_NAME: 'SHIP_DATE', USER_TYPE_ID: 'date', EDIT_FORM_LABEL: 'Ship Date' } });
	await call('crm.deal.userfield.add', { fields: { FIELD_NAME: 'TAGS', USER_TYPE_ID: 'string', MULTIPLE: 'Y', EDIT_FORM_LABEL: 'Tags' } });
	await call('crm.lead.userfield.add', { fields: { FIELD_NAME: 'CHANNEL', USER_TYPE_ID: 'enumeration', EDIT_FORM_LABEL: 'Channel', LIST: [{ VALUE: 'Phone' }, { VALUE: 'Chat' }] } });
	const type = (await call('crm.type.add', { fields: { title: 'Projects' } })) as IDataObject;
	processType = Number((type.type as IDataObject).entityTypeId);
	const fields = (await call('crm.deal.fields', {})) as Record<string, { items: Array<{ ID: string; VALUE: string }> }>;
	const items = fields.UF_CRM_REGION.items;
	region = { north: items.find((i) => i.VALUE === 'North')!.ID, south: items.find((i) => i.VALUE === 'South')!.ID };
});
afterAll(async () => await portal.stop());

const columns = async (parameters: INodeParameters) =>
	((await editorMethod(portal.credentials, 'bitrix24WebhookApi', 'webhook', 'resourceMapping', 'getMappingFields', parameters)) as ResourceMapperFields).fields;
const byId = (fields: ResourceMapperField[], id: string) => fields.find((f) => f.id === id);
/** The mapper's value as the editor saves it (expressions and lists included). */
const mapped = (value: IDataObject, mappingMode = 'defineBelow'): ResourceMapperValue => ({
	mappingMode,
	value: value as ResourceMapperValue['value'],
	matchingColumns: [],
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});
const lastParams = (method: string) => portal.emu.calls(method).pop()!.params as IDataObject;

describe('columns from the portal metadata', () => {
	test('deal create: labels, custom fields by label with the code, required marks, read-only fields left out', async () => {
		const seq = portal.emu.log[portal.emu.log.length - 1].seq;
		const fields = await columns({ resource: 'deal', operation: 'create' });
		// one HTTP call: the batch of metadata and reference data
		expect(portal.emu.log.filter((e) => e.seq > seq && e.parent === undefined).map((e) => e.method)).toEqual(['batch']);
		expect(byId(fields, 'UF_CRM_REGION')).toMatchObject({
			displayName: 'Region (UF_CRM_REGION)',
			required: true,
			type: 'options',
			options: [
				{ name: 'North', value: region.north },
				{ name: 'South', value: region.south },
			],
		});
		expect(byId(fields, 'OPPORTUNITY')).toMatchObject({ displayName: 'Amount', type: 'number', required: false });
		expect(byId(fields, 'OPENED')).toMatchObject({ type: 'boolean' });
		expect(byId(fields, 'UF_CRM_VIP')).toMatchObject({ displayName: 'VIP Client (UF_CRM_VIP)', type: 'boolean' });
		expect(byId(fields, 'BEGINDATE')).toMatchObject({ type: 'dateTime' });
		expect(byId(fields, 'UF_CRM_BUDGET')).toMatchObject({ type: 'string' });
		expect(byId(fields, 'UF_CRM_TAGS')).toMatchObject({ type: 'array' });
		expect(byId(fields, 'COMPANY_ID')).toMatchObject({ displayName: 'Company (ID)', type: 'number' });
		// statuses and currencies came from the same batch call as the fields
		const stages = byId(fields, 'STAGE_ID')!.options!;
		expect(stages).toContainEqual({ name: 'New', value: 'NEW' });
		expect(stages).toContainEqual({ name: 'Deal won', value: 'WON' });
		expect(byId(fields, 'SOURCE_ID')!.options).toContainEqual({ name: 'Call', value: 'CALL' });
		expect(byId(fields, 'TYPE_ID')!.options).toContainEqual({ name: 'Sales', value: 'SALE' });
		expect(byId(fields, 'CURRENCY_ID')!.options!.map((o) => o.value)).toContain('EUR');
		const users = portal.emu.store.all('user').filter((u) => u.ACTIVE !== false && u.ACTIVE !== 'N');
		expect(byId(fields, 'ASSIGNED_BY_ID')!.options).toHaveLength(users.length);
		expect(byId(fields, 'UF_CRM_MANAGER')).toMatchObject({ displayName: 'Account Manager (UF_CRM_MANAGER)', type: 'options' });
		for (const readOnly of ['ID', 'DATE_CREATE', 'CREATED_BY_ID', 'STAGE_SEMANTIC_ID', 'LEAD_ID']) expect(byId(fields, readOnly)).toBeUndefined();
		// Title is the operation's own input above the mapper
		expect(byId(fields, 'TITLE')).toBeUndefined();
		const batch = portal.emu.calls('batch').pop()!.params as { cmd: Record<string, string> };
		expect(Object.values(batch.cmd).map((c) => c.split('?')[0]).sort()).toEqual(['crm.currency.list', 'crm.deal.fields', 'crm.status.list', 'user.get']);
	});

	test('update marks nothing required; the record is named by its ID input', async () => {
		const fields = await columns({ resource: 'deal', operation: 'update' });
		expect(fields.filter((f) => f.required)).toEqual([]);
		expect(byId(fields, 'UF_CRM_REGION')).toMatchObject({ required: false, type: 'options' });
		expect(byId(fields, 'TITLE')).toMatchObject({ displayName: 'Name', type: 'string' });
		// the pipeline is set on create only (isImmutable)
		expect(byId(fields, 'CATEGORY_ID')).toBeUndefined();
		expect(byId(await columns({ resource: 'deal', operation: 'create' }), 'CATEGORY_ID')).toMatchObject({ displayName: 'Pipeline (ID)', type: 'number' });
	});

	test('users: every active user of a big portal, read past the first page of 50', async () => {
		const big = await startPortal({ seed: { users: 120 } });
		try {
			const fields = (await editorMethod(big.credentials, 'bitrix24WebhookApi', 'webhook', 'resourceMapping', 'getMappingFields', { resource: 'task', operation: 'update' })) as ResourceMapperFields;
			// the metadata batch with the first 50 users, then the fast list reader for the rest: its first
			// call reads one page and the highest ID, its second up to 49 more pages
			expect(big.emu.log.filter((e) => e.parent === undefined).map((e) => e.method)).toEqual(['batch', 'batch', 'batch']);
			expect(big.emu.subCalls('user.get').filter((c) => (c.params as { FILTER?: IDataObject }).FILTER?.ACTIVE === undefined)).toEqual([]);
			const active = big.emu.store.all('user').filter((u) => u.ACTIVE !== false && u.ACTIVE !== 'N');
			expect(active.length).toBeGreaterThan(50);
			const options = byId(fields.fields, 'CREATED_BY')!.options!;
			expect(options.map((o) => String(o.value)).sort()).toEqual(active.map((u) => String(u.ID)).sort());
		} finally {
			await big.stop();
		}
	});

	test.each([
		['lead', 'STATUS_ID', { name: 'Unassigned', value: 'NEW' }],
		['contact', 'TYPE_ID', { name: 'Clients', value: 'CLIENT' }],
		['company', 'INDUSTRY', { name: 'Information Technology', value: 'IT' }],
		['quote', 'STATUS_ID', { name: 'Sent to client', value: 'SENT' }],
	])('%s: status field %s lists its statuses', async (resource, field, option) => {
		const fields = await columns({ resource, operation: 'create' });
		expect(byId(fields, field)).toMatchObject({ type: 'options' });
		expect(byId(fields, field)!.options).toContainEqual(option);
		expect(byId(fields, 'ID')).toBeUndefined();
		expect(byId(fields, 'DATE_MODIFY')).toBeUndefined();
	});

	test('lead: a custom enumeration by its label; contact: birth date as a date', async () => {
		const lead = await columns({ resource: 'lead', operation: 'create' });
		expect(byId(lead, 'UF_CRM_CHANNEL')!.options!.map((o) => o.name)).toEqual(['Phone', 'Chat']);
		const contact = await columns({ resource: 'contact', operation: 'update' });
		expect(byId(contact, 'BIRTHDATE')).toMatchObject({ type: 'dateTime' });
		expect(byId(contact, 'NAME')).toMatchObject({ displayName: 'Name', type: 'string' });
	});

	test('smart process: camelCase IDs from crm.item.fields for the chosen Entity Type ID, its own stages', async () => {
		const fields = await columns({ resource: 'crmItem', operation: 'create', entityTypeId: processType });
		expect(portal.emu.calls('batch').pop()!.params).toMatchObject({ cmd: { fields: `crm.item.fields?entityTypeId=${processType}` } });
		expect(byId(fields, 'title')).toMatchObject({ displayName: 'Name', type: 'string' });
		expect(byId(fields, 'opened')).toMatchObject({ type: 'boolean' });
		expect(byId(fields, 'stageId')!.options!.map((o) => o.value)).toContainEqual(expect.stringMatching(new RegExp(`^DT${processType}_\\d+:NEW$`)));
		expect(byId(fields, 'id')).toBeUndefined();
		expect(byId(fields, 'createdTime')).toBeUndefined();
		await expect(columns({ resource: 'crmItem', operation: 'create', entityTypeId: 0 })).rejects.toThrow('Set Entity Type ID');
	});

	test('invoice: entity type 31 without an input, its stages', async () => {
		const fields = await columns({ resource: 'invoice', operation: 'update' });
		expect(portal.emu.calls('batch').pop()!.params).toMatchObject({ cmd: { fields: 'crm.item.fields?entityTypeId=31' } });
		expect(byId(fields, 'stageId')!.options).toContainEqual({ name: 'Paid', value: 'DT31_1:P' });
		expect(byId(fields, 'opportunity')).toMatchObject({ type: 'number' });
	});

	test('task: enumerations with their labels, Y/N flags as booleans, users, computed fields left out', async () => {
		const fields = await columns({ resource: 'task', operation: 'create' });
		expect(byId(fields, 'PRIORITY')).toMatchObject({ displayName: 'Priority', type: 'options' });
		expect(byId(fields, 'PRIORITY')!.options).toContainEqual({ name: 'High', value: '2' });
		expect(byId(fields, 'TASK_CONTROL')).toMatchObject({ displayName: 'Accept work', type: 'boolean' });
		expect(byId(fields, 'DEADLINE')).toMatchObject({ type: 'dateTime' });
		// getFields titles some fields null: their code, readable
		expect(byId(fields, 'AUDITORS')).toMatchObject({ displayName: 'Auditors', type: 'array' });
		expect(byId(fields, 'ALLOW_CHANGE_DEADLINE')).toMatchObject({ displayName: 'Allow Change Deadline', type: 'boolean' });
		expect(byId(fields, 'CREATED_BY')).toMatchObject({ type: 'options', required: false });
		for (const computed of ['ID', 'STATUS', 'CHANGED_DATE', 'CLOSED_BY', 'CREATED_DATE']) expect(byId(fields, computed)).toBeUndefined();
		// Title and Responsible are the operation's own required inputs
		expect(byId(fields, 'TITLE')).toBeUndefined();
		expect(byId(fields, 'RESPONSIBLE_ID')).toBeUndefined();
		expect(Object.values((portal.emu.calls('batch').pop()!.params as { cmd: Record<string, string> }).cmd).map((c) => c.split('?')[0]).sort()).toEqual(['tasks.task.getFields', 'user.get']);
	});

	test('the mapper is a version 2 input on Create and Update of the seven kinds (and Create or Update); version 1 has none', () => {
		const mappers = (version: number) => new Bitrix24().getNodeType(version).description.properties.filter((p) => p.name === 'columns');
		expect(mappers(1)).toEqual([]);
		const v2 = mappers(2);
		expect(v2.every((p) => p.type === 'resourceMapper')).toBe(true);
		const where = v2.map((p) => `${String(p.displayOptions!.show!.resource![0])}.${String(p.displayOptions!.show!.operation![0])}:${String(p.typeOptions!.resourceMapper!.mode)}`);
		const crud = ['lead', 'deal', 'contact', 'company', 'quote', 'crmItem', 'invoice', 'task'].flatMap((r) => [`${r}.create:add`, `${r}.update:map`]);
		expect(where.sort()).toEqual([...crud, 'lead.upsert:map', 'contact.upsert:map', 'company.upsert:map'].sort());
		// the smart-process mapper reloads when its Entity Type ID changes
		expect(v2.find((p) => p.displayOptions!.show!.resource![0] === 'crmItem')!.typeOptions!.loadOptionsDependsOn).toEqual(['resource', 'operation', 'entityTypeId']);
	});
});

describe('Create and Update with the mapper', () => {
	test('deal create sends option IDs, Y/N and 1/0 flags, dates, amounts with currency and lists', async () => {
		const [deal] = await portal.json({
			resource: 'deal',
			operation: 'create',
			TITLE: 'Mapped deal',
			columns: mapped({
				UF_CRM_REGION: 'South',
				STAGE_ID: 'Document preparation',
				OPENED: false,
				UF_CRM_VIP: true,
				BEGINDATE: '2030-01-31T18:00:00',
				UF_CRM_BUDGET: '1500.5|eur',
				UF_CRM_TAGS: 'wholesale, priority',
				OPPORTUNITY: '2500',
				UF_CRM_MANAGER: '2',
				CATEGORY_ID: 0,
			}),
		});
		expect(Number(deal.id)).toBeGreaterThan(0);
		expect(lastParams('crm.deal.add').fields).toEqual({
			TITLE: 'Mapped deal',
			UF_CRM_REGION: region.south,
			STAGE_ID: 'PREPARATION',
			OPENED: 'N',
			UF_CRM_VIP: 1,
			BEGINDATE: '2030-01-31',
			UF_CRM_BUDGET: '1500.5|EUR',
			UF_CRM_TAGS: ['wholesale', 'priority'],
			OPPORTUNITY: 2500,
			UF_CRM_MANAGER: '2',
			CATEGORY_ID: 0,
			// the idempotency key every version 2 create carries (test/node/idempotency.test.ts)
			ORIGINATOR_ID: 'n8n',
			ORIGIN_ID: expect.stringMatching(/^n8n-[0-9a-f]{40}$/),
		});
	});

	test('a multiple list field takes labels or IDs and sends the option IDs', async () => {
		await call('crm.deal.userfield.add', { fields: { FIELD_NAME: 'CHANNELS', USER_TYPE_ID: 'enumeration', MULTIPLE: 'Y', EDIT_FORM_LABEL: 'Channels', LIST: [{ VALUE: 'Web' }, { VALUE: 'Shop' }, { VALUE: 'Phone' }] } });
		const fields = await columns({ resource: 'deal', operation: 'create' });
		expect(byId(fields, 'UF_CRM_CHANNELS')).toMatchObject({ displayName: 'Channels (UF_CRM_CHANNELS)', type: 'array' });
		const items = ((await call('crm.deal.fields', {})) as Record<string, { items: Array<{ ID: string; VALUE: string }> }>).UF_CRM_CHANNELS.items;
		const id = (label: string) => items.find((i) => i.VALUE === label)!.ID;
		await portal.json({ resource: 'deal', operation: 'create', TITLE: 'Channels', columns: mapped({ UF_CRM_CHANNELS: `web, ${id('Phone')}` }) });
		expect(lastParams('crm.deal.add').fields).toMatchObject({ UF_CRM_CHANNELS: [id('Web'), id('Phone')] });
		await expect(portal.json({ resource: 'deal', operation: 'create', TITLE: 'Channels', columns: mapped({ UF_CRM_CHANNELS: ['Web', 'Fax'] }) })).rejects.toThrow(
			'Field "Channels" (UF_CRM_CHANNELS) needs a list of values, each one of the listed options, not ["Web","Fax"] [item 0]',
		);
	});

	test('deal update merges Additional Fields and the mapper; the mapper wins on the same field', async () => {
		const id = String((await portal.json({ resource: 'deal', operation: 'create', TITLE: 'To update' }))[0].id);
		await portal.json({
			resource: 'deal',
			operation: 'update',
			deal: { __rl: true, mode: 'id', value: id },
			updateFields: { COMMENTS: 'from Additional Fields', OPPORTUNITY: 10 },
			columns: mapped({ OPPORTUNITY: 99.5, UF_CRM_REGION: region.north, UF_CRM_TAGS: '["a", "b"]' }),
		});
		expect(lastParams('crm.deal.update')).toMatchObject({ id, fields: { COMMENTS: 'from Additional Fields', OPPORTUNITY: 99.5, UF_CRM_REGION: region.north, UF_CRM_TAGS: ['a', 'b'] } });
		expect(portal.emu.store.get('deal', Number(id))).toMatchObject({ UF_CRM_REGION: region.north, OPPORTUNITY: 99.5 });
	});

	test('metadata is read once per execution, not per item, and only when the mapper holds values', async () => {
		const before = portal.emu.calls('batch').length;
		await portal.json({ resource: 'lead', operation: 'create', TITLE: 'No mapper values', columns: mapped({}) });
		expect(portal.emu.calls('batch').length).toBe(before);
		await portal.json(
			{ resource: 'lead', operation: 'create', TITLE: '={{ $json.title }}', columns: mapped({ UF_CRM_CHANNEL: '={{ $json.channel }}' }) },
			{ items: [{ title: 'A', channel: 'Chat' }, { title: 'B', channel: 'Phone' }, { title: 'C', channel: 'chat' }] },
		);
		const batches = portal.emu.calls('batch').slice(before);
		// one metadata batch, one batch with the three writes
		expect(batches).toHaveLength(2);
		const writes = Object.values((batches[1].params as { cmd: Record<string, string> }).cmd);
		expect(writes).toHaveLength(3);
		const channels = portal.emu.store.all('lead').slice(-3).map((l) => l.UF_CRM_CHANNEL);
		const fields = (await call('crm.lead.fields', {})) as Record<string, { items: Array<{ ID: string; VALUE: string }> }>;
		const id = (label: string) => fields.UF_CRM_CHANNEL.items.find((i) => i.VALUE === label)!.ID;
		expect(channels).toEqual([id('Chat'), id('Phone'), id('Chat')]);
	});

	test('auto-map takes the input item keys that are fields and ignores the rest', async () => {
		await portal.json(
			{ resource: 'contact', operation: 'create', NAME: 'Ann', columns: mapped({}, 'autoMapInputData') },
			{ items: [{ LAST_NAME: 'Lee', TYPE_ID: 'Partners', EXPORT: 'yes', somethingElse: 1 }] },
		);
		expect(lastParams('crm.contact.add').fields).toEqual({ NAME: 'Ann', LAST_NAME: 'Lee', TYPE_ID: 'PARTNER', EXPORT: 'Y', ORIGINATOR_ID: 'n8n', ORIGIN_ID: expect.stringMatching(/^n8n-/) });
	});

	test('contact Create or Update (upsert) sends the mapper fields with the create and with the update', async () => {
		const upsert = (email: string, type: string) =>
			portal.json({ resource: 'contact', operation: 'upsert', matchBy: 'EMAIL', matchValue: email, NAME: 'Mia', columns: mapped({ TYPE_ID: type, BIRTHDATE: '1990-02-03' }) });
		const [created] = await upsert('mia.mapper@example.com', 'Suppliers');
		expect(lastParams('crm.contact.add').fields).toMatchObject({ NAME: 'Mia', TYPE_ID: 'SUPPLIER', BIRTHDATE: '1990-02-03' });
		await upsert('mia.mapper@example.com', 'Partners');
		expect(lastParams('crm.contact.update')).toMatchObject({ fields: { TYPE_ID: 'PARTNER', BIRTHDATE: '1990-02-03' } });
		expect(Number(lastParams('crm.contact.update').id)).toBe(Number(created.id ?? created.ID));
	});

	test('smart process item: camelCase fields into crm.item.add', async () => {
		const [item] = await portal.json({
			resource: 'crmItem',
			operation: 'create',
			entityTypeId: processType,
			fields: '{"title": "From JSON"}',
			columns: mapped({ title: 'From mapper', opportunity: 12, opened: true, begindate: '2031-05-01' }),
		});
		expect(lastParams('crm.item.add')).toMatchObject({ entityTypeId: processType, fields: { title: 'From mapper', opportunity: 12, opened: 'Y', begindate: '2031-05-01' } });
		expect(item).toMatchObject({ title: 'From mapper', opportunity: 12 });
	});

	test('invoice update: stage by its label', async () => {
		const [created] = await portal.json({ resource: 'invoice', operation: 'create', fields: '{"title": "Invoice"}' });
		await portal.json({ resource: 'invoice', operation: 'update', invoice: { __rl: true, mode: 'id', value: String(created.id) }, fields: '{}', columns: mapped({ stageId: 'Paid' }) });
		expect(lastParams('crm.item.update')).toMatchObject({ entityTypeId: 31, id: String(created.id), fields: { stageId: 'DT31_1:P' } });
	});

	test('task create and update: priority option, Y/N flag, user lists, date and time', async () => {
		const [task] = await portal.json({
			resource: 'task',
			operation: 'create',
			TITLE: 'Mapped task',
			RESPONSIBLE_ID: '1',
			columns: mapped({ PRIORITY: 'High', TASK_CONTROL: true, AUDITORS: [2, 3], DEADLINE: '2030-01-31T18:00:00+02:00' }),
		});
		expect(lastParams('tasks.task.add').fields).toEqual({ TITLE: 'Mapped task', RESPONSIBLE_ID: '1', PRIORITY: '2', TASK_CONTROL: 'Y', AUDITORS: ['2', '3'], DEADLINE: '2030-01-31T18:00:00+02:00' });
		await portal.json({ resource: 'task', operation: 'update', task: { __rl: true, mode: 'id', value: String(task.id) }, columns: mapped({ TITLE: 'Renamed by mapper', ALLOW_CHANGE_DEADLINE: 'N' }) });
		expect(lastParams('tasks.task.update').fields).toEqual({ TITLE: 'Renamed by mapper', ALLOW_CHANGE_DEADLINE: 'N' });
	});
});

describe('values that cannot be converted', () => {
	test.each([
		['OPPORTUNITY', 'ten', 'Field "Amount" (OPPORTUNITY) needs a number, not "ten" [item 0]'],
		['UF_CRM_REGION', 'West', 'Field "Region" (UF_CRM_REGION) needs one of the listed options, not "West" [item 0]'],
		['UF_CRM_BUDGET', '100', 'Field "Budget" (UF_CRM_BUDGET) needs an amount with a currency, e.g. 100|USD or 99.5|EUR, not "100" [item 0]'],
		['OPENED', 'maybe', 'Field "Available to everyone" (OPENED) needs true or false (Yes/No), not "maybe" [item 0]'],
		['BEGINDATE', 'soon', 'Field "Start date" (BEGINDATE) needs a date, e.g. 2030-01-31, not "soon" [item 0]'],
		['COMPANY_ID', -4, 'Field "Company" (COMPANY_ID) needs a record ID (a whole number, 0 for none), not -4 [item 0]'],
	])('%s = %p fails naming the field, the item and the type; nothing is sent', async (field, value, message) => {
		const before = portal.emu.calls('crm.deal.add').length;
		await expect(portal.json({ resource: 'deal', operation: 'create', TITLE: 'Bad', columns: mapped({ [field]: value }) })).rejects.toThrow(message);
		expect(portal.emu.calls('crm.deal.add').length).toBe(before);
	});

	test('the option list is in the error description', async () => {
		const error = await portal.json({ resource: 'deal', operation: 'create', TITLE: 'Bad', columns: mapped({ UF_CRM_REGION: 'West' }) }).catch((e: { description?: string }) => e);
		expect((error as { description: string }).description).toContain(`North (${region.north}), South (${region.south})`);
	});

	test('a field the portal no longer has is named', async () => {
		await expect(portal.json({ resource: 'deal', operation: 'create', TITLE: 'Bad', columns: mapped({ UF_CRM_GONE: 'x' }) })).rejects.toThrow(
			'Field "UF_CRM_GONE" is not a writable field of this record type on the portal [item 0]',
		);
	});

	test('with continue-on-fail the bad item becomes a paired error item and the others are sent', async () => {
		const before = portal.emu.subCalls('tasks.task.add').length;
		const out = await portal.run(
			{ resource: 'task', operation: 'create', TITLE: '={{ $json.title }}', RESPONSIBLE_ID: '1', columns: mapped({ TIME_ESTIMATE: '={{ $json.estimate }}' }) },
			{ items: [{ title: 'Good', estimate: 3600 }, { title: 'Bad', estimate: '1.5h' }, { title: 'Also good', estimate: '60' }], continueOnFail: true },
		);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json).toMatchObject({ error: 'Field "Estimated time" (TIME_ESTIMATE) needs a whole number, not "1.5h" [item 1]', resource: 'task', operation: 'create' });
		expect(out[0].json).toMatchObject({ title: 'Good' });
		expect(out[2].json).toMatchObject({ title: 'Also good' });
		// the two good items went out together in one batch (a batch command is a query string, so numbers arrive as text)
		const sent = portal.emu.subCalls('tasks.task.add').slice(before).map((c) => (c.params as { fields: IDataObject }).fields);
		expect(sent).toEqual([
			{ TITLE: 'Good', RESPONSIBLE_ID: '1', TIME_ESTIMATE: '3600' },
			{ TITLE: 'Also good', RESPONSIBLE_ID: '1', TIME_ESTIMATE: '60' },
		]);
	});
});
