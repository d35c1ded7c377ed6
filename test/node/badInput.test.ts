/**
 * Bad input is refused before anything is sent (issue 14 §5): IDs that are not the method's ID type
 * (Bitrix24 reads "1 OR 1=1" as record 1), Limit below 1 or not a number, required inputs that an
 * expression left empty, and Filter/Sort keys that are not fields of the entity (Bitrix24 drops them
 * and lists every record). Each error names the input, the item and what to do; the bad item reaches
 * no method, and with continue-on-fail the other items keep their output.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { deals: 5, leads: 3, contacts: 3, companies: 3, users: 3, tasks: 3, openlines: 1 } })));
afterAll(async () => await portal.stop());

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const V = '={{ $json.v }}';

interface Case {
	/** The node's parameters; `={{ $json.v }}` stands where the bad value goes. */
	params: INodeParameters;
	bad: unknown;
	/** The whole error message (for item 1, after a good item 0 when `good` is given, else item 0). */
	message: string;
	/** What to do, in the description. */
	todo: RegExp;
	/** The method the operation calls: it must not receive the bad item. */
	method: string;
	/** A value that works, sent as item 0 so the bad item is item 1. */
	good?: unknown;
	version?: number;
}

const deal = (bad: unknown, message: string, good: unknown = '1'): Case => ({
	params: { resource: 'deal', operation: 'get', deal: rl(V) },
	bad,
	good,
	message,
	todo: /whole number greater than 0|Pick the deal|Enter a value/,
	method: 'crm.deal.get',
});
const dealV1 = (bad: unknown, message: string): Case => ({
	params: { resource: 'deal', operation: 'get', id: V },
	bad,
	good: '2',
	message,
	todo: /whole number greater than 0|Enter a value/,
	method: 'crm.deal.get',
	version: 1,
});
const limit = (resource: string, method: string, bad: unknown): Case => ({
	params: { resource, operation: 'getMany', returnAll: false, limit: V },
	bad,
	good: 2,
	message: `Limit must be a whole number of 1 or more, not ${typeof bad === 'string' ? `"${bad}"` : String(bad)} [item 1]`,
	todo: /Set Limit to how many records to return.*or turn on Return All/,
	method,
});
const filter = (resource: string, method: string, json: IDataObject, field: string, near: string, extra: INodeParameters = {}): Case => ({
	params: { resource, operation: 'getMany', returnAll: true, ...extra, listOptions: { filter: V } },
	bad: JSON.stringify(json),
	good: '{}',
	message: `Filter (JSON): "${field}" is not a field of ${method} [item 1]`,
	todo: new RegExp(`${near ? `The closest field is "${near}"` : 'No field of .* is close to it'}.*would list every record.*Use a field name from`),
	method,
});
const sort = (resource: string, method: string, json: IDataObject, field: string, near: string, extra: INodeParameters = {}): Case => ({
	params: { resource, operation: 'getMany', returnAll: true, ...extra, listOptions: { sort: V } },
	bad: JSON.stringify(json),
	good: '{}',
	message: `Sort (JSON): "${field}" is not a field of ${method} [item 1]`,
	todo: new RegExp(`The closest field is "${near}"`),
	method,
});
const plainId = (resource: string, operation: string, param: string, label: string, method: string, bad: unknown, extra: INodeParameters = {}): Case => ({
	params: { resource, operation, ...extra, [param]: V },
	bad,
	message: `${label}: ${typeof bad === 'string' ? `"${bad}"` : String(bad)} is not a valid ID [item 0]`,
	todo: new RegExp(`${method.replace(/\./g, '\\.')} takes a whole number greater than 0 here.*Nothing was sent`),
	method,
});
const located = (resource: string, operation: string, param: string, label: string, noun: string, method: string, bad: string, extra: INodeParameters = {}): Case => ({
	params: { resource, operation, ...extra, [param]: rl(V) },
	bad,
	message: `${label}: "${bad}" is not a valid ${noun} ID [item 0]`,
	todo: /e\.g\./,
	method,
});
const required = (params: INodeParameters, label: string, method: string, bad: unknown): Case => ({
	params,
	bad,
	message: `${label} is required [item 0]`,
	todo: new RegExp(`Enter a value.*nothing was sent to ${method.replace(/\./g, '\\.')}`),
	method,
});

