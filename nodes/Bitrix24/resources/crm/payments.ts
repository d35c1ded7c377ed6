import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { changed, fieldsOutput, id, num, str, yn } from '../shared';

/** Payments and deliveries of CRM items (deals, smart processes): crm.item.payment.*, crm.item.delivery.*. */

const entityTypeId = num('entityTypeId', 'Entity Type ID', {
	required: true,
	default: 2,
	description: '2 deal, 128+ smart processes with products enabled',
	dropdown: 'getEntityTypes',
});
const entityId = id('entityId', 'Item ID', undefined, { description: 'The ID of the deal or smart process item' });
const paymentId = id('id', 'Payment ID');
const ofPayment = id('paymentId', 'Payment ID');
/** Both lists require a filter: an empty one reads every row of the payment. */
const anyFilter = (params: IDataObject): IDataObject => ({ ...params, filter: params.filter ?? {} });
const pagingAll = { mode: 'all' as const, filterKey: 'filter', orderKey: 'order' };
const since2 = (ops: OperationSpec[]): OperationSpec[] => ops.map((op) => ({ ...op, since: 2 }));

const paymentAction = (value: string, name: string, action: string, method: string, params: ParamSpec[], extra: Partial<OperationSpec> = {}): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'action',
	params,
	output: changed('id'),
	...extra,
});

export const payment: ResourceSpec = {
	value: 'payment',
	name: 'Payment',
	group: 'CRM',
	description: 'Payments of deals and smart process items (crm.item.payment.*)',
	operations: since2([
		{ value: 'create', name: 'Create', action: 'Create a payment for an item', method: 'crm.item.payment.add', kind: 'create', params: [entityTypeId, entityId] },
		{ value: 'get', name: 'Get', action: 'Get a payment', method: 'crm.item.payment.get', kind: 'get', params: [paymentId] },
		{ value: 'getMany', name: 'Get Many', action: 'Get the payments of an item', method: 'crm.item.payment.list', kind: 'getMany', params: [entityTypeId, entityId], paging: pagingAll },
		{
			value: 'update',
			name: 'Update',
			action: 'Update a payment',
			method: 'crm.item.payment.update',
			kind: 'update',
			params: [paymentId],
			optional: [
				yn('paid', 'Paid', 'Whether the payment is paid', { to: 'fields.paid' }),
				num('paySystemId', 'Payment System ID', { to: 'fields.paySystemId', description: 'The ID from Payment System → Get Many' }),
			],
			optionalName: 'updateFields',
			fixed: { fields: {} },
		},
		{ value: 'delete', name: 'Delete', action: 'Delete a payment', method: 'crm.item.payment.delete', kind: 'delete', params: [paymentId] },
		paymentAction('pay', 'Mark as Paid', 'Mark a payment as paid', 'crm.item.payment.pay', [paymentId]),
		paymentAction('unpay', 'Mark as Unpaid', 'Mark a payment as unpaid', 'crm.item.payment.unpay', [paymentId]),
		{
			value: 'getPublicUrl',
			name: 'Get Public URL',
			action: 'Get the public payment page link',
			description: 'The page where the client pays',
			method: 'salescenter.payment.getPublicUrl',
			kind: 'action',
			params: [paymentId],
			unwrap: 'payment',
		},
	]),
};

export const paymentProduct: ResourceSpec = {
	value: 'paymentProduct',
	name: 'Payment Product',
	group: 'CRM',
	description: 'Product rows a payment covers (crm.item.payment.product.*)',
	operations: since2([
		{
			value: 'create',
			name: 'Create',
			action: 'Add a product row to a payment',
			method: 'crm.item.payment.product.add',
			kind: 'create',
			params: [
				ofPayment,
				id('rowId', 'Product Row ID', undefined, { description: "An item's product row (see Product Row → Get Available for Payment)" }),
				num('quantity', 'Quantity', { required: true, default: 1 }),
			],
		},
		{ value: 'getMany', name: 'Get Many', action: 'Get the product rows of a payment', method: 'crm.item.payment.product.list', kind: 'getMany', params: [ofPayment], paging: pagingAll, prepare: anyFilter },
		paymentAction('setQuantity', 'Set Quantity', 'Change the quantity of a payment product', 'crm.item.payment.product.setQuantity', [id('id', 'Payment Product ID'), num('quantity', 'Quantity', { required: true, default: 1 })]),
		{ value: 'delete', name: 'Delete', action: 'Remove a product row from a payment', method: 'crm.item.payment.product.delete', kind: 'delete', params: [id('id', 'Payment Product ID')] },
	]),
};

export const paymentDelivery: ResourceSpec = {
	value: 'paymentDelivery',
	name: 'Payment Delivery',
	group: 'CRM',
	description: 'Deliveries a payment covers (crm.item.payment.delivery.*)',
	operations: since2([
		{
			value: 'create',
			name: 'Create',
			action: 'Add a delivery to a payment',
			method: 'crm.item.payment.delivery.add',
			kind: 'create',
			params: [ofPayment, id('deliveryId', 'Delivery ID', undefined, { description: "An item's delivery (see Delivery → Get Many)" })],
		},
		{ value: 'getMany', name: 'Get Many', action: 'Get the deliveries of a payment', method: 'crm.item.payment.delivery.list', kind: 'getMany', params: [ofPayment], paging: pagingAll, prepare: anyFilter },
		paymentAction('setDelivery', 'Set Delivery', 'Replace the delivery of a payment delivery row', 'crm.item.payment.delivery.setDelivery', [
			id('id', 'Payment Delivery ID'),
			id('deliveryId', 'Delivery ID'),
		]),
		{ value: 'delete', name: 'Delete', action: 'Remove a delivery from a payment', method: 'crm.item.payment.delivery.delete', kind: 'delete', params: [id('id', 'Payment Delivery ID')] },
	]),
};

export const delivery: ResourceSpec = {
	value: 'delivery',
	name: 'Delivery',
	group: 'CRM',
	description: 'Deliveries (shipments) of deals and smart process items (crm.item.delivery.*)',
	operations: since2([
		{ value: 'get', name: 'Get', action: 'Get a delivery', method: 'crm.item.delivery.get', kind: 'get', params: [id('id', 'Delivery ID')] },
		{ value: 'getMany', name: 'Get Many', action: 'Get the deliveries of an item', method: 'crm.item.delivery.list', kind: 'getMany', params: [entityTypeId, entityId], paging: pagingAll },
	]),
};

/** crm.item.productrow.get, .fields and .getAvailableForPayment, for the Product Row resource. */
export const productRowMore: OperationSpec[] = since2([
	{ value: 'get', name: 'Get', action: 'Get a product row', method: 'crm.item.productrow.get', kind: 'get', params: [id('id', 'Product Row ID')], unwrap: 'productRow' },
	{
		value: 'getAvailableForPayment',
		name: 'Get Available for Payment',
		action: 'Get the product rows not yet in a payment',
		method: 'crm.item.productrow.getAvailableForPayment',
		kind: 'action',
		params: [
			str('ownerType', 'Owner Type', { required: true, default: 'D', description: 'D deal, or the short code of a smart process (e.g. T80)' }),
			num('ownerId', 'Owner ID', { required: true, integer: true, description: 'The ID of the deal or smart process item' }),
		],
		unwrap: 'productRows',
	},
	{
		value: 'getFields',
		name: 'Get Fields',
		action: 'Get product row fields',
		method: 'crm.item.productrow.fields',
		kind: 'fields',
		output: (result) => fieldsOutput((result as IDataObject)?.fields),
	},
]);
