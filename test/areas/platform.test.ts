/**
 * Application-only areas end to end: events (bind → get → unbind), the data storage (storage →
 * item add/get/update/delete), and the clear refusal of app-only operations with a webhook.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../helpers/portal';
import { startSharedPortal } from '../helpers/seed';

let portal: Portal;

beforeAll(async () => {
	portal = await startSharedPortal();
});
afterAll(async () => await portal.stop());

const HANDLER = 'https://example.com/n8n/round-trip';
// Bitrix24 sends IDs as strings; compare them as such
const byId = (rows: IDataObject[], id: string) => rows.find((row) => String(row.ID) === id);

test('events: bind → get → unbind with OAuth2', async () => {
	const oauth = { auth: 'oAuth2' as const };
	expect(await portal.json({ resource: 'event', operation: 'bind', event: 'ONCRMDEALUPDATE', handler: HANDLER }, oauth)).toEqual([
		{ event: 'ONCRMDEALUPDATE', handler: HANDLER, bound: true },
	]);
	const bound = await portal.json({ resource: 'event', operation: 'getMany' }, oauth);
	expect(bound).toContainEqual(expect.objectContaining({ event: 'ONCRMDEALUPDATE', handler: HANDLER }));
	expect(await portal.json({ resource: 'event', operation: 'unbind', event: 'ONCRMDEALUPDATE', handler: HANDLER }, oauth)).toEqual([
		{ event: 'ONCRMDEALUPDATE', handler: HANDLER, count: 1 },
	]);
	const after = await portal.json({ resource: 'event', operation: 'getMany' }, oauth);
	expect(after).not.toContainEqual(expect.objectContaining({ event: 'ONCRMDEALUPDATE', handler: HANDLER }));
});

test('data storage: storage → item add, get, update, delete with OAuth2', async () => {
	const oauth = { auth: 'oAuth2' as const };
	expect(await portal.json({ resource: 'appEntity', operation: 'create', ENTITY: 'trip', NAME: 'Round trip' }, oauth)).toEqual([{ ENTITY: 'trip', created: true }]);
	const [created] = await portal.json(
		{ resource: 'appEntityItem', operation: 'create', ENTITY: 'trip', NAME: 'First', additionalFields: { PROPERTY_VALUES: '{"price": 10}' } },
		oauth,
	);
	const id = String(created.id);
	expect(id).toMatch(/^\d+$/);
	const got = await portal.json({ resource: 'appEntityItem', operation: 'get', ENTITY: 'trip', ID: id }, oauth);
	expect(byId(got, id)).toMatchObject({ NAME: 'First', PROPERTY_VALUES: { price: 10 } });
	expect(portal.emu.log.at(-1)!.params).toMatchObject({ ENTITY: 'trip', FILTER: { ID: id } });
	expect(await portal.json({ resource: 'appEntityItem', operation: 'update', ENTITY: 'trip', ID: id, updateFields: { NAME: 'Renamed' } }, oauth)).toEqual([
		{ id, updated: true },
	]);
	const updated = await portal.json({ resource: 'appEntityItem', operation: 'getMany', ENTITY: 'trip', returnAll: true }, oauth);
	expect(byId(updated, id)).toMatchObject({ NAME: 'Renamed' });
	expect(await portal.json({ resource: 'appEntityItem', operation: 'delete', ENTITY: 'trip', ID: id }, oauth)).toEqual([{ id, deleted: true }]);
	const remaining = await portal.json({ resource: 'appEntityItem', operation: 'getMany', ENTITY: 'trip', returnAll: true }, oauth);
	expect(byId(remaining, id)).toBeUndefined();
});

test.each([
	['event', 'bind', { event: 'ONCRMDEALADD', handler: HANDLER }],
	['appEntity', 'create', { ENTITY: 'nope', NAME: 'Nope' }],
	['smsProvider', 'create', { CODE: 'nope', NAME: 'Nope', HANDLER: HANDLER }],
	['portal', 'getAppInfo', {}],
])('%s.%s refuses a webhook with the app-only error, before any call', async (resource, operation, parameters) => {
	const before = portal.emu.log.length;
	const out = await portal.json({ resource, operation, ...parameters }, { continueOnFail: true, items: [{}, {}] });
	expect(out).toHaveLength(2);
	for (const item of out) expect(item.error).toMatch(/works only with a Bitrix24 OAuth2 credential \[item \d\]/);
	expect(portal.emu.log.length).toBe(before);
	await expect(portal.json({ resource, operation, ...parameters }, { auth: 'apiKey' })).rejects.toThrow(/OAuth2 credential/);
});
