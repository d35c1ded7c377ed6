import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { act, changed, fieldsOf, id, num, since2, str, V2, yn } from '../shared';

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
/** Both lists require a filter: an empty one reads every row of the payment; the user's filter replaces it. */
const anyFilter = { filter: {} };
const pagingAll = { mode: 'all' as const, filterKey: 'filter', orderKey: 'order' };

const paymentAction = (value: string, name: string, action: string, method: string, params: ParamSpec[]): OperationSpec =>
	act(value, name, action, method, params, { output: changed('id') });

export const payment = crud({
	value: 'payment',
	name: 'Payment',
	group: 'CRM',
	description: 'Payments of deals and smart process items (crm.item.payment.*)',
	prefix: 'crm.item.payment',
	noun: 'payment',
	key: [paymentId],
	create: [entityTypeId, entityId],
	updateFirst: [
		yn('paid', 'Paid', 'Whether the payment is paid', { to: 'fields.paid' }),
		num('paySystemId', 'Payment System ID', { to: 'fields.paySystemId', description: 'The ID from Payment System → Get Many' }),
	],
	updateFixed: { fields: {} },
	paging: pagingAll,
	every: V2,
	override: {
		create: { action: 'Create a payment for an item' },
		getMany: { action: 'Get the payments of an item', params: [entityTypeId, entityId] },
	},
	more: since2([
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
});

/** Rows of a payment (products, deliveries): added, listed, changed by one action and removed alike. */
const paymentRows = (value: string, name: string, prefix: string, row: string, rows: string, create: ParamSpec[], change: OperationSpec, key: ParamSpec): ResourceSpec => ({
	value,
	name,
	group: 'CRM',
	description: `${rows[0].toUpperCase()}${rows.slice(1)} a payment covers (${prefix}.*)`,
	operations: since2([
		{ value: 'create', name: 'Create', action: `Add ${row} to a payment`, method: `${prefix}.add`, kind: 'create', params: [ofPayment, ...create] },
		{ value: 'getMany', name: 'Get Many', action: `Get the ${rows} of a payment`, method: `${prefix}.list`, kind: 'getMany', params: [ofPayment], paging: pagingAll, fixed: anyFilter },
		change,
		{ value: 'delete', name: 'Delete', action: `Remove ${row} from a payment`, method: `${prefix}.delete`, kind: 'delete', params: [key] },
	]),
});

const paymentProductId = id('id', 'Payment Product ID');
export const paymentProduct = paymentRows(
	'paymentProduct',
	'Payment Product',
	'crm.item.payment.product',
	'a product row',
	'product rows',
	[
		id('rowId', 'Product Row ID', undefined, { description: "An item's product row (see Product Row → Get Available for Payment)" }),
		num('quantity', 'Quantity', { required: true, default: 1 }),
	],
	paymentAction('setQuantity', 'Set Quantity', 'Change the quantity of a payment product', 'crm.item.payment.product.setQuantity', [paymentProductId, num('quantity', 'Quantity', { required: true, default: 1 })]),
	paymentProductId,
);

const paymentDeliveryId = id('id', 'Payment Delivery ID');
export const paymentDelivery = paymentRows(
	'paymentDelivery',
	'Payment Delivery',
	'crm.item.payment.delivery',
	'a delivery',
	'deliveries',
	[id('deliveryId', 'Delivery ID', undefined, { description: "An item's delivery (see Delivery → Get Many)" })],
	paymentAction('setDelivery', 'Set Delivery', 'Replace the delivery of a payment delivery row', 'crm.item.payment.delivery.setDelivery', [paymentDeliveryId, id('deliveryId', 'Delivery ID')]),
	paymentDeliveryId,
);

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
		output: fieldsOf('fields'),
	},
]);
