/** The editor's dropdowns and either/or inputs, through n8n-core's LoadOptionsContext and the same request helper. */
import type { IDataObject, INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { editorMethod } from '../helpers/harness';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { users: 60, currency: 2, workgroups: 3, openlines: 1 } })));
afterAll(async () => await portal.stop());

type Option = INodePropertyOptions;
const load = async (method: string, parameters: INodeParameters = {}, typeVersion?: number) =>
	(await editorMethod(portal.credentials, 'bitrix24WebhookApi', 'webhook', 'loadOptions', method, parameters, [], typeVersion)) as Option[];
const call = async (method: string, params: IDataObject) =>
	(await portal.json({ resource: 'system', operation: 'callMethod', methodName: method, parameters: JSON.stringify(params), options: { fullResponse: true } }))[0]
		.result as IDataObject;
const lastCall = (method: string) => portal.emu.calls(method).pop()!.params as IDataObject;
/** The portal's own rows of one crm.status list, in its order. */
const statusRows = (entityId: string) =>
	portal.emu.store
		.all('crmStatus')
		.filter((row) => row.ENTITY_ID === entityId)
		.sort((a, b) => Number(a.SORT) - Number(b.SORT))
		.map((row) => ({ name: row.NAME, value: row.STATUS_ID }));

/** Every property with a dropdown, collections' options included, with its path. */
function dropdowns(properties: INodeProperties[], prefix = ''): Array<{ path: string; property: INodeProperties }> {
	return properties.flatMap((property) => [
		...(property.typeOptions?.loadOptionsMethod ? [{ path: prefix + property.name, property }] : []),
		...(property.type === 'collection' ? dropdowns(property.options as INodeProperties[], `${prefix}${property.name}.`) : []),
	]);
}
const description = (version: number) => new Bitrix24().getNodeType(version).description;

describe('pipelines and stages', () => {
	let wholesale: number;
	beforeAll(async () => {
		wholesale = Number(((await call('crm.category.add', { entityTypeId: 2, fields: { name: 'Wholesale' } })) as IDataObject & { category: IDataObject }).category.id);
	});

	test('deal pipelines: the default one first with the name the portal gives it, IDs as numbers', async () => {
		const options = await load('getDealPipelines');
		const portalDefault = ((await call('crm.category.list', { entityTypeId: 2 })).categories as IDataObject[]).find((c) => c.isDefault === 'Y')!;
		expect(options[0]).toEqual({ name: portalDefault.name, value: portalDefault.id, description: 'The default pipeline' });
		expect(options.filter((o) => o.value === portalDefault.id)).toHaveLength(1);
		expect(options).toContainEqual({ name: 'Wholesale', value: wholesale });
		for (const option of options) expect(typeof option.value).toBe('number');
		expect(lastCall('crm.category.list')).toMatchObject({ entityTypeId: 2 });
	});

	test('deal stages follow the chosen pipeline', async () => {
		const general = await load('getDealStages', { resource: 'deal', operation: 'create', additionalFields: { CATEGORY_ID: 0 } });
		expect(general).toEqual(statusRows('DEAL_STAGE'));
		expect(lastCall('crm.status.list')).toMatchObject({ filter: { ENTITY_ID: 'DEAL_STAGE' } });
		const other = await load('getDealStages', { resource: 'deal', operation: 'update', updateFields: { CATEGORY_ID: wholesale } });
		expect(other.length).toBeGreaterThan(0);
		expect(other).toEqual(statusRows(`DEAL_STAGE_${wholesale}`));
		for (const option of other) expect(option.value).toMatch(new RegExp(`^C${wholesale}:`));
		// no pipeline chosen yet: the default pipeline's stages
		expect(await load('getDealStages', { resource: 'deal', operation: 'create' })).toEqual(general);
	});

	test('the stage dropdown reloads when the pipeline changes (loadOptionsDependsOn)', () => {
		const stage = dropdowns(description(2).properties).find((d) => d.path === 'additionalFields.STAGE_ID')!;
		expect(stage.property.typeOptions?.loadOptionsDependsOn).toEqual(['additionalFields.CATEGORY_ID', 'updateFields.CATEGORY_ID']);
	});

	test.each([
		['getLeadStatuses', 'STATUS'],
		['getQuoteStatuses', 'QUOTE_STATUS'],
		['getSources', 'SOURCE'],
		['getDealTypes', 'DEAL_TYPE'],
		['getContactTypes', 'CONTACT_TYPE'],
		['getCompanyTypes', 'COMPANY_TYPE'],
		['getIndustries', 'INDUSTRY'],
	])('%s lists the %s reference list by STATUS_ID', async (method, entityId) => {
		const options = await load(method);
		expect(options.length).toBeGreaterThan(0);
		expect(options).toEqual(statusRows(entityId));
		expect(lastCall('crm.status.list')).toMatchObject({ filter: { ENTITY_ID: entityId } });
	});

	test('entity types: the system types and every smart process, as numbers', async () => {
		const type = ((await call('crm.type.add', { fields: { title: 'Shipments' } })) as IDataObject & { type: IDataObject }).type;
		const options = await load('getEntityTypes');
		expect(options).toContainEqual({ name: 'Deal', value: 2 });
		expect(options).toContainEqual({ name: 'Shipments', value: type.entityTypeId });
		for (const option of options) expect(typeof option.value).toBe('number');
	});
});

