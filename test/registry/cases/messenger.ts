import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases, OperationCase } from './types';

/** A fresh group chat with user 2, made through the node. */
export async function newChat(portal: Portal, title = 'Registry chat'): Promise<number> {
	const [out] = await portal.json({ resource: 'chat', operation: 'create', additionalFields: { TITLE: title, USERS: '2' } });
	return Number(out.id);
}

/** The chat recent.getMany seeds (its output check reads it). */
let recentChat = 0;

async function newMessage(portal: Portal, chatId: number, text = 'Hello'): Promise<number> {
	const [out] = await portal.json({ resource: 'message', operation: 'send', dialog: `chat${chatId}`, MESSAGE: text });
	return Number(out.id);
}

const one = (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	return items[0];
};
const ok = (key: string, value: unknown, flag = 'success') => (items: IDataObject[]) => expect(one(items)).toEqual({ id: value, [flag]: true });

/**
 * imbot.v2 with a webhook: every call carries the bot's token. The request log masks it, so a case
 * checks it was sent ('***' only where a value was given); the stored bot shows the real value arrived.
 */
const TOKEN = 'tok-registry';
const SENT = '***';
let botCount = 0;

interface BotIds {
	portal: Portal;
	botId: number;
	code: string;
	dialogId: string;
	messageId: number;
	commandId: number;
	fileId: number;
}
type Need = 'chat' | 'message' | 'command' | 'file';

/** A bot registered through the node, with the webhook token every later call passes. */
async function newBot(portal: Portal, additionalFields: INodeParameters = {}): Promise<{ botId: number; code: string }> {
	const code = `registry_bot_${++botCount}`;
	const [out] = await portal.json({ resource: 'bot', operation: 'register', code, name: 'Registry bot', botToken: TOKEN, additionalFields });
	return { botId: Number(out.id), code };
}

/** Registers a bot, then the chat/message/command/file a case works on, all through the node. */
async function botRecords(portal: Portal, needs: Need[], botFields: INodeParameters = {}): Promise<BotIds> {
	const { botId, code } = await newBot(portal, botFields);
	const auth = { botId, botToken: TOKEN };
	const ids: BotIds = { portal, botId, code, dialogId: '', messageId: 0, commandId: 0, fileId: 0 };
	if (needs.some((n) => n !== 'command')) {
		const [chat] = await portal.json({ resource: 'botChat', operation: 'create', ...auth, additionalFields: { title: 'Bot room', userIds: '1,2' } });
		expect(chat.id).toEqual(expect.any(Number));
		ids.dialogId = `chat${chat.id as number}`;
	}
	if (needs.includes('message')) {
		const [message] = await portal.json({ resource: 'botMessage', operation: 'send', ...auth, dialog: ids.dialogId, message: 'Stored text' });
		ids.messageId = Number(message.id);
	}
	if (needs.includes('command')) {
		const [command] = await portal.json({ resource: 'botCommand', operation: 'register', ...auth, command: 'status' });
		ids.commandId = Number(command.id);
	}
	if (needs.includes('file')) {
		const [upload] = await portal.json({ resource: 'botFile', operation: 'upload', ...auth, dialog: ids.dialogId, binaryProperty: 'data', additionalFields: { name: 'a.txt', content: 'YQ==' } });
		ids.fileId = Number((upload.file as IDataObject).id);
	}
	return ids;
}

interface BotRun {
	parameters: IDataObject;
	request: (params: IDataObject) => void;
	output: (items: IDataObject[]) => void;
}

/** A bot case: its records are made first, then the run and its checks see their IDs. */
function botCase(needs: Need[], run: (ids: BotIds) => BotRun, botFields: INodeParameters = {}): OperationCase {
	let current: BotRun | undefined;
	return {
		parameters: async (portal) => {
			const ids = await botRecords(portal, needs, botFields);
			current = run(ids);
			return { botId: ids.botId, botToken: TOKEN, ...current.parameters } as INodeParameters;
		},
		request: (params) => current!.request(params),
		output: (items) => current!.output(items),
	};
}

/** The params every bot call sends besides its own: the bot and its (masked) token. */
const sentBy = (ids: BotIds, extra: IDataObject = {}) => (params: IDataObject) => expect(params).toEqual({ botId: ids.botId, botToken: SENT, ...extra });
/** imbot.v2 changes answer {result: true}: the node reports the record it changed. */
const changed = (id: unknown, state = 'success') => (items: IDataObject[]) => expect(one(items)).toEqual({ id, [state]: true });

