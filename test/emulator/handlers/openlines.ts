// Open Lines. Lines (olLine), chats (chat rows with TYPE 'lines', ENTITY_ID =
// USER_CODE `connector|LINE|CHAT|USER`) and sessions (olSession). A chat holds
// many sessions over time; only the current one can be open. Handlers read
// UPPER_CASE keys exactly (the catalog layer does not fold case for them).
// Errors are 400 with the module's codes (CHAT_ID, CHAT_TYPE, ACCESS_DENIED...).
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import { Rec, Store, pick } from '../store';
import { B24Error, CallContext } from '../types';
import { addMessage, chatOut } from './im';

function currentSession(core: Core, chat: Rec): Rec | undefined {
	return chat.SESSION_ID ? core.store.get('olSession', Number(chat.SESSION_ID)) : undefined;
}

function openSession(core: Core, chat: Rec): Rec | undefined {
	const s = currentSession(core, chat);
	return s && s.CLOSED === 'N' ? s : undefined;
}

/** entity_data_1 is a pipe list; its 6th item is the current session id. */
function refreshEntityData(core: Core, chat: Rec): void {
	const s = currentSession(core, chat);
	chat.ENTITY_DATA_1 = [chat.CRM ?? 'N', chat.CRM_ENTITY_TYPE ?? 'NONE', chat.CRM_ENTITY_ID ?? 0, chat.PAUSE ?? 'N', chat.WAIT_ACTION ?? 'N', s ? s.ID : 0, s ? Math.floor(Date.parse(String(s.DATE_CREATE)) / 1000) : 0, chat.PINNED === 'Y' ? 'Y' : 'N', 0, 0].join('|');
	chat.ENTITY_DATA_2 = chat.CRM === 'Y' ? `${chat.CRM_ENTITY_TYPE}|${chat.CRM_ENTITY_ID}` : '';
	chat.MANAGERS = chat.OPERATOR_ID ? [Number(chat.OPERATOR_ID)] : [];
	chat.OWNER = Number(chat.OPERATOR_ID ?? 0);
}

function startSession(core: Core, chat: Rec, operatorId: number): Rec {
	const s = core.store.insert('olSession', { CHAT_ID: Number(chat.ID), LINE_ID: Number(chat.LINE_ID), USER_CODE: chat.ENTITY_ID, OPERATOR_ID: operatorId, CLOSED: 'N', STATUS: 0, SPAM: 'N', DATE_CREATE: core.clock.isoDate(), DATE_CLOSE: null, VOTE_HEAD: null, COMMENT_HEAD: null });
	chat.SESSION_ID = Number(s.ID);
	chat.OPERATOR_ID = operatorId;
	if (operatorId && !(chat.USERS as number[]).includes(operatorId)) (chat.USERS as number[]).push(operatorId);
	refreshEntityData(core, chat);
	core.emit('ONSESSIONSTART', { DATA: [{ session: { id: Number(s.ID) }, chat: { id: Number(chat.ID) } }] });
	return s;
}

function closeSession(core: Core, chat: Rec, s: Rec, spam = false): void {
	s.CLOSED = 'Y';
	s.STATUS = 65;
	s.DATE_CLOSE = core.clock.isoDate();
	if (spam) s.SPAM = 'Y';
	// the operator leaves the chat when the dialog closes
	chat.USERS = ((chat.USERS as number[]) || []).filter((u) => u !== Number(chat.OPERATOR_ID));
	chat.OPERATOR_ID = 0;
	refreshEntityData(core, chat);
	core.emit('ONSESSIONFINISH', { DATA: [{ session: { id: Number(s.ID) }, chat: { id: Number(chat.ID) } }] });
}

export function createLinesChat(core: Core, userCode: string, operatorId: number, title?: string): Rec {
	const [connector, line] = userCode.split('|');
	const chat = core.store.insert('chat', { TYPE: 'lines', ENTITY_TYPE: 'LINES', ENTITY_ID: userCode, CONNECTOR: connector, LINE_ID: Number(line), TITLE: title ?? `Open line chat ${userCode}`, USERS: [], OPERATOR_ID: 0, DATE_CREATE: core.clock.isoDate(), PINNED: 'N', SILENT: 'N', CRM: 'N' });
	startSession(core, chat, operatorId);
	return chat;
}

