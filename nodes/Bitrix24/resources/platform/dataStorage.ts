import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, PagingSpec, ParamSpec } from '../../types';
import { crud } from '../crud';
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

export const dataStorage = crud({
	value: 'appEntity',
	name: 'Data Storage',
	group: 'Data Storage',
	description: "The application's own tables (entity.*)",
	prefix: 'entity',
	noun: 'data storage',
	key: [entity],
	create: [entity, str('NAME', 'Name', { required: true })],
	fields: [access],
	updateFirst: [str('NAME', 'Name'), str('ENTITY_NEW', 'New Storage Code', { description: 'Renames the storage code (a-z, A-Z, 0-9, _)' })],
	every: { appOnly: true },
	override: {
		create: { output: done('created', ['ENTITY']) },
		getMany: { action: "Get the application's data storages", method: 'entity.get', kind: 'get' },
		update: { output: done('updated', ['ENTITY']) },
		delete: { output: done('deleted', ['ENTITY']) },
	},
	more: [
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
});

export const dataStorageItem = crud({
	value: 'appEntityItem',
	name: 'Data Storage Item',
	group: 'Data Storage',
	prefix: 'entity.item',
	noun: 'data storage item',
	key: [entity, itemId],
	create: [entity, str('NAME', 'Name', { required: true })],
	fields: itemFields,
	updateFirst: [str('NAME', 'Name')],
	paging: entityList,
	every: { appOnly: true },
	override: { get: { params: [entity, { ...itemId, to: 'FILTER.ID' }] }, getMany: { method: 'entity.item.get', params: [entity] } },
});

export const dataStorageProperty = crud({
	value: 'appEntityProperty',
	name: 'Data Storage Property',
	group: 'Data Storage',
	description: 'The fields of the items of a data storage',
	prefix: 'entity.item.property',
	noun: 'data storage property',
	key: [entity, property],
	create: [entity, property, str('NAME', 'Name')],
	fields: [propertyType, num('SORT', 'Sort', { default: 500 })],
	every: { appOnly: true },
	override: {
		create: { output: done('created', ['ENTITY', 'PROPERTY']) },
		getMany: { action: 'Get the properties of a data storage', method: 'entity.item.property.get', kind: 'get', params: [entity] },
		update: {
			optional: [str('PROPERTY_NEW', 'New Property Code'), str('NAME', 'Name'), { ...propertyType, options: propertyType.options!.slice(0, 2), description: 'A property cannot become a file property' }, num('SORT', 'Sort')],
			output: done('updated', ['ENTITY', 'PROPERTY']),
		},
		delete: { output: done('deleted', ['ENTITY', 'PROPERTY']) },
	},
});

export const dataStorageSection = crud({
	value: 'appEntitySection',
	name: 'Data Storage Section',
	group: 'Data Storage',
	description: 'Folders that group the items of a data storage',
	prefix: 'entity.section',
	noun: 'data storage section',
	key: [entity, sectionId],
	create: [entity, str('NAME', 'Name', { required: true })],
	fields: sectionFields,
	updateFirst: [str('NAME', 'Name')],
	paging: entityList,
	every: { appOnly: true },
	verbs: ['create', 'getMany', 'update', 'delete'],
	override: { getMany: { method: 'entity.section.get', params: [entity] } },
});
