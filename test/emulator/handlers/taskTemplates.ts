// Task template checklists (tasks/task-template/checklist/*), flows (tasks/flow/*) and the custom
// field types of tasks (task-item-user-field-get-types.md).
//
// Checklist items belong to a template of the generic store (tasks.template.add); every item
// method but delete and list answers the item as {checkListItem} (tasks-template-checklist-get.md);
// list answers {checkListItems: {<id>: item}} with Y/N flags and string numbers, as its page shows.
// complete/renew set isComplete; moveAfter/moveBefore renumber sortIndex among the item's siblings;
// attachments are kept as {<id>: name}.
//
// Flows keep flowData as written; create refuses a taken name, get/update/delete an unknown id
// (error "0", tasks-flow-flow-*.md); activate flips `active`, pin flips a pin; isExists answers
// {exists} for a name other than the flow `flowData.id`.
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import type { Rec } from '../store';
import { B24Error, CallContext } from '../types';

const ITEMS = 'templateChecklistItem';
const FLOWS = 'taskFlow';
const obj = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const yes = (v: unknown) => v === true || v === 'Y' || v === 'y' || v === 1 || v === '1';

function template(ctx: CallContext, core: Core): number {
	const id = Number(p(ctx, 'templateId'));
	if (!Number.isInteger(id) || id <= 0) throw new B24Error(400, '100', 'Could not find value for parameter {templateId}');
	if (!core.store.get('generic:tasks.template', id)) throw new B24Error(400, '0', 'Access to the task template is denied');
	return id;
}

function item(ctx: CallContext, core: Core): Rec {
	const templateId = template(ctx, core);
	const id = Number(p(ctx, 'checkListItemId'));
	const rec = Number.isInteger(id) ? core.store.get(ITEMS, id) : undefined;
	if (!rec || rec.templateId !== templateId) throw new B24Error(400, '0', `Incorrect value [${String(p(ctx, 'checkListItemId') ?? '')}] for field [ENTITY_ID] in item [, ]`);
	return rec;
}

function applyFields(rec: Rec, fields: Rec): void {
	if (fields.TITLE !== undefined) rec.title = String(fields.TITLE);
	if (fields.PARENT_ID !== undefined) rec.parentId = Number(fields.PARENT_ID) || 0;
	if (fields.SORT_INDEX !== undefined) rec.sortIndex = Number(fields.SORT_INDEX) || 0;
	if (fields.IS_COMPLETE !== undefined) rec.isComplete = yes(fields.IS_COMPLETE);
	if (fields.IS_IMPORTANT !== undefined) rec.isImportant = yes(fields.IS_IMPORTANT);
}

function view(rec: Rec, ctx: CallContext): Rec {
	const attachments = obj(rec.attachments);
	return {
		checkListItem: {
			id: Number(rec.ID),
			copiedId: null,
			userId: ctx.caller.userId,
			createdBy: null,
			parentId: rec.parentId,
			title: rec.title,
			sortIndex: rec.sortIndex,
			displaySortIndex: String(Number(rec.sortIndex) + 1),
			isComplete: rec.isComplete,
			isImportant: rec.isImportant,
			completedCount: 0,
			members: [],
			attachments: Object.keys(attachments).length ? attachments : [],
			nodeId: null,
			templateId: rec.templateId,
		},
	};
}

const siblings = (core: Core, rec: Rec) =>
	core.store
		.all(ITEMS)
		.filter((r) => r.templateId === rec.templateId && r.parentId === rec.parentId)
		.sort((a, b) => Number(a.sortIndex) - Number(b.sortIndex) || Number(a.ID) - Number(b.ID));

function move(where: 'after' | 'before'): Handler {
	return (ctx, core) => {
		const rec = item(ctx, core);
		const targetId = Number(p(ctx, where === 'after' ? 'afterItemId' : 'beforeItemId'));
		const rest = siblings(core, rec).filter((r) => r !== rec);
		const at = rest.findIndex((r) => Number(r.ID) === targetId);
		// an item of another list is no place to move to: the order stays
		if (at >= 0) rest.splice(where === 'after' ? at + 1 : at, 0, rec);
		else rest.push(rec);
		rest.forEach((r, i) => (r.sortIndex = i));
		return { result: view(rec, ctx) };
	};
}

