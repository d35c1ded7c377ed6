import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { f } from '../crm/catalog';
import type { CamelFamily } from '../crm/catalogMore';
import { camelFamily, optional } from '../crm/catalogMore';
import { ALL_VERBS } from '../crud';
import { salesServiceResources } from './services';
import { fieldsOf, fieldsOp, id, json, num, str, yesNo } from '../shared';

/**
 * Online store orders (sale.*): orders, basket items, payments, shipments, statuses, payer types and
 * order properties. Every method takes camelCase `fields` and answers `{ <noun>: {...} }` /
 * `{ <nouns>: [...] }`; all new in node version 2.
 */

const sales = (spec: CamelFamily): ResourceSpec => camelFamily({ ...spec, group: 'Sales' });
/** `*.deleteByFilter`: removes the records matching all the given fields. */
const deleteByFilter = (method: string, noun: string, params: ParamSpec[]): OperationSpec => ({
	value: 'deleteByFilter',
	name: 'Delete By Filter',
	action: `Delete ${noun} matching the given values`,
	method,
	kind: 'action',
	params,
	output: (result, request) => ({ ...(((request as IDataObject).fields as IDataObject) ?? {}), deleted: result !== false }),
});

const orderId = f(num('orderId', 'Order ID', { required: true, default: 0 }));
const currency = f(str('currency', 'Currency', { required: true, default: 'USD' }));
const quantity = f(num('quantity', 'Quantity', { required: true, default: 1 }));
const personTypeId = f(num('personTypeId', 'Payer Type ID', { required: true, default: 0, description: 'See Payer Type → Get Many' }));
const xmlId = f(str('xmlId', 'External ID'));
const sort = f(num('sort', 'Sort'));

const orderFields = [
	f(num('price', 'Price')),
	f(num('discountValue', 'Discount')),
	f(str('statusId', 'Status ID', { description: 'See Order Status → Get Many' })),
	f(num('responsibleId', 'Responsible User ID')),
	f(str('comments', 'Manager Comment')),
	f(str('userDescription', 'Customer Comment')),
	f(str('additionalInfo', 'Additional Info')),
	yesNo('marked', 'Marked', 'Whether the order is flagged as having a problem'),
	f(str('reasonMarked', 'Reason Marked')),
	yesNo('canceled', 'Canceled', 'Whether the order is canceled'),
	f(str('reasonCanceled', 'Cancel Reason')),
	xmlId,
];

export const salesOrder = sales({
	value: 'salesOrder',
	name: 'Order',
	description: 'Online store orders (sale.order.*)',
	prefix: 'sale.order',
	noun: 'order',
	wrap: 'order',
	listWrap: 'orders',
	create: [f(str('lid', 'Site ID', { required: true, default: 's1' })), personTypeId, currency],
	fields: [f(num('userId', 'Customer User ID')), ...orderFields],
	// sale-order-update.md: site, payer type, currency and customer are set on create only
	updateFirst: [],
	override: { update: { optional: orderFields } },
	verbs: ALL_VERBS,
});

const basketPrices = [
	f(num('price', 'Price')),
	f(num('basePrice', 'Base Price')),
	f(num('discountPrice', 'Discount')),
	yesNo('customPrice', 'Custom Price', 'Whether the prices are set here rather than taken from the catalog'),
];
const basketCreate = [orderId, f(num('productId', 'Product ID', { required: true, default: 0, description: '0 for a product not in the catalog' })), currency, quantity];

