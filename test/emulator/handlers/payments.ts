// Payments of CRM items where one method changes what another reads (docs:
// api-reference/crm/universal/payment/*): pay/unpay flip the `paid` flag crm.item.payment.get shows,
// setQuantity/setDelivery change the rows the payment's product/delivery lists show, and
// crm.item.productrow.getAvailableForPayment leaves out rows a payment already covers.
// Add, get, list and delete stay generic (generic:crm.item.payment, .payment.product, .payment.delivery).
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

const PAYMENTS = 'generic:crm.item.payment';
const PRODUCTS = 'generic:crm.item.payment.product';
const DELIVERIES = 'generic:crm.item.payment.delivery';
const ROWS = 'generic:crm.item.productrow';

/** The pages' errors: code 100 for a missing parameter, code 0 for a row that is not there. */
function rowOf(ctx: CallContext, core: Core, table: string, what: string): Rec {
	const id = p(ctx, 'id');
	if (id === undefined || id === null || id === '') throw new B24Error(400, '100', 'Required fields are not provided');
	const rec = core.store.get(table, Number(id));
	if (!rec) throw new B24Error(400, '0', `${what} not found`);
	return rec;
}

export function paymentHandlers(): HandlerMap {
	return {
		'crm.item.payment.pay': (ctx, core) => {
			Object.assign(rowOf(ctx, core, PAYMENTS, 'Payment'), { paid: 'Y', datePaid: core.clock.isoDate(), empPaidId: ctx.caller.userId });
			return { result: true };
		},
		'crm.item.payment.unpay': (ctx, core) => {
			Object.assign(rowOf(ctx, core, PAYMENTS, 'Payment'), { paid: 'N', datePaid: null, empPaidId: null });
			return { result: true };
		},
		'crm.item.payment.product.setquantity': (ctx, core) => {
			const row = rowOf(ctx, core, PRODUCTS, 'Product item');
			const quantity = Number(p(ctx, 'quantity'));
			if (!(quantity > 0)) throw new B24Error(400, '0', 'Product quantity cannot be less than or equal to 0');
			row.quantity = quantity;
			return { result: true };
		},
		'crm.item.payment.delivery.setdelivery': (ctx, core) => {
			const row = rowOf(ctx, core, DELIVERIES, 'Delivery item');
			const deliveryId = Number(p(ctx, 'deliveryId'));
			if (!(deliveryId > 0)) throw new B24Error(400, '100', 'Required fields are not provided');
			row.deliveryId = deliveryId;
			return { result: true };
		},
		// salescenter-payment-get-public-url.md: result.payment.url and result.payment.shortUrl
		'salescenter.payment.getpublicurl': (ctx, core) => {
			const rec = rowOf(ctx, core, PAYMENTS, 'Payment');
			const url = `${core.url}/pub/payment/${String(rec.ID)}/`;
			return { result: { payment: { url, shortUrl: `${core.url}/~${String(rec.ID)}` } } };
		},
		// crm-item-productrow-get-available-for-payment.md: { productRows: [the owner's rows no payment covers] }
		'crm.item.productrow.getavailableforpayment': (ctx, core) => {
			const ownerId = Number(p(ctx, 'ownerId'));
			const ownerType = String(p(ctx, 'ownerType') ?? '');
			if (!(ownerId > 0) || !ownerType) throw new B24Error(400, '100', 'Required fields are not provided');
			const taken = new Set(core.store.all(PRODUCTS).map((row) => Number(row.rowId)));
			const rows = core.store
				.all(ROWS)
				.filter((row) => Number(row.ownerId) === ownerId && String(row.ownerType) === ownerType && !taken.has(Number(row.ID)))
				.map(({ ID, _scope, _created, ...row }) => ({ id: Number(ID), ...row }));
			return { result: { productRows: rows } };
		},
	};
}
