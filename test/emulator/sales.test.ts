// Online store methods with their own handler (handlers/sales.ts): catalog-product basket items go
// through the basket item store, property values are replaced per order, status languages are listed.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false });
});
afterAll(() => em.stop());

test('addCatalogProduct and updateCatalogProduct write the basket items get and list read', async () => {
	const add = await hook(em, 'sale.basketitem.addCatalogProduct', { fields: { orderId: 5, productId: 12, currency: 'USD', quantity: 2 } });
	expect(add.status).toBe(200);
	const item = add.body.result.basketItem as { id: number };
	expect(item).toMatchObject({ id: expect.any(Number), orderId: 5, productId: 12, quantity: 2 });
	await hook(em, 'sale.basketitem.updateCatalogProduct', { id: item.id, fields: { quantity: 5 } });
	expect((await hook(em, 'sale.basketitem.get', { id: item.id })).body.result.basketItem).toMatchObject({ id: item.id, quantity: 5 });
	const list = await hook(em, 'sale.basketitem.list', { filter: { orderId: 5 } });
	expect(list.body.result.basketItems).toEqual([expect.objectContaining({ id: item.id, productId: 12 })]);
});

test('propertyvalue.modify replaces the order\'s values: passed ones are set, the others removed', async () => {
	const set = (propertyValues: unknown[]) => hook(em, 'sale.propertyvalue.modify', { fields: { order: { id: 6, propertyValues } } });
	const first = (await set([{ orderPropsId: 20, value: 'Jane' }, { orderPropsId: 21, value: 'jane@example.com' }])).body.result.propertyValues as Array<{ id: number }>;
	expect(first).toHaveLength(2);
	const second = (await set([{ orderPropsId: 20, value: 'Jane Roe' }])).body.result.propertyValues;
	expect(second).toEqual([expect.objectContaining({ id: first[0].id, orderPropsId: 20, value: 'Jane Roe' })]);
	const list = await hook(em, 'sale.propertyvalue.list', { filter: { orderId: 6 } });
	expect(list.body.result.propertyValues).toEqual([expect.objectContaining({ id: first[0].id, orderPropsId: 20, value: 'Jane Roe' })]);
	expect((await hook(em, 'sale.propertyvalue.modify', { fields: { order: { propertyValues: [] } } })).status).toBe(400);
});

test('statusLang.getListLangs answers the documented languages; sale.status is addressed by its letter code', async () => {
	expect((await hook(em, 'sale.statusLang.getListLangs', {})).body.result.langs).toContainEqual({ active: 'Y', lid: 'en', name: 'English' });
	await hook(em, 'sale.status.add', { fields: { id: 'W', type: 'O' } });
	expect((await hook(em, 'sale.status.get', { id: 'W' })).body.result.status).toMatchObject({ id: 'W', type: 'O' });
	expect((await hook(em, 'sale.status.get', { id: 'Q' })).status).toBe(400);
});

test('shipmentpropertyvalue.modify replaces the shipment\'s values the same way', async () => {
	const set = (propertyValues: unknown[]) => hook(em, 'sale.shipmentpropertyvalue.modify', { fields: { shipment: { id: 9, propertyValues } } });
	const first = (await set([{ shipmentPropsId: 7, value: 'Gate 2' }, { shipmentPropsId: 8, value: 'Fragile' }])).body.result.propertyValues as Array<{ id: number }>;
	expect(first).toEqual([expect.objectContaining({ shipmentPropsId: 7, value: 'Gate 2' }), expect.objectContaining({ shipmentPropsId: 8, value: 'Fragile' })]);
	await set([{ shipmentPropsId: 8, value: 'Glass' }]);
	const list = await hook(em, 'sale.shipmentpropertyvalue.list', { filter: { shipmentId: 9 } });
	expect(list.body.result.propertyValues).toEqual([expect.objectContaining({ id: first[1].id, shipmentPropsId: 8, value: 'Glass' })]);
});

test('delivery.add answers the service and the profiles its handler declares; getlist lists both', async () => {
	await hook(em, 'sale.delivery.handler.add', { NAME: 'Courier app', CODE: 'courier', SETTINGS: { CALCULATE_URL: 'https://example.com/calc' }, PROFILES: [{ NAME: 'Standard', CODE: 'STD' }] });
	const add = await hook(em, 'sale.delivery.add', { REST_CODE: 'courier', NAME: 'Courier', CURRENCY: 'USD' });
	expect(add.status).toBe(200);
	const { parent, profiles } = add.body.result as { parent: { ID: number }; profiles: Array<{ PARENT_ID: number }> };
	expect(parent).toMatchObject({ ID: expect.any(Number), NAME: 'Courier', CURRENCY: 'USD', PARENT_ID: null });
	expect(profiles).toEqual([expect.objectContaining({ NAME: 'Standard', PARENT_ID: parent.ID, CURRENCY: 'USD' })]);
	const list = await hook(em, 'sale.delivery.getlist', { FILTER: { PARENT_ID: parent.ID } });
	expect(list.body.result).toEqual([expect.objectContaining({ NAME: 'Standard', PARENT_ID: parent.ID })]);
});
