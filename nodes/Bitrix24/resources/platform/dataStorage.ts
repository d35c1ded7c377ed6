import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, PagingSpec, ParamSpec, ResourceSpec } from '../../types';
import { bool, date, json, num, str } from '../shared';
import { pick } from './output';

/** entity.* is the application's own key-value storage: every method needs OAuth2 (application) auth. */
const app = (op: OperationSpec): OperationSpec => ({ ...op, appOnly: true });

/** Most entity.* writes answer `true`; the output names what was changed instead. */
const done = (flag: string, keys: string[]) => (result: unknown, request: IDataObject | unknown[]) => ({ ...pick(request, keys), [flag]: result !== false });

const entity = str('ENTITY', 'Storage Code', { required: true, placeholder: 'e.g. orders', description: 'The code the storage was created with (a-z, A-Z, 0-9, _)' });
const access = json('ACCESS', 'Access (JSON)', { description: 'Access codes and levels R (read), W (write), X (manage), e.g. {"AU": "R", "U1": "X"}' });
const itemId = str('ID', 'Item ID', { required: true });
const sectionId = str('ID', 'Section ID', { required: true });
const property = str('PROPERTY', 'Property Code', { required: true, placeholder: 'e.g. price' });
const propertyType: ParamSpec = {
	name: 'TYPE',
	label: 'Type',
	type: 'options',
	options: [
		{ name: 'String', value: 'S' },
		{ name: 'Number', value: 'N' },
		{ name: 'File', value: 'F' },
	],
	default: 'S',
};
/** entity.item.get and entity.section.get: `start` offsets with UPPER_CASE FILTER and SORT. */
const entityList: PagingSpec = { mode: 'start', filterKey: 'FILTER', orderKey: 'SORT' };

const itemFields: ParamSpec[] = [
	json('PROPERTY_VALUES', 'Property Values (JSON)', { description: 'Values of the storage properties, e.g. {"price": 100, "color": "red"}' }),
	num('SECTION', 'Section ID'),
	date('DATE_ACTIVE_FROM', 'Active From'),
	date('DATE_ACTIVE_TO', 'Active To'),
];
const sectionFields: ParamSpec[] = [
	num('SECTION', 'Parent Section ID'),
	bool('ACTIVE', 'Active', 'Whether the section is active', { yn: true, default: true }),
	num('SORT', 'Sort', { default: 500 }),
	str('CODE', 'Code'),
	str('DESCRIPTION', 'Description'),
];

export const dataStorage: ResourceSpec = {
	value: 'appEntity',
	name: 'Data Storage',
	group: 'Data Storage',
	description: "The application's own tables (entity.*)",
	operations: [
		app({
			value: 'create',
			name: 'Create',
			action: 'Create a data storage',
			method: 'entity.add',
			kind: 'create',
			params: [entity, str('NAME', 'Name', { required: true })],
			optional: [access],
			output: done('created', ['ENTITY']),
		}),
		app({ value: 'get', name: 'Get', action: 'Get a data storage', method: 'entity.get', kind: 'get', params: [entity] }),
		app({ value: 'getMany', name: 'Get Many', action: "Get the application's data storages", method: 'entity.get', kind: 'get' }),
		app({
			value: 'update',
			name: 'Update',
			action: 'Update a data storage',
			method: 'entity.update',
			kind: 'update',
			params: [entity],
			optional: [str('NAME', 'Name'), str('ENTITY_NEW', 'New Storage Code', { description: 'Renames the storage code (a-z, A-Z, 0-9, _)' }), access],
			optionalName: 'updateFields',
			output: done('updated', ['ENTITY']),
		}),
		app({ value: 'delete', name: 'Delete', action: 'Delete a data storage', method: 'entity.delete', kind: 'delete', params: [entity], output: done('deleted', ['ENTITY']) }),
		app({ value: 'getRights', name: 'Get Rights', action: 'Get the access rights of a data storage', method: 'entity.rights', kind: 'get', params: [entity] }),
		app({
			value: 'setRights',
			name: 'Set Rights',
			action: 'Set the access rights of a data storage',
			description: 'Replace the access rights; Bitrix24 keeps manage (X) rights for the calling user',
			method: 'entity.rights',
			kind: 'action',
			params: [entity, { ...access, required: true, default: '{\n  "AU": "R"\n}' }],
		}),
	],
};

