import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

describe('time tracking state', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test('a workday opens, pauses, resumes and closes; status reads it', async () => {
		expect((await hook(em, 'timeman.status', { USER_ID: 3 })).body.result).toEqual(expect.objectContaining({ STATUS: 'CLOSED', TIME_START: null }));
		const opened = (await hook(em, 'timeman.open', { USER_ID: 3, LAT: 53.5, LON: 9.98 })).body.result;
		expect(opened).toEqual(expect.objectContaining({ STATUS: 'OPENED', TIME_FINISH: null, LAT_OPEN: 53.5, LON_OPEN: 9.98 }));
		expect(typeof opened.TIME_START).toBe('string');
		expect((await hook(em, 'timeman.pause', { USER_ID: 3 })).body.result.STATUS).toBe('PAUSED');
		expect((await hook(em, 'timeman.status', { USER_ID: 3 })).body.result.STATUS).toBe('PAUSED');
		// a TIME on a paused day is refused (timeman-open.md)
		expect((await hook(em, 'timeman.open', { USER_ID: 3, TIME: '2020-01-01T09:00:00+00:00', REPORT: 'late' })).body).toEqual({ error: 'TIME', error_description: 'Unable to set time, work day is paused' });
		const resumed = (await hook(em, 'timeman.open', { USER_ID: 3 })).body.result;
		expect(resumed).toEqual(expect.objectContaining({ STATUS: 'OPENED', TIME_START: opened.TIME_START }));
		const closed = (await hook(em, 'timeman.close', { USER_ID: 3 })).body.result;
		expect(closed.STATUS).toBe('CLOSED');
		expect(typeof closed.TIME_FINISH).toBe('string');
		// another user's day is untouched
		expect((await hook(em, 'timeman.status', { USER_ID: 4 })).body.result.STATUS).toBe('CLOSED');
	});

	test('an open TIME must be today', async () => {
		expect((await hook(em, 'timeman.open', { USER_ID: 5, TIME: '2001-02-03T09:00:00+00:00', REPORT: 'forgot' })).body.error).toBe('WRONG_DATETIME');
	});

	test('office network ranges are replaced, listed and matched', async () => {
		const ranges = [
			{ ip_range: '10.0.0.0-10.255.255.255', name: 'Office 10.x' },
			{ ip_range: '192.168.1.7', name: 'Printer' },
		];
		expect((await hook(em, 'timeman.networkrange.set', { RANGES: ranges })).body.result).toEqual({ result: true });
		expect((await hook(em, 'timeman.networkrange.get')).body.result).toEqual(ranges);
		expect((await hook(em, 'timeman.networkrange.check', { IP: '10.10.255.25' })).body.result).toEqual({ ip: '10.10.255.25', range: '10.0.0.0-10.255.255.255', name: 'Office 10.x' });
		expect((await hook(em, 'timeman.networkrange.check', { IP: '192.168.1.7' })).body.result).toEqual({ ip: '192.168.1.7', range: '192.168.1.7', name: 'Printer' });
		expect((await hook(em, 'timeman.networkrange.check', { IP: '172.16.0.1' })).body.result).toBe(false);
		await hook(em, 'timeman.networkrange.set', { RANGES: [ranges[1]] });
		expect((await hook(em, 'timeman.networkrange.get')).body.result).toEqual([ranges[1]]);
	});
});
