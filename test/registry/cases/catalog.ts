import type { IBinaryKeyData, IDataObject, INodeParameters } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

/** The trade catalog beyond products and sections: every family the emulator answers generically. */

export const one = (check: (item: IDataObject) => void) => (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	check(items[0]);
};
/** Create's answer: the ID of the newest row the emulator stored in `table` (a store table, e.g. `generic:crm.calllist`). */
export const createdIn = (portal: () => Portal, table: string) =>
	one((item) => {
		expect(Number(item.id)).toBeGreaterThan(0);
		expect(Number(item.id)).toBe(Math.max(...portal().emu.store.all(table).map((row) => Number(row.ID))));
	});
export const deleted = (id: string) => one((item) => expect(item).toEqual({ id, deleted: true }));
/** `*.getFields`: one item per documented field, each with its type. */
export const fieldList =
	(...names: string[]) =>
	(items: IDataObject[]) => {
		expect(items.map((item) => item.field)).toEqual(expect.arrayContaining(names));
		for (const item of items) expect(item).toHaveProperty('type');
	};

/** Puts a record with a fixed ID into a generically answered family (replacing one already there). */
export function placed(portal: Portal, table: string, record: IDataObject): void {
	portal.emu.store.remove(`generic:${table}`, record.ID as number);
	portal.emu.store.insert(`generic:${table}`, record);
}

export interface Family {
	resource: string;
	/** The emulator's table: the method prefix in lower case. */
	table: string;
	/** The page's name for the record ID on update (`Id` for measure, priceTypeLang, roundingRule). */
	updateKey?: string;
	/** A stored record in the documented shape, read back by get / getMany / update / delete. */
	record: IDataObject;
	/** Create: the node parameters and the `fields` they must send (read back in the answer). */
	create?: [INodeParameters, IDataObject];
	/** Update: Update Fields, the `fields` they must send, and the update's other (required) inputs. */
	update?: [INodeParameters, IDataObject, INodeParameters?];
	/** The documented record has no `id` (payer type domains, trade bindings). */
	noId?: boolean;
	/** Stored rows Get Many's Return All must read (default 1); more than 50 take a second page. */
	rows?: number;
	/** Fields `*.getFields` documents (a few). */
	fields?: string[];
}

/** Cases for the verbs a family has, all against records the case seeds itself. */
export function familyCases(fam: Family, id: number, verbs: string[]): Cases {
	const { resource, table, record } = fam;
	const stored = { ID: id, ...record };
	const cases: Cases = {};
	for (const verb of verbs) {
		if (verb === 'create' && fam.create) {
			const [parameters, fields] = fam.create;
			cases[`${resource}.create`] = {
				parameters,
				request: (params) => expect(params).toEqual({ fields }),
				output: one((item) => expect(item).toMatchObject(fam.noId ? fields : { id: expect.any(Number), ...fields })),
			};
		}
		if (verb === 'get')
			cases[`${resource}.get`] = {
				parameters: (portal) => (placed(portal, table, stored), { id: String(id) }),
				request: (params) => expect(params).toEqual({ id: String(id) }),
				output: one((item) => expect(item).toMatchObject({ id, ...record })),
			};
		if (verb === 'getMany') {
			// two rows by default, so a reader that drops or reorders rows fails
			const rows = Array.from({ length: fam.rows ?? 2 }, (_, k) => ({ ...stored, ID: id + k }));
			const lastStart = String(Math.floor((rows.length - 1) / 50) * 50);
			cases[`${resource}.getMany`] = {
				parameters: (portal) => (seededRows(portal, table, rows), { returnAll: true }),
				// the last page read starts at the last multiple of 50, and the family sends nothing else
				request: (params) => {
					expect(String(params.start)).toBe(lastStart);
					expect({ ...params, start: String(params.start) }).toEqual({ start: lastStart });
				},
				output: (items) => {
					expect(items).toHaveLength(rows.length);
					items.forEach((item, k) => expect(item).toMatchObject(fam.noId ? record : { id: rows[k].ID, ...record }));
					if (!fam.noId) expect(items.map((item) => item.id)).toEqual(rows.map((row) => row.ID));
				},
			};
		}
		if (verb === 'update' && fam.update) {
			const [updateFields, fields, inputs] = fam.update;
			cases[`${resource}.update`] = {
				parameters: (portal) => (placed(portal, table, stored), { id: String(id), ...inputs, updateFields }),
				request: (params) => expect(params).toEqual({ [fam.updateKey ?? 'id']: String(id), fields }),
				output: one((item) => expect(item).toMatchObject({ id, ...record, ...fields })),
			};
		}
		if (verb === 'delete')
			cases[`${resource}.delete`] = {
				parameters: (portal) => (placed(portal, table, stored), { id: String(id) }),
				request: (params) => expect(params).toEqual({ id: String(id) }),
				output: deleted(String(id)),
			};
		if (verb === 'getFields' && fam.fields)
			cases[`${resource}.getFields`] = {
				request: (params) => expect(params).toEqual({}),
				output: fieldList(...fam.fields),
			};
	}
	return cases;
}

