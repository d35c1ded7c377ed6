import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

describe('task template checklists and flows', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test('checklist items of a template: add, order, complete, attach, list, delete', async () => {
		const templateId = (await hook(em, 'tasks.template.add', { fields: { TITLE: 'Weekly', RESPONSIBLE_ID: 1, CREATED_BY: 1 } })).body.result;
		const add = async (TITLE: string) => (await hook(em, 'tasks.template.checklist.add', { templateId, fields: { TITLE, PARENT_ID: 0 } })).body.result.checkListItem;
		const a = await add('First');
		const b = await add('Second');
		expect(a).toEqual(expect.objectContaining({ title: 'First', parentId: 0, sortIndex: 0, isComplete: false, templateId }));
		expect(b.sortIndex).toBe(1);
		// Second before First
		const moved = (await hook(em, 'tasks.template.checklist.moveBefore', { templateId, checkListItemId: b.id, beforeItemId: a.id })).body.result.checkListItem;
		expect(moved.sortIndex).toBe(0);
		expect((await hook(em, 'tasks.template.checklist.get', { templateId, checkListItemId: a.id })).body.result.checkListItem.sortIndex).toBe(1);
		expect((await hook(em, 'tasks.template.checklist.complete', { templateId, checkListItemId: a.id })).body.result.checkListItem.isComplete).toBe(true);
		const attached = (await hook(em, 'tasks.template.checklist.addAttachmentsFromDisk', { templateId, checkListItemId: a.id, filesIds: ['n5065'] })).body.result.checkListItem;
		const [attachmentId] = Object.keys(attached.attachments);
		expect(attached.attachments[attachmentId]).toBe('n5065');
		const removed = (await hook(em, 'tasks.template.checklist.removeAttachments', { templateId, checkListItemId: a.id, attachmentsIds: [attachmentId] })).body.result.checkListItem;
		expect(removed.attachments).toEqual([]);
		const list = (await hook(em, 'tasks.template.checklist.list', { templateId })).body.result.checkListItems;
		expect(list[String(a.id)]).toEqual({ id: String(a.id), templateId: String(templateId), parentId: 0, title: 'First', sortIndex: '1', isComplete: 'Y', isImportant: 'N' });
		expect((await hook(em, 'tasks.template.checklist.delete', { templateId, checkListItemId: a.id })).body.result).toBe(true);
		expect((await hook(em, 'tasks.template.checklist.get', { templateId, checkListItemId: a.id })).body.error).toBe('0');
		// an unknown template is refused (tasks-template-checklist-get.md)
		expect((await hook(em, 'tasks.template.checklist.list', { templateId: 99999 })).body).toEqual({ error: '0', error_description: 'Access to the task template is denied' });
	});

	test('flows: unique names, update, activate, delete', async () => {
		const data = { name: 'Support', plannedCompletionTime: 3600, distributionType: 'queue', responsibleList: [['user', '1']] };
		const flow = (await hook(em, 'tasks.flow.Flow.create', { flowData: data })).body.result;
		expect(flow).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Support', active: true, matchWorkTime: true, creatorId: 1 }));
		expect((await hook(em, 'tasks.flow.Flow.create', { flowData: data })).body).toEqual({ error: '0', error_description: 'A flow with this name already exists' });
		expect((await hook(em, 'tasks.flow.Flow.isExists', { flowData: { name: 'Support' } })).body.result).toEqual({ exists: true });
		expect((await hook(em, 'tasks.flow.Flow.isExists', { flowData: { name: 'Support', id: flow.id } })).body.result).toEqual({ exists: false });
		const updated = (await hook(em, 'tasks.flow.Flow.update', { flowData: { id: flow.id, name: 'Support 2', matchWorkTime: 0 } })).body.result;
		expect(updated).toEqual(expect.objectContaining({ id: flow.id, name: 'Support 2', matchWorkTime: false }));
		await hook(em, 'tasks.flow.Flow.activate', { flowId: flow.id });
		expect((await hook(em, 'tasks.flow.Flow.get', { flowId: flow.id })).body.result.active).toBe(false);
		expect((await hook(em, 'tasks.flow.Flow.delete', { flowData: { id: flow.id } })).body.result).toEqual({ deleted: true });
		expect((await hook(em, 'tasks.flow.Flow.get', { flowId: flow.id })).body).toEqual({ error: '0', error_description: 'Flow not found' });
	});

	test('custom field types are the documented list', async () => {
		const types = (await hook(em, 'task.item.userfield.gettypes')).body.result;
		expect(types).toHaveLength(16);
		expect(types).toContainEqual({ ID: 'datetime', title: 'Date/Time' });
	});
});
