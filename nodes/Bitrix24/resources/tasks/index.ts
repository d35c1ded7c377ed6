import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { bool, id, num, str } from '../shared';
import { taskChecklist, taskComment, taskElapsedTime } from './items';
import { task } from './task';
import { scrumResources } from './scrum';
import { templateResources } from './templates';
import { taskResultV3, tasksV3Resources } from './v3';

const isAdmin = bool('isAdmin', 'As Administrator', 'Whether to skip permission checks (works for portal administrators only)');
const stageFields = [
	str('COLOR', 'Color', { placeholder: 'e.g. 00C4FB' }),
	num('AFTER_ID', 'After Stage ID', { description: 'Stage to place this one after; 0 puts it first' }),
].map((spec) => ({ ...spec, to: `fields.${spec.name}` }));
const entityId = str('entityId', 'Workgroup ID', {
	required: true,
	default: '0',
	description: 'ID of the workgroup whose Kanban to use; 0 means "My Plan" of the current user',
});
const stageId = id('id', 'Stage ID');

export const taskStage = crud({
	value: 'taskStage',
	name: 'Task Stage',
	group: 'Tasks',
	description: 'Kanban stages of a workgroup and "My Plan" stages of the current user',
	prefix: 'task.stages',
	noun: 'Kanban or My Plan stage',
	key: [stageId],
	create: [str('TITLE', 'Title', { required: true, to: 'fields.TITLE' })],
	fields: [...stageFields, isAdmin],
	updateFirst: [str('TITLE', 'Title', { to: 'fields.TITLE' })],
	updateFixed: { fields: {} },
	verbs: ['getMany', 'create', 'update', 'delete'],
	override: {
		getMany: {
			action: 'Get Kanban or My Plan stages',
			method: 'task.stages.get',
			params: [entityId],
			optional: [isAdmin],
			optionalName: 'options',
			// stages come keyed by ID
			output: (result) => Object.values((result ?? {}) as IDataObject) as IDataObject[],
		},
		create: {
			optional: [
				num('ENTITY_ID', 'Workgroup ID', { to: 'fields.ENTITY_ID', description: 'Workgroup whose Kanban gets the stage; 0 or empty adds it to "My Plan"' }),
				...stageFields,
				isAdmin,
			],
		},
		delete: { optional: [isAdmin], optionalName: 'options' },
	},
	more: [
		{
			value: 'moveTask',
			name: 'Move Task',
			action: 'Move a task to a stage',
			method: 'task.stages.movetask',
			kind: 'action',
			params: [id('id', 'Task ID', undefined, { locator: 'task' }), id('stageId', 'Stage ID')],
			optional: [
				num('before', 'Before Task ID', { description: 'Place the task before this task in the stage' }),
				num('after', 'After Task ID', { description: 'Place the task after this task in the stage' }),
			],
			optionalName: 'options',
		},
		{
			value: 'canMoveTask',
			name: 'Can Move Task',
			action: 'Check whether the user can move tasks between stages',
			method: 'task.stages.canmovetask',
			kind: 'action',
			params: [
				str('entityId', 'Entity ID', { required: true, description: 'ID of the workgroup or user' }),
				{
					name: 'entityType',
					label: 'Entity Type',
					type: 'options',
					required: true,
					options: [
						{ name: 'Workgroup', value: 'G' },
						{ name: 'User (My Plan)', value: 'U' },
					],
					default: 'G',
				},
			],
			output: (result, request) => ({ ...(request as IDataObject), allowed: result === true }),
		},
	],
});

const commentId = num('commentId', 'Comment ID', { required: true, description: 'ID of the task comment' });
const resultAction = (value: string, name: string, action: string, method: string, output?: OperationSpec['output']): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'action',
	params: [commentId],
	output,
});

export const taskResult: ResourceSpec = {
	value: 'taskResult',
	name: 'Task Result',
	group: 'Tasks',
	operations: [
		{ value: 'getMany', name: 'Get Many', action: 'Get the results of a task', method: 'tasks.task.result.list', kind: 'getMany', params: [id('taskId', 'Task ID', undefined, { locator: 'task' })] },
		resultAction('createFromComment', 'Create From Comment', 'Mark a task comment as the result', 'tasks.task.result.addFromComment'),
		resultAction('deleteFromComment', 'Delete From Comment', 'Unmark a task comment as the result', 'tasks.task.result.deleteFromComment', (result, request) => ({
			...(request as IDataObject),
			// the method answers null on success
			deleted: result !== false,
		})),
		...taskResultV3,
	],
	// the first by name before REST 3.0's Create was added: workflows saved without an operation keep it
	defaultOperation: 'createFromComment',
};

export const tasksResources: ResourceSpec[] = [task, taskComment, taskChecklist, taskElapsedTime, taskStage, taskResult, ...tasksV3Resources, ...templateResources, ...scrumResources];
