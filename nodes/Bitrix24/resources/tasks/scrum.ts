import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { ALL_VERBS, crud } from '../crud';
import { act, changed, date, fieldsOf, fieldsOp, id, list, num, str, toFields as f, V2 } from '../shared';

/** Scrum (tasks.api.scrum.*): backlogs, epics, sprints, sprint Kanban stages, Scrum fields of tasks. */

const groupId = (required = true) => f(num('groupId', 'Scrum Group ID', { required, description: 'The workgroup that runs Scrum' }));
const listPaging = { mode: 'start' as const, filterKey: 'filter', orderKey: 'order', selectKey: 'select' };
// deletes answer an empty array (tasks-api-scrum-epic-delete.md & co.)
const deleted = (_result: unknown, request: IDataObject | unknown[]) => ({ id: (request as IDataObject).id as string, deleted: true });
const scrumFields = (prefix: string, noun: string) => fieldsOp(`${prefix}.getFields`, noun, { ...V2, output: fieldsOf('fields') });

export const scrumBacklog = crud({
	value: 'scrumBacklog',
	name: 'Scrum Backlog',
	group: 'Tasks',
	description: 'The backlog of a Scrum group',
	prefix: 'tasks.api.scrum.backlog',
	noun: 'Scrum backlog',
	key: [id('id', 'Backlog ID')],
	create: [groupId(), f(num('createdBy', 'Created By User ID', { required: true }))],
	fields: [f(num('modifiedBy', 'Modified By User ID'))],
	updateFirst: [groupId(false), f(num('createdBy', 'Created By User ID'))],
	updateFixed: { fields: {} },
	verbs: ['create', 'get', 'update', 'delete', 'fields'],
	every: V2,
	override: {
		// get takes the Scrum group's ID as `id` and answers its backlog (tasks-api-scrum-backlog-get.md)
		get: {
			action: 'Get the backlog of a Scrum group',
			params: [num('groupId', 'Scrum Group ID', { required: true, to: 'id', integer: true, description: 'The workgroup that runs Scrum; answers its backlog' })],
		},
		delete: { output: deleted },
		fields: scrumFields('tasks.api.scrum.backlog', 'Scrum backlog'),
	},
});

const epicFields = [f(str('description', 'Description')), f(str('color', 'Color', { placeholder: 'e.g. #69dafc' })), f(list('files', 'Drive File IDs', { description: 'Comma-separated, each with the n prefix, e.g. n5065' }))];

export const scrumEpic = crud({
	value: 'scrumEpic',
	name: 'Scrum Epic',
	group: 'Tasks',
	description: 'Epics of a Scrum group',
	prefix: 'tasks.api.scrum.epic',
	noun: 'Scrum epic',
	key: [id('id', 'Epic ID')],
	create: [f(str('name', 'Name', { required: true })), groupId()],
	fields: epicFields,
	paging: listPaging,
	verbs: ALL_VERBS,
	every: V2,
	override: {
		// the update page stars name and groupId too
		update: { params: [id('id', 'Epic ID'), f(str('name', 'Name', { required: true })), groupId()], optional: epicFields, fixed: undefined },
		delete: { output: deleted },
		fields: scrumFields('tasks.api.scrum.epic', 'Scrum epic'),
	},
});

const sprintStatus: ParamSpec = {
	name: 'status',
	label: 'Status',
	type: 'options',
	default: 'planned',
	options: [
		{ name: 'Active', value: 'active' },
		{ name: 'Completed', value: 'completed' },
		{ name: 'Planned', value: 'planned' },
	],
};
const sprintFields = [f(num('sort', 'Sort')), f(date('dateStart', 'Start')), f(date('dateEnd', 'End')), f(sprintStatus)];
const sprintId = id('id', 'Sprint ID');

export const scrumSprint = crud({
	value: 'scrumSprint',
	name: 'Scrum Sprint',
	group: 'Tasks',
	description: 'Sprints of a Scrum group',
	prefix: 'tasks.api.scrum.sprint',
	noun: 'Scrum sprint',
	key: [sprintId],
	create: [groupId(), f(str('name', 'Name', { required: true }))],
	fields: sprintFields,
	updateFirst: [groupId(false), f(str('name', 'Name'))],
	updateFixed: { fields: {} },
	paging: listPaging,
	verbs: ALL_VERBS,
	every: V2,
	override: {
		get: { params: [id('sprintId', 'Sprint ID')] },
		delete: { output: deleted },
		fields: scrumFields('tasks.api.scrum.sprint', 'Scrum sprint'),
	},
	more: [
		act('start', 'Start', 'Start a Scrum sprint', 'tasks.api.scrum.sprint.start', [sprintId], V2),
		act('complete', 'Complete', 'Complete a Scrum sprint', 'tasks.api.scrum.sprint.complete', [sprintId], V2),
	],
});