export const salesBasketItem = sales({
	value: 'salesBasketItem',
	name: 'Basket Item',
	description: 'Products of online store orders (sale.basketitem.*)',
	prefix: 'sale.basketitem',
	noun: 'basket item',
	wrap: 'basketItem',
	listWrap: 'basketItems',
	create: basketCreate,
	fields: [
		f(str('name', 'Name', { description: 'Required for a product not in the catalog' })),
		...basketPrices,
		sort,
		xmlId,
		f(num('weight', 'Weight')),
		f(num('measureCode', 'Unit of Measure Code')),
		f(str('measureName', 'Unit of Measure Name')),
		yesNo('canBuy', 'Can Buy', 'Whether the product is available'),
		f(num('vatRate', 'VAT Rate', { description: 'A fraction: 0.1 is 10%' })),
		yesNo('vatIncluded', 'VAT Included', 'Whether the price includes VAT'),
		f(str('catalogXmlId', 'Catalog External ID')),
		f(str('productXmlId', 'Product External ID')),
	],
	updateFirst: [optional(quantity)],
	verbs: ALL_VERBS,
	more: [
		{
			value: 'addCatalogProduct',
			name: 'Add Catalog Product',
			action: 'Add a catalog product to an order',
			description: 'The name and prices come from the catalog unless Custom Price is on',
			method: 'sale.basketitem.addCatalogProduct',
			kind: 'create',
			params: basketCreate,
			optional: [...basketPrices, f(str('name', 'Name')), sort, xmlId],
			unwrap: 'basketItem',
		},
		{
			value: 'updateCatalogProduct',
			name: 'Update Catalog Product',
			action: 'Update a catalog product of an order',
			method: 'sale.basketitem.updateCatalogProduct',
			kind: 'update',
			params: [id('id', 'Basket Item ID'), quantity],
			optional: [sort, xmlId],
			optionalName: 'updateFields',
			unwrap: 'basketItem',
		},
		{ ...fieldsOp('sale.basketitem.getFieldsCatalogProduct', 'catalog product basket item'), value: 'getCatalogProductFields', name: 'Get Catalog Product Fields', output: fieldsOf('basketItem') },
	],
});

export const salesBasketItemProperty = sales({
	value: 'salesBasketItemProperty',
	name: 'Basket Item Property',
	prefix: 'sale.basketproperties',
	noun: 'basket item property',
	plural: 'basket item properties',
	wrap: 'basketProperty',
	listWrap: 'basketProperties',
	create: [f(num('basketId', 'Basket Item ID', { required: true, default: 0 })), f(str('name', 'Name', { required: true })), f(str('value', 'Value', { required: true })), f(str('code', 'Code', { required: true }))],
	fields: [sort, xmlId],
	updateFirst: [f(str('name', 'Name')), f(str('value', 'Value')), f(str('code', 'Code'))],
	verbs: ALL_VERBS,
	// sale-basket-properties-get-fields.md answers under the plural key
	override: { fields: { method: 'sale.basketproperties.getFields', output: fieldsOf('basketProperties') } },
});

const paySystemId = f(num('paySystemId', 'Payment System ID', { required: true, default: 0 }));

export const salesPayment = sales({
	value: 'salesPayment',
	name: 'Payment',
	description: 'Payments of online store orders (sale.payment.*)',
	prefix: 'sale.payment',
	noun: 'payment',
	wrap: 'payment',
	listWrap: 'payments',
	create: [orderId, paySystemId],
	fields: [
		f(num('sum', 'Amount')),
		yesNo('paid', 'Paid', 'Whether the payment is paid'),
		f(str('datePaid', 'Date Paid')),
		f(str('datePayBefore', 'Pay Before')),
		f(str('comments', 'Comment')),
		f(num('responsibleId', 'Responsible User ID')),
		f(num('companyId', 'Company ID')),
		yesNo('isReturn', 'Is Return', 'Whether the payment is returned'),
		xmlId,
	],
	// sale-payment-update.md: the payment system is required on update too
	updateFirst: [],
	override: { update: { params: [id('id', 'Payment ID'), paySystemId] } },
	verbs: ALL_VERBS,
});

