// Chats and messages (im.*). Chats live in the `chat` table, shared with Open
// Lines chats (TYPE 'lines'); messages in `message`. DIALOG_ID is `chat<ID>`
// for group chats or a user id for a private dialog.
import type { Core, HandlerMap } from '../core';
import { idParam, p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';
import { imV2MessageData, recordImEvent } from './imv2events';

export function chatByDialog(core: Core, ctx: CallContext, dialogId: unknown, create = true): Rec {
	const d = String(dialogId ?? '');
	const m = /^chat(\d+)$/i.exec(d);
	if (m) {
		const chat = core.store.get('chat', Number(m[1]));
		if (!chat) throw new B24Error(400, 'ACCESS_ERROR', "You don't have access to this chat");
		return chat;
	}
	const uid = Number(d);
	if (!Number.isInteger(uid) || uid <= 0 || !core.store.get('user', uid)) throw new B24Error(400, 'DIALOG_ID_EMPTY', 'Dialog ID is empty or invalid');
	const pair = [ctx.caller.userId, uid].sort((a, b) => a - b);
	const existing = core.store.all('chat').find((c) => c.TYPE === 'private' && JSON.stringify(c.USERS) === JSON.stringify(pair));
	if (existing || !create) {
		if (!existing) throw new B24Error(400, 'ACCESS_ERROR', "You don't have access to this chat");
		return existing;
	}
	return core.store.insert('chat', { TYPE: 'private', TITLE: '', USERS: pair, OWNER: ctx.caller.userId, DATE_CREATE: core.clock.isoDate() });
}

export function addMessage(core: Core, chat: Rec, authorId: number, text: string, params: Rec = {}): Rec {
	const msg = core.store.insert('message', { CHAT_ID: Number(chat.ID), AUTHOR_ID: authorId, TEXT: text, DATE: core.clock.isoDate(), PARAMS: params });
	chat.LAST_MESSAGE_ID = msg.ID;
	if (chat.TYPE === 'lines') core.emit('ONOPENLINEMESSAGEADD', { DATA: [{ chat: { id: Number(chat.ID) }, message: { id: Number(msg.ID) } }] });
	recordImEvent(core, 'ONIMV2MESSAGEADD', chat, imV2MessageData(chat, msg));
	return msg;
}

export function chatOut(chat: Rec): Rec {
	const type = chat.TYPE === 'lines' ? 'lines' : chat.TYPE === 'private' ? 'private' : chat.TYPE === 'open' ? 'open' : 'chat';
	return {
		id: Number(chat.ID),
		dialog_id: type === 'private' ? String((chat.USERS as number[])[1]) : `chat${chat.ID}`,
		name: chat.TITLE ?? '',
		description: chat.DESCRIPTION ?? '',
		owner: Number(chat.OWNER ?? 0),
		type,
		message_type: type === 'lines' ? 'L' : type === 'private' ? 'P' : type === 'open' ? 'O' : 'C',
		entity_type: chat.ENTITY_TYPE ?? '',
		entity_id: chat.ENTITY_ID ?? '',
		entity_data_1: chat.ENTITY_DATA_1 ?? '',
		entity_data_2: chat.ENTITY_DATA_2 ?? '',
		entity_data_3: chat.ENTITY_DATA_3 ?? '',
		manager_list: chat.MANAGERS ?? [Number(chat.OWNER ?? 0)].filter(Boolean),
		date_create: chat.DATE_CREATE ?? null,
		avatar: '',
		color: chat.COLOR ?? '#4ba984',
		extranet: false,
		public: '',
		role: 'MEMBER',
		disk_folder_id: 0,
	};
}

function messageOut(m: Rec): Rec {
	return { id: Number(m.ID), chat_id: Number(m.CHAT_ID), author_id: Number(m.AUTHOR_ID), date: m.DATE, text: m.TEXT, params: m.PARAMS ?? {} };
}

function chatById(core: Core, ctx: CallContext): Rec {
	const id = idParam(ctx, 'CHAT_ID');
	const chat = core.store.get('chat', id);
	if (!chat) throw new B24Error(400, 'CHAT_ID', 'Chat not found');
	return chat;
}

function usersOf(v: unknown): number[] {
	const arr = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : String(v).split(',');
	return arr.map(Number).filter((n) => Number.isInteger(n) && n > 0);
}

export function imHandlers(): HandlerMap {
	return {
		'im.message.add': (ctx, core) => {
			const chat = chatByDialog(core, ctx, p(ctx, 'DIALOG_ID'));
			const text = String(p(ctx, 'MESSAGE') ?? '');
			const system = p(ctx, 'SYSTEM') === 'Y';
			const msg = addMessage(core, chat, system ? 0 : ctx.caller.userId, text, { ATTACH: p(ctx, 'ATTACH'), KEYBOARD: p(ctx, 'KEYBOARD') });
			return { result: Number(msg.ID), cost: core.cost.add };
		},
		'im.message.update': (ctx, core) => {
			const m = core.store.get('message', idParam(ctx, 'MESSAGE_ID'));
			if (!m) throw new B24Error(400, 'MESSAGE_ID', 'Message not found');
			if (Number(m.AUTHOR_ID) !== ctx.caller.userId) throw new B24Error(400, 'CANT_EDIT_MESSAGE', 'You can edit only your own messages');
			const text = p(ctx, 'MESSAGE');
			if (text !== undefined) m.TEXT = String(text);
			m.EDITED = 'Y';
			const chat = core.store.get('chat', Number(m.CHAT_ID));
			if (chat) recordImEvent(core, 'ONIMV2MESSAGEUPDATE', chat, imV2MessageData(chat, m));
			return { result: true };
		},
		'im.message.delete': (ctx, core) => {
			const id = idParam(ctx, 'MESSAGE_ID');
			const m = core.store.get('message', id);
			if (!m) throw new B24Error(400, 'MESSAGE_ID', 'Message not found');
			core.store.remove('message', id);
			const chat = core.store.get('chat', Number(m.CHAT_ID));
			if (chat) recordImEvent(core, 'ONIMV2MESSAGEDELETE', chat, imV2MessageData(chat, m));
			return { result: true };
		},
		'im.chat.add': (ctx, core) => {
			const users = [...new Set([ctx.caller.userId, ...usersOf(p(ctx, 'USERS'))])];
			const chat = core.store.insert('chat', {
				TYPE: String(p(ctx, 'TYPE') || 'CHAT').toUpperCase() === 'OPEN' ? 'open' : 'chat',
				TITLE: p(ctx, 'TITLE') ?? `Chat`,
				DESCRIPTION: p(ctx, 'DESCRIPTION') ?? '',
				COLOR: p(ctx, 'COLOR'),
				USERS: users,
				OWNER: Number(p(ctx, 'OWNER_ID') || ctx.caller.userId),
				ENTITY_TYPE: p(ctx, 'ENTITY_TYPE') ?? '',
				ENTITY_ID: p(ctx, 'ENTITY_ID') ?? '',
				DATE_CREATE: core.clock.isoDate(),
			});
			const first = p(ctx, 'MESSAGE');
			if (first) addMessage(core, chat, ctx.caller.userId, String(first));
			return { result: Number(chat.ID), cost: core.cost.add };
		},
		// chats found by name (im-search-chat-list.md): FIND among the caller's chats, FIND_LINES among
		// Open Lines chats; OFFSET/LIMIT (default 10, max 50) with total and next; FIND_SHORT under 2 characters
		'im.search.chat.list': (ctx, core) => {
			const lines = p(ctx, 'FIND_LINES') !== undefined && p(ctx, 'FIND') === undefined;
			const find = String(p(ctx, lines ? 'FIND_LINES' : 'FIND') ?? '').trim().toLowerCase();
			if (find.length < 2) throw new B24Error(400, 'FIND_SHORT', 'Too short a search phrase.');
			const offset = Math.max(0, Math.trunc(Number(p(ctx, 'OFFSET') ?? 0)) || 0);
			const limit = Math.min(50, Math.max(1, Math.trunc(Number(p(ctx, 'LIMIT') ?? 10)) || 10));
			const found = core.store
				.all('chat')
				.filter((c) => c.TYPE !== 'private' && (lines ? c.TYPE === 'lines' : c.TYPE !== 'lines' && ((c.USERS as number[]) ?? []).includes(ctx.caller.userId)))
				.filter((c) => String(c.TITLE ?? '').toLowerCase().includes(find));
			const rows = found.slice(offset, offset + limit);
			return { result: rows.map(chatOut), total: found.length, ...(offset + limit < found.length ? { next: offset + limit } : {}) };
		},
		'im.chat.get': (ctx, core) => {
			const et = String(p(ctx, 'ENTITY_TYPE'));
			const eid = String(p(ctx, 'ENTITY_ID'));
			const chat = core.store.all('chat').find((c) => String(c.ENTITY_TYPE) === et && String(c.ENTITY_ID) === eid);
			return { result: chat ? { ID: Number(chat.ID) } : null };
		},
		'im.chat.updatetitle': (ctx, core) => {
			chatById(core, ctx).TITLE = String(p(ctx, 'TITLE'));
			return { result: true };
		},
		'im.chat.leave': (ctx, core) => {
			const chat = chatById(core, ctx);
			chat.USERS = ((chat.USERS as number[]) || []).filter((u) => u !== ctx.caller.userId);
			return { result: true };
		},
		'im.chat.user.add': (ctx, core) => {
			const chat = chatById(core, ctx);
			chat.USERS = [...new Set([...((chat.USERS as number[]) || []), ...usersOf(p(ctx, 'USERS'))])];
			return { result: true };
		},
		'im.chat.user.delete': (ctx, core) => {
			const chat = chatById(core, ctx);
			const uid = idParam(ctx, 'USER_ID');
			chat.USERS = ((chat.USERS as number[]) || []).filter((u) => u !== uid);
			return { result: true };
		},
		'im.chat.user.list': (ctx, core) => ({ result: (chatById(core, ctx).USERS as number[]) || [] }),
		'im.dialog.get': (ctx, core) => ({ result: chatOut(chatByDialog(core, ctx, p(ctx, 'DIALOG_ID'), false)) }),
		'im.dialog.read': (ctx, core) => {
			chatByDialog(core, ctx, p(ctx, 'DIALOG_ID'), false);
			return { result: true };
		},
		'im.dialog.messages.get': (ctx, core) => {
			const chat = chatByDialog(core, ctx, p(ctx, 'DIALOG_ID'), false);
			const limit = Math.min(50, Math.max(1, Number(p(ctx, 'LIMIT') || 20)));
			const lastId = Number(p(ctx, 'LAST_ID') || 0);
			const firstId = Number(p(ctx, 'FIRST_ID') || 0);
			let msgs = core.store.all('message').filter((m) => Number(m.CHAT_ID) === Number(chat.ID));
			if (firstId) {
				// FIRST_ID: messages after it, oldest first
				msgs = msgs.filter((m) => Number(m.ID) > firstId).slice(0, limit);
			} else {
				// default / LAST_ID: the newest messages before it, newest first
				if (lastId) msgs = msgs.filter((m) => Number(m.ID) < lastId);
				msgs = msgs.slice(-limit).reverse();
			}
			const userIds = [...new Set(msgs.map((m) => Number(m.AUTHOR_ID)).filter(Boolean))];
			return {
				result: {
					chat_id: Number(chat.ID),
					messages: msgs.map(messageOut),
					users: userIds.map((id) => {
						const u = core.store.get('user', id);
						return { id, name: u ? `${u.NAME} ${u.LAST_NAME}` : '', first_name: u?.NAME ?? '', last_name: u?.LAST_NAME ?? '' };
					}),
					files: [],
				},
			};
		},
	};
}
