import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { createdIn, crudVerbs, deleted, familyCases, fieldList, one, placed } from './catalog';
import { seededRows } from './seed';
import type { Cases } from './types';

/** Online store (sale.*): the families the emulator answers generically, plus their special methods. */

const byFilter = (fields: IDataObject): Pick<Cases[string], 'request' | 'output'> => ({
	request: (params) => expect(params).toEqual({ fields }),
	output: one((item) => expect(item).toEqual({ ...fields, deleted: true })),
});

/** Order and shipment properties share their fields. */
const propertyCases = (resource: string, table: string, id: number): Cases => ({
	...familyCases(
		{
			resource,
			table,
			record: { personTypeId: 1, propsGroupId: 2, name: 'Gate code', type: 'STRING', code: 'GATE', required: 'N' },
			create: [
				{ personTypeId: 1, propsGroupId: 2, name: 'Gate code', type: 'STRING', additionalFields: { code: 'GATE', required: false } },
				{ personTypeId: 1, propsGroupId: 2, name: 'Gate code', type: 'STRING', code: 'GATE', required: 'N' },
			],
			update: [{ required: true }, { name: 'Entrance code', required: 'Y' }, { name: 'Entrance code' }],
		},
		id,
		['create', 'get', 'getMany', 'update', 'delete'],
	),
	[`${resource}.getFieldsByType`]: {
		parameters: { type: 'ENUM' },
		request: (params) => expect(params).toEqual({ type: 'ENUM' }),
		output: (items) => {
			expect(items.map((item) => item.field)).toEqual(expect.arrayContaining(['active', 'code']));
			for (const item of items) expect(item).toMatchObject({ type: expect.any(String), isRequired: expect.any(Boolean) });
		},
	},
});

const basketItem = { orderId: 5, productId: 12, currency: 'USD', quantity: 2, name: 'Chair', price: 50 };