export const salesPaymentBasketItem = sales({
	value: 'salesPaymentBasketItem',
	name: 'Payment Basket Item',
	description: 'Which basket items a payment covers (sale.paymentitembasket.*)',
	prefix: 'sale.paymentitembasket',
	noun: 'payment basket item',
	wrap: 'paymentItemBasket',
	listWrap: 'paymentItemsBasket',
	fieldsMethod: 'sale.paymentitembasket.getfields',
	create: [f(id('paymentId', 'Payment ID')), f(num('basketId', 'Basket Item ID', { required: true, default: 0 }))],
	fields: [f(num('quantity', 'Quantity')), xmlId],
	updateFirst: [],
	override: { update: { params: [id('id', 'Payment Basket Item ID'), quantity], optional: [xmlId] } },
	verbs: ALL_VERBS,
});

export const salesPaymentShipment = sales({
	value: 'salesPaymentShipment',
	name: 'Payment Shipment',
	description: 'Which shipments a payment covers (sale.paymentItemShipment.*)',
	prefix: 'sale.paymentItemShipment',
	noun: 'payment shipment',
	wrap: 'paymentItemShipment',
	listWrap: 'paymentItemsShipment',
	create: [f(num('shipmentId', 'Shipment ID', { required: true, default: 0 })), f(id('paymentId', 'Payment ID'))],
	fields: [xmlId],
	updateFirst: [],
	verbs: ALL_VERBS,
});

export const salesPayerType = sales({
	value: 'salesPayerType',
	name: 'Payer Type',
	description: 'Individual or legal entity customers (sale.persontype.*)',
	prefix: 'sale.persontype',
	noun: 'payer type',
	wrap: 'personType',
	listWrap: 'personTypes',
	create: [f(str('name', 'Name', { required: true }))],
	fields: [f(str('code', 'Code')), sort, yesNo('active', 'Active', 'Whether the payer type is active'), xmlId],
	updateFirst: [],
	override: { update: { params: [id('id', 'Payer Type ID'), f(str('name', 'Name', { required: true }))] } },
	verbs: ALL_VERBS,
});

export const salesPayerTypeDomain = sales({
	value: 'salesPayerTypeDomain',
	name: 'Payer Type Domain',
	description: 'Whether a payer type is an individual or a legal entity (sale.businessValuePersonDomain.*)',
	prefix: 'sale.businessValuePersonDomain',
	noun: 'payer type domain',
	wrap: 'businessValuePersonDomain',
	listWrap: 'businessValuePersonDomains',
	create: [personTypeId, f(str('domain', 'Domain', { required: true, default: 'I', description: 'I individual, E legal entity' }))],
	verbs: ['create', 'getMany', 'fields'],
	more: [deleteByFilter('sale.businessValuePersonDomain.deleteByFilter', 'payer type domains', [personTypeId, f(str('domain', 'Domain', { required: true, default: 'I', description: 'I individual, E legal entity' }))])],
});

export const salesPropertyGroup = sales({
	value: 'salesPropertyGroup',
	name: 'Order Property Group',
	prefix: 'sale.propertygroup',
	noun: 'order property group',
	wrap: 'propertyGroup',
	listWrap: 'propertyGroups',
	create: [personTypeId, f(str('name', 'Name', { required: true }))],
	fields: [sort],
	updateFirst: [],
	override: { update: { params: [id('id', 'Order Property Group ID'), personTypeId, f(str('name', 'Name', { required: true }))] } },
	verbs: ALL_VERBS,
});

const variantValue = [f(str('name', 'Name', { required: true })), f(str('value', 'Value', { required: true }))];

export const salesPropertyVariant = sales({
	value: 'salesPropertyVariant',
	name: 'Order Property Variant',
	description: 'Choices of list order properties (sale.propertyvariant.*)',
	prefix: 'sale.propertyvariant',
	noun: 'order property variant',
	wrap: 'propertyVariant',
	listWrap: 'propertyVariants',
	create: [f(num('orderPropsId', 'Order Property ID', { required: true, default: 0 })), ...variantValue],
	fields: [sort, f(str('description', 'Description'))],
	updateFirst: [],
	override: { update: { params: [id('id', 'Order Property Variant ID'), ...variantValue] } },
	verbs: ALL_VERBS,
});