export const crudVerbs = ['create', 'get', 'getMany', 'update', 'delete', 'getFields'];

// ---------- variations, parent products, services ----------

function elementCases(resource: string, table: string, iblockId: number, name: string): Cases {
	const record = { iblockId, name, active: 'Y', code: 'red', sort: 100 };
	return {
		...familyCases(
			{
				resource,
				table,
				record,
				create: [{ iblockId, name, additionalFields: { active: true, code: 'red', sort: 100 } }, { iblockId, name, active: 'Y', code: 'red', sort: 100 }],
				update: [{ name: `${name} 2`, active: false }, { name: `${name} 2`, active: 'N' }],
			},
			41,
			['create', 'get', 'update', 'delete'],
		),
		[`${resource}.getMany`]: {
			parameters: (portal) => {
				seededRows(portal, table, [
					{ ID: 41, ...record },
					{ ID: 42, ...record, iblockId: iblockId + 1 },
				]);
				return { iblockId, select: 'id, iblockId, name, code', returnAll: true, listFilter: { conditions: '{"active": "Y"}' } };
			},
			request: (params) => expect(params).toMatchObject({ select: ['id', 'iblockId', 'name', 'code'], filter: { active: 'Y', iblockId }, start: 0 }),
			// the rows of that catalog only
			output: one((item) => expect(item).toMatchObject({ id: 41, iblockId, name, code: 'red' })),
		},
		[`${resource}.getFieldsByFilter`]: {
			parameters: { iblockId },
			request: (params) => expect(params).toEqual({ filter: { iblockId } }),
			// the page's example: every field described by type, name and flags
			output: (items) => {
				expect(items.map((item) => item.field)).toEqual(expect.arrayContaining(['active', 'code', 'iblockId', 'name']));
				for (const item of items) expect(item).toMatchObject({ type: expect.any(String), isRequired: expect.any(Boolean) });
			},
		},
	};
}

// ---------- images ----------

const IMAGE = Buffer.from('89504e470d0a1a0a', 'hex');
const image: IBinaryKeyData = { data: { data: IMAGE.toString('base64'), mimeType: 'image/png', fileName: 'chair.png' } };
const imageRecord = { productId: 5, name: 'chair.png', type: 'MORE_PHOTO', detailUrl: '/upload/chair.png' };

