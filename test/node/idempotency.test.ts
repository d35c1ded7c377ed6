/**
 * Creates that never duplicate (node version 2): each create carries a key in ORIGINATOR_ID/ORIGIN_ID
 * (originatorId/originId for crm.item); after an ambiguous failure the keys are looked up and only the
 * missing creates are sent again; Skip looks the keys up first. The emulator's after-commit faults apply
 * the write and then lose the answer (500, reset, stall).
 */
import type { IDataObject } from 'n8n-workflow';

import { measure, startPortal } from '../helpers/portal';
import type { Portal } from '../helpers/portal';
import type { Fault } from '../emulator/types';

let portal: Portal;
beforeAll(async () => (portal = await startPortal({ seed: { users: 2 } })));
afterAll(async () => await portal.stop());
afterEach(() => portal.emu.faults.clear());

const KEY = /^n8n-[0-9a-f]{40}$/;
const deals = () => portal.emu.store.all('deal');
const withTitle = (prefix: string) => deals().filter((deal) => String(deal.TITLE).startsWith(prefix));
const dealCreate = (extra: IDataObject = {}) => ({ resource: 'deal', operation: 'create', TITLE: '={{ $json.title }}', ...extra });
const titles = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => ({ title: `${prefix} ${k}` }));

/** The after-commit faults: the record is written, the answer is lost. */
const AFTER_COMMIT: Array<[string, Omit<Fault, 'method'>]> = [
	['500', { kind: 'status', status: 500, commit: true }],
	['reset', { kind: 'reset', commit: true }],
	['stall (504 after the wait)', { kind: 'stall', delayMs: 100 }],
];
/** Takes one request without changing it: lines later faults up with the request they are meant for. */
const pass = (times = 1): Fault => ({ method: 'batch', kind: 'delay', delayMs: 0, times });

describe('after-commit faults on a single create', () => {
	test.each(AFTER_COMMIT)('%s: one record; the item is reconciled to it by its key', async (_name, fault) => {
		const prefix = `Single ${fault.kind}`;
		portal.emu.faults.inject({ method: 'crm.deal.add', ...fault });
		const { output, http } = await measure(portal, async () => await portal.json(dealCreate(), { items: titles(prefix, 1) }));
		expect(http.map((entry) => [entry.method, entry.status])).toEqual([
			['crm.deal.add', fault.kind === 'status' ? 500 : fault.kind === 'reset' ? 0 : 504],
			['crm.deal.list', 200],
		]);
		const sent = http[0].params as { fields: IDataObject };
		expect(sent.fields).toEqual({ TITLE: `${prefix} 0`, ORIGINATOR_ID: 'n8n', ORIGIN_ID: expect.stringMatching(KEY) });
		expect((http[1].params as IDataObject).filter).toEqual({ '=ORIGINATOR_ID': 'n8n', '=ORIGIN_ID': sent.fields.ORIGIN_ID });
		const stored = withTitle(prefix);
		expect(stored).toHaveLength(1);
		expect(stored[0].ORIGIN_ID).toBe(sent.fields.ORIGIN_ID);
		expect(output).toEqual([{ id: Number(stored[0].ID), reconciled: true }]);
	});

	test('with Return Whole Record the reconciled item is the whole record, still marked', async () => {
		portal.emu.faults.inject({ method: 'crm.deal.add', kind: 'status', status: 500, commit: true });
		const { output, http } = await measure(portal, async () => await portal.json(dealCreate({ returnWholeRecord: true }), { items: titles('Whole', 1) }));
		expect(http.map((entry) => entry.method)).toEqual(['crm.deal.add', 'crm.deal.list', 'crm.deal.get']);
		const [stored] = withTitle('Whole');
		expect((http[2].params as IDataObject).id).toBe(Number(stored.ID));
		expect(output).toEqual([expect.objectContaining({ ID: String(stored.ID), TITLE: 'Whole 0', ORIGINATOR_ID: 'n8n', ORIGIN_ID: stored.ORIGIN_ID, reconciled: true })]);
	});

	test('a create that never reached the portal (reset before the write) is sent once more: one record, resent', async () => {
		portal.emu.faults.inject({ method: 'crm.deal.add', kind: 'reset', commit: false });
		const { output, http } = await measure(portal, async () => await portal.json(dealCreate(), { items: titles('Lost once', 1) }));
		expect(http.map((entry) => [entry.method, entry.status])).toEqual([
			['crm.deal.add', 0],
			['crm.deal.list', 200],
			['crm.deal.add', 200],
		]);
		// the same key both times
		expect((http[2].params as { fields: IDataObject }).fields.ORIGIN_ID).toBe((http[0].params as { fields: IDataObject }).fields.ORIGIN_ID);
		const stored = withTitle('Lost once');
		expect(stored).toHaveLength(1);
		expect(output).toEqual([{ id: Number(stored[0].ID), resent: true }]);
	});
});

