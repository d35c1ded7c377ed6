// Searches the editor's record lists rely on, answered as documented.
import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

let em: Emulator;
beforeAll(async () => {
	em = await startEmulator({ limits: false, seed: { users: 3, openlines: 2 } });
});
afterAll(() => em.stop());

test('im.search.chat.list: FIND among the caller\'s chats, FIND_LINES among Open Lines chats, OFFSET/LIMIT with total and next, FIND_SHORT', async () => {
	const ids: number[] = [];
	for (let i = 0; i < 3; i++) ids.push((await hook(em, 'im.chat.add', { TITLE: `Alpaca ${i}`, USERS: [2] })).body.result);
	const first = await hook(em, 'im.search.chat.list', { FIND: 'alpaca', LIMIT: 2 });
	expect(first.body.result.map((c: { id: number }) => c.id)).toEqual(ids.slice(0, 2));
	expect(first.body.result[0]).toMatchObject({ name: 'Alpaca 0', type: 'chat' });
	expect(first.body).toMatchObject({ total: 3, next: 2 });
	const second = await hook(em, 'im.search.chat.list', { FIND: 'alpaca', LIMIT: 2, OFFSET: 2 });
	expect(second.body.result.map((c: { id: number }) => c.id)).toEqual([ids[2]]);
	expect(second.body.next).toBeUndefined();
	// ten by default
	for (let i = 0; i < 9; i++) await hook(em, 'im.chat.add', { TITLE: `Alpaca more ${i}`, USERS: [2] });
	expect((await hook(em, 'im.search.chat.list', { FIND: 'alpaca' })).body.result).toHaveLength(10);

	const lines = await hook(em, 'im.search.chat.list', { FIND_LINES: 'guest' });
	expect(lines.body.result.map((c: { type: string }) => c.type)).toEqual(['lines', 'lines']);
	expect((await hook(em, 'im.search.chat.list', { FIND: 'guest' })).body.result).toEqual([]);

	const short = await hook(em, 'im.search.chat.list', { FIND: 'a' });
	expect(short.status).toBe(400);
	expect(short.body.error).toBe('FIND_SHORT');
});

test('tasks.task.list: a TITLE value with % is a LIKE pattern', async () => {
	await hook(em, 'tasks.task.add', { fields: { TITLE: 'Shear the alpaca', RESPONSIBLE_ID: 1 } });
	await hook(em, 'tasks.task.add', { fields: { TITLE: 'Alpaca', RESPONSIBLE_ID: 1 } });
	const titles = async (filter: object) => (await hook(em, 'tasks.task.list', { filter })).body.result.tasks.map((t: { title: string }) => t.title);
	expect(await titles({ TITLE: '%alpaca%' })).toEqual(['Shear the alpaca', 'Alpaca']);
	expect(await titles({ TITLE: 'alpaca%' })).toEqual(['Alpaca']);
	expect(await titles({ TITLE: 'Alpaca' })).toEqual(['Alpaca']);
});

test('Drive lists take filter with the documented operators', async () => {
	await hook(em, 'disk.folder.addsubfolder', { id: 1, data: { NAME: 'Llama folder' } });
	await hook(em, 'disk.folder.uploadfile', { id: 1, data: { NAME: 'llama.txt' }, fileContent: ['llama.txt', Buffer.from('x').toString('base64')] });
	const names = async (method: string, params: object) => (await hook(em, method, params)).body.result.map((o: { NAME: string }) => o.NAME);
	expect(await names('disk.storage.getchildren', { id: 1, filter: { '%NAME': 'llama' } })).toEqual(['Llama folder', 'llama.txt']);
	expect(await names('disk.storage.getchildren', { id: 1, filter: { '%NAME': 'llama', TYPE: 'file' } })).toEqual(['llama.txt']);
	expect(await names('disk.folder.getchildren', { id: 1, filter: { TYPE: 'folder', '%NAME': 'lla' } })).toEqual(['Llama folder']);
	expect(await names('disk.storage.getlist', { filter: { ENTITY_TYPE: 'user', ENTITY_ID: 1 } })).toEqual(['Admin Portal']);
});
