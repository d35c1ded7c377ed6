import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { bool, date, id, json, num, str } from '../shared';

/**
 * The legacy task.commentitem / checklistitem / elapseditem methods read their arguments by
 * position (TASKID, ITEMID, FIELDS …), so each operation names its keys in the documented order.
 */
const taskId = id('TASKID', 'Task ID', undefined, { locator: 'task' });
const itemId = (label: string) => id('ITEMID', label);

/** `{taskId, id, …}`: the generic shaping would take the task ID (position 0) for the item's ID. */
const itemResult =
	(flag: 'updated' | 'deleted' | 'success') =>
	(result: unknown, request: IDataObject | unknown[]): IDataObject => {
		const [task, item] = request as unknown[];
		return { taskId: task as string, id: item as string, [flag]: result !== false };
	};
const created = (result: unknown, request: IDataObject | unknown[]): IDataObject => ({ taskId: (request as unknown[])[0] as string, id: result as string });

/** Empty objects vanish from a batch query string and would shift later positions: send documented defaults. */
function fillPositions(order: string[], defaults: IDataObject) {
	return (params: IDataObject): IDataObject => {
		const filled = { ...params };
		const last = order.reduce((at, key, index) => (filled[key] !== undefined ? index : at), -1);
		for (const key of order.slice(0, last)) if (filled[key] === undefined && defaults[key] !== undefined) filled[key] = defaults[key];
		return filled;
	};
}

const into = (target: string) => (spec: ParamSpec): ParamSpec => ({ ...spec, to: `${target}.${spec.name}` });

const commentList = ['TASKID', 'ORDER', 'FILTER'];
const commentFields = [str('AUTHOR_ID', 'Author User ID'), date('POST_DATE', 'Post Date')].map(into('FIELDS'));

export const taskComment: ResourceSpec = {
	value: 'taskComment',
	name: 'Task Comment',
	group: 'Tasks',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Add a comment to a task',
			method: 'task.commentitem.add',
			kind: 'create',
			params: [taskId, into('FIELDS')(str('POST_MESSAGE', 'Message', { required: true }))],
			optional: commentFields,
			positional: ['TASKID', 'FIELDS'],
			output: created,
		},
		{ value: 'get', name: 'Get', action: 'Get a task comment', method: 'task.commentitem.get', kind: 'get', params: [taskId, itemId('Comment ID')], positional: ['TASKID', 'ITEMID'] },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the comments of a task',
			method: 'task.commentitem.getlist',
			kind: 'getMany',
			params: [taskId],
			optional: [json('ORDER', 'Sort (JSON)', { description: 'E.g. {"POST_DATE": "desc"}' }), json('FILTER', 'Filter (JSON)', { description: 'E.g. {"AUTHOR_ID": 1}' })],
			optionalName: 'options',
			positional: commentList,
			prepare: fillPositions(commentList, { ORDER: { ID: 'asc' } }),
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a task comment',
			method: 'task.commentitem.update',
			kind: 'update',
			params: [taskId, itemId('Comment ID'), into('FIELDS')(str('POST_MESSAGE', 'Message', { required: true }))],
			positional: ['TASKID', 'ITEMID', 'FIELDS'],
			output: itemResult('updated'),
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a task comment',
			method: 'task.commentitem.delete',
			kind: 'delete',
			params: [taskId, itemId('Comment ID')],
			positional: ['TASKID', 'ITEMID'],
			output: itemResult('deleted'),
		},
	],
};

const checklistFields = [
	num('SORT_INDEX', 'Sort Index'),
	bool('IS_COMPLETE', 'Complete', 'Whether the item is ticked', { yn: true }),
	bool('IS_IMPORTANT', 'Important', 'Whether the item is marked important', { yn: true }),
	str('PARENT_ID', 'Parent Item ID', { description: 'ID of the checklist (or item) this item belongs to' }),
].map(into('FIELDS'));
const checklistItem = itemId('Checklist Item ID');

const checklistAction = (value: string, name: string, action: string, method: string): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'action',
	params: [taskId, checklistItem],
	positional: ['TASKID', 'ITEMID'],
	output: itemResult('success'),
});

