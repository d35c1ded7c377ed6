import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, RecordSpec } from '../../types';
import { ALL_VERBS, crud } from '../crud';
import { customFieldsProperty, date, fieldsOf, id, json, list, num, str, yn } from '../shared';

/** tasks.task.* answers `{task: {...}}` with camelCase keys; inputs are UPPER_CASE task fields. */
const taskId = id('taskId', 'Task ID', undefined, { locator: 'task' });
const f = (spec: ParamSpec): ParamSpec => ({ ...spec, to: `fields.${spec.to ?? spec.name}` });

const readBack = { method: 'tasks.task.get', idKey: 'taskId', unwrap: 'task' };

const title = f(str('TITLE', 'Title', { required: true }));
const responsible = f(str('RESPONSIBLE_ID', 'Responsible User ID', { required: true, description: 'ID of the user who does the task' }));

const priority: ParamSpec = {
	name: 'PRIORITY',
	label: 'Priority',
	type: 'options',
	options: [
		{ name: 'Low', value: '0' },
		{ name: 'Medium', value: '1' },
		{ name: 'High', value: '2' },
	],
	default: '1',
};

const fields: ParamSpec[] = [
	str('DESCRIPTION', 'Description'),
	date('DEADLINE', 'Deadline'),
	date('START_DATE_PLAN', 'Planned Start'),
	date('END_DATE_PLAN', 'Planned End'),
	priority,
	str('CREATED_BY', 'Creator User ID'),
	list('ACCOMPLICES', 'Participant User IDs', { description: 'Comma-separated user IDs' }),
	list('AUDITORS', 'Observer User IDs', { description: 'Comma-separated user IDs' }),
	str('GROUP_ID', 'Workgroup ID', { dropdown: 'getWorkgroups' }),
	str('PARENT_ID', 'Parent Task ID'),
	str('STAGE_ID', 'Stage ID', { description: 'Kanban or "My Plan" stage ID' }),
	list('TAGS', 'Tags', { description: 'Comma-separated tags' }),
	list('UF_CRM_TASK', 'CRM Bindings', { description: 'Comma-separated CRM references, e.g. D_10, C_7, L_4, CO_5' }),
	num('TIME_ESTIMATE', 'Time Estimate (Seconds)'),
	yn('ALLOW_CHANGE_DEADLINE', 'Allow Deadline Change', 'Whether the responsible user may change the deadline'),
	yn('TASK_CONTROL', 'Review Result', 'Whether the creator must approve the task once it is completed'),
	yn('ALLOW_TIME_TRACKING', 'Time Tracking', 'Whether time tracking is on for the task'),
	yn('MATCH_WORK_TIME', 'Skip Weekends', 'Whether deadlines skip weekends and holidays'),
].map(f);

/** tasks.task.get/list answer lowerCamel keys for the UPPER_CASE fields of tasks.task.getFields. */
const record: RecordSpec = {
	simplify: ['id', 'title', 'status', 'priority', 'responsibleId', 'createdBy', 'groupId', 'deadline', 'createdDate', 'changedDate', 'closedDate'],
	fieldsMethod: 'tasks.task.getFields',
	fieldsPath: 'fields',
	camelKeys: true,
	users: ['responsibleId', 'createdBy', 'changedBy', 'closedBy', 'statusChangedBy', 'accomplices', 'auditors'],
};

/** A status change or user action on one task (tasks.task.start, .favorite.add …). */
const taskAction = (value: string, name: string, action: string, method: string, extra: Partial<OperationSpec> = {}): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'action',
	params: [taskId],
	unwrap: 'task',
	...extra,
});

/** Pin and mute take `id`, not `taskId`. */
const byId = { params: [id('id', 'Task ID', undefined, { locator: 'task' })] };

