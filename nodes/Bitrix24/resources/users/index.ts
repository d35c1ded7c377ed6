import type { IDataObject } from 'n8n-workflow';

import type { ParamSpec, ResourceSpec } from '../../types';
import { crud } from '../crud';
import { bool, date, id, json, list, num, sortDirection, str, yn } from '../shared';
import { hrResources } from './hr';
import { timeRecord } from './timeman';

/** `*.fields` of users and departments map each field to its title only. */
const titlesOutput = (result: unknown): IDataObject[] => Object.entries((result ?? {}) as IDataObject).map(([field, title]) => ({ field, title }));

const gender: ParamSpec = {
	name: 'PERSONAL_GENDER',
	label: 'Gender',
	type: 'options',
	options: [
		{ name: 'Female', value: 'F' },
		{ name: 'Male', value: 'M' },
	],
	default: 'F',
};
const profile: ParamSpec[] = [
	str('NAME', 'First Name'),
	str('LAST_NAME', 'Last Name'),
	str('SECOND_NAME', 'Second Name'),
	gender,
	date('PERSONAL_BIRTHDAY', 'Birthday'),
	str('PERSONAL_MOBILE', 'Mobile Phone'),
	str('PERSONAL_PHONE', 'Personal Phone'),
	str('PERSONAL_CITY', 'City'),
	str('WORK_PHONE', 'Work Phone'),
	str('WORK_POSITION', 'Position'),
	str('WORK_COMPANY', 'Company'),
	list('UF_DEPARTMENT', 'Department IDs', { description: 'Comma-separated IDs of the departments the user belongs to' }),
	str('UF_PHONE_INNER', 'Internal Phone'),
	str('UF_SKILLS', 'Skills'),
	str('UF_INTERESTS', 'Interests'),
];
const adminMode = bool('ADMIN_MODE', 'Admin Mode', 'Whether to include all users, e.g. bots and email users (portal administrators only)');

export const user = crud({
	value: 'user',
	name: 'User',
	group: 'Users',
	prefix: 'user',
	noun: 'user',
	create: [str('EMAIL', 'Email', { required: true, placeholder: 'name@email.com' })],
	fields: profile,
	updateFirst: [bool('ACTIVE', 'Active', 'Whether the user can log in; turn off to dismiss the user'), str('EMAIL', 'Email', { placeholder: 'name@email.com' })],
	verbs: [
		'get',
		'getMany',
		{
			value: 'search',
			name: 'Search',
			action: 'Search users by name, email or position',
			method: 'user.search',
			kind: 'getMany',
			params: [str('FIND', 'Search Text', { required: true, to: 'FILTER.FIND', description: 'Text to look for in names, emails and positions' })],
			optional: [adminMode],
			optionalName: 'options',
			paging: { mode: 'start' },
		},
		{ value: 'getCurrent', name: 'Get Current', action: 'Get the current user', method: 'user.current', kind: 'get' },
		'create',
		'update',
		'fields',
	],
	override: {
		get: { params: [id('id', 'User ID', 'FILTER.ID', { locator: 'user' })] },
		getMany: {
			method: 'user.get',
			optional: [adminMode],
			optionalName: 'options',
			// user.get sorts with `sort` (a field) + `order` (a direction); reads go by ID keyset
			paging: { mode: 'start', filterKey: 'FILTER', idField: 'ID', idFilter: '>ID', orderPair: ['sort', 'order'] },
		},
		create: { action: 'Invite a user', description: 'Invite a new user by email (user.add)' },
		update: { params: [id('ID', 'User ID', undefined, { locator: 'user' })] },
		fields: { output: titlesOutput },
	},
});

const userFieldOptions: ParamSpec[] = [
	str('XML_ID', 'External ID'),
	num('SORT', 'Sort'),
	bool('MANDATORY', 'Required', 'Whether the field must be filled', { yn: true }),
	bool('SHOW_FILTER', 'Show in Filter', 'Whether the field appears in the user filter', { yn: true }),
	bool('SHOW_IN_LIST', 'Show in List', 'Whether the field appears in the user list', { yn: true }),
	str('EDIT_FORM_LABEL', 'Form Label'),
	str('LIST_COLUMN_LABEL', 'Column Label'),
	json('SETTINGS', 'Settings (JSON)', { description: 'Type-specific settings, e.g. {"DEFAULT_VALUE": "x"}' }),
].map((spec) => ({ ...spec, to: `fields.${spec.name}` }));