const CASES: Record<string, Case> = {
	// record IDs, version 2 (resource locator By ID from an expression)
	'deal ID "1 OR 1=1"': deal('1 OR 1=1', 'Deal: "1 OR 1=1" is not a valid deal ID [item 1]'),
	'deal ID -1': deal('-1', 'Deal: "-1" is not a valid deal ID [item 1]'),
	'deal ID 0': deal('0', 'Deal: "0" is not a valid deal ID [item 1]'),
	'deal ID 000': deal('000', 'Deal: "000" is not a valid deal ID [item 1]'),
	'deal ID as text': deal('abc', 'Deal: "abc" is not a valid deal ID [item 1]'),
	'deal ID 1.5': deal(1.5, 'Deal: "1.5" is not a valid deal ID [item 1]'),
	'deal ID 1e3': deal('1e3', 'Deal: "1e3" is not a valid deal ID [item 1]'),
	'deal ID 0x10': deal('0x10', 'Deal: "0x10" is not a valid deal ID [item 1]'),
	'deal ID "2;3"': deal('2;3', 'Deal: "2;3" is not a valid deal ID [item 1]'),
	'deal ID expression resolving to null': deal(null, 'Deal is required [item 1]'),
	'deal ID empty text': deal('', 'Deal is required [item 1]'),
	'deal ID only spaces': deal('   ', 'Deal is required [item 1]'),
	'lead ID as text': { ...located('lead', 'get', 'lead', 'Lead', 'lead', 'crm.lead.get', 'first'), good: '1', message: 'Lead: "first" is not a valid lead ID [item 1]' },
	'contact delete ID -5': located('contact', 'delete', 'contact', 'Contact', 'contact', 'crm.contact.delete', '-5'),
	'company update ID "2 OR 1=1"': located('company', 'update', 'company', 'Company', 'company', 'crm.company.update', '2 OR 1=1', { updateFields: { TITLE: 'x' } }),
	'task ID as text': located('task', 'get', 'task', 'Task', 'task', 'tasks.task.get', 'T-1'),
	'task delete ID 0': located('task', 'delete', 'task', 'Task', 'task', 'tasks.task.delete', '0'),
	'user ID -3': located('user', 'get', 'user', 'User', 'user', 'user.get', '-3'),
	'CRM item ID "1 OR 1=1"': located('crmItem', 'get', 'crmItem', 'Item', 'CRM item', 'crm.item.get', '1 OR 1=1', { entityTypeId: 2 }),
	'calendar event ID 0': located('calendarEvent', 'get', 'calendarEvent', 'Event', 'calendar event', 'calendar.event.getbyid', '0'),
	'Drive file ID as text': located('file', 'get', 'file', 'File', 'file', 'disk.file.get', 'report.pdf'),
	'Drive folder ID -1': located('folder', 'get', 'folder', 'Folder', 'folder', 'disk.folder.get', '-1'),
	'dialog ID "chat"': located('dialog', 'get', 'dialog', 'Dialog', 'dialog', 'im.dialog.get', 'chat'),
	'dialog ID 0': located('dialog', 'get', 'dialog', 'Dialog', 'dialog', 'im.dialog.get', '0'),
	'workgroup ID 0': located('workgroup', 'delete', 'workgroup', 'Workgroup', 'workgroup', 'sonet_group.delete', '0'),
	// IDs without a locator (whole numbers by their methods' docs)
	'Drive storage ID as text': plainId('storage', 'get', 'id', 'Storage ID', 'disk.storage.get', 'common'),
	'timeline comment ID "1 OR 1=1"': plainId('timelineComment', 'get', 'id', 'Comment ID', 'crm.timeline.comment.get', '1 OR 1=1'),
	'task stage ID -2': plainId('taskStage', 'delete', 'id', 'Stage ID', 'task.stages.delete', '-2'),
	'department ID 0': plainId('department', 'get', 'ID', 'Department ID', 'department.get', '0'),
	'list ID 2.5': plainId('list', 'get', 'IBLOCK_ID', 'List ID', 'lists.get', 2.5, { IBLOCK_TYPE_ID: 'lists' }),
	// version 1 keeps its text input; what Bitrix24 would read as another record (or as nothing) is refused
	'v1 deal ID "1 OR 1=1"': dealV1('1 OR 1=1', 'Deal ID: "1 OR 1=1" is not a valid deal ID [item 1]'),
	'v1 deal ID -1': dealV1(-1, 'Deal ID: -1 is not a valid deal ID [item 1]'),
	'v1 deal ID 0': dealV1(0, 'Deal ID: 0 is not a valid deal ID [item 1]'),
	'v1 deal ID null': dealV1(null, 'Deal ID is required [item 1]'),
	'v1 Open Lines session ID 0': {
		params: { resource: 'openLineSession', operation: 'close', closeBy: 'sessionId', sessionId: V },
		bad: 0,
		message: 'Session ID: 0 is not a valid Open Lines session ID [item 0]',
		todo: /whole number greater than 0/,
		method: 'imopenlines.dialog.get',
		version: 1,
	},
	'Open Lines session ID as text': located('openLineSession', 'close', 'openLineSession', 'Session', 'Open Lines session', 'imopenlines.dialog.get', 'last', { closeBy: 'sessionId' }),
	// Limit
	'Limit as text': limit('deal', 'crm.deal.list', 'ten'),
	'Limit -1': limit('deal', 'crm.deal.list', -1),
	'Limit 0': limit('contact', 'crm.contact.list', 0),
	'Limit 2.5': limit('lead', 'crm.lead.list', 2.5),
	'Limit -5 on tasks': limit('task', 'tasks.task.list', -5),
	'Limit null': { ...limit('company', 'crm.company.list', null), message: 'Limit must be a whole number of 1 or more, not null [item 1]' },
	// Filter and Sort keys that are not fields (legacy CRM UPPER_CASE, crm.item camelCase, tasks)
	'deal filter typo': filter('deal', 'crm.deal.list', { TITLEE: 'x' }, 'TITLEE', 'TITLE'),
	'deal filter typo after >=': filter('deal', 'crm.deal.list', { '>=DATE_CREATEE': '2024-01-01' }, 'DATE_CREATEE', 'DATE_CREATE'),
	'deal filter typo after %': filter('deal', 'crm.deal.list', { '%TITEL': 'a' }, 'TITEL', 'TITLE'),
	'deal filter typo after !': filter('deal', 'crm.deal.list', { '!IDD': 1 }, 'IDD', 'ID'),
	'deal filter typo after @': filter('deal', 'crm.deal.list', { '@STAGEID': ['NEW'] }, 'STAGEID', 'STAGE_ID'),
	'deal filter unknown custom field': filter('deal', 'crm.deal.list', { UF_CRM_NOPE: 1 }, 'UF_CRM_NOPE', ''),
	'deal sort typo': sort('deal', 'crm.deal.list', { OPPORTUNITYY: 'DESC' }, 'OPPORTUNITYY', 'OPPORTUNITY'),
	'contact filter typo': filter('contact', 'crm.contact.list', { NAMEE: 'Ann' }, 'NAMEE', 'NAME'),
	'lead filter typo': filter('lead', 'crm.lead.list', { STATUSID: 'NEW' }, 'STATUSID', 'STATUS_ID'),
	'company filter typo': filter('company', 'crm.company.list', { '!=TITTLE': '' }, 'TITTLE', 'TITLE'),
	'CRM item filter typo (camelCase)': filter('crmItem', 'crm.item.list', { titel: 'x' }, 'titel', 'title', { entityTypeId: 2 }),
	'CRM item sort typo': sort('crmItem', 'crm.item.list', { stageIdd: 'ASC' }, 'stageIdd', 'stageId', { entityTypeId: 2 }),
	'task filter typo': filter('task', 'tasks.task.list', { RESPONSIBLE: 1 }, 'RESPONSIBLE', 'RESPONSIBLE_ID'),
	'task sort typo': sort('task', 'tasks.task.list', { DEADLINEX: 'asc' }, 'DEADLINEX', 'DEADLINE'),
	// required inputs an expression left empty
	'task title null': required({ resource: 'task', operation: 'create', TITLE: V, RESPONSIBLE_ID: '1' }, 'Title', 'tasks.task.add', null),
	'task title spaces': required({ resource: 'task', operation: 'create', TITLE: V, RESPONSIBLE_ID: '1' }, 'Title', 'tasks.task.add', '  '),
	'task stage title empty': required({ resource: 'taskStage', operation: 'create', TITLE: V }, 'Title', 'task.stages.add', ''),
	'timeline comment text null': required({ resource: 'timelineComment', operation: 'create', ENTITY_TYPE: 'deal', ENTITY_ID: '1', COMMENT: V }, 'Comment', 'crm.timeline.comment.add', null),
};

