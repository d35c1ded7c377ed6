// Online Booking lists kept per owner (booking/*): a resource's time slots, a booking's or a
// waitlist entry's clients and external data. *.set replaces the owner's rows, *.unset clears
// them, *.list answers them under the page's key. The owner must exist in the generic store
// (booking.v1.resource.add, booking.v1.booking.add, booking.v1.waitlist.add), else the page's
// error: 1009 Resource not found, 1021 Booking not found, 1040 Wait list not found. A row
// without a documented required field is refused with error 0 "Required fields: ...".
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

interface OwnedList {
	/** Method prefix, e.g. booking.v1.booking.client */
	prefix: string;
	/** The generic table of the owner and the page's not-found error. */
	owner: { table: string; key: string; code: string; description: string };
	/** The set method's rows parameter, the list answer's key, each row's required fields. */
	rows: string;
	listKey: string;
	required: string[];
	/** Rows carry their own id (slots); clients and external data are answered as sent. */
	withId?: boolean;
}

const TABLE = 'bookingOwnedRows';
const RESOURCE = { table: 'generic:booking.v1.resource', key: 'resourceId', code: '1009', description: 'Resource not found' };
const BOOKING = { table: 'generic:booking.v1.booking', key: 'bookingId', code: '1021', description: 'Booking not found' };
const WAITLIST = { table: 'generic:booking.v1.waitlist', key: 'waitListId', code: '1040', description: 'Wait list not found' };

const LISTS: OwnedList[] = [
	{ prefix: 'booking.v1.resource.slots', owner: RESOURCE, rows: 'slots', listKey: 'slots', required: ['from', 'to', 'timezone', 'weekDays', 'slotSize'], withId: true },
	{ prefix: 'booking.v1.booking.client', owner: BOOKING, rows: 'clients', listKey: 'bookingClient', required: ['id', 'type'] },
	{ prefix: 'booking.v1.booking.externalData', owner: BOOKING, rows: 'externalData', listKey: 'externalData', required: ['moduleId', 'entityTypeId', 'value'] },
	{ prefix: 'booking.v1.waitlist.client', owner: WAITLIST, rows: 'clients', listKey: 'waitListClient', required: ['id', 'type'] },
	{ prefix: 'booking.v1.waitlist.externalData', owner: WAITLIST, rows: 'externalData', listKey: 'externalData', required: ['moduleId', 'entityTypeId', 'value'] },
];

function ownerOf(ctx: CallContext, core: Core, list: OwnedList): number {
	const id = Number(p(ctx, list.owner.key));
	if (!Number.isInteger(id) || !core.store.get(list.owner.table, id)) throw new B24Error(400, list.owner.code, list.owner.description);
	return id;
}

const stored = (core: Core, list: OwnedList, owner: number): Rec | undefined => core.store.all(TABLE).find((r) => r.prefix === list.prefix && r.owner === owner);

function handlers(list: OwnedList): HandlerMap {
	const set: Handler = (ctx, core) => {
		const owner = ownerOf(ctx, core, list);
		const given = p(ctx, list.rows);
		const rows = (Array.isArray(given) ? given : []) as Rec[];
		for (const row of rows) {
			const missing = list.required.filter((k) => row?.[k] === undefined || row[k] === '');
			if (missing.length) throw new B24Error(400, '0', `Required fields: ${missing.join(', ')}`);
		}
		const rec = stored(core, list, owner) ?? core.store.insert(TABLE, { prefix: list.prefix, owner });
		let next = 170;
		rec.rows = rows.map((row) => (list.withId ? { ...row, id: (next += 1) } : { ...row }));
		return { result: true };
	};
	const unset: Handler = (ctx, core) => {
		const rec = stored(core, list, ownerOf(ctx, core, list));
		if (rec) core.store.remove(TABLE, Number(rec.ID));
		return { result: true };
	};
	const read: Handler = (ctx, core) => ({ result: { [list.listKey]: (stored(core, list, ownerOf(ctx, core, list))?.rows as Rec[] | undefined) ?? [] } });
	return { [`${list.prefix}.set`]: set, [`${list.prefix}.unset`]: unset, [`${list.prefix}.list`]: read };
}

export function onlineBookingHandlers(): HandlerMap {
	return Object.assign({}, ...LISTS.map(handlers)) as HandlerMap;
}
