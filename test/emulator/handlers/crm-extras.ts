// CRM methods whose answer depends on other records (docs: api-reference/crm/universal/import/*,
// crm/duplicates/volatile-type/*, crm/call-list/*, crm/deals/recurring-deals/crm-deal-recurring-expose.md):
// import creates real items, the duplicate search keeps its seven extra fields, call lists read back
// their records, and a recurring template makes a deal. The rest of these families stays generic.
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';
import { crmHandlers, fieldsOf } from './crm';
import { TYPE_NAMES } from './crm-schema';
import { CURRENCY_TABLE } from './reference';

const VOLATILE = 'crm.duplicate.volatile';
/** "A total of seven custom fields can be registered for duplicate searches." */
const MAX_VOLATILE = 7;
/** "A maximum of 20 entities can be imported in a single request." */
const MAX_IMPORT = 20;
const CALL_LISTS = 'generic:crm.calllist';
const RECURRING = 'generic:crm.deal.recurring';

const noCodes = (rows: Array<[number, string]>): Rec[] => rows.map(([ID, NAME]) => ({ ID, NAME, SYMBOL_CODE: null, SYMBOL_CODE_SHORT: null }));
/** The crm.enum.* lists as their pages show them (api-reference/crm/auxiliary/enum/*). */
const ENUMS: Record<string, Rec[]> = {
	'crm.enum.ownertype': (
		[
			[1, 'Lead', 'LEAD', 'L'],
			[2, 'Deal', 'DEAL', 'D'],
			[3, 'Contact', 'CONTACT', 'C'],
			[4, 'Company', 'COMPANY', 'CO'],
			[5, 'Invoice (old version)', 'INVOICE', 'I'],
			[31, 'Invoice', 'SMART_INVOICE', 'SI'],
			[7, 'Quote', 'QUOTE', 'Q'],
			[8, 'Billing Details', 'REQUISITE', 'RQ'],
		] as Array<[number, string, string, string]>
	).map(([ID, NAME, SYMBOL_CODE, SYMBOL_CODE_SHORT]) => ({ ID, NAME, SYMBOL_CODE, SYMBOL_CODE_SHORT })),
	'crm.enum.addresstype': noCodes([
		[11, 'Shipping address'],
		[1, 'Physical address'],
		[6, 'Legal address'],
		[4, 'Registered address'],
		[8, 'Mailing address'],
		[9, 'Beneficiary address'],
	]),
	'crm.enum.settings.mode': noCodes([
		[1, 'Classic CRM'],
		[2, 'Simple CRM'],
	]),
	'crm.enum.getorderownertypes': [{ attribute: 'DYN', code: 'DEAL', id: 2, name: 'Deal' }],
};

/** Fields the duplicate search can compare: the entity's own and custom fields (crm-duplicate-volatile-type-fields.md). */
function volatileFields(core: Core, entityTypeId: number): Rec[] {
	const table = (TYPE_NAMES[entityTypeId] ?? '').toLowerCase();
	return Object.entries(fieldsOf(core, table))
		.filter(([, def]) => ['string', 'crm_multifield'].includes(def.type) || def.isDynamic)
		.map(([code, def]) => ({ entityTypeId, fieldCode: code, fieldTitle: def.formLabel ?? def.title }));
}

const withParams = (ctx: CallContext, method: string, params: Rec): CallContext => ({ ...ctx, method, params });

