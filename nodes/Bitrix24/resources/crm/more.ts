import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { ALL_VERBS, crud } from '../crud';
import { act, changed, date, fieldsOp, fieldsOutput, id, json, list, num, since2, str, V2, yn } from '../shared';

/** Import, recurring deals, call lists, automated solutions, duplicate search fields, order links, currency and enumeration extras. */

const entityTypeId = num('entityTypeId', 'Entity Type ID', {
	required: true,
	default: 2,
	description: '1 lead, 2 deal, 3 contact, 4 company, 31 invoice, 128+ smart processes',
	dropdown: 'getEntityTypes',
});
const originalUf = yn('useOriginalUfNames', 'Use Original Custom Field Names', 'Whether custom fields are named UF_CRM_… instead of ufCrm…');

export const crmImport: ResourceSpec = {
	value: 'crmImport',
	name: 'Import',
	group: 'CRM',
	description: 'Import CRM items as the CRM import does: no automation rules or workflows run (crm.item.import)',
	operations: since2([
		{
			value: 'importOne',
			name: 'Import One',
			action: 'Import one CRM item',
			method: 'crm.item.import',
			kind: 'create',
			params: [
				entityTypeId,
				json('fields', 'Fields (JSON)', {
					required: true,
					shape: 'object',
					description: 'Item fields in camelCase, e.g. {"title": "Imported deal", "opportunity": 100, "createdTime": "2024-01-10T10:00:00+00:00"}',
				}),
			],
			optional: [originalUf],
			optionalName: 'options',
			unwrap: 'item',
		},
		{
			value: 'importMany',
			name: 'Import Many',
			action: 'Import up to 20 CRM items in one call',
			description: 'One output item per imported record: its ID, or the error Bitrix24 gave for it',
			method: 'crm.item.batchImport',
			kind: 'action',
			params: [
				entityTypeId,
				json('data', 'Items (JSON)', {
					required: true,
					shape: 'array',
					description: 'Up to 20 field sets in camelCase, e.g. [{"title": "Deal 1"}, {"title": "Deal 2"}]',
				}),
			],
			optional: [originalUf],
			optionalName: 'options',
			// {items: [{item: {id}} | {error, error_description}]}, in the order sent
			output: (result) => (((result as IDataObject)?.items ?? []) as IDataObject[]).map((entry, index) => ({ index, ...((entry?.item as IDataObject) ?? entry) })),
		},
	]),
};

const recurringFields: ParamSpec[] = [
	yn('ACTIVE', 'Active', 'Whether new deals are created from the template', { to: 'fields.ACTIVE' }),
	num('CATEGORY_ID', 'Pipeline ID', { to: 'fields.CATEGORY_ID', description: 'The pipeline new deals go to' }),
	{
		...str('IS_LIMIT', 'Repeat Until', { to: 'fields.IS_LIMIT', default: 'N', description: 'When to stop creating deals from the template' }),
		type: 'options',
		options: [
			{ name: 'No Limit', value: 'N' },
			{ name: 'Until a Date', value: 'D' },
			{ name: 'A Number of Times', value: 'T' },
		],
	},
	num('LIMIT_REPEAT', 'Repeat Count', { to: 'fields.LIMIT_REPEAT', description: 'With Repeat Until "A Number of Times"' }),
	date('LIMIT_DATE', 'End Date', { to: 'fields.LIMIT_DATE', description: 'With Repeat Until "Until a Date"' }),
	date('START_DATE', 'Start Date', { to: 'fields.START_DATE' }),
	json('PARAMS', 'Schedule (JSON)', {
		to: 'fields.PARAMS',
		shape: 'object',
		description: 'e.g. {"MODE": "multiple", "MULTIPLE_TYPE": "month", "MULTIPLE_INTERVAL": 1}',
	}),
];

export const recurringDeal = crud({
	value: 'recurringDeal',
	name: 'Recurring Deal',
	group: 'CRM',
	description: 'Templates that create deals on a schedule (crm.deal.recurring.*)',
	prefix: 'crm.deal.recurring',
	noun: 'recurring deal template',
	key: [id('id', 'Recurring Deal ID', undefined, { description: 'The ID of the recurring settings (not the deal ID)' })],
	create: [id('DEAL_ID', 'Template Deal ID', 'fields.DEAL_ID', { description: 'The deal the new deals are copied from' })],
	fields: recurringFields,
	updateFixed: { fields: {} },
	paging: { mode: 'start', filterKey: 'filter', orderKey: 'order' },
	verbs: [
		'create',
		'get',
		'getMany',
		'update',
		'delete',
		act('expose', 'Create Deal Now', 'Create a deal from a recurring template now', 'crm.deal.recurring.expose', [id('id', 'Recurring Deal ID')], { since: 2 }),
		'fields',
	],
	every: { since: 2 },
});