/** CHAT_ID read verbatim (upper case); unknown -> 400 CHAT_ID, not a lines chat -> 400 CHAT_TYPE. */
function linesChat(core: Core, ctx: CallContext): Rec {
	const raw = p(ctx, 'CHAT_ID');
	const id = Number(raw);
	if (raw === undefined || raw === '' || raw === null) throw new B24Error(400, 'CHAT_ID_EMPTY', 'Chat ID can not be empty');
	const chat = Number.isInteger(id) && id > 0 ? core.store.get('chat', id) : undefined;
	if (!chat) throw new B24Error(400, 'CHAT_ID', 'An incorrect chat identifier was provided');
	if (chat.TYPE !== 'lines') throw new B24Error(400, 'CHAT_TYPE', 'The specified chat is not an open line');
	return chat;
}

function needOpen(core: Core, chat: Rec): Rec {
	const s = openSession(core, chat);
	// after a close the operator has left the dialog: the module answers ACCESS_DENIED
	if (!s) throw new B24Error(400, 'ACCESS_DENIED', 'The dialog has no open session (it is already finished)');
	return s;
}

function lineOut(r: Rec): Rec {
	return { ID: String(r.ID), ACTIVE: r.ACTIVE ?? 'Y', LINE_NAME: r.LINE_NAME, CRM: r.CRM ?? 'Y', CRM_CREATE: r.CRM_CREATE ?? 'lead', QUEUE_TYPE: r.QUEUE_TYPE ?? 'evenly', QUEUE: r.QUEUE ?? [1], WELCOME_MESSAGE: r.WELCOME_MESSAGE ?? 'Y', DATE_CREATE: r.DATE_CREATE };
}