const relationFields = [
	f(id('entityId', 'Object ID', undefined, { description: 'ID of the payment system, delivery service, landing or trading platform' })),
	f({
		name: 'entityType',
		label: 'Object Type',
		type: 'options',
		required: true,
		default: 'P',
		options: [
			{ name: 'Delivery Service', value: 'D' },
			{ name: 'Landing', value: 'L' },
			{ name: 'Payment System', value: 'P' },
			{ name: 'Trading Platform', value: 'T' },
		],
	}),
	f(num('propertyId', 'Order Property ID', { required: true, default: 0 })),
];

export const salesPropertyRelation = sales({
	value: 'salesPropertyRelation',
	name: 'Order Property Relation',
	description: 'Order properties shown only for some payment systems or deliveries (sale.propertyRelation.*)',
	prefix: 'sale.propertyRelation',
	noun: 'order property relation',
	wrap: 'propertyRelation',
	listWrap: 'propertyRelations',
	create: relationFields,
	verbs: ['create', 'getMany', 'fields'],
	more: [deleteByFilter('sale.propertyRelation.deleteByFilter', 'order property relations', relationFields)],
});

/** The order property values as `{ orderPropsId, value }` rows, inside `fields.order` with the order. */
const propertyValueSet: OperationSpec = {
	value: 'set',
	name: 'Set',
	action: 'Set the property values of an order',
	description: 'Values of properties not in the list are removed',
	method: 'sale.propertyvalue.modify',
	kind: 'update',
	params: [
		num('orderId', 'Order ID', { required: true, default: 0, to: 'fields.order.id' }),
		json('propertyValues', 'Property Values (JSON)', {
			required: true,
			shape: 'array',
			to: 'fields.order.propertyValues',
			description: 'e.g. [{"orderPropsId": 20, "value": "Jane Doe"}]',
		}),
	],
	unwrap: 'propertyValues',
};

export const salesPropertyValue = sales({
	value: 'salesPropertyValue',
	name: 'Order Property Value',
	prefix: 'sale.propertyvalue',
	noun: 'order property value',
	wrap: 'propertyValue',
	listWrap: 'propertyValues',
	fieldsMethod: 'sale.propertyvalue.getfields',
	verbs: ['get', 'getMany', 'delete', 'fields'],
	more: [propertyValueSet],
});

export const salesShipmentItem = sales({
	value: 'salesShipmentItem',
	name: 'Shipment Item',
	description: 'Basket items in shipments (sale.shipmentitem.*)',
	prefix: 'sale.shipmentitem',
	noun: 'shipment item',
	wrap: 'shipmentItem',
	listWrap: 'shipmentItems',
	fieldsMethod: 'sale.shipmentitem.getfields',
	create: [f(num('orderDeliveryId', 'Shipment ID', { required: true, default: 0 })), f(num('basketId', 'Basket Item ID', { required: true, default: 0 })), quantity],
	fields: [xmlId],
	updateFirst: [],
	override: { update: { params: [id('id', 'Shipment Item ID'), quantity] } },
	verbs: ALL_VERBS,
});

const shipmentFlags = [
	yesNo('allowDelivery', 'Delivery Allowed', 'Whether delivery is allowed', { required: true, default: false }),
	yesNo('deducted', 'Shipped', 'Whether the shipment has been shipped', { required: true, default: false }),
	f(id('deliveryId', 'Delivery Service ID')),
];
const shipmentFields = [
	f(str('statusId', 'Status ID', { description: 'A shipment status, see Order Status → Get Many' })),
	f(str('trackingNumber', 'Tracking Number')),
	f(str('deliveryDocNum', 'Delivery Document Number')),
	f(str('deliveryDocDate', 'Delivery Document Date')),
	f(num('basePriceDelivery', 'Delivery Price')),
	f(str('comments', 'Comment')),
	f(num('companyId', 'Company ID')),
	f(num('responsibleId', 'Responsible User ID')),
	xmlId,
];