export const salesCases: Cases = {
	...familyCases(
		{
			resource: 'salesOrder',
			table: 'sale.order',
			record: { lid: 's1', personTypeId: 1, currency: 'USD', price: 100, statusId: 'N', comments: 'Call first' },
			create: [
				{ lid: 's1', personTypeId: 1, currency: 'USD', additionalFields: { comments: 'Call first', price: 100 } },
				{ lid: 's1', personTypeId: 1, currency: 'USD', comments: 'Call first', price: 100 },
			],
			update: [{ statusId: 'P', marked: true }, { statusId: 'P', marked: 'Y' }],
			fields: ['lid', 'personTypeId', 'currency'],
		},
		5,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesBasketItem',
			table: 'sale.basketitem',
			record: basketItem,
			create: [
				{ orderId: 5, productId: 12, currency: 'USD', quantity: 2, additionalFields: { name: 'Chair', price: 50, customPrice: true } },
				{ orderId: 5, productId: 12, currency: 'USD', quantity: 2, name: 'Chair', price: 50, customPrice: 'Y' },
			],
			update: [{ quantity: 3, price: 45 }, { quantity: 3, price: 45 }],
			// sale-basket-item-get-fields.md prints only the first fields
			fields: ['basePrice', 'canBuy', 'catalogXmlId'],
		},
		7,
		crudVerbs,
	),
	'salesBasketItem.addCatalogProduct': {
		parameters: { orderId: 5, productId: 12, currency: 'USD', quantity: 1, additionalFields: { sort: 200 } },
		request: (params) => expect(params).toEqual({ fields: { orderId: 5, productId: 12, currency: 'USD', quantity: 1, sort: 200 } }),
		// sale-basket-item-add-catalog-product.md: result.basketItem, the new item
		output: one((item) => expect(item).toMatchObject({ id: expect.any(Number), orderId: 5, productId: 12, quantity: 1 })),
	},
	'salesBasketItem.updateCatalogProduct': {
		parameters: (portal) => (placed(portal, 'sale.basketitem', { ID: 7, ...basketItem }), { id: '7', quantity: 4, updateFields: { sort: 300 } }),
		request: (params) => expect(params).toEqual({ id: '7', fields: { quantity: 4, sort: 300 } }),
		output: one((item) => expect(item).toMatchObject({ id: 7, orderId: 5, productId: 12, quantity: 4 })),
	},
	'salesBasketItem.getCatalogProductFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('basePrice', 'canBuy', 'catalogXmlId'),
	},
	...familyCases(
		{
			resource: 'salesBasketItemProperty',
			table: 'sale.basketproperties',
			record: { basketId: 7, name: 'Colour', value: 'Red', code: 'COLOR', sort: 100 },
			create: [
				{ basketId: 7, name: 'Colour', value: 'Red', code: 'COLOR', additionalFields: { sort: 100 } },
				{ basketId: 7, name: 'Colour', value: 'Red', code: 'COLOR', sort: 100 },
			],
			update: [{ value: 'Blue' }, { value: 'Blue' }],
			fields: ['basketId', 'name', 'value'],
		},
		8,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesPayment',
			table: 'sale.payment',
			record: { orderId: 5, paySystemId: 3, sum: 100, paid: 'N', comments: 'Card' },
			create: [
				{ orderId: 5, paySystemId: 3, additionalFields: { sum: 100, paid: false } },
				{ orderId: 5, paySystemId: 3, sum: 100, paid: 'N' },
			],
			update: [{ paid: true }, { paySystemId: 3, paid: 'Y' }, { paySystemId: 3 }],
			fields: ['orderId', 'paySystemId', 'sum'],
		},
		4,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesPaymentBasketItem',
			table: 'sale.paymentitembasket',
			record: { paymentId: 4, basketId: 7, quantity: 2, xmlId: 'pb' },
			create: [
				{ paymentId: 4, basketId: 7, additionalFields: { quantity: 2 } },
				{ paymentId: 4, basketId: 7, quantity: 2 },
			],
			update: [{ xmlId: 'pb2' }, { quantity: 1, xmlId: 'pb2' }, { quantity: 1 }],
			fields: ['paymentId', 'basketId', 'quantity'],
		},
		11,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesPaymentShipment',
			table: 'sale.paymentitemshipment',
			record: { paymentId: 4, shipmentId: 9, xmlId: 'ps' },
			create: [
				{ shipmentId: 9, paymentId: 4, additionalFields: { xmlId: 'ps' } },
				{ shipmentId: 9, paymentId: 4, xmlId: 'ps' },
			],
			update: [{ xmlId: 'ps2' }, { xmlId: 'ps2' }],
			fields: ['paymentId', 'shipmentId'],
		},
		12,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesPayerType',
			table: 'sale.persontype',
			record: { name: 'Individual', code: 'IND', sort: '100', active: 'Y' },
			create: [
				{ name: 'Individual', additionalFields: { code: 'IND', active: true } },
				{ name: 'Individual', code: 'IND', active: 'Y' },
			],
			update: [{ code: 'PERSON' }, { name: 'Person', code: 'PERSON' }, { name: 'Person' }],
			fields: ['name', 'code', 'sort'],
		},
		1,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesPayerTypeDomain',
			table: 'sale.businessvaluepersondomain',
			record: { personTypeId: 1, domain: 'I' },
			noId: true,
			create: [
				{ personTypeId: 1, domain: 'E' },
				{ personTypeId: 1, domain: 'E' },
			],
			fields: ['personTypeId', 'domain'],
		},
		13,
		['create', 'getMany', 'getFields'],
	),
	'salesPayerTypeDomain.deleteByFilter': { parameters: { personTypeId: 1, domain: 'I' }, ...byFilter({ personTypeId: 1, domain: 'I' }) },
	...familyCases(
		{
			resource: 'salesPropertyGroup',
			table: 'sale.propertygroup',
			rows: 61,
			record: { personTypeId: 1, name: 'Contacts', sort: 100 },
			create: [
				{ personTypeId: 1, name: 'Contacts', additionalFields: { sort: 100 } },
				{ personTypeId: 1, name: 'Contacts', sort: 100 },
			],
			update: [{ sort: 5 }, { personTypeId: 1, name: 'Contact info', sort: 5 }, { personTypeId: 1, name: 'Contact info' }],
			fields: ['personTypeId', 'name', 'sort'],
		},
		14,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesPropertyVariant',
			table: 'sale.propertyvariant',
			rows: 61,
			record: { orderPropsId: 20, name: 'Red', value: 'red', sort: 10 },
			create: [
				{ orderPropsId: 20, name: 'Red', value: 'red', additionalFields: { sort: 10 } },
				{ orderPropsId: 20, name: 'Red', value: 'red', sort: 10 },
			],
			update: [{ description: 'Dark red' }, { name: 'Crimson', value: 'crimson', description: 'Dark red' }, { name: 'Crimson', value: 'crimson' }],
			fields: ['orderPropsId', 'name', 'value'],
		},
		15,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesPropertyRelation',
			table: 'sale.propertyrelation',
			record: { entityId: 3, entityType: 'P', propertyId: 20 },
			noId: true,
			create: [
				{ entityId: 3, entityType: 'D', propertyId: 20 },
				{ entityId: 3, entityType: 'D', propertyId: 20 },
			],
			fields: ['entityId', 'entityType', 'propertyId'],
		},
		16,
		['create', 'getMany', 'getFields'],
	),
	'salesPropertyRelation.deleteByFilter': { parameters: { entityId: 3, entityType: 'P', propertyId: 20 }, ...byFilter({ entityId: 3, entityType: 'P', propertyId: 20 }) },
	...familyCases(
		{
			resource: 'salesPropertyValue',
			table: 'sale.propertyvalue',
			record: { orderId: 5, orderPropsId: 20, name: 'Full name', value: 'Jane Doe', code: 'FIO' },
			fields: ['orderId', 'orderPropsId', 'value'],
		},
		17,
		['get', 'getMany', 'delete', 'getFields'],
	),
	'salesPropertyValue.set': {
		parameters: (portal) => {
			seededRows(portal, 'sale.propertyvalue', [
				{ ID: 17, orderId: 6, orderPropsId: 20, value: 'Jane Doe', code: 'FIO' },
				{ ID: 18, orderId: 6, orderPropsId: 21, value: 'jane@example.com', code: 'EMAIL' },
			]);
			return { orderId: 6, propertyValues: '[{"orderPropsId": 20, "value": "Jane Roe"}, {"orderPropsId": 22, "value": "Y"}]' };
		},
		request: (params) =>
			expect(params).toEqual({
				fields: {
					order: {
						id: 6,
						propertyValues: [
							{ orderPropsId: 20, value: 'Jane Roe' },
							{ orderPropsId: 22, value: 'Y' },
						],
					},
				},
			}),
		// sale-property-value-modify.md: the order's values now; property 21, not passed, is removed
		output: (items) => {
			expect(items).toHaveLength(2);
			expect(items[0]).toMatchObject({ id: 17, orderPropsId: 20, value: 'Jane Roe', code: 'FIO' });
			expect(items[1]).toMatchObject({ id: expect.any(Number), orderPropsId: 22, value: 'Y' });
		},
	},
	...familyCases(
		{
			resource: 'salesShipmentItem',
			table: 'sale.shipmentitem',
			record: { orderDeliveryId: 9, basketId: 7, quantity: 2, xmlId: 'si' },
			create: [
				{ orderDeliveryId: 9, basketId: 7, quantity: 2, additionalFields: { xmlId: 'si' } },
				{ orderDeliveryId: 9, basketId: 7, quantity: 2, xmlId: 'si' },
			],
			update: [{ xmlId: 'si2' }, { quantity: 1, xmlId: 'si2' }, { quantity: 1 }],
			fields: ['orderDeliveryId', 'basketId', 'quantity'],
		},
		18,
		crudVerbs,
	),
	...familyCases(
		{
			resource: 'salesShipment',
			table: 'sale.shipment',
			record: { orderId: 5, allowDelivery: 'Y', deducted: 'N', deliveryId: 2, trackingNumber: 'TRK-1' },
			create: [
				{ orderId: 5, allowDelivery: true, deducted: false, deliveryId: 2, additionalFields: { trackingNumber: 'TRK-1' } },
				{ orderId: 5, allowDelivery: 'Y', deducted: 'N', deliveryId: 2, trackingNumber: 'TRK-1' },
			],
			update: [{ trackingNumber: 'TRK-2' }, { allowDelivery: 'Y', deducted: 'Y', deliveryId: 2, trackingNumber: 'TRK-2' }, { allowDelivery: true, deducted: true, deliveryId: 2 }],
			fields: ['orderId', 'allowDelivery', 'deliveryId'],
		},
		25,
		crudVerbs,
	),
	...propertyCases('salesOrderProperty', 'sale.property', 26),
	...propertyCases('salesShipmentProperty', 'sale.shipmentproperty', 27),
	...familyCases(
		{
			resource: 'salesShipmentPropertyValue',
			table: 'sale.shipmentpropertyvalue',
			record: { shipmentId: 9, shipmentPropsId: 7, name: 'Gate', value: 'Gate 2' },
			fields: ['shipmentPropsId', 'value'],
		},
		28,
		['get', 'getMany', 'delete', 'getFields'],
	),
	'salesShipmentPropertyValue.set': {
		parameters: (portal) => {
			seededRows(portal, 'sale.shipmentpropertyvalue', [
				{ ID: 28, shipmentId: 10, shipmentPropsId: 7, value: 'Gate 2' },
				{ ID: 29, shipmentId: 10, shipmentPropsId: 8, value: 'Fragile' },
			]);
			return { shipmentId: 10, propertyValues: '[{"shipmentPropsId": 7, "value": "Gate 3"}]' };
		},
		request: (params) => expect(params).toEqual({ fields: { shipment: { id: 10, propertyValues: [{ shipmentPropsId: 7, value: 'Gate 3' }] } } }),
		// sale-shipment-property-value-modify.md: the shipment's values now; property 8 is removed
		output: one((item) => expect(item).toMatchObject({ id: 28, value: 'Gate 3' })),
	},
	'salesStatus.create': {
		parameters: { id: 'W', type: 'O', additionalFields: { notify: true, color: '#00FF00' } },
		request: (params) => expect(params).toEqual({ fields: { id: 'W', type: 'O', notify: 'Y', color: '#00FF00' } }),
		// sale-status-add.md: result.status, keyed by its letter code
		output: one((item) => expect(item).toMatchObject({ id: 'W', type: 'O', notify: 'Y', color: '#00FF00' })),
	},
	'salesStatus.get': {
		parameters: (portal) => (placed(portal, 'sale.status', { ID: 21, id: 'N', type: 'O', sort: 100, notify: 'Y' }), { id: 'N' }),
		request: (params) => expect(params).toEqual({ id: 'N' }),
		output: one((item) => expect(item).toMatchObject({ id: 'N', type: 'O', sort: 100, notify: 'Y' })),
	},
	'salesStatus.getMany': {
		parameters: (portal) => (seededRows(portal, 'sale.status', [{ ID: 21, id: 'N', type: 'O', sort: 100, color: '#FFFFFF' }]), { returnAll: true }),
		request: (params) => expect(String(params.start)).toBe('0'),
		output: one((item) => expect(item).toMatchObject({ id: 'N', type: 'O', color: '#FFFFFF' })),
	},
	'salesStatus.update': {
		parameters: (portal) => (placed(portal, 'sale.status', { ID: 21, id: 'N', type: 'O', sort: 100, notify: 'Y' }), { id: 'N', type: 'D', updateFields: { sort: 300 } }),
		request: (params) => expect(params).toEqual({ id: 'N', fields: { type: 'D', sort: 300 } }),
		output: one((item) => expect(item).toMatchObject({ id: 'N', type: 'D', sort: 300, notify: 'Y' })),
	},
	'salesStatus.delete': {
		parameters: (portal) => (placed(portal, 'sale.status', { ID: 21, id: 'N', type: 'O' }), { id: 'N' }),
		request: (params) => expect(params).toEqual({ id: 'N' }),
		output: deleted('N'),
	},
	'salesStatus.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: fieldList('id', 'type', 'notify'),
	},
	...familyCases(
		{
			resource: 'salesStatusTranslation',
			table: 'sale.statuslang',
			record: { statusId: 'N', lid: 'en', name: 'New', description: 'Accepted' },
			noId: true,
			create: [
				{ statusId: 'N', lid: 'de', name: 'Neu', additionalFields: { description: 'Angenommen' } },
				{ statusId: 'N', lid: 'de', name: 'Neu', description: 'Angenommen' },
			],
			fields: ['statusId', 'lid', 'name'],
		},
		22,
		['create', 'getMany', 'getFields'],
	),
	'salesStatusTranslation.deleteByFilter': { parameters: { statusId: 'N', lid: 'en', name: 'New' }, ...byFilter({ statusId: 'N', lid: 'en', name: 'New' }) },
	'salesStatusTranslation.getLanguages': {
		request: (params) => expect(params).toEqual({}),
		// sale-status-lang-get-list-langs.md
		output: (items) => {
			expect(items).toContainEqual({ active: 'Y', lid: 'en', name: 'English' });
			expect(items.length).toBeGreaterThan(10);
		},
	},
	...familyCases(
		{ resource: 'salesTradeBinding', table: 'sale.tradebinding', noId: true, record: { orderId: 5, tradingPlatformId: '2' }, fields: ['id', 'externalOrderId'] },
		23,
		['getMany', 'getFields'],
	),
	...familyCases({ resource: 'salesTradePlatform', table: 'sale.tradeplatform', record: { code: 'landing_3' }, fields: ['class', 'catalogSectionTabClassName'] }, 24, ['getMany', 'getFields']),
};