export const dataStorageItem: ResourceSpec = {
	value: 'appEntityItem',
	name: 'Data Storage Item',
	group: 'Data Storage',
	operations: [
		app({ value: 'create', name: 'Create', action: 'Create a data storage item', method: 'entity.item.add', kind: 'create', params: [entity, str('NAME', 'Name', { required: true })], optional: itemFields }),
		app({
			value: 'get',
			name: 'Get',
			action: 'Get a data storage item',
			method: 'entity.item.get',
			kind: 'get',
			params: [entity, { ...itemId, to: 'FILTER.ID' }],
		}),
		app({ value: 'getMany', name: 'Get Many', action: 'Get many data storage items', method: 'entity.item.get', kind: 'getMany', params: [entity], paging: entityList }),
		app({
			value: 'update',
			name: 'Update',
			action: 'Update a data storage item',
			method: 'entity.item.update',
			kind: 'update',
			params: [entity, itemId],
			optional: [str('NAME', 'Name'), ...itemFields],
			optionalName: 'updateFields',
		}),
		app({ value: 'delete', name: 'Delete', action: 'Delete a data storage item', method: 'entity.item.delete', kind: 'delete', params: [entity, itemId] }),
	],
};

export const dataStorageProperty: ResourceSpec = {
	value: 'appEntityProperty',
	name: 'Data Storage Property',
	group: 'Data Storage',
	description: 'The fields of the items of a data storage',
	operations: [
		app({
			value: 'create',
			name: 'Create',
			action: 'Create a data storage property',
			method: 'entity.item.property.add',
			kind: 'create',
			params: [entity, property, str('NAME', 'Name')],
			optional: [propertyType, num('SORT', 'Sort', { default: 500 })],
			output: done('created', ['ENTITY', 'PROPERTY']),
		}),
		app({ value: 'get', name: 'Get', action: 'Get a data storage property', method: 'entity.item.property.get', kind: 'get', params: [entity, property] }),
		app({ value: 'getMany', name: 'Get Many', action: 'Get the properties of a data storage', method: 'entity.item.property.get', kind: 'get', params: [entity] }),
		app({
			value: 'update',
			name: 'Update',
			action: 'Update a data storage property',
			method: 'entity.item.property.update',
			kind: 'update',
			params: [entity, property],
			optional: [str('PROPERTY_NEW', 'New Property Code'), str('NAME', 'Name'), { ...propertyType, options: propertyType.options!.slice(0, 2), description: 'A property cannot become a file property' }, num('SORT', 'Sort')],
			optionalName: 'updateFields',
			output: done('updated', ['ENTITY', 'PROPERTY']),
		}),
		app({ value: 'delete', name: 'Delete', action: 'Delete a data storage property', method: 'entity.item.property.delete', kind: 'delete', params: [entity, property], output: done('deleted', ['ENTITY', 'PROPERTY']) }),
	],
};

export const dataStorageSection: ResourceSpec = {
	value: 'appEntitySection',
	name: 'Data Storage Section',
	group: 'Data Storage',
	description: 'Folders that group the items of a data storage',
	operations: [
		app({ value: 'create', name: 'Create', action: 'Create a data storage section', method: 'entity.section.add', kind: 'create', params: [entity, str('NAME', 'Name', { required: true })], optional: sectionFields }),
		app({ value: 'getMany', name: 'Get Many', action: 'Get many data storage sections', method: 'entity.section.get', kind: 'getMany', params: [entity], paging: entityList }),
		app({
			value: 'update',
			name: 'Update',
			action: 'Update a data storage section',
			method: 'entity.section.update',
			kind: 'update',
			params: [entity, sectionId],
			optional: [str('NAME', 'Name'), ...sectionFields],
			optionalName: 'updateFields',
		}),
		app({ value: 'delete', name: 'Delete', action: 'Delete a data storage section', method: 'entity.section.delete', kind: 'delete', params: [entity, sectionId] }),
	],
};
