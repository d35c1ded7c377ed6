import type { IDataObject } from 'n8n-workflow';

import type { Portal } from '../../helpers/portal';
import { seededRows } from './seed';
import type { Cases } from './types';

async function newDepartment(portal: Portal, name = 'Case department'): Promise<string> {
	const [out] = await portal.json({ resource: 'department', operation: 'create', NAME: name, PARENT: '1' });
	return String(out.id);
}

async function newUser(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'user', operation: 'create', EMAIL: `case.${portal.emu.log.length}@example.com`, additionalFields: { NAME: 'Case' } });
	return String(out.id);
}

async function newUserField(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'userField', operation: 'create', FIELD_NAME: `UF_USR_CASE_${portal.emu.log.length}`, USER_FIELD_TYPE: 'string' });
	return String(out.id);
}

async function newGroup(portal: Portal): Promise<string> {
	const [out] = await portal.json({ resource: 'workgroup', operation: 'create', NAME: 'Case group' });
	return String(out.id);
}

const groupMembers = (items: IDataObject[]) => expect(items).toEqual([{ groupId: '7', userIds: expect.anything() }]);

export const usersCases: Cases = {
	'user.get': {
		parameters: { id: '1' },
		request: (params) => expect(params).toEqual({ FILTER: { ID: '1' } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '1', EMAIL: 'admin@example.com' })]),
	},
	'user.getMany': {
		parameters: { returnAll: true, options: { ADMIN_MODE: true }, listOptions: { filter: '{"USER_TYPE": "employee"}' } },
		// later pages go through batch, whose query string turns every value into text
		request: (params) =>
			expect(JSON.parse(JSON.stringify(params), (_, value: unknown) => (typeof value === 'object' ? value : String(value)))).toMatchObject({
				sort: 'ID',
				// keyset pages go up, the probe for the highest ID goes down
				order: expect.stringMatching(/^(ASC|DESC)$/),
				ADMIN_MODE: expect.stringMatching(/^(true|1)$/),
				FILTER: { USER_TYPE: 'employee' },
				start: '-1',
			}),
		output: (items) => {
			expect(items.length).toBeGreaterThanOrEqual(4);
			expect(items.map((item) => Number(item.ID))).toEqual([...items.map((item) => Number(item.ID))].sort((a, b) => a - b));
		},
	},
	'user.search': {
		parameters: { FIND: 'admin', returnAll: true },
		request: (params) => expect(params).toMatchObject({ FILTER: { FIND: 'admin' }, start: 0 }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '1' })]),
	},
	'user.getCurrent': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '1', NAME: 'Admin' })]),
	},
	'user.create': {
		parameters: { EMAIL: 'new.hire@example.com', additionalFields: { NAME: 'New', LAST_NAME: 'Hire', UF_DEPARTMENT: '1', PERSONAL_GENDER: 'M' } },
		request: (params) => expect(params).toEqual({ EMAIL: 'new.hire@example.com', NAME: 'New', LAST_NAME: 'Hire', UF_DEPARTMENT: ['1'], PERSONAL_GENDER: 'M' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'user.update': {
		parameters: async (portal) => ({ ID: await newUser(portal), updateFields: { WORK_POSITION: 'Lead', ACTIVE: false } }),
		request: (params) => expect(params).toEqual({ ID: expect.stringMatching(/^\d+$/), WORK_POSITION: 'Lead', ACTIVE: false }),
		output: (items) => expect(items).toEqual([{ id: expect.any(String), updated: true }]),
	},
	'user.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual({ field: 'EMAIL', title: expect.any(String) }),
	},

	'userField.getMany': {
		parameters: async (portal) => {
			await newUserField(portal);
			return { options: { filter: '{"USER_TYPE_ID": "string"}' } };
		},
		request: (params) => expect(params).toEqual({ filter: { USER_TYPE_ID: 'string' } }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ FIELD_NAME: expect.stringMatching(/^UF_USR_CASE_/), USER_TYPE_ID: 'string' })),
	},
	'userField.create': {
		parameters: { FIELD_NAME: 'UF_USR_SHIFT', USER_FIELD_TYPE: 'string', additionalFields: { MANDATORY: true, EDIT_FORM_LABEL: 'Shift' } },
		request: (params) => expect(params).toEqual({ fields: { FIELD_NAME: 'UF_USR_SHIFT', USER_TYPE_ID: 'string', MANDATORY: 'Y', EDIT_FORM_LABEL: 'Shift' } }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'userField.update': {
		parameters: async (portal) => ({ id: await newUserField(portal), updateFields: { SORT: 200, SHOW_IN_LIST: false } }),
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/), fields: { SORT: 200, SHOW_IN_LIST: 'N' } }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), updated: true }]),
	},
	'userField.delete': {
		parameters: async (portal) => ({ id: await newUserField(portal) }),
		request: (params) => expect(params).toEqual({ id: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), deleted: true }]),
	},

	'department.get': {
		parameters: { ID: '1' },
		request: (params) => expect(params).toEqual({ ID: '1' }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: '1', NAME: 'Company' })]),
	},
	'department.getMany': {
		parameters: async (portal) => {
			await newDepartment(portal, 'Sales');
			await newDepartment(portal, 'Sales');
			// `sort` names the field to sort by, `order` the direction (department-get.md)
			return { returnAll: true, options: { PARENT: '1', NAME: 'Sales', sort: 'ID', order: 'DESC' } };
		},
		request: (params) => expect(params).toEqual({ PARENT: '1', NAME: 'Sales', sort: 'ID', order: 'DESC', START: 0 }),
		output: (items) => {
			expect(items.length).toBeGreaterThan(0);
			for (const item of items) expect(item).toMatchObject({ ID: expect.any(String), NAME: 'Sales', PARENT: '1' });
			expect(items.length).toBeGreaterThanOrEqual(2);
			const ids = items.map((item) => Number(item.ID));
			expect(ids).toEqual([...ids].sort((a, b) => b - a));
		},
	},
	'department.create': {
		parameters: { NAME: 'Support', PARENT: '1', additionalFields: { UF_HEAD: '1', SORT: 100 } },
		request: (params) => expect(params).toEqual({ NAME: 'Support', PARENT: '1', UF_HEAD: '1', SORT: 100 }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'department.update': {
		parameters: async (portal) => ({ ID: await newDepartment(portal), updateFields: { NAME: 'Renamed' } }),
		request: (params) => expect(params).toEqual({ ID: expect.any(String), NAME: 'Renamed' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(String), updated: true }]),
	},
	'department.delete': {
		request: (params) => expect(params).toEqual({ ID: expect.stringMatching(/^\d+$/) }),
		parameters: async (portal) => ({ ID: await newDepartment(portal) }),
		output: (items) => expect(items).toEqual([{ id: expect.any(String), deleted: true }]),
	},
	'department.getFields': {
		request: (params) => expect(params).toEqual({}),
		output: (items) => expect(items).toContainEqual({ field: 'NAME', title: expect.any(String) }),
	},

	'workgroup.create': {
		parameters: { NAME: 'Launch', additionalFields: { PROJECT: true, OPENED: false, INITIATE_PERMS: 'E', PROJECT_DATE_START: '2030-01-01' } },
		request: (params) => expect(params).toEqual({ NAME: 'Launch', PROJECT: 'Y', OPENED: 'N', INITIATE_PERMS: 'E', PROJECT_DATE_START: '2030-01-01' }),
		output: (items) => expect(items).toEqual([{ id: expect.any(Number) }]),
	},
	'workgroup.get': {
		parameters: { groupId: 7, options: { select: 'AVATAR, OWNER_DATA' } },
		request: (params) => expect(params).toEqual({ params: { groupId: 7, select: ['AVATAR', 'OWNER_DATA'] } }),
		output: (items) => expect(items).toEqual([expect.objectContaining({ ID: expect.anything(), NAME: expect.any(String), OWNER_ID: expect.anything() })]),
	},
	'workgroup.getMany': {
		parameters: async (portal) => {
			await portal.json({ resource: 'workgroup', operation: 'create', NAME: 'Launch pad' });
			return { returnAll: true, options: { IS_ADMIN: true }, listOptions: { filter: '{"%NAME": "Launch"}', sort: '{"NAME": "ASC"}' } };
		},
		request: (params) => expect(params).toEqual({ IS_ADMIN: 'Y', FILTER: { '%NAME': 'Launch' }, ORDER: { NAME: 'ASC' }, start: 0 }),
		output: (items) => expect(items).toContainEqual(expect.objectContaining({ ID: expect.anything(), NAME: 'Launch pad' })),
	},
	'workgroup.list': {
		parameters: (portal) => {
			seededRows(portal, 'socialnetwork.api.workgroup', [
				{ ID: 7, id: '7', name: 'Launch', type: 'project', PROJECT: 'Y' },
				{ ID: 8, id: '8', name: 'Water cooler', type: 'group', PROJECT: 'N' },
			]);
			return { limit: 10, listOptions: { filter: '{"PROJECT": "Y"}', select: 'ID, NAME' } };
		},
		request: (params) => expect(params).toEqual({ filter: { PROJECT: 'Y' }, select: ['ID', 'NAME'], start: 0 }),
		// socialnetwork-api-workgroup-list.md: result.workgroups, rows of id, name, type...; the project only
		output: (items) => expect(items).toEqual([expect.objectContaining({ id: '7', name: 'Launch', type: 'project' })]),
	},
	'workgroup.update': {
		parameters: async (portal) => ({ GROUP_ID: await newGroup(portal), updateFields: { NAME: 'Relaunch', CLOSED: true } }),
		request: (params) => expect(params).toEqual({ GROUP_ID: expect.stringMatching(/^\d+$/), NAME: 'Relaunch', CLOSED: 'Y' }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), updated: true }]),
	},
	'workgroup.delete': {
		parameters: async (portal) => ({ GROUP_ID: await newGroup(portal) }),
		request: (params) => expect(params).toEqual({ GROUP_ID: expect.stringMatching(/^\d+$/) }),
		output: (items) => expect(items).toEqual([{ id: expect.stringMatching(/^\d+$/), deleted: true }]),
	},
	'workgroup.setOwner': {
		parameters: { GROUP_ID: '7', USER_ID: '2' },
		request: (params) => expect(params).toEqual({ GROUP_ID: '7', USER_ID: '2' }),
		output: (items) => expect(items).toEqual([{ success: true }]),
	},

	'workgroupMember.getMany': {
		parameters: (portal) => {
			seededRows(portal, 'sonet_group.user', [
				{ USER_ID: '1', ROLE: 'A' },
				{ USER_ID: '2', ROLE: 'E' },
			]);
			return { ID: '7' };
		},
		request: (params) => expect(params).toEqual({ ID: '7' }),
		// sonet-group-user-get.md: one { USER_ID, ROLE } per member
		output: (items) => expect(items).toEqual([{ USER_ID: '1', ROLE: 'A' }, { USER_ID: '2', ROLE: 'E' }]),
	},
	'workgroupMember.add': {
		parameters: { GROUP_ID: '7', USER_ID: '2, 3' },
		request: (params) => expect(params).toEqual({ GROUP_ID: '7', USER_ID: ['2', '3'] }),
		output: groupMembers,
	},
	'workgroupMember.remove': {
		parameters: { GROUP_ID: '7', USER_ID: '3' },
		request: (params) => expect(params).toEqual({ GROUP_ID: '7', USER_ID: ['3'] }),
		output: groupMembers,
	},
	'workgroupMember.invite': {
		parameters: { GROUP_ID: '7', USER_ID: '2', options: { MESSAGE: 'Join us' } },
		request: (params) => expect(params).toEqual({ GROUP_ID: '7', USER_ID: ['2'], MESSAGE: 'Join us' }),
		output: groupMembers,
	},
	'workgroupMember.setRole': {
		parameters: { GROUP_ID: '7', USER_ID: '2', ROLE: 'E' },
		request: (params) => expect(params).toEqual({ GROUP_ID: '7', USER_ID: ['2'], ROLE: 'E' }),
		output: groupMembers,
	},
	'workgroupMember.getMyGroups': {
		parameters: (portal) => {
			seededRows(portal, 'sonet_group.user', [
				{ GROUP_ID: '7', GROUP_NAME: 'Launch', ROLE: 'A', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' },
				{ GROUP_ID: '8', GROUP_NAME: 'Water cooler', ROLE: 'K', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' },
			]);
			return {};
		},
		request: (params) => expect(params).toEqual({}),
		// sonet-group-user-groups.md: one { GROUP_ID, GROUP_NAME, ROLE, GROUP_IMAGE_ID, GROUP_IMAGE } per group
		output: (items) =>
			expect(items).toEqual([
				{ GROUP_ID: '7', GROUP_NAME: 'Launch', ROLE: 'A', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' },
				{ GROUP_ID: '8', GROUP_NAME: 'Water cooler', ROLE: 'K', GROUP_IMAGE_ID: null, GROUP_IMAGE: '' },
			]),
	},
};
