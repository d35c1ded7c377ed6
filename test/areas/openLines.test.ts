/** Open line settings end to end, and the Open Lines chat bot and CRM chat requests. */
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false, seed: { users: 2, openlines: 1 } });
});
afterAll(async () => await portal.stop());

const line = async (configId: number) => (await portal.json({ resource: 'openLineConfig', operation: 'get', CONFIG_ID: configId }))[0];

test('create → get → list → update → delete an open line', async () => {
	const [created] = await portal.json({ resource: 'openLineConfig', operation: 'create', LINE_NAME: 'Support', settings: '{"CRM": "N", "QUEUE": [1, 2]}' });
	const configId = Number(created.id);
	expect(configId).toBeGreaterThan(1);
	expect(portal.emu.calls('imopenlines.config.add').at(-1)?.params).toEqual({ PARAMS: { CRM: 'N', QUEUE: [1, 2], LINE_NAME: 'Support' } });
	expect(await line(configId)).toMatchObject({ ID: String(configId), LINE_NAME: 'Support', CRM: 'N', QUEUE: [1, 2], ACTIVE: 'Y' });

	const all = await portal.json({ resource: 'openLineConfig', operation: 'getMany', returnAll: true });
	expect(all.map((entry) => entry.ID)).toEqual(expect.arrayContaining(['1', String(configId)]));

	const [updated] = await portal.json({ resource: 'openLineConfig', operation: 'update', CONFIG_ID: configId, updateFields: { LINE_NAME: 'VIP support', ACTIVE: false } });
	expect(updated).toEqual({ id: configId, updated: true });
	expect(portal.emu.calls('imopenlines.config.update').at(-1)?.params).toEqual({ CONFIG_ID: configId, PARAMS: { LINE_NAME: 'VIP support', ACTIVE: 'N' } });
	expect(await line(configId)).toMatchObject({ LINE_NAME: 'VIP support', ACTIVE: 'N', CRM: 'N' });

	const [deleted] = await portal.json({ resource: 'openLineConfig', operation: 'delete', CONFIG_ID: configId });
	expect(deleted).toEqual({ id: configId, deleted: true });
	const [gone] = await portal.run({ resource: 'openLineConfig', operation: 'get', CONFIG_ID: configId }, { continueOnFail: true });
	expect(gone.json).toMatchObject({ code: 'CONFIG_ID' });
});

test('Get Many honours the limit', async () => {
	await portal.json({ resource: 'openLineConfig', operation: 'create', LINE_NAME: 'Extra' });
	expect(await portal.json({ resource: 'openLineConfig', operation: 'getMany', returnAll: false, limit: 1 })).toHaveLength(1);
});

test('connector methods are refused before any request without OAuth2', async () => {
	portal.emu.clearLog();
	const [out] = await portal.run({ resource: 'connector', operation: 'getMany' }, { continueOnFail: true });
	expect(out.json.error).toMatch(/imconnector\.list works only with a Bitrix24 OAuth2 credential/);
	expect(portal.emu.log).toHaveLength(0);
	const withApp = await portal.json({ resource: 'connector', operation: 'activate', CONNECTOR: 'myconnector', LINE: 1 }, { auth: 'oAuth2' });
	expect(withApp).toEqual([{ id: 'myconnector', success: true }]);
	expect(portal.emu.calls('imconnector.activate').at(-1)?.params).toEqual({ CONNECTOR: 'myconnector', LINE: 1, ACTIVE: 1 });
});

test('Open Lines chat bot hands the dialog to a queue with the documented keys', async () => {
	await portal.json({ resource: 'openLineBot', operation: 'transfer', CHAT_ID: 15, TRANSFER_ID: 'queue1', additionalFields: { LEAVE: false } });
	expect(portal.emu.calls('imopenlines.bot.session.transfer').at(-1)?.params).toEqual({ CHAT_ID: 15, TRANSFER_ID: 'queue1', LEAVE: 'N' });
});

test('a supervisor vote without Rating or Comment is refused before sending; the other items go out', async () => {
	const session = String(portal.emu.store.all('olSession')[0].ID);
	portal.emu.clearLog();
	const out = await portal.json(
		{ resource: 'openLineSession', operation: 'vote', openLineSession: session, additionalFields: { RATING: '={{ $json.rating ?? null }}' } },
		{ continueOnFail: true, items: [{}, { rating: 4 }] },
	);
	expect(out[0].error).toBe('Vote needs a Rating or a Comment [item 0]');
	expect(out[1]).toEqual({ success: true });
	expect(portal.emu.calls('imopenlines.session.head.vote').map((call) => call.params)).toEqual([{ SESSION_ID: Number(session), RATING: 4 }]);
});