// ---------- payment systems, delivery services, cashboxes (UPPER_CASE top-level parameters) ----------

let portalRef: Portal;
const use = (portal: Portal) => (portalRef = portal);
const created = (table: string) => createdIn(() => portalRef, `generic:${table}`);
const updatedId = (id: string) => one((item) => expect(item).toEqual({ id, updated: true }));

export const salesServiceCases: Cases = {
	'salesPaySystem.create': {
		parameters: (portal) => (use(portal), { NAME: 'Card', PERSON_TYPE_ID: 1, BX_REST_HANDLER: 'card_pay', additionalFields: { ACTIVE: true, ENTITY_REGISTRY_TYPE: 'ORDER' } }),
		request: (params) => expect(params).toEqual({ NAME: 'Card', PERSON_TYPE_ID: 1, BX_REST_HANDLER: 'card_pay', ACTIVE: 'Y', ENTITY_REGISTRY_TYPE: 'ORDER' }),
		// sale-pay-system-add.md: the new payment system's ID
		output: created('sale.paysystem'),
	},
	'salesPaySystem.getMany': {
		parameters: (portal) => (seededRows(portal, 'sale.paysystem', [{ ID: 3, NAME: 'Card', ACTIVE: 'Y', PERSON_TYPE_ID: 1, ENTITY_REGISTRY_TYPE: 'ORDER' }]), { returnAll: true }),
		request: (params) => expect(params).toEqual({}),
		output: one((item) => expect(item).toMatchObject({ ID: 3, NAME: 'Card', ACTIVE: 'Y', PERSON_TYPE_ID: 1 })),
	},
	'salesPaySystem.update': {
		parameters: (portal) => (placed(portal, 'sale.paysystem', { ID: 3, NAME: 'Card' }), { ID: '3', updateFields: { NAME: 'Card 2', ACTIVE: false } }),
		request: (params) => expect(params).toEqual({ ID: '3', FIELDS: { NAME: 'Card 2', ACTIVE: 'N' } }),
		output: updatedId('3'),
	},
	'salesPaySystem.delete': {
		parameters: (portal) => (placed(portal, 'sale.paysystem', { ID: 3, NAME: 'Card' }), { ID: '3' }),
		request: (params) => expect(params).toEqual({ ID: '3' }),
		output: deleted('3'),
	},
	'salesPaySystem.getSettings': {
		parameters: { ID: '3', PERSON_TYPE_ID: 1 },
		request: (params) => expect(params).toEqual({ ID: '3', PERSON_TYPE_ID: 1 }),
		// sale-pay-system-settings-get.md: the handler's settings by code
		output: one((item) => expect(Object.keys(item)).toEqual(expect.arrayContaining(['REST_SERVICE_ID_IFRAME', 'REST_SERVICE_KEY_IFRAME']))),
	},
	'salesPaySystem.updateSettings': {
		parameters: { ID: '3', SETTINGS: '{"REST_SERVICE_KEY_IFRAME": {"TYPE": "VALUE", "VALUE": "key"}}', additionalFields: { PERSON_TYPE_ID: 1 } },
		request: (params) => expect(params).toEqual({ ID: '3', SETTINGS: { REST_SERVICE_KEY_IFRAME: { TYPE: 'VALUE', VALUE: 'key' } }, PERSON_TYPE_ID: 1 }),
		output: updatedId('3'),
	},
	'salesPaySystem.getPaymentSettings': {
		parameters: { PAYMENT_ID: '4', PAY_SYSTEM_ID: '3' },
		request: (params) => expect(params).toEqual({ PAYMENT_ID: '4', PAY_SYSTEM_ID: '3' }),
		output: one((item) => expect(Object.keys(item)).toEqual(expect.arrayContaining(['REST_SERVICE_ID_IFRAME', 'PS_WORK_MODE_IFRAME']))),
	},
	'salesPaySystem.payPayment': {
		parameters: { PAYMENT_ID: '4', PAY_SYSTEM_ID: '3' },
		request: (params) => expect(params).toEqual({ PAYMENT_ID: '4', PAY_SYSTEM_ID: '3' }),
		output: one((item) => expect(item).toEqual({ paymentId: '4', success: true })),
	},
	...handlerCases('salesPaySystemHandler', 'sale.paysystem.handler', { SORT: 100 }),
	...handlerCases('salesCashboxHandler', 'sale.cashbox.handler', { SUPPORTS_FFD105: true }),
	'salesDeliveryService.getMany': {
		parameters: (portal) => (seededRows(portal, 'sale.delivery', [{ ID: 2, NAME: 'Courier', CURRENCY: 'USD', ACTIVE: 'Y', SORT: 100 }]), { returnAll: true, listOptions: { filter: '{"ACTIVE": "Y"}' } }),
		request: (params) => expect(params).toEqual({ FILTER: { ACTIVE: 'Y' } }),
		output: one((item) => expect(item).toMatchObject({ ID: 2, NAME: 'Courier', CURRENCY: 'USD', ACTIVE: 'Y' })),
	},
	'salesDeliveryService.create': {
		parameters: { REST_CODE: 'courier', NAME: 'Courier', CURRENCY: 'USD', additionalFields: { SORT: 100 } },
		request: (params) => expect(params).toEqual({ REST_CODE: 'courier', NAME: 'Courier', CURRENCY: 'USD', SORT: 100 }),
		// sale-delivery-add.md: the service (parent) and its profiles
		output: one((item) => expect(item).toMatchObject({ parent: expect.objectContaining({ ID: expect.any(Number), NAME: 'Courier', CURRENCY: 'USD' }) })),
	},
	'salesDeliveryService.update': {
		parameters: (portal) => (placed(portal, 'sale.delivery', { ID: 2, NAME: 'Courier' }), { ID: '2', updateFields: { NAME: 'Courier 2', ACTIVE: true } }),
		request: (params) => expect(params).toEqual({ ID: '2', NAME: 'Courier 2', ACTIVE: 'Y' }),
		output: updatedId('2'),
	},
	'salesDeliveryService.delete': {
		parameters: (portal) => (placed(portal, 'sale.delivery', { ID: 2, NAME: 'Courier' }), { ID: '2' }),
		request: (params) => expect(params).toEqual({ ID: '2' }),
		output: deleted('2'),
	},
	'salesDeliveryService.getConfig': {
		parameters: (portal) => (seededRows(portal, 'sale.delivery.config', [{ ID: 1, CODE: 'API_KEY', VALUE: 'key' }]), { ID: '2' }),
		request: (params) => expect(params).toEqual({ ID: '2' }),
		// sale-delivery-config-get.md: the settings as CODE/VALUE pairs
		output: one((item) => expect(item).toEqual({ CODE: 'API_KEY', VALUE: 'key' })),
	},
	'salesDeliveryService.updateConfig': {
		parameters: { ID: '2', additionalFields: { CONFIG: '[{"CODE": "API_KEY", "VALUE": "key"}]' } },
		request: (params) => expect(params).toEqual({ ID: '2', CONFIG: [{ CODE: 'API_KEY', VALUE: 'key' }] }),
		output: updatedId('2'),
	},
	'salesDeliveryExtraService.getMany': {
		parameters: (portal) => (seededRows(portal, 'sale.delivery.extra.service', [{ ID: 5, DELIVERY_ID: 2, NAME: 'Door delivery', TYPE: 'checkbox', PRICE: 5 }]), { DELIVERY_ID: 2 }),
		request: (params) => expect(params).toEqual({ DELIVERY_ID: 2 }),
		output: one((item) => expect(item).toMatchObject({ ID: '5', NAME: 'Door delivery', TYPE: 'checkbox', PRICE: 5 })),
	},
	'salesDeliveryExtraService.create': {
		parameters: (portal) => (use(portal), { DELIVERY_ID: 2, TYPE: 'checkbox', NAME: 'Door delivery', ITEMS: '[]', additionalFields: { PRICE: 5 } }),
		request: (params) => expect(params).toEqual({ DELIVERY_ID: 2, TYPE: 'checkbox', NAME: 'Door delivery', ITEMS: [], PRICE: 5 }),
		output: created('sale.delivery.extra.service'),
	},
	'salesDeliveryExtraService.update': {
		parameters: (portal) => (placed(portal, 'sale.delivery.extra.service', { ID: 5, NAME: 'Door delivery' }), { ID: '5', updateFields: { PRICE: 7 } }),
		request: (params) => expect(params).toEqual({ ID: '5', PRICE: 7 }),
		output: updatedId('5'),
	},
	'salesDeliveryExtraService.delete': {
		parameters: (portal) => (placed(portal, 'sale.delivery.extra.service', { ID: 5, NAME: 'Door delivery' }), { ID: '5' }),
		request: (params) => expect(params).toEqual({ ID: '5' }),
		output: deleted('5'),
	},
	'salesDeliveryHandler.create': {
		parameters: (portal) => (use(portal), { NAME: 'Courier app', CODE: 'courier', SETTINGS: '{"CALCULATE_URL": "https://example.com/calc"}', PROFILES: '[{"NAME": "Standard", "CODE": "STD"}]' }),
		request: (params) => expect(params).toEqual({ NAME: 'Courier app', CODE: 'courier', SETTINGS: { CALCULATE_URL: 'https://example.com/calc' }, PROFILES: [{ NAME: 'Standard', CODE: 'STD' }] }),
		output: created('sale.delivery.handler'),
	},
	'salesDeliveryHandler.getMany': {
		parameters: (portal) => (seededRows(portal, 'sale.delivery.handler', [{ ID: 6, NAME: 'Courier app', CODE: 'courier', SORT: 100 }]), { returnAll: true }),
		request: (params) => expect(params).toEqual({}),
		output: one((item) => expect(item).toMatchObject({ ID: '6', NAME: 'Courier app', CODE: 'courier' })),
	},
	'salesDeliveryHandler.update': {
		parameters: (portal) => (placed(portal, 'sale.delivery.handler', { ID: 6, NAME: 'Courier app', CODE: 'courier' }), { ID: '6', updateFields: { NAME: 'Courier app 2' } }),
		request: (params) => expect(params).toEqual({ ID: '6', NAME: 'Courier app 2' }),
		output: updatedId('6'),
	},
	'salesDeliveryHandler.delete': {
		parameters: (portal) => (placed(portal, 'sale.delivery.handler', { ID: 6, NAME: 'Courier app' }), { ID: '6' }),
		request: (params) => expect(params).toEqual({ ID: '6' }),
		output: deleted('6'),
	},
	'salesDeliveryRequest.update': {
		parameters: { DELIVERY_ID: 2, REQUEST_ID: 'R-1', updateFields: { FINALIZE: true, STATUS: '{"TEXT": "In transit", "SEMANTIC": "process"}' } },
		request: (params) => expect(params).toEqual({ DELIVERY_ID: 2, REQUEST_ID: 'R-1', FINALIZE: 'Y', STATUS: { TEXT: 'In transit', SEMANTIC: 'process' } }),
		output: one((item) => expect(item).toEqual({ requestId: 'R-1', updated: true })),
	},
	'salesDeliveryRequest.delete': {
		parameters: { DELIVERY_ID: 2, REQUEST_ID: 'R-1' },
		request: (params) => expect(params).toEqual({ DELIVERY_ID: 2, REQUEST_ID: 'R-1' }),
		output: one((item) => expect(item).toEqual({ requestId: 'R-1', deleted: true })),
	},
	'salesDeliveryRequest.sendMessage': {
		parameters: { DELIVERY_ID: 2, REQUEST_ID: 'R-1', ADDRESSEE: 'RECIPIENT', requestMessage: '{"SUBJECT": "Delivery", "BODY": "Ships today"}' },
		request: (params) => expect(params).toEqual({ DELIVERY_ID: 2, REQUEST_ID: 'R-1', ADDRESSEE: 'RECIPIENT', MESSAGE: { SUBJECT: 'Delivery', BODY: 'Ships today' } }),
		output: one((item) => expect(item).toEqual({ requestId: 'R-1', success: true })),
	},
	'salesCashbox.create': {
		parameters: (portal) => (use(portal), { NAME: 'Front desk', REST_CODE: 'kkm', EMAIL: 'ops@example.com', additionalFields: { ACTIVE: true, SORT: 10 } }),
		request: (params) => expect(params).toEqual({ NAME: 'Front desk', REST_CODE: 'kkm', EMAIL: 'ops@example.com', ACTIVE: 'Y', SORT: 10 }),
		output: created('sale.cashbox'),
	},
	'salesCashbox.getMany': {
		parameters: (portal) => (seededRows(portal, 'sale.cashbox', [{ ID: 8, NAME: 'Front desk', EMAIL: 'ops@example.com', ACTIVE: 'Y' }]), { returnAll: true }),
		request: (params) => expect(params).toEqual({}),
		output: one((item) => expect(item).toMatchObject({ ID: '8', NAME: 'Front desk', EMAIL: 'ops@example.com', ACTIVE: 'Y' })),
	},
	'salesCashbox.update': {
		parameters: (portal) => (placed(portal, 'sale.cashbox', { ID: 8, NAME: 'Front desk' }), { ID: '8', FIELDS: '{"NAME": "Back desk"}' }),
		request: (params) => expect(params).toEqual({ ID: '8', FIELDS: { NAME: 'Back desk' } }),
		output: updatedId('8'),
	},
	'salesCashbox.delete': {
		parameters: (portal) => (placed(portal, 'sale.cashbox', { ID: 8, NAME: 'Front desk' }), { ID: '8' }),
		request: (params) => expect(params).toEqual({ ID: '8' }),
		output: deleted('8'),
	},
	'salesCashbox.applyCheck': {
		parameters: { UUID: 'c-1', additionalFields: { FISCAL_DOC_NUMBER: '42', SHIFT_NUMBER: '7' } },
		request: (params) => expect(params).toEqual({ UUID: 'c-1', FISCAL_DOC_NUMBER: '42', SHIFT_NUMBER: '7' }),
		output: one((item) => expect(item).toEqual({ uuid: 'c-1', success: true })),
	},
};

