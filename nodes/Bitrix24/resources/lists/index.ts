import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { bool, customFieldsProperty, id, json, list, num, str } from '../shared';

/** Every lists.* call names the list's information block type and (except lists.add) the list. */
const iblockType: ParamSpec = {
	name: 'IBLOCK_TYPE_ID',
	label: 'List Type',
	type: 'options',
	required: true,
	options: [
		{ name: 'Lists', value: 'lists' },
		{ name: 'Processes', value: 'bitrix_processes' },
		{ name: 'Workgroup Lists', value: 'lists_socnet' },
	],
	default: 'lists',
};
const listId = id('IBLOCK_ID', 'List ID');
const socnetGroup = str('SOCNET_GROUP_ID', 'Workgroup ID', { description: 'Workgroup of the list, for the Workgroup Lists type', dropdown: 'getWorkgroups' });
const inList = [iblockType, listId];
const into = (target: string) => (spec: ParamSpec): ParamSpec => ({ ...spec, to: `${target}.${spec.name}` });
const fields = into('FIELDS');

/** The generic shaping only knows `id`/`ID`; these methods name the record another way. */
const shaped = (key: string, flag: 'updated' | 'deleted') => (result: unknown, request: IDataObject | unknown[]) => ({
	id: (request as IDataObject)[key],
	[flag]: result !== false,
});
/** Field lists come keyed by field ID. */
const values = (result: unknown) => Object.values((result ?? {}) as IDataObject) as IDataObject[];

const listFields = [str('DESCRIPTION', 'Description'), num('SORT', 'Sort'), bool('BIZPROC', 'Workflows', 'Whether workflows can run on the list elements', { yn: true })].map(fields);
const listOptions = [socnetGroup, json('MESSAGES', 'Messages (JSON)', { description: 'E.g. {"ELEMENT_NAME": "Item", "ELEMENTS_NAME": "Items"}' }), json('RIGHTS', 'Rights (JSON)', { description: 'E.g. {"G2": "W"}' })];

export const listResource = crud({
	value: 'list',
	name: 'List',
	group: 'Lists',
	description: 'Universal lists',
	prefix: 'lists',
	noun: 'list',
	key: inList,
	create: [iblockType, str('IBLOCK_CODE', 'Code', { required: true, placeholder: 'e.g. contracts' }), fields(str('NAME', 'Name', { required: true }))],
	fields: [...listFields, ...listOptions],
	verbs: ['get', 'getMany', 'create', 'update', 'delete'],
	override: {
		get: { optional: [socnetGroup], optionalName: 'options' },
		getMany: { method: 'lists.get', params: [iblockType], optional: [socnetGroup], optionalName: 'options', paging: { mode: 'start', orderKey: 'IBLOCK_ORDER' } },
		// lists.update wants the name every time
		update: { params: [...inList, fields(str('NAME', 'Name', { required: true }))], output: shaped('IBLOCK_ID', 'updated') },
		delete: { output: shaped('IBLOCK_ID', 'deleted') },
	},
});

const elementId = id('ELEMENT_ID', 'Element ID', undefined, { locator: 'listElement' });
const elementName = fields(str('NAME', 'Name', { required: true }));
const elementOptions = [str('IBLOCK_SECTION_ID', 'Section ID'), str('LIST_ELEMENT_URL', 'Element URL Template', { placeholder: 'e.g. /lists/#list_id#/element/#section_id#/#element_id#/' })];
// list properties are PROPERTY_<ID> fields
const properties = customFieldsProperty('FIELDS', 'PROPERTY_');

export const listElement = crud({
	value: 'listElement',
	name: 'List Element',
	group: 'Lists',
	prefix: 'lists.element',
	noun: 'list element',
	key: [...inList, elementId],
	create: [...inList, str('ELEMENT_CODE', 'Code', { required: true, description: 'Unique code of the element in the list' }), elementName],
	fields: elementOptions,
	paging: { mode: 'start', filterKey: 'FILTER', orderKey: 'ELEMENT_ORDER', selectKey: 'SELECT' },
	verbs: ['get', 'getMany', 'create', 'update', 'delete'],
	override: {
		getMany: { method: 'lists.element.get', params: inList },
		create: { extra: [properties] },
		update: {
			description: 'Overwrites the element: fields left out are cleared, so pass every value the element should keep',
			params: [...inList, elementId, elementName],
			optional: undefined,
			optionalName: undefined,
			extra: [properties],
			output: shaped('ELEMENT_ID', 'updated'),
		},
		delete: { output: shaped('ELEMENT_ID', 'deleted') },
	},
	more: [
		{
			value: 'getFileUrl',
			name: 'Get File URL',
			action: 'Get the file links of a list element field',
			method: 'lists.element.get.file.url',
			kind: 'get',
			params: [...inList, elementId, str('FIELD_ID', 'Field ID', { required: true, placeholder: 'e.g. PROPERTY_1003' })],
		},
	],
});

