/**
 * Task round trips against the emulator: a task through its life (create → get → update → start →
 * complete → list → delete), several items in one batch, and the positional legacy comment,
 * checklist and time-entry methods.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false, seed: { users: 3, tasks: 60 } });
});
afterAll(async () => await portal.stop());

const since = () => {
	const from = portal.emu.log.length;
	return () => portal.emu.log.slice(from);
};

test('task: create → get → update → start → complete → get many → delete', async () => {
	const [created] = await portal.json({
		resource: 'task',
		operation: 'create',
		TITLE: 'Round trip',
		RESPONSIBLE_ID: '2',
		additionalFields: { DESCRIPTION: 'From n8n', DEADLINE: '2030-05-01T12:00:00', TAGS: 'n8n, test' },
	});
	expect(created).toMatchObject({ id: expect.any(String), title: 'Round trip', responsibleId: '2', status: '2', tags: ['n8n', 'test'] });
	const taskId = created.id as string;
	expect(portal.emu.store.get('task', Number(taskId))).toMatchObject({ TITLE: 'Round trip', DEADLINE: '2030-05-01T12:00:00' });

	const [got] = await portal.json({ resource: 'task', operation: 'get', task: taskId, simplify: false });
	expect(got).toMatchObject({ id: taskId, description: 'From n8n' });

	const [updated] = await portal.json({ resource: 'task', operation: 'update', task: taskId, updateFields: { TITLE: 'Round trip (edited)', PRIORITY: '2' } });
	expect(updated).toMatchObject({ id: taskId, title: 'Round trip (edited)', priority: '2' });

	expect((await portal.json({ resource: 'task', operation: 'start', task: taskId }))[0]).toMatchObject({ status: '3' });
	const [completed] = await portal.json({ resource: 'task', operation: 'complete', task: taskId });
	expect(completed).toMatchObject({ status: '5', closedBy: '1' });

	const log = since();
	const many = await portal.json({ resource: 'task', operation: 'getMany', returnAll: true, listOptions: { filter: '{"REAL_STATUS": 5}' } });
	expect(many.map((row) => row.id)).toContain(taskId);
	for (const row of many) expect(row.status).toBe('5');
	// keyset pages: start=-1 with a >ID bound, never a counted offset
	for (const entry of log().filter((e) => e.method === 'tasks.task.list')) expect(String((entry.params as IDataObject).start)).toBe('-1');

	expect(await portal.json({ resource: 'task', operation: 'delete', task: taskId })).toEqual([{ id: taskId, deleted: true }]);
	expect(portal.emu.store.get('task', Number(taskId))).toBeUndefined();
	const [gone] = await portal.json({ resource: 'task', operation: 'get', task: taskId }, { continueOnFail: true });
	expect(gone.error).toEqual(expect.stringContaining('not found'));
});

test('get many reads 60+ tasks in keyset pages, the second page chained inside a batch', async () => {
	const log = since();
	const rows = await portal.json({ resource: 'task', operation: 'getMany', returnAll: true });
	const ids = rows.map((row) => Number(row.id));
	expect(ids.length).toBe(portal.emu.store.all('task').length);
	expect(ids).toEqual([...ids].sort((a, b) => a - b));
	expect(new Set(ids).size).toBe(ids.length);
	expect(log().some((e) => e.method === 'batch')).toBe(true);
});

test('three items create three tasks in one batch call', async () => {
	const log = since();
	const out = await portal.json(
		{ resource: 'task', operation: 'create', TITLE: '={{ $json.title }}', RESPONSIBLE_ID: '1' },
		{ items: [{ title: 'A' }, { title: 'B' }, { title: 'C' }] },
	);
	expect(out.map((task) => task.title)).toEqual(['A', 'B', 'C']);
	const top = log().filter((e) => e.parent === undefined);
	expect(top.map((e) => e.method)).toEqual(['batch']);
});

test('comments go out positionally: add → list → update → get → delete', async () => {
	const [task] = await portal.json({ resource: 'task', operation: 'create', TITLE: 'Commented', RESPONSIBLE_ID: '1' });
	const TASKID = task.id as string;
	const [added] = await portal.json({ resource: 'taskComment', operation: 'create', task: TASKID, POST_MESSAGE: 'Looks good' });
	expect(added).toEqual({ taskId: TASKID, id: expect.any(Number) });
	const ITEMID = String(added.id);
	const add = portal.emu.log.filter((e) => e.method === 'task.commentitem.add').pop()!;
	// the emulator refuses named keys for these methods, so a 200 means the arguments went by position
	expect(add).toMatchObject({ status: 200, params: { TASKID, FIELDS: { POST_MESSAGE: 'Looks good' } } });

	expect(await portal.json({ resource: 'taskComment', operation: 'getMany', task: TASKID })).toEqual([expect.objectContaining({ ID: ITEMID, POST_MESSAGE: 'Looks good' })]);
	expect(await portal.json({ resource: 'taskComment', operation: 'update', task: TASKID, ITEMID, POST_MESSAGE: 'Looks great' })).toEqual([{ taskId: TASKID, id: ITEMID, updated: true }]);
	expect((await portal.json({ resource: 'taskComment', operation: 'get', task: TASKID, ITEMID }))[0]).toMatchObject({ POST_MESSAGE: 'Looks great' });
	expect(await portal.json({ resource: 'taskComment', operation: 'delete', task: TASKID, ITEMID })).toEqual([{ taskId: TASKID, id: ITEMID, deleted: true }]);
	expect(await portal.json({ resource: 'taskComment', operation: 'getMany', task: TASKID })).toEqual([]);
});

test('checklist items and time entries on one task', async () => {
	const [task] = await portal.json({ resource: 'task', operation: 'create', TITLE: 'Tracked', RESPONSIBLE_ID: '1' });
	const TASKID = task.id as string;
	const [item] = await portal.json({ resource: 'taskChecklist', operation: 'create', task: TASKID, TITLE: 'Send contract' });
	await portal.json({ resource: 'taskChecklist', operation: 'complete', task: TASKID, ITEMID: String(item.id) });
	expect(await portal.json({ resource: 'taskChecklist', operation: 'getMany', task: TASKID })).toEqual([expect.objectContaining({ TITLE: 'Send contract', IS_COMPLETE: 'Y' })]);

	const [entry] = await portal.json({ resource: 'taskElapsedTime', operation: 'create', task: TASKID, SECONDS: 5400, COMMENT_TEXT: 'Call' });
	await portal.json({ resource: 'taskElapsedTime', operation: 'update', task: TASKID, ITEMID: String(entry.id), SECONDS: 3600, COMMENT_TEXT: 'Shorter call' });
	expect(await portal.json({ resource: 'taskElapsedTime', operation: 'getMany', task: TASKID })).toEqual([expect.objectContaining({ SECONDS: '3600', COMMENT_TEXT: 'Shorter call' })]);
	await portal.json({ resource: 'taskElapsedTime', operation: 'delete', task: TASKID, ITEMID: String(entry.id) });
	expect(portal.emu.store.all('elapsedItem').filter((r) => String(r.TASK_ID) === TASKID)).toEqual([]);
});