export function crmExtraHandlers(): HandlerMap {
	const crm = crmHandlers();
	const addItem: Handler = crm['crm.item.add'];
	return {
		...Object.fromEntries(Object.entries(ENUMS).map(([method, rows]) => [method, () => ({ result: rows.map((row) => ({ ...row })) })])),
		// crm-currency-base-get.md: the code of the currency marked BASE
		'crm.currency.base.get': (_ctx, core) => ({ result: String(core.store.all(CURRENCY_TABLE).find((rec) => rec.BASE === 'Y')?.CURRENCY ?? '') }),
		// crm-currency-base-set.md: the named currency becomes the base one
		'crm.currency.base.set': (ctx, core) => {
			const code = String(p(ctx, 'id') ?? '');
			const all = core.store.all(CURRENCY_TABLE);
			// the page documents no error for an unknown code: nothing changes and the answer is false
			if (!all.some((rec) => rec.CURRENCY === code)) return { result: false };
			for (const rec of all) rec.BASE = rec.CURRENCY === code ? 'Y' : 'N';
			return { result: true };
		},
		// crm-item-import.md: { item: { id } }
		'crm.item.import': async (ctx, core) => {
			const added = (await addItem(withParams(ctx, 'crm.item.add', { entityTypeId: p(ctx, 'entityTypeId'), fields: p(ctx, 'fields') as Rec }), core)) as { result: { item: Rec } };
			return { result: { item: { id: added.result.item.id } } };
		},
		// crm-item-batch-import.md: { items: [{ item: { id } } | { error, error_description }] }, in the order sent
		'crm.item.batchImport': async (ctx, core) => {
			const raw = p(ctx, 'data');
			const data = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw as Rec) : [];
			if (data.length > MAX_IMPORT) throw new B24Error(400, 'ERROR_ARGUMENT', `A maximum of ${MAX_IMPORT} entities can be imported in a single request`);
			const items: Rec[] = [];
			for (const fields of data) {
				try {
					const added = (await addItem(withParams(ctx, 'crm.item.add', { entityTypeId: p(ctx, 'entityTypeId'), fields: fields as Rec }), core)) as { result: { item: Rec } };
					items.push({ item: { id: added.result.item.id } });
				} catch (error) {
					if (!(error instanceof B24Error)) throw error;
					items.push({ error: error.code, error_description: error.description });
				}
			}
			return { result: { items } };
		},
		'crm.duplicate.volatiletype.fields': (ctx, core) => {
			const only = p(ctx, 'entityTypeId');
			const types = only === undefined || only === '' ? [1, 3, 4] : [Number(only)];
			return { result: types.flatMap((type) => volatileFields(core, type)) };
		},
		'crm.duplicate.volatiletype.list': (_ctx, core) => ({
			result: core.store.all(VOLATILE).map((rec) => ({ id: rec.ID, entityTypeId: rec.entityTypeId, fieldCode: rec.fieldCode })),
		}),
		'crm.duplicate.volatiletype.register': (ctx, core) => {
			const entityTypeId = Number(p(ctx, 'entityTypeId'));
			const fieldCode = String(p(ctx, 'fieldCode') ?? '');
			if (!volatileFields(core, entityTypeId).some((field) => field.fieldCode === fieldCode)) throw new B24Error(400, 'FIELD_NOT_FOUND', 'Field not found');
			// registering a field again "returns the id of the existing record"
			const known = core.store.all(VOLATILE).find((rec) => rec.entityTypeId === entityTypeId && rec.fieldCode === fieldCode);
			if (known) return { result: { id: known.ID } };
			if (core.store.count(VOLATILE) >= MAX_VOLATILE) throw new B24Error(400, 'MAX_TYPES_COUNT_EXCEEDED', 'There is already a maximum number of volatile types');
			return { result: { id: core.store.insert(VOLATILE, { entityTypeId, fieldCode }).ID } };
		},
		'crm.duplicate.volatiletype.unregister': (ctx, core) => {
			if (!core.store.remove(VOLATILE, Number(p(ctx, 'id')))) throw new B24Error(400, 'TYPE_IS_NOT_ASSIGNED', 'This type is not assigned');
			return { result: true };
		},
		// crm-calllist-update.md: the list's records are replaced
		'crm.calllist.update': (ctx, core) => {
			const list = callListOf(ctx, core);
			Object.assign(list, { ENTITY_TYPE: p(ctx, 'ENTITY_TYPE'), ENTITIES: p(ctx, 'ENTITIES') });
			if (p(ctx, 'WEBFORM_ID') !== undefined) list.WEBFORM_ID = p(ctx, 'WEBFORM_ID');
			return { result: true };
		},
		// crm-calllist-items-get.md: [{ ID, STATUS, ENTITY_TYPE }], new records IN_WORK
		'crm.calllist.items.get': (ctx, core) => {
			const list = callListOf(ctx, core);
			const raw = list.ENTITIES;
			const ids = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw as Rec) : [raw];
			const filter = p(ctx, 'FILTER') as Rec | undefined;
			const rows = ids.map((id) => ({ ID: Number(id), STATUS: 'IN_WORK', ENTITY_TYPE: list.ENTITY_TYPE === 'COMPANY' ? 4 : 3 }));
			return { result: rows.filter((row) => !filter?.STATUS || row.STATUS === filter.STATUS) };
		},
		// crm-calllist-statuslist.md: the four statuses, as documented
		'crm.calllist.statuslist': () => ({
			result: [
				{ ID: 61, NAME: 'In Progress', SORT: 10, STATUS_ID: 'IN_WORK' },
				{ ID: 63, NAME: 'Successful', SORT: 20, STATUS_ID: 'SUCCESS' },
				{ ID: 65, NAME: 'Wrong Number', SORT: 30, STATUS_ID: 'WRONG_NUMBER' },
				{ ID: 67, NAME: 'Do Not Call Again', SORT: 40, STATUS_ID: 'STOP_CALLING' },
			],
		}),
		// crm-deal-recurring-expose.md: a new deal copied from the template's deal, { DEAL_ID }
		'crm.deal.recurring.expose': async (ctx, core) => {
			const id = Number(p(ctx, 'id'));
			if (!Number.isInteger(id) || id < 1) throw new B24Error(400, '', 'id is not defined or invalid');
			const template = core.store.get(RECURRING, id);
			const deal = template && core.store.get('deal', Number(template.DEAL_ID));
			if (!template || !deal) throw new B24Error(400, '', 'Recurring deal is not found');
			const fields: Rec = { TITLE: deal.TITLE, OPPORTUNITY: deal.OPPORTUNITY, CURRENCY_ID: deal.CURRENCY_ID, CATEGORY_ID: template.CATEGORY_ID ?? deal.CATEGORY_ID };
			const added = (await crm['crm.deal.add'](withParams(ctx, 'crm.deal.add', { fields }), core)) as { result: number };
			return { result: { DEAL_ID: Number(added.result) } };
		},
	};
}

function callListOf(ctx: CallContext, core: Core): Rec {
	// crm-calllist-items-get.md: LIST_ID_ERROR for an id below 1 or a list that does not exist
	const id = Number(p(ctx, 'LIST_ID'));
	if (!(id >= 1)) throw new B24Error(400, 'LIST_ID_ERROR', 'List id should be positive');
	const list = core.store.get(CALL_LISTS, id);
	if (!list) throw new B24Error(400, 'LIST_ID_ERROR', 'Call list is not found');
	return list;
}
