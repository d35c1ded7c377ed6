/** Chat messages end to end: send, read back, edit, delete; cursor paging of long dialogs. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/harness';
import type { Portal } from '../helpers/portal';
import { CREDENTIAL_TYPE, startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false, seed: { users: 3 } });
});
afterAll(async () => await portal.stop());

async function newChat(title: string): Promise<number> {
	const [chat] = await portal.json({ resource: 'chat', operation: 'create', additionalFields: { TITLE: title, USERS: '2' } });
	return Number(chat.id);
}

const messages = async (dialogId: string, extra = {}) =>
	await portal.json({ resource: 'dialog', operation: 'getMessages', dialog: dialogId, returnAll: true, ...extra });

test('send → get dialog messages → update → delete', async () => {
	const chatId = await newChat('Round trip');
	const dialogId = `chat${chatId}`;

	const [sent] = await portal.json({ resource: 'message', operation: 'send', dialog: dialogId, MESSAGE: 'First draft', additionalFields: { URL_PREVIEW: false } });
	expect(sent).toEqual({ id: expect.any(Number) });
	expect(portal.emu.calls('im.message.add').at(-1)?.params).toEqual({ DIALOG_ID: dialogId, MESSAGE: 'First draft', URL_PREVIEW: 'N' });

	let read = await messages(dialogId);
	expect(read).toEqual([expect.objectContaining({ id: sent.id, chat_id: chatId, author_id: 1, text: 'First draft' })]);

	const [updated] = await portal.json({ resource: 'message', operation: 'update', MESSAGE_ID: Number(sent.id), updateFields: { MESSAGE: 'Final text' } });
	expect(updated).toEqual({ id: sent.id, updated: true });
	read = await messages(dialogId);
	expect(read.map((m) => m.text)).toEqual(['Final text']);

	const [deleted] = await portal.json({ resource: 'message', operation: 'delete', MESSAGE_ID: Number(sent.id) });
	expect(deleted).toEqual({ id: sent.id, deleted: true });
	expect(await messages(dialogId)).toEqual([]);
	expect(portal.emu.log.filter((entry) => entry.method.startsWith('im.') && entry.status !== 200)).toEqual([]);
});

test('Return All walks a long dialog page by page with LAST_ID, newest first', async () => {
	const chatId = await newChat('Long dialog');
	// seeded straight into the store: 120 node calls would only slow the test down
	for (let i = 1; i <= 120; i++) portal.emu.store.insert('message', { CHAT_ID: chatId, AUTHOR_ID: 1, TEXT: `m${i}`, DATE: '2026-01-01T10:00:00+00:00', PARAMS: {} });
	portal.emu.clearLog();

	const all = await messages(`chat${chatId}`);
	expect(all).toHaveLength(120);
	expect(all[0].text).toBe('m120');
	expect(all[119].text).toBe('m1');
	const calls = portal.emu.calls('im.dialog.messages.get').map((call) => call.params as IDataObject);
	expect(calls.map((params) => params.LAST_ID)).toEqual([undefined, all[49].id, all[99].id]);
	expect(calls.every((params) => params.LIMIT === 50)).toBe(true);

	portal.emu.clearLog();
	const some = await portal.json({ resource: 'dialog', operation: 'getMessages', dialog: `chat${chatId}`, returnAll: false, limit: 7 });
	expect(some.map((m) => m.text)).toEqual(['m120', 'm119', 'm118', 'm117', 'm116', 'm115', 'm114']);
	expect(portal.emu.calls('im.dialog.messages.get').map((call) => (call.params as IDataObject).LIMIT)).toEqual([7]);
});

test('chat members: add, list, remove, owner', async () => {
	const chatId = await newChat('Members');
	await portal.json({ resource: 'chat', operation: 'addUsers', chat: chatId, USERS: '3, 4' });
	expect(await portal.json({ resource: 'chat', operation: 'getUsers', chat: chatId })).toEqual([{ userId: 1 }, { userId: 2 }, { userId: 3 }, { userId: 4 }]);
	await portal.json({ resource: 'chat', operation: 'removeUser', chat: chatId, user: 3 });
	expect((await portal.json({ resource: 'chat', operation: 'getUsers', chat: chatId })).map((u) => u.userId)).toEqual([1, 2, 4]);
	const [owner] = await portal.json({ resource: 'chat', operation: 'setOwner', chat: chatId, user: 2 });
	expect(owner).toEqual({ id: chatId, success: true });
	expect(portal.emu.calls('im.chat.setowner').at(-1)?.params).toEqual({ CHAT_ID: chatId, USER_ID: 2 });
});

/** A bot registered through the node with a webhook token, and a chat it created. */
async function newBot(code: string, botToken: string): Promise<{ botId: number; dialogId: string }> {
	const [bot] = await portal.json({ resource: 'bot', operation: 'register', code, name: 'Area bot', botToken });
	const botId = Number(bot.id);
	expect(bot).toMatchObject({ id: expect.any(Number), code });
	const [chat] = await portal.json({ resource: 'botChat', operation: 'create', botId, botToken, additionalFields: { title: 'Bot room', userIds: '2' } });
	expect(chat.id).toEqual(expect.any(Number));
	return { botId, dialogId: `chat${chat.id as number}` };
}

