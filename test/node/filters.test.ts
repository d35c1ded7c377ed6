/** Get Many → Options → Filters (node version 2): field / operator / value rows beside Filter (JSON). */
import type { IDataObject, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { editorMethod } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { deals: 120, users: 2, tasks: 20 } })));
afterAll(async () => await portal.stop());

/** The filter of the last list call, batched or not. */
const lastFilter = (method: string) => (portal.emu.log.filter((entry) => entry.method === method).pop()!.params as IDataObject).filter as IDataObject;
const rows = (...conditions: IDataObject[]) => ({ conditions: { condition: conditions } });
const getMany = (resource: string, listOptions: IDataObject, extra: INodeParameters = {}) =>
	portal.json({ resource, operation: 'getMany', returnAll: true, ...extra, listOptions: listOptions as INodeParameters }, { continueOnFail: true });

test('rows become prefixed filter keys, merged with Filter (JSON); the portal answers exactly the matching deals', async () => {
	const out = await getMany('deal', {
		filter: '{"CATEGORY_ID": 0}',
		...rows(
			{ field: 'STAGE_ID', operator: 'in', value: 'NEW, WON' },
			{ field: 'OPPORTUNITY', operator: 'greaterOrEqual', value: '2000' },
			{ field: 'OPPORTUNITY', operator: 'less', value: '8000' },
			{ field: 'COMMENTS', operator: 'isEmpty' },
			{ field: 'TITLE', operator: 'notContains', value: 'Vega' },
		),
	});
	// batch commands travel as query strings: values arrive as text
	expect(lastFilter('crm.deal.list')).toEqual({
		CATEGORY_ID: '0',
		'@STAGE_ID': ['NEW', 'WON'],
		'>=OPPORTUNITY': '2000',
		'<OPPORTUNITY': '8000',
		'=COMMENTS': '',
		'!%TITLE': 'Vega',
		// the id-keyed paging starts below every ID; the matches fit one page
		'>ID': '0',
	});
	const expected = portal.emu.store
		.all('deal')
		.filter((d) => ['NEW', 'WON'].includes(String(d.STAGE_ID)) && Number(d.OPPORTUNITY) >= 2000 && Number(d.OPPORTUNITY) < 8000 && !d.COMMENTS && !String(d.TITLE).includes('Vega'))
		.map((d) => String(d.ID));
	expect(expected.length).toBeGreaterThan(0);
	expect(out.map((d) => d.ID)).toEqual(expected);
});

test('equals has no prefix, is not empty is !=; smart-process items filter by their camelCase fields', async () => {
	const wonDeals = await getMany('deal', rows({ field: 'STAGE_ID', operator: 'equals', value: 'WON' }, { field: 'TITLE', operator: 'isNotEmpty', value: 'ignored' }));
	expect(lastFilter('crm.deal.list')).toEqual({ STAGE_ID: 'WON', '!=TITLE': '', '>ID': '0' });
	const won = portal.emu.store
		.all('deal')
		.filter((d) => d.STAGE_ID === 'WON' && String(d.TITLE ?? '') !== '')
		.map((d) => String(d.ID));
	expect(won.length).toBeGreaterThan(0);
	expect(wonDeals.map((d) => d.ID)).toEqual(won);
	const items = await getMany('crmItem', rows({ field: 'title', operator: 'contains', value: 'Alpha' }), { entityTypeId: 2 });
	expect(lastFilter('crm.item.list')).toEqual({ '%title': 'Alpha', '>id': '0' });
	expect(items.length).toBeGreaterThan(0);
	for (const item of items) expect(String(item.title)).toContain('Alpha');
	const tasks = await getMany('task', rows({ field: 'RESPONSIBLE_ID', operator: 'notIn', value: '1' }));
	expect(lastFilter('tasks.task.list')).toEqual({ '!@RESPONSIBLE_ID': ['1'], '>ID': '0' });
	const others = portal.emu.store
		.all('task')
		.filter((t) => Number(t.RESPONSIBLE_ID) !== 1)
		.map((t) => String(t.ID));
	expect(others.length).toBeGreaterThan(0);
	expect(tasks.map((t) => String(t.id))).toEqual(others);
});

