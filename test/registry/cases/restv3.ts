import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

// REST 3.0 tasks (Task (REST 3.0), Task Chat Message, Task Result's writes), the event log, time
// tracking records and call follow-ups: every call must reach /rest/api/ (logged with api: 'v3').

let portalRef: Portal;

/** The last logged call of `method` went to /rest/api/ and was answered. */
const viaV3 = (method: string) => {
	const calls = portalRef.emu.log.filter((entry) => entry.method === method);
	expect(calls[calls.length - 1]).toMatchObject({ method, api: 'v3', status: 200 });
};

const numeric = expect.any(Number);
const text = expect.any(String);

async function newTask(portal: Portal, title = 'REST 3.0 case'): Promise<number> {
	portalRef = portal;
	const [out] = await portal.json({ resource: 'taskV3', operation: 'create', title, creatorId: 1, responsibleId: 1 });
	return Number(out.id);
}

let resultId = 0;
function newResult(portal: Portal, words = 'First draft'): number {
	portalRef = portal;
	// seeded as tasks.task.result.add stores it (taskResult.create's case covers the write)
	const row = portal.emu.store.insert('generic:tasks.task.result', { taskId: 51, text: words, authorId: 1, status: 'open', fileIds: [] });
	return (resultId = Number(row.ID));
}

let taskId = 0;

const fieldCases = (resource: string, method: string, value = 'Field'): Cases => ({
	[`${resource}.get${value}s`]: {
		parameters: (portal) => ((portalRef = portal), { options: { select: 'name, type' } }),
		request: (params) => {
			viaV3(`${method}.field.list`);
			expect(params).toEqual({ select: ['name', 'type'] });
		},
		output: (items) => {
			expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ name: text, type: text })]));
			for (const item of items) expect(item).toEqual(expect.objectContaining({ name: text, type: text }));
		},
	},
	[`${resource}.get${value}`]: {
		parameters: (portal) => ((portalRef = portal), { name: 'id' }),
		request: (params) => {
			viaV3(`${method}.field.get`);
			expect(params).toEqual({ name: 'id' });
		},
		output: (items) => {
			expect(items).toEqual([expect.objectContaining({ name: text, type: text })]);
		},
	},
});

const LOG = [1, 2, 3].map((n) => ({ ID: 446314 + n, timestampX: `2026-01-30T14:0${n}:00+02:00`, severity: n === 2 ? 'WARNING' : 'SECURITY', auditTypeId: 'USER_AUTHORIZE', moduleId: 'main', itemId: String(1460 + n), userId: 1460 + n, description: `login ${n}` }));
const CALLS = [
	{ callId: 12330, callType: 'video', startDate: '2026-01-12T14:30:00+00:00', participants: [{ userId: 1, name: 'John Smith', avatar: '', talkedSeconds: 600 }], overview: { topic: 'Budget review', actionItems: [{ actionItem: 'Send the estimate', quote: 'I will send it' }] } },
	{ callId: 12340, callType: 'video', startDate: '2026-01-20T09:00:00+00:00', participants: [{ userId: 3, name: 'Ann Lee', avatar: '', talkedSeconds: 300 }], overview: { topic: 'Hiring', actionItems: [] } },
];