const imageCases: Cases = {
	'productImage.create': {
		parameters: { productId: 5, binaryPropertyName: 'data', additionalFields: { type: 'DETAIL_PICTURE' } },
		binary: [image],
		request: (params) => expect(params).toEqual({ fields: { productId: 5, type: 'DETAIL_PICTURE' }, fileContent: ['chair.png', IMAGE.toString('base64')] }),
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), productId: 5, type: 'DETAIL_PICTURE' })),
	},
	'productImage.get': {
		parameters: (portal) => (placed(portal, 'catalog.productimage', { ID: 61, ...imageRecord }), { productId: 5, id: '61' }),
		request: (params) => expect(params).toEqual({ productId: 5, id: '61' }),
		output: one((item) => expect(item).toMatchObject({ id: 61, ...imageRecord })),
	},
	// 55 images: Return All reads the second page of 50 (start 50)
	'productImage.getMany': {
		parameters: (portal) => (
			seededRows(portal, 'catalog.productimage', Array.from({ length: 55 }, (_, k) => ({ ID: 61 + k, ...imageRecord }))),
			{ productId: 5, returnAll: true, listOptions: { select: 'id, name, type' } }
		),
		request: (params) => expect(params).toEqual({ productId: '5', select: ['id', 'name', 'type'], start: '50' }),
		output: (items) => expect(items).toEqual(Array.from({ length: 55 }, (_, k) => expect.objectContaining({ id: 61 + k, name: 'chair.png', type: 'MORE_PHOTO' }))),
	},
	'productImage.delete': {
		parameters: (portal) => (placed(portal, 'catalog.productimage', { ID: 61, ...imageRecord }), { productId: 5, id: '61' }),
		request: (params) => expect(params).toEqual({ productId: 5, id: '61' }),
		output: deleted('61'),
	},
	'productImage.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('id', 'name', 'productId', 'type'),
	},
};

// ---------- inventory documents ----------

