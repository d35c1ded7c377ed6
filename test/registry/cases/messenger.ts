import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import type { Cases } from './types';

/** A fresh group chat with user 2, made through the node. */
export async function newChat(portal: Portal, title = 'Registry chat'): Promise<number> {
	const [out] = await portal.json({ resource: 'chat', operation: 'create', additionalFields: { TITLE: title, USERS: '2' } });
	return Number(out.id);
}

async function newMessage(portal: Portal, chatId: number, text = 'Hello'): Promise<number> {
	const [out] = await portal.json({ resource: 'message', operation: 'send', DIALOG_ID: `chat${chatId}`, MESSAGE: text });
	return Number(out.id);
}

const one = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	return items[0];
};
const ok = (key: string, value: unknown, flag = 'success') => (items: IDataObject[]) => expect(one(items)).toEqual({ id: value, [flag]: true });

const bot = { botId: 7, botToken: 'tok-registry' };
const botRequest = (extra: IDataObject) => (params: IDataObject) => expect(params).toMatchObject({ botId: 7, botToken: 'tok-registry', ...extra });

export const messengerCases: Cases = {
	// ---- messages ----
	'message.send': {
		parameters: async (portal) => ({
			DIALOG_ID: `chat${await newChat(portal)}`,
			MESSAGE: 'Deal won',
			additionalFields: { SYSTEM: true, URL_PREVIEW: false, KEYBOARD: '[{"TEXT": "Open"}]' },
		}),
		request: (params) => expect(params).toMatchObject({ MESSAGE: 'Deal won', SYSTEM: 'Y', URL_PREVIEW: 'N', KEYBOARD: [{ TEXT: 'Open' }] }),
		output: (items) => expect(one(items).id).toEqual(expect.any(Number)),
	},
	'message.update': {
		parameters: async (portal) => ({ MESSAGE_ID: await newMessage(portal, await newChat(portal)), updateFields: { MESSAGE: 'Edited', IS_EDITED: true } }),
		request: (params) => expect(params).toMatchObject({ MESSAGE: 'Edited', IS_EDITED: 'Y' }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), updated: true }),
	},
	'message.delete': {
		parameters: async (portal) => ({ MESSAGE_ID: await newMessage(portal, await newChat(portal)) }),
		request: (params) => expect(params.MESSAGE_ID).toEqual(expect.any(Number)),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), deleted: true }),
	},
	'message.like': {
		parameters: { MESSAGE_ID: 5, additionalFields: { ACTION: 'plus' } },
		request: (params) => expect(params).toEqual({ MESSAGE_ID: 5, ACTION: 'plus' }),
		output: ok('MESSAGE_ID', 5),
	},
	'message.share': {
		parameters: { MESSAGE_ID: 5, DIALOG_ID: 'chat1', TYPE: 'TASK' },
		request: (params) => expect(params).toEqual({ MESSAGE_ID: 5, DIALOG_ID: 'chat1', TYPE: 'TASK' }),
		output: ok('MESSAGE_ID', 5),
	},

	// ---- chats ----
	'chat.create': {
		parameters: { additionalFields: { TITLE: 'Launch', USERS: '2, 3', TYPE: 'OPEN', COLOR: 'MINT' } },
		request: (params) => expect(params).toMatchObject({ TITLE: 'Launch', USERS: ['2', '3'], TYPE: 'OPEN', COLOR: 'MINT' }),
		output: (items) => expect(one(items).id).toEqual(expect.any(Number)),
	},
	'chat.get': {
		parameters: async (portal) => {
			await portal.json({ resource: 'chat', operation: 'create', additionalFields: { TITLE: 'Deal chat', ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|1' } });
			return { ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|1' };
		},
		request: (params) => expect(params).toEqual({ ENTITY_TYPE: 'CRM', ENTITY_ID: 'DEAL|1' }),
		output: (items) => expect(one(items).ID).toEqual(expect.any(Number)),
	},
	'chat.updateTitle': {
		parameters: async (portal) => ({ CHAT_ID: await newChat(portal), TITLE: 'Renamed' }),
		request: (params) => expect(params.TITLE).toBe('Renamed'),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), updated: true }),
	},
	'chat.updateColor': {
		parameters: { CHAT_ID: 3, COLOR: 'AQUA' },
		request: (params) => expect(params).toEqual({ CHAT_ID: 3, COLOR: 'AQUA' }),
		output: (items) => expect(one(items)).toEqual({ id: 3, updated: true }),
	},
	'chat.setOwner': { parameters: { CHAT_ID: 3, USER_ID: 2 }, request: (params) => expect(params).toEqual({ CHAT_ID: 3, USER_ID: 2 }), output: ok('CHAT_ID', 3) },
	'chat.mute': { parameters: { CHAT_ID: 3 }, request: (params) => expect(params).toEqual({ CHAT_ID: 3, MUTE: 'Y' }), output: ok('CHAT_ID', 3) },
	'chat.unmute': { parameters: { CHAT_ID: 3 }, request: (params) => expect(params).toEqual({ CHAT_ID: 3, MUTE: 'N' }), output: ok('CHAT_ID', 3) },
	'chat.leave': {
		parameters: async (portal) => ({ CHAT_ID: await newChat(portal) }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), success: true }),
	},
	'chat.addUsers': {
		parameters: async (portal) => ({ CHAT_ID: await newChat(portal), USERS: '3,4', additionalFields: { HIDE_HISTORY: false } }),
		request: (params) => expect(params).toMatchObject({ USERS: ['3', '4'], HIDE_HISTORY: 'N' }),
		output: (items) => expect(one(items)).toEqual({ id: expect.any(Number), success: true }),
	},
	'chat.removeUser': {
		parameters: async (portal) => ({ CHAT_ID: await newChat(portal), USER_ID: 2 }),
		request: (params) => expect(params.USER_ID).toBe(2),
		output: (items) => expect(one(items).success).toBe(true),
	},
	'chat.getUsers': {
		parameters: async (portal) => ({ CHAT_ID: await newChat(portal) }),
		output: (items) => expect(items).toEqual([{ userId: 1 }, { userId: 2 }]),
	},

	// ---- dialogs ----
	'dialog.get': {
		parameters: async (portal) => ({ DIALOG_ID: `chat${await newChat(portal, 'Dialog get')}` }),
		output: (items) => expect(one(items)).toMatchObject({ id: expect.any(Number), name: 'Dialog get', type: 'chat' }),
	},
	'dialog.getMessages': {
		parameters: async (portal) => {
			const chatId = await newChat(portal);
			for (let i = 0; i < 3; i++) await newMessage(portal, chatId, `m${i}`);
			return { DIALOG_ID: `chat${chatId}`, returnAll: true };
		},
		request: (params) => expect(params).toMatchObject({ LIMIT: 50 }),
		output: (items) => expect(items.map((m) => m.text)).toEqual(['m2', 'm1', 'm0']),
	},
	'dialog.getUsers': {
		parameters: { DIALOG_ID: 'chat1', limit: 10, options: { SKIP_EXTERNAL: true } },
		request: (params) => expect(params).toEqual({ DIALOG_ID: 'chat1', SKIP_EXTERNAL: 'Y', LIMIT: 10, OFFSET: 0 }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
	'dialog.read': {
		parameters: async (portal) => ({ DIALOG_ID: `chat${await newChat(portal)}` }),
		output: (items) => expect(one(items)).toEqual({ success: true }),
	},
	'dialog.unread': {
		parameters: { DIALOG_ID: 'chat1', MESSAGE_ID: 9 },
		request: (params) => expect(params).toEqual({ DIALOG_ID: 'chat1', MESSAGE_ID: 9 }),
		output: ok('DIALOG_ID', 'chat1'),
	},
	'dialog.writing': { parameters: { DIALOG_ID: '2' }, request: (params) => expect(params).toEqual({ DIALOG_ID: '2' }), output: ok('DIALOG_ID', '2') },

	// ---- recent ----
	'recent.getAll': {
		parameters: { limit: 5, options: { SKIP_OPENLINES: true, UNREAD_ONLY: false } },
		request: (params) => expect(params).toEqual({ SKIP_OPENLINES: 'Y', UNREAD_ONLY: 'N', LIMIT: 5, OFFSET: 0 }),
		output: (items) => expect(items.length).toBeLessThanOrEqual(5),
	},
	'recent.pin': { parameters: { DIALOG_ID: 'chat1' }, request: (params) => expect(params).toEqual({ DIALOG_ID: 'chat1', PIN: 'Y' }), output: ok('DIALOG_ID', 'chat1') },
	'recent.unpin': { parameters: { DIALOG_ID: 'chat1' }, request: (params) => expect(params).toEqual({ DIALOG_ID: 'chat1', PIN: 'N' }), output: ok('DIALOG_ID', 'chat1') },
	'recent.hide': { parameters: { DIALOG_ID: '2' }, request: (params) => expect(params).toEqual({ DIALOG_ID: '2' }), output: ok('DIALOG_ID', '2') },
	'recent.markUnread': { parameters: { DIALOG_ID: '2' }, request: (params) => expect(params).toEqual({ DIALOG_ID: '2', ACTION: 'Y' }), output: ok('DIALOG_ID', '2') },
	'recent.unmarkUnread': { parameters: { DIALOG_ID: '2' }, request: (params) => expect(params).toEqual({ DIALOG_ID: '2', ACTION: 'N' }), output: ok('DIALOG_ID', '2') },
	'recent.getCounters': { request: (params) => expect(params).toEqual({}), output: (items) => expect(items).toHaveLength(1) },

	// ---- notifications ----
	'notification.sendSystem': {
		parameters: { USER_ID: 2, MESSAGE: 'Build finished', additionalFields: { TAG: 'BUILD|1', CLIENT_ID: 'app.1' } },
		request: (params) => expect(params).toEqual({ USER_ID: 2, MESSAGE: 'Build finished', TAG: 'BUILD|1', CLIENT_ID: 'app.1' }),
		output: (items) => expect(one(items).id).toEqual(expect.any(Number)),
	},
	'notification.sendPersonal': {
		parameters: { USER_ID: 2, MESSAGE: 'Please review', additionalFields: { MESSAGE_OUT: 'Please review (email)' } },
		request: (params) => expect(params).toEqual({ USER_ID: 2, MESSAGE: 'Please review', MESSAGE_OUT: 'Please review (email)' }),
		output: (items) => expect(one(items).id).toEqual(expect.any(Number)),
	},
	'notification.getAll': {
		parameters: { options: { LIMIT: 20, CONVERT_TEXT: true } },
		request: (params) => expect(params).toEqual({ LIMIT: 20, CONVERT_TEXT: 'Y' }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
	'notification.delete': {
		parameters: { ID: 0, additionalFields: { TAG: 'BUILD|1', CLIENT_ID: 'app.1' } },
		request: (params) => expect(params).toEqual({ TAG: 'BUILD|1', CLIENT_ID: 'app.1' }),
		output: (items) => expect(one(items)).toEqual({ deleted: true }),
	},
	'notification.markRead': {
		parameters: { ID: 12, additionalFields: { ONLY_CURRENT: true } },
		request: (params) => expect(params).toEqual({ ID: 12, ACTION: 'Y', ONLY_CURRENT: 'Y' }),
		output: ok('ID', 12),
	},
	'notification.markUnread': { parameters: { ID: 12 }, request: (params) => expect(params).toEqual({ ID: 12, ACTION: 'N' }), output: ok('ID', 12) },
	'notification.markAllRead': { output: (items) => expect(items).toHaveLength(1) },
	'notification.answer': {
		parameters: { NOTIFY_ID: 12, ANSWER_TEXT: 'On it' },
		request: (params) => expect(params).toEqual({ NOTIFY_ID: 12, ANSWER_TEXT: 'On it' }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'notification.confirm': {
		parameters: { NOTIFY_ID: 12, NOTIFY_VALUE: 'Y' },
		request: (params) => expect(params).toEqual({ NOTIFY_ID: 12, NOTIFY_VALUE: 'Y' }),
		output: (items) => expect(items).toHaveLength(1),
	},

	// ---- messenger users and search ----
	'imUser.get': { parameters: { options: { ID: 2 } }, request: (params) => expect(params).toEqual({ ID: 2 }), output: (items) => expect(items).toHaveLength(1) },
	'imUser.getMany': {
		parameters: { ID: '1, 2' },
		request: (params) => expect(params).toEqual({ ID: ['1', '2'], RESULT_TYPE: 'array' }),
		output: (items) => expect(items.length).toBeGreaterThan(0),
	},
	'imUser.getStatus': { output: (items) => expect(one(items)).toHaveProperty('status') },
	'imUser.setStatus': { parameters: { STATUS: 'dnd' }, request: (params) => expect(params).toEqual({ STATUS: 'dnd' }), output: (items) => expect(one(items)).toEqual({ status: 'dnd', success: true }) },
	'imSearch.users': {
		parameters: { FIND: 'Adm', returnAll: true, options: { BUSINESS: true } },
		request: (params) => expect(params).toEqual({ FIND: 'Adm', BUSINESS: 'Y', LIMIT: 50, OFFSET: 0 }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
	'imSearch.chats': { parameters: { FIND: 'Launch', limit: 3 }, request: (params) => expect(params).toEqual({ FIND: 'Launch', LIMIT: 3, OFFSET: 0 }), output: (items) => expect(items.length).toBeLessThanOrEqual(3) },
	'imSearch.departments': {
		parameters: { FIND: 'Sal', limit: 10, options: { USER_DATA: true } },
		request: (params) => expect(params).toEqual({ FIND: 'Sal', USER_DATA: 'Y', LIMIT: 10, OFFSET: 0 }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},

	// ---- chat bots (imbot.v2: the webhook passes botToken) ----
	'bot.register': {
		parameters: { code: 'helper', name: 'Helper', botToken: 'tok-registry', additionalFields: { type: 'supervisor', eventMode: 'fetch', isHidden: true } },
		// the emulator's log masks any key named "code" (OAuth codes), so only its presence is checked
		request: (params) =>
			expect(params).toEqual({ fields: { code: expect.any(String), botToken: 'tok-registry', type: 'supervisor', eventMode: 'fetch', isHidden: true, properties: { name: 'Helper' } } }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'bot.get': { parameters: bot, request: botRequest({}), output: (items) => expect(items).toHaveLength(1) },
	'bot.getAll': {
		parameters: { botToken: 'tok-registry', returnAll: true, options: { filter: '{"type": "bot"}' } },
		request: (params) => expect(params).toEqual({ botToken: 'tok-registry', filter: { type: 'bot' }, limit: 50, offset: 0 }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
	'bot.update': {
		parameters: { ...bot, updateFields: { name: 'Renamed', isHidden: false } },
		request: botRequest({ fields: { properties: { name: 'Renamed' }, isHidden: false } }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'bot.unregister': { parameters: bot, request: botRequest({}), output: (items) => expect(one(items)).toMatchObject({ id: 7 }) },
	'botMessage.send': {
		parameters: { ...bot, dialogId: 'chat1', message: 'Hi from bot', additionalFields: { urlPreview: false, replyId: 3 } },
		request: botRequest({ dialogId: 'chat1', fields: { message: 'Hi from bot', urlPreview: false, replyId: 3 } }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'botMessage.get': { parameters: { ...bot, messageId: 3 }, request: botRequest({ messageId: 3 }), output: (items) => expect(items).toHaveLength(1) },
	'botMessage.update': {
		parameters: { ...bot, messageId: 3, updateFields: { message: 'Edited' } },
		request: botRequest({ messageId: 3, fields: { message: 'Edited' } }),
		output: (items) => expect(one(items)).toMatchObject({ id: 3 }),
	},
	'botMessage.delete': {
		parameters: { ...bot, messageId: 3, options: { complete: true } },
		request: botRequest({ messageId: 3, complete: true }),
		output: (items) => expect(one(items)).toMatchObject({ id: 3 }),
	},
	'botMessage.read': { parameters: { ...bot, dialogId: 'chat1' }, request: botRequest({ dialogId: 'chat1' }), output: (items) => expect(one(items)).toMatchObject({ id: 'chat1' }) },
	'botMessage.addReaction': { parameters: { ...bot, messageId: 3, reaction: 'like' }, request: botRequest({ messageId: 3, reaction: 'like' }), output: (items) => expect(items).toHaveLength(1) },
	'botMessage.removeReaction': { parameters: { ...bot, messageId: 3, reaction: 'like' }, request: botRequest({ messageId: 3, reaction: 'like' }), output: (items) => expect(items).toHaveLength(1) },
	'botMessage.typing': { parameters: { ...bot, dialogId: '2', options: { duration: 30 } }, request: botRequest({ dialogId: '2', duration: 30 }), output: (items) => expect(items).toHaveLength(1) },
	'botChat.create': {
		parameters: { ...bot, additionalFields: { title: 'Bot room', userIds: '1,2' } },
		request: botRequest({ fields: { title: 'Bot room', userIds: ['1', '2'] } }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'botChat.get': { parameters: { ...bot, dialogId: 'chat1' }, request: botRequest({ dialogId: 'chat1' }), output: (items) => expect(items).toHaveLength(1) },
	'botChat.addUsers': { parameters: { ...bot, dialogId: 'chat1', userIds: '2,3' }, request: botRequest({ dialogId: 'chat1', userIds: ['2', '3'] }), output: (items) => expect(one(items)).toMatchObject({ id: 'chat1' }) },
	'botChat.removeUser': { parameters: { ...bot, dialogId: 'chat1', userId: 2 }, request: botRequest({ dialogId: 'chat1', userId: 2 }), output: (items) => expect(items).toHaveLength(1) },
	'botChat.getUsers': { parameters: { ...bot, dialogId: 'chat1', options: { limit: 100 } }, request: botRequest({ dialogId: 'chat1', limit: 100 }), output: (items) => expect(Array.isArray(items)).toBe(true) },
	'botChat.addManagers': { parameters: { ...bot, dialogId: 'chat1', userIds: '2' }, request: botRequest({ userIds: ['2'] }), output: (items) => expect(items).toHaveLength(1) },
	'botChat.removeManagers': { parameters: { ...bot, dialogId: 'chat1', userIds: '2' }, request: botRequest({ userIds: ['2'] }), output: (items) => expect(items).toHaveLength(1) },
	'botChat.setOwner': { parameters: { ...bot, dialogId: 'chat1', userId: 2 }, request: botRequest({ dialogId: 'chat1', userId: 2 }), output: (items) => expect(items).toHaveLength(1) },
	'botChat.leave': { parameters: { ...bot, dialogId: 'chat1' }, request: botRequest({ dialogId: 'chat1' }), output: (items) => expect(items).toHaveLength(1) },
	'botCommand.register': {
		parameters: { ...bot, command: 'help', additionalFields: { title: 'Help', common: true } },
		request: botRequest({ fields: { command: 'help', title: 'Help', common: true } }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'botCommand.getAll': { parameters: bot, request: botRequest({}), output: (items) => expect(Array.isArray(items)).toBe(true) },
	'botCommand.update': {
		parameters: { ...bot, commandId: 4, updateFields: { hidden: true } },
		request: botRequest({ commandId: 4, fields: { hidden: true } }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'botCommand.unregister': { parameters: { ...bot, commandId: 4 }, request: botRequest({ commandId: 4 }), output: (items) => expect(one(items)).toMatchObject({ id: 4 }) },
	'botCommand.answer': {
		parameters: { ...bot, commandId: 4, messageId: 3, dialogId: 'chat1', message: 'Here is help' },
		request: botRequest({ commandId: 4, messageId: 3, dialogId: 'chat1', fields: { message: 'Here is help' } }),
		output: (items) => expect(one(items)).toMatchObject({ id: 4 }),
	},
	'botEvent.get': {
		parameters: { ...bot, options: { offset: 1002, limit: 10, withUserEvents: true } },
		request: botRequest({ offset: 1002, limit: 10, withUserEvents: true }),
		output: (items) => expect(Array.isArray(items)).toBe(true),
	},
	'botFile.upload': {
		parameters: { ...bot, dialogId: 'chat1', binaryProperty: 'data', additionalFields: { name: 'note.txt', content: 'aGVsbG8=' } },
		request: botRequest({ dialogId: 'chat1', fields: { name: 'note.txt', content: 'aGVsbG8=' } }),
		output: (items) => expect(items).toHaveLength(1),
	},
	'botFile.download': { parameters: { ...bot, fileId: 138 }, request: botRequest({ fileId: 138 }), output: (items) => expect(items).toHaveLength(1) },
};
