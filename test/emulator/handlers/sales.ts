// Online store methods the generic store cannot answer alone (api-reference/sale/*):
// sale.basketitem.addCatalogProduct/updateCatalogProduct write the same basket items as
// sale.basketitem.add/update; sale.propertyvalue.modify and sale.shipmentpropertyvalue.modify
// replace all property values of an order or shipment (sale-property-value-modify.md: values not
// passed are removed); sale.statusLang.getListLangs answers the documented languages;
// sale.delivery.add answers the service and the profiles its handler declares (sale-delivery-add.md).
import type { Core, HandlerMap, Handler } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';
import { genericHandler } from './generic';

const isObj = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const wrapsGeneric = (h: Handler): Handler => Object.assign(h, { wrapsGeneric: true });


// sale-status-lang-get-list-langs.md
const LANGS: Array<[string, string]> = [
	['ar', 'عربي'],
	['br', 'Português (Brasil)'],
	['de', 'Deutsch'],
	['en', 'English'],
	['fr', 'Français'],
	['hi', 'हिन्दी'],
	['id', 'Bahasa Indonesia'],
	['in', 'English (India)'],
	['it', 'Italiano'],
	['ja', '日本語'],
	['la', 'Español'],
	['ms', 'Bahasa Melayu'],
	['pl', 'Polski'],
	['sc', '中文（简体）'],
	['tc', '中文（繁体）'],
	['th', 'ภาษาไทย'],
	['tr', 'Türkçe'],
	['vn', 'Tiếng Việt'],
];

/** The values of one owner (order or shipment) in `generic:<family>`, keyed by property. */
interface ValueFamily {
	table: string;
	owner: 'order' | 'shipment';
	ownerField: string;
	propsField: string;
	/** The property's external ID, which the order answer carries (sale-property-value-modify.md). */
	xmlField?: string;
}
const ORDER_VALUES: ValueFamily = { table: 'generic:sale.propertyvalue', owner: 'order', ownerField: 'orderId', propsField: 'orderPropsId', xmlField: 'orderPropsXmlId' };
const SHIPMENT_VALUES: ValueFamily = { table: 'generic:sale.shipmentpropertyvalue', owner: 'shipment', ownerField: 'shipmentId', propsField: 'shipmentPropsId' };

function modifyValues(ctx: CallContext, core: Core, fam: ValueFamily): { result: unknown } {
	const fields = p(ctx, 'fields');
	const owner = isObj(fields) ? fields[fam.owner] : undefined;
	const ownerId = isObj(owner) ? Number(owner.id) : NaN;
	const values = isObj(owner) ? owner.propertyValues : undefined;
	if (!(ownerId > 0) || !Array.isArray(values) || values.some((v) => !isObj(v) || !(Number(v[fam.propsField]) > 0))) {
		throw new B24Error(400, '0', 'Required parameters are not specified');
	}
	const own = core.store.all(fam.table).filter((r) => Number(r[fam.ownerField]) === ownerId);
	const kept: Rec[] = [];
	for (const v of values as Rec[]) {
		const existing = own.find((r) => Number(r[fam.propsField]) === Number(v[fam.propsField]));
		if (existing) {
			existing.value = v.value;
			kept.push(existing);
		} else kept.push(core.store.insert(fam.table, { [fam.ownerField]: ownerId, [fam.propsField]: Number(v[fam.propsField]), value: v.value }));
	}
	for (const r of own) if (!kept.includes(r)) core.store.remove(fam.table, Number(r.ID));
	return {
		result: {
			propertyValues: kept.map((r) => ({
				code: r.code ?? null,
				id: Number(r.ID),
				name: r.name ?? null,
				[fam.propsField]: Number(r[fam.propsField]),
				...(fam.xmlField ? { [fam.xmlField]: r[fam.xmlField] ?? null } : {}),
				value: r.value ?? null,
			})),
		},
	};
}

const DELIVERIES = 'generic:sale.delivery';
const deliveryOut = (r: Rec): Rec => ({
	NAME: r.NAME ?? '',
	ACTIVE: r.ACTIVE ?? 'Y',
	DESCRIPTION: r.DESCRIPTION ?? '',
	CURRENCY: r.CURRENCY ?? '',
	ID: Number(r.ID),
	PARENT_ID: r.PARENT_ID ?? null,
	SORT: Number(r.SORT ?? 100),
	LOGOTYPE: r.LOGOTYPE ?? null,
});

function addDelivery(ctx: CallContext, core: Core): { result: unknown } {
	const params = (isObj(ctx.params) ? ctx.params : {}) as Rec;
	const { NAME, ACTIVE, DESCRIPTION, CURRENCY, SORT, REST_CODE } = params;
	const parent = core.store.insert(DELIVERIES, { NAME, ACTIVE: ACTIVE ?? 'Y', DESCRIPTION, CURRENCY, SORT, REST_CODE, PARENT_ID: null });
	const handler = core.store.all('generic:sale.delivery.handler').find((h) => h.CODE === REST_CODE);
	const declared = Array.isArray(handler?.PROFILES) ? (handler.PROFILES as unknown[]).filter(isObj) : [];
	const profiles = declared.map((profile) => core.store.insert(DELIVERIES, { NAME: profile.NAME, DESCRIPTION: profile.DESCRIPTION, CURRENCY, PARENT_ID: Number(parent.ID), REST_CODE }));
	return { result: { parent: deliveryOut(parent), profiles: profiles.map(deliveryOut) } };
}

export function salesHandlers(): HandlerMap {
	return {
		'sale.basketitem.addCatalogProduct': wrapsGeneric((ctx, core) => genericHandler({ ...ctx, method: 'sale.basketitem.add' }, core)),
		'sale.basketitem.updateCatalogProduct': wrapsGeneric((ctx, core) => genericHandler({ ...ctx, method: 'sale.basketitem.update' }, core)),
		'sale.propertyvalue.modify': wrapsGeneric((ctx, core) => modifyValues(ctx, core, ORDER_VALUES)),
		'sale.shipmentpropertyvalue.modify': wrapsGeneric((ctx, core) => modifyValues(ctx, core, SHIPMENT_VALUES)),
		'sale.delivery.add': wrapsGeneric((ctx, core) => addDelivery(ctx, core)),
		'sale.statusLang.getListLangs': () => ({ result: { langs: LANGS.map(([lid, name]) => ({ active: 'Y', lid, name })) } }),
	};
}
