import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

let guest = 0;

/** A new Open Lines chat on line 1 with an open session (no operator yet), made through the node. */
export async function linesChat(portal: Portal): Promise<number> {
	guest += 1;
	const [out] = await portal.json({ resource: 'openLineSession', operation: 'open', USER_CODE: `livechat|1|${9000 + guest}|${7000 + guest}` });
	return Number(out.chatId);
}

const sessionOf = (portal: Portal, chatId: number) => Number(portal.emu.store.get('chat', chatId)?.SESSION_ID);

/** The calling user (1) takes the dialog first. */
async function answeredChat(portal: Portal): Promise<number> {
	const chatId = await linesChat(portal);
	await portal.json({ resource: 'openLineOperator', operation: 'answer', openLineChat: chatId });
	return chatId;
}

const one = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	return items[0];
};
const chatCase = (extra: IDataObject = {}, setup = linesChat) => ({
	parameters: async (portal: Portal) => ({ CHAT_ID: await setup(portal), ...extra }),
	request: (params: IDataObject) => expect(params).toEqual({ CHAT_ID: expect.any(Number), ...extra }),
	output: (items: IDataObject[]) => expect(one(items)).toEqual({ success: true }),
});
const done = (id: unknown) => (items: IDataObject[]) => expect(one(items)).toEqual({ id, success: true });
const crm = { CRM_ENTITY_TYPE: 'deal', CRM_ENTITY: 1 };
const connector = { CONNECTOR: 'myconnector', LINE: 1 };
const app = 'oAuth2' as const;

