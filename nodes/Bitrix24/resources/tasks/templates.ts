import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { binaryProperty } from '../drive/binary';
import { ALL_VERBS, crud } from '../crud';
import { act, changed, fieldsOp, id, json, list, num, str, toFields as f, V2, yn } from '../shared';

/** Task templates and their checklists, flows, task dependencies, task custom fields, the daily plan. */

// a number, as CRM Document's templateId input already is: n8n keeps a same-named value across operations
const templateId = num('templateId', 'Template ID', { required: true, integer: true, default: 0, description: "The template's ID" });

const priority: ParamSpec = {
	name: 'PRIORITY',
	label: 'Priority',
	type: 'options',
	default: 1,
	options: [
		{ name: 'Low', value: 0 },
		{ name: 'Medium', value: 1 },
		{ name: 'High', value: 2 },
	],
};

export const taskTemplate = crud({
	value: 'taskTemplate',
	name: 'Task Template',
	group: 'Tasks',
	description: 'Templates that tasks and flows are created from (tasks.template.*)',
	prefix: 'tasks.template',
	noun: 'task template',
	key: [templateId],
	create: [
		f(str('TITLE', 'Title', { required: true })),
		f(str('RESPONSIBLE_ID', 'Responsible User ID', { required: true, integer: true })),
		f(str('CREATED_BY', 'Created By User ID', { required: true, integer: true })),
	],
	fields: [
		f(str('DESCRIPTION', 'Description')),
		f(priority),
		f(num('GROUP_ID', 'Workgroup ID')),
		f(num('PARENT_ID', 'Parent Task ID')),
		f(num('DEADLINE_AFTER', 'Deadline After (Seconds)', { description: 'The deadline of a created task, in seconds after its creation' })),
		f(num('START_DATE_PLAN_AFTER', 'Planned Start After (Seconds)')),
		f(num('END_DATE_PLAN_AFTER', 'Planned End After (Seconds)')),
		f(yn('TASK_CONTROL', 'Review on Completion', 'Whether the creator reviews the completed task')),
	],
	updateFirst: [f(str('TITLE', 'Title')), f(num('RESPONSIBLE_ID', 'Responsible User ID'))],
	updateFixed: { fields: {} },
	verbs: ['create', 'get', 'update', 'delete', 'fields'],
	every: V2,
	override: {
		get: { optional: [list('select', 'Fields', { to: 'params.select', description: "Comma-separated fields to return; every field and custom field when empty, e.g. ID, TITLE, UF_*" })], optionalName: 'options' },
		update: { output: changed('templateId', 'updated') },
		delete: { output: changed('templateId', 'deleted') },
	},
});

const itemId = id('checkListItemId', 'Checklist Item ID');
const itemOf = { unwrap: 'checkListItem' };
const checklistFields = (prefix: 'fields'): ParamSpec[] =>
	[
		num('SORT_INDEX', 'Sort Index'),
		yn('IS_COMPLETE', 'Complete', 'Whether the item is done'),
		yn('IS_IMPORTANT', 'Important', 'Whether the item is marked important'),
		json('MEMBERS', 'Members (JSON)', { description: 'Users by ID with their role (A accomplice, U auditor), e.g. {"5": {"TYPE": "A"}}' }),
	].map((spec) => ({ ...spec, to: `${prefix}.${spec.name}` }));

/** CONTENT is the input file as base64; NAME defaults to the file's own name. */
async function withAttachment(this: IExecuteFunctions, params: IDataObject, itemIndex: number): Promise<IDataObject> {
	const { binaryPropertyName, fileName, ...request } = params;
	const property = String(binaryPropertyName);
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	return { ...request, attachmentParameters: { NAME: String(fileName || binary.fileName || 'file'), CONTENT: buffer.toString('base64') } };
}

const itemAction = (value: string, name: string, action: string, method: string, more: ParamSpec[] = [], extra: Partial<OperationSpec> = {}): OperationSpec =>
	act(value, name, action, method, [templateId, itemId, ...more], { ...V2, ...itemOf, ...extra });

