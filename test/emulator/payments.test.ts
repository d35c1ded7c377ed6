// Payments of CRM items (api-reference/crm/universal/payment/*): pay/unpay change what get shows,
// setQuantity/setDelivery change the payment's rows, getAvailableForPayment leaves out covered rows.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
let deal = 0;
let payment = 0;
const rows: number[] = [];
beforeAll(async () => {
	em = await startEmulator({ limits: false });
	deal = (await hook(em, 'crm.deal.add', { fields: { TITLE: 'Paid' } })).body.result as number;
	for (const productName of ['Chair', 'Desk']) {
		const add = await hook(em, 'crm.item.productrow.add', { fields: { ownerType: 'D', ownerId: deal, productName, price: 10, quantity: 2 } });
		rows.push((add.body.result as { productRow: { id: number } }).productRow.id);
	}
	payment = (await hook(em, 'crm.item.payment.add', { entityTypeId: 2, entityId: deal })).body.result as number;
});
afterAll(() => em.stop());

test('pay marks the payment paid with date and user; unpay clears them', async () => {
	expect((await hook(em, 'crm.item.payment.pay', { id: payment })).body.result).toBe(true);
	expect((await hook(em, 'crm.item.payment.get', { id: payment })).body.result).toMatchObject({ id: payment, paid: 'Y', datePaid: expect.any(String), empPaidId: expect.any(Number) });
	await hook(em, 'crm.item.payment.unpay', { id: payment });
	expect((await hook(em, 'crm.item.payment.get', { id: payment })).body.result).toMatchObject({ paid: 'N', datePaid: null, empPaidId: null });
});

test('rows a payment covers are no longer available for payment; setQuantity changes the covered quantity', async () => {
	const available = async () => ((await hook(em, 'crm.item.productrow.getAvailableForPayment', { ownerType: 'D', ownerId: deal })).body.result as { productRows: Array<{ id: number }> }).productRows.map((row) => row.id);
	expect(await available()).toEqual(rows);
	const product = (await hook(em, 'crm.item.payment.product.add', { paymentId: payment, rowId: rows[0], quantity: 1 })).body.result as number;
	expect(await available()).toEqual([rows[1]]);
	expect((await hook(em, 'crm.item.payment.product.setQuantity', { id: product, quantity: 2 })).body.result).toBe(true);
	const list = await hook(em, 'crm.item.payment.product.list', { paymentId: payment, filter: {} });
	expect(list.body.result).toEqual([{ id: product, paymentId: payment, rowId: rows[0], quantity: 2 }]);
});

test('setDelivery replaces the delivery of a payment delivery row; getPublicUrl answers the payment page', async () => {
	const row = (await hook(em, 'crm.item.payment.delivery.add', { paymentId: payment, deliveryId: 228 })).body.result as number;
	await hook(em, 'crm.item.payment.delivery.setDelivery', { id: row, deliveryId: 229 });
	expect((await hook(em, 'crm.item.payment.delivery.list', { paymentId: payment, filter: {} })).body.result).toEqual([expect.objectContaining({ id: row, deliveryId: 229 })]);
	const url = (await hook(em, 'salescenter.payment.getPublicUrl', { id: payment })).body.result as { payment: { url: string; shortUrl: string } };
	expect(url.payment.url).toContain(`/${payment}/`);
});

test('documented errors: unknown payment or row (code 0), a quantity of 0', async () => {
	expect((await hook(em, 'crm.item.payment.pay', { id: 99999 })).body).toMatchObject({ error: '0', error_description: 'Payment not found' });
	expect((await hook(em, 'crm.item.payment.product.setQuantity', { id: 99999, quantity: 1 })).body.error_description).toBe('Product item not found');
	const product = (await hook(em, 'crm.item.payment.product.add', { paymentId: payment, rowId: rows[1], quantity: 1 })).body.result as number;
	expect((await hook(em, 'crm.item.payment.product.setQuantity', { id: product, quantity: 0 })).body.error_description).toBe('Product quantity cannot be less than or equal to 0');
});
