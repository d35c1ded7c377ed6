import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases, OperationCase } from './types';

const HANDLER = 'https://example.com/n8n/b24-events';

/** app-only operations run with the OAuth2 credential; the webhook refusal is in test/areas/platform.test.ts */
const app = (c: OperationCase): OperationCase => ({ ...c, auth: 'oAuth2' });
const exactly = (expected: IDataObject) => (params: IDataObject) => expect(params).toEqual(expected);
/** One output item holding at least the documented keys. */
const oneWith = (...keys: string[]) => (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	expect(Object.keys(items[0])).toEqual(expect.arrayContaining(keys));
};
/** A non-empty list whose every item holds the documented keys. */
const eachWith = (...keys: string[]) => (items: IDataObject[]) => {
	expect(items.length).toBeGreaterThan(0);
	for (const item of items) expect(Object.keys(item)).toEqual(expect.arrayContaining(keys));
};
/** Access rights (entity-rights.md): access codes (AU, U1, G2, D3...) to permission letters. */
const rights = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	expect(Object.keys(items[0]).length).toBeGreaterThan(0);
	for (const [code, permission] of Object.entries(items[0])) expect({ code, permission }).toEqual({ code: expect.stringMatching(/^[A-Z]+\d*$/), permission: expect.any(String) });
};

let itemId = '';
async function entityItem(portal: Portal, properties?: IDataObject): Promise<string> {
	const additionalFields = properties ? { additionalFields: { PROPERTY_VALUES: JSON.stringify(properties) } } : {};
	const [created] = await portal.json({ resource: 'appEntityItem', operation: 'create', ENTITY: 'orders', NAME: 'Seeded', ...additionalFields }, { auth: 'oAuth2' });
	return (itemId = String(created.id));
}
let otherItemId = '';
let sectionId = '';
async function entitySection(portal: Portal): Promise<string> {
	const [created] = await portal.json({ resource: 'appEntitySection', operation: 'create', ENTITY: 'orders', NAME: 'Seeded section' }, { auth: 'oAuth2' });
	return (sectionId = String(created.id));
}
/** Adds the entity's `price` property through the node (property reads need one). */
const entityProperty = async (portal: Portal) =>
	await portal.json({ resource: 'appEntityProperty', operation: 'create', ENTITY: 'orders', PROPERTY: 'price', NAME: 'Price', additionalFields: { TYPE: 'N' } }, { auth: 'oAuth2' });
/** Registers an SMS provider through the node (update and delete need one). */
const smsSender = async (portal: Portal, code: string) =>
	await portal.json({ resource: 'smsProvider', operation: 'create', CODE: code, NAME: 'Case SMS', HANDLER: 'https://example.com/sms' }, { auth: 'oAuth2' });
let postId = 0;
async function post(portal: Portal): Promise<number> {
	const [created] = await portal.json({ resource: 'feedPost', operation: 'create', POST_MESSAGE: 'Seeded post' });
	return (postId = Number(created.id));
}
let offlineDealId = '';
const bind = async (portal: Portal, event = 'ONCRMDEALADD') =>
	await portal.json({ resource: 'event', operation: 'bind', event, handler: HANDLER }, { auth: 'oAuth2' });

