import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

/** Online Booking (booking.v1.*): records are created through the node before they are read. */

const one = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	return items[0];
};
const numeric = expect.any(Number);
// 2025-03-10 09:00 and 10:00 UTC
const period = { startTime: '2025-03-10T09:00:00.000Z', endTime: '2025-03-10T10:00:00.000Z', timezone: 'Europe/Berlin' };
const datePeriod = { from: { timestamp: 1741597200, timezone: 'Europe/Berlin' }, to: { timestamp: 1741600800, timezone: 'Europe/Berlin' } };

async function newResource(portal: Portal, name = 'Room 1'): Promise<number> {
	const [out] = await portal.json({ resource: 'bookingResource', operation: 'create', name, typeId: '3' });
	return Number(out.id);
}
async function newType(portal: Portal, name = 'Rooms'): Promise<number> {
	const [out] = await portal.json({ resource: 'bookingResourceType', operation: 'create', name, code: name.toLowerCase() });
	return Number(out.id);
}
async function newBooking(portal: Portal, name = 'Consultation'): Promise<number> {
	const [out] = await portal.json({ resource: 'booking', operation: 'create', resourceIds: '7', ...period, additionalFields: { name } });
	return Number(out.id);
}
async function newEntry(portal: Portal, note = 'Call back in the morning'): Promise<number> {
	const [out] = await portal.json({ resource: 'bookingWaitlist', operation: 'create', note });
	return Number(out.id);
}

const clients = [{ id: 5, type: { module: 'crm', code: 'CONTACT' } }];
const externalData = [{ moduleId: 'crm', entityTypeId: 'DEAL', value: '12' }];

/** Clients and external data of a booking (`bookingId`) or a waitlist entry (`waitListId`), written through the node's Set operations. */
function linkCases(resource: string, key: string, create: (portal: Portal) => Promise<number>): Cases {
	let owner = 0;
	const setup = async (portal: Portal) => ({ [key]: String((owner = await create(portal))) });
	const withRows = (operation: string, rows: string, value: IDataObject[]) => async (portal: Portal) => {
		const params = await setup(portal);
		await portal.json({ resource, operation, ...params, [rows]: JSON.stringify(value) });
		return params;
	};
	const sentOwner = (params: IDataObject) => expect(params).toEqual({ [key]: String(owner) });
	return {
		[`${resource}.getClients`]: {
			parameters: withRows('setClients', 'clients', clients),
			request: sentOwner,
			output: (items) => expect(items).toEqual(clients),
		},
		[`${resource}.setClients`]: {
			parameters: async (portal) => ({ ...(await setup(portal)), clients: JSON.stringify(clients) }),
			request: (params) => expect(params).toEqual({ [key]: String(owner), clients }),
			output: (items) => expect(one(items)).toEqual({ id: String(owner), success: true }),
		},
		[`${resource}.unsetClients`]: {
			parameters: withRows('setClients', 'clients', clients),
			request: sentOwner,
			output: (items) => expect(one(items)).toEqual({ id: String(owner), success: true }),
		},
		[`${resource}.getExternalData`]: {
			parameters: withRows('setExternalData', 'externalData', externalData),
			request: sentOwner,
			output: (items) => expect(items).toEqual(externalData),
		},
		[`${resource}.setExternalData`]: {
			parameters: async (portal) => ({ ...(await setup(portal)), externalData: JSON.stringify(externalData) }),
			request: (params) => expect(params).toEqual({ [key]: String(owner), externalData }),
			output: (items) => expect(one(items)).toEqual({ id: String(owner), success: true }),
		},
		[`${resource}.unsetExternalData`]: {
			parameters: withRows('setExternalData', 'externalData', externalData),
			request: sentOwner,
			output: (items) => expect(one(items)).toEqual({ id: String(owner), success: true }),
		},
	};
}

let resourceId = 0;
let typeId = 0;
let bookingId = 0;
let entryId = 0;

