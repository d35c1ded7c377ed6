/**
 * Resource locators (node version 2): every "From List" search through n8n-core's load-options
 * context against the emulator, page URLs parsed and refused, IDs validated, and workflows saved by
 * version 1 with plain IDs still running.
 */
import type { IDataObject, INodeListSearchResult, INodeParameters, INodeProperties } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { LOCATORS, parsePage } from '../../nodes/Bitrix24/locators';
import { editorMethod } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { users: 70, deals: 120, openlines: 3 } })));
afterAll(async () => await portal.stop());

const search = async (method: string, filter?: string, token?: unknown, parameters: INodeParameters = {}) =>
	(await editorMethod(portal.credentials, 'bitrix24WebhookApi', 'webhook', 'listSearch', method, parameters, [filter, token])) as INodeListSearchResult;

const lastParams = (method: string) => portal.emu.calls(method).pop()!.params as IDataObject;
const page = (path: string) => `${portal.emu.url}${path}`;
const rl = (mode: 'list' | 'id' | 'url', value: string) => ({ __rl: true, mode, value });
const failure = async (parameters: INodeParameters, items?: IDataObject[]) =>
	(await portal.run(parameters, { items }).catch((error: unknown) => error)) as { message: string; description: string; context: IDataObject };

describe('From List', () => {
	test('users: every active user, page by page with the token, and searchable by name', async () => {
		const active = portal.emu.store.all('user').filter((u) => u.ACTIVE === true);
		expect(active.length).toBeGreaterThan(50);
		const seen: string[] = [];
		let token: unknown;
		let pages = 0;
		do {
			const result = await search('searchUsers', undefined, token);
			seen.push(...result.results.map((r) => String(r.value)));
			expect(result.results.length).toBeLessThanOrEqual(50);
			token = result.paginationToken;
			pages++;
		} while (token !== undefined && pages < 10);
		expect(pages).toBe(Math.ceil(active.length / 50));
		expect(seen.sort()).toEqual(active.map((u) => String(u.ID)).sort());
		expect(lastParams('user.get')).toMatchObject({ FILTER: { ACTIVE: true }, start: 50 });

		const someone = active[57];
		const found = await search('searchUsers', String(someone.LAST_NAME).slice(0, 4));
		expect(found.results.map((r) => r.value)).toContain(String(someone.ID));
		expect(found.results.find((r) => r.value === String(someone.ID))!.name).toBe(`${String(someone.NAME)} ${String(someone.LAST_NAME)}`);
		expect(lastParams('user.search')).toMatchObject({ FILTER: { FIND: String(someone.LAST_NAME).slice(0, 4) } });
	});

	test('deals: 50 per page newest first, the token opens the next page, a title fragment searches on the server', async () => {
		const first = await search('searchDeals');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe(50);
		const ids = first.results.map((r) => Number(r.value));
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
		const second = await search('searchDeals', undefined, first.paginationToken);
		expect(second.results).toHaveLength(50);
		expect(Math.max(...second.results.map((r) => Number(r.value)))).toBeLessThan(Math.min(...ids));
		expect(lastParams('crm.deal.list')).toMatchObject({ start: 50, order: { ID: 'DESC' } });

		const made: string[] = [];
		for (const title of ['Zephyr Supply 1', 'Zephyr Supply 2', 'Other']) made.push(String((await portal.json({ resource: 'deal', operation: 'create', TITLE: title }))[0].id));
		const found = await search('searchDeals', 'phyr sup');
		expect(found.results.map((r) => r.value).sort()).toEqual(made.slice(0, 2).sort());
		expect(found.results[0].url).toBe(page(`/crm/deal/details/${String(found.results[0].value)}/`));
		expect(found.paginationToken).toBeUndefined();
		expect(lastParams('crm.deal.list').filter).toEqual({ '%TITLE': 'phyr sup' });
	});

	test.each([
		['searchLeads', 'lead', 'crm.lead.list', { TITLE: 'Quokka lead' }, 'quokka'],
		['searchCompanies', 'company', 'crm.company.list', { TITLE: 'Quokka Ltd' }, 'quokka'],
		['searchContacts', 'contact', 'crm.contact.list', { NAME: 'Ann', additionalFields: { LAST_NAME: 'Quokkason' } }, 'quokka'],
	])('%s searches %s records by name', async (method, resource, listMethod, fields, text) => {
		const [created] = await portal.json({ resource, operation: 'create', ...(fields as INodeParameters) });
		const found = await search(method, text);
		expect(found.results.map((r) => r.value)).toEqual([String(created.id)]);
		expect(found.results[0].name).toMatch(/quokka/i);
		expect(Object.keys(lastParams(listMethod).filter as IDataObject)[0]).toMatch(/^%/);
	});

	test('quotes, invoices and items of the chosen entity type come from crm.item.list', async () => {
		await portal.json({ resource: 'quote', operation: 'create', TITLE: 'Wombat offer' });
		const quotes = await search('searchQuotes', 'wombat');
		expect(quotes.results).toHaveLength(1);
		expect(lastParams('crm.item.list')).toMatchObject({ entityTypeId: 7, filter: { '%title': 'wombat' } });

		const [invoice] = await portal.json({ resource: 'invoice', operation: 'create', fields: '{"title": "Wombat invoice"}' });
		const invoices = await search('searchInvoices', 'wombat');
		expect(invoices.results.map((r) => r.value)).toEqual([String(invoice.id)]);
		expect(invoices.results[0].url).toBe(page(`/crm/type/31/details/${String(invoice.id)}/`));

		const items = await search('searchCrmItems', 'Zephyr', undefined, { resource: 'crmItem', operation: 'get', entityTypeId: 2 });
		expect(items.results.map((r) => r.name)).toEqual(['Zephyr Supply 2', 'Zephyr Supply 1']);
		expect(lastParams('crm.item.list')).toMatchObject({ entityTypeId: 2 });
		await expect(search('searchCrmItems', '', undefined, { resource: 'crmItem', operation: 'get', entityTypeId: 0 })).rejects.toThrow(/Entity Type ID/);
	});

	test('tasks are searched by a LIKE pattern on TITLE', async () => {
		const [task] = await portal.json({ resource: 'task', operation: 'create', TITLE: 'Feed the platypus', RESPONSIBLE_ID: '1' });
		await portal.json({ resource: 'task', operation: 'create', TITLE: 'Something else', RESPONSIBLE_ID: '1' });
		const found = await search('searchTasks', 'platyp');
		expect(found.results.map((r) => r.value)).toEqual([String(task.id)]);
		expect(found.results[0].url).toBe(page(`/company/personal/user/1/tasks/task/view/${String(task.id)}/`));
		expect(lastParams('tasks.task.list').filter).toEqual({ TITLE: '%platyp%' });
	});

	test('workgroups are searched by %NAME', async () => {
		const [group] = await portal.json({ resource: 'workgroup', operation: 'create', NAME: 'Echidna project' });
		const found = await search('searchWorkgroups', 'chidna');
		expect(found.results.map((r) => r.value)).toEqual([String(group.id ?? group.ID ?? group.result)]);
		expect(lastParams('sonet_group.get')).toMatchObject({ FILTER: { '%NAME': 'chidna' } });
	});

	test('chats and dialogs are found with im.search.chat.list; Open Lines chats and their sessions with FIND_LINES', async () => {
		const [chat] = await portal.json({ resource: 'chat', operation: 'create', additionalFields: { TITLE: 'Kiwi room', USERS: '2' } });
		const chatId = String(chat.id ?? chat.result);
		expect((await search('searchChats', 'kiwi')).results).toEqual([{ name: 'Kiwi room', value: chatId }]);
		expect((await search('searchDialogs', 'kiwi')).results).toEqual([{ name: 'Kiwi room', value: `chat${chatId}` }]);
		expect(lastParams('im.search.chat.list')).toEqual({ FIND: 'kiwi', OFFSET: 0, LIMIT: 50 });
		expect((await search('searchChats', 'k')).results).toEqual([]);

		const lines = portal.emu.store.all('chat').filter((c) => c.TYPE === 'lines');
		const chats = await search('searchOpenLineChats', 'guest');
		expect(chats.results.map((r) => r.value).sort()).toEqual(lines.map((c) => String(c.ID)).sort());
		const sessions = await search('searchOpenLineSessions', 'guest');
		expect(sessions.results.map((r) => r.value).sort()).toEqual(lines.map((c) => String(c.SESSION_ID)).sort());
		expect(lastParams('im.search.chat.list')).toMatchObject({ FIND_LINES: 'guest' });
	});

	test('Drive files and folders in the root of the user storage, searched by name', async () => {
		const data = { data: Buffer.from('x').toString('base64'), mimeType: 'text/plain', fileName: 'Koala notes.txt' };
		const [file] = await portal.json({ resource: 'folder', operation: 'uploadFile', folder: '1', binaryPropertyName: 'data' }, { binary: [{ data }] });
		const [folder] = await portal.json({ resource: 'folder', operation: 'createSubfolder', folder: '1', NAME: 'Koala archive' });
		expect((await search('searchFiles', 'koala')).results.map((r) => r.value)).toEqual([String(file.ID)]);
		expect((await search('searchFolders', 'koala')).results.map((r) => r.value)).toEqual([String(folder.ID)]);
		expect(lastParams('disk.storage.getchildren')).toMatchObject({ id: '1', filter: { TYPE: 'folder', '%NAME': 'koala' } });
	});

	test('calendar events of the operation\'s calendar, searched by name', async () => {
		const owner = { type: 'user', ownerId: 1 };
		const [section] = await portal.json({ resource: 'calendarSection', operation: 'create', ...owner, name: 'Work' });
		const [event] = await portal.json({ resource: 'calendarEvent', operation: 'create', ...owner, name: 'Dingo meeting', from: '2030-04-02T09:00:00', to: '2030-04-02T10:00:00', section: Number(section.id ?? section.result) });
		const found = await search('searchCalendarEvents', 'dingo', undefined, { resource: 'calendarEvent', operation: 'update', ...owner });
		expect(found.results.map((r) => r.value)).toEqual([String(event.id ?? event.result)]);
		expect(lastParams('calendar.event.get')).toMatchObject(owner);
	});

	test('list elements of the chosen list, searched by %NAME', async () => {
		const [created] = await portal.json({ resource: 'list', operation: 'create', IBLOCK_TYPE_ID: 'lists', IBLOCK_CODE: 'animals', NAME: 'Animals' });
		const list = { IBLOCK_TYPE_ID: 'lists', IBLOCK_ID: String(created.id) };
		const [element] = await portal.json({ resource: 'listElement', operation: 'create', ...list, ELEMENT_CODE: 'n-1', NAME: 'Numbat' });
		await portal.json({ resource: 'listElement', operation: 'create', ...list, ELEMENT_CODE: 'q-1', NAME: 'Quoll' });
		const found = await search('searchListElements', 'numb', undefined, { resource: 'listElement', operation: 'get', ...list });
		expect(found.results.map((r) => r.value)).toEqual([String(element.id)]);
		expect(lastParams('lists.element.get')).toMatchObject({ ...list, FILTER: { '%NAME': 'numb' } });
	});
});