/** The emulator's calls of `method`, batch sub-commands included. */
const callsOf = (method: string) => portal.emu.log.filter((entry) => entry.method === method);

test('the table covers at least 50 distinct bad inputs across resources', () => {
	expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(50);
	expect(new Set(Object.values(CASES).map((c) => String(c.params.resource))).size).toBeGreaterThanOrEqual(15);
});

describe.each(Object.entries(CASES))('%s', (_name, c) => {
	test('is refused unsent, naming the input, the item and what to do; other items keep their output', async () => {
		const items = c.good === undefined ? [{ v: c.bad }] : [{ v: c.good }, { v: c.bad }];
		// what the good item alone sends: the run with the bad item must send exactly that
		let alone = 0;
		if (c.good !== undefined) {
			const from = callsOf(c.method).length;
			await portal.run(c.params, { items: [{ v: c.good }] as IDataObject[], typeVersion: c.version });
			alone = callsOf(c.method).length - from;
			expect(alone).toBeGreaterThan(0);
		}
		const before = callsOf(c.method).length;
		const out = await portal.run(c.params, { items: items as IDataObject[], continueOnFail: true, typeVersion: c.version });
		const failed = out.filter((item) => item.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toBe(c.message);
		expect(failed[0].pairedItem).toEqual({ item: items.length - 1 });
		expect(callsOf(c.method).length - before).toBe(alone);
		if (c.good !== undefined) {
			// the good item keeps its output, paired to it
			const good = out.filter((item) => !item.json.error);
			expect(good.length).toBeGreaterThan(0);
			for (const item of good) expect(item.pairedItem).toEqual({ item: 0 });
		}
		// without continue-on-fail the node stops with the same message and its description says what to do
		const error = (await portal.run(c.params, { items: items as IDataObject[], typeVersion: c.version }).catch((e: unknown) => e)) as {
			message: string;
			description: string;
			context: IDataObject;
		};
		expect(error.message).toBe(c.message);
		expect(error.description).toMatch(c.todo);
		expect(error.context.itemIndex).toBe(items.length - 1);
	});
});

test('a Filters row on a field the entity does not have names the row\'s field and the closest one', async () => {
	const before = callsOf('crm.deal.list').length;
	const [out] = await portal.json(
		{ resource: 'deal', operation: 'getMany', returnAll: true, listOptions: { conditions: { condition: [{ field: 'OPPORTUNTY', operator: 'greater', value: '5' }] } } },
		{ continueOnFail: true },
	);
	expect(out.error).toBe('Filters: "OPPORTUNTY" is not a field of crm.deal.list [item 0]');
	expect(callsOf('crm.deal.list').length).toBe(before);
});

test('field metadata is read once per execution, not once per item; real fields, operators and sub-filters pass', async () => {
	const before = callsOf('crm.deal.fields').length;
	const lists = callsOf('crm.deal.list').length;
	const filters = ['{">=DATE_CREATE": "2020-01-01"}', '{"%TITLE": "a", "!ID": 0}', '{"@STAGE_ID": ["NEW", "WON"], "stage_id": "NEW"}', '{"LOGIC": "OR", "0": {"ID": 1}}'];
	const out = await portal.run({ resource: 'deal', operation: 'getMany', returnAll: true, listOptions: { filter: V, sort: '{"DATE_CREATE": "DESC"}' } }, { items: filters.map((v) => ({ v })), continueOnFail: true });
	expect(out.filter((item) => item.json.error)).toEqual([]);
	expect(callsOf('crm.deal.fields').length - before).toBe(1);
	expect(callsOf('crm.deal.list').length).toBeGreaterThan(lists);
	// tasks take their documented extra filter keys (tasks-task-list.md) beside the fields
	const tasks = await portal.json({ resource: 'task', operation: 'getMany', returnAll: true, listOptions: { filter: '{"REAL_STATUS": 2, "::SUBFILTER-PARAMS": {"FAVORITE": "N"}, "!TAG": "x"}' } }, { continueOnFail: true });
	expect(tasks.filter((task) => task.error)).toEqual([]);
});
