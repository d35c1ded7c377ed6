import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import type { CrudFamily } from '../crud';
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

/** A task.<x>item.* family: its item's ID after the task's, lists by `getlist`, `{taskId, id}` outputs. */
function taskItems(family: Omit<CrudFamily, 'group' | 'key'> & { item: string; fieldsKey: string }): ResourceSpec {
	const { item, fieldsKey, override = {}, ...rest } = family;
	const at = ['TASKID', 'ITEMID'];
	return crud({
		...rest,
		group: 'Tasks',
		key: [taskId, itemId(item)],
		override: {
			create: { positional: ['TASKID', fieldsKey], output: created, ...override.create },
			get: { positional: at },
			getMany: { method: `${family.prefix}.getlist`, params: [taskId], optionalName: 'options', ...override.getMany },
			update: { positional: [...at, fieldsKey], output: itemResult('updated'), ...override.update },
			delete: { positional: at, output: itemResult('deleted') },
		},
	});
}

const commentList = ['TASKID', 'ORDER', 'FILTER'];
const commentFields = [str('AUTHOR_ID', 'Author User ID'), date('POST_DATE', 'Post Date')].map(into('FIELDS'));

export const taskComment = taskItems({
	value: 'taskComment',
	name: 'Task Comment',
	prefix: 'task.commentitem',
	noun: 'task comment',
	item: 'Comment ID',
	fieldsKey: 'FIELDS',
	create: [taskId, into('FIELDS')(str('POST_MESSAGE', 'Message', { required: true }))],
	fields: commentFields,
	override: {
		create: { action: 'Add a comment to a task' },
		getMany: {
			action: 'Get the comments of a task',
			optional: [json('ORDER', 'Sort (JSON)', { description: 'E.g. {"POST_DATE": "desc"}' }), json('FILTER', 'Filter (JSON)', { description: 'E.g. {"AUTHOR_ID": 1}' })],
			positional: commentList,
			prepare: fillPositions(commentList, { ORDER: { ID: 'asc' } }),
		},
		update: { params: [taskId, itemId('Comment ID'), into('FIELDS')(str('POST_MESSAGE', 'Message', { required: true }))], optional: undefined, optionalName: undefined },
	},
});

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

export const taskChecklist = taskItems({
	value: 'taskChecklist',
	name: 'Task Checklist Item',
	prefix: 'task.checklistitem',
	noun: 'checklist item',
	item: 'Checklist Item ID',
	fieldsKey: 'FIELDS',
	create: [taskId, into('FIELDS')(str('TITLE', 'Title', { required: true }))],
	fields: checklistFields,
	updateFirst: [into('FIELDS')(str('TITLE', 'Title'))],
	updateFixed: { FIELDS: {} },
	override: {
		create: { action: 'Add a checklist item to a task' },
		getMany: {
			action: 'Get the checklist of a task',
			optional: [json('ORDER', 'Sort (JSON)', { description: 'E.g. {"SORT_INDEX": "asc"}' })],
			positional: ['TASKID', 'ORDER'],
		},
	},
	more: [
		checklistAction('complete', 'Complete', 'Tick a checklist item', 'task.checklistitem.complete'),
		checklistAction('renew', 'Renew', 'Untick a checklist item', 'task.checklistitem.renew'),
		{
			...checklistAction('moveAfter', 'Move After', 'Move a checklist item after another', 'task.checklistitem.moveafteritem'),
			params: [taskId, checklistItem, id('AFTERITEMID', 'After Item ID', undefined, { description: 'ID of the item to place this one after' })],
			positional: ['TASKID', 'ITEMID', 'AFTERITEMID'],
		},
	],
});

const elapsedList = ['TASKID', 'ORDER', 'FILTER', 'SELECT', 'PARAMS'];
const seconds = into('ARFIELDS')(num('SECONDS', 'Seconds', { required: true, default: 3600, description: 'Time spent, in seconds' }));
const commentText = into('ARFIELDS')(str('COMMENT_TEXT', 'Comment', { required: true }));

export const taskElapsedTime = taskItems({
	value: 'taskElapsedTime',
	name: 'Task Time Entry',
	prefix: 'task.elapseditem',
	noun: 'time entry',
	plural: 'time entries',
	item: 'Time Entry ID',
	fieldsKey: 'ARFIELDS',
	create: [taskId, seconds, commentText],
	fields: [into('ARFIELDS')(str('USER_ID', 'User ID', { description: 'Who spent the time; defaults to the current user' }))],
	override: {
		create: { action: 'Log time spent on a task' },
		getMany: {
			action: 'Get the time entries of a task',
			optional: [
				json('ORDER', 'Sort (JSON)', { description: 'E.g. {"CREATED_DATE": "desc"}' }),
				json('FILTER', 'Filter (JSON)', { description: 'E.g. {"USER_ID": 1}' }),
				num('nPageSize', 'Page Size', { to: 'PARAMS.NAV_PARAMS.nPageSize', default: 50 }),
				num('iNumPage', 'Page Number', { to: 'PARAMS.NAV_PARAMS.iNumPage', default: 1 }),
			],
			positional: elapsedList,
			prepare: fillPositions(elapsedList, { ORDER: { ID: 'asc' }, FILTER: { '>ID': 0 }, SELECT: ['*'] }),
		},
		update: { params: [taskId, itemId('Time Entry ID'), seconds, commentText], optional: undefined, optionalName: undefined },
	},
});
