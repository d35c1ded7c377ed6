import { startEmulator, Emulator } from './index';
import { hook } from './helpers';

describe('Scrum state', () => {
	let em: Emulator;
	beforeAll(async () => {
		em = await startEmulator({ limits: false });
	});
	afterAll(() => em.stop());

	test('a sprint is planned, started, completed; its Kanban holds stages and tasks', async () => {
		const sprint = (await hook(em, 'tasks.api.scrum.sprint.add', { fields: { groupId: 143, name: 'Sprint 1' } })).body.result;
		expect(sprint).toEqual(expect.objectContaining({ id: expect.any(Number), groupId: 143, entityType: 'sprint', status: 'planned' }));
		expect((await hook(em, 'tasks.api.scrum.sprint.start', { id: sprint.id })).body.result.status).toBe('active');
		expect((await hook(em, 'tasks.api.scrum.sprint.get', { sprintId: sprint.id })).body.result.status).toBe('active');
		const stageId = (await hook(em, 'tasks.api.scrum.kanban.addStage', { fields: { sprintId: sprint.id, name: 'Review', sort: 200 } })).body.result;
		expect((await hook(em, 'tasks.api.scrum.kanban.getStages', { sprintId: sprint.id })).body.result).toEqual([
			{ id: String(stageId), name: 'Review', sort: '200', type: 'NEW', sprintId: String(sprint.id), color: '00C4FB' },
		]);
		// a stage needs a sprint that exists (tasks-api-scrum-kanban-add-stage.md)
		expect((await hook(em, 'tasks.api.scrum.kanban.addStage', { fields: { sprintId: 99999, name: 'X' } })).body).toEqual({ error: '0', error_description: 'Sprint not found' });
		expect((await hook(em, 'tasks.api.scrum.kanban.updateStage', { stageId, fields: { name: 'Code review' } })).body.result).toBe(true);
		expect((await hook(em, 'tasks.api.scrum.kanban.getStages', { sprintId: sprint.id })).body.result[0].name).toBe('Code review');
		expect((await hook(em, 'tasks.api.scrum.sprint.complete', { id: sprint.id })).body.result.status).toBe('completed');
		expect((await hook(em, 'tasks.api.scrum.sprint.delete', { id: sprint.id })).body.result).toEqual([]);
		expect((await hook(em, 'tasks.api.scrum.sprint.get', { sprintId: sprint.id })).body).toEqual({ error: '0', error_description: 'Sprint not found' });
	});

	test("a backlog is read by its group's ID; one backlog per group", async () => {
		const backlog = (await hook(em, 'tasks.api.scrum.backlog.add', { fields: { groupId: 125, createdBy: 6 } })).body.result;
		expect(backlog).toEqual({ id: expect.any(Number), groupId: 125, createdBy: 6, modifiedBy: 0 });
		expect(backlog.id).not.toBe(125);
		// tasks-api-scrum-backlog-get.md: id is the group's ID
		expect((await hook(em, 'tasks.api.scrum.backlog.get', { id: 125 })).body.result).toEqual(backlog);
		expect((await hook(em, 'tasks.api.scrum.backlog.get', { id: backlog.id })).body).toEqual({ error: '0', error_description: 'Backlog not found' });
		expect((await hook(em, 'tasks.api.scrum.backlog.get', {})).body.error).toBeDefined();
		expect((await hook(em, 'tasks.api.scrum.backlog.add', { fields: { groupId: 125, createdBy: 6 } })).body).toEqual({ error: '0', error_description: 'Backlog already added' });
		// update and delete take the backlog's own ID
		expect((await hook(em, 'tasks.api.scrum.backlog.update', { id: backlog.id, fields: { modifiedBy: 1 } })).body.result.modifiedBy).toBe(1);
		expect((await hook(em, 'tasks.api.scrum.backlog.delete', { id: backlog.id })).body.result).toEqual([]);
		expect((await hook(em, 'tasks.api.scrum.backlog.get', { id: 125 })).body).toEqual({ error: '0', error_description: 'Backlog not found' });
	});

	test('epics list with filter and paging; the Scrum fields of a task round-trip', async () => {
		for (const name of ['Search', 'Checkout']) await hook(em, 'tasks.api.scrum.epic.add', { fields: { name, groupId: 143 } });
		const listed = (await hook(em, 'tasks.api.scrum.epic.list', { filter: { name: 'Checkout' } })).body;
		expect(listed.result).toEqual([expect.objectContaining({ name: 'Checkout', groupId: 143 })]);
		expect(listed.total).toBe(1);
		const taskId = (await hook(em, 'tasks.task.add', { fields: { TITLE: 'Story', RESPONSIBLE_ID: 1 } })).body.result.task.id;
		expect((await hook(em, 'tasks.api.scrum.task.update', { id: taskId, fields: { storyPoints: 8, epicId: 1 } })).body.result).toBe(true);
		expect((await hook(em, 'tasks.api.scrum.task.get', { id: taskId })).body.result).toEqual(expect.objectContaining({ storyPoints: '8', epicId: 1 }));
		expect((await hook(em, 'tasks.api.scrum.task.get', { id: 999999 })).body).toEqual({ error: '0', error_description: 'Task not found' });
		expect((await hook(em, 'tasks.api.scrum.epic.get', { id: 'x' })).body.error).toBe('100');
	});
});
