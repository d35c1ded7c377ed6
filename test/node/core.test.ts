/** The node's contract: routing, continue-on-fail, pairing, input validation, Close Session, Call Method, Batch. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { allOperations } from '../../nodes/Bitrix24/registry';
import { startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { deals: 5, openlines: 3 } })));
afterAll(async () => await portal.stop());

describe.each([1, 2])('description of node version %i', (version) => {
	const { description } = new Bitrix24().getNodeType(version);
	test('is usable as a tool, has a subtitle and the three credentials', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toContain('$parameter["operation"]');
		expect(description.credentials?.map((c) => c.name)).toEqual(['bitrix24WebhookApi', 'bitrix24OAuth2Api', 'bitrix24ApiKeyApi']);
	});
	test('every operation has an action label and Title Case name', () => {
		const operations = description.properties.filter((p) => p.name === 'operation');
		for (const property of operations) {
			for (const option of (property.options ?? []) as Array<{ name: string; action?: string }>) {
				expect(option.action).toBeTruthy();
				expect(option.name).toMatch(/^[A-Z0-9]/);
			}
		}
	});
	test('a parameter name has one type across the node', () => {
		// n8n keeps a same-named value when the user switches operation, so the types must agree
		const types = new Map<string, Set<string>>();
		for (const property of description.properties) {
			if (property.type === 'notice') continue;
			if (!types.has(property.name)) types.set(property.name, new Set());
			types.get(property.name)?.add(property.type);
		}
		const conflicts = [...types].filter(([, set]) => set.size > 1).map(([name, set]) => `${name}: ${[...set].sort().join('/')}`);
		expect(conflicts).toEqual([]);
	});
});

describe('versions', () => {
	const operationValues = (version: number) =>
		new Bitrix24()
			.getNodeType(version)
			.description.properties.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${p.displayOptions!.show!.resource![0] as string}.${o.value}`));
	test('version 1 lists the 558 operations its workflows were saved with; newer ones are version 2 only', () => {
		expect(operationValues(1)).toHaveLength(558);
		expect(operationValues(2).length).toBeGreaterThan(900);
	});
	test('version 2 is the default and saves no list operation as getAll', () => {
		expect(new Bitrix24().description.defaultVersion).toBe(2);
		expect(operationValues(2).filter((v) => v.endsWith('.getAll'))).toEqual([]);
	});
	test('version 1 keeps the nine getAll values its workflows saved', () => {
		const v1 = operationValues(1).filter((v) => v.endsWith('.getAll'));
		expect(v1.sort()).toEqual(
			['bot', 'botCommand', 'callStatistic', 'connector', 'externalLine', 'notification', 'openLineConfig', 'recent', 'telephonyLine'].map((r) => `${r}.getAll`),
		);
		// operations added in version 2 (Find by Phone or Email, Create or Update) are not in version 1
		const added = allOperations().filter(({ op }) => (op.since ?? 1) > 1).map(({ resource, op }) => `${resource.value}.${op.value}`);
		expect(added.length).toBeGreaterThan(0);
		expect(operationValues(1)).toHaveLength(operationValues(2).length - added.length);
		expect(operationValues(1).filter((value) => added.includes(value))).toEqual([]);
	});
	test('a version 1 workflow listing with getAll still runs', async () => {
		const saved = { resource: 'openLineConfig', operation: 'getAll', returnAll: true };
		const rows = await portal.json(saved, { typeVersion: 1 });
		expect(rows.length).toBeGreaterThan(0);
		expect(rows[0].ID).toBeDefined();
		await expect(portal.json(saved)).rejects.toThrow(/operation "getAll"/);
	});
});

describe('continue-on-fail', () => {
	const items = [{ id: 1 }, { id: 999999 }, { id: 3 }];
	const get = { resource: 'deal', operation: 'get', deal: '={{ $json.id }}' };

	test('a failed item becomes an error item paired to its input; the others succeed', async () => {
		const out = await portal.run(get, { items, continueOnFail: true });
		expect(out).toHaveLength(3);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.ID).toBe('1');
		expect(out[2].json.ID).toBe('3');
		const error = out[1].json;
		expect(error).toMatchObject({ code: 'NOT_FOUND', resource: 'deal', operation: 'get' });
		expect(typeof error.error).toBe('string');
		expect(new Date(error.timestamp as string).toISOString()).toBe(error.timestamp);
		expect(error.ID).toBeUndefined();
	});

	test('without it the node stops naming the failing item', async () => {
		const error = (await portal.run(get, { items }).catch((e: unknown) => e)) as { context: IDataObject; message: string };
		expect(error.context.itemIndex).toBe(1);
		expect(error.message).toMatch(/not found/i);
	});

	test('writes across items go out as one batch; one bad item fails only itself', async () => {
		const before = portal.emu.calls('batch').length;
		const out = await portal.run(
			{ resource: 'deal', operation: 'update', deal: '={{ $json.id }}', updateFields: { TITLE: '={{ "Renamed " + $json.id }}' } },
			{ items: [{ id: 1 }, { id: 888888 }, { id: 2 }], continueOnFail: true },
		);
		expect(portal.emu.calls('batch').length - before).toBe(1);
		expect(portal.emu.subCalls('crm.deal.update').slice(-3).map((c) => (c.params as IDataObject).id)).toEqual(['1', '888888', '2']);
		expect(out.map((o) => o.json.updated ?? o.json.code)).toEqual([true, 'NOT_FOUND', true]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(portal.emu.store.get('deal', 2)!.TITLE).toBe('Renamed 2');
	});

	test('Get Many pairs every record with its input item', async () => {
		const out = await portal.run({ resource: 'deal', operation: 'getMany', limit: 2 }, { items: [{}, {}] });
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
	});
});

describe('Filter and Sort (JSON)', () => {
	const many = (listOptions: IDataObject): INodeParameters => ({ resource: 'deal', operation: 'getMany', returnAll: true, listOptions: listOptions as INodeParameters });

	test('are sent as filter and order', async () => {
		const out = await portal.json(many({ filter: '{"STAGE_ID": "NEW"}', sort: '{"ID": "DESC"}', select: 'ID, TITLE, STAGE_ID' }));
		const call = portal.emu.calls('crm.deal.list').pop()!;
		expect(call.params).toMatchObject({ filter: { STAGE_ID: 'NEW' }, order: { ID: 'DESC' }, select: ['ID', 'TITLE', 'STAGE_ID'], start: 0 });
		for (const deal of out) expect(deal.STAGE_ID).toBe('NEW');
	});

	test.each([
		['filter', '{STAGE_ID: NEW}', /Filter \(JSON\) is not valid JSON \[item 1\]/, /e\.g\./],
		['filter', '[1, 2]', /Filter \(JSON\) must be a JSON object, not an array \[item 1\]/, /e\.g\./],
		['sort', '{"ID": "UP"}', /Sort \(JSON\) has an invalid direction "UP" for "ID" \[item 1\]/, /ASC/],
	])('a bad %s %j fails with a clear error naming the option and the item', async (option, bad, message, description) => {
		const parameters = many({ [option]: '={{ $json.value }}' });
		const items = [{ value: '{}' }, { value: bad }];
		const error = (await portal.run(parameters, { items }).catch((e: unknown) => e)) as { message: string; description: string; context: IDataObject };
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(description);
		expect(error.context.itemIndex).toBe(1);
		const out = await portal.run(parameters, { items, continueOnFail: true });
		const failed = out.filter((o) => o.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(failed[0].json).toMatchObject({ resource: 'deal', operation: 'getMany' });
	});
});

describe('Open Lines: Close Session', () => {
	// version 2 names the session with a locator; version 1 saved a plain number under sessionId
	const close = (sessionId: number) => ({ resource: 'openLineSession', operation: 'close', closeBy: 'sessionId', openLineSession: { __rl: true, mode: 'id', value: String(sessionId) } });
	const closeV1 = (sessionId: number) => ({ resource: 'openLineSession', operation: 'close', closeBy: 'sessionId', sessionId });

	test('an open session is closed through its chat; then closing it again and an unknown session are distinct failures', async () => {
		const session = portal.emu.store.all('olSession')[0];
		const sessionId = Number(session.ID);
		const chatId = Number(session.CHAT_ID);
		const start = portal.emu.log.length;
		const [closed] = await portal.json(closeV1(sessionId), { typeVersion: 1 });
		expect(closed).toEqual({ sessionId, chatId, closed: true, method: 'imopenlines.operator.another.finish' });
		const calls = portal.emu.log.slice(start).map((entry) => [entry.method, entry.params, entry.status]);
		expect(calls).toEqual([
			['imopenlines.dialog.get', { SESSION_ID: sessionId }, 200],
			['imopenlines.operator.another.finish', { CHAT_ID: chatId }, 200],
		]);
		expect(portal.emu.log.some((entry) => /imopenlines\.session\.(close|finish)/.test(entry.method))).toBe(false);

		const [again, unknown] = await portal.json(close(sessionId), { continueOnFail: true, items: [{}] }).then(async (a) => [
			a[0],
			(await portal.json(close(987654), { continueOnFail: true }))[0],
		]);
		// each case says which it is and names the session
		expect(again).toMatchObject({ error: `Session ${sessionId} is already closed [item 0]`, code: 'ACCESS_DENIED' });
		expect(unknown).toMatchObject({ error: 'Session 987654 was not found [item 0]', code: 'ACCESS_DENIED' });
		const closedAgain = (await portal.run(close(sessionId)).catch((e: unknown) => e)) as { description: string; context: IDataObject };
		expect(closedAgain.description).toMatch(new RegExp(`chat ${chatId} has no open session left to finish`));
		expect(closedAgain.context.itemIndex).toBe(0);
		const [byChat] = await portal.json({ resource: 'openLineSession', operation: 'close', closeBy: 'chatId', openLineChat: String(chatId) }, { continueOnFail: true });
		expect(byChat.error).toBe(`Chat ${chatId} has no open session to close [item 0]`);
	});

	test('a session that is no longer the chat\'s current one is not closed', async () => {
		const session = portal.emu.store.all('olSession')[1];
		const chatId = Number(session.CHAT_ID);
		await portal.json({ resource: 'openLineSession', operation: 'close', closeBy: 'chatId', openLineChat: { __rl: true, mode: 'list', value: String(chatId) } });
		await portal.json({ resource: 'openLineSession', operation: 'start', openLineChat: chatId });
		const finishes = portal.emu.calls('imopenlines.operator.another.finish').length;
		const [out] = await portal.json(close(Number(session.ID)), { continueOnFail: true });
		expect(out.error).toMatch(/already closed/);
		expect(portal.emu.calls('imopenlines.operator.another.finish').length).toBe(finishes);
	});

	test('by Chat ID, as the current operator', async () => {
		const session = portal.emu.store.all('olSession')[2];
		const out = await portal.json({ resource: 'openLineSession', operation: 'close', closeBy: 'chatId', openLineChat: String(session.CHAT_ID), asCurrentOperator: true }, { continueOnFail: true });
		const call = portal.emu.calls('imopenlines.operator.finish').pop()!;
		expect(call.params).toEqual({ CHAT_ID: Number(session.CHAT_ID) });
		expect(out).toEqual([{ chatId: Number(session.CHAT_ID), closed: true, method: 'imopenlines.operator.finish' }]);
	});
});

describe('Call Method and Batch', () => {
	test('Call Method sends any method through the helper and splits list results into items', async () => {
		const out = await portal.json({ resource: 'system', operation: 'callMethod', methodName: 'crm.deal.list', parameters: '{"filter": {"<=ID": 2}, "order": {"ID": "ASC"}}' });
		expect(out.map((d) => d.ID)).toEqual(['1', '2']);
		expect(portal.emu.calls('crm.deal.list').pop()!.params).toMatchObject({ filter: { '<=ID': 2 } });
	});

	test('an unknown method surfaces 404 with a hint', async () => {
		const error = (await portal.run({ resource: 'system', operation: 'callMethod', methodName: 'imopenlines.session.close', parameters: '{"SESSION_ID": 1}' }).catch((e: unknown) => e)) as {
			message: string;
			description: string;
			httpCode: string;
		};
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Bitrix24 imopenlines.session.close: Method not found! [ERROR_METHOD_NOT_FOUND]');
		expect(error.description).toMatch(/no method by this name/);
	});

	test('a method name with a URL in it is refused before sending', async () => {
		const [out] = await portal.json({ resource: 'system', operation: 'callMethod', methodName: 'https://x/rest/crm.deal.get', parameters: '{}' }, { continueOnFail: true });
		expect(out.error).toMatch(/is not a Bitrix24 method name/);
	});

	test('Batch runs named commands with references and returns per-command results and errors', async () => {
		const out = await portal.json({
			resource: 'system',
			operation: 'batch',
			commands: JSON.stringify({ first: 'crm.deal.get?id=1', same: { method: 'crm.deal.get', params: { id: '$result[first][ID]' } }, broken: 'crm.deal.get?id=424242' }),
			halt: false,
		});
		expect(out.map((o) => o.command)).toEqual(['first', 'same', 'broken']);
		expect((out[1].result as IDataObject).ID).toBe('1');
		expect(out[2].error).toBeDefined();
		expect(portal.emu.calls('batch').length).toBeGreaterThan(0);
	});

	test('Batch refuses more than 50 commands before sending', async () => {
		const commands = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 'server.time']));
		const [out] = await portal.json({ resource: 'system', operation: 'batch', commands: JSON.stringify(commands) }, { continueOnFail: true });
		expect(out.error).toMatch(/1 to 50 commands, not 51/);
	});
});

describe('CRM fields', () => {
	test('multifields and custom fields go into fields as Bitrix24 expects, and update by value ID', async () => {
		const [created] = await portal.json({
			resource: 'contact',
			operation: 'create',
			NAME: 'Ada',
			additionalFields: { LAST_NAME: 'Lovelace', OPENED: true },
			multifields: { phone: [{ value: '+4420123', valueType: 'MOBILE' }], email: [{ value: 'ada@example.com', valueType: 'WORK' }] },
			customFields: { field: [{ name: 'UF_CRM_NOTE', value: 'first' }, { name: 'UF_CRM_TAGS', value: '["a", "b"]' }] },
		});
		const add = portal.emu.calls('crm.contact.add').pop()!.params as IDataObject;
		expect(add).toEqual({
			fields: {
				NAME: 'Ada',
				LAST_NAME: 'Lovelace',
				OPENED: 'Y',
				PHONE: [{ VALUE: '+4420123', VALUE_TYPE: 'MOBILE' }],
				EMAIL: [{ VALUE: 'ada@example.com', VALUE_TYPE: 'WORK' }],
				UF_CRM_NOTE: 'first',
				UF_CRM_TAGS: ['a', 'b'],
				// the idempotency key of a version 2 create (test/node/idempotency.test.ts)
				ORIGINATOR_ID: 'n8n',
				ORIGIN_ID: expect.stringMatching(/^n8n-[0-9a-f]{40}$/),
			},
		});
		const stored = portal.emu.store.get('contact', Number(created.id))!;
		const phoneId = (stored.PHONE as IDataObject[])[0].ID;
		await portal.json({
			resource: 'contact',
			operation: 'update',
			contact: String(created.id),
			multifields: { phone: [{ id: String(phoneId), value: '+4420999', valueType: 'WORK' }], email: [{ id: String((stored.EMAIL as IDataObject[])[0].ID), delete: true }] },
		});
		const after = portal.emu.store.get('contact', Number(created.id))!;
		expect((after.PHONE as IDataObject[]).map((p) => p.VALUE)).toEqual(['+4420999']);
		expect(after.EMAIL ?? []).toEqual([]);
	});

	test('a custom field name that is not UF_* is refused with a hint', async () => {
		const [out] = await portal.json({ resource: 'deal', operation: 'create', TITLE: 'x', customFields: { field: [{ name: 'TITLE', value: 'y' }] } }, { continueOnFail: true });
		expect(out.error).toMatch(/"TITLE" is not a custom field name/);
	});
});

test('secret inputs are masked: SIP line password, workflow event token, bot token', () => {
	const properties = new Bitrix24().getNodeType(2).description.properties;
	const masked = (resource: string, operation: string, name: string, collection?: string) => {
		const shown = properties.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));
		const holder = collection ? (shown.find((p) => p.name === collection)?.options as Array<{ name: string; typeOptions?: object }> | undefined) : shown;
		return { resource, operation, name, typeOptions: holder?.find((p) => p.name === name)?.typeOptions };
	};
	for (const [resource, operation, name, collection] of [
		['sipLine', 'create', 'PASSWORD', 'additionalFields'],
		['sipLine', 'update', 'PASSWORD', 'updateFields'],
		['workflowActivity', 'sendResult', 'EVENT_TOKEN'],
		['workflowActivity', 'log', 'EVENT_TOKEN'],
		['automationRule', 'sendResult', 'EVENT_TOKEN'],
		['bot', 'register', 'botToken'],
		['botMessage', 'send', 'botToken'],
	]) {
		expect(masked(resource, operation, name, collection)).toEqual({ resource, operation, name, typeOptions: { password: true } });
	}
});