describe('page URLs', () => {
	const at = (path: string) => parsePage(new URL(`https://your-company.bitrix24.com${path}`));
	test.each([
		['/crm/deal/details/123/', { what: 'crm', entityTypeId: 2, id: '123' }],
		['/crm/lead/details/4/', { what: 'crm', entityTypeId: 1, id: '4' }],
		['/crm/contact/show/5/', { what: 'crm', entityTypeId: 3, id: '5' }],
		['/crm/company/details/6/?IFRAME=Y', { what: 'crm', entityTypeId: 4, id: '6' }],
		['/crm/type/7/details/8/', { what: 'crm', entityTypeId: 7, id: '8' }],
		['/crm/type/128/details/9/', { what: 'crm', entityTypeId: 128, id: '9' }],
		['/crm/type/31/details/10', { what: 'crm', entityTypeId: 31, id: '10' }],
		['/company/personal/user/5/', { what: 'user', id: '5' }],
		['/company/personal/user/1/tasks/task/view/42/', { what: 'task', id: '42' }],
		['/workgroups/group/7/tasks/task/view/42/', { what: 'task', id: '42' }],
		['/workgroups/group/7/', { what: 'workgroup', id: '7' }],
		['/online/?IM_DIALOG=chat12', { what: 'dialog', id: 'chat12' }],
		['/online/?IM_DIALOG=5', { what: 'dialog', id: '5' }],
		['/disk/showFile/8/', { what: 'file', id: '8' }],
	])('%s', (path, expected) => expect(at(path)).toEqual(expected));
	test.each(['/crm/deal/', '/crm/deal/details/abc/', '/company/personal/user/5/tasks/', '/online/?IM_DIALOG=x1', '/stream/'])('%s names no record', (path) => expect(at(path)).toBeUndefined());

	test('a deal, a task (both page forms), a user, a workgroup and a chat are read from their pages', async () => {
		const [deal] = await portal.json({ resource: 'deal', operation: 'get', deal: rl('url', page('/crm/deal/details/7/')) });
		expect(deal.ID).toBe('7');
		// the portal of an OAuth2 or API-key credential is known the same way
		for (const auth of ['oAuth2', 'apiKey'] as const) expect((await portal.json({ resource: 'deal', operation: 'get', deal: rl('url', page('/crm/deal/details/8/')) }, { auth }))[0].ID).toBe('8');
		const [task] = await portal.json({ resource: 'task', operation: 'create', TITLE: 'URL task', RESPONSIBLE_ID: '1' });
		for (const path of [`/company/personal/user/1/tasks/task/view/${String(task.id)}/`, `/workgroups/group/3/tasks/task/view/${String(task.id)}/`]) {
			await portal.json({ resource: 'task', operation: 'get', task: rl('url', page(path)) });
			expect(lastParams('tasks.task.get').taskId).toBe(String(task.id));
		}
		const [user] = await portal.json({ resource: 'user', operation: 'get', user: rl('url', page('/company/personal/user/5/')) });
		expect(user.ID).toBe('5');
		const [group] = await portal.json({ resource: 'workgroup', operation: 'create', NAME: 'URL group' });
		const groupId = String(group.id ?? group.ID ?? group.result);
		await portal.json({ resource: 'workgroupMember', operation: 'getMany', workgroup: rl('url', page(`/workgroups/group/${groupId}/`)), returnAll: true });
		expect(String(lastParams('sonet_group.user.get').ID)).toBe(groupId);
		const [chat] = await portal.json({ resource: 'chat', operation: 'create', additionalFields: { TITLE: 'URL chat', USERS: '2' } });
		const chatId = String(chat.id ?? chat.result);
		await portal.json({ resource: 'chat', operation: 'getUsers', chat: rl('url', page(`/online/?IM_DIALOG=chat${chatId}`)) });
		expect(lastParams('im.chat.user.list')).toEqual({ CHAT_ID: chatId });
		await portal.json({ resource: 'dialog', operation: 'get', dialog: rl('url', page(`/online/?IM_DIALOG=chat${chatId}`)) });
		expect(lastParams('im.dialog.get')).toEqual({ DIALOG_ID: `chat${chatId}` });
	});

	test('a smart-process or invoice page must match the entity type', async () => {
		const [invoice] = await portal.json({ resource: 'invoice', operation: 'create', fields: '{"title": "By URL"}' });
		const [got] = await portal.json({ resource: 'invoice', operation: 'get', invoice: rl('url', page(`/crm/type/31/details/${String(invoice.id)}/`)) });
		expect(got.id).toBe(invoice.id);
		const [item] = await portal.json({ resource: 'crmItem', operation: 'get', entityTypeId: 2, crmItem: rl('url', page('/crm/deal/details/3/')) });
		expect(item.id).toBe(3);
		const error = await failure({ resource: 'crmItem', operation: 'get', entityTypeId: 2, crmItem: rl('url', page('/crm/type/128/details/9/')) });
		expect(error.message).toBe('Item: the URL is the page of a CRM item of entity type 128, not of a CRM item of entity type 2 [item 0]');
	});

	test.each([
		['another portal', 'https://other.bitrix24.com/crm/deal/details/1/', /^Deal: the URL is on other\.bitrix24\.com, not on this credential's portal \(127\.0\.0\.1:\d+\) \[item 1\]$/, /use a credential of other\.bitrix24\.com/],
		['another entity type', '/crm/lead/details/1/', /^Deal: the URL is the page of a lead, not of a deal \[item 1\]$/, /e\.g\. https:\/\/your-company\.bitrix24\.com\/crm\/deal\/details\/123\//],
		['a page that names no record', '/crm/deal/list/', /^Deal: the URL is not the page of a deal \[item 1\]$/, /Pick the deal From List/],
		['garbage', 'http://exa mple', /^Deal: "http:\/\/exa mple" is not a URL \[item 1\]$/, /enter its ID \(e\.g\. 123\)/],
	])('%s is refused naming the parameter, the item and what to do; only the good item is sent', async (_, link, message, description) => {
		const value = link.startsWith('/') ? page(link) : link;
		const before = portal.emu.calls('crm.deal.get').length;
		const error = await failure({ resource: 'deal', operation: 'get', deal: rl('url', '={{ $json.link }}') }, [{ link: page('/crm/deal/details/1/') }, { link: value }]);
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(description);
		expect(error.context.itemIndex).toBe(1);
		expect(portal.emu.calls('crm.deal.get').slice(before).map((c) => (c.params as IDataObject).id)).toEqual(['1']);
	});
});

describe('By ID', () => {
	test('an ID is validated before anything is sent', async () => {
		const before = portal.emu.log.length;
		const error = await failure({ resource: 'deal', operation: 'get', deal: rl('id', '12a') });
		expect(error.message).toBe('Deal: "12a" is not a valid deal ID [item 0]');
		expect(error.description).toMatch(/e\.g\. 123/);
		const dialog = await failure({ resource: 'dialog', operation: 'get', dialog: rl('id', 'chatx') });
		expect(dialog.message).toMatch(/"chatx" is not a valid dialog ID/);
		expect(portal.emu.log.length).toBe(before);
		const empty = await failure({ resource: 'deal', operation: 'get', deal: rl('list', '') });
		expect(empty.message).toBe('Deal is required [item 0]');
	});

	test('an ID from the list, typed, as a plain value or from an expression reaches the method', async () => {
		for (const value of [rl('list', '4'), rl('id', '4'), '4', rl('id', '={{ $json.id }}'), '={{ $json.id }}', rl('url', '={{ $json.link }}')]) {
			const [deal] = await portal.json({ resource: 'deal', operation: 'get', deal: value }, { items: [{ id: 4, link: page('/crm/deal/details/4/') }] });
			expect(deal.ID).toBe('4');
		}
		await portal.json({ resource: 'dialog', operation: 'get', dialog: rl('id', 'chat1') }, { continueOnFail: true });
		expect(lastParams('im.dialog.get')).toEqual({ DIALOG_ID: 'chat1' });
	});
});

describe('versions', () => {
	const properties = (version: number) => new Bitrix24().getNodeType(version).description.properties;
	const locators = properties(2).filter((p) => p.type === 'resourceLocator' && Object.keys(LOCATORS).includes(p.name));

	test('version 2 names every record with a locator whose list method exists; version 1 has none', () => {
		const methods = (new Bitrix24().getNodeType(2).methods?.listSearch ?? {}) as Record<string, unknown>;
		expect(new Set(locators.map((p) => p.name))).toEqual(new Set(Object.keys(LOCATORS)));
		for (const property of locators) {
			const modes = (property.modes ?? []).map((m) => m.name);
			expect(modes[0]).toBe('list');
			expect(modes).toContain('id');
			expect(modes.includes('url')).toBe(!!(LOCATORS as Record<string, { urlExample?: string }>)[property.name].urlExample);
			expect(typeof methods[property.modes![0].typeOptions!.searchListMethod!]).toBe('function');
			expect(property.default).toEqual({ mode: 'list', value: '' });
		}
		expect(locators.length).toBeGreaterThanOrEqual(150);
		expect(properties(1).filter((p: INodeProperties) => p.type === 'resourceLocator')).toEqual([]);
		const v1DealId = properties(1).find((p) => p.name === 'id' && p.displayOptions?.show?.resource?.[0] === 'deal' && p.displayOptions.show.operation?.[0] === 'get');
		expect(v1DealId).toMatchObject({ type: 'string', displayName: 'Deal ID', required: true });
	});

	test('a workflow saved by version 1 with plain IDs still runs', async () => {
		const v1 = { typeVersion: 1 };
		expect((await portal.json({ resource: 'deal', operation: 'get', id: '5' }, v1))[0].ID).toBe('5');
		const [task] = await portal.json({ resource: 'task', operation: 'create', TITLE: 'Saved by v1', RESPONSIBLE_ID: '1' }, v1);
		await portal.json({ resource: 'taskComment', operation: 'create', TASKID: String(task.id), POST_MESSAGE: 'still works' }, v1);
		expect(lastParams('task.commentitem.add')).toMatchObject({ TASKID: String(task.id) });
		expect((await portal.json({ resource: 'user', operation: 'get', id: '2' }, v1))[0].ID).toBe('2');
		const [invoice] = await portal.json({ resource: 'invoice', operation: 'create', fields: '{"title": "v1"}' }, v1);
		expect((await portal.json({ resource: 'invoice', operation: 'get', id: String(invoice.id) }, v1))[0].id).toBe(invoice.id);
		// version 1 never read URLs; Bitrix24 would read a text ID's leading digits, so one that is not a whole number is refused unsent
		const sent = portal.emu.calls('crm.deal.get').length;
		for (const bad of [page('/crm/deal/details/5/'), '5 OR 1=1', '0']) {
			const [out] = await portal.json({ resource: 'deal', operation: 'get', id: bad }, { ...v1, continueOnFail: true });
			expect(out.error).toBe(`Deal ID: "${bad}" is not a valid deal ID [item 0]`);
		}
		expect(portal.emu.calls('crm.deal.get').length).toBe(sent);
	});
});