describe('after-commit faults on batched creates', () => {
	test.each(AFTER_COMMIT)('%s on the first of two batches (60 items): exactly one record per item, 50 reconciled', async (_name, fault) => {
		const prefix = `Batch ${fault.kind}`;
		portal.emu.faults.inject({ method: 'batch', ...fault });
		const { output, http, commands } = await measure(portal, async () => await portal.json(dealCreate(), { items: titles(prefix, 60) }));
		// adds (50, answer lost), adds (10), one lookup batch for the 50
		expect(http.map((entry) => entry.method)).toEqual(['batch', 'batch', 'batch']);
		expect(commands.filter((entry) => entry.method === 'crm.deal.add')).toHaveLength(60);
		expect(commands.filter((entry) => entry.method === 'crm.deal.list')).toHaveLength(50);
		const stored = withTitle(prefix);
		expect(stored).toHaveLength(60);
		const byTitle = new Map(stored.map((deal) => [deal.TITLE, deal]));
		expect(byTitle.size).toBe(60);
		expect(new Set(stored.map((deal) => deal.ORIGIN_ID)).size).toBe(60);
		output.forEach((item, k) => {
			const deal = byTitle.get(`${prefix} ${k}`)!;
			expect(item).toEqual(k < 50 ? { id: Number(deal.ID), reconciled: true } : { id: Number(deal.ID) });
			expect(deal).toMatchObject({ ORIGINATOR_ID: 'n8n', ORIGIN_ID: expect.stringMatching(KEY) });
		});
	});

	test('a batch lost before it ran: the lookup finds none, all 50 are sent once more (resent), none twice', async () => {
		portal.emu.faults.inject({ method: 'batch', kind: 'reset', commit: false });
		const { output, http, commands } = await measure(portal, async () => await portal.json(dealCreate(), { items: titles('Unsent batch', 50) }));
		expect(http.map((entry) => [entry.method, entry.status])).toEqual([
			['batch', 0],
			['batch', 200],
			['batch', 200],
		]);
		expect(commands.map((entry) => entry.method)).toEqual([...Array(50).fill('crm.deal.list'), ...Array(50).fill('crm.deal.add')]);
		const stored = withTitle('Unsent batch');
		expect(stored).toHaveLength(50);
		expect(output.every((item) => item.resent === true && typeof item.id === 'number')).toBe(true);
		expect(new Set(output.map((item) => item.id)).size).toBe(50);
	});

	test('identical items get two records and two keys; a retry in the same execution derives the same keys, another execution others', async () => {
		const items = [{ title: 'Twin' }, { title: 'Twin' }];
		const first = await measure(portal, async () => await portal.json(dealCreate(), { items, executionId: 'exec-twin-1' }));
		const retry = await measure(portal, async () => await portal.json(dealCreate(), { items, executionId: 'exec-twin-1' }));
		const other = await measure(portal, async () => await portal.json(dealCreate(), { items, executionId: 'exec-twin-2' }));
		const keys = (run: typeof first) => run.commands.map((entry) => (entry.params as { fields: IDataObject }).fields.ORIGIN_ID);
		expect(new Set(keys(first)).size).toBe(2);
		expect(keys(retry)).toEqual(keys(first));
		expect(keys(other).filter((key) => keys(first).includes(key))).toEqual([]);
		expect(withTitle('Twin')).toHaveLength(6);
	});

	test('a create lost before it ran is not matched to an identical record an earlier execution made: it is sent again', async () => {
		await portal.json(dealCreate(), { items: titles('Daily', 1), executionId: 'exec-daily-1' });
		portal.emu.faults.inject({ method: 'crm.deal.add', kind: 'reset', commit: false });
		const { output, http } = await measure(portal, async () => await portal.json(dealCreate(), { items: titles('Daily', 1), executionId: 'exec-daily-2' }));
		expect(http.map((entry) => [entry.method, entry.status])).toEqual([
			['crm.deal.add', 0],
			['crm.deal.list', 200],
			['crm.deal.add', 200],
		]);
		const stored = withTitle('Daily');
		expect(stored).toHaveLength(2);
		expect(output).toEqual([{ id: Math.max(...stored.map((deal) => Number(deal.ID))), resent: true }]);
	});
});

