// Tasks: tasks.task.* (result.task / result.tasks, camelCase out, UPPER_CASE
// filter/order/select in) with status actions, and the positional legacy
// task.commentitem.* / task.checklistitem.* / task.elapseditem.* methods.
import type { Core, HandlerMap } from '../core';
import { idParam, objParam, p } from '../core';
import { page, parseFilter, parseOrder, parseStart, matches, sortRows } from '../query';
import { Rec, Store, pick } from '../store';
import { B24Error, CallContext } from '../types';

// REAL_STATUS values (docs §11): 2 pending, 3 in progress, 4 supervising, 5 completed, 6 deferred
const PENDING = 2;
const IN_PROGRESS = 3;
const SUPERVISING = 4;
const COMPLETED = 5;
const DEFERRED = 6;

const TASK_FIELDS = ['ID', 'PARENT_ID', 'TITLE', 'DESCRIPTION', 'MARK', 'PRIORITY', 'STATUS', 'REAL_STATUS', 'MULTITASK', 'NOT_VIEWED', 'REPLICATE', 'GROUP_ID', 'STAGE_ID', 'CREATED_BY', 'CREATED_DATE', 'RESPONSIBLE_ID', 'ACCOMPLICES', 'AUDITORS', 'CHANGED_BY', 'CHANGED_DATE', 'STATUS_CHANGED_DATE', 'CLOSED_BY', 'CLOSED_DATE', 'DATE_START', 'DEADLINE', 'START_DATE_PLAN', 'END_DATE_PLAN', 'ALLOW_CHANGE_DEADLINE', 'TASK_CONTROL', 'TIME_ESTIMATE', 'TAGS', 'UF_CRM_TASK', 'UF_TASK_WEBDAV_FILES'];
const resolveTask = (name: string): string | null => {
	const up = name.toUpperCase();
	return TASK_FIELDS.includes(up) || up.startsWith('UF_') ? up : null;
};

// enumerations with their labels, as tasks.task.getFields describes them (tasks/tasks-task-get-fields.md)
const YES_NO = { Y: 'Yes', N: 'No' };
const TASK_ENUMS: Record<string, Record<string, string>> = {
	MARK: { N: 'Negative', P: 'Positive' },
	PRIORITY: { 2: 'High', 1: 'Medium', 0: 'Low' },
	STATUS: { 2: 'Pending', 3: 'In Progress', 4: 'Awaiting Review', 5: 'Completed', 6: 'Deferred' },
	MULTITASK: YES_NO,
	NOT_VIEWED: YES_NO,
	REPLICATE: YES_NO,
	ALLOW_CHANGE_DEADLINE: YES_NO,
	TASK_CONTROL: YES_NO,
};

// titles, types and required flags as tasks.task.getFields answers them (tasks/tasks-task-get-fields.md)
const TASK_REQUIRED = ['TITLE', 'CREATED_BY', 'RESPONSIBLE_ID'];
const TASK_TITLES: Record<string, string | null> = {
	ACCOMPLICES: null, AUDITORS: null, ALLOW_CHANGE_DEADLINE: null, CREATED_DATE: null, NOT_VIEWED: null,
	PARENT_ID: 'Base task ID', TITLE: 'Title', DESCRIPTION: 'Description', MARK: 'Rating', PRIORITY: 'Priority', STATUS: 'Status', MULTITASK: 'Multitask',
	REPLICATE: 'Recurring task', GROUP_ID: 'Project', STAGE_ID: 'Stage', CREATED_BY: 'Creator', RESPONSIBLE_ID: 'Assignee', CHANGED_BY: 'Changed by',
	CHANGED_DATE: 'Change date', STATUS_CHANGED_DATE: 'Status change date', CLOSED_BY: 'Closed by', CLOSED_DATE: 'Closing date', DATE_START: 'Start date',
	DEADLINE: 'Deadline', START_DATE_PLAN: 'Planned start', END_DATE_PLAN: 'Planned completion', TASK_CONTROL: 'Accept work', TIME_ESTIMATE: 'Estimated time',
	UF_CRM_TASK: 'CRM entities', UF_TASK_WEBDAV_FILES: 'Upload files',
};
function taskFieldType(k: string): Rec {
	if (TASK_ENUMS[k]) return { type: 'enum', values: TASK_ENUMS[k] };
	if (k === 'ACCOMPLICES' || k === 'AUDITORS') return { type: 'array' };
	if (k === 'UF_CRM_TASK') return { type: 'crm' };
	if (k === 'UF_TASK_WEBDAV_FILES') return { type: 'disk_file' };
	if (/DATE|DEADLINE/.test(k)) return { type: 'datetime' };
	return { type: /_ID$|^ID$|CREATED_BY|CHANGED_BY|CLOSED_BY|TIME_ESTIMATE/.test(k) ? 'integer' : 'string' };
}

