/** Calendar round trip: a calendar (section), an event in it, the event changed, listed and removed. */
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false });
});
afterAll(async () => await portal.stop());

const owner = { type: 'user', ownerId: 1 };

test('calendar → event → get → update → list → delete', async () => {
	const [section] = await portal.json({ resource: 'calendarSection', operation: 'create', ...owner, name: 'Field visits', additionalFields: { color: '#9cbeee' } });
	const sectionId = Number(section.id);
	expect(sectionId).toBeGreaterThan(0);

	const [event] = await portal.json({
		resource: 'calendarEvent',
		operation: 'create',
		...owner,
		name: 'Visit ACME',
		from: '2030-04-02T09:00:00',
		to: '2030-04-02T10:30:00',
		section: sectionId,
		additionalFields: { location: 'ACME office', accessibility: 'absent', attendees: '1' },
	});
	const id = String(event.id);
	const add = portal.emu.log.filter((e) => e.method === 'calendar.event.add').pop()!;
	expect(add.params).toMatchObject({ section: sectionId, location: 'ACME office', accessibility: 'absent', attendees: ['1'] });

	expect(await portal.json({ resource: 'calendarEvent', operation: 'get', calendarEvent: id })).toEqual([expect.objectContaining({ ID: id, NAME: 'Visit ACME' })]);
	expect(await portal.json({ resource: 'calendarEvent', operation: 'update', calendarEvent: id, ...owner, updateFields: { name: 'Visit ACME (moved)' } })).toEqual([{ id, updated: true }]);
	expect((await portal.json({ resource: 'calendarEvent', operation: 'get', calendarEvent: id }))[0]).toMatchObject({ NAME: 'Visit ACME (moved)' });
	expect(await portal.json({ resource: 'calendarEvent', operation: 'getMany', ...owner })).toContainEqual(expect.objectContaining({ ID: id }));
	expect(await portal.json({ resource: 'calendarSection', operation: 'getMany', ...owner })).toContainEqual(expect.objectContaining({ ID: String(sectionId), NAME: 'Field visits' }));

	expect(await portal.json({ resource: 'calendarEvent', operation: 'delete', calendarEvent: id })).toEqual([{ id, deleted: true }]);
	const [gone] = await portal.json({ resource: 'calendarEvent', operation: 'get', calendarEvent: id }, { continueOnFail: true });
	expect(gone.error).toBeDefined();
});