let attachmentId = 1500;
const checklist: HandlerMap = {
	'tasks.template.checklist.add': (ctx, core) => {
		const templateId = template(ctx, core);
		const fields = obj(p(ctx, 'fields'));
		// a new item goes last among its siblings
		const sortIndex = siblings(core, { templateId, parentId: Number(fields.PARENT_ID) || 0 }).length;
		const rec = core.store.insert(ITEMS, { templateId, parentId: 0, title: '', sortIndex, isComplete: false, isImportant: false, attachments: {} });
		applyFields(rec, fields);
		return { result: view(rec, ctx) };
	},
	'tasks.template.checklist.get': (ctx, core) => ({ result: view(item(ctx, core), ctx) }),
	'tasks.template.checklist.update': (ctx, core) => {
		const rec = item(ctx, core);
		applyFields(rec, obj(p(ctx, 'fields')));
		return { result: view(rec, ctx) };
	},
	'tasks.template.checklist.delete': (ctx, core) => {
		const rec = item(ctx, core);
		core.store.remove(ITEMS, Number(rec.ID));
		return { result: true };
	},
	'tasks.template.checklist.list': (ctx, core) => {
		const templateId = template(ctx, core);
		const rows = core.store.all(ITEMS).filter((r) => r.templateId === templateId);
		const out = rows.map((r) => ({
			id: String(r.ID),
			templateId: String(r.templateId),
			parentId: r.parentId,
			title: r.title,
			sortIndex: String(r.sortIndex),
			isComplete: r.isComplete ? 'Y' : 'N',
			isImportant: r.isImportant ? 'Y' : 'N',
		}));
		return { result: { checkListItems: Object.fromEntries(out.map((r) => [r.id, r])) } };
	},
	'tasks.template.checklist.complete': (ctx, core) => {
		const rec = item(ctx, core);
		rec.isComplete = true;
		return { result: view(rec, ctx) };
	},
	'tasks.template.checklist.renew': (ctx, core) => {
		const rec = item(ctx, core);
		rec.isComplete = false;
		return { result: view(rec, ctx) };
	},
	'tasks.template.checklist.moveAfter': move('after'),
	'tasks.template.checklist.moveBefore': move('before'),
	'tasks.template.checklist.addAttachmentsFromDisk': (ctx, core) => {
		const rec = item(ctx, core);
		const files = p(ctx, 'filesIds');
		for (const file of Array.isArray(files) ? files : []) obj(rec.attachments)[String((attachmentId += 2))] = String(file);
		return { result: view(rec, ctx) };
	},
	'tasks.template.checklist.addAttachmentByContent': (ctx, core) => {
		const rec = item(ctx, core);
		obj(rec.attachments)[String((attachmentId += 2))] = String(obj(p(ctx, 'attachmentParameters')).NAME ?? '');
		return { result: view(rec, ctx) };
	},
	'tasks.template.checklist.removeAttachments': (ctx, core) => {
		const rec = item(ctx, core);
		const ids = p(ctx, 'attachmentsIds');
		for (const id of Array.isArray(ids) ? ids : []) delete obj(rec.attachments)[String(id)];
		return { result: view(rec, ctx) };
	},
};

function flowView(rec: Rec): Rec {
	const { ID, pinned, ...data } = rec;
	void pinned;
	return { ...data, id: Number(ID) };
}

function flowOf(core: Core, id: unknown): Rec {
	const rec = Number.isInteger(Number(id)) ? core.store.get(FLOWS, Number(id)) : undefined;
	if (!rec) throw new B24Error(400, '0', 'Flow not found');
	return rec;
}

const nameTaken = (core: Core, name: unknown, except?: number) => core.store.all(FLOWS).some((r) => r.name === name && Number(r.ID) !== except);
const flag = (v: unknown, dflt: boolean) => (v === undefined ? dflt : yes(v));

