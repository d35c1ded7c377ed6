import type { Cases } from './types';

const owner = { type: 'user', ownerId: 1 };
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
		parameters: { id: '12' },
		request: (params) => expect(params).toEqual({ id: '12' }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: expect.anything() })]),
	},
	'calendarEvent.getMany': {
		parameters: { ...owner, options: { from: '2030-03-01', to: '2030-03-31', section: '4, 5' } },
		request: (params) => expect(params).toEqual({ ...owner, from: '2030-03-01', to: '2030-03-31', section: ['4', '5'] }),
		output: (items) => expect(items.length).toBeGreaterThan(0),
	},
	'calendarEvent.getNearest': {
		parameters: { options: { days: 7, forCurrentUser: true } },
		request: (params) => expect(params).toEqual({ days: 7, forCurrentUser: true }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
	'calendarEvent.update': {
		parameters: { id: '12', ...owner, updateFields: { name: 'Moved', recurrence_mode: 'this', current_date_from: '2030-03-20' } },
		request: (params) => expect(params).toEqual({ id: '12', ...owner, name: 'Moved', recurrence_mode: 'this', current_date_from: '2030-03-20' }),
		output: (items) => expect(items).toEqual([{ id: '12', updated: true }]),
	},
	'calendarEvent.delete': {
		parameters: { id: '12' },
		request: (params) => expect(params).toEqual({ id: '12' }),
		output: (items) => expect(items).toEqual([{ id: '12', deleted: true }]),
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
		parameters: { users: '1, 2', from: '2030-03-20T00:00:00', to: '2030-03-21T00:00:00' },
		request: (params) => expect(params).toEqual({ users: ['1', '2'], from: '2030-03-20', to: '2030-03-21' }),
		output: (items) => {
			for (const item of items) expect(item).toMatchObject({ userId: expect.any(String) });
		},
	},

	'calendarSection.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'calendarSection', operation: 'create', ...owner, name: 'Listed' });
			return owner;
		},
		request: (params) => expect(params).toEqual(owner),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ name: 'Listed' })),
	},
	'calendarSection.create': {
		parameters: { ...owner, name: 'Field work', additionalFields: { color: '#9cbeee', exportAllowed: true } },
		request: (params) => expect(params).toEqual({ ...owner, name: 'Field work', color: '#9cbeee', export: { ALLOW: true } }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'calendarSection.update': {
		parameters: { id: '4', ...owner, updateFields: { name: 'Renamed' } },
		request: (params) => expect(params).toEqual({ id: '4', ...owner, name: 'Renamed' }),
		output: (items) => expect(items).toEqual([{ id: '4', updated: true }]),
	},
	'calendarSection.delete': {
		parameters: { id: '4', ...owner },
		request: (params) => expect(params).toEqual({ id: '4', ...owner }),
		output: (items) => expect(items).toEqual([{ id: '4', deleted: true }]),
	},

	'calendarResource.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'calendarResource', operation: 'create', name: 'Room A' });
			return {};
		},
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ name: 'Room A' })),
	},
	'calendarResource.create': {
		parameters: { name: 'Room B' },
		request: (params) => expect(params).toEqual({ name: 'Room B' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'calendarResource.update': {
		parameters: { resourceId: '3', name: 'Room C' },
		request: (params) => expect(params).toEqual({ resourceId: '3', name: 'Room C' }),
		output: (items) => expect(items).toEqual([{ id: '3', updated: true }]),
	},
	'calendarResource.delete': {
		parameters: { resourceId: '3' },
		request: (params) => expect(params).toEqual({ resourceId: '3' }),
		output: (items) => expect(items).toEqual([{ id: '3', deleted: true }]),
	},
	'calendarResource.getBookings': {
		parameters: { listBy: 'resourceTypeIdList', ids: '3, 4', options: { from: '2030-03-01' } },
		request: (params) => expect(params).toEqual({ filter: { resourceTypeIdList: ['3', '4'], from: '2030-03-01' } }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
};
