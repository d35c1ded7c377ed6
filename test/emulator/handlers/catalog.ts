// Trade catalog methods whose answer the generic store cannot give (api-reference/catalog/*):
// catalog.price.modify replaces a product's prices (catalog-price-modify.md: a price with an id is
// updated, one without is created, the product's other prices are deleted); property filter
// settings are kept per property (catalog.productPropertySection.set/get); the enumerations answer
// their documented values. The price and settings records stay in the generic tables, so the
// families' other methods (catalog.price.get/list, catalog.productPropertySection.list) see them.
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

const isObj = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const wrapsGeneric = (h: Handler): Handler => Object.assign(h, { wrapsGeneric: true });

const PRICES = 'generic:catalog.price';
const SECTIONS = 'generic:catalog.productpropertysection';
const PROPERTIES = 'generic:catalog.productproperty';

/** A price record as catalog.price.add stores it (flat) or a case seeds it ({ price: {...} }). */
const priceOf = (r: Rec): Rec => (isObj(r.price) ? { ...(r.price as Rec), ID: r.ID } : r);

function priceOut(r: Rec, core: Core): Rec {
	const v = priceOf(r);
	const price = Number(v.price);
	return {
		catalogGroupId: Number(v.catalogGroupId),
		currency: String(v.currency ?? ''),
		extraId: v.extraId ?? null,
		id: Number(r.ID),
		price,
		priceScale: price,
		productId: Number(v.productId),
		quantityFrom: v.quantityFrom ?? null,
		quantityTo: v.quantityTo ?? null,
		timestampX: (v.timestampX as string | undefined) ?? core.clock.isoDate(),
	};
}

function modifyPrices(ctx: CallContext, core: Core): { result: unknown } {
	const fields = p(ctx, 'fields');
	const product = isObj(fields) ? fields.product : undefined;
	const productId = isObj(product) ? Number(product.id) : NaN;
	const prices = isObj(product) ? product.prices : undefined;
	if (!(productId > 0) || !Array.isArray(prices)) throw new B24Error(400, '0', 'Required fields: product[id], product[prices]');
	const groups = prices.map((row) => (isObj(row) ? Number(row.catalogGroupId) : NaN));
	if (groups.some((g) => !(g > 0))) throw new B24Error(400, '0', 'Required fields: catalogGroupId');
	// catalog-price-modify.md: one price per price type without ranges
	if (new Set(groups).size !== groups.length) throw new B24Error(400, '0', 'Validate price error. Catalog product is allowed to have only a single price without ranges in the price group');
	const own = core.store.all(PRICES).filter((r) => Number(priceOf(r).productId) === productId);
	const kept = new Set<number>();
	for (const row of prices as Rec[]) {
		const values = { productId, catalogGroupId: Number(row.catalogGroupId), price: Number(row.price), currency: String(row.currency ?? '') };
		const existing = row.id !== undefined ? own.find((r) => Number(r.ID) === Number(row.id)) : undefined;
		if (existing) {
			core.store.remove(PRICES, Number(existing.ID));
			core.store.insert(PRICES, { ...priceOf(existing), ...values, ID: Number(existing.ID) });
			kept.add(Number(existing.ID));
		} else kept.add(Number(core.store.insert(PRICES, { ...values, _created: core.clock.isoDate() }).ID));
	}
	for (const r of own) if (!kept.has(Number(r.ID))) core.store.remove(PRICES, Number(r.ID));
	const rows = core.store.all(PRICES).filter((r) => kept.has(Number(r.ID)));
	return { result: { prices: rows.map((r) => priceOut(r, core)) } };
}

function propertyIdOf(ctx: CallContext): number {
	const v = p(ctx, 'propertyId');
	const n = Number(v);
	if (!Number.isInteger(n) || n <= 0) throw new B24Error(400, '100', `Invalid value {${String(v)}} to match with parameter {propertyId}. Should be value of type int.`);
	return n;
}