export const userField = crud({
	value: 'userField',
	name: 'User Custom Field',
	group: 'Users',
	prefix: 'user.userfield',
	noun: 'custom user field',
	key: [id('id', 'Custom Field ID')],
	create: [
		str('FIELD_NAME', 'Field Name', { required: true, to: 'fields.FIELD_NAME', placeholder: 'e.g. UF_USR_SHIFT', description: 'Code of the field; Bitrix24 adds the UF_USR_ prefix when missing' }),
		str('USER_FIELD_TYPE', 'Type', { required: true, to: 'fields.USER_TYPE_ID', placeholder: 'e.g. string, integer, double, date, enumeration, boolean' }),
	],
	fields: userFieldOptions,
	updateFixed: { fields: {} },
	verbs: ['getMany', 'create', 'update', 'delete'],
	override: {
		getMany: {
			action: 'Get custom user fields',
			optional: [json('filter', 'Filter (JSON)', { description: 'E.g. {"USER_TYPE_ID": "string"}' }), json('order', 'Sort (JSON)', { description: 'E.g. {"SORT": "ASC"}' })],
			optionalName: 'options',
		},
		create: { optional: [bool('MULTIPLE', 'Multiple', 'Whether the field holds several values', { yn: true, to: 'fields.MULTIPLE' }), ...userFieldOptions] },
	},
});

export const department = crud({
	value: 'department',
	name: 'Department',
	group: 'Users',
	prefix: 'department',
	noun: 'department',
	key: [id('ID', 'Department ID')],
	create: [str('NAME', 'Name', { required: true }), str('PARENT', 'Parent Department ID', { required: true, default: '1' })],
	fields: [num('SORT', 'Sort'), str('PARENT', 'Parent Department ID'), str('UF_HEAD', 'Head User ID')],
	updateFirst: [str('NAME', 'Name')],
	verbs: ['get', 'getMany', 'create', 'update', 'delete', 'fields'],
	override: {
		getMany: {
			method: 'department.get',
			// department.get filters by top-level fields and sorts by `sort` (field) + `order` (direction)
			optional: [
				str('NAME', 'Name'),
				str('PARENT', 'Parent Department ID'),
				str('UF_HEAD', 'Head User ID'),
				str('sort', 'Sort By', { placeholder: 'e.g. NAME' }),
				sortDirection('order', 'ASC'),
			],
			optionalName: 'options',
			paging: { mode: 'start', startKey: 'START' },
		},
		create: { optional: [num('SORT', 'Sort'), str('UF_HEAD', 'Head User ID')] },
		fields: { output: titlesOutput },
	},
});

const groupFields: ParamSpec[] = [
	str('DESCRIPTION', 'Description'),
	yn('VISIBLE', 'Visible', 'Whether the group is listed for everyone'),
	yn('OPENED', 'Open', 'Whether users can join without an invitation'),
	yn('CLOSED', 'Archived', 'Whether the group is archived'),
	str('KEYWORDS', 'Keywords', { description: 'Comma-separated keywords' }),
	{
		name: 'INITIATE_PERMS',
		label: 'Who Can Invite',
		type: 'options',
		options: [
			{ name: 'Owner Only', value: 'A' },
			{ name: 'Owner and Moderators', value: 'E' },
			{ name: 'All Members', value: 'K' },
		],
		default: 'K',
	},
	date('PROJECT_DATE_START', 'Project Start'),
	date('PROJECT_DATE_FINISH', 'Project End'),
	str('OWNER_ID', 'Owner User ID'),
	num('IMAGE_FILE_ID', 'Avatar File ID', { description: 'ID of a Drive file to use as the avatar' }),
];
const groupId = id('GROUP_ID', 'Workgroup ID', undefined, { locator: 'workgroup' });
/** The ID sits in `GROUP_ID`, which the generic shaping does not look at. */
const byGroup = (flag: 'updated' | 'deleted') => (result: unknown, request: IDataObject | unknown[]) => ({ id: (request as IDataObject).GROUP_ID, [flag]: result !== false });

