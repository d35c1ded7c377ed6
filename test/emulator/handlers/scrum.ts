// Scrum (tasks/scrum/*): backlogs, epics and sprints of a Scrum group, the Kanban stages of a
// sprint and the Scrum fields of tasks. Records answer in the pages' camelCase shapes; deletes of
// backlogs, epics and sprints answer an empty array (tasks-api-scrum-epic-delete.md). A sprint
// is `planned` until sprint.start makes it `active` and sprint.complete `completed`. Unknown ids
// are refused with error "0" and the pages' "<Entity> not found". task.update answers the
// update's `data` (true) as its result; task.get reads what update wrote, defaults otherwise.
import type { Core, HandlerMap } from '../core';
import { p } from '../core';
import { pageArray, parseStart } from '../query';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

const obj = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const num = (v: unknown): number => Number(v) || 0;

function idParam(ctx: CallContext, name: string): number {
	const v = p(ctx, name);
	if (v === undefined || v === '') throw new B24Error(400, '100', `Could not find value for parameter {${name}}`);
	if (!/^\d+$/.test(String(v))) throw new B24Error(400, '100', `Invalid value ${String(v)} to match with parameter {${name}}. Should be value of type int.`);
	return Number(v);
}

function found(core: Core, table: string, id: number, entity: string): Rec {
	const rec = core.store.get(table, id);
	if (!rec) throw new B24Error(400, '0', `${entity} not found`);
	return rec;
}

/** Copies the documented fields present in `fields` onto the record. */
function assign(rec: Rec, fields: Rec, keys: string[], numeric: string[] = []): void {
	for (const k of keys) if (fields[k] !== undefined) rec[k] = numeric.includes(k) ? num(fields[k]) : fields[k];
}

const backlogView = (r: Rec): Rec => ({ id: Number(r.ID), groupId: r.groupId, createdBy: r.createdBy, modifiedBy: r.modifiedBy });
const epicView = (r: Rec): Rec => ({ id: Number(r.ID), groupId: r.groupId, name: r.name, description: r.description, createdBy: r.createdBy, modifiedBy: r.modifiedBy, color: r.color });
const sprintView = (r: Rec): Rec => ({
	id: Number(r.ID),
	groupId: r.groupId,
	entityType: 'sprint',
	name: r.name,
	goal: r.goal,
	sort: r.sort,
	createdBy: r.createdBy,
	modifiedBy: r.modifiedBy,
	dateStart: r.dateStart,
	dateEnd: r.dateEnd,
	status: r.status,
});
const stageView = (r: Rec): Rec => ({ id: String(r.ID), name: r.name, sort: String(r.sort), type: r.type, sprintId: String(r.sprintId), color: r.color });

/** epic.list / sprint.list: filter by exact values, order, select, 50 per page with start. */
function listOf(ctx: CallContext, rows: Rec[]): { result: unknown; total?: number; next?: number } {
	let out = rows;
	for (const [k, v] of Object.entries(obj(p(ctx, 'filter')))) out = out.filter((r) => String(r[k] ?? r[k.toLowerCase()]) === String(v));
	const order = Object.entries(obj(p(ctx, 'order')));
	if (order.length) {
		out = [...out].sort((a, b) => {
			for (const [k, d] of order) {
				const c = String(a[k] ?? '').localeCompare(String(b[k] ?? ''), undefined, { numeric: true });
				if (c) return String(d).toUpperCase() === 'DESC' ? -c : c;
			}
			return 0;
		});
	}
	const select = p(ctx, 'select');
	if (Array.isArray(select) && select.length) out = out.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => select.includes(k))));
	const pg = pageArray(out, parseStart(p(ctx, 'start')));
	return { result: pg.rows, ...(pg.total !== undefined ? { total: pg.total } : {}), ...(pg.next !== undefined ? { next: pg.next } : {}) };
}

const literalFields = (fields: Record<string, string>) => () => ({ result: { fields: Object.fromEntries(Object.entries(fields).map(([k, type]) => [k, { type }])) } });