describe('Skip If a Record With This Key Exists', () => {
	test('a re-run of the same 60 items creates nothing and returns the existing IDs; two lookup batches, no adds', async () => {
		const params = dealCreate({ idempotency: { skipExisting: true } });
		const first = await portal.json(params, { items: titles('Skip rerun', 60) });
		expect(first.every((item) => typeof item.id === 'number' && item.skipped === undefined)).toBe(true);
		const before = deals().length;
		const { output, http, commands } = await measure(portal, async () => await portal.json(params, { items: titles('Skip rerun', 60) }));
		expect(deals()).toHaveLength(before);
		expect(http.map((entry) => entry.method)).toEqual(['batch', 'batch']);
		expect(commands.map((entry) => entry.method)).toEqual(Array(60).fill('crm.deal.list'));
		expect(output).toEqual(first.map((item) => ({ id: item.id, skipped: true })));
	});

	test('a named key: items sharing it create one record; the key is ORIGIN_ID; a key set in the fields wins', async () => {
		const params = dealCreate({ idempotency: { key: '={{ $json.orderId }}', skipExisting: true } });
		const { output, commands } = await measure(
			portal,
			async () => await portal.json(params, { items: [{ title: 'Order A', orderId: 'ord-1' }, { title: 'Order A again', orderId: 'ord-1' }, { title: 'Order B', orderId: 'ord-2' }] }),
		);
		expect(commands.filter((entry) => entry.method === 'crm.deal.list').map((entry) => (entry.params as IDataObject).filter)).toEqual([
			{ '=ORIGINATOR_ID': 'n8n', '=ORIGIN_ID': 'ord-1' },
			{ '=ORIGINATOR_ID': 'n8n', '=ORIGIN_ID': 'ord-2' },
		]);
		const adds = commands.filter((entry) => entry.method === 'crm.deal.add');
		expect(adds.map((entry) => (entry.params as { fields: IDataObject }).fields.ORIGIN_ID)).toEqual(['ord-1', 'ord-2']);
		const [a, b] = [withTitle('Order A'), withTitle('Order B')];
		expect(a).toHaveLength(1);
		expect(b).toHaveLength(1);
		expect(output).toEqual([{ id: Number(a[0].ID) }, { id: Number(a[0].ID), skipped: true }, { id: Number(b[0].ID) }]);

		const own = await measure(
			portal,
			async () =>
				await portal.json(
					dealCreate({
						idempotency: { key: 'ignored', skipExisting: true },
						columns: { mappingMode: 'defineBelow', value: { ORIGIN_ID: 'ord-2', ORIGINATOR_ID: 'shop' }, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false },
					}),
					{ items: [{ title: 'Order B from the shop' }] },
				),
		);
		// one item: the lookup and the add go as plain calls (after the mapper's metadata batch)
		const sent = own.http.filter((entry) => entry.method.startsWith('crm.deal.'));
		expect(sent.map((entry) => entry.method)).toEqual(['crm.deal.list', 'crm.deal.add']);
		expect((sent[0].params as IDataObject).filter).toEqual({ '=ORIGINATOR_ID': 'shop', '=ORIGIN_ID': 'ord-2' });
		// another source's ord-2 is another record
		expect(portal.emu.store.all('deal').filter((deal) => deal.ORIGINATOR_ID === 'shop')).toEqual([expect.objectContaining({ ORIGIN_ID: 'ord-2', TITLE: 'Order B from the shop' })]);
		expect(own.output).toEqual([{ id: expect.any(Number) }]);
	});

	test('an execution that failed after a lost answer, run again with Skip: exactly one record per item', async () => {
		const params = dealCreate({ idempotency: { skipExisting: true } });
		const items = titles('Rerun execution', 60);
		// lookups (50, 10) pass, the first add batch loses its answer, the second passes, the reconciling lookup is refused
		portal.emu.faults.inject(pass(2));
		portal.emu.faults.inject({ method: 'batch', kind: 'status', status: 500, commit: true });
		portal.emu.faults.inject(pass());
		portal.emu.faults.inject({ method: 'batch', kind: 'status', status: 403, error: 'ACCESS_DENIED', description: 'Access denied' });
		await expect(portal.json(params, { items })).rejects.toMatchObject({
			context: expect.objectContaining({ bitrixCode: 'OUTCOME_UNKNOWN' }),
			description: expect.stringMatching(/^Bitrix24 may hold this record: look it up with Get Many, filter \{"ORIGIN_ID": "n8n-[0-9a-f]{40}"\} \(crm\.deal\.list\)\. Running the item again with Idempotency/),
		});
		expect(portal.emu.faults.pending()).toEqual([]);
		expect(withTitle('Rerun execution')).toHaveLength(60);

		const { output, commands } = await measure(portal, async () => await portal.json(params, { items }));
		expect(commands.filter((entry) => entry.method === 'crm.deal.add')).toHaveLength(0);
		const stored = withTitle('Rerun execution');
		expect(stored).toHaveLength(60);
		expect(output.map((item) => item.id).sort()).toEqual(stored.map((deal) => Number(deal.ID)).sort());
		expect(output.every((item) => item.skipped === true)).toBe(true);
	});
});