export const workgroup = crud({
	value: 'workgroup',
	name: 'Workgroup',
	group: 'Users',
	description: 'Workgroups and projects',
	prefix: 'sonet_group',
	noun: 'workgroup',
	key: [groupId],
	create: [str('NAME', 'Name', { required: true })],
	fields: groupFields,
	updateFirst: [str('NAME', 'Name')],
	verbs: [
		'create',
		'get',
		'getMany',
		{
			value: 'list',
			name: 'Get Many (Detailed)',
			action: 'Get many workgroups with project and scrum details',
			method: 'socialnetwork.api.workgroup.list',
			kind: 'getMany',
			paging: { mode: 'start', itemsPath: 'workgroups', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
		},
		'update',
		'delete',
	],
	override: {
		create: {
			action: 'Create a workgroup or project',
			method: 'sonet_group.create',
			optional: [yn('PROJECT', 'Project', 'Whether to create a project instead of a group'), ...groupFields],
		},
		get: {
			method: 'socialnetwork.api.workgroup.get',
			params: [num('groupId', 'Workgroup ID', { required: true, to: 'params.groupId', locator: 'workgroup' })],
			optional: [list('select', 'Extra Data', { to: 'params.select', placeholder: 'e.g. AVATAR, OWNER_DATA, COUNTERS', description: 'Comma-separated extra data to return' })],
			optionalName: 'options',
		},
		getMany: {
			method: 'sonet_group.get',
			optional: [bool('IS_ADMIN', 'As Administrator', 'Whether to list all groups regardless of membership (portal administrators only)', { yn: true })],
			optionalName: 'options',
			paging: { mode: 'start', filterKey: 'FILTER', orderKey: 'ORDER' },
		},
		update: { output: byGroup('updated') },
		delete: { output: byGroup('deleted') },
	},
	more: [
		{
			value: 'setOwner',
			name: 'Set Owner',
			action: 'Change the owner of a workgroup',
			method: 'sonet_group.setowner',
			kind: 'action',
			params: [groupId, str('USER_ID', 'New Owner User ID', { required: true, locator: 'user' })],
		},
	],
});

const memberIds = list('USER_ID', 'User IDs', { required: true, description: 'Comma-separated user IDs' });
/** Member changes answer with the IDs of the users they applied to. */
const members = { output: (result: unknown, request: IDataObject | unknown[]) => ({ groupId: (request as IDataObject).GROUP_ID, userIds: result as string[] }) };

export const workgroupMember: ResourceSpec = {
	value: 'workgroupMember',
	name: 'Workgroup Member',
	group: 'Users',
	operations: [
		{ value: 'getMany', name: 'Get Many', action: 'Get the members of a workgroup', method: 'sonet_group.user.get', kind: 'getMany', params: [id('ID', 'Workgroup ID', undefined, { locator: 'workgroup' })] },
		{ value: 'add', name: 'Add', action: 'Add users to a workgroup', method: 'sonet_group.user.add', kind: 'action', params: [groupId, memberIds], ...members },
		{ value: 'remove', name: 'Remove', action: 'Remove users from a workgroup', method: 'sonet_group.user.delete', kind: 'action', params: [groupId, memberIds], ...members },
		{
			value: 'invite',
			name: 'Invite',
			action: 'Invite users to a workgroup',
			method: 'sonet_group.user.invite',
			kind: 'action',
			params: [groupId, memberIds],
			...members,
			optional: [str('MESSAGE', 'Message', { description: 'Text of the invitation' })],
			optionalName: 'options',
		},
		{
			value: 'setRole',
			name: 'Set Role',
			action: 'Change the role of workgroup members',
			method: 'sonet_group.user.update',
			kind: 'action',
			params: [
				groupId,
				memberIds,
				{ name: 'ROLE', label: 'Role', type: 'options', required: true, options: [{ name: 'Moderator', value: 'E' }, { name: 'Member', value: 'K' }], default: 'K' },
			],
			...members,
		},
		{ value: 'getMyGroups', name: 'Get My Groups', action: 'Get the workgroups of the current user', method: 'sonet_group.user.groups', kind: 'getMany' },
	],
};

export const usersResources: ResourceSpec[] = [user, userField, department, workgroup, workgroupMember, ...hrResources, timeRecord];
