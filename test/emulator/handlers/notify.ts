// Notifications (chats/notifications/*): im.notify.system.add and im.notify.personal.add
// keep a notification for USER_ID in the `notification` table; im.notify.get answers the
// caller's, newest first, paged by LAST_ID + LAST_TYPE (im-notify-get.md); im.notify.delete
// removes by ID, TAG or SUB_TAG.
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';
import { messengerUser } from './imbot';

const TABLE = 'notification';
/** The user's system notification chat (im-notify-get.md `chat_id`), one per user. */
const CHATS = 'notificationChat';
/** notify_type: 2 for a personal notification (the page's example); 4 for a system one (docs silent). */
const PERSONAL = 2;
const SYSTEM = 4;

function chatOf(core: Core, userId: number): number {
	const found = core.store.all(CHATS).find((c) => c.USER_ID === userId);
	return Number((found ?? core.store.insert(CHATS, { USER_ID: userId })).ID);
}

function add(type: number) {
	return (ctx: CallContext, core: Core) => {
		const userId = Number(p(ctx, 'USER_ID'));
		if (!Number.isInteger(userId) || userId <= 0) throw new B24Error(400, 'USER_ID_EMPTY', "User ID can't be empty");
		// "If the notification was not created, it may return false" (im-notify-system-add.md)
		if (!core.store.get('user', userId)) return { result: false };
		const rec = core.store.insert(TABLE, {
			USER_ID: userId,
			CHAT_ID: chatOf(core, userId),
			AUTHOR_ID: type === PERSONAL ? ctx.caller.userId : 0,
			DATE: core.clock.isoDate(),
			TYPE: type,
			TAG: String(p(ctx, 'TAG') ?? ''),
			SUB_TAG: String(p(ctx, 'SUB_TAG') ?? ''),
			TEXT: String(p(ctx, 'MESSAGE') ?? ''),
			READ: 'N',
		});
		return { result: Number(rec.ID) };
	};
}

function out(n: Rec): Rec {
	return {
		id: Number(n.ID),
		chat_id: Number(n.CHAT_ID),
		author_id: Number(n.AUTHOR_ID),
		date: n.DATE,
		notify_type: Number(n.TYPE),
		notify_module: 'rest',
		notify_event: 'rest_notify',
		notify_tag: n.TAG,
		notify_sub_tag: n.SUB_TAG,
		notify_title: '',
		setting_name: 'rest|rest_notify',
		text: n.TEXT,
		notify_read: n.READ,
		params: null,
	};
}

export function notifyHandlers(): HandlerMap {
	return {
		'im.notify.system.add': add(SYSTEM),
		'im.notify.personal.add': add(PERSONAL),
		'im.notify.get': (ctx, core) => {
			const lastId = p(ctx, 'LAST_ID');
			const lastType = p(ctx, 'LAST_TYPE');
			if ((lastId === undefined) !== (lastType === undefined)) throw new B24Error(400, 'LAST_ID_AND_LAST_TYPE', 'Parameters LAST_ID and LAST_TYPE should be used together.');
			if (lastId !== undefined && !/^\d+$/.test(String(lastId))) throw new B24Error(400, 'LAST_ID_STRING', "Last notification ID can't be string");
			const limit = Math.min(50, Math.max(1, Number(p(ctx, 'LIMIT') ?? 50) || 50));
			const mine = core.store.all(TABLE).filter((n) => n.USER_ID === ctx.caller.userId);
			// newest first, then by id (im-notify-get.md)
			const sorted = [...mine].sort((a, b) => String(b.DATE).localeCompare(String(a.DATE)) || Number(b.ID) - Number(a.ID));
			const from = lastId === undefined ? 0 : sorted.findIndex((n) => Number(n.ID) < Number(lastId));
			const page = from < 0 ? [] : sorted.slice(from, from + limit);
			const authors = [...new Set(page.map((n) => Number(n.AUTHOR_ID)).filter((id) => id > 0))];
			const users = authors.map((id) => core.store.get('user', id)).filter((u): u is Rec => !!u).map(messengerUser);
			const body: Rec = { notifications: page.map(out), users };
			// without a notification chat only these two fields come back (im-notify-get.md)
			if (!mine.length) return { result: body };
			return { result: { total_count: mine.length, total_unread_count: mine.filter((n) => n.READ === 'N').length, chat_id: chatOf(core, ctx.caller.userId), ...body } };
		},
		'im.notify.delete': (ctx, core) => {
			const id = p(ctx, 'ID');
			const tag = p(ctx, 'TAG');
			const subTag = p(ctx, 'SUB_TAG');
			const gone = core.store
				.all(TABLE)
				.filter((n) => (id !== undefined && String(n.ID) === String(id)) || (tag !== undefined && n.TAG === String(tag)) || (subTag !== undefined && n.SUB_TAG === String(subTag)));
			for (const n of gone) core.store.remove(TABLE, Number(n.ID));
			return { result: true };
		},
	};
}
