/** Saved workflows omit a default value: a resource that gains operations keeps the default it had. */
import type { INodeProperties } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';

const properties = new Map<number, INodeProperties[]>();
const operationDefault = (version: number, resource: string) => {
	if (!properties.has(version)) properties.set(version, new Bitrix24().getNodeType(version).description.properties);
	return properties.get(version)?.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))?.default;
};

test.each([1, 2])('version %i: warehouses, price types and catalogs still default to Get Many', (version) => {
	for (const resource of ['store', 'priceType', 'catalog']) expect({ resource, default: operationDefault(version, resource) }).toEqual({ resource, default: 'getMany' });
});

test('other resources default to their alphabetically first operation', () => {
	// Unit of Measure: Create, Delete, Get, Get Fields, Get Many, Update
	expect(operationDefault(2, 'unitOfMeasure')).toBe('create');
});

/**
 * Every resource version 2 offered before the breadth work (read from buildProperties(2) at 021ce3b, the
 * same at 7b2b152), with the Operation default it had then. A resource that gains operations must keep it.
 */
const DEFAULTS_BEFORE: Record<string, string> = {
	activity: 'create', address: 'create', appEntity: 'create', appEntityItem: 'create', appEntityProperty: 'create', appEntitySection: 'create',
	automationTrigger: 'create', bankDetail: 'create', bot: 'get', botChat: 'addManagers', botCommand: 'answer', botEvent: 'get', botFile: 'download',
	botMessage: 'addReaction', calendarEvent: 'create', calendarResource: 'create', calendarSection: 'create', call: 'attachRecord',
	callStatistic: 'getMany', catalog: 'getMany', catalogSection: 'create', chat: 'addUsers', company: 'create', companyUserField: 'create',
	connector: 'activate', contact: 'create', contactUserField: 'create', crmDocument: 'create', crmEnum: 'getMultifieldFields', crmItem: 'create',
	crmUserField: 'createConfig', currency: 'create', deal: 'create', dealUserField: 'create', department: 'create', dialog: 'get',
	duplicate: 'findByComm', event: 'bind', externalLine: 'create', feedPost: 'create', file: 'copy', folder: 'copy', imSearch: 'chats', imUser: 'get',
	invoice: 'create', lead: 'create', leadUserField: 'create', list: 'create', listElement: 'create', listField: 'create', listSection: 'create',
	message: 'delete', notification: 'answer', openLineBot: 'finish', openLineConfig: 'create', openLineCrmChat: 'addUser', openLineDialog: 'get',
	openLineMessage: 'saveQuickAnswer', openLineOperator: 'answer', openLineSession: 'close', pipeline: 'create', portal: 'checkUserAccess',
	price: 'create', priceType: 'getMany', product: 'create', productRow: 'create', quote: 'create', quoteUserField: 'create', recent: 'unmarkUnread',
	requisite: 'create', requisiteLink: 'get', requisitePreset: 'getMany', smartProcessType: 'create', smsProvider: 'create', stageHistory: 'getMany',
	status: 'create', storage: 'createFolder', store: 'getMany', system: 'batch', task: 'addToFavorites', taskChecklist: 'complete',
	taskComment: 'create', taskElapsedTime: 'create', taskResult: 'createFromComment', taskStage: 'canMoveTask', telephonyLine: 'getMany',
	telephonyUser: 'activatePhone', timelineBinding: 'bind', timelineComment: 'create', timelineEntry: 'pin', timelineLogMessage: 'create',
	timelineNote: 'delete', user: 'create', userField: 'create', workflow: 'getMany', workflowTask: 'complete', workflowTemplate: 'delete',
	workgroup: 'create', workgroupMember: 'add',
};

test('version 2: every pre-existing resource keeps the default operation it had', () => {
	const changed = Object.entries(DEFAULTS_BEFORE)
		.map(([resource, before]) => ({ resource, before, now: operationDefault(2, resource) }))
		.filter((r) => r.now !== r.before);
	expect(changed).toEqual([]);
	expect(Object.keys(DEFAULTS_BEFORE)).toHaveLength(99);
});

test('version 1: the same defaults, with the two lists it saved as getAll', () => {
	for (const [resource, before] of Object.entries(DEFAULTS_BEFORE)) {
		const expected = resource === 'callStatistic' || resource === 'telephonyLine' ? 'getAll' : before;
		expect({ resource, default: operationDefault(1, resource) }).toEqual({ resource, default: expected });
	}
});
