// State the registry walker reads: notifications kept by im.notify.*.add and read back by
// im.notify.get (im-notify-get.md), the recent list from real chats (im-recent-list.md) and
// calendar.accessibility.get from the events calendar.event.add keeps.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false, seed: { user: 3 } });
});
afterAll(() => em.stop());

test('without notifications only `notifications` and `users` come back', async () => {
	const r = await hook(em, 'im.notify.get', {});
	expect(r.body.result).toEqual({ notifications: [], users: [] });
});

test('added notifications are the recipient’s, newest first, paged by LAST_ID + LAST_TYPE', async () => {
	const me = em.webhook.userId;
	const first = (await hook(em, 'im.notify.system.add', { USER_ID: me, MESSAGE: 'one', TAG: 'T|1' })).body.result;
	const second = (await hook(em, 'im.notify.personal.add', { USER_ID: me, MESSAGE: 'two', SUB_TAG: 'S|2' })).body.result;
	await hook(em, 'im.notify.system.add', { USER_ID: 2, MESSAGE: 'not mine' });
	expect([typeof first, second > first]).toEqual(['number', true]);
	const all = (await hook(em, 'im.notify.get', { LIMIT: 50 })).body.result;
	expect(all).toMatchObject({ total_count: 2, total_unread_count: 2, chat_id: expect.any(Number) });
	expect(all.notifications.map((n: { text: string }) => n.text)).toEqual(['two', 'one']);
	expect(all.notifications[0]).toMatchObject({ id: second, author_id: me, notify_type: 2, notify_sub_tag: 'S|2', notify_read: 'N', params: null });
	expect(all.notifications[1]).toMatchObject({ id: first, author_id: 0, notify_type: 4, notify_tag: 'T|1' });
	expect(all.users).toEqual([expect.objectContaining({ id: me })]);
	const next = (await hook(em, 'im.notify.get', { LIMIT: 1, LAST_ID: second, LAST_TYPE: 3 })).body.result;
	expect(next.notifications.map((n: { id: number }) => n.id)).toEqual([first]);
	expect((await hook(em, 'im.notify.get', { LAST_ID: second })).body.error).toBe('LAST_ID_AND_LAST_TYPE');
	expect((await hook(em, 'im.notify.system.add', { USER_ID: 0, MESSAGE: 'x' })).body.error).toBe('USER_ID_EMPTY');
	expect((await hook(em, 'im.notify.system.add', { USER_ID: 99999, MESSAGE: 'x' })).body.result).toBe(false);
	// delete by tag
	expect((await hook(em, 'im.notify.delete', { TAG: 'T|1' })).body.result).toBe(true);
	const left = (await hook(em, 'im.notify.get', {})).body.result;
	expect(left.notifications.map((n: { id: number }) => n.id)).toEqual([second]);
});

test('im.recent.list: the caller’s chats and dialogs, last activity first, OFFSET/LIMIT paged', async () => {
	const me = em.webhook.userId;
	const chatA = (await hook(em, 'im.chat.add', { TITLE: 'A', USERS: [2] })).body.result;
	const chatB = (await hook(em, 'im.chat.add', { TITLE: 'B', USERS: [2] })).body.result;
	await hook(em, 'im.message.add', { DIALOG_ID: `chat${chatB}`, MESSAGE: 'b1' });
	await hook(em, 'im.message.add', { DIALOG_ID: `chat${chatA}`, MESSAGE: 'a1' });
	await hook(em, 'im.message.add', { DIALOG_ID: '2', MESSAGE: 'hi' });
	const r = await hook(em, 'im.recent.list', {});
	expect(r.body.total).toBe(-1);
	const items = r.body.result.items as Array<Record<string, unknown>>;
	expect(items.map((i) => i.id)).toEqual([2, `chat${chatA}`, `chat${chatB}`]);
	expect(items[0]).toMatchObject({ type: 'user', user: expect.objectContaining({ id: 2 }), message: expect.objectContaining({ text: 'hi', author_id: me }) });
	expect(items[1]).toMatchObject({ type: 'chat', title: 'A', chat_id: chatA, message: expect.objectContaining({ text: 'a1' }) });
	expect((await hook(em, 'im.recent.list', { SKIP_DIALOG: 'Y' })).body.result.items.map((i: { id: unknown }) => i.id)).toEqual([`chat${chatA}`, `chat${chatB}`]);
	const page = (await hook(em, 'im.recent.list', { OFFSET: 1, LIMIT: 1 })).body.result;
	expect([page.items.map((i: { id: unknown }) => i.id), page.hasMore]).toEqual([[`chat${chatA}`], true]);
});

test('calendar.accessibility.get: the events each asked user is busy in, by owner or attendee', async () => {
	const first = (await hook(em, 'calendar.event.add', { type: 'user', ownerId: 1, name: 'Mine', from: '2030-03-20T10:00:00', to: '2030-03-20T11:00:00', section: 1, importance: 'high' })).body.result;
	await hook(em, 'calendar.event.add', { type: 'user', ownerId: 3, name: 'Shared', from: '2030-03-20 14:00', to: '2030-03-20 15:00', section: 1, attendees: [3, 2] });
	await hook(em, 'calendar.event.add', { type: 'user', ownerId: 1, name: 'Later', from: '2030-04-01T10:00:00', to: '2030-04-01T11:00:00', section: 1 });
	const r = (await hook(em, 'calendar.accessibility.get', { users: [1, 2, 9], from: '2030-03-20', to: '2030-03-20' })).body.result;
	expect(Object.keys(r).sort()).toEqual(['1', '2', '9']);
	expect(r['1']).toEqual([expect.objectContaining({ ID: String(first), NAME: 'Mine', DATE_FROM: '20.03.2030 10:00:00', DATE_TO: '20.03.2030 11:00:00', ACCESSIBILITY: 'busy', IMPORTANCE: 'high', DT_SKIP_TIME: 'N' })]);
	expect(r['2'].map((e: { NAME: string }) => e.NAME)).toEqual(['Shared']);
	expect(r['9']).toEqual([]);
	expect(r['1'][0].DATE_TO_TS_UTC - r['1'][0].DATE_FROM_TS_UTC).toBe(3600);
});
