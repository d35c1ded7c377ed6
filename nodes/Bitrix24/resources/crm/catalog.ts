import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { bool, fieldsOf, fieldsOp, id, json, list, num, str, toFields } from '../shared';
import { productRowMore } from './payments';

/** The trade catalog (catalog.*) and the product rows of CRM items (crm.item.productrow.*). */

export const f = toFields;
export const offsetPaging = { mode: 'start' as const, filterKey: 'filter', orderKey: 'order', selectKey: 'select' };
export const iblockId = num('iblockId', 'Catalog ID', { required: true, default: 0, description: 'Information block ID of the catalog (see Catalog → Get Many)' });

/**
 * Product and section lists require `iblockId` inside `filter`, which the generic Filter option would
 * replace: the catalog ID and the optional extra conditions are merged into one filter here.
 */
export function iblockList(method: string, itemsPath: string, entity: string, select: string): OperationSpec {
	return {
		value: 'getMany',
		name: 'Get Many',
		action: `Get many ${entity}`,
		method,
		kind: 'getMany',
		params: [iblockId, list('select', 'Fields', { required: true, default: select, description: 'Comma-separated fields to return; id and iblockId are required' })],
		optional: [json('conditions', 'Filter (JSON)', { description: 'More conditions, e.g. {"%name": "chair", ">id": 100}' })],
		optionalName: 'listFilter',
		paging: { mode: 'start', itemsPath, orderKey: 'order' },
		prepare: (params: IDataObject) => {
			const { iblockId: catalogId, conditions, ...rest } = params;
			return { ...rest, filter: { ...((conditions as IDataObject) ?? {}), iblockId: catalogId } };
		},
	};
}

/** `*.getFieldsByFilter`: the fields of one catalog (its properties included), one item per field. */
export const fieldsByFilter = (prefix: string, wrap: string, noun: string): OperationSpec => ({
	value: 'getFieldsByFilter',
	name: 'Get Fields By Filter',
	action: `Get the ${noun} fields of a catalog`,
	description: 'Fields of the catalog, its properties included',
	method: `${prefix}.getFieldsByFilter`,
	kind: 'fields',
	params: [{ ...iblockId, to: 'filter.iblockId' }],
	output: fieldsOf(wrap),
	since: 2,
});

export const productFields = [
	f(bool('active', 'Active', 'Whether the product is active', { yn: true })),
	f(str('code', 'Code')),
	f(str('xmlId', 'External ID')),
	f(num('iblockSectionId', 'Section ID')),
	f(str('previewText', 'Short Description')),
	f(str('detailText', 'Description')),
	f(num('purchasingPrice', 'Purchase Price')),
	f(str('purchasingCurrency', 'Purchase Currency', { placeholder: 'e.g. USD' })),
	f(num('vatId', 'VAT Rate ID')),
	f(bool('vatIncluded', 'VAT Included', 'Whether the price includes VAT', { yn: true })),
	f(num('measure', 'Unit of Measure ID')),
	f(num('quantity', 'Quantity in Stock')),
	f(num('weight', 'Weight')),
	f(num('sort', 'Sort')),
];

export const product = crud({
	value: 'product',
	name: 'Product',
	group: 'CRM',
	description: 'Products of the trade catalog (catalog.product.*)',
	prefix: 'catalog.product',
	noun: 'product',
	key: [id('id', 'Product ID')],
	create: [f(iblockId), f(str('name', 'Name', { required: true }))],
	fields: productFields,
	updateFirst: [f(str('name', 'Name'))],
	updateFixed: { fields: {} },
	unwrap: 'element',
	verbs: [
		'create',
		'get',
		iblockList('catalog.product.list', 'products', 'products', 'id, iblockId, name, active, code, xmlId, iblockSectionId, purchasingPrice, purchasingCurrency, quantity'),
		'update',
		'delete',
	],
	override: { get: { unwrap: 'product' } },
	more: [fieldsByFilter('catalog.product', 'product', 'product')],
});

const sectionFields = [
	f(num('iblockSectionId', 'Parent Section ID')),
	f(str('code', 'Code')),
	f(str('xmlId', 'External ID')),
	f(num('sort', 'Sort')),
	f(bool('active', 'Active', 'Whether the section is active', { yn: true })),
	f(str('description', 'Description')),
];
const sectionId = id('id', 'Section ID');
const sectionKey = [f(iblockId), f(str('name', 'Name', { required: true }))];

export const catalogSection = crud({
	value: 'catalogSection',
	name: 'Catalog Section',
	group: 'CRM',
	prefix: 'catalog.section',
	noun: 'catalog section',
	key: [sectionId],
	create: sectionKey,
	fields: sectionFields,
	unwrap: 'section',
	verbs: ['create', 'get', iblockList('catalog.section.list', 'sections', 'catalog sections', 'id, iblockId, iblockSectionId, name, code, xmlId, sort, active'), 'update', 'delete'],
	override: { update: { params: [sectionId, ...sectionKey] } },
	more: [{ ...fieldsOp('catalog.section.getFields', 'catalog section'), output: fieldsOf('section'), since: 2 }],
});