export function openlinesHandlers(): HandlerMap {
	const action = (fn: (chat: Rec, ctx: CallContext, core: Core) => unknown) => (ctx: CallContext, core: Core) => {
		const chat = linesChat(core, ctx);
		const r = fn(chat, ctx, core);
		refreshEntityData(core, chat);
		return { result: r === undefined ? true : r };
	};
	return {
		// ---- lines ----
		'imopenlines.config.add': (ctx, core) => {
			const params = (p(ctx, 'PARAMS') as Rec) || {};
			const r = core.store.insert('olLine', { LINE_NAME: params.LINE_NAME ?? 'Open line', ACTIVE: params.ACTIVE ?? 'Y', QUEUE: params.QUEUE ?? [ctx.caller.userId], CRM: params.CRM ?? 'Y', DATE_CREATE: core.clock.isoDate(), ...params });
			return { result: Number(r.ID) };
		},
		'imopenlines.config.get': (ctx, core) => {
			const r = core.store.get('olLine', Number(p(ctx, 'CONFIG_ID')));
			if (!r) throw new B24Error(400, 'CONFIG_ID', 'Open line not found');
			return { result: lineOut(r) };
		},
		'imopenlines.config.list.get': (ctx, core) => {
			const params = (p(ctx, 'PARAMS') as Rec) || {};
			const offset = Number(params.offset ?? 0);
			const limit = params.limit === undefined ? undefined : Number(params.limit);
			const rows = core.store.all('olLine').map(lineOut);
			return { result: rows.slice(offset, limit === undefined ? undefined : offset + limit) };
		},
		'imopenlines.config.update': (ctx, core) => {
			const r = core.store.get('olLine', Number(p(ctx, 'CONFIG_ID')));
			if (!r) throw new B24Error(400, 'CONFIG_ID', 'Open line not found');
			Object.assign(r, (p(ctx, 'PARAMS') as Rec) || {});
			return { result: true };
		},
		'imopenlines.config.delete': (ctx, core) => {
			if (!core.store.remove('olLine', Number(p(ctx, 'CONFIG_ID')))) throw new B24Error(400, 'CONFIG_ID', 'Open line not found');
			return { result: true };
		},
		'imopenlines.config.path.get': (_ctx, core) => ({ result: { SERVER_ADDRESS: core.url, PUBLIC_PATH: `${core.url}/online/` } }),

		// ---- sessions and dialogs ----
		'imopenlines.session.open': (ctx, core) => {
			const code = String(p(ctx, 'USER_CODE'));
			if (code.split('|').length !== 4) throw new B24Error(400, 'USER_CODE', 'USER_CODE must look like connector|LINE_ID|CHAT_ID|USER_ID');
			let chat = core.store.all('chat').find((c) => c.TYPE === 'lines' && c.ENTITY_ID === code);
			if (!chat) chat = createLinesChat(core, code, 0);
			return { result: { chatId: Number(chat.ID) } };
		},
		'imopenlines.dialog.get': (ctx, core) => {
			let chat: Rec | undefined;
			const chatId = p(ctx, 'CHAT_ID');
			const dialogId = p(ctx, 'DIALOG_ID');
			const sessionId = p(ctx, 'SESSION_ID');
			const userCode = p(ctx, 'USER_CODE');
			if (chatId !== undefined && chatId !== '') chat = core.store.get('chat', Number(chatId));
			else if (dialogId !== undefined && dialogId !== '') {
				const m = /^chat(\d+)$/.exec(String(dialogId));
				chat = m ? core.store.get('chat', Number(m[1])) : undefined;
			} else if (sessionId !== undefined && sessionId !== '') {
				const s = core.store.get('olSession', Number(sessionId));
				chat = s ? core.store.get('chat', Number(s.CHAT_ID)) : undefined;
			} else if (userCode !== undefined && userCode !== '') {
				chat = core.store.all('chat').find((c) => c.TYPE === 'lines' && c.ENTITY_ID === String(userCode));
			}
			if (!chat || chat.TYPE !== 'lines') throw new B24Error(400, 'ACCESS_DENIED', 'You do not have access to the specified dialog');
			refreshEntityData(core, chat);
			return { result: chatOut(chat) };
		},
		'imopenlines.session.start': action((chat, ctx, core) => {
			if (!openSession(core, chat)) startSession(core, chat, ctx.caller.userId);
		}),
		'imopenlines.message.session.start': action((chat, ctx, core) => {
			const m = core.store.get('message', Number(p(ctx, 'MESSAGE_ID')));
			if (!m || Number(m.CHAT_ID) !== Number(chat.ID)) throw new B24Error(400, 'MESSAGE_ID', 'Message not found in this chat');
			if (!openSession(core, chat)) startSession(core, chat, ctx.caller.userId);
		}),
		'imopenlines.session.join': action((chat, ctx) => {
			if (!(chat.USERS as number[]).includes(ctx.caller.userId)) (chat.USERS as number[]).push(ctx.caller.userId);
		}),
		'imopenlines.session.intercept': action((chat, ctx, core) => {
			needOpen(core, chat);
			if (Number(chat.OPERATOR_ID) === ctx.caller.userId) throw new B24Error(400, 'OPERATOR_WRONG', 'You are already the operator of this dialog');
			chat.OPERATOR_ID = ctx.caller.userId;
			(currentSession(core, chat) as Rec).OPERATOR_ID = ctx.caller.userId;
			if (!(chat.USERS as number[]).includes(ctx.caller.userId)) (chat.USERS as number[]).push(ctx.caller.userId);
		}),
		'imopenlines.session.mode.pin': action((chat, ctx) => {
			chat.PINNED = p(ctx, 'ACTIVATE') === 'N' ? 'N' : 'Y';
		}),
		'imopenlines.session.mode.silent': action((chat, ctx) => {
			chat.SILENT = p(ctx, 'ACTIVATE') === 'N' ? 'N' : 'Y';
		}),
		'imopenlines.session.mode.pinall': (ctx, core) => {
			const ids = core.store.all('chat').filter((c) => c.TYPE === 'lines' && Number(c.OPERATOR_ID) === ctx.caller.userId).map((c) => ((c.PINNED = 'Y'), Number(c.ID)));
			return { result: ids };
		},
		'imopenlines.session.mode.unpinall': (ctx, core) => {
			const ids = core.store.all('chat').filter((c) => c.TYPE === 'lines' && Number(c.OPERATOR_ID) === ctx.caller.userId).map((c) => ((c.PINNED = 'N'), Number(c.ID)));
			return { result: ids };
		},
		'imopenlines.session.head.vote': (ctx, core) => {
			const s = core.store.get('olSession', Number(p(ctx, 'SESSION_ID')));
			if (!s) throw new B24Error(400, 'SESSION_ID', 'Session not found');
			const rating = p(ctx, 'RATING');
			const comment = p(ctx, 'COMMENT');
			if (rating === undefined && comment === undefined) throw new B24Error(400, 'RATING_EMPTY', 'RATING or COMMENT is required');
			if (rating !== undefined) s.VOTE_HEAD = Number(rating);
			if (comment !== undefined) s.COMMENT_HEAD = String(comment);
			return { result: true };
		},
		'imopenlines.session.history.get': (ctx, core) => {
			let s: Rec | undefined;
			const sid = p(ctx, 'SESSION_ID');
			if (sid !== undefined && sid !== '') s = core.store.get('olSession', Number(sid));
			else {
				const chat = linesChat(core, ctx);
				s = currentSession(core, chat);
			}
			if (!s) throw new B24Error(400, 'SESSION_ID', 'Session not found');
			const chat = core.store.get('chat', Number(s.CHAT_ID)) as Rec;
			const start = Date.parse(String(s.DATE_CREATE));
			const end = s.DATE_CLOSE ? Date.parse(String(s.DATE_CLOSE)) : Infinity;
			const msgs = core.store.all('message').filter((m) => Number(m.CHAT_ID) === Number(chat.ID) && Date.parse(String(m.DATE)) >= start && Date.parse(String(m.DATE)) <= end);
			const message: Rec = {};
			for (const m of msgs) message[String(m.ID)] = { id: Number(m.ID), chatId: Number(m.CHAT_ID), senderId: Number(m.AUTHOR_ID), recipientId: Number(m.CHAT_ID), date: m.DATE, text: m.TEXT, textLegacy: m.TEXT, params: m.PARAMS ?? {} };
			const users: Rec = {};
			for (const uid of new Set(msgs.map((m) => Number(m.AUTHOR_ID)))) {
				const u = core.store.get('user', uid);
				users[String(uid)] = { id: uid, name: u ? `${u.NAME} ${u.LAST_NAME}` : '' };
			}
			return {
				result: {
					chatId: Number(chat.ID),
					canJoin: 'Y',
					canVoteHead: 'Y',
					sessionId: Number(s.ID),
					sessionVoteHead: s.VOTE_HEAD ?? 0,
					sessionCommentHead: s.COMMENT_HEAD ?? '',
					userId: ctx.caller.userId,
					message,
					usersMessage: { [`chat${chat.ID}`]: msgs.map((m) => Number(m.ID)) },
					users,
					openlines: { id: Number(chat.LINE_ID) },
					userInGroup: {},
					woUserInGroup: {},
					chat: { [String(chat.ID)]: chatOut(chat) },
					userBlockChat: {},
					userInChat: { [String(chat.ID)]: chat.USERS },
					files: [],
				},
			};
		},
		'imopenlines.crm.lead.create': action((chat, ctx, core) => {
			const lead = core.store.insert('lead', { TITLE: String(chat.TITLE), STATUS_ID: 'NEW', SOURCE_ID: 'OTHER', ASSIGNED_BY_ID: ctx.caller.userId, CREATED_BY_ID: ctx.caller.userId, DATE_CREATE: core.clock.isoDate(), DATE_MODIFY: core.clock.isoDate(), OPENED: 'Y' });
			Object.assign(chat, { CRM: 'Y', CRM_ENTITY_TYPE: 'LEAD', CRM_ENTITY_ID: Number(lead.ID) });
			core.emit('ONCRMLEADADD', { FIELDS: { ID: Number(lead.ID) } });
		}),

		// ---- operators ----
		'imopenlines.operator.answer': action((chat, ctx, core) => {
			const s = needOpen(core, chat);
			chat.OPERATOR_ID = ctx.caller.userId;
			s.OPERATOR_ID = ctx.caller.userId;
			s.STATUS = 40; // answered
			if (!(chat.USERS as number[]).includes(ctx.caller.userId)) (chat.USERS as number[]).push(ctx.caller.userId);
		}),
		'imopenlines.operator.skip': action((chat, ctx, core) => {
			const s = needOpen(core, chat);
			if (Number(chat.OPERATOR_ID) !== ctx.caller.userId) throw new B24Error(400, 'ACCESS_DENIED', 'You are not the operator of this dialog');
			const line = core.store.get('olLine', Number(chat.LINE_ID));
			const queue = ((line?.QUEUE as number[]) || []).map(Number).filter((u) => u !== ctx.caller.userId);
			chat.USERS = ((chat.USERS as number[]) || []).filter((u) => u !== ctx.caller.userId);
			chat.OPERATOR_ID = queue[0] ?? 0;
			s.OPERATOR_ID = chat.OPERATOR_ID;
		}),
		'imopenlines.operator.spam': action((chat, ctx, core) => {
			closeSession(core, chat, needOpen(core, chat), true);
			void ctx;
		}),
		'imopenlines.operator.transfer': action((chat, ctx, core) => {
			const s = needOpen(core, chat);
			const transfer = p(ctx, 'TRANSFER_ID') ?? p(ctx, 'USER_ID') ?? (p(ctx, 'QUEUE_ID') !== undefined ? `queue${p(ctx, 'QUEUE_ID')}` : undefined);
			const t = String(transfer ?? '');
			const q = /^queue(\d+)$/.exec(t);
			if (q) {
				if (!core.store.get('olLine', Number(q[1]))) throw new B24Error(400, 'TRANSFER_ID', 'Open line not found');
				chat.LINE_ID = Number(q[1]);
				chat.OPERATOR_ID = 0;
			} else {
				const uid = Number(t);
				if (!Number.isInteger(uid) || !core.store.get('user', uid)) throw new B24Error(400, 'USER_ID', 'User not found');
				chat.USERS = ((chat.USERS as number[]) || []).filter((u) => u !== Number(chat.OPERATOR_ID));
				chat.OPERATOR_ID = uid;
				(chat.USERS as number[]).push(uid);
			}
			s.OPERATOR_ID = chat.OPERATOR_ID;
		}),
		'imopenlines.operator.finish': action((chat, ctx, core) => {
			if (Number(chat.OPERATOR_ID) !== ctx.caller.userId && openSession(core, chat)) {
				throw new B24Error(400, 'ACCESS_DENIED', 'Only the operator holding the dialog can finish it');
			}
			closeSession(core, chat, needOpen(core, chat));
		}),
		'imopenlines.operator.another.finish': action((chat, _ctx, core) => {
			closeSession(core, chat, needOpen(core, chat));
		}),
	};
}

