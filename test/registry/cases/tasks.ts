import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import type { Cases } from './types';

/** A fresh task (so status actions start from a known status); returns its ID. */
export async function newTask(portal: Portal, extra: INodeParameters = {}): Promise<string> {
	const [out] = await portal.json({ resource: 'task', operation: 'create', TITLE: 'Case task', RESPONSIBLE_ID: '1', additionalFields: extra });
	return String(out.id);
}

/** What a task action sends: the task's ID. */
const sentTaskId = (params: IDataObject) => expect(params).toEqual({ taskId: expect.stringMatching(/^\d+$/) });

/** Drives a task to a status through the node: `review` = awaiting the creator's approval. */
async function taskIn(portal: Portal, status: 'inProgress' | 'completed' | 'review'): Promise<string> {
	const id = await newTask(portal, status === 'review' ? { CREATED_BY: '2', TASK_CONTROL: true } : {});
	await portal.json({ resource: 'task', operation: status === 'inProgress' ? 'start' : 'complete', task: id });
	return id;
}

async function newComment(portal: Portal): Promise<{ taskId: string; id: string }> {
	const taskId = await newTask(portal);
	const [out] = await portal.json({ resource: 'taskComment', operation: 'create', task: taskId, POST_MESSAGE: 'First' });
	return { taskId, id: String(out.id) };
}

async function newChecklistItem(portal: Portal): Promise<{ taskId: string; id: string }> {
	const taskId = await newTask(portal);
	const [out] = await portal.json({ resource: 'taskChecklist', operation: 'create', task: taskId, TITLE: 'Check' });
	return { taskId, id: String(out.id) };
}

let timeEntry: { taskId: string; id: string; portal?: Portal } = { taskId: '', id: '' };
async function newTimeEntry(portal: Portal): Promise<{ taskId: string; id: string }> {
	const taskId = await newTask(portal);
	const [out] = await portal.json({ resource: 'taskElapsedTime', operation: 'create', task: taskId, SECONDS: 600, COMMENT_TEXT: 'Work' });
	return { taskId, id: String(out.id) };
}

async function newStage(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'taskStage', operation: 'create', TITLE: 'Case stage' });
	return String(out.id);
}

const status = (expected: string) => (items: IDataObject[]) => {
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({ id: expect.any(String), status: expected });
};
const success = (items: IDataObject[]) => expect(items).toEqual([{ success: true }]);
const taskOut = (items: IDataObject[]) => expect(items).toEqual([expect.objectContaining({ id: expect.any(String), title: expect.any(String) })]);