/** The portal of the running case, for checks against the users and chats it keeps. */
let portalRef: Portal;

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
		request: (params) => expect(params).toEqual({ CHAT_ID: expect.any(Number) }),
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
		request: (params) => expect(params).toEqual({ CHAT_ID: expect.any(Number) }),
		parameters: async (portal) => ({ CHAT_ID: await newChat(portal) }),
		output: (items) => expect(items).toEqual([{ userId: 1 }, { userId: 2 }]),
	},

	// ---- dialogs ----
	'dialog.get': {
		request: (params) => expect(params).toEqual({ DIALOG_ID: expect.stringMatching(/^chat\d+$/) }),
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
		parameters: async (portal) => ({ DIALOG_ID: `chat${await newChat(portal, 'Members')}`, limit: 10, options: { SKIP_EXTERNAL: true } }),
		request: (params) => expect(params).toEqual({ DIALOG_ID: expect.stringMatching(/^chat\d+$/), SKIP_EXTERNAL: 'Y', LIMIT: 10, OFFSET: 0 }),
		// the chat's members (its creator and user 2), one user object each (im-dialog-users-list.md)
		output: (items) => {
			expect(items.map((user) => user.id)).toEqual(expect.arrayContaining([1, 2]));
			for (const user of items) expect(user).toMatchObject({ id: expect.any(Number), name: expect.any(String), active: expect.any(Boolean), type: expect.any(String) });
		},
	},
	'dialog.read': {
		request: (params) => expect(params).toEqual({ DIALOG_ID: expect.stringMatching(/^chat\d+$/) }),
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
	'recent.getMany': {
		// a chat with the newest message comes first (im-recent-list.md: recent dialogs)
		parameters: async (portal) => {
			recentChat = await newChat(portal, 'Recent chat');
			await newMessage(portal, recentChat, 'Latest word');
			return { limit: 5, options: { SKIP_OPENLINES: true, UNREAD_ONLY: false } };
		},
		request: (params) => expect(params).toEqual({ SKIP_OPENLINES: 'Y', UNREAD_ONLY: 'N', LIMIT: 5, OFFSET: 0 }),
		output: (items) => {
			expect(items.length).toBeLessThanOrEqual(5);
			expect(items[0]).toMatchObject({ id: `chat${recentChat}`, chat_id: recentChat, type: 'chat', title: 'Recent chat', message: expect.objectContaining({ text: 'Latest word' }) });
			for (const item of items) expect(item).toHaveProperty('chat_id');
		},
	},
	'recent.pin': { parameters: { DIALOG_ID: 'chat1' }, request: (params) => expect(params).toEqual({ DIALOG_ID: 'chat1', PIN: 'Y' }), output: ok('DIALOG_ID', 'chat1') },
	'recent.unpin': { parameters: { DIALOG_ID: 'chat1' }, request: (params) => expect(params).toEqual({ DIALOG_ID: 'chat1', PIN: 'N' }), output: ok('DIALOG_ID', 'chat1') },
	'recent.hide': { parameters: { DIALOG_ID: '2' }, request: (params) => expect(params).toEqual({ DIALOG_ID: '2' }), output: ok('DIALOG_ID', '2') },
	'recent.markUnread': { parameters: { DIALOG_ID: '2' }, request: (params) => expect(params).toEqual({ DIALOG_ID: '2', ACTION: 'Y' }), output: ok('DIALOG_ID', '2') },
	'recent.unmarkUnread': { parameters: { DIALOG_ID: '2' }, request: (params) => expect(params).toEqual({ DIALOG_ID: '2', ACTION: 'N' }), output: ok('DIALOG_ID', '2') },
	'recent.getCounters': {
		request: (params) => expect(params).toEqual({}),
		// im-counters-get.md: counters by kind under TYPE, then per chat and dialog
		output: (items) => expect(one(items)).toMatchObject({ TYPE: expect.objectContaining({ ALL: expect.any(Number), NOTIFY: expect.any(Number), CHAT: expect.any(Number), DIALOG: expect.any(Number) }) }),
	},

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
	'notification.getMany': {
		// a notification to the webhook's own user, so the list has one to show
		parameters: async (portal) => {
			const body = JSON.stringify({ USER_ID: portal.emu.webhook.userId, MESSAGE: 'Registry notice', TAG: 'REG|1' });
			await fetch(`${portal.emu.webhookUrl}im.notify.personal.add`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
			return { options: { LIMIT: 20, CONVERT_TEXT: true } };
		},
		request: (params) => expect(params).toEqual({ LIMIT: 20, CONVERT_TEXT: 'Y' }),
		// im-notify-get.md: notification objects, newest first
		output: (items) => {
			expect(items[0]).toMatchObject({ id: expect.any(Number), chat_id: expect.any(Number), author_id: expect.any(Number), text: 'Registry notice', notify_tag: 'REG|1', notify_read: 'N' });
			for (const item of items) expect(item).toHaveProperty('notify_type');
		},
	},
	'notification.delete': {
		parameters: { deleteBy: 'tag', TAG: 'BUILD|1', additionalFields: { CLIENT_ID: 'app.1' } },
		request: (params) => expect(params).toEqual({ TAG: 'BUILD|1', CLIENT_ID: 'app.1' }),
		output: (items) => expect(one(items)).toEqual({ deleted: true }),
	},
	'notification.markRead': {
		parameters: { ID: 12, additionalFields: { ONLY_CURRENT: true } },
		request: (params) => expect(params).toEqual({ ID: 12, ACTION: 'Y', ONLY_CURRENT: 'Y' }),
		output: ok('ID', 12),
	},
	'notification.markUnread': { parameters: { ID: 12 }, request: (params) => expect(params).toEqual({ ID: 12, ACTION: 'N' }), output: ok('ID', 12) },
	'notification.markAllRead': { request: (params) => expect(params).toEqual({}), output: (items) => expect(one(items)).toEqual({ result: true, newCounter: expect.any(Number) }) },
	'notification.answer': {
		parameters: { NOTIFY_ID: 12, ANSWER_TEXT: 'On it' },
		request: (params) => expect(params).toEqual({ NOTIFY_ID: 12, ANSWER_TEXT: 'On it' }),
		// im-notify-answer.md answers { result_message: [...] }
		output: (items) => expect(one(items)).toEqual({ result_message: expect.any(Array) }),
	},
	'notification.confirm': {
		parameters: { NOTIFY_ID: 12, NOTIFY_VALUE: 'Y' },
		request: (params) => expect(params).toEqual({ NOTIFY_ID: 12, NOTIFY_VALUE: 'Y' }),
		output: (items) => expect(one(items)).toEqual({ result_message: expect.any(Array) }),
	},

	// ---- messenger users and search ----
	'imUser.get': {
		parameters: { options: { ID: 2 } },
		request: (params) => expect(params).toEqual({ ID: 2 }),
		output: (items) => expect(one(items)).toMatchObject({ id: 2, name: expect.any(String), first_name: expect.any(String), departments: expect.any(Array), phones: expect.any(Object) }),
	},
	'imUser.getMany': {
		parameters: (portal) => ((portalRef = portal), { ID: '1, 2' }),
		request: (params) => expect(params).toEqual({ ID: ['1', '2'], RESULT_TYPE: 'array' }),
		// RESULT_TYPE=array: a list of user objects, one output item each — the portal's users 1 and 2
		output: (items) => {
			expect(items.map((user) => user.id)).toEqual([1, 2]);
			for (const user of items) {
				expect(user).toMatchObject({ active: true, first_name: expect.any(String), last_name: expect.any(String), bot: false, type: 'user' });
				expect(Object.keys(user)).toEqual(expect.arrayContaining(['name', 'work_position', 'status', 'departments', 'phones', 'email']));
			}
			const real = (id: number) => portalRef.emu.store.get('user', id) as IDataObject;
			for (const user of items) {
				const stored = real(user.id as number);
				expect(user).toMatchObject({ first_name: stored.NAME, last_name: stored.LAST_NAME, name: `${stored.NAME as string} ${stored.LAST_NAME as string}`, email: stored.EMAIL, work_position: stored.WORK_POSITION });
			}
		},
	},
	'imUser.getStatus': { request: (params) => expect(params).toEqual({}), output: (items) => expect(one(items)).toHaveProperty('status') },
	'imUser.setStatus': { parameters: { STATUS: 'dnd' }, request: (params) => expect(params).toEqual({ STATUS: 'dnd' }), output: (items) => expect(one(items)).toEqual({ status: 'dnd', success: true }) },
	'imSearch.users': {
		parameters: { FIND: 'Adm', returnAll: true, options: { BUSINESS: true } },
		request: (params) => expect(params).toEqual({ FIND: 'Adm', BUSINESS: 'Y', LIMIT: 50, OFFSET: 0 }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const user of items) expect(user).toMatchObject({ id: expect.any(Number), name: expect.any(String), departments: expect.any(Array) });
		},
	},
	'imSearch.chats': {
		parameters: async (portal) => (await newChat(portal, 'Launch'), { FIND: 'Launch', limit: 3 }),
		request: (params) => expect(params).toEqual({ FIND: 'Launch', LIMIT: 3, OFFSET: 0 }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			expect(items.length).toBeLessThanOrEqual(3);
			for (const chat of items) expect(chat).toMatchObject({ id: expect.any(Number), dialog_id: `chat${String(chat.id)}`, name: expect.stringContaining('Launch'), type: expect.any(String) });
		},
	},
	'imSearch.departments': {
		// the department search is answered generically: seed the department it finds (im-search-department-list.md)
		parameters: (portal) => {
			seededRows(portal, 'im.search.department', [{ ID: 3, id: 3, name: 'Sales', full_name: 'Sales / Acme', manager_user_id: 1 }]);
			return { FIND: 'Sal', limit: 10, options: { USER_DATA: true } };
		},
		request: (params) => expect(params).toEqual({ FIND: 'Sal', USER_DATA: 'Y', LIMIT: 10, OFFSET: 0 }),
		output: (items) => expect(one(items)).toMatchObject({ id: 3, name: 'Sales', full_name: 'Sales / Acme', manager_user_id: 1 }),
	},

	// ---- chat bots (imbot.v2: a webhook passes the bot's botToken on every call) ----
	'bot.register': (() => {
		let portal: Portal;
		return {
			parameters: (p: Portal) => {
				portal = p;
				return { code: 'helper', name: 'Helper', botToken: TOKEN, additionalFields: { type: 'supervisor', eventMode: 'fetch', isHidden: true } };
			},
			request: (params: IDataObject) =>
				expect(params).toEqual({ fields: { code: 'helper', botToken: SENT, type: 'supervisor', eventMode: 'fetch', isHidden: true, properties: { name: 'Helper' } } }),
			output: (items: IDataObject[]) => {
				const registered = one(items);
				expect(registered).toMatchObject({ id: expect.any(Number), code: 'helper', type: 'supervisor', eventMode: 'fetch', isHidden: true });
				// the token itself (masked in the log) reached the portal
				expect(portal.emu.store.get('generic:imbot.v2.bot', registered.id as number)).toMatchObject({ botToken: TOKEN });
			},
		};
	})(),
	'bot.get': botCase([], (ids) => ({
		parameters: {},
		request: sentBy(ids),
		output: (items) => expect(one(items)).toMatchObject({ id: ids.botId, code: ids.code, type: 'openline', isSupportOpenline: true }),
	}), { type: 'openline', isSupportOpenline: true }),
	'bot.getMany': (() => {
		let botId = 0;
		return {
			parameters: async (portal: Portal) => {
				({ botId } = await newBot(portal, { type: 'personal' }));
				await newBot(portal, { type: 'bot' });
				return { botToken: TOKEN, returnAll: true, options: { filter: '{"type": "personal"}' } };
			},
			request: (params: IDataObject) => expect(params).toEqual({ botToken: SENT, filter: { type: 'personal' }, limit: 50, offset: 0 }),
			output: (items: IDataObject[]) => {
				expect(items.map((item) => item.id)).toContain(botId);
				expect(items.every((item) => item.type === 'personal')).toBe(true);
			},
		};
	})(),
	'bot.update': botCase([], (ids) => ({
		parameters: { updateFields: { name: 'Renamed', isHidden: false } },
		request: sentBy(ids, { fields: { properties: { name: 'Renamed' }, isHidden: false } }),
		output: (items) => expect(one(items)).toMatchObject({ id: ids.botId, code: ids.code, isHidden: false }),
	}), { isHidden: true }),
	'bot.unregister': botCase([], (ids) => ({ parameters: {}, request: sentBy(ids), output: changed(ids.botId, 'deleted') })),
	'botMessage.send': botCase(['message'], (ids) => ({
		parameters: { dialogId: ids.dialogId, message: 'Hi from bot', additionalFields: { urlPreview: false, replyId: ids.messageId } },
		request: sentBy(ids, { dialogId: ids.dialogId, fields: { message: 'Hi from bot', urlPreview: false, replyId: ids.messageId } }),
		output: (items) => {
			const sent = one(items);
			expect(sent).toMatchObject({ id: expect.any(Number), uuidMap: {} });
			expect(sent.id).not.toBe(ids.messageId);
		},
	})),
	'botMessage.get': botCase(['message'], (ids) => ({
		parameters: { messageId: ids.messageId },
		request: sentBy(ids, { messageId: ids.messageId }),
		output: (items) => {
			const message = one(items);
			expect(message.id).toBe(ids.messageId);
			expect(Object.keys(message)).toEqual(expect.arrayContaining(['id', 'chatId', 'authorId', 'date', 'text', 'isSystem', 'params']));
			// the text sent as fields.message, in the bot's chat
			expect(message).toMatchObject({ text: 'Stored text', chatId: Number(ids.dialogId.replace('chat', '')) });
		},
	})),
	'botMessage.update': botCase(['message'], (ids) => ({
		parameters: { messageId: ids.messageId, updateFields: { message: 'Edited' } },
		request: sentBy(ids, { messageId: ids.messageId, fields: { message: 'Edited' } }),
		output: changed(ids.messageId, 'updated'),
	})),
	'botMessage.delete': botCase(['message'], (ids) => ({
		parameters: { messageId: ids.messageId, options: { complete: true } },
		request: sentBy(ids, { messageId: ids.messageId, complete: true }),
		output: changed(ids.messageId, 'deleted'),
	})),
	'botMessage.read': botCase(['message'], (ids) => ({
		parameters: { dialogId: ids.dialogId, options: { messageId: ids.messageId } },
		request: sentBy(ids, { dialogId: ids.dialogId, messageId: ids.messageId }),
		// documented: {chatId, lastId, counter, viewedMessages}
		output: (items) =>
			expect(one(items)).toEqual({ chatId: expect.any(Number), lastId: expect.any(Number), counter: expect.any(Number), viewedMessages: expect.any(Array) }),
	})),
	'botMessage.addReaction': botCase(['message'], (ids) => ({
		parameters: { messageId: ids.messageId, reaction: 'like' },
		request: sentBy(ids, { messageId: ids.messageId, reaction: 'like' }),
		output: changed(ids.messageId),
	})),
	'botMessage.removeReaction': botCase(['message'], (ids) => ({
		parameters: { messageId: ids.messageId, reaction: 'like' },
		request: sentBy(ids, { messageId: ids.messageId, reaction: 'like' }),
		output: changed(ids.messageId),
	})),
	'botMessage.typing': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId, options: { duration: 30 } },
		request: sentBy(ids, { dialogId: ids.dialogId, duration: 30 }),
		output: changed(ids.dialogId),
	})),
	'botChat.create': botCase([], (ids) => ({
		parameters: { additionalFields: { title: 'Bot room', userIds: '1,2', color: 'MINT' } },
		request: sentBy(ids, { fields: { title: 'Bot room', userIds: ['1', '2'], color: 'MINT' } }),
		output: (items) => {
			const chat = one(items);
			expect(chat).toMatchObject({ id: expect.any(Number), color: 'MINT' });
			expect(Object.keys(chat)).toEqual(expect.arrayContaining(['dialogId', 'name', 'type', 'owner']));
			// documented: name is the title, dialogId chat<id>, the bot owns it when no ownerId is given
			expect(chat).toMatchObject({ name: 'Bot room', dialogId: `chat${chat.id as number}`, type: 'chat', owner: ids.botId });
		},
	})),
	'botChat.get': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId },
		request: sentBy(ids, { dialogId: ids.dialogId }),
		output: (items) => {
			const chat = one(items);
			expect(chat.id).toEqual(expect.any(Number));
			expect(Object.keys(chat)).toEqual(expect.arrayContaining(['dialogId', 'name', 'type', 'owner', 'managerList', 'userCounter']));
			expect(chat).toMatchObject({ dialogId: ids.dialogId, name: 'Bot room', userCounter: 2 });
		},
	})),
	'botChat.addUsers': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId, userIds: '2,3' },
		request: sentBy(ids, { dialogId: ids.dialogId, userIds: ['2', '3'] }),
		output: changed(ids.dialogId),
	})),
	'botChat.removeUser': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId, userId: 2 },
		request: sentBy(ids, { dialogId: ids.dialogId, userId: 2 }),
		output: changed(ids.dialogId),
	})),
	'botChat.getUsers': botCase(['chat'], (ids) => ({
		// the chat was created with userIds 1,2: the portal's users 1 and 2 are its members
		parameters: { dialogId: ids.dialogId, options: { limit: 100 } },
		request: sentBy(ids, { dialogId: ids.dialogId, limit: 100 }),
		output: (items) => {
			expect(items.map((user) => user.id)).toEqual([1, 2]);
			const alex = ids.portal.emu.store.get('user', 2) as IDataObject;
			expect(items[1]).toMatchObject({ name: `${alex.NAME as string} ${alex.LAST_NAME as string}`, firstName: alex.NAME, lastName: alex.LAST_NAME, bot: false, type: 'employee' });
		},
	})),
	'botChat.addManagers': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId, userIds: '2' },
		request: sentBy(ids, { dialogId: ids.dialogId, userIds: ['2'] }),
		output: changed(ids.dialogId),
	})),
	'botChat.removeManagers': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId, userIds: '2' },
		request: sentBy(ids, { dialogId: ids.dialogId, userIds: ['2'] }),
		output: changed(ids.dialogId),
	})),
	'botChat.setOwner': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId, userId: 2 },
		request: sentBy(ids, { dialogId: ids.dialogId, userId: 2 }),
		output: changed(ids.dialogId),
	})),
	'botChat.leave': botCase(['chat'], (ids) => ({ parameters: { dialogId: ids.dialogId }, request: sentBy(ids, { dialogId: ids.dialogId }), output: changed(ids.dialogId) })),
	'botCommand.register': botCase([], (ids) => ({
		parameters: { command: 'help', additionalFields: { title: 'Help', common: true } },
		request: sentBy(ids, { fields: { command: 'help', title: 'Help', common: true } }),
		output: (items) => expect(one(items)).toMatchObject({ id: expect.any(Number), botId: ids.botId, command: 'help', common: true }),
	})),
	'botCommand.getMany': botCase(['command'], (ids) => ({
		parameters: {},
		request: sentBy(ids),
		output: (items) => {
			expect(items.map((command) => command.id)).toContain(ids.commandId);
			expect(items.every((command) => command.botId === ids.botId)).toBe(true);
		},
	})),
	'botCommand.update': botCase(['command'], (ids) => ({
		parameters: { commandId: ids.commandId, updateFields: { hidden: true } },
		request: sentBy(ids, { commandId: ids.commandId, fields: { hidden: true } }),
		output: (items) => expect(one(items)).toMatchObject({ id: ids.commandId, botId: ids.botId, command: 'status', hidden: true }),
	})),
	'botCommand.unregister': botCase(['command'], (ids) => ({
		parameters: { commandId: ids.commandId },
		request: sentBy(ids, { commandId: ids.commandId }),
		output: changed(ids.commandId, 'deleted'),
	})),
	'botCommand.answer': botCase(['message', 'command'], (ids) => ({
		parameters: { commandId: ids.commandId, messageId: ids.messageId, dialogId: ids.dialogId, message: 'Here is help' },
		request: sentBy(ids, { commandId: ids.commandId, messageId: ids.messageId, dialogId: ids.dialogId, fields: { message: 'Here is help' } }),
		output: changed(ids.commandId),
	})),
	'botEvent.get': botCase([], (ids) => {
		// the emulator queues no bot events: it answers the documented event rows seeded here
		seededRows(ids.portal, 'imbot.v2.event', [{ ID: 1002, eventId: 1002, type: 'ONIMBOTV2MESSAGEADD', date: '2026-01-15T10:30:00+02:00', data: { dialogId: 'chat5' } }]);
		return {
			parameters: { options: { offset: 1002, limit: 10, withUserEvents: true } },
			request: sentBy(ids, { offset: 1002, limit: 10, withUserEvents: true }),
			output: (items) => expect(items).toEqual([{ eventId: 1002, type: 'ONIMBOTV2MESSAGEADD', date: '2026-01-15T10:30:00+02:00', data: { dialogId: 'chat5' } }]),
		};
	}),
	'botFile.upload': botCase(['chat'], (ids) => ({
		parameters: { dialogId: ids.dialogId, binaryProperty: 'data', additionalFields: { name: 'note.txt', content: 'aGVsbG8=' } },
		request: sentBy(ids, { dialogId: ids.dialogId, fields: { name: 'note.txt', content: 'aGVsbG8=' } }),
		output: (items) => expect(one(items)).toMatchObject({ file: { id: expect.any(Number), name: 'note.txt' }, messageId: expect.any(Number), dialogId: expect.any(String) }),
	})),
	'botFile.download': botCase(['file'], (ids) => ({
		parameters: { fileId: ids.fileId },
		request: sentBy(ids, { fileId: ids.fileId }),
		// documented: only the one-time link
		output: (items) => expect(one(items)).toEqual({ downloadUrl: expect.stringMatching(/^http/) }),
	})),
};