const settingsOf = (core: Core, propertyId: number): Rec | undefined => core.store.all(SECTIONS).find((r) => Number(r.propertyId) === propertyId);

const settingsOut = (r: Rec): Rec => ({
	displayExpanded: r.displayExpanded ?? 'N',
	displayType: r.displayType ?? 'F',
	filterHint: r.filterHint ?? '',
	propertyId: Number(r.propertyId),
	smartFilter: r.smartFilter ?? 'N',
});

// catalog-enum-get-round-types.md, catalog-enum-get-store-document-types.md
const ROUND_TYPES = [
	{ id: 1, name: 'Mathematical' },
	{ id: 2, name: 'In Favor of the Store' },
	{ id: 4, name: 'In Favor of the Customer' },
];
const DOCUMENT_TYPES = [
	{ id: 'A', name: 'Goods Receipt' },
	{ id: 'S', name: 'Goods Acquisition' },
	{ id: 'M', name: 'Goods Transfer Between Warehouses' },
	{ id: 'R', name: 'Goods Return' },
	{ id: 'D', name: 'Goods Write-off' },
];
// catalog-price-type-lang-get-languages.md: the portal's languages as the example lists them
const LANGUAGES = ['ar', 'br', 'en', 'fr', 'id', 'it', 'ja', 'kz', 'la', 'ms', 'pl', 'de', 'sc', 'tc', 'th', 'tr', 'vn'].map((lid) => ({
	active: 'Y',
	lid,
	name: lid === 'en' ? 'English' : lid === 'de' ? 'German' : lid,
}));
// catalog-product-property-feature-get-available-features-by-property.md (the example's features)
const FEATURES = [
	{ featureId: 'LIST_PAGE_SHOW', featureName: 'Show on the list page of items', moduleId: 'iblock' },
	{ featureId: 'DETAIL_PAGE_SHOW', featureName: 'Show on the detail page of the item', moduleId: 'iblock' },
];

export function catalogHandlers(): HandlerMap {
	return {
		'catalog.price.modify': wrapsGeneric((ctx, core) => modifyPrices(ctx, core)),
		'catalog.productPropertySection.set': wrapsGeneric((ctx, core) => {
			const propertyId = propertyIdOf(ctx);
			const fields = p(ctx, 'fields');
			if (!isObj(fields)) throw new B24Error(400, '100', 'Could not find value for parameter {fields}');
			const values: Rec = {};
			for (const k of ['smartFilter', 'displayType', 'displayExpanded', 'filterHint']) if (fields[k] !== undefined) values[k] = fields[k];
			const existing = settingsOf(core, propertyId);
			if (existing) Object.assign(existing, values);
			else core.store.insert(SECTIONS, { propertyId, ...values });
			const rec = settingsOf(core, propertyId) as Rec;
			const property = core.store.all(PROPERTIES).find((r) => Number(r.ID) === propertyId);
			// the set answer carries ids as strings (catalog-product-property-section-set.md)
			return {
				result: {
					productPropertySection: { ...settingsOut(rec), iblockId: property?.iblockId !== undefined ? String(property.iblockId) : null, propertyId: String(propertyId), sectionId: '0' },
				},
			};
		}),
		'catalog.productPropertySection.get': wrapsGeneric((ctx, core) => {
			const rec = settingsOf(core, propertyIdOf(ctx));
			if (!rec) throw new B24Error(400, '0', 'productPropertySection does not exist.');
			return { result: { productPropertySection: settingsOut(rec) } };
		}),
		'catalog.enum.getRoundTypes': () => ({ result: { enum: ROUND_TYPES } }),
		'catalog.enum.getStoreDocumentTypes': () => ({ result: { enum: DOCUMENT_TYPES } }),
		'catalog.priceTypeLang.getLanguages': () => ({ result: { languages: LANGUAGES } }),
		'catalog.productPropertyFeature.getAvailableFeaturesByProperty': (ctx) => {
			propertyIdOf(ctx);
			return { result: { features: FEATURES } };
		},
	};
}
