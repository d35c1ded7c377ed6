import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

const list = { IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: '47' };
const numeric = expect.stringMatching(/^\d+$/);

async function newElement(portal: Portal, code = `case-${portal.emu.log.length}`): Promise<string> {
	const [out] = await portal.json({ resource: 'listElement', operation: 'create', ...list, ELEMENT_CODE: code, NAME: 'Case element' });
	return String(out.id);
}

async function newSection(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'listSection', operation: 'create', ...list, SECTION_CODE: `case-${portal.emu.log.length}`, NAME: 'Case section' });
	return String(out.id);
}

let listId = '';
let elementId = '';
async function newList(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'list', operation: 'create', IBLOCK_TYPE_ID: 'lists', IBLOCK_CODE: `case-${portal.emu.log.length}`, NAME: 'Case list' });
	return (listId = String(out.id));
}

async function newField(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'listField', operation: 'create', ...list, NAME: 'Case field', FIELD_TYPE: 'S' });
	return String(out.id);
}

export const listsCases: Cases = {
	'list.get': {
		parameters: async (portal) => {
			const [created] = await portal.json({ resource: 'list', operation: 'create', IBLOCK_TYPE_ID: 'lists', IBLOCK_CODE: 'fetched', NAME: 'Fetched' });
			return { IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: String(created.id) };
		},
		request: (params) => expect(params).toEqual({ IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: numeric }),
		// documented: flat list records with CODE (lists-get.md), not the FIELDS/IBLOCK_CODE of the request
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: numeric, IBLOCK_TYPE_ID: 'lists', CODE: 'fetched', NAME: 'Fetched' })]),
	},
	'list.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'list', operation: 'create', IBLOCK_TYPE_ID: 'lists', IBLOCK_CODE: 'listed', NAME: 'Listed' });
			return { IBLOCK_TYPE_ID: 'lists', returnAll: true, listOptions: { sort: '{"NAME": "ASC"}' } };
		},
		request: (params) => expect(params).toEqual({ IBLOCK_TYPE_ID: 'lists', IBLOCK_ORDER: { NAME: 'ASC' }, start: 0 }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(String), CODE: 'listed', NAME: 'Listed' })),
	},
	'list.create': {
		parameters: { IBLOCK_TYPE_ID: 'lists', IBLOCK_CODE: 'contracts', NAME: 'Contracts', additionalFields: { BIZPROC: true, MESSAGES: '{"ELEMENT_NAME": "Contract"}' } },
		request: (params) => expect(params).toEqual({ IBLOCK_TYPE_ID: 'lists', IBLOCK_CODE: 'contracts', FIELDS: { NAME: 'Contracts', BIZPROC: 'Y' }, MESSAGES: { ELEMENT_NAME: 'Contract' } }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'list.update': {
		parameters: async (portal) => ({ IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: await newList(portal), NAME: 'Deals archive', updateFields: { SORT: 20 } }),
		request: (params) => expect(params).toEqual({ IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: listId, FIELDS: { NAME: 'Deals archive', SORT: 20 } }),
		output: (items) => expect(items).toEqual([{ id: listId, updated: true }]),
	},
	'list.delete': {
		parameters: async (portal) => ({ IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: await newList(portal) }),
		request: (params) => expect(params).toEqual({ IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: listId }),
		output: (items) => expect(items).toEqual([{ id: listId, deleted: true }]),
	},

	'listElement.get': {
		parameters: async (portal) => {
			const [created] = await portal.json({ resource: 'listElement', operation: 'create', ...list, ELEMENT_CODE: 'got', NAME: 'Got' });
			return { ...list, ELEMENT_ID: (elementId = String(created.id)) };
		},
		request: (params) => expect(params).toEqual({ ...list, ELEMENT_ID: elementId }),
		// documented: the element as a flat record with CODE (lists-element-get.md)
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: elementId, CODE: 'got', NAME: 'Got' })]),
	},
	'listElement.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'listElement', operation: 'create', ...list, ELEMENT_CODE: 'listed', NAME: 'Listed' });
			return { ...list, returnAll: true, listOptions: { filter: '{"%NAME": "List"}', select: 'ID, NAME, PROPERTY_951' } };
		},
		request: (params) => expect(params).toEqual({ ...list, FILTER: { '%NAME': 'List' }, SELECT: ['ID', 'NAME', 'PROPERTY_951'], start: 0 }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ CODE: 'listed', NAME: 'Listed' })),
	},
	'listElement.create': {
		parameters: { ...list, ELEMENT_CODE: 'c-1', NAME: 'Contract 1', additionalFields: { IBLOCK_SECTION_ID: '3' }, customFields: { field: [{ name: 'PROPERTY_951', value: '500' }] } },
		request: (params) => expect(params).toEqual({ ...list, ELEMENT_CODE: 'c-1', FIELDS: { NAME: 'Contract 1', PROPERTY_951: '500' }, IBLOCK_SECTION_ID: '3' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'listElement.update': {
		parameters: async (portal) => ({ ...list, ELEMENT_ID: await newElement(portal), NAME: 'Contract 9', customFields: { field: [{ name: 'PROPERTY_1003', value: '["a", "b"]' }] } }),
		request: (params) => expect(params).toEqual({ ...list, ELEMENT_ID: numeric, FIELDS: { NAME: 'Contract 9', PROPERTY_1003: ['a', 'b'] } }),
		output: (items) => expect(items).toEqual([{ id: numeric, updated: true }]),
	},
	'listElement.delete': {
		parameters: async (portal) => ({ ...list, ELEMENT_ID: await newElement(portal) }),
		request: (params) => expect(params).toEqual({ ...list, ELEMENT_ID: numeric }),
		output: (items) => expect(items).toEqual([{ id: numeric, deleted: true }]),
	},
	'listElement.getFileUrl': {
		// answered generically, the element's row by its ID: seed the element's one file link
		parameters: async (portal) => {
			const ELEMENT_ID = await newElement(portal);
			seededRows(portal, 'lists.element.get.file', [{ ID: Number(ELEMENT_ID), CODE: '/bitrix/tools/disk/uf.php?attachedId=5&action=download' }]);
			return { ...list, ELEMENT_ID, FIELD_ID: 'PROPERTY_1003' };
		},
		request: (params) => expect(params).toEqual({ ...list, ELEMENT_ID: numeric, FIELD_ID: 'PROPERTY_1003' }),
		// documented result: an array of download links, one output item ({value}) each
		output: (items) => expect(items).toEqual([{ value: '/bitrix/tools/disk/uf.php?attachedId=5&action=download' }]),
	},

	'listField.getMany': {
		parameters: async (portal) => {
			await newField(portal);
			return list;
		},
		request: (params) => expect(params).toEqual(list),
		// one item per field (the result is keyed by field ID); the emulator does not carry FIELDS.NAME/TYPE over from lists.field.add
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toEqual(expect.objectContaining({ FIELD_ID: expect.any(String), NAME: expect.any(String), TYPE: expect.any(String) }));
		},
	},
	'listField.get': {
		parameters: async (portal) => ({ ...list, FIELD_ID: await newField(portal) }),
		request: (params) => expect(params).toEqual({ ...list, FIELD_ID: expect.stringMatching(/^PROPERTY_\d+$/) }),
		// documented: the field keyed by its ID (lists-field-get.md), one output item
		output: (items) => {
			expect(items).toHaveLength(1);
			expect(items[0]).toEqual(expect.objectContaining({ FIELD_ID: expect.stringMatching(/^PROPERTY_\d+$/), NAME: expect.any(String), TYPE: expect.any(String) }));
		},
	},
	'listField.create': {
		parameters: { ...list, NAME: 'Amount', FIELD_TYPE: 'N', additionalFields: { IS_REQUIRED: true, SORT: 30 } },
		request: (params) => expect(params).toEqual({ ...list, FIELDS: { NAME: 'Amount', TYPE: 'N', IS_REQUIRED: 'Y', SORT: 30 } }),
		output: (items) => expect(items).toEqual([{ id: expect.anything() }]),
	},
	'listField.update': {
		parameters: async (portal) => ({ ...list, FIELD_ID: await newField(portal), NAME: 'Total', FIELD_TYPE: 'S', updateFields: { MULTIPLE: false } }),
		request: (params) => expect(params).toEqual({ ...list, FIELD_ID: expect.any(String), FIELDS: { NAME: 'Total', TYPE: 'S', MULTIPLE: 'N' } }),
		output: (items) => expect(items).toEqual([{ id: expect.any(String), updated: true }]),
	},
	'listField.delete': {
		parameters: async (portal) => ({ ...list, FIELD_ID: await newField(portal) }),
		request: (params) => expect(params).toEqual({ ...list, FIELD_ID: expect.any(String) }),
		output: (items) => expect(items).toEqual([{ id: expect.any(String), deleted: true }]),
	},
	'listField.getTypes': {
		parameters: list,
		request: (params) => expect(params).toEqual(list),
		output: (items) => expect(items).toContainEqual({ type: 'SORT', title: expect.any(String) }),
	},

	'listSection.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'listSection', operation: 'create', ...list, SECTION_CODE: 'listed', NAME: 'Listed' });
			return { ...list, options: { FILTER: '{"NAME": "Listed"}', SELECT: 'ID, NAME' } };
		},
		request: (params) => expect(params).toEqual({ ...list, FILTER: { NAME: 'Listed' }, SELECT: ['ID', 'NAME'] }),
		// documented: flat section records with CODE (lists-section-get.md)
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: numeric, CODE: 'listed', NAME: 'Listed' })),
	},
	'listSection.create': {
		parameters: { ...list, SECTION_CODE: 'docs', NAME: 'Documents', additionalFields: { IBLOCK_SECTION_ID: '2', ACTIVE: true } },
		request: (params) => expect(params).toEqual({ ...list, SECTION_CODE: 'docs', FIELDS: { NAME: 'Documents', ACTIVE: 'Y' }, IBLOCK_SECTION_ID: '2' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'listSection.update': {
		parameters: async (portal) => ({ ...list, SECTION_ID: await newSection(portal), NAME: 'Docs', updateFields: { SORT: 600 } }),
		request: (params) => expect(params).toEqual({ ...list, SECTION_ID: numeric, FIELDS: { NAME: 'Docs', SORT: 600 } }),
		output: (items) => expect(items).toEqual([{ id: numeric, updated: true }]),
	},
	'listSection.delete': {
		parameters: async (portal) => ({ ...list, SECTION_ID: await newSection(portal) }),
		request: (params) => expect(params).toEqual({ ...list, SECTION_ID: numeric }),
		output: (items) => expect(items).toEqual([{ id: numeric, deleted: true }]),
	},
};
