import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import type { CrudFamily, CrudVerb } from '../crud';
import { ALL_VERBS, crud } from '../crud';
import { binaryProperty, withFileContent } from '../drive/binary';
import { act, changed, fieldsOf, fieldsOp, id, json, list, num, str, yesNo } from '../shared';
import { f, fieldsByFilter, iblockId, iblockList, offsetPaging, productFields } from './catalog';

/**
 * The rest of the trade catalog (catalog.*): variations, parent products, services, images, warehouses
 * and stock, inventory documents, units, VAT, properties, price types and rounding. Every method takes
 * camelCase `fields` and answers `{ <noun>: {...} }` / `{ <nouns>: [...] }`; new in node version 2.
 */

export const optional = (spec: ParamSpec): ParamSpec => ({ ...spec, required: false, default: undefined });
export interface CamelFamily extends Pick<CrudFamily, 'value' | 'name' | 'description' | 'prefix' | 'noun' | 'plural' | 'create' | 'fields' | 'override' | 'paging'> {
	/** Default CRM (the trade catalog's existing resources). */
	group?: string;
	/** Update's inputs before `fields` (default: create's, optional). */
	updateFirst?: ParamSpec[];
	/** The fields method when the page spells it in lower case (`sale.shipmentitem.getfields`). */
	fieldsMethod?: string;
	/** The record's key inside `result` (get/add/update) and the list's key (list). */
	wrap: string;
	listWrap?: string;
	/** The ID input; update takes it as `Id` in the families whose page spells it so. */
	key?: ParamSpec;
	updateKey?: string;
	verbs: Array<CrudVerb | OperationSpec>;
	more?: OperationSpec[];
	defaultOperation?: string;
}

/** A family of camelCase `fields` methods answering `{ <wrap>: record }` / `{ <listWrap>: [...] }`, new in version 2. */
export function camelFamily(spec: CamelFamily): ResourceSpec {
	const key = spec.key ?? id('id', `${spec.name} ID`);
	const resource = crud({
		value: spec.value,
		name: spec.name,
		group: spec.group ?? 'CRM',
		description: spec.description,
		prefix: spec.prefix,
		noun: spec.noun,
		plural: spec.plural,
		key: [key],
		create: spec.create,
		fields: spec.fields,
		updateFirst: spec.updateFirst ?? spec.create?.map(optional),
		updateFixed: { fields: {} },
		unwrap: spec.wrap,
		paging: spec.paging ?? (spec.listWrap ? { ...offsetPaging, itemsPath: spec.listWrap } : undefined),
		verbs: spec.verbs,
		every: { since: 2 },
		override: {
			fields: { method: spec.fieldsMethod ?? `${spec.prefix}.getFields`, output: fieldsOf(spec.wrap) },
			...(spec.updateKey ? { update: { params: [{ ...key, to: spec.updateKey }] } } : {}),
			...spec.override,
		},
		more: spec.more?.map((op) => ({ since: 2, ...op })),
	});
	return spec.defaultOperation ? { ...resource, defaultOperation: spec.defaultOperation } : resource;
}

// ---------- variations, parent products, services ----------

const elementSelect = 'id, iblockId, name, active, code, xmlId, iblockSectionId, sort';

function elementFamily(value: string, name: string, prefix: string, noun: string, wrap: string, listWrap: string, fields: ParamSpec[], description: string): ResourceSpec {
	return camelFamily({
		value,
		name,
		description,
		prefix,
		noun,
		wrap,
		key: id('id', `${name} ID`),
		create: [f(iblockId), f(str('name', 'Name', { required: true }))],
		// the update pages' fields have no iblockId: a record stays in its catalog
		updateFirst: [f(str('name', 'Name'))],
		fields,
		verbs: ['create', 'get', { ...iblockList(`${prefix}.list`, listWrap, `${noun}s`, elementSelect), since: 2 }, 'update', 'delete'],
		more: [fieldsByFilter(prefix, wrap, noun)],
	});
}

export const productVariation = elementFamily(
	'productVariation',
	'Product Variation',
	'catalog.product.offer',
	'product variation',
	'offer',
	'offers',
	[f(num('parentId', 'Parent Product ID', { description: 'The parent product this variation belongs to' })), ...productFields],
	'Variations (offers) of catalog products (catalog.product.offer.*)',
);

