/** Create/Update → Return Whole Record (node version 2): one batched get for all written records. */
import type { IDataObject } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { measure, startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { deals: 5, users: 3 } })));
afterAll(async () => await portal.stop());

const measured = async (run: () => Promise<IDataObject[]>) => await measure(portal, run);

const items = (n: number) => Array.from({ length: n }, (_, k) => ({ n: k + 1 }));

test('50 deals created with Return Whole Record: one batch of adds, one batch of gets, whole records out', async () => {
	const { output, http, commands } = await measured(
		async () => await portal.json({ resource: 'deal', operation: 'create', TITLE: '={{ "Whole " + $json.n }}', additionalFields: { OPPORTUNITY: 10 }, returnWholeRecord: true }, { items: items(50) }),
	);
	expect(http.map((entry) => entry.method)).toEqual(['batch', 'batch']);
	expect(commands.filter((entry) => entry.method === 'crm.deal.add')).toHaveLength(50);
	const gets = commands.filter((entry) => entry.method === 'crm.deal.get');
	expect(gets).toHaveLength(50);
	expect(output).toHaveLength(50);
	output.forEach((record, k) => {
		expect(record).toMatchObject({ TITLE: `Whole ${k + 1}`, OPPORTUNITY: expect.anything(), STAGE_ID: expect.any(String), DATE_CREATE: expect.any(String) });
		expect((gets[k].params as IDataObject).id).toBe(String(record.ID));
		expect(Number(record.OPPORTUNITY)).toBe(10);
	});
});

test('without the option Create answers {id} in one call', async () => {
	const { output, http } = await measured(async () => await portal.json({ resource: 'deal', operation: 'create', TITLE: '={{ "Plain " + $json.n }}' }, { items: items(3) }));
	expect(http.map((entry) => entry.method)).toEqual(['batch']);
	expect(output).toEqual([{ id: expect.anything() }, { id: expect.anything() }, { id: expect.anything() }]);
	const ids = output.map((item) => item.id);
	for (const id of ids) expect(typeof id).toBe('number');
	expect(new Set(ids).size).toBe(3);
	// each id is the stored deal of its item
	const byId = new Map(portal.emu.store.all('deal').map((deal) => [Number(deal.ID), deal.TITLE]));
	expect(ids.map((id) => byId.get(id as number))).toEqual(['Plain 1', 'Plain 2', 'Plain 3']);
});

test('Update returns the changed records; a failed update is not read back', async () => {
	const { output, commands } = await measured(
		async () =>
			await portal.json(
				{ resource: 'deal', operation: 'update', deal: '={{ $json.id }}', updateFields: { TITLE: 'Renamed' }, returnWholeRecord: true },
				{ items: [{ id: 1 }, { id: 999999 }, { id: 2 }], continueOnFail: true },
			),
	);
	expect(output[0]).toMatchObject({ ID: '1', TITLE: 'Renamed' });
	expect(output[1]).toMatchObject({ error: expect.any(String) });
	// the failure is the update of item 1 (batch key i1), not a read-back; the message does not name ID 999999 yet
	expect(output[1]).toEqual({ error: expect.stringMatching(/crm\.deal\.update \(batch command i1\): .*\[NOT_FOUND\]$/), code: 'NOT_FOUND', resource: 'deal', operation: 'update', timestamp: expect.any(String) });
	expect(output[2]).toMatchObject({ ID: '2', TITLE: 'Renamed' });
	expect(commands.filter((entry) => entry.method === 'crm.deal.get').map((entry) => (entry.params as IDataObject).id)).toEqual(['1', '2']);
});

test('a record saved but not readable fails its item with its ID and the advice not to run it again', async () => {
	portal.emu.faults.inject({ kind: 'batchCommandError', method: 'crm.deal.get', batchKey: 'i1', error: 'ACCESS_DENIED', description: 'Access denied', times: 1 });
	const { output } = await measured(
		async () => await portal.json({ resource: 'deal', operation: 'create', TITLE: 'Unreadable', returnWholeRecord: true }, { items: items(2), continueOnFail: true }),
	);
	expect(output[0]).toMatchObject({ TITLE: 'Unreadable' });
	expect(output[1].error).toMatch(/^The record was saved \(ID \d+\), but crm\.deal\.get could not read it back \[item 1\]/);
});

test('CRM items keep their entity type; tasks read back with tasks.task.get', async () => {
	const item = await measured(async () => await portal.json({ resource: 'crmItem', operation: 'create', entityTypeId: 2, fields: '{"title": "Item whole"}', returnWholeRecord: true }));
	expect(item.output).toEqual([expect.objectContaining({ title: 'Item whole', stageId: 'NEW' })]);
	expect(item.commands).toEqual([]);
	expect(item.http.map((entry) => [entry.method, entry.params])).toEqual([
		['crm.item.add', { entityTypeId: 2, fields: expect.objectContaining({ title: 'Item whole' }) }],
		['crm.item.get', { entityTypeId: 2, id: item.output[0].id }],
	]);
	const task = await measured(async () => await portal.json({ resource: 'task', operation: 'create', TITLE: 'Task whole', RESPONSIBLE_ID: '1', returnWholeRecord: true }));
	expect(task.http.map((entry) => entry.method)).toEqual(['tasks.task.add', 'tasks.task.get']);
	expect(task.output).toEqual([expect.objectContaining({ title: 'Task whole', id: expect.anything() })]);
});

test('version 2 offers the option on Create, Update and Create or Update only; version 1 does not have it', () => {
	const options = (version: number) =>
		new Bitrix24()
			.getNodeType(version)
			.description.properties.filter((property) => property.name === 'returnWholeRecord')
			.map((property) => `${property.displayOptions!.show!.resource![0] as string}.${property.displayOptions!.show!.operation![0] as string}`);
	expect(options(1)).toEqual([]);
	for (const key of ['deal.create', 'deal.update', 'lead.create', 'contact.update', 'company.create', 'quote.update', 'crmItem.create', 'invoice.update', 'task.create', 'task.update', 'contact.upsert']) {
		expect(options(2)).toContain(key);
	}
	expect(options(2).filter((key) => !/\.(create|update|upsert)$/.test(key))).toEqual([]);
});