export function scrumHandlers(): HandlerMap {
	return {
		'tasks.api.scrum.backlog.add': (ctx, core) => {
			const fields = obj(p(ctx, 'fields'));
			const groupId = num(fields.groupId);
			if (!groupId) throw new B24Error(400, '0', 'Group id not found');
			// one backlog per group (tasks-api-scrum-backlog-add.md)
			if (core.store.all('scrumBacklog').some((r) => r.groupId === groupId)) throw new B24Error(400, '0', 'Backlog already added');
			const rec = core.store.insert('scrumBacklog', { groupId, createdBy: num(fields.createdBy) || ctx.caller.userId, modifiedBy: num(fields.modifiedBy) });
			return { result: backlogView(rec) };
		},
		// `id` is the Scrum group's ID: get answers that group's backlog (tasks-api-scrum-backlog-get.md)
		'tasks.api.scrum.backlog.get': (ctx, core) => {
			const v = p(ctx, 'id');
			if (v === undefined || v === '' || !num(v)) throw new B24Error(400, '0', 'Group id not found');
			const rec = core.store.all('scrumBacklog').find((r) => r.groupId === num(v));
			if (!rec) throw new B24Error(400, '0', 'Backlog not found');
			return { result: backlogView(rec) };
		},
		'tasks.api.scrum.backlog.update': (ctx, core) => {
			const rec = found(core, 'scrumBacklog', idParam(ctx, 'id'), 'Backlog');
			assign(rec, obj(p(ctx, 'fields')), ['groupId', 'createdBy', 'modifiedBy'], ['groupId', 'createdBy', 'modifiedBy']);
			return { result: backlogView(rec) };
		},
		'tasks.api.scrum.backlog.delete': (ctx, core) => {
			core.store.remove('scrumBacklog', Number(found(core, 'scrumBacklog', idParam(ctx, 'id'), 'Backlog').ID));
			return { result: [] };
		},
		'tasks.api.scrum.backlog.getFields': literalFields({ groupId: 'integer', createdBy: 'integer', modifiedBy: 'integer' }),

		'tasks.api.scrum.epic.add': (ctx, core) => {
			const fields = obj(p(ctx, 'fields'));
			const rec = core.store.insert('scrumEpic', { groupId: num(fields.groupId), name: String(fields.name ?? ''), description: String(fields.description ?? ''), createdBy: num(fields.createdBy) || ctx.caller.userId, modifiedBy: num(fields.modifiedBy), color: String(fields.color ?? '#69dafc') });
			return { result: epicView(rec) };
		},
		'tasks.api.scrum.epic.get': (ctx, core) => ({ result: epicView(found(core, 'scrumEpic', idParam(ctx, 'id'), 'Epic')) }),
		'tasks.api.scrum.epic.list': (ctx, core) => listOf(ctx, core.store.all('scrumEpic').map(epicView)),
		'tasks.api.scrum.epic.update': (ctx, core) => {
			const rec = found(core, 'scrumEpic', idParam(ctx, 'id'), 'Epic');
			assign(rec, obj(p(ctx, 'fields')), ['name', 'description', 'groupId', 'color'], ['groupId']);
			rec.modifiedBy = ctx.caller.userId;
			return { result: epicView(rec) };
		},
		'tasks.api.scrum.epic.delete': (ctx, core) => {
			core.store.remove('scrumEpic', Number(found(core, 'scrumEpic', idParam(ctx, 'id'), 'Epic').ID));
			return { result: [] };
		},
		'tasks.api.scrum.epic.getFields': literalFields({ name: 'string', description: 'string', groupId: 'integer', color: 'string', files: 'array', createdBy: 'integer', modifiedBy: 'integer' }),

		'tasks.api.scrum.sprint.add': (ctx, core) => {
			const fields = obj(p(ctx, 'fields'));
			const rec = core.store.insert('scrumSprint', {
				groupId: num(fields.groupId),
				name: String(fields.name ?? ''),
				goal: '',
				sort: num(fields.sort),
				createdBy: ctx.caller.userId,
				modifiedBy: ctx.caller.userId,
				dateStart: fields.dateStart ?? core.clock.isoDate(),
				dateEnd: fields.dateEnd ?? core.clock.isoDate(),
				status: String(fields.status ?? 'planned'),
			});
			return { result: sprintView(rec) };
		},
		'tasks.api.scrum.sprint.get': (ctx, core) => ({ result: sprintView(found(core, 'scrumSprint', idParam(ctx, 'sprintId'), 'Sprint')) }),
		'tasks.api.scrum.sprint.list': (ctx, core) => listOf(ctx, core.store.all('scrumSprint').map(sprintView)),
		'tasks.api.scrum.sprint.update': (ctx, core) => {
			const rec = found(core, 'scrumSprint', idParam(ctx, 'id'), 'Sprint');
			assign(rec, obj(p(ctx, 'fields')), ['groupId', 'name', 'sort', 'dateStart', 'dateEnd', 'status'], ['groupId', 'sort']);
			rec.modifiedBy = ctx.caller.userId;
			return { result: sprintView(rec) };
		},
		'tasks.api.scrum.sprint.delete': (ctx, core) => {
			core.store.remove('scrumSprint', Number(found(core, 'scrumSprint', idParam(ctx, 'id'), 'Sprint').ID));
			return { result: [] };
		},
		'tasks.api.scrum.sprint.start': (ctx, core) => {
			const rec = found(core, 'scrumSprint', idParam(ctx, 'id'), 'Sprint');
			rec.status = 'active';
			return { result: sprintView(rec) };
		},
		'tasks.api.scrum.sprint.complete': (ctx, core) => {
			const rec = found(core, 'scrumSprint', idParam(ctx, 'id'), 'Sprint');
			rec.status = 'completed';
			return { result: sprintView(rec) };
		},
		'tasks.api.scrum.sprint.getFields': literalFields({ groupId: 'integer', name: 'string', sort: 'integer', createdBy: 'integer', modifiedBy: 'integer', dateStart: 'string', dateEnd: 'string', status: 'string' }),

		'tasks.api.scrum.kanban.addStage': (ctx, core) => {
			const fields = obj(p(ctx, 'fields'));
			if (!fields.sprintId) throw new B24Error(400, '0', 'Sprint id not found');
			found(core, 'scrumSprint', num(fields.sprintId), 'Sprint');
			if (!fields.name) throw new B24Error(400, '0', 'Incorrect name format');
			const rec = core.store.insert('scrumStage', { sprintId: num(fields.sprintId), name: String(fields.name), type: String(fields.type ?? 'NEW'), sort: num(fields.sort), color: String(fields.color ?? '00C4FB') });
			return { result: Number(rec.ID) };
		},
		'tasks.api.scrum.kanban.getStages': (ctx, core) => {
			const sprintId = found(core, 'scrumSprint', idParam(ctx, 'sprintId'), 'Sprint').ID;
			return { result: core.store.all('scrumStage').filter((s) => s.sprintId === sprintId).map(stageView) };
		},
		'tasks.api.scrum.kanban.updateStage': (ctx, core) => {
			const rec = found(core, 'scrumStage', idParam(ctx, 'stageId'), 'Stage');
			assign(rec, obj(p(ctx, 'fields')), ['sprintId', 'name', 'type', 'sort', 'color'], ['sprintId', 'sort']);
			return { result: true };
		},
		'tasks.api.scrum.kanban.deleteStage': (ctx, core) => {
			core.store.remove('scrumStage', Number(found(core, 'scrumStage', idParam(ctx, 'stageId'), 'Stage').ID));
			return { result: true };
		},
		'tasks.api.scrum.kanban.addTask': (ctx, core) => {
			const sprintId = Number(found(core, 'scrumSprint', idParam(ctx, 'sprintId'), 'Sprint').ID);
			const taskId = idParam(ctx, 'taskId');
			const stageId = Number(found(core, 'scrumStage', idParam(ctx, 'stageId'), 'Stage').ID);
			for (const r of core.store.all('scrumStageTask')) if (r.taskId === taskId && r.sprintId === sprintId) core.store.remove('scrumStageTask', Number(r.ID));
			core.store.insert('scrumStageTask', { sprintId, taskId, stageId });
			return { result: true };
		},
		'tasks.api.scrum.kanban.deleteTask': (ctx, core) => {
			const sprintId = idParam(ctx, 'sprintId');
			const taskId = idParam(ctx, 'taskId');
			for (const r of core.store.all('scrumStageTask')) if (r.taskId === taskId && r.sprintId === sprintId) core.store.remove('scrumStageTask', Number(r.ID));
			return { result: true };
		},
		'tasks.api.scrum.kanban.getFields': literalFields({ name: 'string', sort: 'integer', type: 'string', sprintId: 'integer', color: 'string' }),

		'tasks.api.scrum.task.get': (ctx, core) => {
			const id = idParam(ctx, 'id');
			if (!core.store.get('task', id)) throw new B24Error(400, '0', 'Task not found');
			const scrum = obj(core.store.all('scrumTask').find((r) => r.taskId === id));
			return { result: { entityId: num(scrum.entityId), storyPoints: String(scrum.storyPoints ?? ''), epicId: num(scrum.epicId), sort: num(scrum.sort), createdBy: ctx.caller.userId, modifiedBy: ctx.caller.userId } };
		},
		'tasks.api.scrum.task.update': (ctx, core) => {
			const id = idParam(ctx, 'id');
			if (!core.store.get('task', id)) throw new B24Error(400, '0', 'Task not found');
			const rec = core.store.all('scrumTask').find((r) => r.taskId === id) ?? core.store.insert('scrumTask', { taskId: id });
			const fields = obj(p(ctx, 'fields'));
			assign(rec, fields, ['entityId', 'epicId', 'sort'], ['entityId', 'epicId', 'sort']);
			if (fields.storyPoints !== undefined) rec.storyPoints = String(fields.storyPoints);
			return { result: true };
		},
		'tasks.api.scrum.task.getFields': literalFields({ entityId: 'integer', storyPoints: 'string', epicId: 'integer', sort: 'integer', createdBy: 'integer', modifiedBy: 'integer' }),
	};
}