export const parentProduct = elementFamily(
	'parentProduct',
	'Parent Product',
	'catalog.product.sku',
	'parent product',
	'sku',
	'units',
	productFields,
	'Products that have variations (catalog.product.sku.*)',
);

export const catalogService = elementFamily(
	'catalogService',
	'Catalog Service',
	'catalog.product.service',
	'catalog service',
	'service',
	'services',
	productFields.filter((field) => ['active', 'code', 'xmlId', 'iblockSectionId', 'previewText', 'detailText', 'vatId', 'vatIncluded', 'measure', 'sort'].includes(field.name)),
	'Services of the trade catalog (catalog.product.service.*)',
);

// ---------- images ----------

const imageProduct = num('productId', 'Product ID', { required: true, default: 0, description: 'The product, variation or service the image belongs to' });
const imageKey = [imageProduct, id('id', 'Image ID')];

export const productImage: ResourceSpec = {
	value: 'productImage',
	name: 'Product Image',
	group: 'CRM',
	description: 'Images of catalog products (catalog.productImage.*)',
	operations: [
		{
			value: 'create',
			name: 'Upload',
			action: 'Upload a product image',
			description: 'Upload an image from binary data to a product',
			method: 'catalog.productImage.add',
			kind: 'create',
			params: [f(imageProduct), binaryProperty('read')],
			optional: [
				f({
					name: 'type',
					label: 'Image Type',
					type: 'options',
					default: 'MORE_PHOTO',
					options: [
						{ name: 'Detail Picture', value: 'DETAIL_PICTURE' },
						{ name: 'More Photos', value: 'MORE_PHOTO' },
						{ name: 'Preview Picture', value: 'PREVIEW_PICTURE' },
					],
				}),
			],
			prepare: withFileContent(false),
			batchable: false,
			unwrap: 'productImage',
		},
		{ value: 'get', name: 'Get', action: 'Get a product image', method: 'catalog.productImage.get', kind: 'get', params: imageKey, unwrap: 'productImage' },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the images of a product',
			method: 'catalog.productImage.list',
			kind: 'getMany',
			params: [imageProduct],
			// 50 per page with start (catalog-product-image-list.md)
			paging: { mode: 'start', itemsPath: 'productImages', selectKey: 'select' },
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a product image', method: 'catalog.productImage.delete', kind: 'delete', params: imageKey },
		{ ...fieldsOp('catalog.productImage.getFields', 'product image'), output: fieldsOf('productImage') },
	].map((op): OperationSpec => ({ ...(op as OperationSpec), since: 2 })),
};

// ---------- warehouses and stock ----------

export const store = camelFamily({
	value: 'store',
	name: 'Warehouse',
	prefix: 'catalog.store',
	noun: 'warehouse',
	wrap: 'store',
	listWrap: 'stores',
	create: [f(str('address', 'Address', { required: true }))],
	fields: [
		f(str('title', 'Title')),
		yesNo('active', 'Active', 'Whether the warehouse is active'),
		f(str('description', 'Description')),
		f(num('gpsN', 'Latitude')),
		f(num('gpsS', 'Longitude')),
		f(str('phone', 'Phone')),
		f(str('schedule', 'Schedule')),
		f(str('email', 'Email', { placeholder: 'name@email.com' })),
		yesNo('issuingCenter', 'Issuing Center', 'Whether orders can be picked up here'),
		f(str('code', 'Code')),
		f(str('xmlId', 'External ID')),
		f(num('sort', 'Sort')),
	],
	// node version 1 had only Get Many, which stays its first operation
	verbs: [{ value: 'getMany', name: 'Get Many', action: 'Get many warehouses', method: 'catalog.store.list', kind: 'getMany', paging: { ...offsetPaging, itemsPath: 'stores' } }, 'create', 'get', 'update', 'delete', 'fields'],
	defaultOperation: 'getMany',
});

export const storeProduct = camelFamily({
	value: 'storeProduct',
	name: 'Warehouse Stock',
	description: 'Product stock per warehouse (catalog.storeproduct.*)',
	prefix: 'catalog.storeproduct',
	noun: 'stock record',
	wrap: 'storeProduct',
	listWrap: 'storeProducts',
	key: id('id', 'Stock Record ID'),
	verbs: ['get', 'getMany', 'fields'],
});

// ---------- inventory documents ----------

