import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { bool, date, id, json, list, num, str, yn } from '../shared';

const choice = (name: string, label: string, options: INodePropertyOptions[], extra: Partial<ParamSpec> = {}): ParamSpec => ({
	name,
	label,
	type: 'options',
	options,
	default: options[0].value as string,
	...extra,
});

/** Every calendar belongs to a user, a workgroup or the company (owner 0). */
const calendarType = choice(
	'type',
	'Calendar Type',
	[
		{ name: 'User', value: 'user' },
		{ name: 'Workgroup', value: 'group' },
		{ name: 'Company', value: 'company_calendar' },
	],
	{ required: true },
);
const ownerId = num('ownerId', 'Owner ID', { required: true, description: 'ID of the user or workgroup that owns the calendar; 0 for the company calendar' });

const eventFields: ParamSpec[] = [
	str('description', 'Description'),
	str('location', 'Location'),
	yn('skip_time', 'All Day', 'Whether the event has dates only, without time'),
	str('timezone_from', 'Start Time Zone', { placeholder: 'e.g. Europe/Berlin' }),
	str('timezone_to', 'End Time Zone', { placeholder: 'e.g. Europe/Berlin' }),
	str('color', 'Color', { placeholder: 'e.g. #9cbeee' }),
	str('text_color', 'Text Color', { placeholder: 'e.g. #283000' }),
	choice('accessibility', 'Show As', [
		{ name: 'Busy', value: 'busy' },
		{ name: 'Absent', value: 'absent' },
		{ name: 'Tentative', value: 'quest' },
		{ name: 'Free', value: 'free' },
	]),
	choice('importance', 'Importance', [
		{ name: 'Normal', value: 'normal' },
		{ name: 'High', value: 'high' },
		{ name: 'Low', value: 'low' },
	]),
	yn('private_event', 'Private', 'Whether only the owner sees the details'),
	yn('is_meeting', 'Meeting', 'Whether the event is a meeting with attendees'),
	list('attendees', 'Attendee User IDs', { description: 'Comma-separated user IDs' }),
	json('meeting', 'Meeting Settings (JSON)', { description: 'E.g. {"notify": true, "reinvite": false, "allow_invite": true, "hide_guests": false}' }),
	json('rrule', 'Recurrence (JSON)', { description: 'E.g. {"FREQ": "WEEKLY", "INTERVAL": 1, "BYDAY": ["MO"], "COUNT": 10}' }),
	json('remind', 'Reminders (JSON)', { shape: 'array', description: 'E.g. [{"type": "min", "count": 15}]' }),
	list('crm_fields', 'CRM Bindings', { description: 'Comma-separated CRM references, e.g. D_10, C_7' }),
];
const eventId = id('id', 'Event ID', undefined, { locator: 'calendarEvent' });

export const calendarEvent = crud({
	value: 'calendarEvent',
	name: 'Calendar Event',
	group: 'Calendar',
	prefix: 'calendar.event',
	noun: 'calendar event',
	key: [eventId],
	create: [
		calendarType,
		ownerId,
		str('name', 'Name', { required: true }),
		date('from', 'Start', { required: true }),
		date('to', 'End', { required: true }),
		num('section', 'Calendar ID', { required: true, description: 'ID of the calendar (section) to put the event in' }),
	],
	fields: eventFields,
	verbs: [
		'create',
		'get',
		'getMany',
		{
			value: 'getNearest',
			name: 'Get Upcoming',
			action: 'Get upcoming events',
			method: 'calendar.event.get.nearest',
			kind: 'getMany',
			optional: [
				{ ...calendarType, required: false },
				{ ...ownerId, required: false },
				num('days', 'Days', { default: 60, description: 'How many days ahead to look' }),
				bool('forCurrentUser', 'For Current User', 'Whether to list the events of the calling user', { default: true }),
				num('maxEventsCount', 'Max Events'),
			],
			optionalName: 'options',
		},
		'update',
		'delete',
	],
	override: {
		get: { method: 'calendar.event.getbyid' },
		getMany: {
			action: 'Get the events of a calendar',
			description: 'Get the events of a calendar within a period (calendar.event.get)',
			method: 'calendar.event.get',
			params: [calendarType, ownerId],
			optional: [date('from', 'From'), date('to', 'To'), list('section', 'Calendar IDs', { description: 'Comma-separated calendar (section) IDs' })],
			optionalName: 'options',
		},
		update: {
			params: [eventId, calendarType, ownerId],
			optional: [
				str('name', 'Name'),
				date('from', 'Start'),
				date('to', 'End'),
				num('section', 'Calendar ID'),
				...eventFields,
				choice('recurrence_mode', 'Recurrence Mode', [
					{ name: 'All Occurrences', value: 'all' },
					{ name: 'This Occurrence', value: 'this' },
					{ name: 'This and Following', value: 'next' },
				]),
				date('current_date_from', 'Occurrence Date', { description: 'Date of the occurrence to change, for "This Occurrence" and "This and Following"' }),
				num('host', 'Organizer User ID', { description: 'Current organizer, when someone else updates the meeting' }),
			],
		},
	},
	more: [
		{
			value: 'setMeetingStatus',
			name: 'Set Meeting Status',
			action: 'Accept or decline a meeting invitation',
			method: 'calendar.meeting.status.set',
			kind: 'action',
			params: [
				id('eventId', 'Event ID', undefined, { locator: 'calendarEvent' }),
				choice(
					'status',
					'Status',
					[
						{ name: 'Accepted', value: 'Y' },
						{ name: 'Declined', value: 'N' },
						{ name: 'Undecided', value: 'Q' },
					],
					{ required: true },
				),
			],
		},
		{
			value: 'getMeetingStatus',
			name: 'Get Meeting Status',
			action: 'Get your answer to a meeting invitation',
			method: 'calendar.meeting.status.get',
			kind: 'get',
			params: [id('eventId', 'Event ID', undefined, { locator: 'calendarEvent' })],
			output: (result, request) => ({ eventId: (request as IDataObject).eventId, status: result as string }),
		},
		{
			value: 'getAvailability',
			name: 'Get Availability',
			action: 'Get the busy times of users',
			method: 'calendar.accessibility.get',
			kind: 'getMany',
			params: [
				list('users', 'User IDs', { required: true, description: 'Comma-separated user IDs' }),
				date('from', 'From', { required: true }),
				date('to', 'To', { required: true }),
			],
			// events come grouped by user ID: one item per event, tagged with its user
			output: (result) =>
				Object.entries((result ?? {}) as IDataObject).flatMap(([userId, events]) => ((events ?? []) as IDataObject[]).map((event) => ({ userId, ...event }))),
			// the period is documented as YYYY-MM-DD dates
			prepare: (params) => ({ ...params, from: String(params.from).slice(0, 10), to: String(params.to).slice(0, 10) }),
		},
	],
});