export const bookingCases: Cases = {
	'bookingResource.create': {
		parameters: { name: 'Room 1', typeId: '3', additionalFields: { description: 'Second floor', isMain: 'N', isReminderNotificationOn: 'N' } },
		request: (params) => expect(params).toEqual({ fields: { name: 'Room 1', typeId: '3', description: 'Second floor', isMain: 'N', isReminderNotificationOn: 'N' } }),
		output: (items) => expect(one(items)).toEqual({ id: numeric }),
	},
	'bookingResource.get': {
		parameters: async (portal) => ({ id: String((resourceId = await newResource(portal, 'Room 2'))) }),
		request: (params) => expect(params).toEqual({ id: String(resourceId) }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: resourceId, name: 'Room 2' })),
	},
	'bookingResource.getMany': {
		parameters: async (portal) => {
			await newResource(portal, 'Listed room');
			return { returnAll: true, listOptions: { filter: '{"name": "Listed room"}', sort: '{"id": "DESC"}' } };
		},
		request: (params) => expect(params).toEqual({ FILTER: { name: 'Listed room' }, ORDER: { id: 'DESC' } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: numeric, name: 'Listed room' })),
	},
	'bookingResource.update': {
		parameters: async (portal) => ({ id: String((resourceId = await newResource(portal))), updateFields: { name: 'Room 1A' } }),
		request: (params) => expect(params).toEqual({ id: String(resourceId), fields: { name: 'Room 1A' } }),
		output: (items) => expect(one(items)).toEqual({ id: String(resourceId), updated: true }),
	},
	'bookingResource.delete': {
		parameters: async (portal) => ({ id: String((resourceId = await newResource(portal))) }),
		request: (params) => expect(params).toEqual({ id: String(resourceId) }),
		output: (items) => expect(one(items)).toEqual({ id: String(resourceId), deleted: true }),
	},
	'bookingResource.getSlots': {
		parameters: async (portal) => {
			const params = { resourceId: String((resourceId = await newResource(portal))) };
			await portal.json({ resource: 'bookingResource', operation: 'setSlots', ...params, slots: '[{"from": 540, "to": 1080, "slotSize": 60, "timezone": "Europe/Berlin", "weekDays": ["Mon", "Tue"]}]' });
			return params;
		},
		request: (params) => expect(params).toEqual({ resourceId: String(resourceId) }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), from: 540, to: 1080, slotSize: 60, timezone: 'Europe/Berlin', weekDays: ['Mon', 'Tue'] }),
	},
	'bookingResource.setSlots': {
		parameters: async (portal) => ({
			resourceId: String((resourceId = await newResource(portal))),
			slots: '[{"from": 540, "to": 1080, "timezone": "Europe/Berlin", "weekDays": ["Mon"], "slotSize": 30}]',
		}),
		request: (params) => expect(params).toEqual({ resourceId: String(resourceId), slots: [{ from: 540, to: 1080, timezone: 'Europe/Berlin', weekDays: ['Mon'], slotSize: 30 }] }),
		output: (items) => expect(one(items)).toEqual({ id: String(resourceId), success: true }),
	},
	'bookingResource.unsetSlots': {
		parameters: async (portal) => ({ resourceId: String((resourceId = await newResource(portal))) }),
		request: (params) => expect(params).toEqual({ resourceId: String(resourceId) }),
		output: (items) => expect(one(items)).toEqual({ id: String(resourceId), success: true }),
	},

	'bookingResourceType.create': {
		parameters: { name: 'Specialists', code: 'specialists', additionalFields: { isFeedbackNotificationOn: 'N' } },
		request: (params) => expect(params).toEqual({ fields: { name: 'Specialists', code: 'specialists', isFeedbackNotificationOn: 'N' } }),
		output: (items) => expect(one(items)).toEqual({ id: numeric }),
	},
	'bookingResourceType.get': {
		parameters: async (portal) => ({ id: String((typeId = await newType(portal, 'Cars'))) }),
		request: (params) => expect(params).toEqual({ id: String(typeId) }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: typeId, name: 'Cars', code: 'cars' })),
	},
	'bookingResourceType.getMany': {
		parameters: async (portal) => {
			await newType(portal, 'Boats');
			return { returnAll: true, listOptions: { filter: '{"code": "boats"}' } };
		},
		request: (params) => expect(params).toEqual({ FILTER: { code: 'boats' } }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: numeric, name: 'Boats', code: 'boats' })),
	},
	'bookingResourceType.update': {
		parameters: async (portal) => ({ id: String((typeId = await newType(portal))), updateFields: { name: 'Meeting rooms' } }),
		request: (params) => expect(params).toEqual({ id: String(typeId), fields: { name: 'Meeting rooms' } }),
		output: (items) => expect(one(items)).toEqual({ id: String(typeId), updated: true }),
	},
	'bookingResourceType.delete': {
		parameters: async (portal) => ({ id: String((typeId = await newType(portal))) }),
		request: (params) => expect(params).toEqual({ id: String(typeId) }),
		output: (items) => expect(one(items)).toEqual({ id: String(typeId), deleted: true }),
	},

	'booking.create': {
		parameters: { resourceIds: '7, 8', ...period, additionalFields: { name: 'Consultation' } },
		// the period goes as Unix timestamps with the time zone (booking-v1-booking-add.md)
		request: (params) => expect(params).toEqual({ fields: { resourceIds: [7, 8], name: 'Consultation', datePeriod } }),
		output: (items) => expect(one(items)).toEqual({ id: numeric }),
	},
	'booking.get': {
		parameters: async (portal) => ({ id: String((bookingId = await newBooking(portal, 'Haircut'))) }),
		request: (params) => expect(params).toEqual({ id: String(bookingId) }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: bookingId, name: 'Haircut', resourceIds: [7], datePeriod })),
	},
	'booking.getMany': {
		parameters: async (portal) => {
			await newBooking(portal, 'Listed booking');
			return { returnAll: true, listOptions: { sort: '{"dateFrom": "DESC"}' } };
		},
		request: (params) => expect(params).toEqual({ ORDER: { dateFrom: 'DESC' } }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ id: numeric, name: 'Listed booking', datePeriod })),
	},
	'booking.update': {
		parameters: async (portal) => ({ id: String((bookingId = await newBooking(portal))), updateFields: { resourceIds: '9', ...period } }),
		request: (params) => expect(params).toEqual({ id: String(bookingId), fields: { resourceIds: [9], datePeriod } }),
		output: (items) => expect(one(items)).toEqual({ id: String(bookingId), updated: true }),
	},
	'booking.delete': {
		parameters: async (portal) => ({ id: String((bookingId = await newBooking(portal))) }),
		request: (params) => expect(params).toEqual({ id: String(bookingId) }),
		output: (items) => expect(one(items)).toEqual({ id: String(bookingId), deleted: true }),
	},
	...linkCases('booking', 'bookingId', newBooking),
	'booking.createFromWaitlist': {
		parameters: async (portal) => ({ waitListId: String((entryId = await newEntry(portal))), resourceIds: '7', ...period }),
		request: (params) => expect(params).toEqual({ waitListId: String(entryId), fields: { resourceIds: [7], datePeriod } }),
		output: (items) => expect(one(items)).toEqual({ id: numeric, waitListId: String(entryId) }),
	},

	'bookingWaitlist.create': {
		parameters: { note: 'Any time after 5 pm' },
		request: (params) => expect(params).toEqual({ fields: { note: 'Any time after 5 pm' } }),
		output: (items) => expect(one(items)).toEqual({ id: numeric }),
	},
	'bookingWaitlist.get': {
		parameters: async (portal) => ({ id: String((entryId = await newEntry(portal, 'Fetched entry'))) }),
		request: (params) => expect(params).toEqual({ id: String(entryId) }),
		output: (items) => expect(one(items)).toEqual(expect.objectContaining({ id: entryId, note: 'Fetched entry' })),
	},
	'bookingWaitlist.getMany': {
		parameters: async (portal) => {
			await newEntry(portal, 'Listed entry');
			return { returnAll: true };
		},
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ id: numeric, note: 'Listed entry' })),
	},
	'bookingWaitlist.update': {
		parameters: async (portal) => ({ id: String((entryId = await newEntry(portal))), updateFields: { note: 'Only Fridays' } }),
		request: (params) => expect(params).toEqual({ id: String(entryId), fields: { note: 'Only Fridays' } }),
		output: (items) => expect(one(items)).toEqual({ id: String(entryId), updated: true }),
	},
	'bookingWaitlist.delete': {
		parameters: async (portal) => ({ id: String((entryId = await newEntry(portal))) }),
		request: (params) => expect(params).toEqual({ id: String(entryId) }),
		output: (items) => expect(one(items)).toEqual({ id: String(entryId), deleted: true }),
	},
	...linkCases('bookingWaitlist', 'waitListId', newEntry),
	'bookingWaitlist.createFromBooking': {
		parameters: async (portal) => ({ bookingId: String((bookingId = await newBooking(portal))) }),
		request: (params) => expect(params).toEqual({ bookingId: String(bookingId) }),
		output: (items) => expect(one(items)).toEqual({ id: numeric, bookingId: String(bookingId) }),
	},

	'bookingClientType.getMany': {
		parameters: async (portal) => {
			seededRows(portal, 'booking.v1.clienttype', [{ module: 'crm', code: 'CONTACT' }, { module: 'crm', code: 'COMPANY' }]);
			return {};
		},
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toEqual([expect.objectContaining({ module: 'crm', code: 'CONTACT' }), expect.objectContaining({ module: 'crm', code: 'COMPANY' })]),
	},
};
