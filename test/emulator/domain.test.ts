import * as http from 'http';
import type { AddressInfo } from 'net';
import { startEmulator, Emulator } from './index';
import { parseQuery } from './encoding';
import { hook, oauth } from './helpers';

describe('users, departments, tasks, chats, Open Lines, Drive', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false, seed: { users: 4, openlines: 2 } });
	});
	afterAll(() => em.stop());

	test('users and departments', async () => {
		const id = (await hook(em, 'user.add', { EMAIL: 'new@example.com', NAME: 'Nora' })).body.result;
		const list = await hook(em, 'user.get', { FILTER: { EMAIL: 'new@example.com' } });
		expect(list.body.result.map((u: { ID: string }) => Number(u.ID))).toEqual([id]);
		expect(list.body.total).toBe(1);
		expect((await hook(em, 'user.search', { FILTER: { FIND: 'nora' } })).body.result[0].ID).toBe(String(id));
		expect((await hook(em, 'user.update', { ID: id, LAST_NAME: 'Nil' })).body.result).toBe(true);
		const dep = (await hook(em, 'department.add', { NAME: 'Sales', PARENT: 1 })).body.result;
		const deps = await hook(em, 'department.get', { START: 0 });
		expect(deps.body.result.map((d: { NAME: string }) => d.NAME)).toEqual(['Company', 'Sales']);
		expect((await hook(em, 'department.delete', { ID: dep })).body.result).toBe(true);
	});

	test('tasks: result.task / result.tasks and status actions', async () => {
		const task = (await hook(em, 'tasks.task.add', { fields: { TITLE: 'Ship', RESPONSIBLE_ID: 2, TASK_CONTROL: 'Y' } })).body.result.task;
		const taskId = task.id;
		expect(task.realStatus ?? task.status).toBe('2');
		const status = async (): Promise<string> => (await hook(em, 'tasks.task.get', { taskId })).body.result.task.status;
		await hook(em, 'tasks.task.start', { taskId });
		expect(await status()).toBe('3');
		await hook(em, 'tasks.task.pause', { taskId });
		expect(await status()).toBe('2');
		await hook(em, 'tasks.task.defer', { taskId });
		expect(await status()).toBe('6');
		await hook(em, 'tasks.task.renew', { taskId });
		expect(await status()).toBe('2');
		await hook(em, 'tasks.task.complete', { taskId });
		expect(await status()).toBe('5'); // the creator closes it: no supervision step
		const list = await hook(em, 'tasks.task.list', { filter: { RESPONSIBLE_ID: 2 }, select: ['ID', 'TITLE'] });
		expect(list.body.result.tasks[0]).toEqual(expect.objectContaining({ id: String(taskId), title: 'Ship' }));
		const bad = await hook(em, 'tasks.task.approve', { taskId });
		expect(bad.status).toBe(400);
		await hook(em, 'tasks.task.delegate', { taskId, userId: 3 });
		expect((await hook(em, 'tasks.task.get', { taskId })).body.result.task.responsibleId).toBe('3');
	});

	test('chat messages with LAST_ID / LIMIT paging', async () => {
		const chatId = (await hook(em, 'im.chat.add', { TITLE: 'Team', USERS: [2, 3] })).body.result;
		for (let i = 1; i <= 5; i++) await hook(em, 'im.message.add', { DIALOG_ID: `chat${chatId}`, MESSAGE: `m${i}` });
		const page1 = (await hook(em, 'im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: 2 })).body.result;
		expect(page1.messages.map((m: { text: string }) => m.text)).toEqual(['m5', 'm4']);
		const page2 = (await hook(em, 'im.dialog.messages.get', { DIALOG_ID: `chat${chatId}`, LIMIT: 2, LAST_ID: page1.messages[1].id })).body.result;
		expect(page2.messages.map((m: { text: string }) => m.text)).toEqual(['m3', 'm2']);
		const dm = await hook(em, 'im.message.add', { DIALOG_ID: 2, MESSAGE: 'private' });
		expect(dm.status).toBe(200);
	});

	test('Open Lines: dialog.get by every key, finish once, errors', async () => {
		const chat = em.store.all('chat').find((c) => c.TYPE === 'lines') as Record<string, unknown>;
		const chatId = Number(chat.ID);
		const byChat = (await hook(em, 'imopenlines.dialog.get', { CHAT_ID: chatId })).body.result;
		expect(byChat).toEqual(expect.objectContaining({ id: chatId, dialog_id: `chat${chatId}`, entity_id: chat.ENTITY_ID, manager_list: expect.any(Array) }));
		const sessionId = Number(String(byChat.entity_data_1).split('|')[5]);
		expect(sessionId).toBeGreaterThan(0);
		for (const params of [{ DIALOG_ID: `chat${chatId}` }, { SESSION_ID: sessionId }, { USER_CODE: chat.ENTITY_ID }]) {
			expect((await hook(em, 'imopenlines.dialog.get', params)).body.result.id).toBe(chatId);
		}
		const unknownSession = await hook(em, 'imopenlines.dialog.get', { SESSION_ID: 99999 });
		expect(unknownSession.status).toBe(400);
		const hist = (await hook(em, 'imopenlines.session.history.get', { SESSION_ID: sessionId })).body.result;
		expect(hist.sessionId).toBe(sessionId);
		expect(Object.keys(hist.message).length).toBeGreaterThan(0);

		// operator.finish only for the operator holding the dialog
		if (Number(chat.OPERATOR_ID) !== 1) {
			const notMine = await hook(em, 'imopenlines.operator.finish', { CHAT_ID: chatId });
			expect(notMine.status).toBe(400);
			expect(notMine.body.error).toBe('ACCESS_DENIED');
		}
		expect((await hook(em, 'imopenlines.operator.another.finish', { CHAT_ID: chatId })).body.result).toBe(true);
		const again = await hook(em, 'imopenlines.operator.another.finish', { CHAT_ID: chatId });
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('ACCESS_DENIED');
		const unknown = await hook(em, 'imopenlines.operator.another.finish', { CHAT_ID: 987654 });
		expect(unknown.status).toBe(400);
		expect(unknown.body.error).toBe('CHAT_ID');
		const session = em.store.get('olSession', sessionId) as Record<string, unknown>;
		expect(session.CLOSED).toBe('Y');

		// a new session in the same chat, answered and finished by the current user
		await hook(em, 'imopenlines.session.start', { CHAT_ID: chatId });
		const fresh = (await hook(em, 'imopenlines.dialog.get', { CHAT_ID: chatId })).body.result;
		const newSession = Number(String(fresh.entity_data_1).split('|')[5]);
		expect(newSession).not.toBe(sessionId);
		expect((await hook(em, 'imopenlines.operator.answer', { CHAT_ID: chatId })).body.result).toBe(true);
		expect((await hook(em, 'imopenlines.session.mode.pin', { CHAT_ID: chatId, ACTIVATE: 'Y' })).body.result).toBe(true);
		expect((await hook(em, 'imopenlines.operator.transfer', { CHAT_ID: chatId, TRANSFER_ID: 1 })).body.result).toBe(true);
		expect((await hook(em, 'imopenlines.operator.finish', { CHAT_ID: chatId })).body.result).toBe(true);
		expect((await hook(em, 'imopenlines.session.head.vote', { SESSION_ID: newSession, RATING: 5 })).body.result).toBe(true);
	});

	test('Open Lines: session.open by USER_CODE and lines config', async () => {
		const line = (await hook(em, 'imopenlines.config.add', { PARAMS: { LINE_NAME: 'Support' } })).body.result;
		const opened = (await hook(em, 'imopenlines.session.open', { USER_CODE: `livechat|${line}|77|88` })).body.result;
		expect(opened.chatId).toBeGreaterThan(0);
		expect((await hook(em, 'imopenlines.config.get', { CONFIG_ID: line })).body.result.LINE_NAME).toBe('Support');
		expect((await hook(em, 'imopenlines.config.list.get')).body.result.length).toBe(2);
	});

	test('Drive: upload with fileContent, DOWNLOAD_URL serves the bytes', async () => {
		const storages = (await hook(em, 'disk.storage.getList')).body.result;
		const root = Number(storages[0].ROOT_OBJECT_ID);
		const sub = (await hook(em, 'disk.folder.addSubFolder', { id: root, data: { NAME: 'Reports' } })).body.result;
		const content = Buffer.from('hello drive').toString('base64');
		const up = (await hook(em, 'disk.folder.uploadFile', { id: sub.ID, data: { NAME: 'a.txt' }, fileContent: ['a.txt', content] })).body.result;
		expect(up.SIZE).toBe('11');
		const file = (await hook(em, 'disk.file.get', { id: up.ID })).body.result;
		const bytes = await (await fetch(file.DOWNLOAD_URL)).text();
		expect(bytes).toBe('hello drive');
		expect(file.DOWNLOAD_URL).not.toContain(em.webhook.code);
		const dup = await hook(em, 'disk.folder.uploadFile', { id: sub.ID, data: { NAME: 'a.txt' }, fileContent: ['a.txt', content] });
		expect(dup.status).toBe(400);
		const uniq = await hook(em, 'disk.folder.uploadFile', { id: sub.ID, data: { NAME: 'a.txt' }, fileContent: ['a.txt', content], generateUniqueName: true });
		expect(uniq.body.result.NAME).toBe('a (1).txt');
		const kids = (await hook(em, 'disk.folder.getChildren', { id: sub.ID })).body.result;
		expect(kids).toHaveLength(2);
	});
});

