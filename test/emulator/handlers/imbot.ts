// Messenger answers that are about the portal's real users and chats: im.user.list.get,
// im.dialog.users.list, voximplant.user.get and the imbot.v2 chat methods read the `user`
// table (handlers/users.ts) and the `chat` table (handlers/im.ts). A few imbot.v2 methods the
// generic store answers are completed here (Message.get's text, File.download's link).
// Handlers marked `wrapsGeneric` leave the generic store in charge of their family.
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext, MethodResult } from '../types';
import { addMessage } from './im';
import { genericHandler, present, resultShapes } from './generic';

const isObj = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);

/** User ids given as an array, a JSON array string, a comma list or one id. */
export function idList(v: unknown): number[] {
	let arr: unknown[];
	if (Array.isArray(v)) arr = v;
	else if (isObj(v)) arr = Object.values(v);
	else if (typeof v === 'string' && /^\s*\[/.test(v)) {
		try {
			arr = JSON.parse(v) as unknown[];
		} catch {
			arr = [];
		}
	} else if (v === undefined || v === null || v === '') arr = [];
	else arr = String(v).split(',');
	return [...new Set(arr.map((x) => Number(String(x).trim())).filter((n) => Number.isInteger(n) && n > 0))];
}

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A portal user as the messenger describes it (im-user-list-get.md "User Object"), snake_case. */
export function messengerUser(u: Rec): Rec {
	const first = String(u.NAME ?? '');
	const last = String(u.LAST_NAME ?? '');
	const phones: Rec = {};
	if (u.WORK_PHONE) phones.work_phone = String(u.WORK_PHONE);
	if (u.PERSONAL_MOBILE) phones.personal_mobile = String(u.PERSONAL_MOBILE);
	if (u.UF_PHONE_INNER) phones.inner_phone = String(u.UF_PHONE_INNER);
	return {
		id: Number(u.ID),
		active: !(u.ACTIVE === false || u.ACTIVE === 'N'),
		name: `${first} ${last}`.trim(),
		first_name: first,
		last_name: last,
		work_position: String(u.WORK_POSITION ?? ''),
		color: '#df532d',
		avatar: '',
		avatar_hr: '',
		gender: String(u.PERSONAL_GENDER || 'M'),
		birthday: '',
		extranet: u.USER_TYPE === 'extranet',
		network: false,
		bot: false,
		connector: false,
		external_auth_id: 'default',
		status: 'online',
		idle: false,
		last_activity_date: u.LAST_LOGIN ?? u.DATE_REGISTER ?? null,
		mobile_last_date: false,
		desktop_last_date: false,
		absent: false,
		departments: Array.isArray(u.UF_DEPARTMENT) ? (u.UF_DEPARTMENT as unknown[]).map(Number) : [],
		phones: Object.keys(phones).length ? phones : false,
		website: String(u.PERSONAL_WWW ?? ''),
		email: String(u.EMAIL ?? ''),
		bot_data: null,
		type: u.USER_TYPE === 'extranet' ? 'extranet' : 'user',
	};
}

/** The user in the keys a method's documented example prints (camelCase ones read the snake_case value). */
function userAs(method: string, u: Rec, skel?: unknown): Rec {
	const base = messengerUser(u);
	const row = isObj(skel) ? skel : undefined;
	if (!row) return base;
	const out: Rec = {};
	for (const [k, tag] of Object.entries(row)) {
		let v = k in base ? base[k] : base[snake(k)];
		// imbot.v2 documents phones as false and type as "employee" (chat-user-list.md)
		if (k === 'phones' && tag === 'bool' && isObj(v)) v = false;
		if (k === 'type' && /^imbot\.v2\./.test(method)) v = base.type === 'user' ? 'employee' : base.type;
		out[k] = v === undefined ? null : v;
	}
	return out;
}

function rowSkeleton(method: string): unknown {
	const r = resultShapes().get(method)?.result;
	return Array.isArray(r) ? r[0] : r;
}

function usersOfIds(core: Core, ids: number[]): Rec[] {
	return ids.map((id) => core.store.get('user', id)).filter((u): u is Rec => !!u);
}

/** A real chat addressed by dialog id (`chatN`), for the imbot.v2 chat methods. */
function botChat(core: Core, ctx: CallContext): Rec {
	const m = /^chat(\d+)$/i.exec(String(p(ctx, 'dialogId') ?? ''));
	const chat = m ? core.store.get('chat', Number(m[1])) : undefined;
	// chat-get.md: ACCESS_DENIED "Bot is not a participant in the chat"
	if (!chat) throw new B24Error(400, 'ACCESS_DENIED', 'Access denied');
	return chat;
}

const CHAT_TYPES: Record<string, [string, string]> = { chat: ['chat', 'C'], open: ['open', 'O'], lines: ['lines', 'L'], private: ['private', 'P'] };

/** A real chat in the imbot.v2 Chat object (chat-add.md "Fields of the Chat Object"). */
function botChatOut(core: Core, ctx: CallContext, chat: Rec, method: string): unknown {
	const [type, messageType] = CHAT_TYPES[String(chat.TYPE)] ?? CHAT_TYPES.chat;
	const users = ((chat.USERS as number[]) || []).map(Number);
	const messages = core.store.all('message').filter((m) => Number(m.CHAT_ID) === Number(chat.ID));
	const rec: Rec = {
		ID: Number(chat.ID),
		id: Number(chat.ID),
		dialogId: type === 'private' ? String(users[1] ?? '') : `chat${chat.ID}`,
		name: String(chat.TITLE ?? ''),
		description: String(chat.DESCRIPTION ?? ''),
		type,
		messageType,
		owner: Number(chat.OWNER ?? 0),
		color: chat.COLOR ?? '#4ba984',
		avatar: '',
		extranet: false,
		containsCollaber: false,
		entityType: String(chat.ENTITY_TYPE ?? ''),
		entityId: String(chat.ENTITY_ID ?? ''),
		entityData1: '',
		entityData2: '',
		entityData3: '',
		entityLink: {},
		diskFolderId: 0,
		role: Number(chat.OWNER) === Number(p(ctx, 'botId')) ? 'owner' : 'member',
		permissions: {},
		muteList: [],
		isNew: method === 'imbot.v2.chat.add',
		textFieldEnabled: 'Y',
		dateCreate: chat.DATE_CREATE ?? core.clock.isoDate(),
		lastMessageId: Number(chat.LAST_MESSAGE_ID ?? 0),
		lastMessageViews: '',
		lastId: Number(chat.LAST_MESSAGE_ID ?? 0),
		managerList: ((chat.MANAGERS as number[]) ?? [Number(chat.OWNER ?? 0)].filter(Boolean)).map(Number),
		messageCount: messages.length,
		public: '',
		userCounter: users.length,
	};
	const skel = (resultShapes().get(method)?.result as Rec | undefined)?.chat;
	return present(rec, skel, ctx, core);
}

const wrapsGeneric = (h: Handler): Handler => Object.assign(h, { wrapsGeneric: true });

function setMembers(chat: Rec, ids: number[]): void {
	chat.USERS = [...new Set(ids)];
}

export function imbotHandlers(): HandlerMap {
	return {
		// im-user-list-get.md: ID is an array (or a JSON array string); RESULT_TYPE=array gives a list, else keyed by id
		'im.user.list.get': (ctx, core) => {
			const ids = idList(p(ctx, 'ID'));
			if (!ids.length) throw new B24Error(400, 'INVALID_FORMAT', 'A wrong format for the ID field is passed');
			const rows = usersOfIds(core, ids).map((u) => userAs('im.user.list.get', u, rowSkeleton('im.user.list.get')));
			if (String(p(ctx, 'RESULT_TYPE') ?? '').toLowerCase() === 'array') return { result: rows };
			return { result: Object.fromEntries(rows.map((r) => [String(r.id), r])) };
		},
		// im-dialog-users-list.md: the members of the dialog, OFFSET/LIMIT (default 50, max 200)
		'im.dialog.users.list': (ctx, core) => {
			const d = String(p(ctx, 'DIALOG_ID') ?? '');
			const m = /^chat(\d+)$/i.exec(d);
			let members: number[];
			if (m) {
				const chat = core.store.get('chat', Number(m[1]));
				if (!chat) throw new B24Error(400, 'ACCESS_ERROR', "You don't have access to this chat");
				members = ((chat.USERS as number[]) || []).map(Number);
			} else {
				const uid = Number(d);
				if (!Number.isInteger(uid) || uid <= 0 || !core.store.get('user', uid)) throw new B24Error(400, 'DIALOG_ID_EMPTY', 'Dialog ID is empty or invalid');
				members = [...new Set([ctx.caller.userId, uid])];
			}
			let users = usersOfIds(core, members).sort((a, b) => Number(a.ID) - Number(b.ID));
			const lastId = Number(p(ctx, 'LAST_ID') || 0);
			if (lastId) users = users.filter((u) => Number(u.ID) > lastId);
			const total = users.length;
			const offset = Math.max(0, Number(p(ctx, 'OFFSET') || 0));
			const limit = Math.min(200, Math.max(1, Number(p(ctx, 'LIMIT') || 50)));
			const rows = users.slice(offset, offset + limit).map((u) => userAs('im.dialog.users.list', u, rowSkeleton('im.dialog.users.list')));
			return { result: rows, total };
		},
		// voximplant-user-get.md: USER_ID is one id or an array; one settings row per user
		'voximplant.user.get': (ctx, core) => {
			const host = (() => {
				try {
					return new URL(core.url).hostname;
				} catch {
					return 'localhost';
				}
			})();
			return {
				result: usersOfIds(core, idList(p(ctx, 'USER_ID'))).map((u) => ({
					ID: String(u.ID),
					DEFAULT_LINE: u.UF_VI_DEFAULT_LINE ?? null,
					PHONE_ENABLED: u.UF_VI_PHONE === 'Y' || u.UF_VI_PHONE === true ? 'Y' : 'N',
					SIP_SERVER: `ip.${host}.bitrixphone.com`,
					SIP_LOGIN: `phone${u.ID}`,
					SIP_PASSWORD: null,
					INNER_NUMBER: u.UF_PHONE_INNER ? String(u.UF_PHONE_INNER) : null,
				})),
			};
		},
		'voximplant.user.activatephone': wrapsGeneric(async (ctx, core) => {
			const u = core.store.get('user', Number(p(ctx, 'USER_ID')));
			if (u) u.UF_VI_PHONE = 'Y';
			return genericHandler(ctx, core);
		}),
		'voximplant.user.deactivatephone': wrapsGeneric(async (ctx, core) => {
			const u = core.store.get('user', Number(p(ctx, 'USER_ID')));
			if (u) u.UF_VI_PHONE = 'N';
			return genericHandler(ctx, core);
		}),

		// chat-add.md: the chat (name = title, dialogId chatN, owner = ownerId or the bot) and its participants
		'imbot.v2.chat.add': wrapsGeneric((ctx, core) => {
			const fields = isObj(p(ctx, 'fields')) ? (p(ctx, 'fields') as Rec) : {};
			const botId = Number(p(ctx, 'botId'));
			const owner = Number(fields.ownerId) || botId;
			const members = [...new Set([...idList(fields.userIds), ...(Number(fields.ownerId) ? [Number(fields.ownerId)] : [])])];
			const chat = core.store.insert('chat', {
				TYPE: 'chat',
				TITLE: fields.title ?? '',
				DESCRIPTION: fields.description ?? '',
				COLOR: fields.color,
				USERS: members,
				OWNER: owner,
				BOT_ID: botId,
				DATE_CREATE: core.clock.isoDate(),
			});
			if (fields.message) addMessage(core, chat, botId, String(fields.message));
			const userSkel = ((resultShapes().get('imbot.v2.chat.add')?.result as Rec | undefined)?.users as unknown[] | undefined)?.[0];
			return {
				result: { chat: botChatOut(core, ctx, chat, 'imbot.v2.chat.add'), users: usersOfIds(core, members).map((u) => userAs('imbot.v2.chat.add', u, userSkel)) },
				cost: core.cost.add,
			};
		}),
		'imbot.v2.chat.get': wrapsGeneric((ctx, core) => ({ result: { chat: botChatOut(core, ctx, botChat(core, ctx), 'imbot.v2.chat.get') } })),
		// chat-user-list.md: the chat's participants; order by id (ASC/DESC), limit 1..200 (default 50)
		'imbot.v2.chat.user.list': wrapsGeneric((ctx, core) => {
			const chat = botChat(core, ctx);
			const order = p(ctx, 'order');
			const desc = isObj(order) && Object.values(order).some((d) => String(d).toUpperCase() === 'DESC');
			const limit = Math.min(200, Math.max(1, Number(p(ctx, 'limit') || 50)));
			const users = usersOfIds(core, ((chat.USERS as number[]) || []).map(Number)).sort((a, b) => (desc ? -1 : 1) * (Number(a.ID) - Number(b.ID)));
			return { result: users.slice(0, limit).map((u) => userAs('imbot.v2.chat.user.list', u, rowSkeleton('imbot.v2.chat.user.list'))) };
		}),
		'imbot.v2.chat.user.add': wrapsGeneric((ctx, core) => {
			const chat = botChat(core, ctx);
			setMembers(chat, [...((chat.USERS as number[]) || []), ...idList(p(ctx, 'userIds'))]);
			return { result: { result: true } };
		}),
		'imbot.v2.chat.user.delete': wrapsGeneric((ctx, core) => {
			const chat = botChat(core, ctx);
			const uid = Number(p(ctx, 'userId'));
			setMembers(chat, ((chat.USERS as number[]) || []).filter((u) => Number(u) !== uid));
			return { result: { result: true } };
		}),
		'imbot.v2.chat.manager.add': wrapsGeneric((ctx, core) => {
			const chat = botChat(core, ctx);
			chat.MANAGERS = [...new Set([...((chat.MANAGERS as number[]) ?? [Number(chat.OWNER ?? 0)].filter(Boolean)), ...idList(p(ctx, 'userIds'))])];
			return { result: { result: true } };
		}),
		'imbot.v2.chat.manager.delete': wrapsGeneric((ctx, core) => {
			const chat = botChat(core, ctx);
			const drop = new Set(idList(p(ctx, 'userIds')));
			chat.MANAGERS = ((chat.MANAGERS as number[]) ?? [Number(chat.OWNER ?? 0)].filter(Boolean)).filter((u) => !drop.has(Number(u)));
			return { result: { result: true } };
		}),
		'imbot.v2.chat.setowner': wrapsGeneric((ctx, core) => {
			const chat = botChat(core, ctx);
			chat.OWNER = Number(p(ctx, 'userId'));
			return { result: { result: true } };
		}),
		'imbot.v2.chat.leave': wrapsGeneric((ctx, core) => {
			botChat(core, ctx);
			return { result: { result: true } };
		}),
		// chat-message-get.md: the message's text is what Message.send sent as fields.message
		'imbot.v2.chat.message.get': wrapsGeneric(async (ctx, core) => {
			const res = (await genericHandler(ctx, core)) as MethodResult;
			const body = res.result as Rec | undefined;
			const msg = isObj(body) && isObj(body.message) ? body.message : undefined;
			const rec = core.store.get('generic:imbot.v2.chat.message', Number(p(ctx, 'messageId')));
			if (msg && rec) {
				if (msg.text === null || msg.text === undefined) msg.text = String(rec.message ?? '');
				const dialog = /^chat(\d+)$/.exec(String((rec._scope as Rec | undefined)?.dialogid ?? ''));
				if ((msg.chatId === null || msg.chatId === undefined) && dialog) msg.chatId = Number(dialog[1]);
				if (msg.authorId === null || msg.authorId === undefined) msg.authorId = Number((rec._scope as Rec | undefined)?.botid ?? 0);
				if (msg.isSystem === null || msg.isSystem === undefined) msg.isSystem = rec.system === true || rec.system === 'Y';
			}
			return res;
		}),
		// file-download.md: only {downloadUrl}, a one-time link that serves the uploaded content
		'imbot.v2.file.download': wrapsGeneric((ctx, core) => {
			const rec = core.store.get('generic:imbot.v2.file', Number(p(ctx, 'fileId')));
			if (!rec) throw new B24Error(400, 'FILE_NOT_FOUND', 'File not found');
			let diskId = Number(rec._diskFileId ?? 0);
			if (!diskId || !core.store.get('diskFile', diskId)) {
				const content = String(rec.content ?? '');
				const bytes = Buffer.from(content, 'base64');
				const now = core.clock.isoDate();
				const id = Math.max(core.store.table('diskFolder').nextId, core.store.table('diskFile').nextId);
				const f = core.store.insert('diskFile', { ID: id, NAME: String(rec.name ?? `file${rec.ID}`), TYPE: 'file', PARENT_ID: 0, STORAGE_ID: 1, SIZE: bytes.length, CONTENT_BASE64: bytes.toString('base64'), CREATE_TIME: now, UPDATE_TIME: now, CREATED_BY: ctx.caller.userId, DELETED_TYPE: 0 });
				diskId = Number(f.ID);
				rec._diskFileId = diskId;
			}
			return { result: { downloadUrl: core.fileDownloadUrl(diskId) } };
		}),
	};
}