/** Payment system and cashbox handlers: the same verbs. */
function handlerCases(resource: string, table: string, extra: INodeParameters): Cases {
	const sent = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v === true ? 'Y' : v]));
	return {
		[`${resource}.create`]: {
			parameters: (portal) => (use(portal), { NAME: 'App', CODE: 'app', SETTINGS: '{"CODES": {}}', additionalFields: extra }),
			request: (params) => expect(params).toEqual({ NAME: 'App', CODE: 'app', SETTINGS: { CODES: {} }, ...sent }),
			output: created(table),
		},
		[`${resource}.getMany`]: {
			parameters: (portal) => (seededRows(portal, table, [{ ID: 9, NAME: 'App', CODE: 'app', SORT: 100 }]), { returnAll: true }),
			request: (params) => expect(params).toEqual({}),
			output: one((item) => expect(item).toMatchObject({ ID: '9', NAME: 'App', CODE: 'app' })),
		},
		[`${resource}.update`]: {
			parameters: (portal) => (placed(portal, table, { ID: 9, NAME: 'App', CODE: 'app' }), { ID: '9', FIELDS: '{"NAME": "App 2"}' }),
			request: (params) => expect(params).toEqual({ ID: '9', FIELDS: { NAME: 'App 2' } }),
			output: updatedId('9'),
		},
		[`${resource}.delete`]: {
			parameters: (portal) => (placed(portal, table, { ID: 9, NAME: 'App' }), { ID: '9' }),
			request: (params) => expect(params).toEqual({ ID: '9' }),
			output: deleted('9'),
		},
	};
}