export const catalog: ResourceSpec = {
	value: 'catalog',
	name: 'Catalog',
	group: 'CRM',
	description: 'Trade catalogs; their IDs are the Catalog IDs products and sections need',
	operations: [
		{ value: 'getMany', name: 'Get Many', action: 'Get many catalogs', method: 'catalog.catalog.list', kind: 'getMany', paging: { ...offsetPaging, itemsPath: 'catalogs' } },
		{ value: 'get', name: 'Get', action: 'Get a catalog', method: 'catalog.catalog.get', kind: 'get', params: [id('id', 'Catalog ID')], unwrap: 'catalog', since: 2 },
		{ ...fieldsOp('catalog.catalog.getFields', 'catalog'), output: fieldsOf('catalog'), since: 2 },
		{
			value: 'isVariationCatalog',
			name: 'Is Variation Catalog',
			action: 'Check whether a catalog holds variations',
			method: 'catalog.catalog.isOffers',
			kind: 'action',
			params: [id('id', 'Catalog ID')],
			output: (result, request) => ({ id: (request as IDataObject).id as string, isVariationCatalog: result === true }),
			since: 2,
		},
	],
	// saved workflows omit the default: Get Many stays it
	defaultOperation: 'getMany',
};

const priceId = id('id', 'Price ID');
const priceValue = [f(num('price', 'Price', { required: true })), f(str('currency', 'Currency', { required: true, placeholder: 'e.g. USD' }))];

export const price = crud({
	value: 'price',
	name: 'Product Price',
	group: 'CRM',
	prefix: 'catalog.price',
	noun: 'product price',
	key: [priceId],
	create: [
		f(num('productId', 'Product ID', { required: true })),
		f(num('catalogGroupId', 'Price Type ID', { required: true, default: 1, description: 'See Price Type → Get Many' })),
		...priceValue,
	],
	unwrap: 'price',
	paging: { ...offsetPaging, itemsPath: 'prices' },
	override: { update: { params: [priceId, ...priceValue] } },
	more: [
		{
			value: 'setPrices',
			name: 'Set Prices',
			action: 'Set the prices of a product',
			description: 'Replaces the product\'s prices: price types not in the list lose their price',
			method: 'catalog.price.modify',
			kind: 'update',
			params: [
				num('productId', 'Product ID', { required: true, default: 0, to: 'fields.product.id' }),
				json('prices', 'Prices (JSON)', {
					required: true,
					shape: 'array',
					to: 'fields.product.prices',
					description: 'e.g. [{"catalogGroupId": 1, "price": 100, "currency": "USD"}]; a price with an ID updates that price',
				}),
			],
			unwrap: 'prices',
			since: 2,
		},
		{ ...fieldsOp('catalog.price.getFields', 'product price'), output: fieldsOf('price'), since: 2 },
	],
});

const ownerType = str('ownerType', 'Owner Type', { required: true, default: 'D', description: 'Short code of the owner: L lead, D deal, Q quote, SI invoice, T<hex type ID> smart process' });
const ownerId = num('ownerId', 'Owner ID', { required: true, default: 0, description: 'ID of the CRM record' });
const rowFields = [
	f(num('productId', 'Product ID')),
	f(str('productName', 'Product Name')),
	f(num('price', 'Price')),
	f(num('quantity', 'Quantity')),
	f(num('discountTypeId', 'Discount Type', { description: '1 absolute amount, 2 percent' })),
	f(num('discountRate', 'Discount Rate')),
	f(num('discountSum', 'Discount Amount')),
	f(num('taxRate', 'Tax Rate')),
	f(bool('taxIncluded', 'Tax Included', 'Whether the price includes tax', { yn: true })),
	f(num('measureCode', 'Unit of Measure Code')),
	f(num('sort', 'Sort')),
];

export const productRow = crud({
	value: 'productRow',
	name: 'Product Row',
	group: 'CRM',
	description: 'Products of any CRM item (crm.item.productrow.*)',
	prefix: 'crm.item.productrow',
	noun: 'product row',
	key: [id('id', 'Product Row ID')],
	create: [f(ownerType), f(ownerId)],
	fields: rowFields,
	updateFixed: { fields: {} },
	unwrap: 'productRow',
	verbs: ['create', 'getMany', 'update', 'delete'],
	override: {
		create: { action: 'Add a product row to an item' },
		getMany: {
			action: 'Get the product rows of an item',
			params: [{ ...ownerType, to: 'filter.=ownerType' }, { ...ownerId, to: 'filter.=ownerId' }],
			paging: { mode: 'start', itemsPath: 'productRows', orderKey: 'order' },
		},
	},
	more: [
		{
			value: 'set',
			name: 'Set',
			action: 'Replace the product rows of an item',
			description: 'Rows not in the list are removed',
			method: 'crm.item.productrow.set',
			kind: 'update',
			params: [
				ownerType,
				ownerId,
				json('productRows', 'Product Rows (JSON)', {
					required: true,
					shape: 'array',
					description: 'Rows in camelCase, e.g. [{"productId": 12, "price": 100, "quantity": 2}]; an empty array removes all rows',
				}),
			],
			unwrap: 'productRows',
		},
		...productRowMore,
	],
});