export const task = crud({
	value: 'task',
	name: 'Task',
	group: 'Tasks',
	prefix: 'tasks.task',
	noun: 'task',
	key: [taskId],
	create: [title, responsible],
	fields,
	updateFirst: [{ ...title, required: false }, { ...responsible, required: false }],
	updateFixed: { fields: {} },
	unwrap: 'task',
	// rows come back camelCase (`id`) while filter and order keys are UPPER_CASE (`>ID`, `ID`)
	paging: { mode: 'start', itemsPath: 'tasks', idField: 'id', idFilter: '>ID', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
	verbs: ALL_VERBS,
	override: {
		create: { extra: [customFieldsProperty()], readBack, mapper: 'task' },
		get: {
			optional: [list('select', 'Select Fields', { description: 'Comma-separated UPPER_CASE fields to return, e.g. ID, TITLE, UF_CRM_TASK' })],
			optionalName: 'options',
			record,
		},
		getMany: { record },
		update: { extra: [customFieldsProperty()], readBack, mapper: 'task' },
		delete: { unwrap: 'task' },
		fields: { method: 'tasks.task.getFields', output: fieldsOf('fields') },
	},
	more: [
		taskAction('start', 'Start', 'Start a task', 'tasks.task.start'),
		taskAction('pause', 'Pause', 'Pause a task', 'tasks.task.pause'),
		taskAction('complete', 'Complete', 'Complete a task', 'tasks.task.complete'),
		taskAction('defer', 'Defer', 'Defer a task', 'tasks.task.defer'),
		taskAction('renew', 'Renew', 'Renew a task', 'tasks.task.renew'),
		taskAction('approve', 'Approve', 'Approve a completed task', 'tasks.task.approve'),
		taskAction('disapprove', 'Disapprove', 'Send a completed task back for rework', 'tasks.task.disapprove'),
		taskAction('delegate', 'Delegate', 'Delegate a task to another user', 'tasks.task.delegate', {
			params: [taskId, str('userId', 'New Responsible User ID', { required: true, locator: 'user' })],
		}),
		taskAction('attachFile', 'Attach File', 'Attach a Drive file to a task', 'tasks.task.files.attach', {
			params: [taskId, num('fileId', 'File ID', { required: true, description: 'ID of the file on Drive', locator: 'file' })],
			unwrap: undefined,
		}),
		{
			value: 'getHistory',
			name: 'Get History',
			action: 'Get the change history of a task',
			method: 'tasks.task.history.list',
			kind: 'getMany',
			params: [taskId],
			optional: [
				json('filter', 'Filter (JSON)', { description: 'E.g. {"FIELD": "STATUS"}' }),
				json('order', 'Sort (JSON)', { description: 'E.g. {"ID": "DESC"}' }),
			],
			optionalName: 'options',
			output: (result) => ((result as IDataObject)?.list ?? []) as IDataObject[],
		},
		taskAction('startWatching', 'Start Watching', 'Start watching a task', 'tasks.task.startwatch'),
		taskAction('stopWatching', 'Stop Watching', 'Stop watching a task', 'tasks.task.stopwatch'),
		taskAction('addToFavorites', 'Add to Favorites', 'Add a task to favorites', 'tasks.task.favorite.add', { unwrap: undefined }),
		taskAction('removeFromFavorites', 'Remove From Favorites', 'Remove a task from favorites', 'tasks.task.favorite.remove', { unwrap: undefined }),
		taskAction('pin', 'Pin', 'Pin a task in the list', 'tasks.task.pin', byId),
		taskAction('unpin', 'Unpin', 'Unpin a task', 'tasks.task.unpin', byId),
		taskAction('mute', 'Mute', 'Mute notifications of a task', 'tasks.task.mute', byId),
		taskAction('unmute', 'Unmute', 'Unmute notifications of a task', 'tasks.task.unmute', byId),
		{
			value: 'getCounters',
			name: 'Get Counters',
			action: 'Get task counters of a user',
			method: 'tasks.task.counters.get',
			kind: 'get',
			optional: [
				str('userId', 'User ID', { description: 'Defaults to the current user' }),
				str('groupId', 'Workgroup ID', { description: 'Counts tasks of one workgroup only', dropdown: 'getWorkgroups' }),
				{
					name: 'type',
					label: 'Role',
					type: 'options',
					options: [
						{ name: 'All Roles', value: 'view_all' },
						{ name: 'Responsible', value: 'view_role_responsible' },
						{ name: 'Participant', value: 'view_role_accomplice' },
						{ name: 'Observer', value: 'view_role_auditor' },
						{ name: 'Creator', value: 'view_role_originator' },
					],
					default: 'view_all',
				},
			],
			optionalName: 'options',
			// keyed by counter name ({expired: {counter, code}}): one item per counter reads better than one wide object
			output: (result) => Object.entries((result ?? {}) as IDataObject).map(([name, value]) => ({ name, ...((value ?? {}) as IDataObject) })),
		},
	],
});
