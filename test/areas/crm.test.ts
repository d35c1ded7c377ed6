/**
 * CRM round trips against the emulator: a legacy deal from create to delete (batched across items),
 * the same records through crm.item, a smart process with its own pipeline, and product rows and
 * contacts on a deal. Each step checks what went over the wire and what n8n got back.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../helpers/portal';
import { startSharedPortal } from '../helpers/seed';

let portal: Portal;

beforeAll(async () => {
	portal = await startSharedPortal();
});
afterAll(async () => await portal.stop());

/** Log entries after `from`, top-level calls and batch sub-calls alike. */
const callsSince = (from: number, method: string) => portal.emu.log.filter((entry) => entry.seq > from && entry.method === method);
/** Pages read inside batch arrive as text: compare as text. */
const asText = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, leaf: unknown) => (typeof leaf === 'number' ? String(leaf) : leaf)));
const lastSeq = () => (portal.emu.log.length ? portal.emu.log[portal.emu.log.length - 1].seq : 0);

test('deal: create three in one batch → get → update → list by filter → delete → get fails', async () => {
	const start = lastSeq();
	const created = await portal.json(
		{ resource: 'deal', operation: 'create', TITLE: '={{ $json.title }}', additionalFields: { OPPORTUNITY: 1500, CURRENCY_ID: 'EUR', STAGE_ID: 'NEW' } },
		{ items: [{ title: 'Round trip A' }, { title: 'Round trip B' }, { title: 'Round trip C' }] },
	);
	expect(created).toHaveLength(3);
	const ids = created.map((item) => String(item.id));
	for (const id of ids) expect(Number(id)).toBeGreaterThan(0);
	// three items, one HTTP call: the adds travel inside a single batch
	expect(callsSince(start, 'batch')).toHaveLength(1);
	const adds = callsSince(start, 'crm.deal.add');
	expect(adds.map((entry) => entry.parent)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
	expect(adds.map((entry) => (entry.params as IDataObject).fields)).toEqual(
		['A', 'B', 'C'].map((letter) => expect.objectContaining({ TITLE: `Round trip ${letter}`, CURRENCY_ID: 'EUR', STAGE_ID: 'NEW' })),
	);

	const [got] = await portal.json({ resource: 'deal', operation: 'get', deal: ids[0] });
	expect(got).toMatchObject({ ID: ids[0], TITLE: 'Round trip A', OPPORTUNITY: '1500', CURRENCY_ID: 'EUR', STAGE_ID: 'NEW' });

	const [changed] = await portal.json({ resource: 'deal', operation: 'update', deal: ids[1], updateFields: { STAGE_ID: 'WON', COMMENTS: 'Signed' } });
	expect(changed).toEqual({ id: ids[1], updated: true });
	const update = callsSince(start, 'crm.deal.update').pop()!;
	expect(update.params).toEqual({ id: ids[1], fields: { STAGE_ID: 'WON', COMMENTS: 'Signed' } });

	const won = await portal.json({
		resource: 'deal',
		operation: 'getMany',
		returnAll: true,
		listOptions: { filter: JSON.stringify({ '%TITLE': 'Round trip', STAGE_ID: 'WON' }), select: 'ID, TITLE, STAGE_ID, CLOSED' },
	});
	expect(won).toEqual([{ ID: ids[1], TITLE: 'Round trip B', STAGE_ID: 'WON', CLOSED: 'Y' }]);
	const list = callsSince(start, 'crm.deal.list').pop()!;
	expect(asText(list.params)).toMatchObject({ filter: { '%TITLE': 'Round trip', STAGE_ID: 'WON', '>ID': '0' }, order: { ID: 'ASC' }, start: '-1' });

	const [removed] = await portal.json({ resource: 'deal', operation: 'delete', deal: ids[2] });
	expect(removed).toEqual({ id: ids[2], deleted: true });
	const [gone] = await portal.json({ resource: 'deal', operation: 'get', deal: ids[2] }, { continueOnFail: true });
	expect(gone.error).toBeDefined();
	expect(callsSince(start, 'crm.deal.get').pop()).toMatchObject({ status: 400 });
});

test('crm.item sees legacy deals and writes back to them', async () => {
	const [deal] = await portal.json({ resource: 'deal', operation: 'create', TITLE: 'Shared record', additionalFields: { OPPORTUNITY: 300 } });
	const [item] = await portal.json({ resource: 'crmItem', operation: 'get', entityTypeId: 2, crmItem: String(deal.id) });
	expect(item).toMatchObject({ id: Number(deal.id), title: 'Shared record', opportunity: 300 });

	const [renamed] = await portal.json({ resource: 'crmItem', operation: 'update', entityTypeId: 2, crmItem: String(deal.id), fields: '{"title": "Renamed via item"}' });
	expect(renamed).toMatchObject({ id: Number(deal.id), title: 'Renamed via item' });
	const [legacy] = await portal.json({ resource: 'deal', operation: 'get', deal: String(deal.id) });
	expect(legacy).toMatchObject({ TITLE: 'Renamed via item', OPPORTUNITY: '300' });
});

test('smart process: type → pipeline → items in its stages → list → delete', async () => {
	const start = lastSeq();
	const [type] = await portal.json({ resource: 'smartProcessType', operation: 'create', title: 'Deliveries', additionalFields: { isCategoriesEnabled: true } });
	const entityTypeId = Number(type.entityTypeId);
	expect(entityTypeId).toBeGreaterThanOrEqual(128);
	expect(callsSince(start, 'crm.type.add').pop()!.params).toEqual({ fields: { title: 'Deliveries', isCategoriesEnabled: 'Y' } });

	const [pipeline] = await portal.json({ resource: 'pipeline', operation: 'create', entityTypeId, name: 'Express' });
	expect(pipeline).toMatchObject({ name: 'Express', entityTypeId });
	const pipelines = await portal.json({ resource: 'pipeline', operation: 'getMany', entityTypeId, returnAll: true });
	expect(pipelines.map((p) => p.name)).toEqual(expect.arrayContaining(['Express']));

	const stages = await portal.json({ resource: 'status', operation: 'getEntityItems', entityId: `DYNAMIC_${entityTypeId}_STAGE_${pipeline.id}` });
	expect(stages.length).toBeGreaterThan(0);
	const firstStage = String(stages[0].STATUS_ID);

	const made = await portal.json(
		{ resource: 'crmItem', operation: 'create', entityTypeId, fields: `={{ JSON.stringify({ title: $json.title, categoryId: ${pipeline.id}, stageId: "${firstStage}" }) }}` },
		{ items: [{ title: 'Parcel 1' }, { title: 'Parcel 2' }] },
	);
	expect(made).toEqual([
		expect.objectContaining({ title: 'Parcel 1', categoryId: pipeline.id, stageId: firstStage }),
		expect.objectContaining({ title: 'Parcel 2', categoryId: pipeline.id, stageId: firstStage }),
	]);

	const listed = await portal.json({ resource: 'crmItem', operation: 'getMany', entityTypeId, returnAll: true, listOptions: { select: 'id, title' } });
	expect(listed.map((row) => row.title)).toEqual(['Parcel 1', 'Parcel 2']);
	expect(asText(callsSince(start, 'crm.item.list').pop()!.params)).toMatchObject({ entityTypeId: String(entityTypeId), select: ['id', 'title'], start: '-1' });

	await portal.json({ resource: 'crmItem', operation: 'delete', entityTypeId, crmItem: String(made[0].id) });
	const after = await portal.json({ resource: 'crmItem', operation: 'getMany', entityTypeId, returnAll: true });
	expect(after.map((row) => row.id)).toEqual([made[1].id]);
});

test('deal product rows and contacts: the replace operations send the whole list', async () => {
	const [deal] = await portal.json({ resource: 'deal', operation: 'create', TITLE: 'With rows' });
	const start = lastSeq();
	const rows = [{ PRODUCT_NAME: 'Install', PRICE: 100, QUANTITY: 2 }];
	const [set] = await portal.json({ resource: 'deal', operation: 'setProductRows', deal: String(deal.id), rows: JSON.stringify(rows) });
	expect(set).toEqual({ id: String(deal.id), updated: true });
	expect(callsSince(start, 'crm.deal.productrows.set').pop()!.params).toEqual({ id: String(deal.id), rows });

	const [linked] = await portal.json({ resource: 'deal', operation: 'setContacts', deal: String(deal.id), items: '[{"CONTACT_ID": 1, "IS_PRIMARY": "Y"}]' });
	expect(linked).toEqual({ id: String(deal.id), updated: true });
	expect(callsSince(start, 'crm.deal.contact.items.set').pop()!.params).toEqual({ id: String(deal.id), items: [{ CONTACT_ID: 1, IS_PRIMARY: 'Y' }] });
});
