import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

const owner = { type: 'user', ownerId: 1 };
let aprilId = '';
async function newEvent(portal: Portal, name = 'Case event'): Promise<string> {
	const [out] = await portal.json({ resource: 'calendarEvent', operation: 'create', ...owner, name, from: '2030-03-20T10:00:00', to: '2030-03-20T11:00:00', section: 4 });
	return String(out.id);
}

async function newSection(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'calendarSection', operation: 'create', ...owner, name: 'Case calendar' });
	return String(out.id);
}

/** A booking as calendar.resource.booking.list documents it: a one-day event in the resource's section. */
function booking(id: number, section: number, day: string, bookingId: number) {
	const from = Date.parse(`${day}T00:00:00Z`) / 1000;
	const [y, m, d] = day.split('-');
	return {
		ID: String(id),
		PARENT_ID: String(id),
		DELETED: 'N',
		CAL_TYPE: 'resource',
		OWNER_ID: '0',
		NAME: 'Booking',
		DATE_FROM: `${d}.${m}.${y} 00:00:00`,
		DATE_TO: `${d}.${m}.${y} 23:59:59`,
		DATE_FROM_TS_UTC: String(from),
		DATE_TO_TS_UTC: String(from + 86399),
		EVENT_TYPE: '#resourcebooking#',
		SECTION_ID: String(section),
		SECT_ID: String(section),
		RESOURCE_BOOKING_ID: String(bookingId),
	};
}

async function newResource(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'calendarResource', operation: 'create', name: 'Case room' });
	return String(out.id);
}

const numeric = expect.stringMatching(/^\d+$/);
const success = (items: unknown[]) => expect(items).toEqual([{ success: true }]);

