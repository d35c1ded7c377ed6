/**
 * Users and departments round trips against the emulator, plus the OAuth2-only guard on a
 * workflow template method.
 */
import type { Portal } from '../helpers/portal';
import { startPortal } from '../helpers/portal';

let portal: Portal;

beforeAll(async () => {
	portal = await startPortal({ limits: false, seed: { users: 70 } });
});
afterAll(async () => await portal.stop());

test('user: invite → get → update → search → get many', async () => {
	const [created] = await portal.json({
		resource: 'user',
		operation: 'create',
		EMAIL: 'round.trip@example.com',
		additionalFields: { NAME: 'Round', LAST_NAME: 'Trip', UF_DEPARTMENT: '1' },
	});
	const id = String(created.id);
	expect(portal.emu.store.get('user', Number(id))).toMatchObject({ EMAIL: 'round.trip@example.com', NAME: 'Round', UF_DEPARTMENT: ['1'] });

	expect(await portal.json({ resource: 'user', operation: 'get', user: id })).toEqual([expect.objectContaining({ ID: id, NAME: 'Round', LAST_NAME: 'Trip' })]);
	expect(await portal.json({ resource: 'user', operation: 'update', user: id, updateFields: { WORK_POSITION: 'Tester' } })).toEqual([{ id, updated: true }]);
	expect(await portal.json({ resource: 'user', operation: 'search', FIND: 'tester', returnAll: true })).toEqual([expect.objectContaining({ ID: id })]);

	const all = await portal.json({ resource: 'user', operation: 'getMany', returnAll: true });
	const ids = all.map((user) => Number(user.ID));
	expect(ids).toEqual(portal.emu.store.all('user').map((user) => Number(user.ID)));
	expect(ids).toContain(Number(id));
	// 70+ users: keyset pages in ID order without counting (start=-1), the second chained on the first
	const pages = portal.emu.log.filter((e) => e.method === 'user.get' && (e.params as Record<string, unknown>).order === 'ASC');
	expect(pages.length).toBeGreaterThanOrEqual(2);
	expect(pages.map((e) => String((e.params as Record<string, unknown>).start))).toEqual(pages.map(() => '-1'));
	expect(pages.map((e) => Number(((e.params as Record<string, Record<string, unknown>>).FILTER ?? {})['>ID']))).toEqual([0, 50, ...pages.slice(2).map((_, i) => 100 + 50 * i)]);
});

test('department: create → get → update → get many → delete', async () => {
	const [created] = await portal.json({ resource: 'department', operation: 'create', NAME: 'Support', PARENT: '1', additionalFields: { UF_HEAD: '1' } });
	const ID = String(created.id);
	expect(await portal.json({ resource: 'department', operation: 'get', ID })).toEqual([{ ID, NAME: 'Support', SORT: 500, PARENT: '1', UF_HEAD: '1' }]);
	expect(await portal.json({ resource: 'department', operation: 'update', ID, updateFields: { NAME: 'Customer Support' } })).toEqual([{ id: ID, updated: true }]);
	const children = await portal.json({ resource: 'department', operation: 'getMany', returnAll: true, options: { PARENT: '1' } });
	expect(children).toEqual([expect.objectContaining({ ID, NAME: 'Customer Support' })]);
	expect(await portal.json({ resource: 'department', operation: 'delete', ID })).toEqual([{ id: ID, deleted: true }]);
	expect(await portal.json({ resource: 'department', operation: 'get', ID })).toEqual([]);
});

test('app-only workflow template delete is refused before any call with a webhook', async () => {
	const from = portal.emu.log.length;
	const [out] = await portal.json({ resource: 'workflowTemplate', operation: 'delete', ID: '5' }, { continueOnFail: true });
	expect(out.error).toEqual(expect.stringContaining('OAuth2'));
	expect(portal.emu.log.slice(from)).toEqual([]);
	// with OAuth2 the call goes out (the portal has no template 5 to delete)
	await portal.json({ resource: 'workflowTemplate', operation: 'delete', ID: '5' }, { auth: 'oAuth2', continueOnFail: true });
	expect(portal.emu.log.slice(from)).toEqual([expect.objectContaining({ method: 'bizproc.workflow.template.delete', auth: 'oauth', params: expect.objectContaining({ ID: '5' }) })]);
});