export function openlinesInitialData(core: Core): void {
	if (!core.store.get('olLine', 1)) core.store.insert('olLine', { ID: 1, LINE_NAME: 'Default open line', ACTIVE: 'Y', QUEUE: [1], CRM: 'Y', DATE_CREATE: '2024-01-01T10:00:00+00:00' });
}

/** n Open Lines chats on line 1, each with one open session held by a user. */
export function seedOpenlines(store: Store, n: number, rnd: () => number): void {
	const users = Math.max(1, store.count('user'));
	for (let i = 0; i < n; i++) {
		const k = store.table('chat').nextId;
		const code = `${pick(rnd, ['livechat', 'telegrambot', 'whatsapp'])}|1|${1000 + k}|${500 + k}`;
		const op = 1 + Math.floor(rnd() * users);
		const chat = store.insert('chat', { TYPE: 'lines', ENTITY_TYPE: 'LINES', ENTITY_ID: code, CONNECTOR: code.split('|')[0], LINE_ID: 1, TITLE: `Guest ${k}`, USERS: [op], OPERATOR_ID: op, OWNER: op, DATE_CREATE: '2025-01-01T10:00:00+00:00', PINNED: 'N', SILENT: 'N', CRM: 'N' });
		const s = store.insert('olSession', { CHAT_ID: Number(chat.ID), LINE_ID: 1, USER_CODE: code, OPERATOR_ID: op, CLOSED: 'N', STATUS: 40, SPAM: 'N', DATE_CREATE: '2025-01-01T10:00:00+00:00', DATE_CLOSE: null });
		chat.SESSION_ID = Number(s.ID);
		chat.MANAGERS = [op];
		chat.ENTITY_DATA_1 = ['N', 'NONE', 0, 'N', 'N', s.ID, 1735725600, 'N', 0, 0].join('|');
		store.insert('message', { CHAT_ID: Number(chat.ID), AUTHOR_ID: 0, TEXT: `Hello from guest ${k}`, DATE: '2025-01-01T10:00:01+00:00', PARAMS: {} });
	}
}

export { addMessage };