export const calendarCases: Cases = {
	'calendarEvent.create': {
		parameters: {
			...owner,
			name: 'Planning',
			from: '2030-03-20T10:00:00',
			to: '2030-03-20T11:00:00',
			section: 4,
			additionalFields: { is_meeting: true, attendees: '1, 2', importance: 'high', remind: '[{"type": "min", "count": 15}]', crm_fields: 'D_1' },
		},
		request: (params) =>
			expect(params).toEqual({
				type: 'user',
				ownerId: 1,
				name: 'Planning',
				from: '2030-03-20T10:00:00',
				to: '2030-03-20T11:00:00',
				section: 4,
				is_meeting: 'Y',
				attendees: ['1', '2'],
				importance: 'high',
				remind: [{ type: 'min', count: 15 }],
				crm_fields: ['D_1'],
			}),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'calendarEvent.get': {
		parameters: async (portal) => ({ id: await newEvent(portal, 'Fetched') }),
		request: (params) => expect(params).toEqual({ id: numeric }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: numeric, NAME: 'Fetched' })]),
	},
	'calendarEvent.getMany': {
		parameters: async (portal) => {
			await newEvent(portal, 'In March');
			const [april] = await portal.json({ resource: 'calendarEvent', operation: 'create', ...owner, name: 'In April', from: '2030-04-20T10:00:00', to: '2030-04-20T11:00:00', section: 4 });
			aprilId = String(april.id);
			// a period around the March event (calendar-event-get.md: from/to bound the selection)
			return { ...owner, options: { from: '2030-03-01', to: '2030-03-31', section: '4' } };
		},
		request: (params) => expect(params).toMatchObject({ ...owner, section: ['4'], from: expect.stringMatching(/^2030-03-01/), to: expect.stringMatching(/^2030-03-31/) }),
		output: (items) => {
			expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(String), NAME: 'In March' }));
			expect(items.map((item) => String(item.ID))).not.toContain(aprilId);
			expect(items.map((item) => item.NAME)).not.toContain('In April');
		},
	},
	'calendarEvent.getNearest': {
		parameters: async (portal) => (await newEvent(portal, 'Nearest'), { options: { days: 7, forCurrentUser: true } }),
		request: (params) => expect(params).toEqual({ days: 7, forCurrentUser: true }),
		// calendar-event-get-nearest.md: the events, each with its name and period
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const event of items) expect(event).toMatchObject({ ID: expect.any(String), NAME: expect.any(String), DATE_FROM: expect.any(String), DATE_TO: expect.any(String) });
		},
	},
	'calendarEvent.update': {
		parameters: async (portal) => ({ id: await newEvent(portal), ...owner, updateFields: { name: 'Moved', recurrence_mode: 'this', current_date_from: '2030-03-20' } }),
		request: (params) => expect(params).toEqual({ id: numeric, ...owner, name: 'Moved', recurrence_mode: 'this', current_date_from: '2030-03-20' }),
		output: (items) => expect(items).toEqual([{ id: numeric, updated: true }]),
	},
	'calendarEvent.delete': {
		parameters: async (portal) => ({ id: await newEvent(portal) }),
		request: (params) => expect(params).toEqual({ id: numeric }),
		output: (items) => expect(items).toEqual([{ id: numeric, deleted: true }]),
	},
	'calendarEvent.setMeetingStatus': {
		parameters: { eventId: '12', status: 'N' },
		request: (params) => expect(params).toEqual({ eventId: '12', status: 'N' }),
		output: success,
	},
	'calendarEvent.getMeetingStatus': {
		parameters: { eventId: '12' },
		request: (params) => expect(params).toEqual({ eventId: '12' }),
		output: (items) => expect(items).toEqual([{ eventId: '12', status: expect.anything() }]),
	},
	'calendarEvent.getAvailability': {
		// user 2 attends a meeting in the period (calendar-accessibility-get.md: the events a user is busy in)
		parameters: async (portal) => {
			const body = JSON.stringify({ ...owner, name: 'Busy slot', from: '2030-03-20T15:00:00', to: '2030-03-20T16:00:00', section: 4, is_meeting: 'Y', attendees: [1, 2] });
			await fetch(`${portal.emu.webhookUrl}calendar.event.add`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
			return { users: '1, 2', from: '2030-03-20T00:00:00', to: '2030-03-21T00:00:00' };
		},
		request: (params) => expect(params).toEqual({ users: ['1', '2'], from: '2030-03-20', to: '2030-03-21' }),
		output: (items) => {
			expect(items.find((item) => item.userId === '2' && item.NAME === 'Busy slot')).toMatchObject({ DATE_FROM: '20.03.2030 15:00:00', DATE_TO: '20.03.2030 16:00:00', ACCESSIBILITY: 'busy' });
			for (const item of items) expect(item).toMatchObject({ userId: expect.any(String), ID: expect.any(String), DATE_FROM_TS_UTC: expect.any(String) });
		},
	},

	'calendarSection.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'calendarSection', operation: 'create', ...owner, name: 'Listed' });
			return owner;
		},
		request: (params) => expect(params).toEqual(owner),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(String), NAME: 'Listed' })),
	},
	'calendarSection.create': {
		parameters: { ...owner, name: 'Field work', additionalFields: { color: '#9cbeee', exportAllowed: true } },
		request: (params) => expect(params).toEqual({ ...owner, name: 'Field work', color: '#9cbeee', export: { ALLOW: true } }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'calendarSection.update': {
		parameters: async (portal) => ({ id: await newSection(portal), ...owner, updateFields: { name: 'Renamed' } }),
		request: (params) => expect(params).toEqual({ id: numeric, ...owner, name: 'Renamed' }),
		output: (items) => expect(items).toEqual([{ id: numeric, updated: true }]),
	},
	'calendarSection.delete': {
		parameters: async (portal) => ({ id: await newSection(portal), ...owner }),
		request: (params) => expect(params).toEqual({ id: numeric, ...owner }),
		output: (items) => expect(items).toEqual([{ id: numeric, deleted: true }]),
	},

	'calendarResource.getMany': {
		request: (params) => expect(params).toEqual({}),
		parameters: async (portal) => {
			await portal.json({ resource: 'calendarResource', operation: 'create', name: 'Room A' });
			return {};
		},
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(String), NAME: 'Room A' })),
	},
	'calendarResource.create': {
		parameters: { name: 'Room B' },
		request: (params) => expect(params).toEqual({ name: 'Room B' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'calendarResource.update': {
		parameters: async (portal) => ({ resourceId: await newResource(portal), name: 'Room C' }),
		request: (params) => expect(params).toEqual({ resourceId: numeric, name: 'Room C' }),
		output: (items) => expect(items).toEqual([{ id: numeric, updated: true }]),
	},
	'calendarResource.delete': {
		parameters: async (portal) => ({ resourceId: await newResource(portal) }),
		request: (params) => expect(params).toEqual({ resourceId: numeric }),
		output: (items) => expect(items).toEqual([{ id: numeric, deleted: true }]),
	},
	'calendarResource.getBookings': {
		// bookings come from a CRM resourcebooking field in the entity's form, not from REST: seeded here
		// (calendar-resource-booking-list.md fields) in resources 3 and 9, one of resource 4 before the period
		parameters: (portal) => (
			seededRows(portal, 'calendar.resource.booking', [
				booking(1408, 3, '2030-03-10', 10),
				booking(1409, 4, '2030-02-10', 11),
				booking(1410, 9, '2030-03-12', 12),
			]),
			{ listBy: 'resourceTypeIdList', ids: '3, 4', options: { from: '2030-03-01' } }
		),
		request: (params) => expect(params).toEqual({ filter: { resourceTypeIdList: ['3', '4'], from: '2030-03-01' } }),
		output: (items) =>
			expect(items).toEqual([
				expect.objectContaining({ ID: '1408', PARENT_ID: '1408', CAL_TYPE: 'resource', NAME: 'Booking', SECTION_ID: '3', RESOURCE_BOOKING_ID: '10', DATE_FROM: '10.03.2030 00:00:00' }),
			]),
	},
};
