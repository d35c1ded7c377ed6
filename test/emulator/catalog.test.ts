// Trade catalog methods with their own handler (handlers/catalog.ts): price.modify replaces a
// product's prices, property filter settings are kept per property, enumerations answer their values.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false });
});
afterAll(() => em.stop());

type Price = { id: number; productId: number; catalogGroupId: number; price: number; currency: string };

test('catalog.price.modify updates listed prices, adds new ones and deletes the product\'s others', async () => {
	const add = async (catalogGroupId: number) =>
		((await hook(em, 'catalog.price.add', { fields: { productId: 8, catalogGroupId, price: 10, currency: 'USD' } })).body.result as { price: Price }).price.id;
	const kept = await add(1);
	const dropped = await add(3);
	const other = (await hook(em, 'catalog.price.add', { fields: { productId: 9, catalogGroupId: 1, price: 5, currency: 'USD' } })).body.result as { price: Price };
	const res = await hook(em, 'catalog.price.modify', {
		fields: {
			product: {
				id: 8,
				prices: [
					{ id: kept, catalogGroupId: 1, price: 20, currency: 'EUR' },
					{ catalogGroupId: 5, price: 30, currency: 'USD' },
				],
			},
		},
	});
	expect(res.status).toBe(200);
	const prices = (res.body.result as { prices: Price[] }).prices;
	expect(prices).toEqual([
		expect.objectContaining({ id: kept, productId: 8, catalogGroupId: 1, price: 20, currency: 'EUR', priceScale: 20 }),
		expect.objectContaining({ id: expect.any(Number), productId: 8, catalogGroupId: 5, price: 30, currency: 'USD' }),
	]);
	// the generic family reads what modify wrote
	expect((await hook(em, 'catalog.price.get', { id: kept })).body.result.price).toMatchObject({ price: 20, currency: 'EUR' });
	expect((await hook(em, 'catalog.price.get', { id: dropped })).status).toBe(400);
	expect((await hook(em, 'catalog.price.get', { id: other.price.id })).body.result.price).toMatchObject({ productId: 9, price: 5 });
});

test('catalog.price.modify refuses a missing product and a price type given twice', async () => {
	const noProduct = await hook(em, 'catalog.price.modify', { fields: { product: { prices: [] } } });
	expect(noProduct.status).toBe(400);
	const twice = await hook(em, 'catalog.price.modify', {
		fields: { product: { id: 8, prices: [{ catalogGroupId: 1, price: 1, currency: 'USD' }, { catalogGroupId: 1, price: 2, currency: 'USD' }] } },
	});
	expect(twice.status).toBe(400);
	expect(twice.body.error_description).toMatch(/single price/);
});

test('productPropertySection: set keeps the settings per property, get and list read them', async () => {
	const missing = await hook(em, 'catalog.productPropertySection.get', { propertyId: 901 });
	expect(missing.status).toBe(400);
	expect(missing.body.error_description).toBe('productPropertySection does not exist.');
	const set = await hook(em, 'catalog.productPropertySection.set', { propertyId: 901, fields: { smartFilter: 'Y', displayType: 'P', filterHint: 'Pick' } });
	expect(set.body.result.productPropertySection).toMatchObject({ propertyId: '901', smartFilter: 'Y', displayType: 'P', filterHint: 'Pick', sectionId: '0' });
	await hook(em, 'catalog.productPropertySection.set', { propertyId: 901, fields: { displayExpanded: 'Y' } });
	const got = await hook(em, 'catalog.productPropertySection.get', { propertyId: 901 });
	expect(got.body.result.productPropertySection).toEqual({ propertyId: 901, smartFilter: 'Y', displayType: 'P', displayExpanded: 'Y', filterHint: 'Pick' });
	const list = await hook(em, 'catalog.productPropertySection.list', { filter: { propertyId: 901 } });
	expect(list.body.result.productPropertySections).toEqual([expect.objectContaining({ propertyId: 901, displayType: 'P' })]);
});

test('enumerations answer their documented values', async () => {
	expect((await hook(em, 'catalog.enum.getRoundTypes', {})).body.result.enum.map((e: { id: number }) => e.id)).toEqual([1, 2, 4]);
	expect((await hook(em, 'catalog.enum.getStoreDocumentTypes', {})).body.result.enum.map((e: { id: string }) => e.id)).toEqual(['A', 'S', 'M', 'R', 'D']);
	expect((await hook(em, 'catalog.priceTypeLang.getLanguages', {})).body.result.languages).toContainEqual({ active: 'Y', lid: 'en', name: 'English' });
	const features = await hook(em, 'catalog.productPropertyFeature.getAvailableFeaturesByProperty', { propertyId: 901 });
	expect(features.body.result.features[0]).toEqual({ featureId: 'LIST_PAGE_SHOW', featureName: 'Show on the list page of items', moduleId: 'iblock' });
	expect((await hook(em, 'catalog.productPropertyFeature.getAvailableFeaturesByProperty', { propertyId: 'abc' })).status).toBe(400);
});
