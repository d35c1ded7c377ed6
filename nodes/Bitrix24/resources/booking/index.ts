import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationSpec, PagingSpec, ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { act, changed, date, id, json, list, str, toFields as f, V2, yesNoOptions } from '../shared';

/** Online Booking (booking.v1.*): resources, their types and slots, bookings, the waitlist. */

const yesNo = (name: string, label: string, description: string): ParamSpec => f(yesNoOptions(name, label, description));
// resource, type and booking lists answer everything at once, filtered by FILTER and sorted by ORDER
const upperPaging = (itemsPath: string): PagingSpec => ({
	mode: 'all',
	itemsPath,
	filterKey: 'FILTER',
	orderKey: 'ORDER',
});

const notifications = [
	yesNo('isInfoNotificationOn', 'Booking Message', 'Whether the client gets a message about the booking'),
	yesNo('isConfirmationNotificationOn', 'Confirmation Request', 'Whether the client is asked to confirm the booking'),
	yesNo('isReminderNotificationOn', 'Reminder', 'Whether the client gets a reminder before the booking'),
	yesNo('isFeedbackNotificationOn', 'Feedback Request', 'Whether the client is asked for feedback'),
	yesNo('isDelayedNotificationOn', 'Late Reminder', 'Whether the client gets a message when late'),
];

const resourceId = id('id', 'Resource ID');
export const bookingResource = crud({
	value: 'bookingResource',
	name: 'Resource',
	group: 'Booking',
	description: 'What is booked: a specialist, a room, equipment (booking.v1.resource.*)',
	prefix: 'booking.v1.resource',
	noun: 'booking resource',
	key: [resourceId],
	create: [f(str('name', 'Name', { required: true })), f(id('typeId', 'Resource Type ID'))],
	fields: [f(str('description', 'Description')), yesNo('isMain', 'Show in Schedule Columns', 'Whether the resource has its own schedule column (No: shown where resources overlap)'), ...notifications],
	updateFirst: [f(str('name', 'Name')), f(str('typeId', 'Resource Type ID', { integer: true }))],
	updateFixed: { fields: {} },
	paging: upperPaging('resource'),
	every: V2,
	override: { create: { unwrap: 'id' }, get: { unwrap: 'resource' } },
	more: [
		act('getSlots', 'Get Slots', 'Get the bookable time slots of a resource', 'booking.v1.resource.slots.list', [id('resourceId', 'Resource ID')], { ...V2, kind: 'get', unwrap: 'slots' }),
		act(
			'setSlots',
			'Set Slots',
			'Set the bookable time slots of a resource',
			'booking.v1.resource.slots.set',
			[
				id('resourceId', 'Resource ID'),
				json('slots', 'Slots (JSON)', {
					required: true,
					shape: 'array',
					description: 'Minutes of the day, e.g. [{"from": 540, "to": 1080, "timezone": "Europe/Berlin", "weekDays": ["Mon", "Tue"], "slotSize": 60}]',
				}),
			],
			{ ...V2, output: changed('resourceId') },
		),
		act('unsetSlots', 'Remove Slots', 'Remove the time slots of a resource', 'booking.v1.resource.slots.unset', [id('resourceId', 'Resource ID')], { ...V2, output: changed('resourceId') }),
	],
});

export const bookingResourceType = crud({
	value: 'bookingResourceType',
	name: 'Resource Type',
	group: 'Booking',
	description: 'Kinds of booking resources and their notification defaults (booking.v1.resourceType.*)',
	prefix: 'booking.v1.resourceType',
	noun: 'resource type',
	key: [id('id', 'Resource Type ID')],
	create: [f(str('name', 'Name', { required: true })), f(str('code', 'Code', { required: true }))],
	fields: notifications,
	updateFirst: [f(str('name', 'Name')), f(str('code', 'Code'))],
	updateFixed: { fields: {} },
	paging: upperPaging('resource'),
	every: V2,
	override: { create: { unwrap: 'id' }, get: { unwrap: 'resourceType' } },
});

/** The booking's time as its datePeriod: Unix timestamps with the time zone. */
const periodInputs: ParamSpec[] = [
	date('startTime', 'Start', { required: true }),
	date('endTime', 'End', { required: true }),
	str('timezone', 'Time Zone', {
		required: true,
		default: 'UTC',
		placeholder: 'e.g. Europe/Berlin',
	}),
];
const bookingInputs: ParamSpec[] = [
	f(
		list('resourceIds', 'Resource IDs', {
			required: true,
			description: 'Comma-separated IDs of the booked resources',
		}),
	),
	...periodInputs,
];
const bookingFields: ParamSpec[] = [f(str('name', 'Name')), f(str('description', 'Description'))];
const seconds = (value: unknown) => Math.floor(new Date(String(value)).getTime() / 1000);

/** Moves the period inputs into fields.datePeriod and sends the resource IDs as numbers. */
const toBooking = (method: string) =>
	function (this: IExecuteFunctions, params: IDataObject, itemIndex: number): IDataObject {
		const { startTime, endTime, timezone, ...rest } = params;
		const fields = { ...((rest.fields as IDataObject) ?? {}) };
		if (Array.isArray(fields.resourceIds)) fields.resourceIds = fields.resourceIds.map(Number);
		// datePeriod is one object: a new start needs its end and the other way round
		if ((startTime === undefined) !== (endTime === undefined)) {
			throw new NodeOperationError(this.getNode(), `${method} needs both Start and End to change the booking time [item ${itemIndex}]`, {
				itemIndex,
				description: 'Set Start and End (and Time Zone) together, or neither to keep the booking time.',
			});
		}
		if (startTime !== undefined && endTime !== undefined) {
			const [from, to] = [seconds(startTime), seconds(endTime)];
			if (!Number.isFinite(from) || !Number.isFinite(to)) {
				throw new NodeOperationError(this.getNode(), `${method}: Start or End is not a date [item ${itemIndex}]`, {
					itemIndex,
					description: 'Enter dates such as 2025-03-10T09:00:00+01:00.',
				});
			}
			fields.datePeriod = {
				from: { timestamp: from, timezone },
				to: { timestamp: to, timezone },
			};
		}
		return { ...rest, fields };
	};

