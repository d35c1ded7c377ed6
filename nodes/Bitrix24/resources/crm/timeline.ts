import type { INodePropertyOptions } from 'n8n-workflow';

import type { OperationSpec, ParamSpec, ResourceSpec } from '../../types';
import { ALL_VERBS, crud } from '../crud';
import { bool, date, id, json, list, num, startPaging, str, toFields as f } from '../shared';

/** Activities, to-dos and the timeline: crm.activity.*, crm.activity.todo.*, crm.timeline.*. */

const options = (pairs: Array<[string, string | number]>): INodePropertyOptions[] => pairs.map(([name, value]) => ({ name, value }));
const choice = (spec: ParamSpec, pairs: Array<[string, string | number]>, fallback: string | number): ParamSpec => ({
	...spec,
	type: 'options',
	options: options(pairs),
	default: fallback,
});

const OWNER_TYPE_HINT = '1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 invoice, 128+ smart processes';
const ownerTypeId = (to?: string, extra: Partial<ParamSpec> = {}) =>
	num('ownerTypeId', 'Owner Entity Type ID', { required: true, default: 2, to, description: OWNER_TYPE_HINT, ...extra });
const ownerId = (to?: string, extra: Partial<ParamSpec> = {}) =>
	num('ownerId', 'Owner ID', { required: true, default: 0, to, description: 'ID of the CRM record', ...extra });

const activityFields = [
	f(str('SUBJECT', 'Subject')),
	f(str('DESCRIPTION', 'Description')),
	f(date('START_TIME', 'Start Time')),
	f(date('END_TIME', 'End Time')),
	f(date('DEADLINE', 'Deadline')),
	f(choice(str('DIRECTION', 'Direction'), [['Incoming', 1], ['Outgoing', 2]], 2)),
	f(choice(str('PRIORITY', 'Priority'), [['Low', 1], ['Medium', 2], ['High', 3]], 2)),
	f(bool('COMPLETED', 'Completed', 'Whether the activity is done', { yn: true })),
];

const todoOptional = [
	str('title', 'Title'),
	str('description', 'Description'),
	num('responsibleId', 'Responsible User ID'),
	num('parentActivityId', 'Parent Activity ID', { description: 'ID of the activity this to-do follows up' }),
	list('pingOffsets', 'Reminders (Minutes Before)', { description: 'Comma-separated minutes before the deadline, e.g. 0, 15' }),
	num('colorId', 'Color ID', { description: 'Color of the to-do, 1 to 8' }),
];
const todoKey = [id('id', 'To-Do ID'), ownerTypeId(), ownerId()];
const todoChange = (value: string, name: string, action: string, method: string, input: ParamSpec): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'update',
	params: [...todoKey, input],
});

export const activity = crud({
	value: 'activity',
	name: 'Activity',
	group: 'CRM',
	description: 'Calls, meetings, emails and to-dos in the CRM timeline',
	prefix: 'crm.activity',
	noun: 'activity',
	plural: 'activities',
	key: [id('id', 'Activity ID')],
	create: [
		f({ ...ownerTypeId(), name: 'OWNER_TYPE_ID' }),
		f({ ...ownerId(), name: 'OWNER_ID' }),
		f(choice(num('TYPE_ID', 'Type', { required: true }), [['Meeting', 1], ['Call', 2], ['Task', 3], ['Email', 4]], 2)),
		f(str('RESPONSIBLE_ID', 'Responsible User ID', { required: true, default: '1' })),
		f(json('COMMUNICATIONS', 'Communications (JSON)', {
			required: true,
			shape: 'array',
			default: '[]',
			description: 'Who the activity is with, e.g. [{"VALUE": "+15550001122", "ENTITY_ID": 5, "ENTITY_TYPE_ID": 3}]',
		})),
	],
	fields: activityFields,
	updateFixed: { fields: {} },
	paging: startPaging(),
	verbs: ALL_VERBS,
	override: { update: { optional: [...activityFields, f(num('RESPONSIBLE_ID', 'Responsible User ID'))] } },
	more: [
		{
			value: 'createTodo',
			name: 'Create To-Do',
			action: 'Create a to-do',
			method: 'crm.activity.todo.add',
			kind: 'create',
			params: [ownerTypeId(), ownerId(), date('deadline', 'Deadline', { required: true })],
			optional: todoOptional,
		},
		{
			value: 'updateTodo',
			name: 'Update To-Do',
			action: 'Update a to-do',
			method: 'crm.activity.todo.update',
			kind: 'update',
			params: [...todoKey, date('deadline', 'Deadline', { required: true })],
			optional: todoOptional,
			optionalName: 'updateFields',
		},
		todoChange('updateTodoDeadline', 'Update To-Do Deadline', 'Change the deadline of a to-do', 'crm.activity.todo.updateDeadline', date('deadline', 'Deadline', { required: true, to: 'value' })),
		todoChange('updateTodoDescription', 'Update To-Do Description', 'Change the description of a to-do', 'crm.activity.todo.updateDescription', str('value', 'Description', { required: true })),
		todoChange('updateTodoResponsible', 'Update To-Do Responsible', 'Change the responsible user of a to-do', 'crm.activity.todo.updateResponsibleUser', num('responsibleId', 'Responsible User ID', { required: true, default: 1 })),
		todoChange('updateTodoColor', 'Update To-Do Color', 'Change the color of a to-do', 'crm.activity.todo.updateColor', num('colorId', 'Color ID', { required: true, default: 1, description: 'Color of the to-do, 1 to 8' })),
	],
});