describe('users, currencies, open lines, workgroups', () => {
	test('more than 50 users: every active user is listed, by name', async () => {
		const active = portal.emu.store.all('user').filter((u) => u.ACTIVE === true);
		expect(active.length).toBeGreaterThan(50);
		const before = portal.emu.calls('user.get').length + portal.emu.calls('batch').length;
		const options = await load('getUsers');
		expect(options.map((o) => o.value).sort()).toEqual(active.map((u) => String(u.ID)).sort());
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		// keyset pages packed into batches: a handful of HTTP calls, not one per 50 users
		expect(portal.emu.calls('user.get').length + portal.emu.calls('batch').length - before).toBeLessThanOrEqual(3);
	});

	test('currencies: the base currency first, codes as values', async () => {
		const rows = (await call('crm.currency.list', {})) as unknown as IDataObject[];
		const options = await load('getCurrencies');
		expect(options.map((o) => o.value).sort()).toEqual(rows.map((r) => r.CURRENCY).sort());
		expect(options[0].value).toBe(rows.find((r) => r.BASE === 'Y')!.CURRENCY);
		expect(options[0].name).toContain(String(rows.find((r) => r.BASE === 'Y')!.FULL_NAME));
	});

	test('open lines by name with numeric IDs; workgroups with string IDs', async () => {
		const lines = await load('getOpenLines');
		expect(lines.map((o) => o.value).sort()).toEqual(portal.emu.store.all('olLine').map((l) => Number(l.ID)).sort());
		const groups = await load('getWorkgroups');
		expect(groups).toHaveLength(portal.emu.store.count('workgroups'));
		for (const group of groups) expect(group.value).toMatch(/^\d+$/);
	});
});

describe('dropdowns in the node description', () => {
	const v1 = description(1).properties;
	const v2 = description(2).properties;
	const v1Type = new Map(
		[...v1, ...v1.filter((p) => p.type === 'collection').flatMap((c) => (c.options as INodeProperties[]).map((o) => ({ ...o, name: `${c.name}.${o.name}` })))].map((p) => [
			p.name,
			p.type,
		]),
	);

	test('version 2 accepts any ID (expressions are never flagged), version 1 is unchanged', () => {
		const all = dropdowns(v2);
		expect(all.length).toBeGreaterThan(dropdowns(v1).length);
		for (const { property } of all) expect(property.allowArbitraryValues).toBe(true);
		for (const { property } of dropdowns(v1)) expect(property.allowArbitraryValues).toBeUndefined();
	});

	test("a dropdown's default is empty or a value the portal can hold", () => {
		for (const { property } of dropdowns(v2)) expect(property.default === '' || (typeof property.default === 'number' && property.default > 0)).toBe(true);
	});

	test('every dropdown method answers against the portal, with values of the type its parameter saves', async () => {
		// a new dropdown keeps the ID a version 1 workflow saved from its text or number input
		const expected = new Map<string, Set<string>>();
		for (const { path, property } of dropdowns(v2)) {
			const method = property.typeOptions!.loadOptionsMethod as string;
			const saved = v1Type.get(path);
			if (!expected.has(method)) expected.set(method, new Set());
			if (saved === 'number' || saved === 'string') expected.get(method)!.add(saved);
		}
		expect(expected.size).toBeGreaterThanOrEqual(14);
		for (const [method, types] of expected) {
			expect([method, types.size <= 1]).toEqual([method, true]);
			const options = await load(method);
			expect([method, options.length > 0]).toEqual([method, true]);
			const answered = new Set(options.map((option) => typeof option.value));
			expect([method, answered.size]).toEqual([method, 1]);
			if (types.size) expect([method, [...answered][0]]).toEqual([method, [...types][0]]);
		}
	});
});