/** Clients and external data (CRM links) of a booking or a waitlist entry. */
function links(key: string, label: string, prefix: string, noun: string): OperationSpec[] {
	const owner = id(key, label);
	return [
		act('getClients', 'Get Clients', `Get the clients of ${noun}`, `${prefix}.client.list`, [owner], {
			...V2,
			kind: 'get',
			unwrap: prefix.endsWith('booking') ? 'bookingClient' : 'waitListClient',
		}),
		act(
			'setClients',
			'Set Clients',
			`Set the clients of ${noun}`,
			`${prefix}.client.set`,
			[
				owner,
				json('clients', 'Clients (JSON)', {
					required: true,
					shape: 'array',
					description: 'e.g. [{"id": 5, "type": {"module": "crm", "code": "CONTACT"}}]',
				}),
			],
			{ ...V2, output: changed(key) },
		),
		act('unsetClients', 'Remove Clients', `Remove the clients of ${noun}`, `${prefix}.client.unset`, [owner], { ...V2, output: changed(key) }),
		act('getExternalData', 'Get External Data', `Get the CRM records linked to ${noun}`, `${prefix}.externalData.list`, [owner], { ...V2, kind: 'get', unwrap: 'externalData' }),
		act(
			'setExternalData',
			'Set External Data',
			`Link CRM records to ${noun}`,
			`${prefix}.externalData.set`,
			[
				owner,
				json('externalData', 'External Data (JSON)', {
					required: true,
					shape: 'array',
					description: 'e.g. [{"moduleId": "crm", "entityTypeId": "DEAL", "value": "1"}]',
				}),
			],
			{ ...V2, output: changed(key) },
		),
		act('unsetExternalData', 'Remove External Data', `Unlink the CRM records of ${noun}`, `${prefix}.externalData.unset`, [owner], { ...V2, output: changed(key) }),
	];
}

export const booking = crud({
	value: 'booking',
	name: 'Booking',
	group: 'Booking',
	description: 'Bookings of resources (booking.v1.booking.*)',
	prefix: 'booking.v1.booking',
	noun: 'booking',
	key: [id('id', 'Booking ID')],
	create: bookingInputs,
	fields: bookingFields,
	updateFirst: [
		f(
			list('resourceIds', 'Resource IDs', {
				description: 'Comma-separated IDs of the booked resources',
			}),
		),
	],
	updateFixed: { fields: {} },
	paging: upperPaging('booking'),
	every: V2,
	override: {
		create: { unwrap: 'id', prepare: toBooking('booking.v1.booking.add') },
		get: { unwrap: 'booking' },
		update: {
			prepare: toBooking('booking.v1.booking.update'),
			optional: [
				f(
					list('resourceIds', 'Resource IDs', {
						description: 'Comma-separated IDs of the booked resources',
					}),
				),
				...bookingFields,
				date('startTime', 'Start'),
				date('endTime', 'End'),
				str('timezone', 'Time Zone', { default: 'UTC' }),
			],
		},
	},
	more: [
		...links('bookingId', 'Booking ID', 'booking.v1.booking', 'a booking'),
		act('createFromWaitlist', 'Create From Waitlist', 'Book a waitlist entry', 'booking.v1.booking.createfromwaitlist', [id('waitListId', 'Waitlist Entry ID'), ...bookingInputs], {
			...V2,
			optional: bookingFields,
			prepare: toBooking('booking.v1.booking.createfromwaitlist'),
			output: (result, request) => ({
				id: result as number,
				waitListId: (request as IDataObject).waitListId as number,
			}),
		}),
	],
});

export const bookingWaitlist = crud({
	value: 'bookingWaitlist',
	name: 'Waitlist Entry',
	group: 'Booking',
	description: 'Clients waiting for a free slot (booking.v1.waitlist.*)',
	prefix: 'booking.v1.waitlist',
	noun: 'waitlist entry',
	plural: 'waitlist entries',
	key: [id('id', 'Waitlist Entry ID')],
	create: [f(str('note', 'Note', { required: true }))],
	updateFirst: [f(str('note', 'Note'))],
	updateFixed: { fields: {} },
	// the waitlist takes its filter in lower case (createdWithin) and has no sort
	paging: { mode: 'all', itemsPath: 'waitList', filterKey: 'filter' },
	every: V2,
	override: { create: { unwrap: 'id' }, get: { unwrap: 'waitList' } },
	more: [
		...links('waitListId', 'Waitlist Entry ID', 'booking.v1.waitlist', 'a waitlist entry'),
		act('createFromBooking', 'Create From Booking', 'Put a booking on the waitlist', 'booking.v1.waitlist.createfrombooking', [id('bookingId', 'Booking ID')], {
			...V2,
			output: (result, request) => ({
				id: result as number,
				bookingId: (request as IDataObject).bookingId as number,
			}),
		}),
	],
});

export const bookingClientType: ResourceSpec = {
	value: 'bookingClientType',
	name: 'Client Type',
	group: 'Booking',
	description: 'Kinds of clients a booking can have (CRM contact, company)',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the booking client types',
			method: 'booking.v1.clienttype.list',
			kind: 'get',
			unwrap: 'clientType',
			since: 2,
		},
	],
};

export const bookingResources: ResourceSpec[] = [bookingResource, bookingResourceType, booking, bookingWaitlist, bookingClientType];
