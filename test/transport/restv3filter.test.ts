/**
 * REST 3.0 list filters (api-reference/rest-v3.md#filter): Filter (JSON) on a REST 3.0 Get Many sends
 * the documented list of conditions as given, turns a classic-style object into conditions with the
 * documented operators only, and refuses a prefix REST 3.0 has no operator for before anything is sent.
 * The emulator evaluates the documented operators and groups and refuses unknown operators and fields.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import type { Portal } from '../helpers/portal';
import { measure, startPortal } from '../helpers/portal';

describe('REST 3.0 filters', () => {
	let portal: Portal;
	const ids: Record<string, number> = {};
	beforeAll(async () => {
		portal = await startPortal({ limits: false });
		const rows: Array<[string, string, string]> = [
			['a', 'INFO', '2026-01-10T10:00:00+02:00'],
			['b', 'SECURITY', '2026-01-20T10:00:00+02:00'],
			['c', 'WARNING', '2026-02-05T10:00:00+02:00'],
			['d', 'SECURITY', '2026-03-01T10:00:00+02:00'],
		];
		for (const [name, severity, timestampX] of rows) {
			ids[name] = Number(portal.emu.store.insert('generic:main.eventlog', { severity, auditTypeId: 'FILTER_TEST', timestampX, description: name }).ID);
		}
	});
	afterAll(async () => await portal.stop());

	const eventLog = (filter: unknown, extra: IDataObject = {}) =>
		measure(portal, () => portal.json({ resource: 'eventLog', operation: 'getMany', returnAll: true, listOptions: { filter: JSON.stringify(filter) }, ...extra }));
	const descriptions = (rows: IDataObject[]) => rows.map((row) => row.description);
	const sentFilter = (http: Array<{ params?: unknown }>) => (http[0].params as IDataObject).filter;

	test('the documented list form goes out as given: between, in shorthand, and an OR group', async () => {
		const filter = [
			['auditTypeId', 'FILTER_TEST'],
			['timestampX', 'between', ['2026-01-15T00:00:00+02:00', '2026-03-31T23:59:59+02:00']],
			{ logic: 'or', conditions: [['severity', ['WARNING']], ['id', 'in', [ids.d]]] },
		];
		const out = await eventLog(filter);
		expect(sentFilter(out.http)).toEqual(filter);
		// b is in the period but neither WARNING nor d; a is before it
		expect(descriptions(out.output)).toEqual(['c', 'd']);
	});

	test('a classic-style object becomes REST 3.0 conditions with the documented operators', async () => {
		const out = await eventLog({ auditTypeId: 'FILTER_TEST', '>=id': ids.b, '@severity': ['SECURITY', 'WARNING'], '!description': 'c', '<timestampX': '2026-06-01T00:00:00+00:00' });
		expect(sentFilter(out.http)).toEqual([
			['auditTypeId', '=', 'FILTER_TEST'],
			['id', '>=', ids.b],
			['severity', 'in', ['SECURITY', 'WARNING']],
			['description', '!=', 'c'],
			['timestampX', '<', '2026-06-01T00:00:00+00:00'],
		]);
		expect(descriptions(out.output)).toEqual(['b', 'd']);

		const range = await eventLog({ auditTypeId: 'FILTER_TEST', '><id': [ids.b, ids.c], id: [ids.a, ids.b, ids.c] });
		expect(sentFilter(range.http)).toEqual([
			['auditTypeId', '=', 'FILTER_TEST'],
			['id', 'between', [ids.b, ids.c]],
			['id', 'in', [ids.a, ids.b, ids.c]],
		]);
		expect(descriptions(range.output)).toEqual(['b', 'c']);
	});

	test.each([
		['%description', 'rep', /"contains"/],
		['!@severity', ['INFO'], /"not in"/],
		['!severity', ['INFO'], /"not in"/],
		['><id', 5, /between.*\[from, to\]/],
	])('the prefix of "%s" has no REST 3.0 operator: refused before sending, naming the key, the item and the form to use', async (key, value, hint) => {
		const run = measure(portal, () =>
			portal.run({ resource: 'eventLog', operation: 'getMany', returnAll: true, listOptions: { filter: JSON.stringify({ [key]: value }) } }, { continueOnFail: true }),
		);
		const { output, http } = await run;
		expect(http).toEqual([]);
		const error = output[0].json.error as string;
		expect(error).toContain(`Filter (JSON) key "${key}" has no REST 3.0 equivalent in main.eventlog.list [item 0]`);
		await expect(portal.json({ resource: 'eventLog', operation: 'getMany', returnAll: true, listOptions: { filter: JSON.stringify({ [key]: value }) } })).rejects.toMatchObject({
			description: expect.stringMatching(hint) as unknown as string,
		});
	});

	test('the emulator refuses an operator and a field REST 3.0 does not know, as the docs say', async () => {
		const call = (filter: unknown) =>
			portal.json(
				{ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value: 'main.eventlog.list' }, parameters: JSON.stringify({ filter }) },
				{ continueOnFail: true },
			);
		expect(await call([['description', 'like', 'a']])).toEqual([expect.objectContaining({ error: expect.stringMatching(/UNKNOWNFILTEROPERATOREXCEPTION|Unknown filter operator/) })]);
		expect(await call([['%description', '=', 'a']])).toEqual([expect.objectContaining({ error: expect.stringMatching(/UNKNOWNDTOPROPERTYEXCEPTION|Unknown field/) })]);
		expect(await call([['severity', 'between', 'x']])).toEqual([expect.objectContaining({ error: expect.stringMatching(/between takes \[from, to\]/) })]);
		expect(await call([{ logic: 'xor', conditions: [['id', 1]] }])).toEqual([expect.objectContaining({ error: expect.stringMatching(/"logic": "or"/) })]);
		// tasks.task.list knows the task object's fields (fields-rest-v3.md), in camelCase only
		const tasks = await portal.json(
			{ resource: 'system', operation: 'callMethod', methodName: { __rl: true, mode: 'name', value: 'tasks.task.list' }, parameters: JSON.stringify({ filter: [['RESPONSIBLE_ID', 1]] }), options: { api: 'v3' } },
			{ continueOnFail: true },
		);
		expect(tasks).toEqual([expect.objectContaining({ error: expect.stringMatching(/Unknown field `RESPONSIBLE_ID`/) })]);
		// the same list through Get Many reaches the server unchanged and fails there
		await expect(eventLog([['description', 'like', 'a']])).rejects.toThrow(/main\.eventlog\.list/);
	});

	test('Task (New API) Get Many: object and list filters on camelCase fields select the right tasks', async () => {
		const made: number[] = [];
		for (const title of ['Filter one', 'Filter two', 'Filter three']) {
			const [task] = await portal.json({ resource: 'task', operation: 'create', TITLE: title, RESPONSIBLE_ID: 1 });
			made.push(Number(task.id));
		}
		const byObject = await measure(portal, () => portal.json({ resource: 'taskV3', operation: 'getMany', returnAll: true, listOptions: { filter: JSON.stringify({ '@id': made, '!=title': 'Filter two' }), select: 'id, title' } }));
		expect(sentFilter(byObject.http)).toEqual([
			['id', 'in', made],
			['title', '!=', 'Filter two'],
		]);
		expect(byObject.output.map((task) => task.title)).toEqual(['Filter one', 'Filter three']);
		const byList = await measure(portal, () => portal.json({ resource: 'taskV3', operation: 'getMany', returnAll: true, listOptions: { filter: JSON.stringify([['id', '>', made[0]], ['id', '<=', made[2]]]) } }));
		expect(byList.output.map((task) => task.id)).toEqual([made[1], made[2]]);
	});

	test('the Filter help of REST 3.0 lists describes REST 3.0 conditions, the classic help the classic prefixes', () => {
		const properties = new Bitrix24().getNodeType(2).description.properties;
		const filterHelp = (resource: string) =>
			(properties.find((p) => p.name === 'listOptions' && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes('getMany'))?.options as INodeProperties[]).find(
				(o) => o.name === 'filter',
			)?.description;
		for (const resource of ['eventLog', 'taskV3']) {
			expect(filterHelp(resource)).toMatch(/between/);
			expect(filterHelp(resource)).toMatch(/no "contains" \(%\) or "not in" \(!@\)/);
		}
		expect(filterHelp('deal')).toMatch(/%, @, !@/);
	});
});