export const salesShipment = sales({
	value: 'salesShipment',
	name: 'Shipment',
	description: 'Shipments of online store orders (sale.shipment.*)',
	prefix: 'sale.shipment',
	noun: 'shipment',
	wrap: 'shipment',
	listWrap: 'shipments',
	create: [orderId, ...shipmentFlags],
	fields: shipmentFields,
	// sale-shipment-update.md: the delivery flags and service are required on update too
	updateFirst: [],
	override: { update: { params: [id('id', 'Shipment ID'), ...shipmentFlags] } },
	verbs: ALL_VERBS,
});

const propertyTypes = ['ADDRESS', 'DATE', 'ENUM', 'FILE', 'LOCATION', 'NUMBER', 'STRING', 'Y/N'].map((value) => ({ name: value === 'Y/N' ? 'Yes/No' : value.charAt(0) + value.slice(1).toLowerCase(), value }));
const propertyType = f({ name: 'type', label: 'Type', type: 'options', required: true, default: 'STRING', options: propertyTypes });
const propertyFields = [
	f(str('code', 'Code')),
	yesNo('active', 'Active', 'Whether the property is active'),
	yesNo('required', 'Required', 'Whether a value is required'),
	yesNo('multiple', 'Multiple', 'Whether the property holds several values'),
	yesNo('isFiltered', 'Filterable', 'Whether orders can be filtered by it'),
	sort,
	f(str('description', 'Description')),
	f(str('defaultValue', 'Default Value')),
	xmlId,
	json('settings', 'Settings (JSON)', { to: 'fields.settings', description: 'Type settings, e.g. {"maxlength": 100}' }),
];

/** Order and shipment properties: the same fields, in their own families. */
function propertyFamily(value: string, name: string, prefix: string, noun: string, plural: string): ResourceSpec {
	return sales({
		value,
		name,
		prefix,
		noun,
		plural,
		wrap: 'property',
		listWrap: 'properties',
		create: [
			personTypeId,
			f(num('propsGroupId', 'Property Group ID', { required: true, default: 0, description: 'See Order Property Group → Get Many' })),
			f(str('name', 'Name', { required: true })),
			propertyType,
		],
		fields: propertyFields,
		updateFirst: [],
		override: { update: { params: [id('id', `${name} ID`), f(str('name', 'Name', { required: true }))] } },
		verbs: ['create', 'get', 'getMany', 'update', 'delete'],
		more: [
			{
				value: 'getFieldsByType',
				name: 'Get Fields By Type',
				action: `Get the fields of a ${noun} type`,
				method: `${prefix}.getfieldsbytype`,
				kind: 'fields',
				params: [{ ...propertyType, to: undefined }],
				output: fieldsOf('property'),
			},
		],
	});
}

export const salesOrderProperty = propertyFamily('salesOrderProperty', 'Order Property', 'sale.property', 'order property', 'order properties');
export const salesShipmentProperty = propertyFamily('salesShipmentProperty', 'Shipment Property', 'sale.shipmentproperty', 'shipment property', 'shipment properties');