export const platformCases: Cases = {
	// Portal
	'portal.getServerTime': { request: exactly({}), output: (items) => expect(items).toEqual([{ time: expect.anything() }]) },
	'portal.getProfile': { request: exactly({}), output: oneWith('ID', 'ADMIN', 'NAME', 'LAST_NAME', 'PERSONAL_GENDER', 'TIME_ZONE') },
	// scope and methods are answered generically: seed what the portal lists (scope.md, methods.md)
	'portal.getScopes': {
		parameters: (portal) => (seededRows(portal, 'scope', [{ ID: 1, CODE: 'crm' }, { ID: 2, CODE: 'task' }]), { options: { full: true } }),
		request: exactly({ full: true }),
		output: (items) => expect(items).toEqual([{ scope: 'crm' }, { scope: 'task' }]),
	},
	'portal.getMethods': {
		parameters: (portal) => (seededRows(portal, 'methods', [{ ID: 1, CODE: 'crm.deal.list' }, { ID: 2, CODE: 'crm.deal.get' }]), { options: { scope: 'crm' } }),
		request: exactly({ scope: 'crm' }),
		output: (items) => expect(items).toEqual([{ method: 'crm.deal.list' }, { method: 'crm.deal.get' }]),
	},
	'portal.getMethodInfo': {
		parameters: { name: 'crm.deal.list' },
		request: exactly({ name: 'crm.deal.list' }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ method: 'crm.deal.list' })]),
	},
	'portal.getFeature': {
		parameters: { FEATURE_CODE: 'rest_offline_extended' },
		request: exactly({ CODE: 'rest_offline_extended' }),
		// documented: { value: "Y" | "N" } (feature-get.md), output with the asked code
		output: (items) => expect(items).toEqual([{ code: 'rest_offline_extended', value: expect.stringMatching(/^[YN]$/) }]),
	},
	'portal.checkUserAccess': {
		parameters: { ACCESS_CODES: 'G1, U1' },
		request: exactly({ ACCESS: ['G1', 'U1'] }),
		output: (items) => expect(items).toEqual([{ access: ['G1', 'U1'], allowed: true }]),
	},
	'portal.isUserAdmin': { request: exactly({}), output: (items) => expect(items).toEqual([{ admin: expect.any(Boolean) }]) },
	'portal.getAppInfo': app({ request: exactly({}), output: oneWith('ID', 'CODE', 'VERSION', 'STATUS', 'INSTALLED', 'LICENSE') }),
	'portal.getAppOption': app({
		parameters: { options: { option: 'lastSync' } },
		request: exactly({ option: 'lastSync' }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ option: 'lastSync' })]),
	}),
	'portal.setAppOption': app({
		parameters: { appOptions: '{"lastSync": "2024-05-01", "mode": "full"}' },
		request: exactly({ options: { lastSync: '2024-05-01', mode: 'full' } }),
		output: (items) => expect(items).toEqual([{ lastSync: '2024-05-01', mode: 'full', saved: true }]),
	}),

	// Event
	'event.bind': app({
		parameters: { event: 'ONCRMDEALADD', handler: HANDLER, additionalFields: { event_type: 'offline', auth_type: 1 } },
		request: exactly({ event: 'ONCRMDEALADD', handler: HANDLER, event_type: 'offline', auth_type: 1 }),
		output: (items) => expect(items).toEqual([{ event: 'ONCRMDEALADD', handler: HANDLER, event_type: 'offline', bound: true }]),
	}),
	'event.unbind': app({
		parameters: async (portal) => (await bind(portal, 'ONCRMLEADADD'), { event: 'ONCRMLEADADD', handler: HANDLER }),
		request: exactly({ event: 'ONCRMLEADADD', handler: HANDLER }),
		output: (items) => expect(items).toEqual([{ event: 'ONCRMLEADADD', handler: HANDLER, count: 1 }]),
	}),
	'event.getMany': app({
		parameters: async (portal) => (await bind(portal, 'ONCRMCONTACTADD'), {}),
		request: exactly({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ event: 'ONCRMCONTACTADD', handler: HANDLER, offline: 0 })),
	}),
	'event.getAvailable': app({
		parameters: { options: { SCOPE: 'crm' } },
		request: exactly({ SCOPE: 'crm' }),
		output: (items) => expect(items).toContainEqual({ event: 'ONCRMDEALADD' }),
	}),
	'event.getOffline': app({
		// an offline binding queues the change instead of calling a handler (offline-events.md): bind one,
		// create a deal, and read the queue keeping the record, which marks it with a process ID
		parameters: async (portal) => {
			seededRows(portal, 'event.offline', []);
			await portal.json({ resource: 'event', operation: 'bind', event: 'ONCRMDEALADD', handler: HANDLER, additionalFields: { event_type: 'offline' } }, { auth: 'oAuth2' });
			const r = await fetch(`${portal.emu.webhookUrl}crm.item.add`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ entityTypeId: 2, fields: { title: 'Queued offline' } }),
			});
			offlineDealId = String(((await r.json()) as { result: { item: { id: number } } }).result.item.id);
			return { options: { limit: 10, clear: true, filter: '{"EVENT_NAME": "ONCRMDEALADD"}' } };
		},
		request: exactly({ limit: 10, clear: 0, filter: { EVENT_NAME: 'ONCRMDEALADD' } }),
		output: (items) => {
			expect(items).toEqual([
				expect.objectContaining({ EVENT_NAME: 'ONCRMDEALADD', MESSAGE_ID: expect.any(String), process_id: expect.stringMatching(/^[0-9a-f]{32}$/) }),
			]);
			expect(String((items[0].EVENT_DATA as { FIELDS: { ID: unknown } }).FIELDS.ID)).toBe(offlineDealId);
		},
	}),
	'event.getManyOffline': app({
		// answered generically: seed one queued event and one of another kind (event-offline-list.md)
		parameters: (portal) => (
			seededRows(portal, 'event.offline', [
				{ ID: '5', EVENT_NAME: 'ONCRMDEALADD', EVENT_DATA: { FIELDS: { ID: 1 } }, MESSAGE_ID: 'm-5', PROCESS_ID: '', ERROR: '0' },
				{ ID: '6', EVENT_NAME: 'ONCRMLEADADD', EVENT_DATA: { FIELDS: { ID: 2 } }, MESSAGE_ID: 'm-6', PROCESS_ID: '', ERROR: '0' },
			]),
			{ returnAll: true, listOptions: { filter: '{"EVENT_NAME": "ONCRMDEALADD"}' } }
		),
		request: exactly({ filter: { EVENT_NAME: 'ONCRMDEALADD' }, start: 0 }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '5', EVENT_NAME: 'ONCRMDEALADD', MESSAGE_ID: 'm-5', PROCESS_ID: '' })]),
	}),
	'event.clearOffline': app({
		parameters: { process_id: 'p-1', additionalFields: { message_id: 'm1, m2' } },
		request: exactly({ process_id: 'p-1', message_id: ['m1', 'm2'] }),
		output: (items) => expect(items).toEqual([{ process_id: 'p-1', message_id: ['m1', 'm2'], cleared: true }]),
	}),
	'event.markOfflineFailed': app({
		parameters: { process_id: 'p-2', additionalFields: { message_id: 'm3' } },
		request: exactly({ process_id: 'p-2', message_id: ['m3'] }),
		output: (items) => expect(items).toEqual([{ process_id: 'p-2', message_id: ['m3'], marked: true }]),
	}),

	// Data Storage
	'appEntity.create': app({
		parameters: { ENTITY: 'orders', NAME: 'Orders', additionalFields: { ACCESS: '{"AU": "R"}' } },
		request: exactly({ ENTITY: 'orders', NAME: 'Orders', ACCESS: { AU: 'R' } }),
		output: (items) => expect(items).toEqual([{ ENTITY: 'orders', created: true }]),
	}),
	'appEntity.get': app({ parameters: { ENTITY: 'orders' }, request: exactly({ ENTITY: 'orders' }), output: oneWith('ID', 'ENTITY', 'NAME', 'IBLOCK_TYPE_ID') }),
	'appEntity.getMany': app({ request: exactly({}), output: eachWith('ID', 'ENTITY', 'NAME') }),
	'appEntity.update': app({
		parameters: { ENTITY: 'orders', updateFields: { NAME: 'Orders 2024', ENTITY_NEW: 'orders24' } },
		request: exactly({ ENTITY: 'orders', NAME: 'Orders 2024', ENTITY_NEW: 'orders24' }),
		output: (items) => expect(items).toEqual([{ ENTITY: 'orders', updated: true }]),
	}),
	'appEntity.delete': app({ parameters: { ENTITY: 'old_orders' }, request: exactly({ ENTITY: 'old_orders' }), output: (items) => expect(items).toEqual([{ ENTITY: 'old_orders', deleted: true }]) }),
	'appEntity.getRights': app({ parameters: { ENTITY: 'orders' }, request: exactly({ ENTITY: 'orders' }), output: rights }),
	'appEntity.setRights': app({
		parameters: { ENTITY: 'orders', ACCESS: '{"AU": "R", "U1": "X"}' },
		request: exactly({ ENTITY: 'orders', ACCESS: { AU: 'R', U1: 'X' } }),
		output: rights,
	}),
	'appEntityItem.create': app({
		parameters: { ENTITY: 'orders', NAME: 'Order 1', additionalFields: { PROPERTY_VALUES: '{"price": 100}', SECTION: 3, DATE_ACTIVE_FROM: '2024-05-01T10:00:00' } },
		request: exactly({ ENTITY: 'orders', NAME: 'Order 1', PROPERTY_VALUES: { price: 100 }, SECTION: 3, DATE_ACTIVE_FROM: '2024-05-01T10:00:00' }),
		output: (items) => expect(items).toEqual([{ id: expect.anything() }]),
	}),
	'appEntityItem.get': app({
		parameters: async (portal) => ({ ENTITY: 'orders', ID: await entityItem(portal) }),
		request: (params) => expect(params).toEqual({ ENTITY: 'orders', FILTER: { ID: itemId } }),
		// documented: a list of items with ID as a string (entity-item-get.md)
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: itemId, ENTITY: 'orders', NAME: 'Seeded' })]),
	}),
	'appEntityItem.getMany': app({
		// two items with the property price: the filter PROPERTY_price (entity-item-get.md) keeps the one at 100
		parameters: async (portal) => {
			otherItemId = await entityItem(portal, { price: 5 });
			await entityItem(portal, { price: 100 });
			return { ENTITY: 'orders', returnAll: true, listOptions: { filter: '{"NAME": "Seeded", "PROPERTY_price": 100}', sort: '{"ID": "DESC"}' } };
		},
		request: exactly({ ENTITY: 'orders', FILTER: { NAME: 'Seeded', PROPERTY_price: 100 }, SORT: { ID: 'DESC' }, start: 0 }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			expect(items[0]).toMatchObject({ ID: itemId, NAME: 'Seeded', ENTITY: 'orders' });
			for (const row of items) expect(row).toMatchObject({ ID: expect.any(String), NAME: 'Seeded' });
			for (const row of items) expect(row.PROPERTY_VALUES).toEqual({ price: 100 });
			expect(items.map((row) => row.ID)).not.toContain(otherItemId);
		},
	}),
	'appEntityItem.update': app({
		parameters: async (portal) => ({ ENTITY: 'orders', ID: await entityItem(portal), updateFields: { NAME: 'Renamed', PROPERTY_VALUES: '{"price": 120}' } }),
		request: (params) => expect(params).toEqual({ ENTITY: 'orders', ID: itemId, NAME: 'Renamed', PROPERTY_VALUES: { price: 120 } }),
		output: (items) => expect(items).toEqual([{ id: itemId, updated: true }]),
	}),
	'appEntityItem.delete': app({
		parameters: async (portal) => ({ ENTITY: 'orders', ID: await entityItem(portal) }),
		request: (params) => expect(params).toEqual({ ENTITY: 'orders', ID: itemId }),
		output: (items) => expect(items).toEqual([{ id: itemId, deleted: true }]),
	}),
	'appEntityProperty.create': app({
		parameters: { ENTITY: 'orders', PROPERTY: 'price', NAME: 'Price', additionalFields: { TYPE: 'N', SORT: 100 } },
		request: exactly({ ENTITY: 'orders', PROPERTY: 'price', NAME: 'Price', TYPE: 'N', SORT: 100 }),
		output: (items) => expect(items).toEqual([{ ENTITY: 'orders', PROPERTY: 'price', created: true }]),
	}),
	'appEntityProperty.get': app({ parameters: async (portal) => (await entityProperty(portal), { ENTITY: 'orders', PROPERTY: 'price' }), request: exactly({ ENTITY: 'orders', PROPERTY: 'price' }), output: eachWith('PROPERTY', 'NAME', 'TYPE') }),
	'appEntityProperty.getMany': app({ parameters: async (portal) => (await entityProperty(portal), { ENTITY: 'orders' }), request: exactly({ ENTITY: 'orders' }), output: eachWith('PROPERTY', 'NAME', 'TYPE') }),
	'appEntityProperty.update': app({
		parameters: { ENTITY: 'orders', PROPERTY: 'price', updateFields: { PROPERTY_NEW: 'amount', NAME: 'Amount', TYPE: 'N' } },
		request: exactly({ ENTITY: 'orders', PROPERTY: 'price', PROPERTY_NEW: 'amount', NAME: 'Amount', TYPE: 'N' }),
		output: (items) => expect(items).toEqual([{ ENTITY: 'orders', PROPERTY: 'price', updated: true }]),
	}),
	'appEntityProperty.delete': app({
		parameters: { ENTITY: 'orders', PROPERTY: 'amount' },
		request: exactly({ ENTITY: 'orders', PROPERTY: 'amount' }),
		output: (items) => expect(items).toEqual([{ ENTITY: 'orders', PROPERTY: 'amount', deleted: true }]),
	}),
	'appEntitySection.create': app({
		parameters: { ENTITY: 'orders', NAME: '2024', additionalFields: { ACTIVE: false, SORT: 10, CODE: 'y2024' } },
		request: exactly({ ENTITY: 'orders', NAME: '2024', ACTIVE: 'N', SORT: 10, CODE: 'y2024' }),
		// documented: the new section's ID as a number (entity-section-add.md)
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	}),
	'appEntitySection.getMany': app({
		parameters: async (portal) => (await entitySection(portal), { ENTITY: 'orders', limit: 5 }),
		request: exactly({ ENTITY: 'orders', start: 0 }),
		output: (items) => (eachWith('ID', 'CODE', 'NAME', 'ACTIVE')(items), expect(items.length).toBeLessThanOrEqual(5)),
	}),
	'appEntitySection.update': app({
		parameters: async (portal) => ({ ENTITY: 'orders', ID: await entitySection(portal), updateFields: { NAME: '2025', SECTION: 1 } }),
		request: (params) => expect(params).toEqual({ ENTITY: 'orders', ID: sectionId, NAME: '2025', SECTION: 1 }),
		output: (items) => expect(items).toEqual([{ id: sectionId, updated: true }]),
	}),
	'appEntitySection.delete': app({
		parameters: async (portal) => ({ ENTITY: 'orders', ID: await entitySection(portal) }),
		request: (params) => expect(params).toEqual({ ENTITY: 'orders', ID: sectionId }),
		output: (items) => expect(items).toEqual([{ id: sectionId, deleted: true }]),
	}),

	// SMS Provider
	'smsProvider.create': app({
		parameters: { CODE: 'n8n_sms', NAME: 'n8n SMS', HANDLER: 'https://example.com/sms', additionalFields: { DESCRIPTION: 'Sends through n8n' } },
		request: exactly({ CODE: 'n8n_sms', TYPE: 'SMS', NAME: 'n8n SMS', HANDLER: 'https://example.com/sms', DESCRIPTION: 'Sends through n8n' }),
		output: (items) => expect(items).toEqual([{ CODE: 'n8n_sms', created: true }]),
	}),
	'smsProvider.getMany': app({
		parameters: async (portal) => (await smsSender(portal, 'n8n_sms_list'), {}),
		request: exactly({}),
		// documented: a list of provider codes (messageservice-sender-list.md), one item per code
		output: (items) => (expect(items).toContainEqual({ CODE: 'n8n_sms_list' }), items.forEach((row) => expect(row).toEqual({ CODE: expect.any(String) }))),
	}),
	'smsProvider.update': app({
		parameters: async (portal) => (await smsSender(portal, 'n8n_sms_upd'), { CODE: 'n8n_sms_upd', updateFields: { HANDLER: 'https://example.com/sms2' } }),
		request: exactly({ CODE: 'n8n_sms_upd', HANDLER: 'https://example.com/sms2' }),
		output: (items) => expect(items).toEqual([{ CODE: 'n8n_sms_upd', updated: true }]),
	}),
	'smsProvider.delete': app({
		parameters: async (portal) => (await smsSender(portal, 'n8n_sms_del'), { CODE: 'n8n_sms_del' }),
		request: exactly({ CODE: 'n8n_sms_del' }),
		output: (items) => expect(items).toEqual([{ CODE: 'n8n_sms_del', deleted: true }]),
	}),
	'smsProvider.updateMessageStatus': app({
		parameters: { CODE: 'n8n_sms', MESSAGE_ID: 'ext-42', STATUS: 'delivered' },
		request: exactly({ CODE: 'n8n_sms', MESSAGE_ID: 'ext-42', STATUS: 'delivered' }),
		output: (items) => expect(items).toEqual([{ CODE: 'n8n_sms', MESSAGE_ID: 'ext-42', STATUS: 'delivered', updated: true }]),
	}),

	// Feed Post
	'feedPost.create': {
		parameters: { POST_MESSAGE: 'Release 2.0 is out', additionalFields: { POST_TITLE: 'Release', DEST: 'UA, SG3', IMPORTANT: true, PARSE_PREVIEW: false } },
		request: exactly({ POST_MESSAGE: 'Release 2.0 is out', POST_TITLE: 'Release', DEST: ['UA', 'SG3'], IMPORTANT: 'Y', PARSE_PREVIEW: 'N' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'feedPost.get': {
		parameters: async (portal) => ({ POST_ID: await post(portal) }),
		request: (params) => expect(params).toEqual({ POST_ID: postId }),
		// log-blogpost-get.md: the post's record
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: String(postId), AUTHOR_ID: expect.any(String), DATE_PUBLISH: expect.any(String), DETAIL_TEXT: null })),
	},
	'feedPost.getMany': {
		parameters: async (portal) => (await post(portal), { returnAll: true, options: { LOG_DATE_FROM: '2024-01-01T00:00:00' } }),
		request: exactly({ LOG_DATE_FROM: '2024-01-01T00:00:00', start: 0 }),
		output: eachWith('ID', 'AUTHOR_ID', 'DATE_PUBLISH', 'DETAIL_TEXT'),
	},
	'feedPost.update': {
		parameters: async (portal) => ({ POST_ID: await post(portal), updateFields: { POST_TITLE: 'Updated', POST_MESSAGE: 'New text' } }),
		request: (params) => expect(params).toEqual({ POST_ID: postId, POST_TITLE: 'Updated', POST_MESSAGE: 'New text' }),
		output: (items) => expect(items).toEqual([{ id: postId, updated: true }]),
	},
	'feedPost.delete': {
		parameters: async (portal) => ({ POST_ID: await post(portal) }),
		request: (params) => expect(params).toEqual({ POST_ID: postId }),
		output: (items) => expect(items).toEqual([{ id: postId, deleted: true }]),
	},
	'feedPost.share': {
		parameters: async (portal) => ({ POST_ID: await post(portal), DEST: 'U2, DR1' }),
		request: (params) => expect(params).toEqual({ POST_ID: postId, DEST: ['U2', 'DR1'] }),
		output: (items) => expect(items).toEqual([{ id: postId, shared: true }]),
	},
	'feedPost.getImportantReaders': {
		parameters: async (portal) => {
			const POST_ID = await post(portal);
			seededRows(portal, 'log.blogpost.getusers', [{ ID: 1 }, { ID: 3 }]);
			return { POST_ID };
		},
		request: (params) => expect(params).toEqual({ POST_ID: postId }),
		// log-blogpost-getusers-important.md: the IDs of users who read the post, one item each
		output: (items) => expect(items).toEqual([{ userId: expect.anything() }, { userId: expect.anything() }]),
	},
};