export const taskChecklist: ResourceSpec = {
	value: 'taskChecklist',
	name: 'Task Checklist Item',
	group: 'Tasks',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Add a checklist item to a task',
			method: 'task.checklistitem.add',
			kind: 'create',
			params: [taskId, into('FIELDS')(str('TITLE', 'Title', { required: true }))],
			optional: checklistFields,
			positional: ['TASKID', 'FIELDS'],
			output: created,
		},
		{ value: 'get', name: 'Get', action: 'Get a checklist item', method: 'task.checklistitem.get', kind: 'get', params: [taskId, checklistItem], positional: ['TASKID', 'ITEMID'] },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the checklist of a task',
			method: 'task.checklistitem.getlist',
			kind: 'getMany',
			params: [taskId],
			optional: [json('ORDER', 'Sort (JSON)', { description: 'E.g. {"SORT_INDEX": "asc"}' })],
			optionalName: 'options',
			positional: ['TASKID', 'ORDER'],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a checklist item',
			method: 'task.checklistitem.update',
			kind: 'update',
			params: [taskId, checklistItem],
			optional: [into('FIELDS')(str('TITLE', 'Title')), ...checklistFields],
			optionalName: 'updateFields',
			fixed: { FIELDS: {} },
			positional: ['TASKID', 'ITEMID', 'FIELDS'],
			output: itemResult('updated'),
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a checklist item',
			method: 'task.checklistitem.delete',
			kind: 'delete',
			params: [taskId, checklistItem],
			positional: ['TASKID', 'ITEMID'],
			output: itemResult('deleted'),
		},
		checklistAction('complete', 'Complete', 'Tick a checklist item', 'task.checklistitem.complete'),
		checklistAction('renew', 'Renew', 'Untick a checklist item', 'task.checklistitem.renew'),
		{
			...checklistAction('moveAfter', 'Move After', 'Move a checklist item after another', 'task.checklistitem.moveafteritem'),
			params: [taskId, checklistItem, id('AFTERITEMID', 'After Item ID', undefined, { description: 'ID of the item to place this one after' })],
			positional: ['TASKID', 'ITEMID', 'AFTERITEMID'],
		},
	],
};

const elapsedList = ['TASKID', 'ORDER', 'FILTER', 'SELECT', 'PARAMS'];
const elapsedItem = itemId('Time Entry ID');
const seconds = into('ARFIELDS')(num('SECONDS', 'Seconds', { required: true, default: 3600, description: 'Time spent, in seconds' }));
const commentText = into('ARFIELDS')(str('COMMENT_TEXT', 'Comment', { required: true }));

export const taskElapsedTime: ResourceSpec = {
	value: 'taskElapsedTime',
	name: 'Task Time Entry',
	group: 'Tasks',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Log time spent on a task',
			method: 'task.elapseditem.add',
			kind: 'create',
			params: [taskId, seconds, commentText],
			optional: [into('ARFIELDS')(str('USER_ID', 'User ID', { description: 'Who spent the time; defaults to the current user' }))],
			positional: ['TASKID', 'ARFIELDS'],
			output: created,
		},
		{ value: 'get', name: 'Get', action: 'Get a time entry', method: 'task.elapseditem.get', kind: 'get', params: [taskId, elapsedItem], positional: ['TASKID', 'ITEMID'] },
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the time entries of a task',
			method: 'task.elapseditem.getlist',
			kind: 'getMany',
			params: [taskId],
			optional: [
				json('ORDER', 'Sort (JSON)', { description: 'E.g. {"CREATED_DATE": "desc"}' }),
				json('FILTER', 'Filter (JSON)', { description: 'E.g. {"USER_ID": 1}' }),
				num('nPageSize', 'Page Size', { to: 'PARAMS.NAV_PARAMS.nPageSize', default: 50 }),
				num('iNumPage', 'Page Number', { to: 'PARAMS.NAV_PARAMS.iNumPage', default: 1 }),
			],
			optionalName: 'options',
			positional: elapsedList,
			prepare: fillPositions(elapsedList, { ORDER: { ID: 'asc' }, FILTER: { '>ID': 0 }, SELECT: ['*'] }),
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a time entry',
			method: 'task.elapseditem.update',
			kind: 'update',
			params: [taskId, elapsedItem, seconds, commentText],
			positional: ['TASKID', 'ITEMID', 'ARFIELDS'],
			output: itemResult('updated'),
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a time entry',
			method: 'task.elapseditem.delete',
			kind: 'delete',
			params: [taskId, elapsedItem],
			positional: ['TASKID', 'ITEMID'],
			output: itemResult('deleted'),
		},
	],
};
