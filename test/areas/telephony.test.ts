/** External PBX calls: app-only methods, documented keys, and output shaping. */
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false });
});
afterAll(async () => await portal.stop());

test('registering a call needs OAuth2; with it the documented keys go out', async () => {
	const parameters = { resource: 'call', operation: 'register', identifyUserBy: 'userId', user: 1, PHONE_NUMBER: '+14155550100', TYPE: 1 };
	const [refused] = await portal.run(parameters, { continueOnFail: true });
	expect(refused.json.error).toMatch(/OAuth2/);
	expect(portal.emu.calls('telephony.externalcall.register')).toHaveLength(0);

	await portal.json({ ...parameters, additionalFields: { CRM_CREATE: 0, ADD_TO_CHAT: 0, CALL_START_DATE: '2026-03-07T10:20:30+03:00' } }, { auth: 'oAuth2' });
	expect(portal.emu.calls('telephony.externalcall.register').at(-1)?.params).toEqual({
		USER_ID: 1,
		PHONE_NUMBER: '+14155550100',
		TYPE: 1,
		CRM_CREATE: 0,
		ADD_TO_CHAT: 0,
		CALL_START_DATE: '2026-03-07T10:20:30+03:00',
	});
});

test('line lists become one item per line', async () => {
	const lines = await portal.json({ resource: 'telephonyLine', operation: 'getMany' });
	expect(Array.isArray(lines)).toBe(true);
	for (const entry of lines) expect(Object.keys(entry).sort()).toEqual(['id', 'name']);
});

test('call log reads pages with start and passes FILTER', async () => {
	portal.emu.clearLog();
	await portal.json({ resource: 'callStatistic', operation: 'getMany', returnAll: true, listOptions: { filter: '{">=CALL_START_DATE": "2026-01-01"}' } });
	const calls = portal.emu.calls('voximplant.statistic.get');
	expect(calls.length).toBeGreaterThan(0);
	expect(calls[0].params).toMatchObject({ FILTER: { '>=CALL_START_DATE': '2026-01-01' } });
});
