import type { ParamSpec, ResourceSpec } from '../../types';
import { bool, json, list, num, str } from '../shared';
import { fieldOps, intId, intList, integersAt, pagePaging, restV3 } from '../v3common';
import { hcmLinkResources } from './hcmLink';

// humanresources.* (REST 3.0): the company structure of departments and teams (api-reference/departments).

const nodeType: ParamSpec = {
	name: 'type',
	label: 'Type',
	type: 'options',
	required: true,
	default: 'DEPARTMENT',
	options: [
		{ name: 'Department', value: 'DEPARTMENT' },
		{ name: 'Team', value: 'TEAM' },
	],
};
const nodeId = intId('id', 'Department or Team ID');
const parentId = intId('parentId', 'Parent ID', { description: 'The parent department or team' });
const select = list('select', 'Select', { placeholder: 'e.g. id, name, parentId', description: 'Comma-separated fields to return; empty for all' });
const colorName: ParamSpec = {
	name: 'colorName',
	label: 'Team Color',
	type: 'options',
	default: 'blue',
	options: ['blue', 'green', 'cyan', 'orange', 'purple', 'pink'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
};
const role = (required: boolean): ParamSpec => ({
	name: 'role',
	label: 'Role',
	type: 'options',
	required,
	default: 'MEMBER_EMPLOYEE',
	description: 'Department roles for a department, team roles for a team',
	options: [
		{ name: 'Department Head', value: 'MEMBER_HEAD' },
		{ name: 'Department Deputy Head', value: 'MEMBER_DEPUTY_HEAD' },
		{ name: 'Department Employee', value: 'MEMBER_EMPLOYEE' },
		{ name: 'Team Leader', value: 'MEMBER_TEAM_HEAD' },
		{ name: 'Team Deputy Leader', value: 'MEMBER_TEAM_DEPUTY_HEAD' },
		{ name: 'Team Member', value: 'MEMBER_TEAM_EMPLOYEE' },
	],
});
const memberNode = intId('nodeId', 'Department or Team ID');
const userIds = intList('userIds', 'User IDs', { required: true });
const byRole = json('userIds', 'Users by Role (JSON)', {
	description: 'Users per role, e.g. {"MEMBER_HEAD": [7], "MEMBER_EMPLOYEE": [12, 18]} (team roles: MEMBER_TEAM_HEAD, MEMBER_TEAM_DEPUTY_HEAD, MEMBER_TEAM_EMPLOYEE)',
});

const node: ResourceSpec = {
	value: 'hrNode',
	name: 'Department or Team',
	group: 'Users',
	description: 'Departments and teams of the company structure (REST 3.0)',
	operations: restV3([
		{
			value: 'create',
			name: 'Create',
			action: 'Create a department or team',
			method: 'humanresources.node.add',
			kind: 'create',
			params: [nodeType, str('name', 'Name', { required: true }), parentId],
			optional: [
				str('description', 'Description'),
				colorName,
				byRole,
				bool('moveUsersToNode', 'Move Users', 'Whether to take the users out of their previous department (departments only)'),
				bool('createChat', 'Create Chat', 'Whether to create a chat for it'),
				intList('bindingChatIds', 'Link Chat IDs'),
				bool('createChannel', 'Create Channel', 'Whether to create a channel for it'),
				intList('bindingChannelIds', 'Link Channel IDs'),
				bool('createCollab', 'Create Collab', 'Whether to create a collab for it'),
				intList('bindingCollabIds', 'Link Collab IDs'),
				json('settings', 'Settings (JSON)', { description: 'e.g. {"BUSINESS_PROC_AUTHORITY": ["HEAD"], "REPORTS_AUTHORITY": ["HEAD", "DEPUTY_HEAD"]}' }),
			],
			prepare: integersAt({ bindingChatIds: 'Link Chat IDs', bindingChannelIds: 'Link Channel IDs', bindingCollabIds: 'Link Collab IDs' }),
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a department or team',
			description: 'Get a department or team with its members',
			method: 'humanresources.node.get',
			kind: 'get',
			params: [nodeId],
			optional: [select],
			optionalName: 'options',
			unwrap: 'item',
		},
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many departments or teams',
			method: 'humanresources.node.list',
			kind: 'getMany',
			params: [nodeType],
			optional: [select],
			optionalName: 'options',
			paging: pagePaging(200),
		},
		{
			value: 'search',
			name: 'Search',
			action: 'Search departments or teams by name',
			method: 'humanresources.node.search',
			kind: 'action',
			params: [nodeType, str('name', 'Name Contains', { required: true })],
			optional: [num('parentId', 'Parent ID', { integer: true, description: 'Search only under this department' }), num('limit', 'Limit', { default: 50, to: 'pagination.limit', description: 'Max number of results to return (up to 200)' })],
			optionalName: 'options',
			unwrap: 'items',
		},
		{
			value: 'getChildren',
			name: 'Get Children',
			action: 'Get the child departments and teams',
			method: 'humanresources.node.children',
			kind: 'action',
			params: [nodeId],
			optional: [select],
			optionalName: 'options',
			unwrap: 'items',
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a department or team',
			method: 'humanresources.node.edit',
			kind: 'update',
			params: [nodeId],
			optional: [str('name', 'Name'), str('description', 'Description'), colorName],
			optionalName: 'updateFields',
		},
		{
			value: 'move',
			name: 'Move',
			action: 'Move a department or team under another',
			method: 'humanresources.node.move',
			kind: 'action',
			params: [nodeId, { ...parentId, label: 'New Parent ID' }],
		},
		{
			value: 'getCount',
			name: 'Get Count',
			action: 'Count the departments and teams',
			method: 'humanresources.node.count',
			kind: 'action',
		},
		{
			value: 'getCommunications',
			name: 'Get Communications',
			action: 'Get the chats, channels and collabs of a department or team',
			method: 'humanresources.node.communication.list',
			kind: 'get',
			params: [nodeId],
		},
		{
			value: 'editCommunications',
			name: 'Edit Communications',
			action: 'Link or unlink chats, channels or collabs of a department or team',
			method: 'humanresources.node.communication.edit',
			kind: 'action',
			params: [
				intId('nodeId', 'Department or Team ID'),
				{
					name: 'communicationType',
					label: 'Communication Type',
					type: 'options',
					required: true,
					default: 'CHAT',
					options: [
						{ name: 'Chat', value: 'CHAT' },
						{ name: 'Channel', value: 'CHANNEL' },
						{ name: 'Collab', value: 'COLLAB' },
					],
				},
			],
			optional: [
				intList('ids', 'Link IDs'),
				intList('removeIds', 'Unlink IDs'),
				bool('createDefault', 'Create Default', 'Whether to create the default chat, channel or collab'),
				bool('withChildren', 'With Children', 'Whether to apply the change to the child departments and teams too'),
			],
			prepare: integersAt({ ids: 'Link IDs', removeIds: 'Unlink IDs' }),
		},
		...fieldOps('humanresources.node', 'a department or team'),
	]),
};