export const tasksCases: Cases = {
	'task.create': {
		parameters: {
			TITLE: 'Prepare offer',
			RESPONSIBLE_ID: '2',
			additionalFields: { DEADLINE: '2030-01-31T18:00:00', PRIORITY: '2', AUDITORS: '1, 3', TASK_CONTROL: true },
			customFields: { field: [{ name: 'UF_CRM_TASK', value: '["D_1"]' }] },
		},
		request: (params) =>
			expect(params.fields).toEqual({
				TITLE: 'Prepare offer',
				RESPONSIBLE_ID: '2',
				DEADLINE: '2030-01-31T18:00:00',
				PRIORITY: '2',
				AUDITORS: ['1', '3'],
				TASK_CONTROL: 'Y',
				UF_CRM_TASK: ['D_1'],
			}),
		output: (items) => expect(items[0]).toMatchObject({ id: expect.any(String), title: 'Prepare offer', responsibleId: '2', priority: '2' }),
	},
	'task.get': {
		parameters: async (portal) => ({ taskId: await newTask(portal), options: { select: 'ID, TITLE' } }),
		request: (params) => expect(params.select).toEqual(['ID', 'TITLE']),
		output: (items) => {
			expect(items[0]).toMatchObject({ id: expect.any(String), title: 'Case task' });
			expect(items[0]).not.toHaveProperty('description');
		},
	},
	'task.getMany': {
		parameters: { returnAll: true, listOptions: { filter: '{"RESPONSIBLE_ID": 1}', select: 'ID, TITLE, RESPONSIBLE_ID' } },
		request: (params) => {
			expect(params.filter).toMatchObject({ RESPONSIBLE_ID: expect.anything(), '>ID': expect.anything() });
			expect(String((params.filter as IDataObject).RESPONSIBLE_ID)).toBe('1');
			expect(params).toMatchObject({ order: { ID: 'ASC' } });
			expect(String(params.start)).toBe('-1');
		},
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toMatchObject({ id: expect.any(String), responsibleId: '1' });
		},
	},
	'task.update': {
		parameters: async (portal) => ({ taskId: await newTask(portal), updateFields: { TITLE: 'Renamed', ACCOMPLICES: '2' } }),
		request: (params) => expect(params.fields).toEqual({ TITLE: 'Renamed', ACCOMPLICES: ['2'] }),
		output: (items) => expect(items[0]).toMatchObject({ title: 'Renamed', accomplices: ['2'] }),
	},
	'task.delete': {
		parameters: async (portal) => ({ taskId: await newTask(portal) }),
		request: (params) => expect(params.taskId).toMatch(/^\d+$/),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), deleted: true }]),
	},
	'task.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ field: 'TITLE', type: 'string' })),
	},
	'task.start': { request: sentTaskId, parameters: async (portal) => ({ taskId: await newTask(portal) }), output: status('3') },
	'task.pause': { request: sentTaskId, parameters: async (portal) => ({ taskId: await taskIn(portal, 'inProgress') }), output: status('2') },
	'task.complete': { request: sentTaskId, parameters: async (portal) => ({ taskId: await newTask(portal) }), output: status('5') },
	'task.defer': { request: sentTaskId, parameters: async (portal) => ({ taskId: await newTask(portal) }), output: status('6') },
	'task.renew': { request: sentTaskId, parameters: async (portal) => ({ taskId: await taskIn(portal, 'completed') }), output: status('2') },
	'task.approve': { request: sentTaskId, parameters: async (portal) => ({ taskId: await taskIn(portal, 'review') }), output: status('5') },
	'task.disapprove': { request: sentTaskId, parameters: async (portal) => ({ taskId: await taskIn(portal, 'review') }), output: status('2') },
	'task.delegate': {
		parameters: async (portal) => ({ taskId: await newTask(portal), userId: '2' }),
		request: (params) => expect(params.userId).toBe('2'),
		output: (items) => expect(items[0]).toMatchObject({ responsibleId: '2' }),
	},
	'task.attachFile': {
		parameters: async (portal) => ({ taskId: await newTask(portal), fileId: 15 }),
		request: (params) => expect(params).toMatchObject({ taskId: expect.stringMatching(/^\d+$/), fileId: 15 }),
		output: (items) => expect(items).toEqual([{ attachmentId: expect.any(Number) }]),
	},
	'task.getHistory': {
		parameters: async (portal) => {
			const taskId = await newTask(portal);
			for (const row of portal.emu.store.all('generic:tasks.task.history')) portal.emu.store.remove('generic:tasks.task.history', row.ID as number);
			portal.emu.store.insert('generic:tasks.task.history', { taskId: Number(taskId), id: 11, createdDate: '2030-01-10T10:00:00+00:00', field: 'STATUS', value: { from: '2', to: '5' }, user: { id: 1, name: 'Admin', lastName: '', secondName: '', login: 'admin' } });
			return { taskId, options: { filter: '{"FIELD": "STATUS"}' } };
		},
		request: (params) => expect(params).toMatchObject({ taskId: expect.any(String), filter: { FIELD: 'STATUS' } }),
		// tasks-task-history-list.md: result.list, one { id, createdDate, field, value: { from, to }, user } per change
		output: (items) =>
			expect(items).toEqual([
				{ id: 11, createdDate: '2030-01-10T10:00:00+00:00', field: 'STATUS', value: { from: '2', to: '5' }, user: { id: 1, name: 'Admin', lastName: '', secondName: '', login: 'admin' } },
			]),
	},
	'task.startWatching': { parameters: async (portal) => ({ taskId: await newTask(portal) }), request: (params) => expect(params.taskId).toMatch(/^\d+$/), output: taskOut },
	'task.stopWatching': { parameters: async (portal) => ({ taskId: await newTask(portal) }), request: (params) => expect(params.taskId).toMatch(/^\d+$/), output: taskOut },
	'task.addToFavorites': { parameters: async (portal) => ({ taskId: await newTask(portal) }), request: (params) => expect(params.taskId).toMatch(/^\d+$/), output: success },
	'task.removeFromFavorites': { parameters: async (portal) => ({ taskId: await newTask(portal) }), request: (params) => expect(params.taskId).toMatch(/^\d+$/), output: success },
	'task.pin': { parameters: async (portal) => ({ id: await newTask(portal) }), request: (params) => expect(params.id).toMatch(/^\d+$/), output: taskOut },
	'task.unpin': { parameters: async (portal) => ({ id: await newTask(portal) }), request: (params) => expect(params.id).toMatch(/^\d+$/), output: taskOut },
	'task.mute': { parameters: async (portal) => ({ id: await newTask(portal) }), request: (params) => expect(params.id).toMatch(/^\d+$/), output: taskOut },
	'task.unmute': { parameters: async (portal) => ({ id: await newTask(portal) }), request: (params) => expect(params.id).toMatch(/^\d+$/), output: taskOut },
	'task.getCounters': {
		parameters: { options: { userId: '1', type: 'view_role_responsible' } },
		request: (params) => expect(params).toEqual({ userId: '1', type: 'view_role_responsible' }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toEqual({ name: expect.any(String), counter: expect.any(Number), code: expect.any(Number) });
		},
	},

	'taskComment.create': {
		parameters: async (portal) => ({ TASKID: await newTask(portal), POST_MESSAGE: 'Hello', additionalFields: { AUTHOR_ID: '1' } }),
		request: (params) => expect(params).toEqual({ TASKID: expect.stringMatching(/^\d+$/), FIELDS: { POST_MESSAGE: 'Hello', AUTHOR_ID: '1' } }),
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(Number) }]),
	},
	'taskComment.get': {
		request: (params) => expect(params).toEqual({ TASKID: expect.stringMatching(/^\d+$/), ITEMID: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const { taskId, id } = await newComment(portal);
			return { TASKID: taskId, ITEMID: id };
		},
		output: (items) => expect(items[0]).toMatchObject({ ID: expect.any(String), POST_MESSAGE: 'First' }),
	},
	'taskComment.getMany': {
		parameters: async (portal) => ({ TASKID: (await newComment(portal)).taskId, options: { FILTER: '{"AUTHOR_ID": 1}' } }),
		// ORDER is filled in so FILTER stays in position 2 (the log shows the emulator's names for the positions)
		request: (params) => expect(params).toEqual({ TASKID: expect.any(String), ORDER: { ID: 'asc' }, FILTER: { AUTHOR_ID: 1 } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ POST_MESSAGE: 'First', AUTHOR_ID: '1' })]),
	},
	'taskComment.update': {
		parameters: async (portal) => {
			const { taskId, id } = await newComment(portal);
			return { TASKID: taskId, ITEMID: id, POST_MESSAGE: 'Edited' };
		},
		request: (params) => expect(params.FIELDS).toEqual({ POST_MESSAGE: 'Edited' }),
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), updated: true }]),
	},
	'taskComment.delete': {
		request: (params) => expect(params).toEqual({ TASKID: expect.stringMatching(/^\d+$/), ITEMID: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const { taskId, id } = await newComment(portal);
			return { TASKID: taskId, ITEMID: id };
		},
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), deleted: true }]),
	},

	'taskChecklist.create': {
		parameters: async (portal) => ({ TASKID: await newTask(portal), TITLE: 'Call back', additionalFields: { IS_COMPLETE: false, SORT_INDEX: 10 } }),
		request: (params) => expect(params.FIELDS).toEqual({ TITLE: 'Call back', IS_COMPLETE: 'N', SORT_INDEX: 10 }),
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(Number) }]),
	},
	'taskChecklist.get': {
		parameters: async (portal) => {
			const { taskId, id } = await newChecklistItem(portal);
			return { TASKID: taskId, ITEMID: id };
		},
		request: (params) => expect(Object.keys(params)).toEqual(['TASKID', 'ITEMID']),
		output: (items) => expect(items[0]).toMatchObject({ ID: expect.anything() }),
	},
	'taskChecklist.getMany': {
		parameters: async (portal) => ({ TASKID: (await newChecklistItem(portal)).taskId, options: { ORDER: '{"SORT_INDEX": "asc"}' } }),
		request: (params) => expect(params.ORDER).toEqual({ SORT_INDEX: 'asc' }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ TITLE: 'Check', IS_COMPLETE: 'N' })]),
	},
	'taskChecklist.update': {
		parameters: async (portal) => {
			const { taskId, id } = await newChecklistItem(portal);
			return { TASKID: taskId, ITEMID: id, updateFields: { TITLE: 'Checked', IS_IMPORTANT: true } };
		},
		request: (params) => expect(params.FIELDS).toEqual({ TITLE: 'Checked', IS_IMPORTANT: 'Y' }),
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), updated: true }]),
	},
	'taskChecklist.delete': {
		request: (params) => expect(params).toEqual({ TASKID: expect.stringMatching(/^\d+$/), ITEMID: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const { taskId, id } = await newChecklistItem(portal);
			return { TASKID: taskId, ITEMID: id };
		},
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), deleted: true }]),
	},
	'taskChecklist.complete': {
		request: (params) => expect(params).toEqual({ TASKID: expect.stringMatching(/^\d+$/), ITEMID: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const { taskId, id } = await newChecklistItem(portal);
			return { TASKID: taskId, ITEMID: id };
		},
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), success: true }]),
	},
	'taskChecklist.renew': {
		parameters: async (portal) => {
			const { taskId, id } = await newChecklistItem(portal);
			return { TASKID: taskId, ITEMID: id };
		},
		request: (params) => expect(Object.keys(params)).toEqual(['TASKID', 'ITEMID']),
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), success: true }]),
	},
	'taskChecklist.moveAfter': {
		parameters: async (portal) => {
			const { taskId, id } = await newChecklistItem(portal);
			return { TASKID: taskId, ITEMID: id, AFTERITEMID: '1' };
		},
		request: (params) => expect(params).toEqual({ TASKID: expect.any(String), ITEMID: expect.any(String), AFTERITEMID: '1' }),
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), success: true }]),
	},

	'taskElapsedTime.create': {
		parameters: async (portal) => ({ TASKID: await newTask(portal), SECONDS: 1800, COMMENT_TEXT: 'Calls', additionalFields: { USER_ID: '1' } }),
		request: (params) => expect(params.ARFIELDS).toEqual({ SECONDS: 1800, COMMENT_TEXT: 'Calls', USER_ID: '1' }),
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(Number) }]),
	},
	'taskElapsedTime.get': {
		parameters: async (portal) => {
			const { taskId, id } = await newTimeEntry(portal);
			timeEntry = { taskId, id };
			return { TASKID: taskId, ITEMID: id };
		},
		request: (params) => expect(Object.keys(params)).toEqual(['TASKID', 'ITEMID']),
		// documented as an array holding the entry: the one added, values as strings
		output: (items) => {
			for (const item of items) expect(item).toMatchObject({ ID: expect.any(String), SECONDS: expect.any(String) });
			expect(items).toEqual([expect.objectContaining({ ID: timeEntry.id, TASK_ID: timeEntry.taskId, SECONDS: '600', MINUTES: '10', COMMENT_TEXT: 'Work' })]);
		},
	},
	'taskElapsedTime.getMany': {
		parameters: async (portal) => ({ TASKID: (await newTimeEntry(portal)).taskId, options: { nPageSize: 10, iNumPage: 1 } }),
		// ORDER, FILTER and SELECT are filled in so PARAMS stays in position 4
		request: (params) => expect(params).toEqual({ TASKID: expect.any(String), ORDER: { ID: 'asc' }, FILTER: { '>ID': 0 }, SELECT: ['*'], PARAMS: { NAV_PARAMS: { nPageSize: 10, iNumPage: 1 } } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ SECONDS: '600', COMMENT_TEXT: 'Work' })]),
	},
	'taskElapsedTime.update': {
		parameters: async (portal) => {
			const { taskId, id } = await newTimeEntry(portal);
			timeEntry = { taskId, id, portal };
			return { TASKID: taskId, ITEMID: id, SECONDS: 900, COMMENT_TEXT: 'More work' };
		},
		request: (params) => expect(params.ARFIELDS).toEqual({ SECONDS: 900, COMMENT_TEXT: 'More work' }),
		output: (items) => {
			expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), updated: true }]);
			// the entry now counts 900 seconds, 15 minutes
			expect(timeEntry.portal!.emu.store.get('elapsedItem', Number(timeEntry.id))).toMatchObject({ SECONDS: 900, MINUTES: 15, COMMENT_TEXT: 'More work' });
		},
	},
	'taskElapsedTime.delete': {
		request: (params) => expect(params).toEqual({ TASKID: expect.stringMatching(/^\d+$/), ITEMID: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => {
			const { taskId, id } = await newTimeEntry(portal);
			return { TASKID: taskId, ITEMID: id };
		},
		output: (items) => expect(items).toEqual([{ taskId: expect.any(String), id: expect.any(String), deleted: true }]),
	},

	'taskStage.create': {
		parameters: { TITLE: 'Backlog', additionalFields: { ENTITY_ID: 0, COLOR: '00C4FB', isAdmin: true } },
		request: (params) => expect(params).toEqual({ fields: { TITLE: 'Backlog', ENTITY_ID: 0, COLOR: '00C4FB' }, isAdmin: true }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'taskStage.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'taskStage', operation: 'create', TITLE: 'Listed' });
			return { entityId: 0 };
		},
		request: (params) => expect(params).toEqual({ entityId: 0 }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.any(String), TITLE: 'Listed' })),
	},
	'taskStage.update': {
		parameters: async (portal) => ({ id: await newStage(portal), updateFields: { TITLE: 'Doing', AFTER_ID: 3 } }),
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/), fields: { TITLE: 'Doing', AFTER_ID: 3 } }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), updated: true }]),
	},
	'taskStage.delete': {
		parameters: async (portal) => ({ id: await newStage(portal) }),
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), deleted: true }]),
	},
	'taskStage.moveTask': {
		parameters: async (portal) => ({ id: await newTask(portal), stageId: '5', options: { after: 1 } }),
		request: (params) => expect(params).toEqual({ id: expect.any(String), stageId: '5', after: 1 }),
		output: success,
	},
	'taskStage.canMoveTask': {
		parameters: { entityId: 1, entityType: 'U' },
		request: (params) => expect(params).toEqual({ entityId: 1, entityType: 'U' }),
		output: (items) => expect(items).toEqual([{ entityId: 1, entityType: 'U', allowed: true }]),
	},

	'taskResult.getMany': {
		// a task without results answers []: seed one documented result for the new task (tasks-task-result-list.md)
		parameters: async (portal) => {
			const taskId = await newTask(portal);
			portal.emu.store.insert('generic:tasks.task.result', { id: 1, taskId: Number(taskId), commentId: 31, createdBy: 1, status: 0, text: 'Shipped' });
			return { taskId };
		},
		request: (params) => expect(params.taskId).toMatch(/^\d+$/),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ taskId: expect.any(Number), commentId: 31, text: 'Shipped' })),
	},
	'taskResult.createFromComment': {
		parameters: { commentId: 31 },
		request: (params) => expect(params).toEqual({ commentId: 31 }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: expect.any(Number), taskId: expect.any(Number), commentId: expect.any(Number), text: expect.any(String) })]),
	},
	'taskResult.deleteFromComment': {
		parameters: { commentId: 31 },
		request: (params) => expect(params).toEqual({ commentId: 31 }),
		output: (items) => expect(items).toEqual([{ commentId: 31, deleted: true }]),
	},
};