const entityKind = {
	...str('callListEntityType', 'Entity Type', { required: true, default: 'CONTACT', to: 'ENTITY_TYPE' }),
	type: 'options' as const,
	options: [
		{ name: 'Contact', value: 'CONTACT' },
		{ name: 'Company', value: 'COMPANY' },
	],
};
const callListEntities = list('ENTITIES', 'Record IDs', { required: true, description: 'Comma-separated IDs of the contacts or companies to call', placeholder: 'e.g. 11, 12' });
const webForm = num('WEBFORM_ID', 'CRM Form ID', { description: 'A CRM form shown during the calls' });

export const callList = crud({
	value: 'callList',
	name: 'Call List',
	group: 'CRM',
	description: 'Lists of contacts or companies to call (crm.calllist.*)',
	prefix: 'crm.calllist',
	noun: 'call list',
	key: [id('ID', 'Call List ID')],
	create: [entityKind, callListEntities],
	fields: [webForm],
	paging: { mode: 'all', filterKey: 'FILTER', orderKey: 'ORDER', selectKey: 'SELECT' },
	// crm.calllist has no delete method
	verbs: ['create', 'get', 'getMany', 'update'],
	every: V2,
	override: {
		// update replaces the records and names the list LIST_ID
		update: {
			action: 'Replace the records of a call list',
			params: [id('LIST_ID', 'Call List ID'), entityKind, callListEntities],
			output: changed('LIST_ID', 'updated'),
		},
	},
	more: since2([
		{
			value: 'getItems',
			name: 'Get Items',
			action: 'Get the records of a call list and their call status',
			method: 'crm.calllist.items.get',
			kind: 'get',
			params: [id('LIST_ID', 'Call List ID')],
			optional: [json('FILTER', 'Filter (JSON)', { shape: 'object', description: 'e.g. {"STATUS": "IN_WORK"}' })],
			optionalName: 'options',
		},
		{ value: 'getStatuses', name: 'Get Statuses', action: 'Get the call statuses of call lists', method: 'crm.calllist.statuslist', kind: 'get' },
	]),
});

const solutionFields = [list('typeIds', 'Smart Process Type IDs', { to: 'fields.typeIds', description: 'Comma-separated IDs of the smart process types (not entity type IDs) in the solution' })];

export const automatedSolution = crud({
	value: 'automatedSolution',
	name: 'Automated Solution',
	group: 'CRM',
	description: 'Digital workplaces that group smart processes (crm.automatedsolution.*)',
	prefix: 'crm.automatedsolution',
	noun: 'automated solution',
	article: 'an',
	key: [id('id', 'Automated Solution ID')],
	create: [str('title', 'Title', { required: true, to: 'fields.title' })],
	fields: solutionFields,
	updateFirst: [str('title', 'Title', { to: 'fields.title' })],
	updateFixed: { fields: {} },
	unwrap: 'automatedSolution',
	paging: { mode: 'start', itemsPath: 'automatedSolutions', filterKey: 'filter', orderKey: 'order' },
	verbs: ALL_VERBS,
	every: { since: 2 },
});

const duplicateEntity = {
	...num('entityTypeId', 'Entity Type', { required: true, default: 3 }),
	type: 'options' as const,
	options: [
		{ name: 'Company', value: 4 },
		{ name: 'Contact', value: 3 },
		{ name: 'Lead', value: 1 },
	],
};

export const duplicateSearchField: ResourceSpec = {
	value: 'duplicateSearchField',
	name: 'Duplicate Search Field',
	group: 'CRM',
	description: 'Extra fields the duplicate search compares (crm.duplicate.volatileType.*; seven at most)',
	operations: since2([
		{
			value: 'register',
			name: 'Register',
			action: 'Add a field to the duplicate search',
			description: 'Registering a field again answers the existing registration',
			method: 'crm.duplicate.volatileType.register',
			kind: 'create',
			params: [duplicateEntity, str('fieldCode', 'Field Code', { required: true, placeholder: 'e.g. TITLE or UF_CRM_1750854801', description: 'See Get Available Fields' })],
		},
		{ value: 'getMany', name: 'Get Many', action: 'Get the fields the duplicate search compares', method: 'crm.duplicate.volatileType.list', kind: 'getMany', paging: { mode: 'all' } },
		{
			value: 'unregister',
			name: 'Unregister',
			action: 'Remove a field from the duplicate search',
			method: 'crm.duplicate.volatileType.unregister',
			kind: 'delete',
			params: [id('id', 'Registration ID', undefined, { description: 'The ID from Get Many (not the field code)' })],
		},
		{
			value: 'getAvailable',
			name: 'Get Available Fields',
			action: 'Get the fields the duplicate search can compare',
			method: 'crm.duplicate.volatileType.fields',
			kind: 'get',
			optional: [{ ...duplicateEntity, required: false, description: 'Empty for leads, contacts and companies' }],
			optionalName: 'options',
		},
	]),
};

