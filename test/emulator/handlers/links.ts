// Single contact/company links of CRM records: crm.{deal|lead|quote|company}.contact.add|delete|items.delete
// and crm.contact.company.* (docs: api-reference/crm/deals/contacts/crm-deal-contact-add.md & co.).
// The links live where the generic *.items.set keeps them (`_rows` of the owner's record in
// generic:<prefix>.items), so *.items.get reads what add and delete changed.
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

/** prefix → the owner's CRM table and the linked record's ID key. */
const FAMILIES: Array<[prefix: string, owner: string, key: string]> = [
	['crm.deal.contact', 'deal', 'CONTACT_ID'],
	['crm.lead.contact', 'lead', 'CONTACT_ID'],
	['crm.quote.contact', 'quote', 'CONTACT_ID'],
	['crm.company.contact', 'company', 'CONTACT_ID'],
	['crm.contact.company', 'contact', 'COMPANY_ID'],
];

const isObj = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);

/** The owner's ID as the pages' errors describe it ("less than 1 or not provided" / "Not found."). */
function ownerOf(ctx: CallContext, core: Core, owner: string): number {
	const id = Number(p(ctx, 'id'));
	if (!Number.isInteger(id) || id < 1) throw new B24Error(400, '', "The parameter 'ownerEntityID' is invalid or not defined.");
	if (!core.store.get(owner, id)) throw new B24Error(400, '', 'Not found.');
	return id;
}

function linkFields(ctx: CallContext, key: string): Rec {
	const fields = p(ctx, 'fields');
	if (!isObj(fields)) throw new B24Error(400, '', "The parameter 'fields' must be array.");
	const linked = Number(fields[key]);
	if (!Number.isInteger(linked) || linked < 1) throw new B24Error(400, '', "The parameter 'fields' is not valid.");
	return { ...fields, [key]: linked };
}

/** The owner's links, in the generic *.items table (created on first use). */
function linksOf(core: Core, prefix: string, id: number): Rec {
	const table = `generic:${prefix}.items`;
	const rec = core.store.get(table, id) ?? core.store.insert(table, { ID: id });
	if (!Array.isArray(rec._rows)) rec._rows = [];
	return rec;
}

export function linkHandlers(): HandlerMap {
	const map: HandlerMap = {};
	for (const [prefix, owner, key] of FAMILIES) {
		map[`${prefix}.add`] = (ctx, core) => {
			const id = ownerOf(ctx, core, owner);
			const fields = linkFields(ctx, key);
			const rec = linksOf(core, prefix, id);
			const rows = (rec._rows as Rec[]).filter((row) => Number(row[key]) !== fields[key]);
			const primary = fields.IS_PRIMARY === 'Y' || (fields.IS_PRIMARY === undefined && !rows.some((row) => row.IS_PRIMARY === 'Y'));
			if (primary) for (const row of rows) row.IS_PRIMARY = 'N';
			const sort = fields.SORT === undefined || fields.SORT === '' ? Math.max(0, ...rows.map((row) => Number(row.SORT) || 0)) + 10 : Number(fields.SORT);
			rows.push({ [key]: fields[key], SORT: sort, ROLE_ID: 0, IS_PRIMARY: primary ? 'Y' : 'N' });
			rec._rows = rows;
			return { result: true };
		};
		map[`${prefix}.delete`] = (ctx, core) => {
			const id = ownerOf(ctx, core, owner);
			const fields = linkFields(ctx, key);
			const rec = linksOf(core, prefix, id);
			rec._rows = (rec._rows as Rec[]).filter((row) => Number(row[key]) !== fields[key]);
			return { result: true };
		};
		map[`${prefix}.items.delete`] = (ctx, core) => {
			linksOf(core, prefix, ownerOf(ctx, core, owner))._rows = [];
			return { result: true };
		};
	}
	return map;
}