const fieldId = str('FIELD_ID', 'Field ID', { required: true, placeholder: 'e.g. PROPERTY_1151 or NAME' });
const fieldType = str('FIELD_TYPE', 'Type', { required: true, to: 'FIELDS.TYPE', placeholder: 'e.g. S, N, L, F, S:Date, S:employee', description: 'Field type code; see Get Types' });
const fieldOptions = [
	bool('IS_REQUIRED', 'Required', 'Whether the field must be filled', { yn: true }),
	bool('MULTIPLE', 'Multiple', 'Whether the field holds several values', { yn: true }),
	num('SORT', 'Sort'),
	str('CODE', 'Code'),
	str('DEFAULT_VALUE', 'Default Value'),
	json('LIST', 'List Values (JSON)', { description: 'For list fields, e.g. {"n0": {"SORT": 10, "VALUE": "Open"}}' }),
	json('SETTINGS', 'Settings (JSON)', { description: 'E.g. {"SHOW_ADD_FORM": "Y", "SHOW_EDIT_FORM": "Y"}' }),
].map(fields);

export const listField = crud({
	value: 'listField',
	name: 'List Field',
	group: 'Lists',
	prefix: 'lists.field',
	noun: 'list field',
	key: [...inList, fieldId],
	create: [...inList, fields(str('NAME', 'Name', { required: true })), fieldType],
	fields: fieldOptions,
	verbs: ['getMany', 'get', 'create', 'update', 'delete'],
	override: {
		getMany: { action: 'Get the fields of a list', method: 'lists.field.get', params: inList, output: values },
		get: { output: values },
		// the name and the (unchangeable) type are required on every update
		update: { params: [...inList, fieldId, fields(str('NAME', 'Name', { required: true })), fieldType], output: shaped('FIELD_ID', 'updated') },
		delete: { output: shaped('FIELD_ID', 'deleted') },
	},
	more: [
		{
			value: 'getTypes',
			name: 'Get Types',
			action: 'Get the field types a list accepts',
			method: 'lists.field.type.get',
			kind: 'get',
			params: inList,
			output: (result) => Object.entries((result ?? {}) as IDataObject).map(([type, title]) => ({ type, title })),
		},
	],
});

const sectionId = id('SECTION_ID', 'Section ID');
const sectionFields = [
	num('SORT', 'Sort'),
	bool('ACTIVE', 'Active', 'Whether the section is active', { yn: true, default: true }),
	str('DESCRIPTION', 'Description'),
	str('XML_ID', 'External ID'),
].map(fields);

export const listSection = crud({
	value: 'listSection',
	name: 'List Section',
	group: 'Lists',
	prefix: 'lists.section',
	noun: 'list section',
	key: [...inList, sectionId],
	create: [...inList, str('SECTION_CODE', 'Code', { required: true }), fields(str('NAME', 'Name', { required: true }))],
	fields: sectionFields,
	verbs: ['getMany', 'create', 'update', 'delete'],
	override: {
		getMany: {
			action: 'Get the sections of a list',
			method: 'lists.section.get',
			params: inList,
			optional: [json('FILTER', 'Filter (JSON)', { description: 'E.g. {"NAME": "Docs", "IBLOCK_SECTION_ID": 0}' }), list('SELECT', 'Select Fields', { placeholder: 'e.g. ID, NAME, CODE' })],
			optionalName: 'options',
		},
		create: { optional: [str('IBLOCK_SECTION_ID', 'Parent Section ID'), ...sectionFields] },
		update: { params: [...inList, sectionId, fields(str('NAME', 'Name', { required: true }))], output: shaped('SECTION_ID', 'updated') },
		delete: { output: shaped('SECTION_ID', 'deleted') },
	},
});

export const listsResources: ResourceSpec[] = [listResource, listElement, listField, listSection];