const member: ResourceSpec = {
	value: 'hrNodeMember',
	name: 'Department or Team Member',
	group: 'Users',
	description: 'Who belongs to a department or team, and in which role (REST 3.0)',
	operations: restV3([
		{
			value: 'add',
			name: 'Add',
			action: 'Add users to a department or team',
			description: 'Add users to a department or team in one role (a user already there gets the new role)',
			method: 'humanresources.node.member.add',
			kind: 'action',
			params: [memberNode, userIds, role(true)],
			prepare: integersAt({ userIds: 'User IDs' }),
		},
		{
			value: 'move',
			name: 'Move',
			action: 'Move users to a department or team',
			description: 'Move users to a department or team, out of their other ones',
			method: 'humanresources.node.member.move',
			kind: 'action',
			params: [memberNode, userIds],
			optional: [role(false)],
			optionalName: 'options',
			prepare: integersAt({ userIds: 'User IDs' }),
		},
		{
			value: 'remove',
			name: 'Remove',
			action: 'Remove users from a department or team',
			method: 'humanresources.node.member.remove',
			kind: 'action',
			params: [memberNode, userIds],
			prepare: integersAt({ userIds: 'User IDs' }),
		},
		{
			value: 'set',
			name: 'Set',
			action: 'Set the members of a department or team',
			description: 'Replace the members of a department or team with these users per role',
			method: 'humanresources.node.member.set',
			kind: 'action',
			// `userIds` is a list input in Add, Move and Remove: this object input is named apart
			params: [memberNode, { ...byRole, name: 'usersByRole', to: 'userIds', required: true }],
		},
		...fieldOps('humanresources.node.member', 'a department or team member'),
	]),
};

const employee: ResourceSpec = {
	value: 'hrEmployee',
	name: 'User in Company Structure',
	group: 'Users',
	description: 'Employees as the company structure sees them: search, count, subordinates (REST 3.0)',
	operations: restV3([
		{
			value: 'search',
			name: 'Search',
			action: 'Search employees by name',
			description: 'Search employees by name, with their departments and teams',
			method: 'humanresources.employee.search',
			kind: 'action',
			params: [str('name', 'Name Contains', { required: true })],
			optional: [num('nodeId', 'Department or Team ID', { integer: true, description: 'Search only in this department or team' }), select],
			optionalName: 'options',
			unwrap: 'items',
		},
		{
			value: 'getCount',
			name: 'Get Count',
			action: 'Count the employees',
			method: 'humanresources.employee.count',
			kind: 'action',
		},
		{
			value: 'getSubordinates',
			name: 'Get Subordinates',
			action: 'Get the departments a user heads',
			description: 'Get the departments a user heads, with the number of subordinates in each',
			method: 'humanresources.employee.subordinates',
			kind: 'get',
			params: [intId('id', 'User ID')],
		},
		{
			value: 'getMultiDepartment',
			name: 'Get Multi-Department',
			action: 'Get the employees who are in several departments',
			method: 'humanresources.employee.multidepartment',
			kind: 'action',
			unwrap: 'employees',
		},
		...fieldOps('humanresources.employee', 'an employee'),
	]),
};

export const hrResources: ResourceSpec[] = [node, member, employee, ...hcmLinkResources];