export const restV3Cases: Cases = {
	// ---- Task (REST 3.0) ----
	// the emulator refuses a create without title, creatorId or responsibleId (tasks-task-add-rest-v3.md)
	'taskV3.create': {
		parameters: (portal) => ((portalRef = portal), { title: 'Prepare the report', creatorId: 2, responsibleId: 3, fields: '{"deadline": "2026-12-25T18:00:00+03:00", "title": "overridden"}' }),
		request: (params) => {
			viaV3('tasks.task.add');
			expect(params).toEqual({ fields: { title: 'Prepare the report', creatorId: 2, responsibleId: 3, deadline: '2026-12-25T18:00:00+03:00' } });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: numeric, title: 'Prepare the report', responsibleId: 3, creatorId: 2 })]),
	},
	'taskV3.get': {
		parameters: async (portal) => ({ id: (taskId = await newTask(portal, 'Fetched over REST 3.0')), options: { select: 'title, responsibleId' } }),
		request: (params) => {
			viaV3('tasks.task.get');
			expect(params).toEqual({ id: taskId, select: ['title', 'responsibleId'] });
		},
		output: (items) => expect(items).toEqual([{ id: taskId, title: 'Fetched over REST 3.0', responsibleId: 1 }]),
	},
	'taskV3.getMany': {
		parameters: async (portal) => {
			taskId = await newTask(portal, 'Listed over REST 3.0');
			return { returnAll: true, listOptions: { filter: JSON.stringify({ '>=id': taskId }), sort: '{"id": "ASC"}', select: 'id, title' } };
		},
		request: (params) => {
			viaV3('tasks.task.list');
			expect(params).toEqual({ filter: [['id', '>=', taskId]], order: { id: 'ASC' }, select: ['id', 'title'], pagination: { limit: 1000, offset: 0 } });
		},
		output: (items) => {
			expect(items).toContainEqual(expect.objectContaining({ id: numeric, title: 'Listed over REST 3.0' }));
			// every task from taskId on, ids ascending, each with its stored title
			const expected = portalRef.emu.store
				.all('task')
				.filter((task) => Number(task.ID) >= taskId)
				.sort((a, b) => Number(a.ID) - Number(b.ID))
				.map((task) => ({ id: Number(task.ID), title: task.TITLE }));
			expect(expected[0]).toEqual({ id: taskId, title: 'Listed over REST 3.0' });
			expect(items).toHaveLength(expected.length);
			items.forEach((item, k) => expect(item).toMatchObject(expected[k]));
		},
	},
	'taskV3.update': {
		parameters: async (portal) => ({ id: (taskId = await newTask(portal)), fields: '{"title": "Renamed over REST 3.0"}' }),
		request: (params) => {
			viaV3('tasks.task.update');
			expect(params).toEqual({ id: taskId, fields: { title: 'Renamed over REST 3.0' } });
			expect(portalRef.emu.store.get('task', taskId)).toEqual(expect.objectContaining({ TITLE: 'Renamed over REST 3.0' }));
		},
		output: (items) => expect(items).toEqual([{ id: taskId, updated: true }]),
	},
	'taskV3.delete': {
		parameters: async (portal) => ({ id: (taskId = await newTask(portal)) }),
		request: (params) => {
			viaV3('tasks.task.delete');
			expect(params).toEqual({ id: taskId });
			expect(portalRef.emu.store.get('task', taskId)).toBeUndefined();
		},
		output: (items) => expect(items).toEqual([{ id: taskId, deleted: true }]),
	},
	...fieldCases('taskV3', 'tasks.task'),
	'taskV3.getAccess': {
		parameters: async (portal) => ({ id: (taskId = await newTask(portal)) }),
		request: (params) => {
			viaV3('tasks.task.access.get');
			expect(params).toEqual({ id: taskId });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ read: expect.any(Boolean), edit: expect.any(Boolean), complete: expect.any(Boolean), delegate: expect.any(Boolean) })]),
	},
	...fieldCases('taskV3', 'tasks.task.access', 'AccessField'),
	'taskV3.attachFiles': {
		parameters: async (portal) => ({ taskId: (taskId = await newTask(portal)), fileIds: '1181, 1183' }),
		request: (params) => {
			viaV3('tasks.task.file.attach');
			expect(params).toEqual({ taskId, fileIds: [1181, 1183] });
		},
		output: (items) => expect(items).toEqual([{ taskId, fileIds: [1181, 1183], attached: true }]),
	},
	...fieldCases('taskV3', 'tasks.task.file', 'FileField'),

	// ---- Task Chat Message ----
	'taskChatMessage.send': {
		parameters: (portal) => ((portalRef = portal), { taskId: 51, text: 'Message from n8n' }),
		request: (params) => {
			viaV3('tasks.task.chat.message.send');
			expect(params).toEqual({ fields: { taskId: 51, text: 'Message from n8n' } });
		},
		output: (items) => expect(items).toEqual([{ taskId: 51, sent: true }]),
	},
	...fieldCases('taskChatMessage', 'tasks.task.chat.message'),

	// ---- Task Result (REST 3.0 writes) ----
	'taskResult.create': {
		parameters: (portal) => ((portalRef = portal), { taskId: 51, text: 'Task completed' }),
		request: (params) => {
			viaV3('tasks.task.result.add');
			expect(params).toEqual({ fields: { taskId: 51, text: 'Task completed' } });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: numeric, taskId: 51, text: 'Task completed', authorId: numeric })]),
	},
	'taskResult.createFromChatMessage': {
		parameters: (portal) => ((portalRef = portal), { messageId: 335 }),
		request: (params) => {
			viaV3('tasks.task.result.addfromchatmessage');
			expect(params).toEqual({ fields: { messageId: 335 } });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: numeric, taskId: numeric, text, status: text })]),
	},
	'taskResult.update': {
		parameters: (portal) => ({ id: newResult(portal), text: 'Completed and verified' }),
		request: (params) => {
			viaV3('tasks.task.result.update');
			expect(params).toEqual({ id: resultId, fields: { text: 'Completed and verified' } });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: resultId, taskId: 51, text: 'Completed and verified' })]),
	},
	'taskResult.delete': {
		parameters: (portal) => ({ id: newResult(portal) }),
		request: (params) => {
			viaV3('tasks.task.result.delete');
			expect(params).toEqual({ id: resultId });
			expect(portalRef.emu.store.all('generic:tasks.task.result').some((r) => r.ID === resultId)).toBe(false);
		},
		output: (items) => expect(items).toEqual([{ id: resultId, deleted: true }]),
	},

	// ---- Event Log ----
	'eventLog.get': {
		parameters: (portal) => {
			portalRef = portal;
			seededRows(portal, 'main.eventlog', LOG);
			return { id: 446316, options: { select: 'id, severity, description' } };
		},
		request: (params) => {
			viaV3('main.eventlog.get');
			expect(params).toEqual({ id: 446316, select: ['id', 'severity', 'description'] });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 446316, severity: 'WARNING', auditTypeId: 'USER_AUTHORIZE', description: 'login 2' })]),
	},
	'eventLog.getMany': {
		parameters: (portal) => {
			portalRef = portal;
			seededRows(portal, 'main.eventlog', LOG);
			return { returnAll: true, listOptions: { filter: '{"severity": "SECURITY"}', sort: '{"id": "DESC"}' } };
		},
		request: (params) => {
			viaV3('main.eventlog.list');
			expect(params).toEqual({ filter: [['severity', '=', 'SECURITY']], order: { id: 'DESC' }, pagination: { limit: 50, offset: 0 } });
		},
		output: (items) => expect(items.map((row) => [row.id, row.description])).toEqual([[446317, 'login 3'], [446315, 'login 1']]),
	},
	'eventLog.tail': {
		parameters: (portal) => {
			portalRef = portal;
			seededRows(portal, 'main.eventlog', LOG);
			return { options: { cursor: '{"field": "id", "order": "ASC", "value": 446315, "limit": 10}' } };
		},
		request: (params) => {
			viaV3('main.eventlog.tail');
			expect(params).toEqual({ cursor: { field: 'id', order: 'ASC', value: 446315, limit: 10 } });
		},
		output: (items) => expect(items.map((row) => [row.id, row.description])).toEqual([[446316, 'login 2'], [446317, 'login 3']]),
	},
	...fieldCases('eventLog', 'main.eventlog'),

	// ---- Time Tracking Record ----
	'timeRecord.getMany': {
		parameters: (portal) => {
			portalRef = portal;
			seededRows(portal, 'timeman.record', [
				{ ID: 7, userId: 1, startTime: '2026-06-01T09:00:00+02:00', endTime: '2026-06-01T18:00:00+02:00', duration: 32400 },
				{ ID: 8, userId: 3, startTime: '2026-06-01T10:00:00+02:00', endTime: '2026-06-01T17:00:00+02:00', duration: 25200 },
			]);
			return { filter: '[["userId", 1]]', returnAll: true, listOptions: { select: 'id, startTime, duration' } };
		},
		request: (params) => {
			viaV3('timeman.record.list');
			expect(params).toEqual({ filter: [['userId', 1]], select: ['id', 'startTime', 'duration'], pagination: { limit: 50, offset: 0 } });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: 7, startTime: '2026-06-01T09:00:00+02:00', duration: 32400 })]),
	},
	...fieldCases('timeRecord', 'timeman.record'),

	// ---- Call Follow-Up ----
	'callFollowUp.get': {
		parameters: (portal) => {
			portalRef = portal;
			seededRows(portal, 'call.followup', CALLS as unknown as IDataObject[]);
			return { callId: 12330, options: { select: 'callId, startDate, overview.topic', mentionFormat: 'html' } };
		},
		request: (params) => {
			viaV3('call.followup.get');
			expect(params).toEqual({ callId: 12330, select: ['callId', 'startDate', 'overview.topic'], mentionFormat: 'html' });
		},
		output: (items) => expect(items).toEqual([expect.objectContaining({ callId: 12330, overview: expect.objectContaining({ topic: 'Budget review' }) })]),
	},
	'callFollowUp.getMany': {
		parameters: (portal) => {
			portalRef = portal;
			seededRows(portal, 'call.followup', CALLS as unknown as IDataObject[]);
			return { startDateFrom: '2026-01-01T00:00:00Z', startDateTo: '2026-01-31T23:59:59Z', returnAll: true, listOptions: { sort: '{"startDate": "asc"}' } };
		},
		request: (params) => {
			viaV3('call.followup.list');
			expect(params).toEqual({ filter: { startDate: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T23:59:59Z' } }, order: { startDate: 'asc' }, pagination: { limit: 200 } });
		},
		output: (items) => expect(items.map((row) => row.callId)).toEqual([12330, 12340]),
	},
	...fieldCases('callFollowUp', 'call.followup'),
};