export const taskTemplateChecklist: ResourceSpec = {
	value: 'taskTemplateChecklist',
	name: 'Task Template Checklist',
	group: 'Tasks',
	description: 'Checklist items of a task template',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Add a checklist item to a task template',
			method: 'tasks.template.checklist.add',
			kind: 'create',
			...V2,
			...itemOf,
			params: [templateId, f(str('TITLE', 'Title', { required: true })), f(num('PARENT_ID', 'Parent Item ID', { required: true, default: 0, description: '0 starts a new checklist named by the title' }))],
			optional: checklistFields('fields'),
		},
		itemAction('get', 'Get', 'Get a checklist item of a task template', 'tasks.template.checklist.get', [], { kind: 'get' }),
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the checklist items of a task template',
			method: 'tasks.template.checklist.list',
			kind: 'get',
			...V2,
			params: [templateId],
			optional: [
				json('filter', 'Filter (JSON)', { description: 'e.g. {"IS_COMPLETE": "N"}' }),
				list('select', 'Fields', { description: 'Comma-separated, e.g. ID, TITLE, IS_COMPLETE' }),
				json('order', 'Sort (JSON)', { description: 'e.g. {"SORT_INDEX": "ASC"}' }),
			],
			optionalName: 'options',
			// {checkListItems: {<id>: item}}: one output item per checklist item
			output: (result) => Object.values(((result as IDataObject)?.checkListItems ?? {}) as IDataObject) as IDataObject[],
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a checklist item of a task template',
			method: 'tasks.template.checklist.update',
			kind: 'update',
			...V2,
			...itemOf,
			params: [templateId, itemId],
			optional: [f(str('TITLE', 'Title')), f(num('PARENT_ID', 'Parent Item ID')), ...checklistFields('fields')],
			optionalName: 'updateFields',
			fixed: { fields: {} },
		},
		itemAction('delete', 'Delete', 'Delete a checklist item of a task template', 'tasks.template.checklist.delete', [], {
			kind: 'delete',
			unwrap: undefined,
			output: (result, request) => ({ id: (request as IDataObject).checkListItemId as string, deleted: result !== false }),
		}),
		itemAction('complete', 'Complete', 'Mark a template checklist item done', 'tasks.template.checklist.complete'),
		itemAction('renew', 'Renew', 'Mark a template checklist item not done', 'tasks.template.checklist.renew'),
		itemAction('moveAfter', 'Move After', 'Move a template checklist item after another', 'tasks.template.checklist.moveAfter', [id('afterItemId', 'After Item ID')]),
		itemAction('moveBefore', 'Move Before', 'Move a template checklist item before another', 'tasks.template.checklist.moveBefore', [id('beforeItemId', 'Before Item ID')]),
		itemAction('attachFromDrive', 'Attach Drive Files', 'Attach Drive files to a template checklist item', 'tasks.template.checklist.addAttachmentsFromDisk', [
			list('filesIds', 'Drive File IDs', { required: true, description: 'Comma-separated Drive file IDs with the n prefix, e.g. n5065, n5067' }),
		]),
		itemAction('attachFile', 'Attach File', 'Attach an input file to a template checklist item', 'tasks.template.checklist.addAttachmentByContent', [binaryProperty('read')], {
			optional: [str('fileName', 'File Name', { description: "The attachment's name; the input file's name when empty" })],
			optionalName: 'options',
			batchable: false,
			prepare: withAttachment,
		}),
		itemAction('removeAttachments', 'Remove Attachments', 'Remove attachments from a template checklist item', 'tasks.template.checklist.removeAttachments', [
			list('attachmentsIds', 'Attachment IDs', { required: true, description: 'Comma-separated attachment IDs from the item' }),
		]),
	],
};

