/** Call Method's method input: version 2 searches the bundled index of documented methods; version 1 keeps its text field. */
import type { INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import index from '../../nodes/Bitrix24/methods/methodIndex.json';
import { editorMethod } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

const documentedMethods = index.methods as string[][];

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { deals: 3 } })));
afterAll(async () => await portal.stop());

const search = async (filter?: string, token?: string) =>
	(await editorMethod(portal.credentials, 'bitrix24WebhookApi', 'webhook', 'listSearch', 'searchMethods', { resource: 'system', operation: 'callMethod' }, [filter, token])) as INodeListSearchResult;

/** Every page of a search, following the pagination tokens. */
async function searchAll(filter?: string) {
	const pages: INodeListSearchResult[] = [await search(filter)];
	while (pages[pages.length - 1].paginationToken !== undefined) pages.push(await search(filter, pages[pages.length - 1].paginationToken as string));
	return { pages, results: pages.flatMap((page) => page.results) };
}

const methodProperty = (version: number) =>
	new Bitrix24().getNodeType(version).description.properties.find((p) => p.name === 'methodName' && p.displayOptions?.show?.operation?.includes('callMethod')) as INodeProperties;

describe('searchMethods', () => {
	test('REST 3.0 methods are marked: only there, or in both versions', async () => {
		const only = (await search('tasks.task.chat.message.send')).results[0];
		expect(only).toEqual(expect.objectContaining({ value: 'tasks.task.chat.message.send', name: expect.stringContaining(' · REST 3.0') }));
		const both = (await search('tasks.task.get')).results[0];
		expect(both).toEqual(expect.objectContaining({ value: 'tasks.task.get', name: expect.stringContaining('classic and REST 3.0') }));
		const classic = (await search('crm.deal.get')).results[0];
		expect(classic.name).not.toContain('REST 3.0');
		expect(Object.keys((index as { restV3: Record<string, string> }).restV3)).toHaveLength(106);
	});

	test('the index holds the documented methods, each once', () => {
		const names = documentedMethods.map(([method]) => method);
		expect(names.length).toBeGreaterThan(1500);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toEqual(expect.arrayContaining(['crm.deal.list', 'tasks.task.add', 'batch', 'user.current']));
	});

	test('finds a method by part of its name; the exact and leading matches come first', async () => {
		const { results } = await search('deal.upd');
		expect(results.length).toBeGreaterThan(0);
		for (const item of results) expect(String(item.value).toLowerCase()).toContain('deal.upd');
		const names = results.map((r) => r.value);
		expect(names).toContain('crm.deal.update');

		const exact = await search('crm.deal.list');
		expect(exact.results[0].value).toBe('crm.deal.list');
		expect(exact.results[0].url).toMatch(/^https:\/\/apidocs\.bitrix24\.com\/api-reference\/crm\/deals\/.+\.html$/);
		expect(exact.results[0].description).toMatch(/^crm · \S/);
		// the dropdown shows only the name: the method first, then its title and scope
		expect(exact.results[0].name).toMatch(/^crm\.deal\.list · .+ \(crm\) · deprecated, use crm\.item\.list$/);
	});

	test('finds methods by a scope word: all of that scope, and only matching ones', async () => {
		const { results } = await searchAll('timeman');
		const ofScope = documentedMethods.filter(([, scope]) => scope.split(', ').includes('timeman')).map(([method]) => method);
		expect(ofScope.length).toBeGreaterThan(3);
		expect(results.map((r) => r.value)).toEqual(expect.arrayContaining(ofScope));
		for (const item of results) expect(`${String(item.value)} ${item.description}`.toLowerCase()).toContain('timeman');
	});

	test('every typed word must match, in any order', async () => {
		const { results } = await searchAll('deal add crm');
		expect(results.map((r) => r.value)).toContain('crm.deal.add');
		for (const item of results) {
			const text = `${String(item.value)} ${item.description}`.toLowerCase();
			for (const word of ['deal', 'add', 'crm']) expect(text).toContain(word);
		}
		expect((await search('no such method anywhere')).results).toEqual([]);
	});

	test('pages of 100 with a token until the whole index is listed', async () => {
		const { pages, results } = await searchAll();
		expect(pages[0].results).toHaveLength(100);
		expect(pages[0].paginationToken).toBe('100');
		expect(pages[pages.length - 1].paginationToken).toBeUndefined();
		expect(new Set(results.map((r) => r.value)).size).toBe(documentedMethods.length);
	});

	test('among equal matches, current methods come before deprecated ones', async () => {
		const { results } = await searchAll('crm.deal.');
		const old = results.map((r) => /deprecated/.test(r.description ?? ''));
		expect(old).toContain(true);
		expect(old).toContain(false);
		// every one starts with the text, so all rank alike: no current method after the first deprecated one
		expect(old.slice(old.indexOf(true))).not.toContain(false);
	});

	test('a deprecated method says so and names its replacement', async () => {
		const [item] = (await search('crm.deal.add')).results;
		expect(item.value).toBe('crm.deal.add');
		expect(item.description).toMatch(/deprecated, use crm\.item\.add$/);
	});
});

