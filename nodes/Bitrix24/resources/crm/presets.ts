import type { ParamSpec, ResourceSpec } from '../../types';
import { ALL_VERBS, crud } from '../crud';
import { act, fieldsOp, id, json, num, since2, str, toFields as f, V2, yesNo, yn } from '../shared';
import { USER_TYPES } from './userFields';

/**
 * Requisite templates (presets) and their fields, custom requisite fields, and the field lists of
 * bank details and requisite links. Listing templates stays in Requisite Template.
 */

const presetOptions = [f(str('XML_ID', 'External ID')), f(yn('ACTIVE', 'Active', 'Whether requisites can be made from the template')), f(num('SORT', 'Sort'))];

export const requisiteTemplateSetup = crud({
	value: 'requisiteTemplateSetup',
	name: 'Requisite Template Setup',
	group: 'CRM',
	description: 'Create, read, change and delete requisite templates',
	prefix: 'crm.requisite.preset',
	noun: 'requisite template',
	key: [id('id', 'Template ID')],
	create: [
		f(num('ENTITY_TYPE_ID', 'Entity Type ID', { required: true, default: 8, description: '8: requisite, the only kind of template' })),
		f(num('COUNTRY_ID', 'Country ID', { required: true, default: 1, description: 'See Requisite Reference → Get Countries' })),
		f(str('NAME', 'Name', { required: true })),
	],
	fields: presetOptions,
	// preset.update wants the name every time
	updateFirst: [],
	verbs: ['create', 'get', 'update', 'delete', 'fields'],
	every: V2,
	override: { update: { params: [id('id', 'Template ID'), f(str('NAME', 'Name', { required: true }))] } },
});

/** The template a field belongs to goes as `preset: { ID }`. */
const preset = num('presetId', 'Template ID', { required: true, default: 1, integer: true, to: 'preset.ID', description: 'The requisite template (see Requisite Template → Get Many)' });
const fieldId = id('id', 'Field ID', undefined, { description: 'ID of the field in the template (see Get Many)' });
const fieldOptions = [f(str('FIELD_TITLE', 'Title', { description: 'Another name for the field in this template' })), f(num('SORT', 'Sort')), f(yn('IN_SHORT_LIST', 'In Short List', 'Kept for compatibility; no longer used'))];

export const requisiteTemplateField = crud({
	value: 'requisiteTemplateField',
	name: 'Requisite Template Field',
	group: 'CRM',
	description: 'The fields a requisite template shows',
	prefix: 'crm.requisite.preset.field',
	noun: 'requisite template field',
	key: [preset, fieldId],
	create: [preset, f(str('FIELD_NAME', 'Field Name', { required: true, placeholder: 'e.g. RQ_VAT_ID', description: 'A requisite field or UF_CRM_ custom field (see Get Available)' }))],
	fields: fieldOptions,
	updateFirst: [],
	verbs: ALL_VERBS,
	paging: { mode: 'all' },
	every: V2,
	override: {
		getMany: { params: [preset] },
		// the field's name is required on update too
		update: { params: [preset, fieldId, f(str('FIELD_NAME', 'Field Name', { required: true, placeholder: 'e.g. RQ_VAT_ID' }))] },
	},
	more: [
		act('getAvailable', 'Get Available', 'Get the fields a requisite template can still add', 'crm.requisite.preset.field.availabletoadd', [preset], {
			since: 2,
			output: (result) => ((result ?? []) as string[]).map((field) => ({ field })),
		}),
	],
});

const userFieldOptions: ParamSpec[] = [
	f(str('XML_ID', 'External ID')),
	f(num('SORT', 'Sort')),
	yesNo('MULTIPLE', 'Multiple', 'Whether the field holds several values'),
	yesNo('MANDATORY', 'Mandatory', 'Whether the field must be filled'),
	yesNo('SHOW_FILTER', 'Show in Filter', 'Whether the list filter offers the field'),
	yesNo('SHOW_IN_LIST', 'Show in List', 'Whether the list shows the field'),
	yesNo('EDIT_IN_LIST', 'Edit in List', 'Whether users may edit the field'),
	yesNo('IS_SEARCHABLE', 'Searchable', 'Whether search covers the field'),
	f(str('EDIT_FORM_LABEL', 'Edit Form Label')),
	f(str('LIST_COLUMN_LABEL', 'List Column Label')),
	f(str('LIST_FILTER_LABEL', 'List Filter Label')),
	f(str('ERROR_MESSAGE', 'Error Message')),
	f(str('HELP_MESSAGE', 'Help Message')),
	f(json('LIST', 'List Values (JSON)', { shape: 'array', description: 'Values of a list field, e.g. [{"VALUE": "Small"}, {"VALUE": "Large"}]' })),
	f(json('SETTINGS', 'Settings (JSON)', { description: 'Type settings, e.g. {"DEFAULT_VALUE": "", "ROWS": 1}' })),
];

export const requisiteUserField = crud({
	value: 'requisiteUserField',
	name: 'Requisite Custom Field',
	group: 'CRM',
	description: 'Custom (UF_CRM_) fields of requisites',
	prefix: 'crm.requisite.userfield',
	noun: 'requisite custom field',
	key: [id('id', 'Field ID')],
	create: [
		f(str('FIELD_NAME', 'Field Name', { required: true, placeholder: 'e.g. UF_CRM_TAX_OFFICE', description: 'Code of the field; starts with UF_CRM_' })),
		f({ ...str('USER_TYPE_ID', 'Type', { required: true, description: 'The field\'s data type' }), type: 'options', options: USER_TYPES, default: 'string' }),
	],
	fields: userFieldOptions,
	updateFixed: { fields: {} },
	every: V2,
	// 50 per page with start (crm-requisite-userfield-list.md)
	paging: { mode: 'start', filterKey: 'filter', orderKey: 'order' },
	// requisite custom fields always belong to CRM_REQUISITE
	override: { create: { fixed: { fields: { ENTITY_ID: 'CRM_REQUISITE' } } } },
});

export const requisiteReference: ResourceSpec = {
	value: 'requisiteReference',
	name: 'Requisite Reference',
	group: 'CRM',
	description: 'Countries of requisite templates and the fields of bank details and requisite links',
	operations: since2([
		{ value: 'getCountries', name: 'Get Countries', action: 'Get the countries requisite templates exist for', method: 'crm.requisite.preset.countries', kind: 'action' as const },
		fieldsOp('crm.requisite.bankdetail.fields', 'bank detail', { value: 'getBankDetailFields', name: 'Get Bank Detail Fields' }),
		fieldsOp('crm.requisite.link.fields', 'requisite link', { value: 'getLinkFields', name: 'Get Link Fields' }),
	]),
};

export const presetResources: ResourceSpec[] = [requisiteTemplateSetup, requisiteTemplateField, requisiteUserField, requisiteReference];