describe('either/or inputs', () => {
	const find = (version: number, name: string, resource: string, operation: string) =>
		description(version).properties.filter(
			(p) => p.name === name && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation),
		);

	test('Close By shows only the chosen ID field in version 2; version 1 keeps both', () => {
		expect(find(2, 'openLineSession', 'openLineSession', 'close')[0].displayOptions?.show?.closeBy).toEqual(['sessionId']);
		expect(find(2, 'openLineChat', 'openLineSession', 'close')[0].displayOptions?.show?.closeBy).toEqual(['chatId']);
		expect(find(1, 'sessionId', 'openLineSession', 'close')[0].displayOptions?.show?.closeBy).toBeUndefined();
	});

	test('Close By Chat ID ignores a Session ID left behind', async () => {
		const chatId = Number(portal.emu.store.all('olSession')[0].CHAT_ID);
		const before = portal.emu.calls('imopenlines.dialog.get').length;
		const out = await portal.json({ resource: 'openLineSession', operation: 'close', closeBy: 'chatId', openLineChat: String(chatId), openLineSession: '999999' });
		expect(out[0]).toMatchObject({ chatId, closed: true });
		expect(out[0].sessionId).toBeUndefined();
		expect(portal.emu.calls('imopenlines.dialog.get').length).toBe(before);
		expect(lastCall('imopenlines.operator.another.finish')).toEqual({ CHAT_ID: chatId });
	});

	test('notification Delete By shows one input and sends only it', async () => {
		expect(find(2, 'TAG', 'notification', 'delete')[0].displayOptions?.show?.deleteBy).toEqual(['tag']);
		expect(find(2, 'ID', 'notification', 'delete')[0].displayOptions?.show?.deleteBy).toEqual(['id']);
		expect(find(1, 'deleteBy', 'notification', 'delete')).toHaveLength(0);
		await portal.json({ resource: 'notification', operation: 'delete', deleteBy: 'tag', TAG: 'order-17', ID: '42' });
		expect(lastCall('im.notify.delete')).toEqual({ TAG: 'order-17' });
		await expect(portal.json({ resource: 'notification', operation: 'delete', deleteBy: 'subTag', TAG: 'order-17' })).rejects.toThrow(/Sub Tag is required/);
	});

	test('a version 1 notification delete still sends what it saved', async () => {
		await portal.json({ resource: 'notification', operation: 'delete', ID: '', additionalFields: { TAG: 'order-18' } }, { typeVersion: 1 });
		expect(lastCall('im.notify.delete')).toEqual({ TAG: 'order-18' });
	});

	test('an external call names its user by ID or by internal number, never both', async () => {
		const register = { resource: 'call', operation: 'register', PHONE_NUMBER: '+15550100', TYPE: 2, USER_ID: '1', USER_PHONE_INNER: '101' };
		await portal.json({ ...register, identifyUserBy: 'innerNumber' }, { auth: 'oAuth2' });
		const sent = lastCall('telephony.externalCall.register');
		expect(sent).toMatchObject({ USER_PHONE_INNER: '101', PHONE_NUMBER: '+15550100' });
		expect(sent.USER_ID).toBeUndefined();
		expect(sent.identifyUserBy).toBeUndefined();
		await portal.json(register, { auth: 'oAuth2', typeVersion: 1 });
		expect(lastCall('telephony.externalCall.register')).toMatchObject({ USER_ID: '1', USER_PHONE_INNER: '101' });
	});
});
