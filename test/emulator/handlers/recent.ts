// im.recent.list (chats/im-recent-list.md): the caller's dialogs and chats from the real
// `chat`/`message` tables, last activity first, paged by OFFSET/LIMIT (default 50, at most 200).
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { chatOut } from './im';
import { messengerUser } from './imbot';

const yes = (v: unknown): boolean => v === 'Y' || v === true || v === 'true' || v === 1;

function lastMessage(core: Core, chat: Rec): Rec | undefined {
	return chat.LAST_MESSAGE_ID === undefined ? undefined : core.store.get('message', Number(chat.LAST_MESSAGE_ID));
}

function item(core: Core, me: number, chat: Rec): Rec {
	const msg = lastMessage(core, chat);
	const activity = (msg?.DATE ?? chat.DATE_CREATE ?? null) as string | null;
	const message = msg
		? { id: Number(msg.ID), text: String(msg.TEXT ?? ''), file: false, author_id: Number(msg.AUTHOR_ID), attach: false, sticker: null, date: msg.DATE, status: 'received', uuid: '' }
		: null;
	const common = { message, counter: 0, last_id: msg ? Number(msg.ID) : 0, pinned: chat.PINNED === true, unread: false, has_reminder: false, date_update: activity, date_last_activity: activity, options: [] };
	if (chat.TYPE === 'private') {
		const otherId = (chat.USERS as number[]).find((u) => u !== me) ?? me;
		const other = core.store.get('user', otherId);
		const user = other ? messengerUser(other) : null;
		return { id: otherId, chat_id: Number(chat.ID), type: 'user', avatar: { url: '', color: '#1eb4aa' }, title: user ? user.name : '', ...common, user, chat: { text_field_enabled: true, background_id: null, mute_list: [] } };
	}
	const c = chatOut(chat);
	return { id: `chat${chat.ID}`, chat_id: Number(chat.ID), type: 'chat', avatar: { url: '', color: c.color }, title: c.name, ...common, chat: { ...c, user_counter: (chat.USERS as number[] | undefined)?.length ?? 0 } };
}

export function recentHandlers(): HandlerMap {
	return {
		'im.recent.list': (ctx, core) => {
			const me = ctx.caller.userId;
			const skip = (chat: Rec): boolean =>
				(yes(p(ctx, 'SKIP_OPENLINES')) && chat.TYPE === 'lines') ||
				(yes(p(ctx, 'SKIP_DIALOG')) && chat.TYPE === 'private') ||
				(yes(p(ctx, 'SKIP_CHAT')) && chat.TYPE !== 'private' && chat.TYPE !== 'lines') ||
				// the emulator keeps no unread counters: nothing is unread
				yes(p(ctx, 'UNREAD_ONLY'));
			const activity = (chat: Rec): string => String(lastMessage(core, chat)?.DATE ?? chat.DATE_CREATE ?? '');
			const mine = core.store
				.all('chat')
				.filter((chat) => Array.isArray(chat.USERS) && (chat.USERS as number[]).map(Number).includes(me) && !skip(chat))
				.sort((a, b) => activity(b).localeCompare(activity(a)) || Number(b.LAST_MESSAGE_ID ?? 0) - Number(a.LAST_MESSAGE_ID ?? 0) || Number(b.ID) - Number(a.ID));
			const offset = Math.max(0, Number(p(ctx, 'OFFSET') ?? 0) || 0);
			const limit = Math.min(200, Math.max(1, Number(p(ctx, 'LIMIT') ?? 50) || 50));
			const page = mine.slice(offset, offset + limit);
			const hasMore = offset + limit < mine.length;
			return {
				result: { items: page.map((chat) => item(core, me, chat)), hasMorePages: hasMore, hasMore, copilot: { chats: null, messages: null, roles: {}, recommendedRoles: [] }, messagesAutoDeleteConfigs: [] },
				// "In the current implementation, usually -1" (im-recent-list.md)
				total: -1,
			};
		},
	};
}