const stageType: ParamSpec = {
	name: 'type',
	label: 'Type',
	type: 'options',
	default: 'WORK',
	options: [
		{ name: 'New', value: 'NEW' },
		{ name: 'In Progress', value: 'WORK' },
		{ name: 'Finished', value: 'FINISH' },
	],
};
const stageFields = [f(stageType), f(num('sort', 'Sort', { description: 'A multiple of 100' })), f(str('color', 'Color', { placeholder: 'e.g. 00C4FB' }))];
const stageId = id('stageId', 'Stage ID');
const sprintOf = id('sprintId', 'Sprint ID');

export const scrumStage: ResourceSpec = {
	value: 'scrumStage',
	name: 'Scrum Kanban Stage',
	group: 'Tasks',
	description: "Stages of a sprint's Kanban and the tasks in them",
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Add a Kanban stage to a Scrum sprint',
			method: 'tasks.api.scrum.kanban.addStage',
			kind: 'create',
			...V2,
			params: [f(sprintOf), f(str('name', 'Name', { required: true }))],
			optional: stageFields,
		},
		act('getMany', 'Get Many', 'Get the Kanban stages of a Scrum sprint', 'tasks.api.scrum.kanban.getStages', [sprintOf], { ...V2, kind: 'get' }),
		{
			value: 'update',
			name: 'Update',
			action: 'Update a Scrum Kanban stage',
			method: 'tasks.api.scrum.kanban.updateStage',
			kind: 'update',
			...V2,
			params: [stageId],
			optional: [f(str('name', 'Name')), f(num('sprintId', 'Sprint ID')), ...stageFields],
			optionalName: 'updateFields',
			fixed: { fields: {} },
			output: changed('stageId', 'updated'),
		},
		act('delete', 'Delete', 'Delete a Scrum Kanban stage', 'tasks.api.scrum.kanban.deleteStage', [stageId], { ...V2, kind: 'delete', output: changed('stageId', 'deleted') }),
		act('addTask', 'Add Task', 'Put a task in a Scrum Kanban stage', 'tasks.api.scrum.kanban.addTask', [sprintOf, id('taskId', 'Task ID'), stageId], {
			...V2,
			output: (result, request) => ({ taskId: (request as IDataObject).taskId as string, stageId: (request as IDataObject).stageId as string, success: result !== false }),
		}),
		act('removeTask', 'Remove Task', "Take a task off a sprint's Kanban", 'tasks.api.scrum.kanban.deleteTask', [sprintOf, id('taskId', 'Task ID')], {
			...V2,
			output: (result, request) => ({ taskId: (request as IDataObject).taskId as string, success: result !== false }),
		}),
		scrumFields('tasks.api.scrum.kanban', 'Scrum Kanban stage'),
	],
};

const taskId = id('id', 'Task ID');

export const scrumTask: ResourceSpec = {
	value: 'scrumTask',
	name: 'Scrum Task',
	group: 'Tasks',
	description: 'Scrum fields of a task: backlog or sprint, story points, epic',
	operations: [
		act('get', 'Get', 'Get the Scrum fields of a task', 'tasks.api.scrum.task.get', [taskId], { ...V2, kind: 'get' }),
		{
			value: 'update',
			name: 'Update',
			action: 'Update the Scrum fields of a task',
			method: 'tasks.api.scrum.task.update',
			kind: 'update',
			...V2,
			params: [taskId],
			optional: [
				f(str('entityId', 'Backlog or Sprint ID', { integer: true, description: 'Where the task sits' })),
				f(str('storyPoints', 'Story Points')),
				f(num('epicId', 'Epic ID')),
				f(num('sort', 'Sort')),
			],
			optionalName: 'updateFields',
			fixed: { fields: {} },
			output: (result, request) => ({ id: (request as IDataObject).id as string, updated: result !== false && result !== null }),
		},
		scrumFields('tasks.api.scrum.task', 'Scrum task'),
	],
};

export const scrumResources: ResourceSpec[] = [scrumBacklog, scrumEpic, scrumSprint, scrumStage, scrumTask];