const commentId = id('id', 'Comment ID');
const entityType = str('ENTITY_TYPE', 'Entity Type', { required: true, default: 'deal', description: 'lead, deal, contact, company, quote, order or dynamic_<entity type ID>' });
const entityId = str('ENTITY_ID', 'Entity ID', { required: true, description: 'ID of the CRM record' });
const files = json('FILES', 'Files (JSON)', { shape: 'array', description: 'Attachments as [name, base64] pairs, e.g. [["note.txt", "SGVsbG8="]]' });
const ownerScope = [num('ownerTypeId', 'Owner Entity Type ID', { description: OWNER_TYPE_HINT }), num('ownerId', 'Owner ID')];

export const timelineComment = crud({
	value: 'timelineComment',
	name: 'Timeline Comment',
	group: 'CRM',
	prefix: 'crm.timeline.comment',
	noun: 'timeline comment',
	key: [commentId],
	create: [f(entityType), f(entityId), f(str('COMMENT', 'Comment', { required: true }))],
	fields: [f(files), f(num('AUTHOR_ID', 'Author ID'))],
	override: {
		getMany: {
			// the record filter is required, so it comes from the inputs rather than the Filter option
			params: [{ ...entityType, to: 'filter.ENTITY_TYPE' }, { ...entityId, to: 'filter.ENTITY_ID' }],
			paging: { mode: 'start', orderKey: 'order', selectKey: 'select' },
		},
		update: { params: [commentId, f(str('COMMENT', 'Comment', { required: true }))], optional: [f(files), ...ownerScope], optionalName: 'options' },
		delete: { optional: ownerScope, optionalName: 'options' },
	},
});

export const timelineLogMessage = crud({
	value: 'timelineLogMessage',
	name: 'Timeline Log Message',
	group: 'CRM',
	description: 'System-style records in the timeline',
	prefix: 'crm.timeline.logmessage',
	noun: 'timeline log message',
	key: [id('id', 'Log Message ID')],
	create: [
		f(num('entityTypeId', 'Entity Type ID', { required: true, default: 2, description: OWNER_TYPE_HINT, dropdown: 'getEntityTypes' })),
		f(str('entityId', 'Entity ID', { required: true })),
		f(str('title', 'Title', { required: true })),
		f(str('text', 'Text', { required: true })),
		f(str('iconCode', 'Icon Code', { required: true, default: 'info', placeholder: 'e.g. info, attention or check' })),
	],
	unwrap: 'logMessage',
	paging: { mode: 'start', orderKey: 'order' },
	verbs: ['create', 'get', 'getMany', 'delete'],
	override: {
		getMany: {
			params: [num('entityTypeId', 'Entity Type ID', { required: true, default: 2, description: OWNER_TYPE_HINT, dropdown: 'getEntityTypes' }), str('entityId', 'Entity ID', { required: true })],
		},
	},
});

const noteTarget = [
	ownerTypeId(),
	ownerId(),
	choice(num('itemType', 'Record Type', { required: true }), [['History Record', 1], ['Activity', 2]], 1),
	num('itemId', 'Record ID', { required: true, default: 0, description: 'ID of the history record or activity the note belongs to' }),
];

export const timelineNote = crud({
	value: 'timelineNote',
	name: 'Timeline Note',
	group: 'CRM',
	description: 'Notes attached to timeline records',
	prefix: 'crm.timeline.note',
	noun: 'timeline note',
	key: noteTarget,
	verbs: [
		{ value: 'save', name: 'Save', action: 'Save a timeline note', method: 'crm.timeline.note.save', kind: 'update', params: [...noteTarget, str('text', 'Text', { required: true })] },
		'get',
		'delete',
	],
});

const bindingFields = [
	num('OWNER_ID', 'Timeline Record ID', { required: true, default: 0, to: 'fields.OWNER_ID' }),
	str('ENTITY_ID', 'Entity ID', { required: true, to: 'fields.ENTITY_ID' }),
	str('ENTITY_TYPE', 'Entity Type', { required: true, default: 'deal', to: 'fields.ENTITY_TYPE', description: 'lead, deal, contact, company or dynamic_<entity type ID>' }),
];

export const timelineBinding: ResourceSpec = {
	value: 'timelineBinding',
	name: 'Timeline Binding',
	group: 'CRM',
	description: 'Which CRM records a timeline record is shown on',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get the bindings of a timeline record',
			method: 'crm.timeline.bindings.list',
			kind: 'getMany',
			params: [num('OWNER_ID', 'Timeline Record ID', { required: true, default: 0, to: 'filter.OWNER_ID' })],
			paging: { mode: 'start' },
		},
		{ value: 'bind', name: 'Bind', action: 'Show a timeline record on another CRM record', method: 'crm.timeline.bindings.bind', kind: 'action', params: bindingFields },
		{ value: 'unbind', name: 'Unbind', action: 'Remove a timeline record from a CRM record', method: 'crm.timeline.bindings.unbind', kind: 'action', params: bindingFields },
	],
};

const entryKey = [id('id', 'Timeline Entry ID'), ownerTypeId(), ownerId()];

export const timelineEntry: ResourceSpec = {
	value: 'timelineEntry',
	name: 'Timeline Entry',
	group: 'CRM',
	operations: [
		{ value: 'pin', name: 'Pin', action: 'Pin a timeline entry', method: 'crm.timeline.item.pin', kind: 'action', params: entryKey, output: (_r, request) => ({ ...(request as object), pinned: true }) },
		{ value: 'unpin', name: 'Unpin', action: 'Unpin a timeline entry', method: 'crm.timeline.item.unpin', kind: 'action', params: entryKey, output: (_r, request) => ({ ...(request as object), pinned: false }) },
	],
};