const sectionFields: ParamSpec[] = [
	str('description', 'Description'),
	str('color', 'Color', { placeholder: 'e.g. #9cbeee' }),
	str('text_color', 'Text Color', { placeholder: 'e.g. #283000' }),
	bool('exportAllowed', 'Allow Export', 'Whether the calendar can be exported (iCal)', { to: 'export.ALLOW' }),
];

export const calendarSection = crud({
	value: 'calendarSection',
	name: 'Calendar',
	group: 'Calendar',
	description: 'Calendars (sections) of users, workgroups and the company',
	prefix: 'calendar.section',
	noun: 'calendar',
	key: [id('id', 'Calendar ID'), calendarType, ownerId],
	create: [calendarType, ownerId, str('name', 'Name', { required: true })],
	fields: sectionFields,
	updateFirst: [str('name', 'Name')],
	verbs: ['getMany', 'create', 'update', 'delete'],
	override: { getMany: { action: 'Get the calendars of an owner', method: 'calendar.section.get', params: [calendarType, ownerId] } },
});

const resourceId = id('resourceId', 'Resource ID');
/** The ID sits in `resourceId`, which the generic shaping does not look at. */
const byResource = (flag: 'updated' | 'deleted') => (result: unknown, request: IDataObject | unknown[]) => ({ id: (request as IDataObject).resourceId, [flag]: result !== false });

export const calendarResource = crud({
	value: 'calendarResource',
	name: 'Calendar Resource',
	group: 'Calendar',
	description: 'Bookable resources such as meeting rooms',
	prefix: 'calendar.resource',
	noun: 'bookable resource',
	key: [resourceId],
	create: [str('name', 'Name', { required: true })],
	verbs: ['getMany', 'create', 'update', 'delete'],
	override: {
		getMany: { action: 'Get bookable resources' },
		update: { action: 'Rename a bookable resource', params: [resourceId, str('name', 'Name', { required: true })], output: byResource('updated') },
		delete: { output: byResource('deleted') },
	},
	more: [
		{
			value: 'getBookings',
			name: 'Get Bookings',
			action: 'Get the bookings of resources',
			method: 'calendar.resource.booking.list',
			kind: 'getMany',
			params: [
				choice('listBy', 'List By', [
					{ name: 'Resource IDs', value: 'resourceTypeIdList' },
					{ name: 'CRM Booking IDs', value: 'resourceIdList' },
				]),
				list('ids', 'IDs', { required: true, description: 'Comma-separated IDs of resources, or of bookings from a CRM resource booking field' }),
			],
			optional: [date('from', 'From', { to: 'filter.from' }), date('to', 'To', { to: 'filter.to' })],
			optionalName: 'options',
			// the filter takes exactly one of the two ID lists
			prepare: ({ listBy, ids, ...params }) => ({ ...params, filter: { ...((params.filter ?? {}) as IDataObject), [listBy as string]: ids } }),
		},
	],
});

export const calendarResources: ResourceSpec[] = [calendarEvent, calendarSection, calendarResource];