function camel(k: string): string {
	return k.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function taskOut(r: Rec, select?: string[]): Rec {
	const out: Rec = {};
	const keys = select && select.length && !select.includes('*') ? ['ID', ...select.map((s) => s.toUpperCase())] : Object.keys(r);
	for (const k of keys) {
		if (r[k] === undefined && !TASK_FIELDS.includes(k)) continue;
		const v = r[k];
		out[k.startsWith('UF_') ? k.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : camel(k)] = typeof v === 'number' ? String(v) : v ?? null;
	}
	out.id = String(r.ID);
	if (r.REAL_STATUS !== undefined) out.subStatus = String(r.REAL_STATUS);
	return out;
}

function taskEvent(core: Core, action: 'ADD' | 'UPDATE' | 'DELETE', id: number): void {
	const ref = { ID: id };
	core.emit(`ONTASK${action}`, {
		FIELDS_BEFORE: action === 'ADD' ? 'undefined' : ref,
		FIELDS_AFTER: action === 'DELETE' ? 'undefined' : ref,
		IS_ACCESSIBLE_BEFORE: action === 'ADD' ? 'N' : 'undefined',
		IS_ACCESSIBLE_AFTER: 'undefined',
	});
}

function findTask(core: Core, ctx: CallContext, name = 'taskId'): Rec {
	const id = idParam(ctx, name);
	const t = core.store.get('task', id);
	if (!t) throw new B24Error(400, 'ERROR_CORE', 'Task not found or not accessible');
	return t;
}

function applyTaskFields(r: Rec, fields: Rec): void {
	for (const [k, v] of Object.entries(fields)) {
		const up = k.toUpperCase();
		if (up === 'ID' || !(TASK_FIELDS.includes(up) || up.startsWith('UF_'))) continue;
		r[up] = ['RESPONSIBLE_ID', 'CREATED_BY', 'GROUP_ID', 'PARENT_ID', 'PRIORITY'].includes(up) && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
	}
}

function setStatus(core: Core, ctx: CallContext, t: Rec, status: number): void {
	t.REAL_STATUS = status;
	t.STATUS = status;
	t.STATUS_CHANGED_DATE = core.clock.isoDate();
	t.CHANGED_DATE = t.STATUS_CHANGED_DATE;
	t.CHANGED_BY = ctx.caller.userId;
	if (status === COMPLETED) {
		t.CLOSED_DATE = t.STATUS_CHANGED_DATE;
		t.CLOSED_BY = ctx.caller.userId;
	}
	taskEvent(core, 'UPDATE', Number(t.ID));
}

function action(fn: (t: Rec, ctx: CallContext, core: Core) => number) {
	return (ctx: CallContext, core: Core) => {
		const t = findTask(core, ctx);
		const status = fn(t, ctx, core);
		setStatus(core, ctx, t, status);
		return { result: { task: taskOut(t) }, cost: core.cost.update };
	};
}

function notAllowed(): never {
	throw new B24Error(400, 'ERROR_CORE', 'Action is not allowed for the task in its current status');
}

export function taskHandlers(): HandlerMap {
	return {
		'tasks.task.add': (ctx, core) => {
			const fields = objParam(ctx, 'fields');
			const upper: Rec = {};
			for (const [k, v] of Object.entries(fields)) upper[k.toUpperCase()] = v;
			if (!upper.TITLE) throw new B24Error(400, 'ERROR_CORE', 'Fields: TITLE — the field is required');
			if (!upper.RESPONSIBLE_ID) throw new B24Error(400, 'ERROR_CORE', 'Fields: RESPONSIBLE_ID — the field is required');
			const now = core.clock.isoDate();
			const r: Rec = { CREATED_BY: ctx.caller.userId, CREATED_DATE: now, CHANGED_DATE: now, CHANGED_BY: ctx.caller.userId, STATUS: PENDING, REAL_STATUS: PENDING, PRIORITY: 1, GROUP_ID: 0, TASK_CONTROL: 'N', ACCOMPLICES: [], AUDITORS: [] };
			applyTaskFields(r, upper);
			const t = core.store.insert('task', r);
			taskEvent(core, 'ADD', Number(t.ID));
			return { result: { task: taskOut(t) }, cost: core.cost.add };
		},
		'tasks.task.get': (ctx, core) => {
			const t = findTask(core, ctx);
			const select = p(ctx, 'select');
			return { result: { task: taskOut(t, Array.isArray(select) ? select.map(String) : undefined) }, cost: core.cost.get };
		},
		'tasks.task.update': (ctx, core) => {
			const t = findTask(core, ctx);
			applyTaskFields(t, objParam(ctx, 'fields'));
			t.CHANGED_DATE = core.clock.isoDate();
			t.CHANGED_BY = ctx.caller.userId;
			taskEvent(core, 'UPDATE', Number(t.ID));
			return { result: { task: taskOut(t) }, cost: core.cost.update };
		},
		'tasks.task.delete': (ctx, core) => {
			const t = findTask(core, ctx);
			core.store.remove('task', Number(t.ID));
			taskEvent(core, 'DELETE', Number(t.ID));
			return { result: { task: true }, cost: core.cost.delete };
		},
		'tasks.task.getfields': () => ({
			result: { fields: Object.fromEntries(TASK_FIELDS.filter((k) => k !== 'REAL_STATUS' && k !== 'TAGS').map((k) => [k, { title: k in TASK_TITLES ? TASK_TITLES[k] : k, ...taskFieldType(k), ...(TASK_REQUIRED.includes(k) ? { required: true } : {}), ...(k === 'ID' ? { primary: true } : {}) }])) },
		}),
		'tasks.task.list': (ctx, core) => {
			// TITLE "can search by pattern [%_]" (tasks-task-list.md): a value with % is a LIKE pattern
			const conds = parseFilter(p(ctx, 'filter'), resolveTask).map((c) =>
				c.field === 'TITLE' && (c.op === '' || c.op === '=') && typeof c.value === 'string' && c.value.includes('%') ? { ...c, op: '=%' } : c,
			);
			const order = parseOrder(p(ctx, 'order'), resolveTask);
			const start = parseStart(p(ctx, 'start'));
			const pg = page(core.store.table('task'), conds, order, start);
			core.store.pageServed('task');
			const select = p(ctx, 'select');
			const c = core.cost;
			return {
				result: { tasks: pg.rows.map((r) => taskOut(r, Array.isArray(select) ? select.map(String) : undefined)) },
				total: start === -1 ? 0 : pg.total,
				next: pg.next,
				cost: start === -1 ? c.page : c.page + pg.counted * c.perCountedRow + start * c.perOffsetRow,
			};
		},
		'tasks.task.start': action((t) => ([PENDING, DEFERRED].includes(Number(t.REAL_STATUS)) ? IN_PROGRESS : notAllowed())),
		'tasks.task.pause': action((t) => (Number(t.REAL_STATUS) === IN_PROGRESS ? PENDING : notAllowed())),
		'tasks.task.complete': action((t, ctx) => {
			if ([COMPLETED, SUPERVISING].includes(Number(t.REAL_STATUS))) notAllowed();
			// with result control on, a task closed by someone other than its creator waits for approval
			return t.TASK_CONTROL === 'Y' && Number(t.CREATED_BY) !== ctx.caller.userId ? SUPERVISING : COMPLETED;
		}),
		'tasks.task.defer': action((t) => (Number(t.REAL_STATUS) === COMPLETED ? notAllowed() : DEFERRED)),
		'tasks.task.renew': action((t) => ([COMPLETED, DEFERRED, SUPERVISING].includes(Number(t.REAL_STATUS)) ? PENDING : notAllowed())),
		'tasks.task.approve': action((t) => (Number(t.REAL_STATUS) === SUPERVISING ? COMPLETED : notAllowed())),
		'tasks.task.disapprove': action((t) => (Number(t.REAL_STATUS) === SUPERVISING ? PENDING : notAllowed())),
		'tasks.task.delegate': action((t, ctx, core) => {
			const uid = idParam(ctx, 'userId');
			if (!core.store.get('user', uid)) throw new B24Error(400, 'ERROR_CORE', 'User not found');
			t.RESPONSIBLE_ID = uid;
			return Number(t.REAL_STATUS) === COMPLETED ? notAllowed() : PENDING;
		}),
		...legacyItems(),
	};
}

// ---------- positional legacy items ----------

function legacyTask(core: Core, ctx: CallContext): Rec {
	const id = Number(ctx.params.TASKID);
	const t = Number.isInteger(id) && id > 0 ? core.store.get('task', id) : undefined;
	if (!t) throw new B24Error(400, 'ERROR_CORE', 'TASKS_ERR_TASK_NOT_FOUND: task not found or not accessible');
	return t;
}

function legacyItem(core: Core, ctx: CallContext, table: string): Rec {
	const t = legacyTask(core, ctx);
	const r = core.store.get(table, Number(ctx.params.ITEMID));
	if (!r || Number(r.TASK_ID) !== Number(t.ID)) throw new B24Error(400, 'ERROR_CORE', 'Item not found');
	return r;
}

function asFields(v: unknown, method: string): Rec {
	if (!v || typeof v !== 'object' || Array.isArray(v)) throw new B24Error(400, 'ERROR_CORE', `Fields of ${method} must be an object`);
	return v as Rec;
}

function strOut(r: Rec): Rec {
	return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]));
}