const documentTypes = [
	{ name: 'Disposal', value: 'D' },
	{ name: 'Receipt', value: 'A' },
	{ name: 'Return', value: 'R' },
	{ name: 'Transfer Between Warehouses', value: 'M' },
	{ name: 'Write-Off', value: 'S' },
];
const documentType: ParamSpec = { name: 'documentType', label: 'Document Type', type: 'options', required: true, default: 'A', options: documentTypes };
const documentIds = list('documentIds', 'Document IDs', { required: true, description: 'Comma-separated inventory document IDs' });
const manyDone = (result: unknown, request: IDataObject | unknown[]) => ({ documentIds: (request as IDataObject).documentIds as string[], success: result !== false });

export const inventoryDocument = camelFamily({
	value: 'inventoryDocument',
	name: 'Inventory Document',
	description: 'Receipts, write-offs, transfers and returns of stock (catalog.document.*)',
	prefix: 'catalog.document',
	noun: 'inventory document',
	wrap: 'document',
	listWrap: 'documents',
	create: [
		f({ ...documentType, name: 'docType' }),
		f(str('currency', 'Currency', { required: true, default: 'USD' })),
		f(num('responsibleId', 'Responsible User ID', { required: true, default: 0 })),
	],
	fields: [
		f(str('title', 'Title')),
		f(str('docNumber', 'Document Number')),
		f(str('commentary', 'Comment')),
		f(str('dateDocument', 'Document Date', { placeholder: 'e.g. 2026-12-07T10:00:00+03:00' })),
		f(num('total', 'Total')),
		f(str('siteId', 'Site ID')),
	],
	verbs: ['create', 'getMany', 'update', 'delete', 'fields'],
	more: [
		act('conduct', 'Conduct', 'Conduct an inventory document', 'catalog.document.conduct', [id('id', 'Inventory Document ID')], { output: changed('id') }),
		act('cancel', 'Cancel', 'Cancel a conducted inventory document', 'catalog.document.cancel', [id('id', 'Inventory Document ID')], { output: changed('id') }),
		act('conductMany', 'Conduct Many', 'Conduct several inventory documents', 'catalog.document.conductList', [documentIds], { output: manyDone }),
		act('cancelMany', 'Cancel Many', 'Cancel several inventory documents', 'catalog.document.cancelList', [documentIds], { output: manyDone }),
		act('deleteMany', 'Delete Many', 'Delete several inventory documents', 'catalog.document.deleteList', [documentIds], { output: manyDone }),
		act('getModeStatus', 'Get Inventory Mode Status', 'Check whether inventory management is on', 'catalog.document.mode.status', [], {
			output: (result) => ({ enabled: result === 'Y' || result === true }),
		}),
		act('getTypes', 'Get Document Types', 'Get the inventory document types', 'catalog.enum.getStoreDocumentTypes', [], { unwrap: 'enum' }),
		{
			value: 'getCustomFields',
			name: 'Get Custom Field Values',
			action: 'Get custom field values of inventory documents',
			method: 'catalog.userfield.document.list',
			kind: 'getMany',
			params: [
				{ ...documentType, to: 'filter.documentType' },
				list('select', 'Fields', { required: true, default: 'documentId, documentType', description: 'Comma-separated fields, e.g. documentId, documentType, field287' }),
			],
			optional: [json('conditions', 'Filter (JSON)', { description: 'More conditions, e.g. {"documentId": 12}' })],
			optionalName: 'listFilter',
			paging: { mode: 'start', itemsPath: 'documents', orderKey: 'order' },
			// the document type is a required part of `filter`, which the extra conditions join
			prepare: (params: IDataObject) => {
				const { conditions, ...rest } = params;
				return { ...rest, filter: { ...((conditions as IDataObject) ?? {}), ...(rest.filter as IDataObject) } };
			},
		},
		{
			value: 'updateCustomFields',
			name: 'Update Custom Field Values',
			action: 'Update custom field values of an inventory document',
			method: 'catalog.userfield.document.update',
			kind: 'update',
			params: [
				id('documentId', 'Inventory Document ID'),
				{ ...documentType, to: 'fields.documentType' },
				json('fieldValues', 'Values (JSON)', { required: true, description: 'Custom field values, e.g. {"field287": "text"}' }),
			],
			unwrap: 'document',
			// the values join the document type inside `fields`
			prepare: (params: IDataObject) => {
				const { fieldValues, ...rest } = params;
				return { ...rest, fields: { ...(fieldValues as IDataObject), ...(rest.fields as IDataObject) } };
			},
		},
	],
});

