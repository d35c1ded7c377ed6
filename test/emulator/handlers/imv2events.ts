// im.v2.Event.subscribe / unsubscribe / get: a per-user queue of messenger events read by polling
// (chat-bots-v2/im.v2/events/*.md). Only subscribed users get events recorded; `get` with `offset`
// confirms (removes) the events before it and returns those from it on, at most `limit` (1-1000,
// default 100), with nextOffset (last returned eventId + 1) and hasMore. Any credential may call them.
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error } from '../types';

const SUBSCRIBED = 'imv2_subscriber';
const QUEUE = 'imv2_event';

function subscribed(core: Core, userId: number): Rec | undefined {
	return core.store.all(SUBSCRIBED).find((s) => Number(s.USER_ID) === userId);
}

/** Records a messenger event for every subscribed member of the chat (events.md formats). */
export function recordImEvent(core: Core, type: string, chat: Rec, data: Rec): void {
	const members = Array.isArray(chat.USERS) ? (chat.USERS as number[]).map(Number) : [];
	for (const userId of members) {
		if (!subscribed(core, userId)) continue;
		core.store.insert(QUEUE, { USER_ID: userId, type, date: core.clock.isoDate(), data });
	}
}

/** The message/chat objects of ONIMV2MESSAGE* events, in the simplified event format. */
export function imV2MessageData(chat: Rec, msg: Rec): Rec {
	const type = chat.TYPE === 'private' ? 'private' : chat.TYPE === 'open' ? 'open' : chat.TYPE === 'lines' ? 'lines' : 'chat';
	return {
		message: {
			id: Number(msg.ID),
			chatId: Number(chat.ID),
			authorId: Number(msg.AUTHOR_ID),
			date: msg.DATE,
			text: msg.TEXT,
			isSystem: Number(msg.AUTHOR_ID) === 0,
			uuid: '',
			forward: null,
			params: {},
			viewedByOthers: false,
		},
		chat: { id: Number(chat.ID), dialogId: `chat${chat.ID}`, name: chat.TITLE ?? '', type, owner: Number(chat.OWNER ?? 0) },
		user: { id: Number(msg.AUTHOR_ID) },
		language: 'en',
	};
}

export function imV2EventHandlers(): HandlerMap {
	return {
		'im.v2.Event.subscribe': (ctx, core) => {
			if (!subscribed(core, ctx.caller.userId)) core.store.insert(SUBSCRIBED, { USER_ID: ctx.caller.userId });
			return { result: true };
		},
		'im.v2.Event.unsubscribe': (ctx, core) => {
			const sub = subscribed(core, ctx.caller.userId);
			if (sub) core.store.remove(SUBSCRIBED, Number(sub.ID));
			for (const e of core.store.all(QUEUE).filter((x) => Number(x.USER_ID) === ctx.caller.userId)) core.store.remove(QUEUE, Number(e.ID));
			return { result: true };
		},
		'im.v2.Event.get': (ctx, core) => {
			const rawLimit = p(ctx, 'limit');
			const limit = rawLimit === undefined || rawLimit === '' ? 100 : Number(rawLimit);
			if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new B24Error(400, 'INVALID_ARGUMENT', 'limit must be between 1 and 1000');
			const rawOffset = p(ctx, 'offset');
			const offset = rawOffset === undefined || rawOffset === '' ? undefined : Number(rawOffset);
			const mine = core.store.all(QUEUE).filter((e) => Number(e.USER_ID) === ctx.caller.userId);
			// the offset confirms what came before it: those records are gone for good
			if (offset !== undefined) for (const e of mine.filter((x) => Number(x.ID) < offset)) core.store.remove(QUEUE, Number(e.ID));
			const open = mine.filter((e) => offset === undefined || Number(e.ID) >= offset);
			const batch = open.slice(0, limit);
			const last = batch.length ? Number(batch[batch.length - 1].ID) + 1 : (offset ?? 0);
			return {
				result: {
					events: batch.map((e) => ({ eventId: Number(e.ID), type: e.type, date: e.date, data: e.data })),
					nextOffset: last,
					hasMore: open.length > batch.length,
				},
			};
		},
	};
}