describe('Call Method in the two node versions', () => {
	test('version 2 offers From List (searchMethods) and By Name; version 1 keeps its text field', () => {
		const v2 = methodProperty(2);
		expect(v2.type).toBe('resourceLocator');
		expect(v2.modes?.map((m) => [m.name, m.type])).toEqual([
			['list', 'list'],
			['name', 'string'],
		]);
		expect(v2.modes?.[0].typeOptions).toMatchObject({ searchListMethod: 'searchMethods', searchable: true });
		const [rule] = (v2.modes?.[1].validation ?? []) as unknown as Array<{ properties: { regex: string } }>;
		const valid = new RegExp(rule.properties.regex);
		for (const name of ['crm.deal.list', 'user.current', 'imbot.v2.Chat.Message.send', 'batch']) expect(name).toMatch(valid);
		for (const name of ['https://x/rest/crm.deal.get', 'crm deal list', '.crm']) expect(name).not.toMatch(valid);
		const v1 = methodProperty(1);
		expect(v1).toMatchObject({ type: 'string', default: '', required: true, placeholder: 'e.g. crm.deal.list', displayName: 'Method' });
		expect(v1.modes).toBeUndefined();
	});

	test.each([
		['a method picked from the list', { __rl: true, mode: 'list', value: 'crm.deal.list' }],
		['a name typed By Name', { __rl: true, mode: 'name', value: 'crm.deal.list' }],
		['an expression By Name', { __rl: true, mode: 'name', value: '={{ "crm.deal" + ".list" }}' }],
		['a plain string', 'crm.deal.list'],
	])('version 2 runs %s', async (_label, methodName) => {
		const before = portal.emu.calls('crm.deal.list').length;
		const out = await portal.json({ resource: 'system', operation: 'callMethod', methodName, parameters: '{"order": {"ID": "ASC"}}' });
		expect(portal.emu.calls('crm.deal.list').length).toBe(before + 1);
		expect(out.map((d) => d.ID)).toEqual(portal.emu.store.all('deal').map((d) => String(d.ID)));
	});

	test('a name outside the index is sent as typed; the portal decides', async () => {
		const name = 'imopenlines.session.close';
		expect(documentedMethods.some(([method]) => method === name)).toBe(false);
		const error = (await portal
			.run({ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value: name }, parameters: '{"SESSION_ID": 1}' })
			.catch((e: unknown) => e)) as { httpCode: string; message: string };
		expect(error.httpCode).toBe('404');
		expect(error.message).toMatch(/ERROR_METHOD_NOT_FOUND/);
		expect(portal.emu.log.some((entry) => entry.method === name)).toBe(true);
	});

	test('a version 1 workflow with the plain name runs unchanged', async () => {
		const before = portal.emu.calls('crm.deal.list').length;
		const out = await portal.json({ resource: 'system', operation: 'callMethod', methodName: 'crm.deal.list', parameters: '{}' }, { typeVersion: 1 });
		expect(portal.emu.calls('crm.deal.list').length).toBe(before + 1);
		expect(out.length).toBe(portal.emu.store.all('deal').length);
	});
});
