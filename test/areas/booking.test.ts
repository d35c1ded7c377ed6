/** Online Booking and the waiting automation step: what is sent, and what is refused before sending. */
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false });
});
afterAll(async () => await portal.stop());

const sent = (method: string) => portal.emu.log.filter((e) => e.method === method);

test('a booking is created per item with its period as timestamps, then read back', async () => {
	const items = [
		{ start: '2025-03-10T09:00:00Z', end: '2025-03-10T10:00:00Z' },
		{ start: '2025-03-11T14:30:00+01:00', end: '2025-03-11T15:00:00+01:00' },
	];
	const created = await portal.json({ resource: 'booking', operation: 'create', resourceIds: '4', startTime: '={{ $json.start }}', endTime: '={{ $json.end }}', timezone: 'Europe/Berlin' }, { items });
	expect(created).toHaveLength(2);
	// two items go in one batch, whose query string carries numbers as text
	type Period = Record<'from' | 'to', { timestamp: unknown; timezone: string }>;
	const periods = sent('booking.v1.booking.add').map((e) => {
		const { from, to } = (e.params as { fields: { datePeriod: Period } }).fields.datePeriod;
		return { from: { ...from, timestamp: Number(from.timestamp) }, to: { ...to, timestamp: Number(to.timestamp) } };
	});
	expect(periods.slice(-2)).toEqual([
		{ from: { timestamp: 1741597200, timezone: 'Europe/Berlin' }, to: { timestamp: 1741600800, timezone: 'Europe/Berlin' } },
		{ from: { timestamp: 1741699800, timezone: 'Europe/Berlin' }, to: { timestamp: 1741701600, timezone: 'Europe/Berlin' } },
	]);
	const [got] = await portal.json({ resource: 'booking', operation: 'get', id: String(created[1].id) });
	// the emulator keeps what the batch sent, numbers as text
	expect(got).toEqual(expect.objectContaining({ id: created[1].id, resourceIds: ['4'] }));
	expect((got.datePeriod as { from: { timestamp: unknown } }).from.timestamp).toBe('1741699800');
});

test('an update with a start but no end is refused before sending, naming the method and the item', async () => {
	const before = sent('booking.v1.booking.update').length;
	const [out] = await portal.json({ resource: 'booking', operation: 'update', id: '1', updateFields: { startTime: '2025-03-10T09:00:00Z' } }, { continueOnFail: true });
	expect(out.error).toMatch(/booking\.v1\.booking\.update needs both Start and End.*\[item 0\]/);
	expect(sent('booking.v1.booking.update')).toHaveLength(before);
});

test('sending a step result never puts the event token in the output', async () => {
	const token = 'event-token-5f1c';
	const out = await portal.json({ resource: 'automationRule', operation: 'sendResult', EVENT_TOKEN: token, options: { RETURN_VALUES: '{"paid": "Y"}' } });
	expect(out).toEqual([{ sent: true }]);
	expect(JSON.stringify(out)).not.toContain(token);
});