const orderLink = [
	num('orderId', 'Order ID', { required: true, to: 'fields.orderId' }),
	num('ownerTypeId', 'Owner Entity Type ID', { required: true, default: 2, to: 'fields.ownerTypeId', description: '2 deal, 128+ smart processes' }),
	num('ownerId', 'Owner ID', { required: true, to: 'fields.ownerId' }),
];

export const orderEntity: ResourceSpec = {
	value: 'orderEntity',
	name: 'Order Link',
	group: 'CRM',
	description: 'Links between online store orders and CRM items (crm.orderentity.*)',
	operations: since2([
		{ value: 'create', name: 'Create', action: 'Link an order to a CRM item', method: 'crm.orderentity.add', kind: 'create', params: orderLink, unwrap: 'dealOrder' },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many order links',
			method: 'crm.orderentity.list',
			kind: 'getMany',
			paging: { mode: 'start', itemsPath: 'orderEntity', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Unlink an order from a CRM item',
			method: 'crm.orderentity.deleteByFilter',
			kind: 'delete',
			params: orderLink,
			output: (result, request) => ({ ...(((request as IDataObject).fields ?? {}) as IDataObject), deleted: result !== false }),
		},
		{
			...fieldsOp('crm.orderentity.getFields', 'order link'),
			output: (result) => fieldsOutput((result as IDataObject)?.orderEntity),
		},
	]),
};

const currencyCode = (required: boolean): ParamSpec => str('id', 'Currency', { required, placeholder: 'e.g. EUR', description: 'The currency code' });

/** crm.currency.base.*, .fields and .localizations.*, for the Currency resource. */
export const currencyMore: OperationSpec[] = since2([
	{ value: 'getBase', name: 'Get Base Currency', action: 'Get the base currency', method: 'crm.currency.base.get', kind: 'get', output: (result) => ({ currency: result as string }) },
	{ ...act('setBase', 'Set Base Currency', 'Make a currency the base currency', 'crm.currency.base.set', [currencyCode(true)]), output: changed('id') },
	fieldsOp('crm.currency.fields', 'currency'),
	{
		value: 'getLocalizations',
		name: 'Get Localizations',
		action: 'Get the display settings of a currency per language',
		method: 'crm.currency.localizations.get',
		kind: 'get',
		params: [currencyCode(true)],
		// {<language>: {FULL_NAME, FORMAT_STRING, ...}}: one item per language
		output: (result) => Object.entries((result ?? {}) as IDataObject).map(([language, settings]) => ({ language, ...((settings ?? {}) as IDataObject) })),
	},
	{
		...act('setLocalizations', 'Set Localizations', 'Set the display settings of a currency per language', 'crm.currency.localizations.set', [
			currencyCode(true),
			json('localizations', 'Localizations (JSON)', {
				required: true,
				shape: 'object',
				description: 'Settings per language, e.g. {"en": {"FULL_NAME": "Yuan", "FORMAT_STRING": "# CNY", "DECIMALS": 2}}',
			}),
		]),
		output: changed('id', 'updated'),
	},
	{
		value: 'deleteLocalizations',
		name: 'Delete Localizations',
		action: 'Delete the display settings of a currency for some languages',
		method: 'crm.currency.localizations.delete',
		kind: 'delete',
		params: [currencyCode(true), list('lids', 'Languages', { required: true, placeholder: 'e.g. de, fr', description: 'Comma-separated language codes' })],
	},
	fieldsOp('crm.currency.localizations.fields', 'currency localization', { value: 'getLocalizationFields', name: 'Get Localization Fields' }),
]);

const enumList = (value: string, name: string, action: string, method: string): OperationSpec => ({ value, name, action, method, kind: 'get' });

/** crm.enum.* lists (the current ones), for the CRM Enumeration resource. */
export const enumMore: OperationSpec[] = since2([
	enumList('getOwnerTypes', 'Get Owner Types', 'Get the CRM entity type IDs and codes', 'crm.enum.ownertype'),
	enumList('getAddressTypes', 'Get Address Types', 'Get the address types', 'crm.enum.addresstype'),
	enumList('getOrderOwnerTypes', 'Get Order Owner Types', 'Get the entity types orders can be linked to', 'crm.enum.getorderownertypes'),
	enumList('getSettingsModes', 'Get CRM Modes', 'Get the CRM modes (classic or simple)', 'crm.enum.settings.mode'),
	fieldsOp('crm.enum.fields', 'enumeration item', { value: 'getFields' }),
]);
