/**
 * The polling trigger's cursor: pure rules first, then whole polls through n8n-core's PollContext
 * against the emulator (ties on one timestamp, changes and deletions during a poll, first run from
 * now, manual sample).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Row } from '../../nodes/Bitrix24PollingTrigger/cursor';
import { advance, formatAtom, offsetOf, SAFETY_MARGIN_SECONDS, startCursor } from '../../nodes/Bitrix24PollingTrigger/cursor';
import { hook } from '../emulator/helpers';
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';
import { TriggerWorkflow } from './harness';

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0) / 1000;
const at = (seconds: number) => formatAtom(T0 + seconds, 180); // a +03:00 portal
const row = (id: number, seconds: number): Row => ({ id: String(id), time: at(seconds), record: { id, updatedTime: at(seconds) } });

describe('cursor rules', () => {
	it('formats like Bitrix24 (ATOM with offset) and reads offsets back', () => {
		expect(at(0)).toBe('2025-01-15T12:00:00+03:00');
		expect(offsetOf('2025-01-15T12:00:00+03:00')).toBe(180);
		expect(offsetOf('2025-01-15T12:00:00-05:30')).toBe(-330);
		expect(formatAtom(T0, -330)).toBe('2025-01-15T03:30:00-05:30');
		expect(formatAtom(T0, 0)).toBe('2025-01-15T09:00:00+00:00');
	});

	it('starts at the server time with nothing seen', () => {
		expect(startCursor(at(0), 'sig')).toEqual({ signature: 'sig', cursor: at(0), cursorEpoch: T0, seen: [] });
	});

	it('many records on one timestamp: all emitted once, none again on the next poll', () => {
		let state = startCursor(at(0), 's');
		const tied = Array.from({ length: 130 }, (_, i) => row(i + 1, 10));
		// read in ID order, as keyset paging returns them
		const first = advance(state, tied, at(10));
		expect(first.emit.map((r) => r.id)).toEqual(tied.map((r) => r.id));
		state = first.next;
		// the next poll still sees them (time >= cursor) but emits none
		const second = advance(state, [...tied, row(131, 10)], at(12));
		expect(second.emit.map((r) => r.id)).toEqual(['131']);
		state = second.next;
		expect(advance(state, [...tied, row(131, 10)], at(13)).emit).toHaveLength(0);
	});

	it('emits oldest first (time, then ID) whatever the read order', () => {
		const state = startCursor(at(0), 's');
		const out = advance(state, [row(9, 3), row(2, 5), row(5, 3), row(1, 4)], at(6));
		expect(out.emit.map((r) => r.id)).toEqual(['5', '9', '1', '2']);
	});

	it('a record changed during a poll, at an earlier second than others read, is not missed', () => {
		// poll 1 starts at t=100; reads record 5 (old version at 50) then record 90 changed at t=101
		let state = { ...startCursor(at(0), 's') };
		const poll1 = advance(state, [row(5, 50), row(90, 101)], at(100));
		expect(poll1.emit.map((r) => r.id)).toEqual(['5', '90']);
		state = poll1.next;
		// the cursor never passes the poll's own start (minus the margin), even though 101 was seen
		expect(state.cursorEpoch).toBe(T0 + 100 - SAFETY_MARGIN_SECONDS);
		// record 5 was changed at t=100, after it was read: the next poll finds and emits it; 90 is not repeated
		const poll2 = advance(state, [row(5, 100), row(90, 101)], at(130));
		expect(poll2.emit.map((r) => r.id)).toEqual(['5']);
	});

	it('a second change of the same record is a new version and is emitted', () => {
		let state = startCursor(at(0), 's');
		const a = advance(state, [row(7, 10)], at(11));
		state = a.next;
		const b = advance(state, [row(7, 12)], at(20));
		expect(b.emit.map((r) => `${r.id}@${r.time}`)).toEqual([`7@${at(12)}`]);
	});

	it('forgets versions older than the cursor, so the set stays small', () => {
		let state = startCursor(at(0), 's');
		state = advance(state, [row(1, 1), row(2, 2), row(3, 58)], at(60)).next;
		expect(state.seen).toEqual([`3@${T0 + 58}`]);
		state = advance(state, [row(3, 58)], at(600)).next;
		expect(state.seen).toEqual([]);
		expect(state.cursor).toBe(at(600 - SAFETY_MARGIN_SECONDS));
	});

	it('never moves the cursor backwards (server clock jitter)', () => {
		let state = startCursor(at(100), 's');
		state = advance(state, [], at(90)).next;
		expect(state.cursorEpoch).toBe(T0 + 100);
	});

	it('rows skipped (Updated mode) are remembered but not emitted', () => {
		const state = startCursor(at(0), 's');
		const out = advance(state, [row(1, 5), row(2, 6)], at(7), (r) => r.id === '1');
		expect(out.emit.map((r) => r.id)).toEqual(['2']);
		expect(out.next.seen).toEqual(expect.arrayContaining([`1@${T0 + 5}`, `2@${T0 + 6}`]));
	});
});

describe('polls against the emulator (n8n-core PollContext)', () => {
	let portal: Portal;

	beforeAll(async () => {
		portal = await startPortal({ limits: false, seed: { deals: 30, users: 3, tasks: 5 } });
	});

	afterAll(async () => {
		await portal.stop();
	});

	const poller = (parameters: INodeParameters, auth: 'webhook' | 'oAuth2' | 'apiKey' = 'webhook') =>
		new TriggerWorkflow({ credentials: portal.credentials, auth, type: 'bitrix24PollingTrigger', parameters });

	const nowIso = () => formatAtom(Math.floor(portal.emu.virtualNow()), 0);
	const ids = (items: IDataObject[] | null) => (items ?? []).map((i) => Number(i.id));

	it('the first poll starts from now: existing records are not emitted', async () => {
		const wf = poller({ recordType: 'deal', watch: 'createdOrUpdated' });
		expect(await wf.poll()).toBeNull();
		expect(wf.staticData().cursor).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
		expect(await wf.poll()).toBeNull();
	});

	it('120 deals sharing one timestamp: all emitted exactly once over several polls', async () => {
		const wf = poller({ recordType: 'deal', watch: 'createdOrUpdated' });
		await wf.poll();
		portal.emu.advanceTime(2);
		const stamp = nowIso();
		const made: number[] = [];
		for (let i = 0; i < 120; i++) {
			made.push(Number(portal.emu.store.insert('deal', { TITLE: `Tie ${i}`, DATE_CREATE: stamp, DATE_MODIFY: stamp, STAGE_ID: 'NEW', CATEGORY_ID: 0 }).ID));
		}
		const first = await wf.poll();
		expect(ids(first)).toEqual(made);
		// more records land on the very same second after the poll: only they come next
		const late = Number(portal.emu.store.insert('deal', { TITLE: 'Late tie', DATE_CREATE: stamp, DATE_MODIFY: stamp, STAGE_ID: 'NEW', CATEGORY_ID: 0 }).ID);
		expect(ids(await wf.poll())).toEqual([late]);
		expect(await wf.poll()).toBeNull();
	});

	it('records created and deleted while a poll pages through are neither missed nor repeated', async () => {
		const wf = poller({ recordType: 'deal', watch: 'created' });
		await wf.poll();
		portal.emu.advanceTime(2);
		const stamp = nowIso();
		for (let i = 0; i < 260; i++) portal.emu.store.insert('deal', { TITLE: `Bulk ${i}`, DATE_CREATE: stamp, DATE_MODIFY: stamp, STAGE_ID: 'NEW', CATEGORY_ID: 0 });
		const mutation = portal.emu.faults.mutateDuringRead({ entity: 'deal', insertEvery: 2, deleteEvery: 3 });
		const seen: number[] = [];
		seen.push(...ids(await wf.poll()));
		mutation.stop();
		portal.emu.advanceTime(1);
		for (let i = 0; i < 3; i++) seen.push(...ids(await wf.poll()));
		expect(new Set(seen).size).toBe(seen.length);
		const expected = portal.emu.store
			.all('deal')
			.filter((d) => String(d.DATE_CREATE) >= stamp)
			.map((d) => Number(d.ID));
		// every surviving record created since the cursor was emitted
		for (const id of expected) expect(seen).toContain(id);
		expect(mutation.inserted.length).toBeGreaterThan(0);
	});

	it('a record updated in the middle of a poll is emitted again in its new version, nothing else repeats', async () => {
		const wf = poller({ recordType: 'deal', watch: 'updated' });
		await wf.poll();
		portal.emu.advanceTime(2);
		const stamp = nowIso();
		const rows = Array.from({ length: 120 }, (_, i) => portal.emu.store.insert('deal', { TITLE: `U ${i}`, DATE_CREATE: '2025-01-01T00:00:00+00:00', DATE_MODIFY: stamp, STAGE_ID: 'NEW', CATEGORY_ID: 0 }));
		const early = rows[3];
		// change the early record once the first page has been served: the credential is used before every request
		let requests = 0;
		const original = portal.credentials.authenticate.bind(portal.credentials);
		portal.credentials.authenticate = async (...args: Parameters<typeof original>) => {
			requests++;
			if (requests === 3) {
				portal.emu.advanceTime(3);
				early.TITLE = 'Changed mid-poll';
				early.DATE_MODIFY = nowIso();
			}
			return await original(...args);
		};
		const first = await wf.poll();
		portal.credentials.authenticate = original;
		expect(ids(first)).toHaveLength(120);
		expect(ids(first)).toContain(Number(early.ID));
		const second = await wf.poll();
		expect(second).toEqual([expect.objectContaining({ id: Number(early.ID), title: 'Changed mid-poll' })]);
		expect(await wf.poll()).toBeNull();
	});

	it('Updated leaves out brand-new records; Created leaves out updates', async () => {
		const updated = poller({ recordType: 'deal', watch: 'updated' });
		const created = poller({ recordType: 'deal', watch: 'created' });
		// a change in the very second a watch starts is emitted (>= cursor): start clear of the last test
		portal.emu.advanceTime(2);
		await updated.poll();
		await created.poll();
		portal.emu.advanceTime(2);
		const fresh = await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'Fresh' } });
		const freshId = Number(fresh.body.result.item.id);
		const old = portal.emu.store.all('deal')[0];
		await hook(portal.emu, 'crm.item.update', { entityTypeId: 2, id: Number(old.ID), fields: { title: 'Touched' } });
		expect(ids(await updated.poll())).toEqual([Number(old.ID)]);
		expect(ids(await created.poll())).toEqual([freshId]);
	});

	it('Filter (JSON) narrows the watch; changing the settings restarts from now', async () => {
		const wf = poller({ recordType: 'deal', watch: 'created', filter: '{"title": "Wanted"}' });
		await wf.poll();
		portal.emu.advanceTime(2);
		const a = await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'Wanted' } });
		await hook(portal.emu, 'crm.item.add', { entityTypeId: 2, fields: { title: 'Other' } });
		expect(ids(await wf.poll())).toEqual([Number(a.body.result.item.id)]);
		wf.setParameters({ filter: '{"title": "Other"}' });
		expect(await wf.poll()).toBeNull();
		wf.setParameters({ filter: '[1]' });
		await expect(wf.poll()).rejects.toThrow(/JSON object/);
	});

	it('tasks and smart process items, with OAuth2 and API key credentials', async () => {
		const tasks = poller({ recordType: 'task', watch: 'createdOrUpdated' }, 'oAuth2');
		await tasks.poll();
		portal.emu.advanceTime(2);
		const t = await hook(portal.emu, 'tasks.task.add', { fields: { TITLE: 'Polled task', RESPONSIBLE_ID: 1 } });
		const out = await tasks.poll();
		expect(out).toEqual([expect.objectContaining({ id: String(t.body.result.task.id), title: 'Polled task' })]);
		expect(await tasks.poll()).toBeNull();

		const type = await hook(portal.emu, 'crm.type.add', { fields: { title: 'Polled SPA' } });
		const entityTypeId = Number(type.body.result.type.entityTypeId);
		const spa = poller({ recordType: 'smartProcessItem', entityTypeId, watch: 'created' }, 'apiKey');
		await spa.poll();
		portal.emu.advanceTime(2);
		const item = await hook(portal.emu, 'crm.item.add', { entityTypeId, fields: { title: 'SPA polled' } });
		expect(ids(await spa.poll())).toEqual([Number(item.body.result.item.id)]);

		const noType = poller({ recordType: 'smartProcessItem', watch: 'created' });
		await expect(noType.poll()).rejects.toThrow(/Entity Type ID/);
	});

	/** How to create and change one record of each watchable type through the documented API. */
	let spaType = 0;
	const spa = async () => {
		spaType ||= Number((await hook(portal.emu, 'crm.type.add', { fields: { title: 'Watched SPA' } })).body.result.type.entityTypeId);
		return spaType;
	};
	const kinds: Array<{ recordType: string; add: () => Promise<number>; update: (id: number) => Promise<unknown> }> = [
		...([['lead', 1], ['contact', 3], ['company', 4], ['quote', 7]] as const).map(([recordType, entityTypeId]) => ({
			recordType,
			add: async () => Number((await hook(portal.emu, 'crm.item.add', { entityTypeId, fields: { title: `New ${recordType}` } })).body.result.item.id),
			update: (id: number) => hook(portal.emu, 'crm.item.update', { entityTypeId, id, fields: { title: `Changed ${recordType}` } }),
		})),
		{
			recordType: 'smartProcessItem',
			add: async () => Number((await hook(portal.emu, 'crm.item.add', { entityTypeId: await spa(), fields: { title: 'New item' } })).body.result.item.id),
			update: async (id: number) => hook(portal.emu, 'crm.item.update', { entityTypeId: await spa(), id, fields: { title: 'Changed item' } }),
		},
		{
			recordType: 'activity',
			add: async () =>
				Number(
					(await hook(portal.emu, 'crm.activity.add', { fields: { OWNER_TYPE_ID: 2, OWNER_ID: 1, TYPE_ID: 2, SUBJECT: 'Call back', RESPONSIBLE_ID: 1, COMMUNICATIONS: [{ VALUE: '+100' }] } })).body
						.result,
				),
			update: (id: number) => hook(portal.emu, 'crm.activity.update', { id, fields: { SUBJECT: 'Call back later' } }),
		},
		{
			recordType: 'task',
			add: async () => Number((await hook(portal.emu, 'tasks.task.add', { fields: { TITLE: 'New task', RESPONSIBLE_ID: 1 } })).body.result.task.id),
			update: (id: number) => hook(portal.emu, 'tasks.task.update', { taskId: id, fields: { TITLE: 'Changed task' } }),
		},
	];

	it.each(kinds.map((k) => [k.recordType, k] as const))('%s: the first poll starts from now; a new and an updated record are emitted exactly once', async (_name, kind) => {
		const before = await kind.add();
		portal.emu.advanceTime(2);
		const base = { recordType: kind.recordType, ...(kind.recordType === 'smartProcessItem' ? { entityTypeId: await spa() } : {}) };
		const watch = poller({ ...base, watch: 'createdOrUpdated' }, 'oAuth2');
		const onlyNew = poller({ ...base, watch: 'created' });
		const onlyUpdated = poller({ ...base, watch: 'updated' }, 'apiKey');
		for (const wf of [watch, onlyNew, onlyUpdated]) expect(await wf.poll()).toBeNull();
		expect(await watch.poll()).toBeNull();

		portal.emu.advanceTime(2);
		const fresh = await kind.add();
		await kind.update(before);
		const idsOf = (items: IDataObject[] | null) => (items ?? []).map((i) => Number(i.id ?? i.ID)).sort((a, b) => a - b);
		portal.emu.clearLog();
		expect(idsOf(await watch.poll())).toEqual([before, fresh].sort((a, b) => a - b));
		// the read asked Bitrix24 only for rows changed since the cursor
		const reads = portal.emu.log.filter((e) => /\.list$/.test(e.method));
		expect(reads.length).toBeGreaterThan(0);
		for (const r of reads) expect(Object.keys(((r.params as IDataObject).filter ?? {}) as IDataObject).some((k) => /^>=/.test(k))).toBe(true);
		expect(idsOf(await onlyNew.poll())).toEqual([fresh]);
		expect(idsOf(await onlyUpdated.poll())).toEqual([before]);
		portal.emu.advanceTime(2);
		for (const wf of [watch, onlyNew, onlyUpdated]) expect(await wf.poll()).toBeNull();
	});

	it('messenger events (im.v2.Event.*): subscribes, starts from now, emits each event once and confirms it by offset', async () => {
		const wf = poller({ recordType: 'messengerEvent' });
		const chat = Number((await hook(portal.emu, 'im.chat.add', { TITLE: 'Polled chat', USERS: [2] })).body.result);
		portal.emu.clearLog();
		expect(await wf.poll()).toBeNull();
		expect(portal.emu.calls('im.v2.Event.subscribe')).toHaveLength(1);

		const first = Number((await hook(portal.emu, 'im.message.add', { DIALOG_ID: `chat${chat}`, MESSAGE: 'Hello poller' })).body.result);
		const out = await wf.poll();
		expect(out).toEqual([
			expect.objectContaining({ event: 'ONIMV2MESSAGEADD', eventId: expect.any(Number), message: expect.objectContaining({ id: first, chatId: chat, text: 'Hello poller' }) }),
		]);
		const { imOffset } = wf.staticData() as { imOffset: number };
		expect(imOffset).toBe(Number(out![0].eventId) + 1);

		await hook(portal.emu, 'im.message.update', { MESSAGE_ID: first, MESSAGE: 'Hello again' });
		portal.emu.clearLog();
		const next = await wf.poll();
		expect(next).toEqual([expect.objectContaining({ event: 'ONIMV2MESSAGEUPDATE', message: expect.objectContaining({ id: first, text: 'Hello again' }) })]);
		// the read passed the stored offset, which confirmed the event emitted before
		expect((portal.emu.calls('im.v2.Event.get')[0].params as IDataObject).offset).toEqual(imOffset);
		expect(await wf.poll()).toBeNull();

		// only the chosen types start the workflow (a settings change starts from now again)
		wf.setParameters({ messengerEvents: ['ONIMV2MESSAGEDELETE'] });
		expect(await wf.poll()).toBeNull();
		await hook(portal.emu, 'im.message.add', { DIALOG_ID: `chat${chat}`, MESSAGE: 'ignored' });
		await hook(portal.emu, 'im.message.delete', { MESSAGE_ID: first });
		expect(await wf.poll()).toEqual([expect.objectContaining({ event: 'ONIMV2MESSAGEDELETE', message: expect.objectContaining({ id: first }) })]);

		// a manual run shows queued events without confirming them
		const manual = poller({ recordType: 'messengerEvent' }, 'webhook');
		await hook(portal.emu, 'im.message.add', { DIALOG_ID: `chat${chat}`, MESSAGE: 'peek' });
		const peek = await manual.poll('manual');
		expect(peek!.map((e) => e.event)).toContain('ONIMV2MESSAGEADD');
		expect(await manual.poll('manual')).toEqual(peek);
	});

	it('manual mode returns a few recent records and leaves the cursor alone', async () => {
		const wf = poller({ recordType: 'deal', watch: 'createdOrUpdated' });
		const sample = await wf.poll('manual');
		expect(sample!.length).toBeGreaterThan(0);
		expect(sample!.length).toBeLessThanOrEqual(5);
		expect(wf.staticData().cursor).toBeUndefined();
	});

	it('reads use keyset paging (start=-1, ID order), not offsets', async () => {
		const wf = poller({ recordType: 'deal', watch: 'createdOrUpdated' });
		await wf.poll();
		portal.emu.advanceTime(2);
		const stamp = nowIso();
		for (let i = 0; i < 75; i++) portal.emu.store.insert('deal', { TITLE: `K ${i}`, DATE_CREATE: stamp, DATE_MODIFY: stamp, STAGE_ID: 'NEW', CATEGORY_ID: 0 });
		portal.emu.clearLog();
		expect(await wf.poll()).toHaveLength(75);
		const reads = [...portal.emu.calls('crm.item.list'), ...portal.emu.subCalls('crm.item.list')];
		expect(reads.length).toBeGreaterThan(0);
		for (const call of reads) expect(String((call.params as IDataObject).start)).toBe('-1');
	});
});