export const salesShipmentPropertyValue = sales({
	value: 'salesShipmentPropertyValue',
	name: 'Shipment Property Value',
	prefix: 'sale.shipmentpropertyvalue',
	noun: 'shipment property value',
	wrap: 'propertyValue',
	listWrap: 'propertyValues',
	fieldsMethod: 'sale.shipmentpropertyvalue.getfields',
	verbs: ['get', 'getMany', 'delete', 'fields'],
	more: [
		{
			value: 'set',
			name: 'Set',
			action: 'Set the property values of a shipment',
			description: 'Values of properties not in the list are removed',
			method: 'sale.shipmentpropertyvalue.modify',
			kind: 'update',
			params: [
				num('shipmentId', 'Shipment ID', { required: true, default: 0, to: 'fields.shipment.id' }),
				json('propertyValues', 'Property Values (JSON)', {
					required: true,
					shape: 'array',
					to: 'fields.shipment.propertyValues',
					description: 'e.g. [{"shipmentPropsId": 7, "value": "Gate 2"}]',
				}),
			],
			unwrap: 'propertyValues',
		},
	],
});

const statusType = f({
	name: 'type',
	label: 'Type',
	type: 'options',
	required: true,
	default: 'O',
	options: [
		{ name: 'Order', value: 'O' },
		{ name: 'Shipment', value: 'D' },
	],
});
const statusKey = str('id', 'Status ID', { required: true, description: 'One or two Latin letters, e.g. N' });

export const salesStatus = sales({
	value: 'salesStatus',
	name: 'Order Status',
	description: 'Statuses of orders and shipments (sale.status.*)',
	prefix: 'sale.status',
	noun: 'order status',
	plural: 'order statuses',
	wrap: 'status',
	listWrap: 'statuses',
	key: statusKey,
	create: [f(statusKey), statusType],
	fields: [yesNo('notify', 'Notify', 'Whether the customer is emailed on this status'), sort, f(str('color', 'Color', { placeholder: '#00FF00' })), xmlId],
	updateFirst: [],
	override: { update: { params: [statusKey, statusType] } },
	verbs: ALL_VERBS,
});

const statusLangFields = [f(str('statusId', 'Status ID', { required: true })), f(str('lid', 'Language', { required: true, default: 'en' })), f(str('name', 'Name', { required: true }))];

export const salesStatusTranslation = sales({
	value: 'salesStatusTranslation',
	name: 'Order Status Translation',
	prefix: 'sale.statusLang',
	noun: 'order status translation',
	wrap: 'statusLang',
	listWrap: 'statusLangs',
	create: statusLangFields,
	fields: [f(str('description', 'Description'))],
	verbs: ['create', 'getMany', 'fields'],
	more: [
		deleteByFilter('sale.statusLang.deleteByFilter', 'order status translations', statusLangFields),
		{ value: 'getLanguages', name: 'Get Languages', action: 'Get the languages statuses can be translated to', method: 'sale.statusLang.getListLangs', kind: 'action', unwrap: 'langs' },
	],
});

export const salesTradeBinding = sales({
	value: 'salesTradeBinding',
	name: 'Order Trade Binding',
	description: 'Which trade platform an order came from (sale.tradeBinding.*)',
	prefix: 'sale.tradeBinding',
	noun: 'order trade binding',
	wrap: 'tradeBinding',
	listWrap: 'tradeBindings',
	verbs: ['getMany', 'fields'],
});

export const salesTradePlatform = sales({
	value: 'salesTradePlatform',
	name: 'Trade Platform',
	prefix: 'sale.tradePlatform',
	noun: 'trade platform',
	wrap: 'tradePlatform',
	listWrap: 'tradePlatforms',
	verbs: ['getMany', 'fields'],
});

export const salesResources: ResourceSpec[] = [
	salesOrder,
	salesBasketItem,
	salesBasketItemProperty,
	salesPayment,
	salesPaymentBasketItem,
	salesPaymentShipment,
	salesPayerType,
	salesPayerTypeDomain,
	salesPropertyGroup,
	salesPropertyVariant,
	salesPropertyRelation,
	salesPropertyValue,
	salesShipment,
	salesShipmentItem,
	salesShipmentProperty,
	salesShipmentPropertyValue,
	salesOrderProperty,
	salesStatus,
	salesStatusTranslation,
	salesTradeBinding,
	salesTradePlatform,
	...salesServiceResources,
];
