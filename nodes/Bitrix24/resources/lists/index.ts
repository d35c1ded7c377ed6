import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
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

export const listResource: ResourceSpec = {
	value: 'list',
	name: 'List',
	group: 'Lists',
	description: 'Universal lists',
	operations: [
		{ value: 'get', name: 'Get', action: 'Get a list', method: 'lists.get', kind: 'get', params: inList, optional: [socnetGroup], optionalName: 'options' },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many lists',
			method: 'lists.get',
			kind: 'getMany',
			params: [iblockType],
			optional: [socnetGroup],
			optionalName: 'options',
			paging: { mode: 'start', orderKey: 'IBLOCK_ORDER' },
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a list',
			method: 'lists.add',
			kind: 'create',
			params: [iblockType, str('IBLOCK_CODE', 'Code', { required: true, placeholder: 'e.g. contracts' }), fields(str('NAME', 'Name', { required: true }))],
			optional: [...listFields, ...listOptions],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a list',
			method: 'lists.update',
			kind: 'update',
			// lists.update wants the name every time
			params: [...inList, fields(str('NAME', 'Name', { required: true }))],
			optional: [...listFields, ...listOptions],
			optionalName: 'updateFields',
			output: shaped('IBLOCK_ID', 'updated'),
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a list', method: 'lists.delete', kind: 'delete', params: inList, output: shaped('IBLOCK_ID', 'deleted') },
	],
};

const elementId = id('ELEMENT_ID', 'Element ID', undefined, { locator: 'listElement' });
const elementName = fields(str('NAME', 'Name', { required: true }));
const elementOptions = [str('IBLOCK_SECTION_ID', 'Section ID'), str('LIST_ELEMENT_URL', 'Element URL Template', { placeholder: 'e.g. /lists/#list_id#/element/#section_id#/#element_id#/' })];
// list properties are PROPERTY_<ID> fields
const properties = customFieldsProperty('FIELDS', 'PROPERTY_');

export const listElement: ResourceSpec = {
	value: 'listElement',
	name: 'List Element',
	group: 'Lists',
	operations: [
		{ value: 'get', name: 'Get', action: 'Get a list element', method: 'lists.element.get', kind: 'get', params: [...inList, elementId] },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many list elements',
			method: 'lists.element.get',
			kind: 'getMany',
			params: inList,
			paging: { mode: 'start', filterKey: 'FILTER', orderKey: 'ELEMENT_ORDER', selectKey: 'SELECT' },
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a list element',
			method: 'lists.element.add',
			kind: 'create',
			params: [...inList, str('ELEMENT_CODE', 'Code', { required: true, description: 'Unique code of the element in the list' }), elementName],
			optional: elementOptions,
			extra: [properties],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a list element',
			method: 'lists.element.update',
			kind: 'update',
			description: 'Overwrites the element: fields left out are cleared, so pass every value the element should keep',
			params: [...inList, elementId, elementName],
			extra: [properties],
			output: shaped('ELEMENT_ID', 'updated'),
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a list element', method: 'lists.element.delete', kind: 'delete', params: [...inList, elementId], output: shaped('ELEMENT_ID', 'deleted') },
		{
			value: 'getFileUrl',
			name: 'Get File URL',
			action: 'Get the file links of a list element field',
			method: 'lists.element.get.file.url',
			kind: 'get',
			params: [...inList, elementId, str('FIELD_ID', 'Field ID', { required: true, placeholder: 'e.g. PROPERTY_1003' })],
		},
	],
};

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

const fieldOp = (spec: Partial<OperationSpec> & Pick<OperationSpec, 'value' | 'name' | 'action' | 'method' | 'kind'>): OperationSpec => ({ params: inList, ...spec });

export const listField: ResourceSpec = {
	value: 'listField',
	name: 'List Field',
	group: 'Lists',
	operations: [
		fieldOp({ value: 'getMany', name: 'Get Many', action: 'Get the fields of a list', method: 'lists.field.get', kind: 'getMany', output: values }),
		fieldOp({ value: 'get', name: 'Get', action: 'Get a list field', method: 'lists.field.get', kind: 'get', params: [...inList, fieldId], output: values }),
		fieldOp({
			value: 'create',
			name: 'Create',
			action: 'Create a list field',
			method: 'lists.field.add',
			kind: 'create',
			params: [...inList, fields(str('NAME', 'Name', { required: true })), fieldType],
			optional: fieldOptions,
		}),
		fieldOp({
			value: 'update',
			name: 'Update',
			action: 'Update a list field',
			method: 'lists.field.update',
			kind: 'update',
			// the name and the (unchangeable) type are required on every update
			params: [...inList, fieldId, fields(str('NAME', 'Name', { required: true })), fieldType],
			optional: fieldOptions,
			optionalName: 'updateFields',
			output: shaped('FIELD_ID', 'updated'),
		}),
		fieldOp({ value: 'delete', name: 'Delete', action: 'Delete a list field', method: 'lists.field.delete', kind: 'delete', params: [...inList, fieldId], output: shaped('FIELD_ID', 'deleted') }),
		fieldOp({
			value: 'getTypes',
			name: 'Get Types',
			action: 'Get the field types a list accepts',
			method: 'lists.field.type.get',
			kind: 'get',
			output: (result) => Object.entries((result ?? {}) as IDataObject).map(([type, title]) => ({ type, title })),
		}),
	],
};

const sectionId = id('SECTION_ID', 'Section ID');
const sectionFields = [
	num('SORT', 'Sort'),
	bool('ACTIVE', 'Active', 'Whether the section is active', { yn: true, default: true }),
	str('DESCRIPTION', 'Description'),
	str('XML_ID', 'External ID'),
].map(fields);

export const listSection: ResourceSpec = {
	value: 'listSection',
	name: 'List Section',
	group: 'Lists',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the sections of a list',
			method: 'lists.section.get',
			kind: 'getMany',
			params: inList,
			optional: [json('FILTER', 'Filter (JSON)', { description: 'E.g. {"NAME": "Docs", "IBLOCK_SECTION_ID": 0}' }), list('SELECT', 'Select Fields', { placeholder: 'e.g. ID, NAME, CODE' })],
			optionalName: 'options',
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a list section',
			method: 'lists.section.add',
			kind: 'create',
			params: [...inList, str('SECTION_CODE', 'Code', { required: true }), fields(str('NAME', 'Name', { required: true }))],
			optional: [str('IBLOCK_SECTION_ID', 'Parent Section ID'), ...sectionFields],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a list section',
			method: 'lists.section.update',
			kind: 'update',
			params: [...inList, sectionId, fields(str('NAME', 'Name', { required: true }))],
			optional: sectionFields,
			optionalName: 'updateFields',
			output: shaped('SECTION_ID', 'updated'),
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a list section', method: 'lists.section.delete', kind: 'delete', params: [...inList, sectionId], output: shaped('SECTION_ID', 'deleted') },
	],
};

export const listsResources: ResourceSpec[] = [listResource, listElement, listField, listSection];