const flowId = id('flowId', 'Flow ID');
const flowData = (spec: ParamSpec): ParamSpec => ({ ...spec, to: `flowData.${spec.name}` });
const distribution: ParamSpec = {
	name: 'distributionType',
	label: 'Distribution',
	type: 'options',
	default: 'manually',
	description: 'How tasks reach employees',
	options: [
		{ name: 'Manually (by a Moderator)', value: 'manually' },
		{ name: 'Queue', value: 'queue' },
		{ name: 'Self-Assignment', value: 'himself' },
	],
};
const responsibleList = json('responsibleList', 'Responsible (JSON)', {
	shape: 'array',
	description: 'The moderator for manual distribution, else employees or departments, e.g. [["user", "3"], ["department", "17:F"]]',
});
const flowOptionInputs: ParamSpec[] = [
	str('description', 'Description'),
	num('groupId', 'Workgroup ID', { description: 'A new workgroup is created when empty' }),
	num('ownerId', 'Owner User ID', { description: 'The flow administrator; the caller when empty' }),
	num('templateId', 'Task Template ID'),
	json('taskCreators', 'Task Creators (JSON)', { shape: 'any', description: 'Who may add tasks, e.g. [["user", "3"]] or {"meta-user": "all-users"}' }),
	{ name: 'matchWorkTime', label: 'Skip Non-Working Days', type: 'options', default: 1, options: [{ name: 'Yes', value: 1 }, { name: 'No', value: 0 }] },
	{ name: 'responsibleCanChangeDeadline', label: 'Responsible Can Change Deadline', type: 'options', default: 0, options: [{ name: 'Yes', value: 1 }, { name: 'No', value: 0 }] },
];
const flowOptions = flowOptionInputs.map(flowData);

export const taskFlow: ResourceSpec = {
	value: 'taskFlow',
	name: 'Task Flow',
	group: 'Tasks',
	description: 'Flows: task intake queues of a team (tasks.flow.Flow.*)',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a task flow',
			method: 'tasks.flow.Flow.create',
			kind: 'create',
			...V2,
			params: [
				flowData(str('name', 'Name', { required: true, description: 'Unique among flows' })),
				flowData(num('plannedCompletionTime', 'Planned Completion Time (Seconds)', { required: true, default: 86400 })),
				flowData({ ...distribution, required: true }),
				flowData({ ...responsibleList, required: true }),
			],
			optional: flowOptions,
		},
		act('get', 'Get', 'Get a task flow', 'tasks.flow.Flow.get', [flowId], { ...V2, kind: 'get' }),
		{
			value: 'update',
			name: 'Update',
			action: 'Update a task flow',
			method: 'tasks.flow.Flow.update',
			kind: 'update',
			...V2,
			params: [flowData(id('id', 'Flow ID'))],
			optional: [flowData(str('name', 'Name')), flowData(num('plannedCompletionTime', 'Planned Completion Time (Seconds)')), flowData(distribution), flowData(responsibleList), ...flowOptions],
			optionalName: 'updateFields',
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a task flow',
			method: 'tasks.flow.Flow.delete',
			kind: 'delete',
			...V2,
			params: [flowData(id('id', 'Flow ID'))],
			output: (result, request) => ({ id: ((request as IDataObject).flowData as IDataObject).id as string, deleted: (result as IDataObject)?.deleted !== false }),
		},
		act('activate', 'Activate or Deactivate', 'Turn a task flow on or off', 'tasks.flow.Flow.activate', [flowId], { ...V2, output: changed('flowId') }),
		act('pin', 'Pin or Unpin', 'Pin or unpin a task flow in the list', 'tasks.flow.Flow.pin', [flowId], { ...V2, output: changed('flowId') }),
		act('nameExists', 'Check Name', 'Check whether a task flow name is taken', 'tasks.flow.Flow.isExists', [flowData(str('name', 'Name', { required: true }))], {
			...V2,
			kind: 'get',
			optional: [flowData(num('id', 'Except Flow ID', { description: 'A flow to leave out of the check, e.g. the one being renamed' }))],
			optionalName: 'options',
		}),
	],
};

const linkType: ParamSpec = {
	name: 'linkType',
	label: 'Link Type',
	type: 'options',
	required: true,
	default: 2,
	options: [
		{ name: 'Start to Start', value: 0 },
		{ name: 'Start to Finish', value: 1 },
		{ name: 'Finish to Start', value: 2 },
		{ name: 'Finish to Finish', value: 3 },
	],
};
const dependencyOutput = (flag: 'created' | 'deleted') => (result: unknown, request: IDataObject | unknown[]) => {
	const { taskIdFrom, taskIdTo } = request as IDataObject;
	return { taskIdFrom: taskIdFrom as string, taskIdTo: taskIdTo as string, [flag]: result !== false };
};