const documentIds = '7, 8';
const documentCases: Cases = {
	...familyCases(
		{
			resource: 'inventoryDocument',
			table: 'catalog.document',
			record: { docType: 'A', title: 'Receipt 1', currency: 'USD', responsibleId: 1, status: 'N' },
			create: [
				{ docType: 'A', currency: 'USD', responsibleId: 1, additionalFields: { title: 'Receipt 1', docNumber: 'IN-42' } },
				{ docType: 'A', currency: 'USD', responsibleId: 1, title: 'Receipt 1', docNumber: 'IN-42' },
			],
			update: [{ title: 'Receipt 2', commentary: 'Checked' }, { title: 'Receipt 2', commentary: 'Checked' }],
			fields: ['docType', 'currency', 'responsibleId', 'title'],
		},
		7,
		['create', 'getMany', 'update', 'delete', 'getFields'],
	),
	'inventoryDocument.conduct': {
		parameters: { id: '7' },
		request: (params) => expect(params).toEqual({ id: '7' }),
		output: one((item) => expect(item).toEqual({ id: '7', success: true })),
	},
	'inventoryDocument.cancel': {
		parameters: { id: '7' },
		request: (params) => expect(params).toEqual({ id: '7' }),
		output: one((item) => expect(item).toEqual({ id: '7', success: true })),
	},
	...Object.fromEntries(
		(['conductMany', 'cancelMany', 'deleteMany'] as const).map((op) => [
			`inventoryDocument.${op}`,
			{
				parameters: { documentIds },
				request: (params: IDataObject) => expect(params).toEqual({ documentIds: ['7', '8'] }),
				output: one((item) => expect(item).toEqual({ documentIds: ['7', '8'], success: true })),
			},
		]),
	),
	'inventoryDocument.getModeStatus': {
		request: (params) => expect(params).toEqual({}),
		// catalog-document-mode-status.md: "Y" when inventory management is on
		output: one((item) => expect(item).toEqual({ enabled: true })),
	},
	'inventoryDocument.getTypes': {
		request: (params) => expect(params).toEqual({}),
		// catalog-enum-get-store-document-types.md: A, S, M, R, D with their names
		output: (items) => {
			expect(items.map((item) => item.id)).toEqual(['A', 'S', 'M', 'R', 'D']);
			expect(items[0]).toEqual({ id: 'A', name: 'Goods Receipt' });
		},
	},
	'inventoryDocument.getCustomFields': {
		parameters: (portal) => {
			seededRows(portal, 'catalog.userfield.document', [
				{ ID: 7, documentId: 7, documentType: 'A', field7097: 'Dock 3' },
				{ ID: 9, documentId: 9, documentType: 'S', field7097: 'Dock 1' },
			]);
			return { documentType: 'A', select: 'documentId, documentType, field7097', returnAll: true, listFilter: { conditions: '{">documentId": 1}' } };
		},
		request: (params) => expect(params).toMatchObject({ select: ['documentId', 'documentType', 'field7097'], filter: { '>documentId': 1, documentType: 'A' } }),
		output: one((item) => expect(item).toMatchObject({ documentId: 7, documentType: 'A', field7097: 'Dock 3' })),
	},
	'inventoryDocument.updateCustomFields': {
		parameters: (portal) => {
			placed(portal, 'catalog.userfield.document', { ID: 7, documentId: 7, documentType: 'A', field7097: 'Dock 3' });
			return { documentId: '7', documentType: 'A', fieldValues: '{"field7097": "Dock 4"}' };
		},
		request: (params) => expect(params).toEqual({ documentId: '7', fields: { documentType: 'A', field7097: 'Dock 4' } }),
		output: one((item) => expect(item).toMatchObject({ documentId: 7, documentType: 'A', field7097: 'Dock 4' })),
	},
	...familyCases(
		{
			resource: 'inventoryDocumentProduct',
			table: 'catalog.document.element',
			record: { docId: 7, elementId: 5, storeTo: 2, amount: 10, purchasingPrice: 40 },
			create: [
				{ docId: 7, elementId: 5, additionalFields: { storeTo: 2, amount: 10 } },
				{ docId: 7, elementId: 5, storeTo: 2, amount: 10 },
			],
			update: [{ amount: 12, purchasingPrice: 45 }, { amount: 12, purchasingPrice: 45 }],
			fields: ['docId', 'elementId', 'amount'],
		},
		71,
		['create', 'getMany', 'update', 'delete', 'getFields'],
	),
	...familyCases(
		{
			resource: 'documentVendor',
			table: 'catalog.documentcontractor',
			record: { documentId: 7, entityTypeId: 4, entityId: 3 },
			create: [
				{ documentId: 7, entityTypeId: 4, entityId: 3 },
				{ documentId: 7, entityTypeId: 4, entityId: 3 },
			],
			fields: ['documentId', 'entityTypeId', 'entityId'],
		},
		72,
		['create', 'delete', 'getFields'],
	),
	'documentVendor.getMany': {
		parameters: (portal) => (seededRows(portal, 'catalog.documentcontractor', [{ ID: 72, documentId: 7, entityTypeId: 4, entityId: 3 }]), { returnAll: true, listOptions: { filter: '{"documentId": 7}' } }),
		request: (params) => expect(params.filter).toEqual({ documentId: 7 }),
		output: one((item) => expect(item).toMatchObject({ id: 72, documentId: 7 })),
	},
};

// ---------- warehouses, stock, units, VAT, ratios, markups ----------

