import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, PagingSpec, ParamSpec, ResourceSpec } from '../../types';
import { json, list, num, str } from '../shared';
import { fieldOps, intId, integersAt, intList, restV3 } from '../v3common';

/**
 * Tasks on REST 3.0 (api-reference/tasks/*-rest-v3.md and the REST 3.0-only tasks.task.* pages):
 * chat messages replace the task.commentitem.* comments, results get a full create/update/delete,
 * and the task itself has a REST 3.0 variant with camelCase fields and condition filters.
 */
const taskId = intId('taskId', 'Task ID', { to: 'fields.taskId', locator: 'task' });
const text = (label: string, description: string): ParamSpec => str('text', label, { required: true, to: 'fields.text', description });

/** tasks.task.list (REST 3.0): up to 1000 tasks a page (tasks-task-list-rest-v3.md), filters as conditions. */
const taskPaging: PagingSpec = { mode: 'pagination', pageSize: 1000, itemsPath: 'items', filterKey: 'filter', orderKey: 'order', selectKey: 'select', conditions: true };

const select = list('select', 'Select Fields', {
	placeholder: 'e.g. id, title, responsible.name',
	description: 'Comma-separated camelCase fields; related objects with a dot (responsible.name, group.title). Empty: the default fields.',
});

const taskFields = json('fields', 'Fields (JSON)', {
	required: true,
	shape: 'object',
	default: '{}',
	placeholder: '{"title": "Prepare the report", "responsibleId": 1}',
	description: 'Task fields in REST 3.0 names (camelCase: title, responsibleId, deadline …), as Get Fields lists them',
});

export const taskV3: ResourceSpec = {
	value: 'taskV3',
	name: 'Task (New API)',
	group: 'Tasks',
	description:
		'Tasks through the new Bitrix24 REST API (REST 3.0): camelCase fields, related fields in Select (responsible.name), access rights and file attachments. Needs a portal whose Tasks module already offers the new API; otherwise calls answer "method not found" (Call Method → rest.documentation.openapi lists what the portal has). Prefer it there for new workflows; use Task on other portals or for the classic fields.',
	defaultOperation: 'get',
	operations: restV3([
		{
			value: 'create',
			name: 'Create',
			action: 'Create a task (new API)',
			method: 'tasks.task.add',
			kind: 'create',
			// title, creatorId and responsibleId are required (tasks-task-add-rest-v3.md)
			params: [
				str('title', 'Title', { required: true, to: 'fields.title' }),
				num('creatorId', 'Creator User ID', { required: true, integer: true, to: 'fields.creatorId', description: 'The user who sets the task' }),
				num('responsibleId', 'Responsible User ID', { required: true, integer: true, to: 'fields.responsibleId', description: 'The user who does the task' }),
				{
					...taskFields,
					label: 'Other Fields (JSON)',
					required: false,
					to: 'otherFields',
					placeholder: '{"deadline": "2026-12-31T18:00:00+03:00", "groupId": 5}',
					description: 'More task fields in REST 3.0 names (camelCase: deadline, groupId, accomplices …), as Get Fields lists them',
				},
			],
			// the inputs above win over the same fields in the JSON
			prepare: (params) => {
				const { otherFields, ...rest } = params;
				return { ...rest, fields: { ...((otherFields as IDataObject | undefined) ?? {}), ...(rest.fields as IDataObject) } };
			},
			unwrap: 'item',
		},
		{ value: 'get', name: 'Get', action: 'Get a task (new API)', method: 'tasks.task.get', kind: 'get', params: [intId('id', 'Task ID', { locator: 'task' })], optional: [select], optionalName: 'options', unwrap: 'item' },
		{ value: 'getMany', name: 'Get Many', action: 'Get many tasks (new API)', method: 'tasks.task.list', kind: 'getMany', paging: taskPaging },
		{ value: 'update', name: 'Update', action: 'Update a task (new API)', method: 'tasks.task.update', kind: 'update', params: [intId('id', 'Task ID', { locator: 'task' }), { ...taskFields, placeholder: '{"title": "Prepare the final report"}' }], unwrap: 'result' },
		{ value: 'delete', name: 'Delete', action: 'Delete a task (new API)', method: 'tasks.task.delete', kind: 'delete', params: [intId('id', 'Task ID', { locator: 'task' })], unwrap: 'result' },
		...fieldOps('tasks.task', 'a task'),
		{
			value: 'getAccess',
			name: 'Get Access',
			action: 'Get what the current user may do with a task',
			description: 'Read, edit, complete, delegate … as true/false for the webhook or app user (tasks.task.access.get)',
			method: 'tasks.task.access.get',
			kind: 'get',
			params: [intId('id', 'Task ID', { locator: 'task' })],
		},
		...fieldOps('tasks.task.access', 'task access rights', 'AccessField', 'Access'),
		{
			value: 'attachFiles',
			name: 'Attach Files',
			action: 'Attach Drive files to a task',
			method: 'tasks.task.file.attach',
			kind: 'action',
			params: [intId('taskId', 'Task ID', { locator: 'task' }), intList('fileIds', 'Drive File IDs', { required: true, description: 'Comma-separated IDs of files on Drive (disk.folder.uploadfile, disk.folder.getchildren)' })],
			prepare: integersAt({ fileIds: 'Drive File IDs' }),
			output: (result, request) => ({ ...(request as object), attached: (result as { result?: unknown })?.result === true }),
		},
		...fieldOps('tasks.task.file', 'a task file', 'FileField', 'File'),
	]),
};

export const taskChatMessage: ResourceSpec = {
	value: 'taskChatMessage',
	name: 'Task Chat Message',
	group: 'Tasks',
	description: 'Messages in a task\'s chat, which replaced task comments (REST 3.0)',
	defaultOperation: 'send',
	operations: restV3([
		{
			value: 'send',
			name: 'Send',
			action: 'Send a message to a task chat',
			description: 'Post to the task\'s chat; replaces Task Comment → Create (task.commentitem.add) on current portals',
			method: 'tasks.task.chat.message.send',
			kind: 'action',
			params: [taskId, text('Text', 'The message text')],
			output: (result, request) => ({ taskId: (request as { fields: { taskId: number } }).fields.taskId, sent: (result as { result?: unknown })?.result === true }),
		},
		...fieldOps('tasks.task.chat.message', 'a task chat message'),
	]),
};

/** Added to the Task Result resource: REST 3.0 writes next to the classic list and comment actions. */
export const taskResultV3: OperationSpec[] = restV3([
	{ value: 'create', name: 'Create', action: 'Add a result to a task', method: 'tasks.task.result.add', kind: 'create', params: [taskId, text('Text', 'The result text')], unwrap: 'item' },
	{
		value: 'createFromChatMessage',
		name: 'Create From Chat Message',
		action: 'Make a task chat message the result',
		method: 'tasks.task.result.addfromchatmessage',
		kind: 'action',
		params: [num('messageId', 'Chat Message ID', { required: true, integer: true, to: 'fields.messageId', description: 'ID of a message in the task chat' })],
		unwrap: 'item',
	},
	{ value: 'update', name: 'Update', action: 'Change a task result\'s text', method: 'tasks.task.result.update', kind: 'update', params: [intId('id', 'Result ID'), text('Text', 'The new result text')], unwrap: 'item' },
	{ value: 'delete', name: 'Delete', action: 'Delete a task result', method: 'tasks.task.result.delete', kind: 'delete', params: [intId('id', 'Result ID')], unwrap: 'result' },
]);

export const tasksV3Resources: ResourceSpec[] = [taskV3, taskChatMessage];