export const openLinesCases: Cases = {
	// ---- sessions ----
	'openLineSession.close': {
		parameters: async (portal) => ({ closeBy: 'chatId', chatId: await linesChat(portal) }),
		request: (params) => expect(params).toEqual({ CHAT_ID: expect.any(Number) }),
		output: (items) => expect(one(items)).toEqual({ chatId: expect.any(Number), closed: true, method: 'imopenlines.operator.another.finish' }),
	},
	'openLineSession.open': {
		parameters: { USER_CODE: 'livechat|1|8001|6001' },
		request: (params) => expect(params).toEqual({ USER_CODE: 'livechat|1|8001|6001' }),
		output: (items) => expect(one(items).chatId).toEqual(expect.any(Number)),
	},
	'openLineSession.start': chatCase(),
	'openLineSession.startFromMessage': {
		parameters: async (portal) => {
			const chatId = await linesChat(portal);
			const [message] = await portal.json({ resource: 'message', operation: 'send', dialog: `chat${chatId}`, MESSAGE: 'From the guest' });
			return { CHAT_ID: chatId, MESSAGE_ID: Number(message.id) };
		},
		request: (params) => expect(params).toEqual({ CHAT_ID: expect.any(Number), MESSAGE_ID: expect.any(Number) }),
		output: (items) => expect(one(items)).toEqual({ success: true }),
	},
	'openLineSession.join': chatCase(),
	'openLineSession.intercept': chatCase(),
	'openLineSession.transfer': chatCase({ TRANSFER_ID: '2' }),
	'openLineSession.pin': chatCase({ ACTIVATE: 'Y' }),
	'openLineSession.unpin': chatCase({ ACTIVATE: 'N' }),
	'openLineSession.pinAll': {
		request: (params) => expect(params).toEqual({}),
		parameters: async (portal) => (await answeredChat(portal), {}),
		output: (items) => expect((one(items).chatIds as number[]).length).toBeGreaterThan(0),
	},
	'openLineSession.unpinAll': {
		request: (params) => expect(params).toEqual({}),
		parameters: async (portal) => (await answeredChat(portal), {}),
		output: (items) => expect((one(items).chatIds as number[]).length).toBeGreaterThan(0),
	},
	'openLineSession.vote': {
		parameters: async (portal) => ({ SESSION_ID: sessionOf(portal, await linesChat(portal)), additionalFields: { RATING: 5, COMMENT: 'Great' } }),
		request: (params) => expect(params).toEqual({ SESSION_ID: expect.any(Number), RATING: 5, COMMENT: 'Great' }),
		output: (items) => expect(one(items)).toEqual({ success: true }),
	},
	'openLineSession.getHistory': {
		request: (params) => expect(params).toEqual({ SESSION_ID: expect.any(Number) }),
		parameters: async (portal) => ({ SESSION_ID: sessionOf(portal, await linesChat(portal)) }),
		output: (items) => expect(one(items)).toMatchObject({ chatId: expect.any(Number), sessionId: expect.any(Number) }),
	},
	'openLineSession.getDialog': {
		request: (params) => expect(params).toEqual({ SESSION_ID: expect.any(Number) }),
		parameters: async (portal) => ({ SESSION_ID: sessionOf(portal, await linesChat(portal)) }),
		output: (items) => expect(one(items)).toMatchObject({ id: expect.any(Number), type: 'lines' }),
	},
	'openLineSession.createLead': chatCase(),

	// ---- operators ----
	'openLineOperator.answer': chatCase(),
	'openLineOperator.skip': chatCase({}, answeredChat),
	'openLineOperator.spam': chatCase(),
	'openLineOperator.transfer': chatCase({ TRANSFER_ID: '2' }, answeredChat),
	'openLineOperator.finish': chatCase({}, answeredChat),
	'openLineOperator.finishAnother': chatCase(),

	// ---- dialogs ----
	'openLineDialog.get': {
		parameters: async (portal) => ({ findBy: 'CHAT_ID', findValue: String(await linesChat(portal)) }),
		request: (params) => expect(params).toEqual({ CHAT_ID: expect.any(String) }),
		output: (items) => expect(one(items)).toMatchObject({ id: expect.any(Number), type: 'lines', entity_type: 'LINES' }),
	},

	// ---- chat bot in a dialog ----
	'openLineBot.sendMessage': {
		parameters: { CHAT_ID: 12, additionalFields: { NAME: 'DEFAULT', MESSAGE: 'One moment' } },
		request: (params) => expect(params).toEqual({ CHAT_ID: 12, NAME: 'DEFAULT', MESSAGE: 'One moment' }),
		output: done(12),
	},
	'openLineBot.switchToOperator': { parameters: { CHAT_ID: 12 }, request: (params) => expect(params).toEqual({ CHAT_ID: 12 }), output: done(12) },
	'openLineBot.transfer': {
		parameters: { CHAT_ID: 12, TRANSFER_ID: 'queue1', additionalFields: { LEAVE: true, CLIENT_ID: 'bot-client' } },
		request: (params) => expect(params).toEqual({ CHAT_ID: 12, TRANSFER_ID: 'queue1', LEAVE: 'Y', CLIENT_ID: 'bot-client' }),
		output: done(12),
	},
	'openLineBot.finish': {
		parameters: { CHAT_ID: 12, additionalFields: { CLIENT_ID: 'bot-client' } },
		request: (params) => expect(params).toEqual({ CHAT_ID: 12, CLIENT_ID: 'bot-client' }),
		output: done(12),
	},

	// ---- lines ----
	'openLineConfig.create': {
		parameters: { LINE_NAME: 'Support', settings: '{"CRM": "N", "QUEUE": [1]}' },
		request: (params) => expect(params).toEqual({ PARAMS: { LINE_NAME: 'Support', CRM: 'N', QUEUE: [1] } }),
		output: (items) => expect(one(items).id).toEqual(expect.any(Number)),
	},
	'openLineConfig.get': {
		parameters: { CONFIG_ID: 1, options: { WITH_QUEUE: true } },
		request: (params) => expect(params).toEqual({ CONFIG_ID: 1, WITH_QUEUE: 'Y' }),
		output: (items) => expect(one(items)).toMatchObject({ ID: '1', LINE_NAME: expect.any(String), ACTIVE: 'Y' }),
	},
	'openLineConfig.getMany': {
		parameters: { returnAll: true, options: { PARAMS: '{"filter": {"ACTIVE": "Y"}}' } },
		request: (params) => expect(params).toEqual({ PARAMS: { filter: { ACTIVE: 'Y' } } }),
		output: (items) => expect(items[0]).toMatchObject({ ID: '1', LINE_NAME: expect.any(String) }),
	},
	'openLineConfig.update': {
		parameters: async (portal) => {
			const [line] = await portal.json({ resource: 'openLineConfig', operation: 'create', LINE_NAME: 'To update' });
			return { CONFIG_ID: Number(line.id), settings: '{"CRM": "Y"}', updateFields: { LINE_NAME: 'Updated', ACTIVE: false } };
		},
		request: (params) => expect(params).toEqual({ CONFIG_ID: expect.any(Number), PARAMS: { CRM: 'Y', LINE_NAME: 'Updated', ACTIVE: 'N' } }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), updated: true }),
	},
	'openLineConfig.delete': {
		request: (params) => expect(params).toEqual({ CONFIG_ID: expect.any(Number) }),
		parameters: async (portal) => {
			const [line] = await portal.json({ resource: 'openLineConfig', operation: 'create', LINE_NAME: 'To delete' });
			return { CONFIG_ID: Number(line.id) };
		},
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), deleted: true }),
	},
	'openLineConfig.getPath': { request: (params) => expect(params).toEqual({}), output: (items) => expect(one(items)).toEqual({ SERVER_ADDRESS: expect.any(String), PUBLIC_PATH: expect.any(String) }) },
	'openLineConfig.joinNetwork': {
		parameters: { CODE: 'ab515f5d85a8b844d484f6ea75a2e494' },
		// the emulator's log masks keys named CODE
		request: (params) => expect(params).toEqual({ CODE: expect.any(String) }),
		output: (items) => expect(one(items).botId).toEqual(expect.any(Number)),
	},

	// ---- CRM chats ----
	'openLineCrmChat.get': {
		// the deal's chats are answered generically: seed one documented row (imopenlines-crm-chat-get.md)
		parameters: (portal: Portal) => (seededRows(portal, 'imopenlines.crm.chat', [{ CHAT_ID: '12', CONNECTOR_ID: 'telegrambot', CONNECTOR_TITLE: 'Telegram' }]), { ...crm, options: { ACTIVE_ONLY: false } }),
		request: (params) => expect(params).toEqual({ ...crm, ACTIVE_ONLY: 'N' }),
		output: (items) => expect(one(items)).toMatchObject({ CHAT_ID: '12', CONNECTOR_ID: 'telegrambot', CONNECTOR_TITLE: 'Telegram' }),
	},
	'openLineCrmChat.getLastId': { parameters: crm, request: (params) => expect(params).toEqual(crm), output: (items) => expect(one(items)).toHaveProperty('chatId') },
	'openLineCrmChat.addUser': {
		parameters: { ...crm, USER_ID: 2, additionalFields: { CHAT_ID: 12 } },
		request: (params) => expect(params).toEqual({ ...crm, USER_ID: 2, CHAT_ID: 12 }),
		output: (items) => expect(one(items)).toMatchObject({ userId: 2 }),
	},
	'openLineCrmChat.removeUser': {
		parameters: { ...crm, USER_ID: 2 },
		request: (params) => expect(params).toEqual({ ...crm, USER_ID: 2 }),
		output: (items) => expect(one(items)).toMatchObject({ userId: 2 }),
	},

	// ---- messages ----
	'openLineMessage.sendToCrmChat': {
		parameters: { ...crm, USER_ID: 1, CHAT_ID: 12, MESSAGE: 'Invoice sent' },
		request: (params) => expect(params).toEqual({ ...crm, USER_ID: 1, CHAT_ID: 12, MESSAGE: 'Invoice sent' }),
		output: (items) => expect(one(items).id).toEqual(expect.any(Number)),
	},
	'openLineMessage.saveQuickAnswer': {
		parameters: { CHAT_ID: 12, MESSAGE_ID: 30 },
		request: (params) => expect(params).toEqual({ CHAT_ID: 12, MESSAGE_ID: 30 }),
		output: done(30),
	},
	'openLineMessage.sendToNetwork': {
		parameters: { CODE: 'ab515f5d85a8b844d484f6ea75a2e494', USER_ID: 2, MESSAGE: 'News', additionalFields: { URL_PREVIEW: false } },
		request: (params) => expect(params).toEqual({ CODE: expect.any(String), USER_ID: 2, MESSAGE: 'News', URL_PREVIEW: 'N' }),
		output: done(2),
	},

	// ---- connectors (application only) ----
	'connector.register': {
		auth: app,
		parameters: { ID: 'myconnector', NAME: 'My Connector', ICON: '{"DATA_IMAGE": "data:image/svg+xml;base64,PHN2Zy8+"}', PLACEMENT_HANDLER: 'https://example.com/settings', additionalFields: { CHAT_GROUP: true } },
		request: (params) =>
			expect(params).toEqual({ ID: 'myconnector', NAME: 'My Connector', ICON: { DATA_IMAGE: 'data:image/svg+xml;base64,PHN2Zy8+' }, PLACEMENT_HANDLER: 'https://example.com/settings', CHAT_GROUP: true }),
		output: (items) => expect(one(items)).toMatchObject({ id: 'myconnector' }),
	},
	'connector.unregister': {
		auth: app,
		parameters: { ID: 'myconnector' },
		request: (params) => expect(params).toEqual({ ID: 'myconnector' }),
		output: (items) => expect(one(items)).toMatchObject({ id: 'myconnector' }),
	},
	'connector.activate': { auth: app, parameters: connector, request: (params) => expect(params).toEqual({ ...connector, ACTIVE: 1 }), output: done('myconnector') },
	'connector.deactivate': { auth: app, parameters: connector, request: (params) => expect(params).toEqual({ ...connector, ACTIVE: 0 }), output: done('myconnector') },
	'connector.getStatus': {
		auth: app,
		parameters: { CONNECTOR: 'myconnector', options: { LINE: 1 } },
		request: (params) => expect(params).toEqual(connector),
		// imconnector-status.md: the line, the connector and its state flags
		output: (items) => expect(one(items)).toMatchObject({ LINE: 1, CONFIGURED: expect.any(Boolean), STATUS: expect.any(Boolean), ERROR: expect.any(Boolean) }),
	},
	'connector.getMany': {
		request: (params) => expect(params).toEqual({}),
		auth: app,
		// imconnector-list.md answers { <connector id>: <name> }; the node lists them as { id, name } (the emulator's names are '')
		output: (items) => expect(items).toEqual(['livechat', 'telegrambot', 'network', 'myconnector'].map((id) => ({ id, name: expect.any(String) }))),
	},
	'connector.setData': {
		auth: app,
		parameters: { ...connector, DATA: '{"id": "channel-1", "name": "Channel"}' },
		request: (params) => expect(params).toEqual({ ...connector, DATA: { id: 'channel-1', name: 'Channel' } }),
		output: done('myconnector'),
	},
	...Object.fromEntries(
		['sendMessages', 'updateMessages', 'deleteMessages', 'setDelivered', 'setRead'].map((operation) => [
			`connector.${operation}`,
			{
				auth: app,
				parameters: { ...connector, MESSAGES: '[{"user": {"id": "u1"}, "message": {"id": "m1", "text": "Hi"}, "chat": {"id": "c1"}}]' },
				request: (params: IDataObject) => expect(params).toEqual({ ...connector, MESSAGES: [{ user: { id: 'u1' }, message: { id: 'm1', text: 'Hi' }, chat: { id: 'c1' } }] }),
				// imconnector-send-messages.md & co.: { SUCCESS, DATA }
				output: (items: IDataObject[]) => {
					const answer = one(items);
					expect(answer.SUCCESS).toBe(true);
					expect(Object.keys(answer)).toEqual(['SUCCESS', 'DATA']);
				},
			},
		]),
	),
	'connector.setChatName': {
		auth: app,
		parameters: { ...connector, CHAT_ID: 'c1', NAME: 'VIP client' },
		request: (params) => expect(params).toEqual({ ...connector, CHAT_ID: 'c1', NAME: 'VIP client' }),
		output: (items) => expect(one(items)).toEqual({ SUCCESS: true, DATA: expect.anything() }),
	},
};