const storeCases: Cases = {
	...familyCases(
		{
			resource: 'store',
			table: 'catalog.store',
			record: { title: 'North', address: '1 Main St', active: 'Y', sort: 100 },
			create: [
				{ address: '1 Main St', additionalFields: { title: 'North', active: true, sort: 100 } },
				{ address: '1 Main St', title: 'North', active: 'Y', sort: 100 },
			],
			update: [{ title: 'North 2', issuingCenter: true }, { title: 'North 2', issuingCenter: 'Y' }],
			fields: ['address', 'title', 'active'],
		},
		2,
		['create', 'get', 'update', 'delete', 'getFields'],
	),
	...familyCases(
		{ resource: 'storeProduct', table: 'catalog.storeproduct', record: { productId: 5, storeId: 2, amount: 14 }, fields: ['productId', 'storeId', 'amount'] },
		81,
		['get', 'getMany', 'getFields'],
	),
	...familyCases(
		{
			resource: 'unitOfMeasure',
			table: 'catalog.measure',
			updateKey: 'Id',
			record: { code: 796, measureTitle: 'Piece', symbol: 'pcs', isDefault: 'N' },
			create: [
				{ measureCode: 796, measureTitle: 'Piece', additionalFields: { symbol: 'pcs', isDefault: false } },
				{ code: 796, measureTitle: 'Piece', symbol: 'pcs', isDefault: 'N' },
			],
			update: [{ measureTitle: 'Pieces', symbolIntl: 'PCE' }, { measureTitle: 'Pieces', symbolIntl: 'PCE' }],
			fields: ['code', 'measureTitle', 'symbol'],
		},
		9,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'vatRate',
			table: 'catalog.vat',
			record: { name: 'VAT 20%', rate: 20, active: 'Y', sort: 100 },
			create: [
				{ name: 'VAT 20%', rate: 20, additionalFields: { active: true } },
				{ name: 'VAT 20%', rate: 20, active: 'Y' },
			],
			update: [{ rate: 21, sort: 200 }, { rate: 21, sort: 200 }],
			fields: ['name', 'rate', 'active'],
		},
		3,
		crudVerbs,
	),
	...familyCases({ resource: 'unitRatio', table: 'catalog.ratio', record: { productId: 5, ratio: 6, isDefault: 'Y' }, fields: ['productId', 'ratio'] }, 11, ['get', 'getMany', 'getFields']),
	...familyCases({ resource: 'priceMarkup', table: 'catalog.extra', record: { name: 'Retail', percentage: 15.5 }, fields: ['name', 'percentage'] }, 12, ['get', 'getMany', 'getFields']),
};

// ---------- properties ----------

const propertyCases: Cases = {
	...familyCases(
		{
			resource: 'productProperty',
			table: 'catalog.productproperty',
			record: { iblockId: 14, name: 'Brand', propertyType: 'L' },
			create: [
				{ iblockId: 14, name: 'Brand', propertyType: 'L', additionalFields: { multiple: true, sort: 10 } },
				{ iblockId: 14, name: 'Brand', propertyType: 'L', multiple: 'Y', sort: 10 },
			],
			update: [{ name: 'Maker', searchable: true }, { name: 'Maker', searchable: 'Y' }],
			fields: ['active', 'code', 'xmlId'],
		},
		115,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'productPropertyValue',
			table: 'catalog.productpropertyenum',
			record: { propertyId: 115, value: 'Acme', xmlId: 'acme', sort: 10 },
			create: [
				{ propertyId: 115, value: 'Acme', xmlId: 'acme', additionalFields: { def: true } },
				{ propertyId: 115, value: 'Acme', xmlId: 'acme', def: 'Y' },
			],
			update: [{ value: 'Acme Inc', sort: 20 }, { value: 'Acme Inc', sort: 20 }],
			fields: ['propertyId', 'value', 'xmlId'],
		},
		116,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'productPropertyFeature',
			table: 'catalog.productpropertyfeature',
			record: { propertyId: 115, moduleId: 'catalog', featureId: 'OFFER_TREE', isEnabled: 'Y' },
			create: [
				{ propertyId: 115, moduleId: 'catalog', featureId: 'OFFER_TREE', isEnabled: true },
				{ propertyId: 115, moduleId: 'catalog', featureId: 'OFFER_TREE', isEnabled: 'Y' },
			],
			update: [{ isEnabled: false }, { isEnabled: 'N' }],
			fields: ['propertyId', 'featureId', 'isEnabled'],
		},
		117,
		['create', 'get', 'getMany', 'update', 'getFields'],
	),
	'productPropertyFeature.getAvailable': {
		parameters: { propertyId: 115 },
		request: (params) => expect(params).toEqual({ propertyId: 115 }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toMatchObject({ featureId: expect.any(String), featureName: expect.any(String), moduleId: expect.any(String) });
		},
	},
	'productPropertySection.get': {
		parameters: (portal) => (seededRows(portal, 'catalog.productpropertysection', [{ ID: 1, propertyId: 116, smartFilter: 'Y', displayType: 'K', displayExpanded: 'Y', filterHint: 'Colour' }]), { propertyId: 116 }),
		request: (params) => expect(params).toEqual({ propertyId: 116 }),
		output: one((item) => expect(item).toEqual({ propertyId: 116, smartFilter: 'Y', displayType: 'K', displayExpanded: 'Y', filterHint: 'Colour' })),
	},
	'productPropertySection.getMany': {
		parameters: (portal) => (
			seededRows(portal, 'catalog.productpropertysection', [
				{ ID: 1, propertyId: 115, smartFilter: 'Y', displayType: 'F', displayExpanded: 'N', filterHint: 'Brand' },
				{ ID: 2, propertyId: 116, smartFilter: 'N', displayType: 'K', displayExpanded: 'Y', filterHint: 'Colour' },
			]),
			{ returnAll: true }
		),
		request: (params) => {
			expect(String(params.start)).toBe('0');
			expect({ ...params, start: String(params.start) }).toEqual({ start: '0' });
		},
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ propertyId: 115, smartFilter: 'Y', displayType: 'F', filterHint: 'Brand' });
			expect(items[1]).toMatchObject({ propertyId: 116, smartFilter: 'N', displayType: 'K', filterHint: 'Colour' });
		},
	},
	'productPropertySection.set': {
		parameters: { propertyId: 115, updateFields: { smartFilter: true, displayType: 'P', filterHint: 'Pick a brand' } },
		request: (params) => expect(params).toEqual({ propertyId: 115, fields: { smartFilter: 'Y', displayType: 'P', filterHint: 'Pick a brand' } }),
		// catalog-product-property-section-set.md: the settings as saved, ids as strings
		output: one((item) => expect(item).toMatchObject({ propertyId: '115', smartFilter: 'Y', displayType: 'P', filterHint: 'Pick a brand', sectionId: '0' })),
	},
};

