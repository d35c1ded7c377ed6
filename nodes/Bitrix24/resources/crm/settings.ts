import type { ParamSpec, ResourceSpec } from '../../types';
import { ALL_VERBS, crud } from '../crud';
import { bool, fieldsOf, fieldsOp, id, json, list, num, str } from '../shared';
import { currencyMore, enumMore } from './more';

/** Smart-process types, pipelines and stages: crm.type.*, crm.category.*, crm.status.*, crm.stagehistory.list. */

const entityTypeId = num('entityTypeId', 'Entity Type ID', {
	required: true,
	default: 2,
	description: '2 deal, 7 quote, 31 invoice, 128+ smart processes (see Smart Process Type → Get Many)',
	dropdown: 'getEntityTypes',
});
const yn = (name: string, label: string, what: string): ParamSpec => bool(name, label, `Whether ${what}`, { yn: true, to: `fields.${name}` });
const typeFlags = [
	yn('isCategoriesEnabled', 'Pipelines Enabled', 'items can have several pipelines'),
	yn('isStagesEnabled', 'Stages Enabled', 'items move through stages'),
	yn('isBeginCloseDatesEnabled', 'Start and End Dates Enabled', 'items have start and end dates'),
	yn('isClientEnabled', 'Client Enabled', 'items link to contacts and companies'),
	yn('isLinkWithProductsEnabled', 'Products Enabled', 'items can hold product rows'),
	yn('isObserversEnabled', 'Observers Enabled', 'items have observers'),
	yn('isDocumentsEnabled', 'Documents Enabled', 'documents can be generated from items'),
	yn('isAutomationEnabled', 'Automation Enabled', 'automation rules and triggers work on items'),
	yn('isBizProcEnabled', 'Workflows Enabled', 'workflows can run on items'),
	yn('isRecyclebinEnabled', 'Recycle Bin Enabled', 'deleted items go to the recycle bin'),
];

export const smartProcessType = crud({
	value: 'smartProcessType',
	name: 'Smart Process Type',
	group: 'CRM',
	description: 'Smart process (dynamic CRM entity) definitions',
	prefix: 'crm.type',
	noun: 'smart process type',
	key: [id('id', 'Smart Process Type ID')],
	create: [str('title', 'Title', { required: true, to: 'fields.title' })],
	fields: typeFlags,
	updateFirst: [str('title', 'Title', { to: 'fields.title' })],
	unwrap: 'type',
	paging: { mode: 'start', itemsPath: 'types', filterKey: 'filter', orderKey: 'order' },
	verbs: [
		'create',
		'get',
		{
			value: 'getByEntityTypeId',
			name: 'Get by Entity Type ID',
			action: 'Get a smart process type by its entity type ID',
			method: 'crm.type.getByEntityTypeId',
			kind: 'get',
			params: [{ ...entityTypeId, default: 128, description: 'The smart process entity type ID (128 and up)' }],
			unwrap: 'type',
		},
		'getMany',
		'update',
		'delete',
	],
	override: {
		create: {
			optional: [num('entityTypeId', 'Entity Type ID', { to: 'fields.entityTypeId', description: 'A free number from 128 up; Bitrix24 picks one when empty' }), ...typeFlags],
		},
	},
});

export const pipeline = crud({
	value: 'pipeline',
	name: 'Pipeline',
	group: 'CRM',
	description: 'Pipelines (categories) of deals and smart processes',
	prefix: 'crm.category',
	noun: 'pipeline',
	key: [entityTypeId, id('id', 'Pipeline ID', undefined, { description: 'ID of the pipeline (category)', integer: 'orZero' })],
	create: [entityTypeId, str('name', 'Name', { required: true, to: 'fields.name' })],
	fields: [num('sort', 'Sort', { to: 'fields.sort' }), yn('isDefault', 'Default', 'this becomes the default pipeline')],
	updateFirst: [str('name', 'Name', { to: 'fields.name' })],
	updateFixed: { fields: {} },
	unwrap: 'category',
	verbs: ALL_VERBS,
	override: {
		getMany: { params: [entityTypeId], paging: { mode: 'start', itemsPath: 'categories' } },
		fields: { params: [entityTypeId], output: fieldsOf('fields') },
	},
});

export const status = crud({
	value: 'status',
	name: 'Stage or Reference Value',
	group: 'CRM',
	description: 'Stages, sources, types and other CRM reference lists (crm.status.*)',
	prefix: 'crm.status',
	noun: 'reference list value',
	key: [id('id', 'Status ID', undefined, { description: 'The numeric ID of the reference list value (ID, not STATUS_ID)' })],
	create: [
		str('ENTITY_ID', 'Reference List', { required: true, to: 'fields.ENTITY_ID', placeholder: 'e.g. DEAL_STAGE_1 or SOURCE', description: 'Reference list code (see Get Entity Types)' }),
		str('STATUS_ID', 'Status Code', { required: true, to: 'fields.STATUS_ID', placeholder: 'e.g. C1:TALKS' }),
		str('NAME', 'Name', { required: true, to: 'fields.NAME' }),
	],
	fields: [
		num('SORT', 'Sort', { to: 'fields.SORT' }),
		str('COLOR', 'Color', { to: 'fields.COLOR', placeholder: 'e.g. #39A8EF' }),
		str('SEMANTICS', 'Semantics', { to: 'fields.SEMANTICS', description: 'S for a success stage, F for a failure stage, empty for in progress' }),
	],
	updateFirst: [str('NAME', 'Name', { to: 'fields.NAME' })],
	updateFixed: { fields: {} },
	paging: { mode: 'all', filterKey: 'filter', orderKey: 'order' },
	override: {
		delete: {
			optional: [bool('FORCED', 'Forced', 'Whether to delete system values too', { yn: true, to: 'params.FORCED' })],
			optionalName: 'options',
		},
	},
	more: [
		{
			value: 'getEntityItems',
			name: 'Get Entity Items',
			action: 'Get the values of a reference list',
			method: 'crm.status.entity.items',
			kind: 'get',
			params: [str('entityId', 'Reference List', { required: true, placeholder: 'e.g. DEAL_STAGE or SOURCE' })],
		},
		{ value: 'getEntityTypes', name: 'Get Entity Types', action: 'Get the reference list types', method: 'crm.status.entity.types', kind: 'get' },
		fieldsOp('crm.status.fields', 'reference list value'),
	],
});