export const inventoryDocumentProduct = camelFamily({
	value: 'inventoryDocumentProduct',
	name: 'Inventory Document Product',
	description: 'Product rows of inventory documents (catalog.document.element.*)',
	prefix: 'catalog.document.element',
	noun: 'inventory document product',
	wrap: 'documentElement',
	listWrap: 'documentElements',
	key: id('id', 'Row ID'),
	create: [f(num('docId', 'Inventory Document ID', { required: true, default: 0 })), f(num('elementId', 'Product ID', { required: true, default: 0 }))],
	fields: [f(num('storeFrom', 'From Warehouse ID')), f(num('storeTo', 'To Warehouse ID')), f(num('amount', 'Quantity')), f(num('purchasingPrice', 'Purchase Price'))],
	verbs: ['create', 'getMany', 'update', 'delete', 'fields'],
});

export const documentVendor = camelFamily({
	value: 'documentVendor',
	name: 'Inventory Document Vendor',
	description: 'Vendors (CRM contacts or companies) of receipts (catalog.documentcontractor.*)',
	prefix: 'catalog.documentcontractor',
	noun: 'inventory document vendor',
	wrap: 'documentContractor',
	listWrap: 'documentContractor',
	key: id('id', 'Vendor Link ID'),
	create: [
		f(id('documentId', 'Inventory Document ID')),
		f({
			name: 'entityTypeId',
			label: 'Vendor Type',
			type: 'options',
			required: true,
			default: 3,
			options: [
				{ name: 'Company', value: 4 },
				{ name: 'Contact', value: 3 },
			],
		}),
		f(id('entityId', 'Vendor ID', undefined, { description: 'ID of the CRM contact or company' })),
	],
	verbs: ['create', 'getMany', 'delete', 'fields'],
});

// ---------- units, VAT, ratios, markups ----------

export const unitOfMeasure = camelFamily({
	value: 'unitOfMeasure',
	name: 'Unit of Measure',
	prefix: 'catalog.measure',
	noun: 'unit of measure',
	plural: 'units of measure',
	wrap: 'measure',
	listWrap: 'measures',
	// `code` is a text input elsewhere in the node: this number input has its own name
	create: [num('measureCode', 'Code', { required: true, default: 0, to: 'fields.code', description: 'Unique numeric code, e.g. 796 for pieces' }), f(str('measureTitle', 'Title', { required: true }))],
	fields: [
		yesNo('isDefault', 'Default', 'Whether new products get this unit'),
		f(str('symbol', 'Symbol')),
		f(str('symbolIntl', 'International Symbol')),
		f(str('symbolLetterIntl', 'International Letter Code')),
	],
	updateKey: 'Id',
	verbs: ALL_VERBS,
});

export const vatRate = camelFamily({
	value: 'vatRate',
	name: 'VAT Rate',
	prefix: 'catalog.vat',
	noun: 'VAT rate',
	wrap: 'vat',
	listWrap: 'vats',
	create: [f(str('name', 'Name', { required: true })), f(num('rate', 'Rate', { required: true, default: 0, description: 'Percent, e.g. 20' }))],
	fields: [yesNo('active', 'Active', 'Whether the rate is active'), f(num('sort', 'Sort'))],
	verbs: ALL_VERBS,
});

export const unitRatio = camelFamily({
	value: 'unitRatio',
	name: 'Unit Ratio',
	description: 'How many units a product is sold by (catalog.ratio.*)',
	prefix: 'catalog.ratio',
	noun: 'unit ratio',
	wrap: 'ratio',
	listWrap: 'ratios',
	verbs: ['get', 'getMany', 'fields'],
});

export const priceMarkup = camelFamily({
	value: 'priceMarkup',
	name: 'Price Markup',
	prefix: 'catalog.extra',
	noun: 'price markup',
	wrap: 'extra',
	listWrap: 'extras',
	verbs: ['get', 'getMany', 'fields'],
});

// ---------- properties ----------