// ---------- price types, translations, access, rounding; catalog, price and section extras ----------

const priceCases: Cases = {
	...familyCases(
		{
			resource: 'priceType',
			table: 'catalog.pricetype',
			record: { name: 'WHOLESALE', base: 'N', sort: 200, xmlId: 'wholesale' },
			create: [
				{ name: 'WHOLESALE', additionalFields: { base: false, sort: 200 } },
				{ name: 'WHOLESALE', base: 'N', sort: 200 },
			],
			update: [{ name: 'WHOLESALE 2', xmlId: 'w2' }, { name: 'WHOLESALE 2', xmlId: 'w2' }],
			fields: ['name', 'base', 'sort'],
		},
		5,
		['create', 'get', 'update', 'delete', 'getFields'],
	),
	...familyCases(
		{
			resource: 'priceTypeTranslation',
			table: 'catalog.pricetypelang',
			updateKey: 'Id',
			record: { catalogGroupId: 5, name: 'Wholesale', lang: 'en' },
			create: [
				{ catalogGroupId: 5, name: 'Wholesale', lang: 'en' },
				{ catalogGroupId: 5, name: 'Wholesale', lang: 'en' },
			],
			update: [{ name: 'Bulk' }, { name: 'Bulk' }],
			fields: ['catalogGroupId', 'name', 'lang'],
		},
		21,
		crudVerbs,
	),
	'priceTypeTranslation.getLanguages': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => {
			expect(items).toContainEqual({ active: 'Y', lid: 'en', name: 'English' });
			for (const item of items) expect(item).toMatchObject({ active: expect.any(String), lid: expect.any(String) });
		},
	},
	...familyCases(
		{
			resource: 'priceTypeAccess',
			table: 'catalog.pricetypegroup',
			record: { catalogGroupId: 5, groupId: 2, access: 'Y' },
			create: [
				{ catalogGroupId: 5, groupId: 2, access: false },
				{ catalogGroupId: 5, groupId: 2, access: 'N' },
			],
			fields: ['catalogGroupId', 'groupId', 'access'],
		},
		22,
		['create', 'getMany', 'delete', 'getFields'],
	),
	...familyCases(
		{
			resource: 'roundingRule',
			table: 'catalog.roundingrule',
			updateKey: 'Id',
			record: { catalogGroupId: 5, price: 100, roundType: 2, roundPrecision: 10 },
			create: [
				{ catalogGroupId: 5, price: 100, roundType: 2, roundPrecision: 10 },
				{ catalogGroupId: 5, price: 100, roundType: 2, roundPrecision: 10 },
			],
			update: [{ roundType: 4 }, { roundType: 4 }],
			fields: ['catalogGroupId', 'price', 'roundType'],
		},
		23,
		crudVerbs,
	),
	'roundingRule.getRoundTypes': {
		request: (params) => expect(params).toEqual({}),
		// catalog-enum-get-round-types.md: 1 mathematical, 2 up, 4 down
		output: (items) => expect(items).toEqual([
			{ id: 1, name: 'Mathematical' },
			{ id: 2, name: 'In Favor of the Store' },
			{ id: 4, name: 'In Favor of the Customer' },
		]),
	},
	'catalog.get': {
		parameters: (portal) => (placed(portal, 'catalog.catalog', { ID: 14, iblockId: 14, name: 'Products', lid: 's1' }), { id: '14' }),
		request: (params) => expect(params).toEqual({ id: '14' }),
		output: one((item) => expect(item).toMatchObject({ id: 14, iblockId: 14, name: 'Products', lid: 's1' })),
	},
	'catalog.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('iblockId', 'name', 'productIblockId'),
	},
	'catalog.isVariationCatalog': {
		parameters: { id: '15' },
		request: (params) => expect(params).toEqual({ id: '15' }),
		// catalog-catalog-is-offers.md: true for a variations catalog
		output: one((item) => expect(item).toEqual({ id: '15', isVariationCatalog: true })),
	},
	'price.setPrices': {
		parameters: (portal) => {
			placed(portal, 'catalog.price', { ID: 122, productId: 8, catalogGroupId: 5, price: 1900, currency: 'USD' });
			placed(portal, 'catalog.price', { ID: 123, productId: 8, catalogGroupId: 3, price: 1900, currency: 'USD' });
			return { productId: 8, prices: '[{"catalogGroupId": 1, "price": 2001, "currency": "USD"}, {"id": 122, "catalogGroupId": 5, "price": 2001, "currency": "USD"}]' };
		},
		request: (params) =>
			expect(params).toEqual({
				fields: {
					product: {
						id: 8,
						prices: [
							{ catalogGroupId: 1, price: 2001, currency: 'USD' },
							{ id: 122, catalogGroupId: 5, price: 2001, currency: 'USD' },
						],
					},
				},
			}),
		// catalog-price-modify.md: the product's prices now; price 123 (not listed) is gone
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items).toContainEqual(expect.objectContaining({ id: 122, productId: 8, catalogGroupId: 5, price: 2001 }));
			expect(items).toContainEqual(expect.objectContaining({ id: expect.any(Number), productId: 8, catalogGroupId: 1, price: 2001, currency: 'USD' }));
		},
	},
	'price.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('productId', 'catalogGroupId', 'price', 'currency'),
	},
	'catalogSection.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('iblockId', 'name', 'iblockSectionId'),
	},
	'product.getFieldsByFilter': {
		parameters: { iblockId: 14 },
		request: (params) => expect(params).toEqual({ filter: { iblockId: 14 } }),
		output: (items) => {
			expect(items.map((item) => item.field)).toEqual(expect.arrayContaining(['active', 'iblockId', 'name']));
			for (const item of items) expect(item).toMatchObject({ type: expect.any(String), isReadOnly: expect.any(Boolean) });
		},
	},
};

export const catalogCases: Cases = {
	...elementCases('productVariation', 'catalog.product.offer', 15, 'Red chair'),
	...elementCases('parentProduct', 'catalog.product.sku', 14, 'Chair'),
	...elementCases('catalogService', 'catalog.product.service', 14, 'Assembly'),
	...imageCases,
	...documentCases,
	...storeCases,
	...propertyCases,
	...priceCases,
};