export const stageHistory: ResourceSpec = {
	value: 'stageHistory',
	name: 'Stage History',
	group: 'CRM',
	description: 'Stage movements of leads, deals, invoices and smart processes',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many stage history records',
			method: 'crm.stagehistory.list',
			kind: 'getMany',
			params: [{ ...entityTypeId, description: '1 lead, 2 deal, 31 invoice, 128+ smart processes' }],
			paging: { mode: 'start', itemsPath: 'items', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
		},
	],
};

const currencyId = str('id', 'Currency', { required: true, placeholder: 'e.g. EUR', description: 'The currency code' });
const currencyFields = [
	json('LANG', 'Localizations (JSON)', {
		to: 'fields.LANG',
		description: 'Display settings per language, e.g. {"en": {"DECIMALS": 2, "FORMAT_STRING": "# CNY", "FULL_NAME": "Yuan"}}',
	}),
	num('SORT', 'Sort', { to: 'fields.SORT' }),
	yn('BASE', 'Base Currency', 'this becomes the base currency'),
];

export const currency = crud({
	value: 'currency',
	name: 'Currency',
	group: 'CRM',
	prefix: 'crm.currency',
	noun: 'currency',
	plural: 'currencies',
	key: [currencyId],
	create: [
		str('CURRENCY', 'Currency', { required: true, to: 'fields.CURRENCY', placeholder: 'e.g. CNY', description: 'Three-letter currency code' }),
		num('AMOUNT_CNT', 'Nominal', { required: true, default: 1, to: 'fields.AMOUNT_CNT', description: 'Units of this currency the rate applies to' }),
		num('AMOUNT', 'Exchange Rate', { required: true, default: 1, to: 'fields.AMOUNT', description: 'Price of the nominal in the base currency' }),
	],
	fields: currencyFields,
	updateFirst: [num('AMOUNT_CNT', 'Nominal', { to: 'fields.AMOUNT_CNT' }), num('AMOUNT', 'Exchange Rate', { to: 'fields.AMOUNT' })],
	updateFixed: { fields: {} },
	paging: { mode: 'all', orderKey: 'order' },
	override: { update: { params: [{ ...currencyId, to: 'ID' }] } },
	more: currencyMore,
});

export const duplicate: ResourceSpec = {
	value: 'duplicate',
	name: 'Duplicate',
	group: 'CRM',
	description: 'Find and merge duplicate leads, contacts and companies',
	operations: [
		{
			value: 'findByComm',
			name: 'Find by Phone or Email',
			action: 'Find duplicates by phone or email',
			method: 'crm.duplicate.findbycomm',
			kind: 'action',
			params: [
				{
					...str('type', 'Type', { required: true }),
					type: 'options',
					default: 'EMAIL',
					options: [
						{ name: 'Email', value: 'EMAIL' },
						{ name: 'Phone', value: 'PHONE' },
					],
				},
				list('values', 'Values', { required: true, description: 'Comma-separated phones or emails (up to 20)' }),
			],
			optional: [
				{
					...str('entity_type', 'Entity Type'),
					type: 'options',
					default: 'CONTACT',
					options: [
						{ name: 'Company', value: 'COMPANY' },
						{ name: 'Contact', value: 'CONTACT' },
						{ name: 'Lead', value: 'LEAD' },
					],
				},
			],
			optionalName: 'options',
		},
		{
			value: 'mergeBatch',
			name: 'Merge',
			action: 'Merge duplicate records',
			method: 'crm.entity.mergeBatch',
			kind: 'action',
			params: [
				num('entityTypeId', 'Entity Type ID', { required: true, default: 3, to: 'params.entityTypeId', description: '1 lead, 2 deal, 3 contact, 4 company', dropdown: 'getEntityTypes' }),
				list('entityIds', 'Record IDs', { required: true, to: 'params.entityIds', description: 'Comma-separated IDs of the records to merge into one', placeholder: 'e.g. 101, 102' }),
			],
		},
	],
};

export const crmEnum: ResourceSpec = {
	value: 'crmEnum',
	name: 'CRM Enumeration',
	group: 'CRM',
	description: 'Fixed CRM value lists',
	operations: [fieldsOp('crm.multifield.fields', 'multifield', { value: 'getMultifieldFields', name: 'Get Multifield Fields' }), ...enumMore],
	// The only operation before version 2 gained more: saved workflows keep running it.
	defaultOperation: 'getMultifieldFields',
};