function legacyItems(): HandlerMap {
	return {
		'task.commentitem.add': (ctx, core) => {
			const t = legacyTask(core, ctx);
			const f = asFields(ctx.params.FIELDS, ctx.method);
			if (!f.POST_MESSAGE) throw new B24Error(400, 'ERROR_CORE', 'POST_MESSAGE is required');
			const author = Number(f.AUTHOR_ID || ctx.caller.userId);
			const u = core.store.get('user', author);
			const r = core.store.insert('taskComment', { TASK_ID: Number(t.ID), AUTHOR_ID: author, AUTHOR_NAME: u ? `${u.NAME} ${u.LAST_NAME}` : '', POST_MESSAGE: String(f.POST_MESSAGE), POST_DATE: core.clock.isoDate() });
			core.emit('ONTASKCOMMENTADD', { FIELDS_AFTER: { ID: Number(r.ID), TASK_ID: Number(t.ID) } });
			return { result: Number(r.ID), cost: core.cost.add };
		},
		'task.commentitem.get': (ctx, core) => ({ result: strOut(legacyItem(core, ctx, 'taskComment')) }),
		'task.commentitem.getlist': (ctx, core) => {
			const t = legacyTask(core, ctx);
			const resolve = (n: string): string | null => n.toUpperCase();
			const conds = parseFilter(ctx.params.FILTER, resolve);
			const order = parseOrder(ctx.params.ORDER, resolve);
			const rows = sortRows(core.store.all('taskComment').filter((r) => Number(r.TASK_ID) === Number(t.ID) && matches(r, conds)), order);
			return { result: rows.map(strOut) };
		},
		'task.commentitem.update': (ctx, core) => {
			const r = legacyItem(core, ctx, 'taskComment');
			const f = asFields(ctx.params.FIELDS, ctx.method);
			if (f.POST_MESSAGE !== undefined) r.POST_MESSAGE = String(f.POST_MESSAGE);
			core.emit('ONTASKCOMMENTUPDATE', { FIELDS_AFTER: { ID: Number(r.ID), TASK_ID: Number(r.TASK_ID) } });
			return { result: true };
		},
		'task.commentitem.delete': (ctx, core) => {
			const r = legacyItem(core, ctx, 'taskComment');
			core.store.remove('taskComment', Number(r.ID));
			core.emit('ONTASKCOMMENTDELETE', { FIELDS_AFTER: { ID: Number(r.ID), TASK_ID: Number(r.TASK_ID) } });
			return { result: true };
		},
		'task.checklistitem.add': (ctx, core) => {
			const t = legacyTask(core, ctx);
			const f = asFields(ctx.params.FIELDS, ctx.method);
			if (!f.TITLE) throw new B24Error(400, 'ERROR_CORE', 'TITLE is required');
			const r = core.store.insert('checklistItem', { TASK_ID: Number(t.ID), TITLE: String(f.TITLE), IS_COMPLETE: f.IS_COMPLETE === 'Y' ? 'Y' : 'N', SORT_INDEX: Number(f.SORT_INDEX ?? 0), CREATED_BY: ctx.caller.userId });
			return { result: Number(r.ID) };
		},
		'task.checklistitem.getlist': (ctx, core) => {
			const t = legacyTask(core, ctx);
			const order = parseOrder(ctx.params.ORDER, (n) => n.toUpperCase());
			return { result: sortRows(core.store.all('checklistItem').filter((r) => Number(r.TASK_ID) === Number(t.ID)), order).map(strOut) };
		},
		'task.checklistitem.update': (ctx, core) => {
			const r = legacyItem(core, ctx, 'checklistItem');
			const f = asFields(ctx.params.FIELDS, ctx.method);
			for (const k of ['TITLE', 'IS_COMPLETE', 'SORT_INDEX']) if (f[k] !== undefined) r[k] = f[k];
			return { result: true };
		},
		'task.checklistitem.delete': (ctx, core) => {
			const r = legacyItem(core, ctx, 'checklistItem');
			core.store.remove('checklistItem', Number(r.ID));
			return { result: true };
		},
		'task.checklistitem.complete': (ctx, core) => {
			legacyItem(core, ctx, 'checklistItem').IS_COMPLETE = 'Y';
			return { result: true };
		},
		'task.elapseditem.add': (ctx, core) => {
			const t = legacyTask(core, ctx);
			const f = asFields(ctx.params.ARFIELDS, ctx.method);
			const seconds = Number(f.SECONDS ?? (Number(f.MINUTES) || 0) * 60);
			if (!Number.isFinite(seconds) || seconds <= 0) throw new B24Error(400, 'ERROR_CORE', 'SECONDS must be a positive number');
			const r = core.store.insert('elapsedItem', { TASK_ID: Number(t.ID), USER_ID: Number(f.USER_ID || ctx.caller.userId), SECONDS: seconds, MINUTES: Math.round(seconds / 60), COMMENT_TEXT: String(f.COMMENT_TEXT ?? ''), CREATED_DATE: core.clock.isoDate(), SOURCE: 2 });
			return { result: Number(r.ID) };
		},
		'task.elapseditem.getlist': (ctx, core) => {
			const taskId = ctx.params.TASKID;
			const resolve = (n: string): string | null => n.toUpperCase();
			const conds = parseFilter(ctx.params.FILTER, resolve);
			const order = parseOrder(ctx.params.ORDER, resolve);
			let rows = sortRows(core.store.all('elapsedItem').filter((r) => (taskId === undefined || Number(r.TASK_ID) === Number(taskId)) && matches(r, conds)), order);
			// NAV_PARAMS {nPageSize, iNumPage} inside PARAMS (docs §5)
			const nav = ((ctx.params.PARAMS as Rec) || {}).NAV_PARAMS as Rec | undefined;
			if (nav) {
				const size = Math.max(1, Number(nav.nPageSize) || 50);
				const num = Math.max(1, Number(nav.iNumPage) || 1);
				rows = rows.slice((num - 1) * size, num * size);
			}
			return { result: rows.map(strOut) };
		},
		// task-elapsed-item-get.md: an array holding the entry, values as strings
		'task.elapseditem.get': (ctx, core) => {
			const r = legacyItem(core, ctx, 'elapsedItem');
			return { result: [strOut({ DATE_START: r.CREATED_DATE, DATE_STOP: r.CREATED_DATE, ...r })] };
		},
		'task.elapseditem.update': (ctx, core) => {
			const r = legacyItem(core, ctx, 'elapsedItem');
			const f = asFields(ctx.params.ARFIELDS, ctx.method);
			for (const k of ['SECONDS', 'COMMENT_TEXT', 'MINUTES']) if (f[k] !== undefined) r[k] = f[k];
			// MINUTES follows SECONDS (and SECONDS an update of MINUTES alone), as add keeps them
			if (f.SECONDS !== undefined) r.MINUTES = Math.round(Number(f.SECONDS) / 60);
			else if (f.MINUTES !== undefined) r.SECONDS = Number(f.MINUTES) * 60;
			return { result: true };
		},
		'task.elapseditem.delete': (ctx, core) => {
			const r = legacyItem(core, ctx, 'elapsedItem');
			core.store.remove('elapsedItem', Number(r.ID));
			return { result: true };
		},
	};
}

export function seedTasks(store: Store, n: number, rnd: () => number): void {
	const t = store.table('task');
	const users = Math.max(1, store.count('user'));
	for (let i = 0; i < n; i++) {
		const k = t.nextId;
		const status = pick(rnd, [PENDING, PENDING, IN_PROGRESS, COMPLETED, DEFERRED]);
		t.insert({ TITLE: `Task #${k}`, DESCRIPTION: `Seeded task ${k}`, RESPONSIBLE_ID: 1 + Math.floor(rnd() * users), CREATED_BY: 1, CREATED_DATE: '2025-01-01T10:00:00+00:00', CHANGED_DATE: '2025-01-01T10:00:00+00:00', STATUS: status, REAL_STATUS: status, PRIORITY: 1, GROUP_ID: 0, TASK_CONTROL: 'N', ACCOMPLICES: [], AUDITORS: [] });
	}
}