export const taskDependency: ResourceSpec = {
	value: 'taskDependency',
	name: 'Task Dependency',
	group: 'Tasks',
	description: 'Gantt links between tasks',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Link two tasks',
			method: 'task.dependence.add',
			kind: 'create',
			...V2,
			params: [id('taskIdFrom', 'From Task ID'), id('taskIdTo', 'To Task ID'), linkType],
			output: dependencyOutput('created'),
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Unlink two tasks',
			method: 'task.dependence.delete',
			kind: 'delete',
			...V2,
			params: [id('taskIdFrom', 'From Task ID'), id('taskIdTo', 'To Task ID')],
			output: dependencyOutput('deleted'),
		},
	],
};

const fieldId = id('ID', 'Custom Field ID');
const userFieldSettings = (prefix: 'PARAMS' | 'DATA'): ParamSpec[] =>
	[
		str('LABEL', 'Label'),
		str('XML_ID', 'External ID'),
		num('SORT', 'Sort'),
		yn('MULTIPLE', 'Multiple', 'Whether the field holds several values (not for yes/no fields)'),
		yn('MANDATORY', 'Required', 'Whether a value is required'),
		json('EDIT_FORM_LABEL', 'Labels by Language (JSON)', { description: 'e.g. {"en": "Budget", "de": "Budget"}' }),
		json('SETTINGS', 'Settings (JSON)', { description: 'e.g. {"DEFAULT_VALUE": "x", "ROWS": 1}' }),
	].map((spec) => ({ ...spec, to: `${prefix}.${spec.name}` }));

export const taskUserField = crud({
	value: 'taskUserField',
	name: 'Task Custom Field',
	group: 'Tasks',
	description: 'Custom (UF_*) fields of tasks (task.item.userfield.*)',
	prefix: 'task.item.userfield',
	noun: 'task custom field',
	key: [fieldId],
	create: [
		{
			name: 'USER_TYPE_ID',
			label: 'Type',
			type: 'options',
			required: true,
			default: 'string',
			to: 'PARAMS.USER_TYPE_ID',
			options: [
				{ name: 'Date and Time', value: 'datetime' },
				{ name: 'Number', value: 'double' },
				{ name: 'String', value: 'string' },
				{ name: 'Yes/No', value: 'boolean' },
			],
		},
		str('FIELD_NAME', 'Field Name', { required: true, to: 'PARAMS.FIELD_NAME', placeholder: 'e.g. BUDGET', description: 'Bitrix24 adds the UF_ prefix' }),
	],
	fields: userFieldSettings('PARAMS'),
	// 50 per page with start (task-item-user-field-get-list.md)
	paging: { mode: 'start', filterKey: 'FILTER', orderKey: 'ORDER' },
	verbs: ALL_VERBS,
	every: V2,
	override: {
		getMany: { method: 'task.item.userfield.getlist' },
		update: { optional: userFieldSettings('DATA'), fixed: { DATA: {} } },
		fields: fieldsOp('task.item.userfield.getfields', 'task custom field', V2),
	},
	more: [
		{
			value: 'getTypes',
			name: 'Get Types',
			action: 'Get the task custom field types',
			method: 'task.item.userfield.gettypes',
			kind: 'get',
			...V2,
		},
	],
});

export const taskPlan: ResourceSpec = {
	value: 'taskPlan',
	name: 'Task Daily Plan',
	group: 'Tasks',
	description: "The tasks in the caller's plan for the day",
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: "Get the tasks of the caller's daily plan",
			method: 'task.planner.getlist',
			kind: 'get',
			...V2,
			// the result is a list of task IDs
			output: (result) => ((result ?? []) as unknown[]).map((taskId) => ({ taskId: taskId as number })),
		},
	],
};

export const templateResources: ResourceSpec[] = [taskTemplate, taskTemplateChecklist, taskFlow, taskDependency, taskUserField, taskPlan];
