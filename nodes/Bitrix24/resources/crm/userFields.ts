import type { INodePropertyOptions } from 'n8n-workflow';

import type { ResourceSpec } from '../../types';
import { crud } from '../crud';
import { bool, id, json, num, str, toFields as f } from '../shared';

/** Custom (UF_CRM_*) fields: the per-entity crm.*.userfield.* methods and the universal userfieldconfig.*. */

export const USER_TYPES: INodePropertyOptions[] = [
	['Address', 'address'],
	['Boolean', 'boolean'],
	['CRM Item Link', 'crm'],
	['CRM Reference List', 'crm_status'],
	['Date', 'date'],
	['Date and Time', 'datetime'],
	['Employee', 'employee'],
	['File', 'file'],
	['Integer', 'integer'],
	['List', 'enumeration'],
	['Money', 'money'],
	['Number', 'double'],
	['String', 'string'],
	['URL', 'url'],
].map(([name, value]) => ({ name, value }));

const ynFlag = (name: string, label: string, what: string) => f(bool(name, label, `Whether ${what}`, { yn: true }));

const commonFields = [
	f(str('EDIT_FORM_LABEL', 'Label', { description: 'Label shown in the edit form' })),
	f(str('LIST_COLUMN_LABEL', 'List Column Label')),
	f(str('XML_ID', 'External ID')),
	f(num('SORT', 'Sort')),
	ynFlag('MANDATORY', 'Required', 'a value is required'),
	ynFlag('SHOW_FILTER', 'Show in Filter', 'the field appears in list filters'),
	f(json('SETTINGS', 'Settings (JSON)', { description: 'Type-specific settings, e.g. {"DEFAULT_VALUE": "x"}' })),
	f(json('LIST', 'List Values (JSON)', { shape: 'array', description: 'Values of a List field, e.g. [{"VALUE": "Red"}, {"VALUE": "Green", "DEF": "Y"}]' })),
];

function entityUserFields(entity: string, prefix: string): ResourceSpec {
	const lower = entity.toLowerCase();
	return crud({
		value: `${lower}UserField`,
		name: `${entity} Custom Field`,
		group: 'CRM',
		description: `Custom fields of ${lower.replace(/y$/, 'ie')}s (${prefix}.userfield.*)`,
		prefix: `${prefix}.userfield`,
		noun: `${lower} custom field`,
		key: [id('id', 'Custom Field ID', undefined, { description: 'The numeric ID of the custom field' })],
		create: [
			f(str('FIELD_NAME', 'Field Name', { required: true, placeholder: 'e.g. DELIVERY_DATE', description: 'Code of the field; Bitrix24 adds the UF_CRM_ prefix' })),
			f({ ...str('USER_TYPE_ID', 'Type', { required: true }), type: 'options', options: USER_TYPES, default: 'string' }),
		],
		fields: commonFields,
		updateFixed: { fields: {} },
		paging: { mode: 'all', filterKey: 'filter', orderKey: 'order' },
		override: { create: { optional: [ynFlag('MULTIPLE', 'Multiple', 'the field holds several values'), ...commonFields] } },
	});
}

export const leadUserField = entityUserFields('Lead', 'crm.lead');
export const dealUserField = entityUserFields('Deal', 'crm.deal');
export const contactUserField = entityUserFields('Contact', 'crm.contact');
export const companyUserField = entityUserFields('Company', 'crm.company');
export const quoteUserField = entityUserFields('Quote', 'crm.quote');

const moduleId = str('moduleId', 'Module ID', { required: true, default: 'crm', description: 'Module that owns the fields; crm for CRM entities' });
const configId = id('id', 'Field Config ID', undefined, { description: 'The numeric ID of the custom field' });

export const crmUserField: ResourceSpec = {
	value: 'crmUserField',
	name: 'CRM Custom Field Config',
	group: 'CRM',
	description: 'Custom fields of any CRM entity, smart processes included (userfieldconfig.*)',
	operations: [
		{ value: 'getTypes', name: 'Get Types', action: 'Get the custom field types', method: 'crm.userfield.types', kind: 'get' },
		{
			value: 'getManyConfigs',
			name: 'Get Many Configs',
			action: 'Get many custom field configs',
			method: 'userfieldconfig.list',
			kind: 'getMany',
			params: [moduleId],
			paging: { mode: 'start', itemsPath: 'fields', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
		},
		{
			value: 'createConfig',
			name: 'Create Config',
			action: 'Create a custom field config',
			method: 'userfieldconfig.add',
			kind: 'create',
			params: [
				moduleId,
				str('entityId', 'Entity ID', { required: true, to: 'field.entityId', placeholder: 'e.g. CRM_DEAL or CRM_3', description: 'Owner of the field: CRM_LEAD, CRM_DEAL, CRM_CONTACT, CRM_COMPANY, CRM_QUOTE or CRM_<smart process number>' }),
				str('fieldName', 'Field Name', { required: true, to: 'field.fieldName', placeholder: 'e.g. UF_CRM_DELIVERY' }),
				{ ...str('userTypeId', 'Type', { required: true, to: 'field.userTypeId' }), type: 'options', options: USER_TYPES, default: 'string' },
			],
			optional: [
				bool('multiple', 'Multiple', 'Whether the field holds several values', { yn: true, to: 'field.multiple' }),
				bool('mandatory', 'Required', 'Whether a value is required', { yn: true, to: 'field.mandatory' }),
				json('editFormLabel', 'Labels (JSON)', { to: 'field.editFormLabel', description: 'Label per language, e.g. {"en": "Delivery date"}' }),
				json('settings', 'Settings (JSON)', { to: 'field.settings' }),
				json('enum', 'List Values (JSON)', { to: 'field.enum', shape: 'array', description: 'Values of a List field, e.g. [{"value": "Red", "def": "Y"}]' }),
			],
			unwrap: 'field',
		},
		{
			value: 'updateConfig',
			name: 'Update Config',
			action: 'Update a custom field config',
			method: 'userfieldconfig.update',
			kind: 'update',
			params: [moduleId, configId, json('field', 'Field (JSON)', { required: true, description: 'Properties to change, e.g. {"mandatory": "Y", "editFormLabel": {"en": "Delivery"}}' })],
			unwrap: 'field',
		},
		{ value: 'deleteConfig', name: 'Delete Config', action: 'Delete a custom field config', method: 'userfieldconfig.delete', kind: 'delete', params: [moduleId, configId] },
	],
};
