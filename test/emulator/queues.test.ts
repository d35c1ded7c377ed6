// The emulator's event state: the documented event list in event.bind, the offline queue
// (event.offline.get), the im.v2 messenger queue, activity times, and resource bookings.
import { hook, oauth } from './helpers';
import { DOCUMENTED_EVENTS, documentedData } from './events';
import type { Emulator } from './index';
import { startEmulator } from './index';

let em: Emulator;
let token: string;

beforeAll(async () => {
	em = await startEmulator({ limits: false, seed: { users: 3 } });
	token = em.issueTokens().access_token;
});

afterAll(async () => {
	await em.stop();
});

describe('documented events', () => {
	test('event.bind accepts every documented event (any case) and refuses others; events lists them', async () => {
		expect(DOCUMENTED_EVENTS.length).toBeGreaterThan(150);
		for (const name of ['ONCALENDARSECTIONADD', 'catalog.product.on.add', 'onBookingAdd', 'ONCRMDYNAMICITEMADD_147']) {
			const r = await oauth(em, token, 'event.bind', { event: name, handler: 'http://127.0.0.1:9/h' });
			expect({ name, status: r.status, result: r.body.result }).toEqual({ name, status: 200, result: true });
		}
		const bad = await oauth(em, token, 'event.bind', { event: 'ONNOSUCHEVENT', handler: 'http://127.0.0.1:9/h' });
		expect(bad.body.error).toBe('ERROR_EVENT_NOT_FOUND');
		const all = (await oauth(em, token, 'events')).body.result as string[];
		expect(all).toEqual(expect.arrayContaining(['ONCRMDEALADD', 'ONTASKADD', 'CATALOG.PRICE.ON.UPDATE']));
	});

	test('documentedData shapes a payload like the doc page example', () => {
		expect(documentedData('ONCRMDEALADD', { ID: 5 })).toEqual({ FIELDS: { ID: 5 } });
		expect(documentedData('ONTASKCOMMENTADD', { ID: 9 })).toMatchObject({ FIELDS_AFTER: { ID: 9, TASK_ID: 'sample-TASK_ID' } });
		expect(() => documentedData('ONNOSUCHEVENT')).toThrow(/not a documented event/);
	});
});

describe('offline events (event.offline.get)', () => {
	test('an offline binding queues changes (one record per object), clear=1 takes them out, clear=0 marks a process', async () => {
		await oauth(em, token, 'event.bind', { event: 'ONCRMLEADADD', handler: 'http://127.0.0.1:9/off', event_type: 'offline' });
		await oauth(em, token, 'event.bind', { event: 'ONCRMLEADUPDATE', handler: 'http://127.0.0.1:9/off', event_type: 'offline' });
		const before = em.deliveries.length;
		const lead = Number((await hook(em, 'crm.lead.add', { fields: { TITLE: 'Offline lead' } })).body.result);
		await hook(em, 'crm.lead.update', { id: lead, fields: { TITLE: 'Changed once' } });
		await hook(em, 'crm.lead.update', { id: lead, fields: { TITLE: 'Changed twice' } });
		await em.deliveriesSettled();
		// nothing is posted anywhere for offline bindings
		expect(em.deliveries.length).toBe(before);

		const listed = (await oauth(em, token, 'event.offline.list', {})).body.result as Array<Record<string, unknown>>;
		expect(listed.filter((r) => r.EVENT_NAME === 'ONCRMLEADUPDATE')).toHaveLength(1);

		const kept = await oauth(em, token, 'event.offline.get', { filter: { EVENT_NAME: 'ONCRMLEADUPDATE' }, clear: 0 });
		expect(kept.body.result).toEqual({
			process_id: expect.stringMatching(/^[0-9a-f]{32}$/),
			events: [expect.objectContaining({ EVENT_NAME: 'ONCRMLEADUPDATE', EVENT_DATA: { FIELDS: { ID: lead } }, MESSAGE_ID: expect.any(String), TIMESTAMP_X: expect.any(String) })],
		});
		// held by the process: not handed out again, unless that process asks
		expect((await oauth(em, token, 'event.offline.get', { filter: { EVENT_NAME: 'ONCRMLEADUPDATE' } })).body.result.events).toEqual([]);
		const again = await oauth(em, token, 'event.offline.get', { process_id: kept.body.result.process_id, clear: 1 });
		expect(again.body.result.events).toHaveLength(1);

		const taken = await oauth(em, token, 'event.offline.get', { filter: { EVENT_NAME: 'ONCRMLEADADD' } });
		expect(taken.body.result).toEqual({ process_id: null, events: [expect.objectContaining({ EVENT_NAME: 'ONCRMLEADADD', EVENT_DATA: { FIELDS: { ID: lead } } })] });
		expect((await oauth(em, token, 'event.offline.get', {})).body.result.events).toEqual([]);
	});
});

