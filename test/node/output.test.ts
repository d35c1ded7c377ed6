/** Simplify and Resolve Labels on Get / Get Many (node version 2); version 1 output unchanged. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { measure, startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { users: 120, deals: 500 } })));
afterAll(async () => await portal.stop());

/** A documented method called straight on the emulator (test setup, not the node). */
async function call(method: string, params: IDataObject = {}): Promise<IDataObject> {
	const response = await fetch(portal.emu.webhookUrl + method, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
	const body = (await response.json()) as IDataObject;
	if (body.error !== undefined) throw new Error(`${method}: ${JSON.stringify(body)}`);
	return body;
}

const userName = (id: number) => {
	const user = portal.emu.store.get('user', id)!;
	return `${String(user.NAME)} ${String(user.LAST_NAME)}`;
};

/** HTTP calls the node made during `work` (batch sub-commands are not HTTP calls), and the last batch's commands. */
async function httpCalls<T>(work: () => Promise<T>): Promise<{ out: T; calls: string[]; lastBatch: string[] }> {
	const { output: out, http, commands } = await measure(portal, work);
	const last = http.filter((entry) => entry.method === 'batch').pop();
	const lastBatch = commands.filter((entry) => last && entry.parent === last.seq).map((entry) => entry.method);
	return { out, calls: http.map((entry) => entry.method), lastBatch };
}

const description = new Bitrix24().getNodeType(2).description;

/** The record's ID as version 2 takes it: its resource locator (By ID) where it has one, else the plain input. */
function recordId(resource: string, input: string, id: string): INodeParameters {
	const locator = description.properties.find(
		(property) => property.type === 'resourceLocator' && property.displayOptions?.show?.resource?.includes(resource) && property.displayOptions?.show?.operation?.includes('get'),
	);
	return locator ? { [locator.name]: { __rl: true, mode: 'id', value: id } } : { [input]: id };
}

const multi = { PHONE: [{ VALUE: '+15550001', VALUE_TYPE: 'WORK' }], EMAIL: [{ VALUE: 'someone@example.com', VALUE_TYPE: 'WORK' }] };

/** Each kind's Simplify fields, as the resource tables name them. */
const kinds: Array<{ name: string; get: () => Promise<INodeParameters>; fields: string[] }> = [
	{
		name: 'lead',
		get: async () => ({ resource: 'lead', ...recordId('lead', 'id', String((await call('crm.lead.add', { fields: { TITLE: 'L', NAME: 'Ann', ...multi } })).result)) }),
		fields: ['ID', 'TITLE', 'NAME', 'LAST_NAME', 'STATUS_ID', 'SOURCE_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'PHONE', 'EMAIL', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY'],
	},
	{
		name: 'deal',
		get: async () => ({ resource: 'deal', ...recordId('deal', 'id', String((await call('crm.deal.add', { fields: { TITLE: 'D', COMMENTS: 'long text' } })).result)) }),
		fields: ['ID', 'TITLE', 'CATEGORY_ID', 'STAGE_ID', 'TYPE_ID', 'SOURCE_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'COMPANY_ID', 'CONTACT_ID', 'ASSIGNED_BY_ID', 'CLOSEDATE', 'DATE_CREATE', 'DATE_MODIFY'],
	},
	{
		name: 'contact',
		get: async () => ({ resource: 'contact', ...recordId('contact', 'id', String((await call('crm.contact.add', { fields: { NAME: 'Bo', ...multi } })).result)) }),
		fields: ['ID', 'NAME', 'LAST_NAME', 'POST', 'TYPE_ID', 'SOURCE_ID', 'COMPANY_ID', 'PHONE', 'EMAIL', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY'],
	},
	{
		name: 'company',
		get: async () => ({ resource: 'company', ...recordId('company', 'id', String((await call('crm.company.add', { fields: { TITLE: 'Acme', ...multi } })).result)) }),
		fields: ['ID', 'TITLE', 'COMPANY_TYPE', 'INDUSTRY', 'REVENUE', 'CURRENCY_ID', 'PHONE', 'EMAIL', 'ASSIGNED_BY_ID', 'DATE_CREATE', 'DATE_MODIFY'],
	},
	{
		name: 'quote',
		get: async () => ({ resource: 'quote', ...recordId('quote', 'id', String((await call('crm.quote.add', { fields: { TITLE: 'Q' } })).result)) }),
		fields: ['ID', 'TITLE', 'QUOTE_NUMBER', 'STATUS_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'DEAL_ID', 'COMPANY_ID', 'CONTACT_ID', 'ASSIGNED_BY_ID', 'CLOSEDATE', 'DATE_CREATE', 'DATE_MODIFY'],
	},
	{
		name: 'crmItem',
		get: async () => ({ resource: 'crmItem', entityTypeId: 2, ...recordId('crmItem', 'id', String(((await call('crm.item.add', { entityTypeId: 2, fields: { title: 'I' } })).result as { item: IDataObject }).item.id)) }),
		fields: ['id', 'title', 'name', 'lastName', 'categoryId', 'stageId', 'opportunity', 'currencyId', 'companyId', 'contactId', 'assignedById', 'createdTime', 'updatedTime'],
	},
	{
		name: 'invoice',
		get: async () => ({ resource: 'invoice', ...recordId('invoice', 'id', String(((await call('crm.item.add', { entityTypeId: 31, fields: { title: 'Inv' } })).result as { item: IDataObject }).item.id)) }),
		fields: ['id', 'accountNumber', 'title', 'stageId', 'opportunity', 'currencyId', 'companyId', 'contactId', 'assignedById', 'closedate', 'createdTime', 'updatedTime'],
	},
	{
		name: 'task',
		get: async () => ({ resource: 'task', ...recordId('task', 'taskId', String(((await call('tasks.task.add', { fields: { TITLE: 'T', RESPONSIBLE_ID: 2, DESCRIPTION: 'long text', DEADLINE: '2026-12-31T10:00:00+00:00' } })).result as { task: IDataObject }).task.id)) }),
		fields: ['id', 'title', 'status', 'priority', 'responsibleId', 'createdBy', 'groupId', 'deadline', 'createdDate', 'changedDate', 'closedDate'],
	},
];

describe.each(kinds)('Simplify on $name', ({ name, get, fields }) => {
	test('Get: on by default in version 2, the whole record with Simplify off', async () => {
		const parameters = { ...(await get()), operation: 'get' };
		const [simple] = await portal.json(parameters);
		const [raw] = await portal.json({ ...parameters, simplify: false });
		const expected = fields.filter((field) => field in raw);
		expect(expected.length).toBeGreaterThanOrEqual(9);
		expect(Object.keys(simple)).toEqual(expected);
		for (const field of expected) expect(simple[field]).toEqual(raw[field]);
		expect(Object.keys(raw).length).toBeGreaterThan(expected.length);
	});

	test('Get Many: only Simplify fields; Select Fields wins over Simplify', async () => {
		const resource = name;
		const extra = resource === 'crmItem' ? { entityTypeId: 2 } : {};
		const rows = await portal.json({ resource, operation: 'getMany', limit: 3, ...extra });
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(Object.keys(row).filter((key) => !fields.includes(key))).toEqual([]);
			expect(row).toHaveProperty(fields[0]);
		}
		const idField = name === 'task' ? 'ID' : fields[0];
		const mainField = name === 'task' ? 'DESCRIPTION' : fields[0] === 'id' ? 'updatedBy' : 'OPENED';
		const selected = await portal.json({ resource, operation: 'getMany', limit: 1, ...extra, listOptions: { select: `${idField}, ${mainField}` } });
		expect(Object.keys(selected[0]).length).toBeGreaterThanOrEqual(2);
		expect(Object.keys(selected[0]).some((key) => !fields.includes(key))).toBe(true);
	});
});

describe('Resolve Labels', () => {
	let dealId = '';
	let pipelineId = 0;
	let blueId = '';
	beforeAll(async () => {
		const category = (await call('crm.category.add', { entityTypeId: 2, fields: { name: 'Wholesale' } })).result as { category: IDataObject };
		pipelineId = Number(category.category.id);
		await call('crm.deal.userfield.add', { fields: { FIELD_NAME: 'OUT_COLOR', USER_TYPE_ID: 'enumeration', LIST: [{ VALUE: 'Red' }, { VALUE: 'Blue' }] } });
		const field = ((await call('crm.deal.fields')).result as IDataObject).UF_CRM_OUT_COLOR as { items: Array<{ ID: string; VALUE: string }> };
		blueId = field.items.find((item) => item.VALUE === 'Blue')!.ID;
		const fields = { TITLE: 'Labelled', CATEGORY_ID: pipelineId, STAGE_ID: `C${pipelineId}:PREPARATION`, SOURCE_ID: 'WEB', TYPE_ID: 'GOODS', ASSIGNED_BY_ID: 7, UF_CRM_OUT_COLOR: blueId };
		dealId = String((await call('crm.deal.add', { fields })).result);
	});

	test('a deal in another pipeline: stage, pipeline, source, type, list field and users get labels next to their IDs', async () => {
		const [deal] = await portal.json({ resource: 'deal', operation: 'get', ...recordId('deal', 'id', dealId), simplify: false, resolveLabels: true });
		expect(deal).toMatchObject({
			STAGE_ID: `C${pipelineId}:PREPARATION`,
			STAGE_ID_label: 'Document preparation',
			CATEGORY_ID_label: 'Wholesale',
			SOURCE_ID: 'WEB',
			SOURCE_ID_label: 'Website',
			TYPE_ID: 'GOODS',
			TYPE_ID_label: 'Merchandise sales',
			UF_CRM_OUT_COLOR: blueId,
			UF_CRM_OUT_COLOR_label: 'Blue',
			ASSIGNED_BY_ID: '7',
			ASSIGNED_BY_ID_label: userName(7),
			CREATED_BY_ID_label: userName(1),
		});
		const keys = Object.keys(deal);
		for (const field of ['STAGE_ID', 'SOURCE_ID', 'UF_CRM_OUT_COLOR', 'ASSIGNED_BY_ID']) expect(keys.indexOf(`${field}_label`)).toBe(keys.indexOf(field) + 1);
		// a value without a label (a title, an amount) gets none
		expect(deal).not.toHaveProperty('TITLE_label');
		expect(deal).not.toHaveProperty('OPPORTUNITY_label');
	});

	test('with Simplify: the simplified record with its labels', async () => {
		const [deal] = await portal.json({ resource: 'deal', operation: 'get', ...recordId('deal', 'id', dealId), resolveLabels: true });
		expect(Object.keys(deal)).toEqual([
			'ID',
			'TITLE',
			'CATEGORY_ID',
			'CATEGORY_ID_label',
			'STAGE_ID',
			'STAGE_ID_label',
			'TYPE_ID',
			'TYPE_ID_label',
			'SOURCE_ID',
			'SOURCE_ID_label',
			'OPPORTUNITY',
			'CURRENCY_ID',
			'COMPANY_ID',
			'CONTACT_ID',
			'ASSIGNED_BY_ID',
			'ASSIGNED_BY_ID_label',
			'CLOSEDATE',
			'DATE_CREATE',
			'DATE_MODIFY',
		]);
	});

	test('crm.item names: stageId_label, categoryId_label, the list field by its camelCase name, assignedById_label', async () => {
		const [item] = await portal.json({ resource: 'crmItem', operation: 'get', entityTypeId: 2, ...recordId('crmItem', 'id', dealId), simplify: false, resolveLabels: true });
		expect(item).toMatchObject({
			stageId_label: 'Document preparation',
			categoryId_label: 'Wholesale',
			sourceId_label: 'Website',
			typeId_label: 'Merchandise sales',
			ufCrmOutColor_label: 'Blue',
			assignedById: 7,
			assignedById_label: userName(7),
		});
	});

	test('tasks: status and priority labels, responsible and creator names', async () => {
		const created = (await call('tasks.task.add', { fields: { TITLE: 'Label task', RESPONSIBLE_ID: 5, CREATED_BY: 9, PRIORITY: 2 } })).result as { task: IDataObject };
		await call('tasks.task.start', { taskId: created.task.id });
		const [task] = await portal.json({ resource: 'task', operation: 'get', ...recordId('task', 'taskId', String(created.task.id)), resolveLabels: true });
		expect(task).toMatchObject({
			status: '3',
			status_label: 'In Progress',
			priority: '2',
			priority_label: 'High',
			responsibleId: '5',
			responsibleId_label: userName(5),
			createdBy: '9',
			createdBy_label: userName(9),
		});
		const many = await portal.json({ resource: 'task', operation: 'getMany', returnAll: true, resolveLabels: true });
		const row = many.find((entry) => entry.id === String(created.task.id))!;
		expect(row).toMatchObject({ status_label: 'In Progress', responsibleId_label: userName(5), createdBy_label: userName(9) });
	});

	test('Get Many of 500 deals: one extra call for all labels, whatever the number of records', async () => {
		const list = (extra: INodeParameters) => ({ resource: 'deal', operation: 'getMany', returnAll: true, ...extra });
		const plain = await httpCalls(async () => await portal.json(list({})));
		const labelled = await httpCalls(async () => await portal.json(list({ resolveLabels: true })));
		const few = await httpCalls(async () => await portal.json(list({ returnAll: false, limit: 20, resolveLabels: true })));
		expect(labelled.out.length).toBeGreaterThanOrEqual(500);
		expect(labelled.calls.length).toBe(plain.calls.length + 1);
		expect(labelled.calls[labelled.calls.length - 1]).toBe('batch');
		expect(new Set(labelled.lastBatch)).toEqual(new Set(['crm.deal.fields', 'crm.status.list', 'crm.category.list', 'user.get']));
		expect(labelled.lastBatch.filter((method) => method === 'user.get').length).toBeGreaterThan(1);
		const fewPlain = await httpCalls(async () => await portal.json(list({ returnAll: false, limit: 20 })));
		expect(few.calls.length).toBe(fewPlain.calls.length + 1);
		// more than 50 distinct responsible users, all named from that one batch
		const users = new Set(labelled.out.map((deal) => deal.ASSIGNED_BY_ID));
		expect(users.size).toBeGreaterThan(50);
		for (const deal of labelled.out) {
			expect(deal.ASSIGNED_BY_ID_label).toBe(userName(Number(deal.ASSIGNED_BY_ID)));
			expect(typeof deal.STAGE_ID_label).toBe('string');
		}
	});

	test('several input items share one look-up', async () => {
		const items = [{ id: dealId }, { id: dealId }, { id: dealId }];
		const { out, calls } = await httpCalls(async () => await portal.json({ resource: 'deal', operation: 'get', ...recordId('deal', 'id', '={{ $json.id }}'), resolveLabels: true }, { items }));
		expect(out.map((deal) => deal.STAGE_ID_label)).toEqual(['Document preparation', 'Document preparation', 'Document preparation']);
		// one batch for the three gets, one for the labels
		expect(calls).toEqual(['batch', 'batch']);
	});

	test('a credential without the user scope fails with a message naming Resolve Labels', async () => {
		const hook = portal.emu.addWebhook({ scopes: ['crm'] });
		portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: hook.url, plan: 'none' });
		try {
			const error = await portal.json({ resource: 'deal', operation: 'get', ...recordId('deal', 'id', dealId), resolveLabels: true }).then(
				() => undefined,
				(e: Error) => e,
			);
			expect(error?.message).toMatch(/Resolve Labels could not read user\.get/);
			const [plain] = await portal.json({ resource: 'deal', operation: 'get', ...recordId('deal', 'id', dealId) });
			expect(plain.ID).toBe(dealId);
		} finally {
			portal.credentials.set('webhook', 'bitrix24WebhookApi', { webhookUrl: portal.emu.webhookUrl, plan: 'none' });
		}
	});
});

describe('version 1', () => {
	test('has neither Simplify nor Resolve Labels, and Get returns the whole record as before', async () => {
		const names = new Bitrix24().getNodeType(1).description.properties.map((property) => property.name);
		expect(names).not.toContain('simplify');
		expect(names).not.toContain('resolveLabels');
		const v2 = new Bitrix24().getNodeType(2).description.properties.filter((property) => property.name === 'simplify');
		expect(v2.length).toBeGreaterThan(0);
		expect(v2.every((property) => property.default === true)).toBe(true);

		const id = String((await call('crm.deal.add', { fields: { TITLE: 'Old workflow', COMMENTS: 'kept' } })).result);
		const raw = (await call('crm.deal.get', { id })).result as IDataObject;
		const { out, calls } = await httpCalls(async () => await portal.json({ resource: 'deal', operation: 'get', id, simplify: true, resolveLabels: true }, { typeVersion: 1 }));
		expect(out).toEqual([raw]);
		expect(calls).toEqual(['crm.deal.get']);
		const rows = await portal.json({ resource: 'deal', operation: 'getMany', limit: 2, simplify: true }, { typeVersion: 1 });
		const [first] = (await call('crm.deal.list', { order: { ID: 'ASC' } })).result as IDataObject[];
		expect(rows[0]).toEqual(first);
	});
});