export const productProperty = camelFamily({
	value: 'productProperty',
	name: 'Product Property',
	description: 'Properties of products and variations (catalog.productProperty.*)',
	prefix: 'catalog.productProperty',
	noun: 'product property',
	plural: 'product properties',
	wrap: 'productProperty',
	listWrap: 'productProperties',
	create: [
		f(iblockId),
		f(str('name', 'Name', { required: true })),
		f({
			name: 'propertyType',
			label: 'Property Type',
			type: 'options',
			required: true,
			default: 'S',
			options: [
				{ name: 'File', value: 'F' },
				{ name: 'Link to Elements', value: 'E' },
				{ name: 'Link to Sections', value: 'G' },
				{ name: 'List', value: 'L' },
				{ name: 'Number', value: 'N' },
				{ name: 'String', value: 'S' },
			],
		}),
	],
	fields: [
		yesNo('active', 'Active', 'Whether the property is active'),
		f(str('code', 'Code')),
		f(str('xmlId', 'External ID')),
		f(num('sort', 'Sort')),
		yesNo('multiple', 'Multiple', 'Whether the property holds several values'),
		yesNo('isRequired', 'Required', 'Whether a value is required'),
		yesNo('searchable', 'Searchable', 'Whether the values are searched'),
		yesNo('filtrable', 'Filterable', 'Whether the property can be filtered on'),
		f(str('defaultValue', 'Default Value')),
		f(str('userType', 'User Type', { description: 'Extended type, e.g. directory or Date' })),
		f(str('listType', 'List Type', { description: 'L dropdown, C checkboxes' })),
		f(str('hint', 'Hint')),
	],
	verbs: ALL_VERBS,
});

export const productPropertyValue = camelFamily({
	value: 'productPropertyValue',
	name: 'Product Property Value',
	description: 'Values of list properties (catalog.productPropertyEnum.*)',
	prefix: 'catalog.productPropertyEnum',
	noun: 'product property value',
	wrap: 'productPropertyEnum',
	listWrap: 'productPropertyEnums',
	create: [f(num('propertyId', 'Property ID', { required: true, default: 0 })), f(str('value', 'Value', { required: true })), f(str('xmlId', 'External ID', { required: true }))],
	fields: [yesNo('def', 'Default', 'Whether this is the default value'), f(num('sort', 'Sort'))],
	verbs: ALL_VERBS,
});

const propertyId = num('propertyId', 'Property ID', { required: true, default: 0 });

export const productPropertyFeature = camelFamily({
	value: 'productPropertyFeature',
	name: 'Product Property Feature',
	description: 'Where a property is used, e.g. in variation selection or the product card (catalog.productPropertyFeature.*)',
	prefix: 'catalog.productPropertyFeature',
	noun: 'product property feature',
	wrap: 'productPropertyFeature',
	listWrap: 'productPropertyFeatures',
	create: [
		f(propertyId),
		f(str('moduleId', 'Module ID', { required: true, default: 'catalog' })),
		f(str('featureId', 'Feature ID', { required: true, description: 'See Get Available Features' })),
		yesNo('isEnabled', 'Enabled', 'Whether the feature is on', { required: true, default: true }),
	],
	verbs: ['create', 'get', 'getMany', 'update', 'fields'],
	more: [act('getAvailable', 'Get Available Features', 'Get the features a property can have', 'catalog.productPropertyFeature.getAvailableFeaturesByProperty', [propertyId], { unwrap: 'features' })],
});

export const productPropertySection = camelFamily({
	value: 'productPropertySection',
	name: 'Product Property Filter Setting',
	description: 'How a property shows in the smart filter (catalog.productPropertySection.*)',
	prefix: 'catalog.productPropertySection',
	noun: 'product property filter setting',
	wrap: 'productPropertySection',
	listWrap: 'productPropertySections',
	key: { ...propertyId, integer: true },
	verbs: ['get', 'getMany'],
	more: [
		{
			value: 'set',
			name: 'Set',
			action: 'Set the filter settings of a property',
			method: 'catalog.productPropertySection.set',
			kind: 'update',
			params: [propertyId],
			optional: [
				yesNo('smartFilter', 'Show in Smart Filter', 'Whether the smart filter shows the property'),
				f(str('displayType', 'Display Type', { description: 'F checkboxes, K radio buttons, P dropdown' })),
				yesNo('displayExpanded', 'Expanded', 'Whether the filter shows the property expanded'),
				f(str('filterHint', 'Filter Hint')),
			],
			optionalName: 'updateFields',
			fixed: { fields: {} },
			unwrap: 'productPropertySection',
		},
	],
});