describe('event delivery', () => {
	let em: Emulator;
	let server: http.Server;
	let handler: string;
	const received: Array<Record<string, any>> = []; // eslint-disable-line @typescript-eslint/no-explicit-any
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				received.push({ path: req.url, contentType: req.headers['content-type'], ...(parseQuery(body) as Record<string, unknown>) });
				res.end('ok');
			});
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
		handler = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await em.stop();
		await new Promise((r) => server.close(() => r(undefined)));
	});

	test('event.bind (app) delivers the documented form payload once after the change', async () => {
		const t = em.issueTokens();
		expect((await oauth(em, t.access_token, 'event.bind', { event: 'onCrmDealAdd', handler: `${handler}/app` })).body.result).toBe(true);
		const bad = await oauth(em, t.access_token, 'event.bind', { event: 'ONNOTHING', handler: `${handler}/app` });
		expect(bad.body.error).toBe('ERROR_EVENT_NOT_FOUND');
		const bindings = (await oauth(em, t.access_token, 'event.get')).body.result;
		expect(bindings).toEqual([expect.objectContaining({ event: 'ONCRMDEALADD', handler: `${handler}/app` })]);
		const id = (await hook(em, 'crm.deal.add', { fields: { TITLE: 'evt' } })).body.result;
		await em.deliveriesSettled();
		const got = received.filter((r) => r.path === '/app');
		expect(got).toHaveLength(1);
		expect(got[0].contentType).toContain('application/x-www-form-urlencoded');
		expect(got[0].event).toBe('ONCRMDEALADD');
		expect(got[0].data.FIELDS.ID).toBe(String(id));
		for (const k of ['domain', 'client_endpoint', 'server_endpoint', 'member_id', 'application_token', 'access_token', 'expires_in', 'scope', 'status']) expect(got[0].auth[k]).toBeDefined();
		expect(got[0].event_handler_id).toBeDefined();
		expect(got[0].ts).toBeDefined();
		expect(em.deliveries.at(-1)).toEqual(expect.objectContaining({ event: 'ONCRMDEALADD', status: 200 }));
		const unbind = await oauth(em, t.access_token, 'event.unbind', { event: 'ONCRMDEALADD', handler: `${handler}/app` });
		expect(unbind.body.result).toEqual({ count: 1 });
	});

	test('outgoing webhook: no tokens in auth; smart-process, task and user events', async () => {
		em.outgoingWebhook(`${handler}/out`, ['ONCRMDYNAMICITEMADD', 'ONCRMDYNAMICITEMADD_31', 'ONTASKADD', 'ONUSERADD', 'ONCRMLEADUPDATE'], 'app-token-1');
		await hook(em, 'crm.item.add', { entityTypeId: 31, fields: { title: 'inv' } });
		await hook(em, 'tasks.task.add', { fields: { TITLE: 'evt task', RESPONSIBLE_ID: 1 } });
		await hook(em, 'user.add', { EMAIL: 'evt@example.com' });
		const lead = (await hook(em, 'crm.lead.add', { fields: { TITLE: 'l' } })).body.result;
		await hook(em, 'crm.item.update', { entityTypeId: 1, id: lead, fields: { title: 'l2' } });
		await em.deliveriesSettled();
		const got = received.filter((r) => r.path === '/out');
		expect(got.map((g) => g.event).sort()).toEqual(['ONCRMDYNAMICITEMADD', 'ONCRMDYNAMICITEMADD_31', 'ONCRMLEADUPDATE', 'ONTASKADD', 'ONUSERADD']);
		for (const g of got) {
			expect(g.auth.application_token).toBe('app-token-1');
			expect(g.auth.access_token).toBeUndefined();
		}
		const dyn = got.find((g) => g.event === 'ONCRMDYNAMICITEMADD');
		expect(dyn?.data.FIELDS.ENTITY_TYPE_ID).toBe('31');
		expect(got.find((g) => g.event === 'ONTASKADD')?.data.FIELDS_AFTER.ID).toBeDefined();
	});

	test('a failing handler is not retried', async () => {
		em.outgoingWebhook('http://127.0.0.1:1/nowhere', ['ONCRMCONTACTADD'], 't');
		await hook(em, 'crm.contact.add', { fields: { NAME: 'x' } });
		await em.deliveriesSettled();
		const d = em.deliveries.filter((x) => x.handler === 'http://127.0.0.1:1/nowhere');
		expect(d).toHaveLength(1);
		expect(d[0].status).toBe(0);
	});
});