test.each([
	['a key also in Filter (JSON)', { filter: '{">=OPPORTUNITY": 5}', ...rows({ field: 'OPPORTUNITY', operator: 'greaterOrEqual', value: '1' }) }, 'Filters row 1 and Filter (JSON) both filter on ">=OPPORTUNITY" [item 0]'],
	['a key given by two rows', rows({ field: 'TITLE', operator: 'contains', value: 'a' }, { field: 'TITLE', operator: 'contains', value: 'b' }), 'Filters row 2 and Filters row 1 both filter on "%TITLE" [item 0]'],
	['an unknown operator', rows({ field: 'TITLE', operator: 'between', value: 'a' }), 'Filters row 1 has an unknown operator "between" [item 0]'],
	['an empty field', rows({ field: 'TITLE', operator: 'equals', value: 'a' }, { field: '', operator: 'equals', value: 'a' }), 'Filters row 2 has no field [item 0]'],
])('%s is an error naming the rows and the item; nothing is sent', async (_name, listOptions, message) => {
	const before = portal.emu.log.length;
	const [out] = await getMany('deal', listOptions);
	expect(out.error).toBe(message);
	expect(portal.emu.log).toHaveLength(before);
});

describe('the field list', () => {
	type Option = INodePropertyOptions;
	const load = async (parameters: INodeParameters) =>
		(await editorMethod(portal.credentials, 'bitrix24WebhookApi', 'webhook', 'loadOptions', 'getFilterFields', parameters, [], 2)) as Option[];

	test('comes from the entity’s fields method: legacy UPPER_CASE keys, custom fields by their label', async () => {
		await portal.json({ resource: 'system', operation: 'callMethod', methodName: 'crm.deal.userfield.add', parameters: '{"fields": {"FIELD_NAME": "BUDGET_CODE", "USER_TYPE_ID": "string", "EDIT_FORM_LABEL": "Budget Code"}}' });
		const options = await load({ resource: 'deal', operation: 'getMany' });
		expect(options).toContainEqual({ name: 'Budget Code (UF_CRM_BUDGET_CODE)', value: 'UF_CRM_BUDGET_CODE' });
		expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['ID', 'TITLE', 'STAGE_ID', 'OPPORTUNITY']));
		expect(portal.emu.calls('crm.deal.fields').length).toBeGreaterThan(0);
	});

	test('smart-process items list the camelCase fields of their entity type; tasks their UPPER_CASE fields', async () => {
		const items = await load({ resource: 'crmItem', operation: 'getMany', entityTypeId: 2 });
		expect(items.map((o) => o.value)).toEqual(expect.arrayContaining(['id', 'title', 'stageId']));
		expect((portal.emu.calls('crm.item.fields').pop()!.params as IDataObject).entityTypeId).toBe(2);
		const tasks = await load({ resource: 'task', operation: 'getMany' });
		expect(tasks.map((o) => o.value)).toEqual(expect.arrayContaining(['ID', 'TITLE', 'RESPONSIBLE_ID']));
	});
});

test('version 2 offers Filters on the Get Many of CRM entities, items and tasks; version 1 does not', () => {
	const withRows = (version: number) =>
		new Bitrix24()
			.getNodeType(version)
			.description.properties.filter((p: INodeProperties) => p.name === 'listOptions' && (p.options as INodeProperties[]).some((o) => o.name === 'conditions'))
			.map((p) => p.displayOptions!.show!.resource![0] as string);
	expect(withRows(1)).toEqual([]);
	expect(withRows(2)).toEqual(expect.arrayContaining(['deal', 'lead', 'contact', 'company', 'quote', 'crmItem', 'invoice', 'task']));
});