// ---------- price types, translations, access, rounding ----------

const priceTypeId = f(num('catalogGroupId', 'Price Type ID', { required: true, default: 1, description: 'See Price Type → Get Many' }));

export const priceType = camelFamily({
	value: 'priceType',
	name: 'Price Type',
	prefix: 'catalog.priceType',
	noun: 'price type',
	wrap: 'priceType',
	listWrap: 'priceTypes',
	create: [f(str('name', 'Name', { required: true }))],
	fields: [yesNo('base', 'Base', 'Whether this is the base price type'), f(num('sort', 'Sort')), f(str('xmlId', 'External ID'))],
	// node version 1 had only Get Many, which stays its first operation
	verbs: [{ value: 'getMany', name: 'Get Many', action: 'Get many price types', method: 'catalog.priceType.list', kind: 'getMany', paging: { ...offsetPaging, itemsPath: 'priceTypes' } }, 'create', 'get', 'update', 'delete', 'fields'],
	defaultOperation: 'getMany',
});

export const priceTypeTranslation = camelFamily({
	value: 'priceTypeTranslation',
	name: 'Price Type Translation',
	prefix: 'catalog.priceTypeLang',
	noun: 'price type translation',
	wrap: 'priceTypeLang',
	listWrap: 'priceTypeLangs',
	create: [priceTypeId, f(str('name', 'Name', { required: true })), f(str('lang', 'Language', { required: true, default: 'en', description: 'Language ID (see Get Languages)' }))],
	updateKey: 'Id',
	verbs: ALL_VERBS,
	more: [act('getLanguages', 'Get Languages', 'Get the languages price types can be translated to', 'catalog.priceTypeLang.getLanguages', [], { unwrap: 'languages' })],
});

export const priceTypeAccess = camelFamily({
	value: 'priceTypeAccess',
	name: 'Price Type Access',
	description: 'Which customer groups see or buy at a price type (catalog.priceTypeGroup.*)',
	prefix: 'catalog.priceTypeGroup',
	noun: 'price type access',
	plural: 'price type accesses',
	wrap: 'priceTypeGroup',
	listWrap: 'priceTypeGroups',
	key: id('id', 'Access ID'),
	create: [
		priceTypeId,
		f(num('groupId', 'Customer Group ID', { required: true, default: 0 })),
		yesNo('access', 'Can Buy', 'Whether the group can buy at this price type (otherwise it can only view it)', { required: true, default: true }),
	],
	verbs: ['create', 'getMany', 'delete', 'fields'],
});

export const roundingRule = camelFamily({
	value: 'roundingRule',
	name: 'Price Rounding Rule',
	prefix: 'catalog.roundingRule',
	noun: 'price rounding rule',
	wrap: 'roundingRule',
	listWrap: 'roundingRules',
	create: [
		priceTypeId,
		f(num('price', 'From Price', { required: true, default: 0, description: 'Prices from this amount are rounded' })),
		f({
			name: 'roundType',
			label: 'Rounding Type',
			type: 'options',
			required: true,
			default: 1,
			options: [
				{ name: 'Mathematical', value: 1 },
				{ name: 'Up', value: 2 },
				{ name: 'Down', value: 4 },
			],
		}),
		f(num('roundPrecision', 'Precision', { required: true, default: 1, description: 'Round to multiples of this, e.g. 0.01 or 10' })),
	],
	updateKey: 'Id',
	verbs: ALL_VERBS,
	more: [act('getRoundTypes', 'Get Rounding Types', 'Get the price rounding types', 'catalog.enum.getRoundTypes', [], { unwrap: 'enum' })],
});

export const catalogMoreResources: ResourceSpec[] = [
	productVariation,
	parentProduct,
	catalogService,
	productImage,
	store,
	storeProduct,
	inventoryDocument,
	inventoryDocumentProduct,
	documentVendor,
	unitOfMeasure,
	vatRate,
	unitRatio,
	priceMarkup,
	productProperty,
	productPropertyValue,
	productPropertyFeature,
	productPropertySection,
	priceType,
	priceTypeTranslation,
	priceTypeAccess,
	roundingRule,
];