describe('crm.item.add', () => {
	test('a deal through crm.item.add, answer lost after the write: reconciled to the whole item by originId', async () => {
		portal.emu.faults.inject({ method: 'crm.item.add', kind: 'reset', commit: true });
		const { output, http } = await measure(
			portal,
			async () => await portal.json({ resource: 'crmItem', operation: 'create', entityTypeId: 2, fields: '{"title": "Item reset"}' }),
		);
		expect(http.map((entry) => entry.method)).toEqual(['crm.item.add', 'crm.item.list']);
		const sent = http[0].params as { fields: IDataObject };
		expect(sent.fields).toEqual({ title: 'Item reset', originatorId: 'n8n', originId: expect.stringMatching(KEY) });
		// oldest first: the record the lost answer was for
		expect(http[1].params).toEqual({ entityTypeId: 2, filter: { '=originatorId': 'n8n', '=originId': sent.fields.originId }, order: { id: 'ASC' } });
		const stored = withTitle('Item reset');
		expect(stored).toHaveLength(1);
		expect(output).toEqual([expect.objectContaining({ id: Number(stored[0].ID), title: 'Item reset', originId: sent.fields.originId, reconciled: true })]);
	});

	test('an ORIGIN_ID of the user\'s own in the item fields is the key: no originId is added, the lookup filters by it', async () => {
		const fields = '{"title": "Item own key", "ORIGIN_ID": "erp-7"}';
		const params = { resource: 'crmItem', operation: 'create', entityTypeId: 2, fields, idempotency: { skipExisting: true } };
		const first = await measure(portal, async () => await portal.json(params));
		expect(first.http.map((entry) => entry.method)).toEqual(['crm.item.list', 'crm.item.add']);
		expect((first.http[0].params as IDataObject).filter).toEqual({ '=originatorId': 'n8n', '=originId': 'erp-7' });
		expect((first.http[1].params as { fields: IDataObject }).fields).toEqual({ title: 'Item own key', ORIGIN_ID: 'erp-7', originatorId: 'n8n' });
		const again = await portal.json(params);
		expect(withTitle('Item own key')).toHaveLength(1);
		expect(again).toEqual([expect.objectContaining({ id: first.output[0].id, skipped: true })]);
	});
});

describe('creates without a key', () => {
	test('a quote (no external key documented): still OUTCOME_UNKNOWN, no lookup, the hint says how to check', async () => {
		portal.emu.faults.inject({ method: 'crm.quote.add', kind: 'status', status: 500, commit: true });
		const { output, http } = await measure(
			portal,
			async () => await portal.json({ resource: 'quote', operation: 'create', TITLE: 'Quote lost' }, { continueOnFail: true }),
		);
		expect(http.map((entry) => entry.method)).toEqual(['crm.quote.add']);
		expect((http[0].params as { fields: IDataObject }).fields.ORIGIN_ID).toBeUndefined();
		expect(output).toEqual([expect.objectContaining({ code: 'OUTCOME_UNKNOWN' })]);
		portal.emu.faults.inject({ method: 'crm.quote.add', kind: 'status', status: 500, commit: true });
		await expect(portal.json({ resource: 'quote', operation: 'create', TITLE: 'Quote lost' })).rejects.toMatchObject({
			description: expect.stringContaining('this create carried no key to look the record up by. Before running this item again, check whether Bitrix24 has it'),
		});
		expect(portal.emu.store.all('quote').filter((quote) => quote.TITLE === 'Quote lost')).toHaveLength(2);
	});

	test('Idempotency on an entity type that keeps no key (estimates, 7): the item is refused before anything is sent', async () => {
		const { output, http } = await measure(
			portal,
			async () =>
				await portal.json({ resource: 'crmItem', operation: 'create', entityTypeId: 7, fields: '{"title": "Estimate"}', idempotency: { skipExisting: true } }, { continueOnFail: true }),
		);
		expect(http).toEqual([]);
		expect(output[0].error).toBe('Idempotency is set, but crm.item.add keeps no idempotency key for entity type 7 [item 0]');
	});

	test('node version 1 keeps its behaviour: no key sent, OUTCOME_UNKNOWN, no lookup', async () => {
		portal.emu.faults.inject({ method: 'crm.deal.add', kind: 'status', status: 500, commit: true });
		const { output, http } = await measure(portal, async () => await portal.json(dealCreate(), { items: titles('Version 1', 1), typeVersion: 1, continueOnFail: true }));
		expect(http.map((entry) => entry.method)).toEqual(['crm.deal.add']);
		expect((http[0].params as { fields: IDataObject }).fields).toEqual({ TITLE: 'Version 1 0' });
		expect(output).toEqual([expect.objectContaining({ code: 'OUTCOME_UNKNOWN' })]);
		expect(withTitle('Version 1')).toHaveLength(1);
	});
});
