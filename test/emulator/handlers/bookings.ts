// calendar.resource.booking.list (calendar-resource-booking-list.md): resource bookings are calendar
// events in a resource's section, made through a CRM `resourcebooking` field in the entity's form,
// not through REST, so the emulator keeps them in the generic calendar.resource.booking table a
// test seeds. The filter takes exactly one of resourceTypeIdList (resource = section ID) or
// resourceIdList (booking IDs from the CRM field, RESOURCE_BOOKING_ID), plus an optional from/to
// period; neither list is refused with the page's error (empty code).
import type { HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error } from '../types';

export const BOOKING_TABLE = 'generic:calendar.resource.booking';

const list = (v: unknown): string[] | undefined => {
	if (v === undefined || v === null || v === '') return undefined;
	const arr = Array.isArray(v) ? v : typeof v === 'object' ? Object.values(v as Rec) : String(v).split(',');
	return arr.map((x) => String(x).trim()).filter(Boolean);
};

/** Unix seconds of a filter date (Y-m-d, or anything Date reads), undefined when absent. */
function secondsOf(v: unknown, endOfDay = false): number | undefined {
	if (v === undefined || v === null || v === '') return undefined;
	const text = String(v);
	const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T${endOfDay ? '23:59:59' : '00:00:00'}Z` : text);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

export function bookingHandlers(): HandlerMap {
	return {
		'calendar.resource.booking.list': (ctx, core) => {
			const filter = (p(ctx, 'filter') ?? {}) as Rec;
			const types = list(filter.resourceTypeIdList);
			const ids = list(filter.resourceIdList);
			if (!types?.length && !ids?.length) {
				throw new B24Error(400, '', 'The required parameter "filter[\'resourceTypeIdList\']" is not set for the method "calendar.resource.booking.list"');
			}
			const from = secondsOf(filter.from);
			const to = secondsOf(filter.to, true);
			const rows = core.store.all(BOOKING_TABLE).filter((b) => {
				if (types?.length ? !types.includes(String(b.SECTION_ID ?? b.SECT_ID)) : !ids!.includes(String(b.RESOURCE_BOOKING_ID))) return false;
				// a booking overlapping the period is in it
				if (from !== undefined && Number(b.DATE_TO_TS_UTC) < from) return false;
				if (to !== undefined && Number(b.DATE_FROM_TS_UTC) > to) return false;
				return b.DELETED !== 'Y';
			});
			const result = rows.map((row) => {
				const { _scope, _created, ...rest } = row;
				void _scope;
				void _created;
				return { ...rest, ID: String(row.ID) };
			});
			return { result };
		},
	};
}