describe('messenger events (im.v2.Event.*)', () => {
	test('only a subscribed user gets events; offset confirms; limit pages with hasMore', async () => {
		const chat = Number((await hook(em, 'im.chat.add', { TITLE: 'Queue chat', USERS: [2] })).body.result);
		await hook(em, 'im.message.add', { DIALOG_ID: `chat${chat}`, MESSAGE: 'before subscribing' });
		expect((await hook(em, 'im.v2.Event.get', {})).body.result).toEqual({ events: [], nextOffset: 0, hasMore: false });

		expect((await hook(em, 'im.v2.Event.subscribe', {})).body.result).toBe(true);
		for (const text of ['one', 'two', 'three']) await hook(em, 'im.message.add', { DIALOG_ID: `chat${chat}`, MESSAGE: text });
		const first = (await hook(em, 'im.v2.Event.get', { limit: 2 })).body.result;
		expect(first.events.map((e: { type: string; data: { message: { text: string } } }) => [e.type, e.data.message.text])).toEqual([
			['ONIMV2MESSAGEADD', 'one'],
			['ONIMV2MESSAGEADD', 'two'],
		]);
		expect(first).toMatchObject({ nextOffset: first.events[1].eventId + 1, hasMore: true });
		const rest = (await hook(em, 'im.v2.Event.get', { offset: first.nextOffset })).body.result;
		expect(rest.events.map((e: { data: { message: { text: string } } }) => e.data.message.text)).toEqual(['three']);
		// confirmed events are gone: reading from the start again gives only the unconfirmed one
		expect((await hook(em, 'im.v2.Event.get', {})).body.result.events).toHaveLength(1);
		expect((await hook(em, 'im.v2.Event.get', { limit: 1001 })).status).toBe(400);
		await hook(em, 'im.v2.Event.unsubscribe', {});
		await hook(em, 'im.message.add', { DIALOG_ID: `chat${chat}`, MESSAGE: 'after' });
		expect((await hook(em, 'im.v2.Event.get', {})).body.result.events).toEqual([]);
	});
});

describe('activities and bookings', () => {
	test('crm.activity.add/update keep CREATED and LAST_UPDATED, which list filters on, and fire the activity events', async () => {
		await oauth(em, token, 'event.bind', { event: 'ONCRMACTIVITYUPDATE', handler: 'http://127.0.0.1:9/act' });
		const id = Number((await hook(em, 'crm.activity.add', { fields: { OWNER_TYPE_ID: 2, OWNER_ID: 1, TYPE_ID: 2, SUBJECT: 'Call', COMMUNICATIONS: [{ VALUE: '+1' }] } })).body.result);
		em.advanceTime(5);
		await hook(em, 'crm.activity.update', { id, fields: { SUBJECT: 'Call again' } });
		const row = (await hook(em, 'crm.activity.get', { id })).body.result as Record<string, string>;
		expect(Date.parse(row.LAST_UPDATED)).toBeGreaterThan(Date.parse(row.CREATED));
		const since = (await hook(em, 'crm.activity.list', { filter: { '>LAST_UPDATED': row.CREATED } })).body.result as Array<{ ID: string }>;
		expect(since.map((r) => Number(r.ID))).toContain(id);
		await em.deliveriesSettled();
		expect(em.deliveries.filter((d) => d.event === 'ONCRMACTIVITYUPDATE').map((d) => d.payload.data)).toContainEqual({ FIELDS: { ID: id } });
	});

	test('calendar.resource.booking.list filters seeded bookings by resource or booking ID and period; neither list is refused', async () => {
		const day = (id: number, section: number, date: string) => {
			const from = Date.parse(`${date}T00:00:00Z`) / 1000;
			return { ID: id, PARENT_ID: String(id), NAME: 'Booking', SECTION_ID: String(section), RESOURCE_BOOKING_ID: String(id + 100), DATE_FROM_TS_UTC: String(from), DATE_TO_TS_UTC: String(from + 3600) };
		};
		em.store.insert('generic:calendar.resource.booking', day(1, 3, '2030-03-10'));
		em.store.insert('generic:calendar.resource.booking', day(2, 4, '2030-02-10'));
		const byType = await hook(em, 'calendar.resource.booking.list', { filter: { resourceTypeIdList: [3, 4], from: '2030-03-01' } });
		expect(byType.body.result.map((b: { ID: string }) => b.ID)).toEqual(['1']);
		const byId = await hook(em, 'calendar.resource.booking.list', { filter: { resourceIdList: [102] } });
		expect(byId.body.result.map((b: { ID: string }) => b.ID)).toEqual(['2']);
		const none = await hook(em, 'calendar.resource.booking.list', { filter: { from: '2030-03-01' } });
		expect(none.status).toBe(400);
		expect(none.body.error_description).toMatch(/resourceTypeIdList/);
	});
});