test('bot calls carry the bot token with a webhook', async () => {
	const { botId, dialogId } = await newBot('area_token_bot', 'secret-1');
	const [sent] = await portal.json({ resource: 'botMessage', operation: 'send', botId, botToken: 'secret-1', dialog: dialogId, message: 'Ping' });
	expect(sent.id).toEqual(expect.any(Number));
	// the log masks the token: '***' shows it was sent; the stored bot and message show its value
	const call = portal.emu.calls('imbot.v2.chat.message.send').at(-1);
	expect(call?.params).toEqual({ botId, botToken: '***', dialogId, fields: { message: 'Ping' } });
	expect(portal.emu.store.get('generic:imbot.v2.bot', botId)).toMatchObject({ code: 'area_token_bot', botToken: 'secret-1' });
	expect(portal.emu.store.get('generic:imbot.v2.chat.message', Number(sent.id))).toMatchObject({ message: 'Ping', _scope: { botid: botId, bottoken: 'secret-1' } });
	// every bot call of this test carried it
	const botCalls = portal.emu.log.filter((entry) => entry.method.startsWith('imbot.v2.') && entry.method !== 'imbot.v2.bot.register');
	expect(botCalls.map((entry) => [entry.method, (entry.params as IDataObject).botToken, entry.status])).toEqual([
		['imbot.v2.chat.add', '***', 200],
		['imbot.v2.chat.message.send', '***', 200],
	]);
});

test('deleting a notification needs an ID, a tag or a sub tag', async () => {
	const [out] = await portal.run(
		{ resource: 'notification', operation: 'delete', ID: 0, additionalFields: {} },
		{ continueOnFail: true },
	);
	expect(out.json.error).toMatch(/Notification ID, Tag or Sub Tag/);
	expect(portal.emu.calls('im.notify.delete')).toHaveLength(0);
});

test('a bot uploads the binary file of the item, base64-encoded', async () => {
	const { botId, dialogId } = await newBot('area_file_bot', 'secret-2');
	const content = Buffer.from('quarterly report');
	const out = await runNode({
		credentials: portal.credentials,
		credentialId: 'webhook',
		credentialType: CREDENTIAL_TYPE.webhook,
		parameters: { resource: 'botFile', operation: 'upload', botId, botToken: 'secret-2', dialog: dialogId, binaryProperty: 'data' },
		items: [{ json: {}, binary: { data: { data: content.toString('base64'), mimeType: 'text/plain', fileName: 'report.txt' } } }],
	});
	expect(out).toHaveLength(1);
	expect(out[0].json).toMatchObject({ file: { id: expect.any(Number), name: 'report.txt' } });
	expect(portal.emu.calls('imbot.v2.file.upload').at(-1)?.params).toEqual({
		botId,
		botToken: '***',
		dialogId,
		fields: { name: 'report.txt', content: content.toString('base64') },
	});
	const fileId = Number((out[0].json.file as IDataObject).id);
	expect(portal.emu.store.get('generic:imbot.v2.file', fileId)).toMatchObject({ name: 'report.txt', content: content.toString('base64') });
});