const flows: HandlerMap = {
	'tasks.flow.Flow.create': (ctx, core) => {
		const data = obj(p(ctx, 'flowData'));
		if (nameTaken(core, data.name)) throw new B24Error(400, '0', 'A flow with this name already exists');
		if (!['manually', 'queue', 'himself'].includes(String(data.distributionType))) throw new B24Error(400, '0', "'distributionType': field's value has an invalid value");
		const rec = core.store.insert(FLOWS, {
			creatorId: ctx.caller.userId,
			ownerId: Number(data.ownerId) || ctx.caller.userId,
			groupId: Number(data.groupId) || 0,
			templateId: Number(data.templateId) || 0,
			efficiency: 100,
			active: true,
			plannedCompletionTime: Number(data.plannedCompletionTime),
			activity: core.clock.isoDate(),
			name: String(data.name),
			description: String(data.description ?? ''),
			distributionType: data.distributionType,
			responsibleList: data.responsibleList ?? [],
			demo: false,
			responsibleCanChangeDeadline: flag(data.responsibleCanChangeDeadline, false),
			matchWorkTime: flag(data.matchWorkTime, true),
			taskControl: false,
			notifyAtHalfTime: false,
			notifyOnQueueOverflow: null,
			notifyOnTasksInProgressOverflow: null,
			notifyWhenEfficiencyDecreases: null,
			taskCreators: data.taskCreators ?? [],
			team: [],
			trialFeatureEnabled: false,
			pinned: false,
		});
		if (!rec.groupId) rec.groupId = Number(rec.ID) + 100;
		return { result: flowView(rec) };
	},
	'tasks.flow.Flow.get': (ctx, core) => ({ result: flowView(flowOf(core, p(ctx, 'flowId'))) }),
	'tasks.flow.Flow.update': (ctx, core) => {
		const { id, ...data } = obj(p(ctx, 'flowData'));
		const rec = flowOf(core, id);
		if (data.name !== undefined && nameTaken(core, data.name, Number(rec.ID))) throw new B24Error(400, '0', 'A flow with this name already exists');
		for (const [k, v] of Object.entries(data)) {
			if (k === 'matchWorkTime' || k === 'responsibleCanChangeDeadline') rec[k] = yes(v);
			else if (['plannedCompletionTime', 'groupId', 'ownerId', 'templateId'].includes(k)) rec[k] = Number(v);
			else rec[k] = v;
		}
		return { result: flowView(rec) };
	},
	'tasks.flow.Flow.delete': (ctx, core) => {
		const rec = flowOf(core, obj(p(ctx, 'flowData')).id);
		core.store.remove(FLOWS, Number(rec.ID));
		return { result: { deleted: true } };
	},
	'tasks.flow.Flow.activate': (ctx, core) => {
		const rec = flowOf(core, p(ctx, 'flowId'));
		rec.active = !rec.active;
		return { result: true };
	},
	'tasks.flow.Flow.pin': (ctx, core) => {
		const rec = flowOf(core, p(ctx, 'flowId'));
		rec.pinned = !rec.pinned;
		return { result: true };
	},
	'tasks.flow.Flow.isExists': (ctx, core) => {
		const data = obj(p(ctx, 'flowData'));
		return { result: { exists: nameTaken(core, data.name, Number(data.id) || undefined) } };
	},
};

/** The page's example answer; only string, double, datetime and boolean apply to tasks. */
const USER_FIELD_TYPES = [
	['string', 'String'],
	['integer', 'Integer'],
	['double', 'Number'],
	['boolean', 'Yes/No'],
	['enumeration', 'Enumeration'],
	['datetime', 'Date/Time'],
	['date', 'Date'],
	['money', 'Money'],
	['url', 'URL'],
	['address', 'Google Map Address'],
	['file', 'File'],
	['employee', 'User Binding'],
	['crm_status', 'CRM Reference Binding'],
	['iblock_section', 'Information Block Section Binding'],
	['iblock_element', 'Information Block Element Binding'],
	['crm', 'CRM Element Binding'],
];

export function taskTemplateHandlers(): HandlerMap {
	// user field types share the generic task.item.userfield family: leave that family generic
	const types: Handler = Object.assign(() => ({ result: USER_FIELD_TYPES.map(([ID, title]) => ({ ID, title })) }), { wrapsGeneric: true });
	return { ...checklist, ...flows, 'task.item.userfield.gettypes': types };
}
