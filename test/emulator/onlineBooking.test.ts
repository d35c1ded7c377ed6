import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

describe('online booking lists kept per owner', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test("a resource's slots are set, listed with ids, replaced and cleared", async () => {
		const resourceId = (await hook(em, 'booking.v1.resource.add', { fields: { name: 'Room', typeId: 1 } })).body.result.id;
		const slot = { from: 540, to: 1080, timezone: 'Europe/Berlin', weekDays: ['Mon'], slotSize: 60 };
		expect((await hook(em, 'booking.v1.resource.slots.list', { resourceId })).body.result).toEqual({ slots: [] });
		expect((await hook(em, 'booking.v1.resource.slots.set', { resourceId, slots: [slot, { ...slot, weekDays: ['Tue'] }] })).body.result).toBe(true);
		const listed = (await hook(em, 'booking.v1.resource.slots.list', { resourceId })).body.result.slots;
		expect(listed).toEqual([expect.objectContaining({ ...slot, id: expect.any(Number) }), expect.objectContaining({ weekDays: ['Tue'] })]);
		// set replaces
		await hook(em, 'booking.v1.resource.slots.set', { resourceId, slots: [slot] });
		expect((await hook(em, 'booking.v1.resource.slots.list', { resourceId })).body.result.slots).toHaveLength(1);
		await hook(em, 'booking.v1.resource.slots.unset', { resourceId });
		expect((await hook(em, 'booking.v1.resource.slots.list', { resourceId })).body.result).toEqual({ slots: [] });
		// a slot needs every documented field
		expect((await hook(em, 'booking.v1.resource.slots.set', { resourceId, slots: [{ from: 1 }] })).body).toEqual({ error: '0', error_description: 'Required fields: to, timezone, weekDays, slotSize' });
	});

	test('clients and external data belong to their booking or waitlist entry; unknown owners are refused', async () => {
		const bookingId = (await hook(em, 'booking.v1.booking.add', { fields: { resourceIds: [1], datePeriod: { from: { timestamp: 1, timezone: 'UTC' }, to: { timestamp: 2, timezone: 'UTC' } } } })).body.result.id;
		const waitListId = (await hook(em, 'booking.v1.waitlist.add', { fields: { note: 'x' } })).body.result.id;
		const clients = [{ id: 5, type: { module: 'crm', code: 'CONTACT' } }];
		await hook(em, 'booking.v1.booking.client.set', { bookingId, clients });
		expect((await hook(em, 'booking.v1.booking.client.list', { bookingId })).body.result).toEqual({ bookingClient: clients });
		expect((await hook(em, 'booking.v1.waitlist.client.list', { waitListId })).body.result).toEqual({ waitListClient: [] });
		const data = [{ moduleId: 'crm', entityTypeId: 'DEAL', value: '3' }];
		await hook(em, 'booking.v1.waitlist.externalData.set', { waitListId, externalData: data });
		expect((await hook(em, 'booking.v1.waitlist.externalData.list', { waitListId })).body.result).toEqual({ externalData: data });
		expect((await hook(em, 'booking.v1.booking.externalData.list', { bookingId })).body.result).toEqual({ externalData: [] });
		expect((await hook(em, 'booking.v1.booking.client.set', { bookingId: 99999, clients })).body).toEqual({ error: '1021', error_description: 'Booking not found' });
		expect((await hook(em, 'booking.v1.waitlist.client.list', { waitListId: 99999 })).body).toEqual({ error: '1040', error_description: 'Wait list not found' });
		expect((await hook(em, 'booking.v1.resource.slots.list', { resourceId: 99999 })).body).toEqual({ error: '1009', error_description: 'Resource not found' });
	});
});
