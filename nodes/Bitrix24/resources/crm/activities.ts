import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseJson } from '../../params';
import type { ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { act, bool, changedCode, date, fieldsOp, id, json, list, num, since2, str } from '../shared';

/**
 * Activities beyond crm.activity.*: the records an activity is bound to, call transcripts, kanban
 * badges, application activity types and configurable (application-drawn) activities.
 */

const ENTITY_TYPE_HINT = '1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 invoice, 128+ smart processes';
const activityId = id('activityId', 'Activity ID');
const entityTypeId = (name: string, label: string): ParamSpec => num(name, label, { required: true, default: 2, integer: true, description: ENTITY_TYPE_HINT });
const entityId = (name: string, label: string): ParamSpec => num(name, label, { required: true, default: 0, integer: true, description: 'ID of the CRM record' });
/** Methods that answer `true`: echo the request, so the item says what changed. */
const echo = (flag: string) => (result: unknown, request: IDataObject | unknown[]) => ({ ...(request as IDataObject), [flag]: result !== false });

const bound = [activityId, { ...entityTypeId('entityTypeId', 'Entity Type ID'), dropdown: 'getEntityTypes' }, id('entityId', 'Entity ID', undefined, { description: 'ID of the CRM record' })];

export const activityBinding: ResourceSpec = {
	value: 'activityBinding',
	name: 'Activity Binding',
	group: 'CRM',
	description: 'The CRM records an activity shows up in',
	operations: since2([
		{ value: 'create', name: 'Create', action: 'Bind an activity to a record', method: 'crm.activity.binding.add', kind: 'create', params: bound, output: echo('bound') },
		{ value: 'delete', name: 'Delete', action: 'Unbind an activity from a record', method: 'crm.activity.binding.delete', kind: 'delete', params: bound, output: echo('deleted') },
		{ value: 'getMany', name: 'Get Many', action: 'Get the records an activity is bound to', method: 'crm.activity.binding.list', kind: 'getMany', params: [activityId], paging: { mode: 'all' } },
		act(
			'move',
			'Move',
			'Move an activity to another record',
			'crm.activity.binding.move',
			[
				activityId,
				entityTypeId('sourceEntityTypeId', 'From Entity Type ID'),
				entityId('sourceEntityId', 'From Entity ID'),
				entityTypeId('targetEntityTypeId', 'To Entity Type ID'),
				entityId('targetEntityId', 'To Entity ID'),
			],
			{ output: echo('moved') },
		),
	]),
};

export const callActivity: ResourceSpec = {
	value: 'callActivity',
	name: 'Call Activity',
	group: 'CRM',
	description: 'Call transcripts and the fields of activity communications',
	operations: since2([
		act('getTranscript', 'Get Transcript', 'Get the transcript of a call activity', 'crm.activity.call.getTranscript', [id('activityId', 'Activity ID')], {
			output: (result, request) => ({ activityId: (request as IDataObject).activityId as string, ...(result as IDataObject) }),
		}),
		fieldsOp('crm.activity.communication.fields', 'activity communication', { name: 'Get Communication Fields', value: 'getCommunicationFields' }),
	]),
};

const badgeCode = str('code', 'Code', { required: true, placeholder: 'e.g. missedCall', description: 'Code of the badge' });
const badgeType: ParamSpec = {
	name: 'type',
	label: 'Type',
	type: 'options',
	required: true,
	default: 'primary',
	description: 'The badge color',
	options: [
		{ name: 'Failure (Red)', value: 'failure' },
		{ name: 'Primary (Blue)', value: 'primary' },
		{ name: 'Secondary (Gray)', value: 'secondary' },
		{ name: 'Success (Green)', value: 'success' },
		{ name: 'Warning (Yellow)', value: 'warning' },
	],
};

export const activityBadge = crud({
	value: 'activityBadge',
	name: 'Activity Badge',
	group: 'CRM',
	description: 'Badges configurable activities show on kanban cards',
	prefix: 'crm.activity.badge',
	noun: 'activity badge',
	key: [badgeCode],
	create: [
		badgeCode,
		str('title', 'Title', { required: true, description: 'Badge title; JSON such as {"en": "Alarm", "de": "Achtung"} gives one per language' }),
		str('value', 'Value', { required: true, description: 'Badge text; JSON such as {"en": "Missed", "de": "Verpasst"} gives one per language' }),
		badgeType,
	],
	unwrap: 'badge',
	paging: { mode: 'all', itemsPath: 'badges' },
	verbs: ['create', 'get', 'getMany', 'delete'],
	every: { since: 2 },
	override: {
		// title and value are a string or an object of languages
		create: {
			prepare(params: IDataObject, itemIndex: number) {
				return { ...params, title: languages(this, params.title, 'Title', itemIndex), value: languages(this, params.value, 'Value', itemIndex) };
			},
		},
		delete: { output: changedCode('deleted') },
	},
});

/** A title or value given as JSON ({"en": ..., "de": ...}) goes as an object of languages. */
function languages(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): IDataObject[keyof IDataObject] {
	if (typeof value !== 'string' || !/^\s*\{/.test(value)) return value as IDataObject[keyof IDataObject];
	return parseJson(ctx, value, label, itemIndex, 'object') as IDataObject;
}

// TYPE_ID is a dropdown on Activity; this one is free text, so its input has its own name
const typeId = str('activityTypeCode', 'Type ID', { required: true, to: 'TYPE_ID', placeholder: 'e.g. 1C', description: 'Code of the activity type' });

export const activityType = crud({
	value: 'activityType',
	name: 'Activity Type',
	group: 'CRM',
	description: 'Activity types an application registers',
	prefix: 'crm.activity.type',
	noun: 'activity type',
	key: [typeId],
	create: [{ ...typeId, to: 'fields.TYPE_ID' }, str('NAME', 'Name', { required: true, to: 'fields.NAME' })],
	fields: [bool('IS_CONFIGURABLE_TYPE', 'Configurable', 'Whether the type is for configurable activities', { yn: true, to: 'fields.IS_CONFIGURABLE_TYPE' })],
	paging: { mode: 'all' },
	verbs: ['create', 'getMany', 'delete'],
	every: { since: 2, appOnly: true },
	override: {
		create: { output: (result, request) => ({ ...((request as IDataObject).fields as IDataObject), created: result !== false }) },
		delete: { output: (result, request) => ({ TYPE_ID: (request as IDataObject).TYPE_ID as string, deleted: result !== false }) },
	},
});

const layout = (required: boolean) =>
	json('layout', 'Layout (JSON)', {
		required,
		default: required ? '{"icon": {"code": "call-completed"}, "header": {"title": "Incoming call"}, "body": {"blocks": {}}}' : undefined,
		description: 'How the activity looks in the timeline: icon, header, body blocks and footer (the LayoutDto structure)',
	});
const activityFields: ParamSpec[] = [
	str('typeId', 'Type ID', { description: 'A configurable activity type (see Activity Type); CONFIGURABLE by default' }),
	bool('completed', 'Completed', 'Whether the activity is closed'),
	date('deadline', 'Deadline'),
	list('pingOffsets', 'Reminder Offsets', { description: 'Comma-separated minutes before the deadline to remind, e.g. 0, 15' }),
	bool('isIncomingChannel', 'Incoming Channel', 'Whether the activity came in through an incoming channel'),
	num('responsibleId', 'Responsible User ID'),
	str('badgeCode', 'Badge Code', { description: 'Badge shown on the kanban card (see Activity Badge)' }),
	str('originatorId', 'Source ID', { description: 'ID of the data source' }),
	str('originId', 'Source Item ID', { description: 'ID of the item in the data source' }),
].map((spec) => ({ ...spec, to: `fields.${spec.name}` }));

export const configurableActivity = crud({
	value: 'configurableActivity',
	name: 'Configurable Activity',
	group: 'CRM',
	description: 'Activities whose timeline look an application defines',
	prefix: 'crm.activity.configurable',
	noun: 'configurable activity',
	key: [id('id', 'Activity ID')],
	create: [entityTypeId('ownerTypeId', 'Entity Type ID'), entityId('ownerId', 'Entity ID'), layout(true)],
	fields: activityFields,
	unwrap: 'activity',
	verbs: ['create', 'get', 'update'],
	every: { since: 2, appOnly: true },
	override: {
		create: { fixed: { fields: {} } },
		// the method replaces the layout each time
		update: { params: [id('id', 'Activity ID'), layout(true)], optional: activityFields, fixed: { fields: {} } },
	},
});

export const activityResources: ResourceSpec[] = [activityBinding, callActivity, activityBadge, activityType, configurableActivity];
