// CRM: legacy crm.{lead,deal,contact,company,quote}.* (UPPER_CASE, plain
// results, empty error codes) and crm.item.* (camelCase, result.item(s)) over
// the same records; pipelines (crm.category.*), stages (crm.status.*),
// smart-process types (crm.type.*) and user fields.
import { argError } from '../catalog';
import { Core, FieldDef, HandlerMap, idParam, objParam, p, yes } from '../core';
import { Cond, page, parseFilter, parseOrder, parseStart, sortRows, matches, pageArray } from '../query';
import { Rec, Store, tableForType, pick } from '../store';
import { B24Error, CallContext } from '../types';
import { DEFAULT_STATUSES, fromCamel, MULTIFIELDS, schemaFor, toCamel, TYPE_NAMES } from './crm-schema';

const LEGACY: Record<string, number> = { lead: 1, deal: 2, contact: 3, company: 4, quote: 7 };
let multifieldSeq = 1;

// ---------- fields ----------

export function fieldsOf(core: Core, table: string): Record<string, FieldDef> {
	const uf = core.userFields.get(table);
	const defs = { ...schemaFor(table), ...(uf ? Object.fromEntries(uf) : {}) };
	// a smart process's stages are DYNAMIC_<type>_STAGE_<pipeline> (crm/universal/crm-item-fields.md)
	if (table.startsWith('dynamic_')) {
		const etid = Number(table.slice(8));
		defs.STAGE_ID = { ...defs.STAGE_ID, statusType: `DYNAMIC_${etid}_STAGE_${defaultCategoryId(core.store, etid)}` };
	}
	return defs;
}

let enumItemSeq = 1;

/** LIST of an enumeration user field (uf_enum_element): VALUE-less elements are ignored; *.fields shows them as items. */
function enumItems(list: unknown): Array<{ ID: string; VALUE: string }> {
	const arr = Array.isArray(list) ? list : list && typeof list === 'object' ? Object.values(list as Rec) : [];
	return (arr as Rec[]).filter((x) => x && typeof x === 'object' && x.VALUE !== undefined && x.VALUE !== '').map((x) => ({ ID: String(enumItemSeq++), VALUE: String(x.VALUE) }));
}

/**
 * A user field's label: a string, or a lang_map whose missing languages take LABEL (crm-deal-userfield-add.md);
 * the emulator answers in English.
 */
function ufLabel(value: unknown, label: unknown, fallback: string): string {
	if (typeof value === 'string' && value) return value;
	if (value && typeof value === 'object') {
		const map = value as Rec;
		if (map.en) return String(map.en);
	}
	return typeof label === 'string' && label ? label : fallback;
}

function registerUf(core: Core, table: string, name: string, def?: Partial<FieldDef>): void {
	let m = core.userFields.get(table);
	if (!m) core.userFields.set(table, (m = new Map()));
	if (!m.has(name)) m.set(name, { type: 'string', title: name, isRequired: false, isReadOnly: false, isImmutable: false, isMultiple: false, isDynamic: true, listLabel: name, formLabel: name, filterLabel: name, ...def });
}

function coerce(def: FieldDef | undefined, v: unknown): unknown {
	if (!def || v === null || v === undefined || v === '') return v;
	if ((def.type === 'integer' || def.type === 'user' || def.type === 'crm_category' || /^crm_(company|contact|lead|deal)$/.test(def.type)) && !def.isMultiple) {
		const n = Number(v);
		return Number.isFinite(n) ? n : v;
	}
	if (def.type === 'double') {
		const n = Number(v);
		return Number.isFinite(n) ? n : v;
	}
	return v;
}

function normalizeMulti(typeId: string, list: unknown): Rec[] {
	const arr = Array.isArray(list) ? list : list && typeof list === 'object' ? Object.values(list as Rec) : [];
	return arr
		.filter((x) => x && typeof x === 'object' && (x as Rec).VALUE !== undefined && (x as Rec).VALUE !== '')
		.map((x) => ({ ID: multifieldSeq++, VALUE_TYPE: String((x as Rec).VALUE_TYPE || (typeId === 'PHONE' || typeId === 'EMAIL' ? 'WORK' : 'OTHER')), VALUE: String((x as Rec).VALUE), TYPE_ID: typeId }));
}

/** Multifield update: no ID = add, ID = replace, DELETE:'Y' or empty VALUE = remove (docs §10). */
function mergeMulti(typeId: string, current: Rec[], changes: unknown): Rec[] {
	const out = current.map((x) => ({ ...x }));
	const arr = Array.isArray(changes) ? changes : changes && typeof changes === 'object' ? Object.values(changes as Rec) : [];
	for (const c of arr as Rec[]) {
		if (!c || typeof c !== 'object') continue;
		if (c.ID !== undefined && c.ID !== '') {
			const i = out.findIndex((x) => String(x.ID) === String(c.ID));
			if (i < 0) continue;
			if (c.DELETE === 'Y' || c.VALUE === '' || c.VALUE === undefined && c.DELETE) out.splice(i, 1);
			else out[i] = { ...out[i], ...(c.VALUE !== undefined ? { VALUE: String(c.VALUE) } : {}), ...(c.VALUE_TYPE ? { VALUE_TYPE: String(c.VALUE_TYPE) } : {}) };
		} else out.push(...normalizeMulti(typeId, [c]));
	}
	return out;
}

/** Apply client fields (already UPPER_CASE) to a record; unknown non-UF fields are ignored like the server does. */
function applyFields(core: Core, table: string, rec: Rec, fields: Rec, isNew: boolean): void {
	const defs = fieldsOf(core, table);
	for (const [k, v] of Object.entries(fields)) {
		if (MULTIFIELDS.includes(k) && defs[k]) {
			rec[k] = isNew ? normalizeMulti(k, v) : mergeMulti(k, (rec[k] as Rec[]) || [], v);
			continue;
		}
		if (k.startsWith('UF_')) {
			registerUf(core, table, k);
			rec[k] = v;
			continue;
		}
		const def = defs[k];
		if (!def || (def.isReadOnly && k !== 'ID')) continue;
		if (k === 'ID') continue;
		rec[k] = coerce(def, v);
	}
}

function stageDefaults(table: string, rec: Rec, entityTypeId: number, store?: Store): void {
	if (table === 'deal' || table === 'invoice' || table.startsWith('dynamic_')) {
		if (rec.CATEGORY_ID === undefined || rec.CATEGORY_ID === '') rec.CATEGORY_ID = table === 'deal' ? 0 : defaultCategoryId(store, entityTypeId);
		if (!rec.STAGE_ID) {
			const cat = Number(rec.CATEGORY_ID);
			rec.STAGE_ID = table === 'deal' ? (cat ? `C${cat}:NEW` : 'NEW') : table === 'invoice' ? 'DT31_1:N' : `DT${entityTypeId}_${cat}:NEW`;
		}
		const s = String(rec.STAGE_ID);
		rec.STAGE_SEMANTIC_ID = /WON|:S$|:P$/.test(s) ? 'S' : /LOSE|APOLOGY|:F$|:D$/.test(s) ? 'F' : 'P';
		rec.CLOSED = rec.STAGE_SEMANTIC_ID === 'P' ? 'N' : 'Y';
	}
	if (table === 'lead') {
		rec.STATUS_ID = rec.STATUS_ID || 'NEW';
		rec.STATUS_SEMANTIC_ID = rec.STATUS_ID === 'CONVERTED' ? 'S' : rec.STATUS_ID === 'JUNK' ? 'F' : 'P';
	}
	if (table === 'quote') rec.STATUS_ID = rec.STATUS_ID || 'DRAFT';
}

/** A smart process's default pipeline is created with the type (crm.type.add). */
function defaultCategoryId(store: Store | undefined, entityTypeId: number): number {
	const t = store?.all('crmType').find((x) => Number(x.ENTITY_TYPE_ID) === entityTypeId);
	return Number(t?.DEFAULT_CATEGORY_ID ?? 0);
}

function eventName(entityTypeId: number, action: 'ADD' | 'UPDATE' | 'DELETE'): string[] {
	const legacy = Object.entries(LEGACY).find(([, id]) => id === entityTypeId);
	if (legacy) return [`ONCRM${legacy[0].toUpperCase()}${action}`];
	return [`ONCRMDYNAMICITEM${action}`, `ONCRMDYNAMICITEM${action}_${entityTypeId}`];
}

function emitChange(core: Core, entityTypeId: number, action: 'ADD' | 'UPDATE' | 'DELETE', id: number): void {
	const fields: Rec = { ID: id };
	if (!LEGACY[Object.keys(LEGACY).find((k) => LEGACY[k] === entityTypeId) || '']) fields.ENTITY_TYPE_ID = entityTypeId;
	for (const ev of eventName(entityTypeId, action)) core.emit(ev, { FIELDS: fields });
}

export function createRecord(core: Core, ctx: CallContext, entityTypeId: number, fields: Rec): Rec {
	const table = tableForType(entityTypeId);
	const now = core.clock.isoDate();
	const rec: Rec = { DATE_CREATE: now, DATE_MODIFY: now, CREATED_BY_ID: ctx.caller.userId, MODIFY_BY_ID: ctx.caller.userId, ASSIGNED_BY_ID: ctx.caller.userId, OPENED: 'Y' };
	if (table !== 'contact' && table !== 'company') Object.assign(rec, { OPPORTUNITY: 0, CURRENCY_ID: 'USD' });
	applyFields(core, table, rec, fields, true);
	stageDefaults(table, rec, entityTypeId, core.store);
	const stored = core.store.insert(table, rec);
	emitChange(core, entityTypeId, 'ADD', Number(stored.ID));
	return stored;
}

// ---------- output ----------

function legacyValue(v: unknown): unknown {
	// legacy CRM answers scalars as strings
	if (typeof v === 'number') return String(v);
	if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? Object.fromEntries(Object.entries(x as Rec).map(([k, y]) => [k, legacyValue(y)])) : legacyValue(x)));
	return v;
}

function legacyOut(core: Core, table: string, rec: Rec, select?: string[]): Rec {
	const defs = fieldsOf(core, table);
	const out: Rec = {};
	const keys = select ? select : Object.keys(defs).filter((k) => !MULTIFIELDS.includes(k) || rec[k] !== undefined);
	for (const k of keys) {
		if (k === '*' || k === 'UF_*') continue;
		if (MULTIFIELDS.includes(k)) {
			if (rec[k] !== undefined && (rec[k] as Rec[]).length) out[k] = legacyValue(rec[k]);
			continue;
		}
		const v = rec[k];
		out[k] = v === undefined ? null : legacyValue(v);
	}
	out.ID = String(rec.ID);
	return out;
}

function legacySelect(core: Core, table: string, select: unknown): string[] | undefined {
	const defs = fieldsOf(core, table);
	const std = Object.keys(defs).filter((k) => !k.startsWith('UF_') && !MULTIFIELDS.includes(k));
	if (!Array.isArray(select) || select.length === 0) return std;
	const out = new Set<string>(['ID']);
	for (const s of select.map((x) => String(x).toUpperCase())) {
		if (s === '*') std.forEach((k) => out.add(k));
		else if (s === 'UF_*') Object.keys(defs).filter((k) => k.startsWith('UF_')).forEach((k) => out.add(k));
		else if (defs[s]) out.add(s);
	}
	return [...out];
}

function itemOut(core: Core, table: string, rec: Rec, originalUf: boolean, select?: string[]): Rec {
	const defs = fieldsOf(core, table);
	const out: Rec = {};
	for (const k of select || Object.keys(defs)) {
		if (MULTIFIELDS.includes(k) && rec[k] === undefined) continue;
		out[toCamel(k, originalUf)] = rec[k] === undefined ? null : rec[k];
	}
	out.id = Number(rec.ID);
	if (rec.ENTITY_TYPE_ID === undefined && table.startsWith('dynamic_')) out.entityTypeId = Number(table.slice(8));
	return out;
}

// ---------- entity type checks ----------

export function checkEntityType(core: Core, ctx: CallContext): number {
	const v = p(ctx, 'entityTypeId');
	const id = Number(v);
	if (!Number.isInteger(id) || id <= 0) throw argError(ctx.method, 'entityTypeId', "Parameter 'entityTypeId' must be a positive integer.");
	if (id === 5) throw new B24Error(400, 'ENTITY_TYPE_NOT_SUPPORTED', 'Entity type 5 (old invoice) is not supported by crm.item.*');
	if (TYPE_NAMES[id]) return id;
	if (id >= 128 && core.store.all('crmType').some((t) => Number(t.ENTITY_TYPE_ID) === id)) return id;
	throw new B24Error(400, 'NOT_FOUND', 'SPA not found');
}

/** crm.item field names: camelCase (or the stored UPPER name); unknown -> null. */
function itemResolver(core: Core, table: string): (name: string) => string | null {
	const defs = fieldsOf(core, table);
	return (name) => {
		if (defs[name]) return name;
		const up = fromCamel(name);
		if (defs[up]) return up;
		if (up.toUpperCase() === 'ID') return 'ID';
		return null;
	};
}

function legacyResolver(core: Core, table: string): (name: string) => string | null {
	const defs = fieldsOf(core, table);
	return (name) => {
		const up = name.toUpperCase();
		return defs[up] ? up : null;
	};
}

function listCost(core: Core, start: number, counted: number): number {
	const c = core.cost;
	return start === -1 ? c.page : c.page + counted * c.perCountedRow + start * c.perOffsetRow;
}

// ---------- legacy ----------

function legacyHandlers(entity: string): HandlerMap {
	const entityTypeId = LEGACY[entity];
	const table = entity;
	const base = `crm.${entity}`;
	const getRec = (core: Core, ctx: CallContext): Rec => {
		const id = idParam(ctx, 'id', 'ID is not defined or invalid.');
		const r = core.store.get(table, id);
		if (!r) throw new B24Error(400, '', 'Not found');
		return r;
	};
	return {
		[`${base}.add`]: (ctx, core) => {
			const fields = objParam(ctx, 'fields');
			const rec = createRecord(core, ctx, entityTypeId, fields);
			return { result: Number(rec.ID), cost: core.cost.add };
		},
		[`${base}.get`]: (ctx, core) => {
			const r = getRec(core, ctx);
			const defs = fieldsOf(core, table);
			return { result: legacyOut(core, table, r, Object.keys(defs)), cost: core.cost.get };
		},
		[`${base}.update`]: (ctx, core) => {
			const r = getRec(core, ctx);
			const fields = objParam(ctx, 'fields');
			applyFields(core, table, r, fields, false);
			r.DATE_MODIFY = core.clock.isoDate();
			r.MODIFY_BY_ID = ctx.caller.userId;
			stageDefaults(table, r, entityTypeId, core.store);
			emitChange(core, entityTypeId, 'UPDATE', Number(r.ID));
			return { result: true, cost: core.cost.update };
		},
		[`${base}.delete`]: (ctx, core) => {
			const r = getRec(core, ctx);
			core.store.remove(table, Number(r.ID));
			emitChange(core, entityTypeId, 'DELETE', Number(r.ID));
			return { result: true, cost: core.cost.delete };
		},
		[`${base}.fields`]: (_ctx, core) => ({ result: fieldsOf(core, table) }),
		[`${base}.list`]: (ctx, core) => {
			const t = core.store.table(table);
			const resolve = legacyResolver(core, table);
			const conds = parseFilter(p(ctx, 'filter'), resolve);
			const order = parseOrder(p(ctx, 'order'), resolve);
			const start = parseStart(p(ctx, 'start'));
			const pg = page(t, conds, order, start);
			core.store.pageServed(table);
			const sel = legacySelect(core, table, p(ctx, 'select'));
			return {
				result: pg.rows.map((r) => legacyOut(core, table, r, sel)),
				total: start === -1 ? 0 : pg.total,
				next: pg.next,
				cost: listCost(core, start, pg.counted),
			};
		},
		[`${base}.userfield.add`]: (ctx, core) => {
			const fields = objParam(ctx, 'fields');
			let name = String(fields.FIELD_NAME || '').toUpperCase();
			if (!name) throw new B24Error(400, 'ERROR_ARGUMENT', "Field 'FIELD_NAME' is required");
			if (!name.startsWith('UF_CRM_')) name = `UF_CRM_${name}`;
			const type = String(fields.USER_TYPE_ID || 'string');
			// legacy *.fields title a user field by its code and carry the labels in formLabel/listLabel/filterLabel
			const formLabel = ufLabel(fields.EDIT_FORM_LABEL, fields.LABEL, name);
			const labels = { formLabel, listLabel: ufLabel(fields.LIST_COLUMN_LABEL, fields.LABEL, formLabel), filterLabel: ufLabel(fields.LIST_FILTER_LABEL, fields.LABEL, formLabel) };
			const settings = fields.SETTINGS && typeof fields.SETTINGS === 'object' ? { settings: fields.SETTINGS as Rec } : {};
			registerUf(core, table, name, { type, isMultiple: yes(fields.MULTIPLE), isRequired: yes(fields.MANDATORY), title: name, ...labels, ...settings, ...(type === 'enumeration' ? { items: enumItems(fields.LIST) } : {}) });
			const rec = core.store.insert('crmUserField', { ENTITY_ID: `CRM_${entity.toUpperCase()}`, FIELD_NAME: name, USER_TYPE_ID: fields.USER_TYPE_ID || 'string', MULTIPLE: fields.MULTIPLE || 'N', MANDATORY: fields.MANDATORY || 'N' });
			return { result: Number(rec.ID) };
		},
		[`${base}.userfield.list`]: (_ctx, core) => ({
			result: core.store.all('crmUserField').filter((r) => r.ENTITY_ID === `CRM_${entity.toUpperCase()}`).map((r) => ({ ...r, ID: String(r.ID) })),
		}),
	};
}

// ---------- crm.item ----------

function itemHandlers(): HandlerMap {
	const get = (core: Core, ctx: CallContext): { typeId: number; table: string; rec: Rec } => {
		const typeId = checkEntityType(core, ctx);
		const id = idParam(ctx, 'id');
		const table = tableForType(typeId);
		const rec = core.store.get(table, id);
		if (!rec) throw new B24Error(400, 'NOT_FOUND', 'Element not found');
		return { typeId, table, rec };
	};
	const toUpperFields = (core: Core, table: string, fields: Rec): Rec => {
		const out: Rec = {};
		for (const [k, v] of Object.entries(fields)) {
			const up = fromCamel(k);
			out[up] = v;
		}
		return out;
	};
	const orig = (ctx: CallContext): boolean => yes(p(ctx, 'useOriginalUfNames'));
	return {
		'crm.item.add': (ctx, core) => {
			const typeId = checkEntityType(core, ctx);
			const fields = objParam(ctx, 'fields');
			const table = tableForType(typeId);
			const rec = createRecord(core, ctx, typeId, toUpperFields(core, table, fields));
			return { result: { item: itemOut(core, table, rec, orig(ctx)) }, cost: core.cost.add };
		},
		'crm.item.get': (ctx, core) => {
			const { table, rec } = get(core, ctx);
			return { result: { item: itemOut(core, table, rec, orig(ctx)) }, cost: core.cost.get };
		},
		'crm.item.update': (ctx, core) => {
			const { typeId, table, rec } = get(core, ctx);
			const fields = objParam(ctx, 'fields');
			applyFields(core, table, rec, toUpperFields(core, table, fields), false);
			rec.DATE_MODIFY = core.clock.isoDate();
			rec.MODIFY_BY_ID = ctx.caller.userId;
			stageDefaults(table, rec, typeId, core.store);
			emitChange(core, typeId, 'UPDATE', Number(rec.ID));
			return { result: { item: itemOut(core, table, rec, orig(ctx)) }, cost: core.cost.update };
		},
		'crm.item.delete': (ctx, core) => {
			const { typeId, table, rec } = get(core, ctx);
			core.store.remove(table, Number(rec.ID));
			emitChange(core, typeId, 'DELETE', Number(rec.ID));
			return { result: [], cost: core.cost.delete };
		},
		'crm.item.fields': (ctx, core) => {
			const typeId = checkEntityType(core, ctx);
			const table = tableForType(typeId);
			const out: Rec = {};
			// crm.item titles user fields by their label and shows char flags as boolean (crm-item-fields.md, user-fields-for-examples-cut.md)
			for (const [k, d] of Object.entries(fieldsOf(core, table))) out[toCamel(k, orig(ctx))] = { ...d, ...(d.isDynamic ? { title: d.formLabel ?? d.title } : {}), ...(d.type === 'char' ? { type: 'boolean' } : {}), upperName: k };
			return { result: { fields: out } };
		},
		'crm.item.list': (ctx, core) => {
			const typeId = checkEntityType(core, ctx);
			const table = tableForType(typeId);
			const resolve = itemResolver(core, table);
			const bad = (name: string): never => {
				throw new B24Error(400, 'INVALID_ARG_VALUE', `Invalid field name: ${name}`);
			};
			const conds = parseFilter(p(ctx, 'filter'), resolve, bad);
			const order = parseOrder(p(ctx, 'order'), resolve, bad);
			const start = parseStart(p(ctx, 'start'));
			const pg = page(core.store.table(table), conds, order, start);
			core.store.pageServed(table);
			const select = p(ctx, 'select');
			let sel: string[] | undefined;
			if (Array.isArray(select) && select.length && !select.includes('*')) {
				const defs = fieldsOf(core, table);
				const s = new Set<string>(['ID']);
				for (const x of select.map(String)) {
					if (x === 'UF_*' || x === 'uf_*') Object.keys(defs).filter((k) => k.startsWith('UF_')).forEach((k) => s.add(k));
					else {
						const r = resolve(x);
						if (r) s.add(r);
					}
				}
				sel = [...s];
			}
			return {
				result: { items: pg.rows.map((r) => itemOut(core, table, r, orig(ctx), sel)) },
				total: start === -1 ? 0 : pg.total,
				next: pg.next,
				cost: listCost(core, start, pg.counted),
			};
		},
	};
}

// ---------- crm.type (smart processes) ----------

function typeOut(r: Rec): Rec {
	return { id: Number(r.ID), entityTypeId: Number(r.ENTITY_TYPE_ID), title: r.TITLE, code: r.CODE ?? null, isCategoriesEnabled: r.IS_CATEGORIES_ENABLED ?? 'N', isStagesEnabled: 'Y', createdTime: r.CREATED_TIME, updatedTime: r.UPDATED_TIME };
}

function typeHandlers(): HandlerMap {
	const find = (core: Core, ctx: CallContext): Rec => {
		const id = idParam(ctx, 'id');
		const r = core.store.get('crmType', id);
		if (!r) throw new B24Error(400, 'NOT_FOUND', 'SPA not found');
		return r;
	};
	return {
		'crm.type.add': (ctx, core) => {
			const fields = objParam(ctx, 'fields');
			if (!fields.title) throw new B24Error(400, 'INVALID_ARG_VALUE', "Field 'title' is required");
			const used = core.store.all('crmType').map((t) => Number(t.ENTITY_TYPE_ID));
			let etid = Number(fields.entityTypeId) || 0;
			if (!etid || used.includes(etid) || etid < 128) etid = Math.max(127, ...used) + 1;
			const now = core.clock.isoDate();
			const r = core.store.insert('crmType', { ENTITY_TYPE_ID: etid, TITLE: fields.title, CODE: fields.code, IS_CATEGORIES_ENABLED: fields.isCategoriesEnabled ?? 'N', CREATED_TIME: now, UPDATED_TIME: now });
			const cat = core.store.insert('crmCategory', { ENTITY_TYPE_ID: etid, NAME: 'General', SORT: 500, IS_DEFAULT: 'Y' });
			r.DEFAULT_CATEGORY_ID = Number(cat.ID);
			addStages(core, `DYNAMIC_${etid}_STAGE_${cat.ID}`, Number(cat.ID), `DT${etid}_${cat.ID}`);
			return { result: { type: typeOut(r) }, cost: core.cost.add };
		},
		'crm.type.get': (ctx, core) => ({ result: { type: typeOut(find(core, ctx)) } }),
		'crm.type.getbyentitytypeid': (ctx, core) => {
			const etid = Number(p(ctx, 'entityTypeId'));
			const r = core.store.all('crmType').find((t) => Number(t.ENTITY_TYPE_ID) === etid);
			if (!r) throw new B24Error(400, 'NOT_FOUND', 'SPA not found');
			return { result: { type: typeOut(r) } };
		},
		'crm.type.list': (ctx, core) => {
			const start = parseStart(p(ctx, 'start'));
			const pg = pageArray(core.store.all('crmType').map(typeOut), start);
			return { result: { types: pg.rows }, total: start === -1 ? 0 : pg.total, next: pg.next };
		},
		'crm.type.update': (ctx, core) => {
			const r = find(core, ctx);
			const fields = objParam(ctx, 'fields', false);
			if (fields.title !== undefined) r.TITLE = fields.title;
			if (fields.code !== undefined) r.CODE = fields.code;
			r.UPDATED_TIME = core.clock.isoDate();
			return { result: { type: typeOut(r) } };
		},
		'crm.type.delete': (ctx, core) => {
			const r = find(core, ctx);
			core.store.remove('crmType', Number(r.ID));
			return { result: [] };
		},
	};
}

// ---------- crm.category (pipelines) ----------

function addStages(core: Core, entityId: string, categoryId: number, prefix: string): void {
	const base = DEFAULT_STATUSES.DEAL_STAGE;
	base.forEach(([id, name, sem], i) => {
		core.store.insert('crmStatus', { ENTITY_ID: entityId, STATUS_ID: `${prefix}:${id}`, NAME: name, SORT: (i + 1) * 10, SYSTEM: 'Y', CATEGORY_ID: categoryId, SEMANTICS: sem ?? null });
	});
}

function catOut(r: Rec): Rec {
	return { id: Number(r.ID), name: r.NAME, sort: Number(r.SORT), entityTypeId: Number(r.ENTITY_TYPE_ID), isDefault: r.IS_DEFAULT ?? 'N' };
}

function categories(core: Core, typeId: number): Rec[] {
	const rows = core.store.all('crmCategory').filter((r) => Number(r.ENTITY_TYPE_ID) === typeId).map(catOut);
	// the default deal pipeline has id 0 and lives outside the table
	if (typeId === 2) rows.unshift({ id: 0, name: 'General', sort: 0, entityTypeId: 2, isDefault: 'Y' });
	return rows;
}

function categoryHandlers(): HandlerMap {
	const find = (core: Core, ctx: CallContext): { typeId: number; cat: Rec } => {
		const typeId = checkEntityType(core, ctx);
		const raw = p(ctx, 'id');
		const id = Number(raw);
		if (raw === undefined || raw === '' || !Number.isInteger(id) || id < 0) throw new B24Error(400, 'INVALID_ARG_VALUE', "Parameter 'id' must be a non-negative integer.");
		const cat = categories(core, typeId).find((c) => c.id === id);
		if (!cat) throw new B24Error(400, 'NOT_FOUND', 'Category not found');
		return { typeId, cat };
	};
	return {
		'crm.category.add': (ctx, core) => {
			const typeId = checkEntityType(core, ctx);
			const fields = objParam(ctx, 'fields');
			if (!fields.name) throw new B24Error(400, 'INVALID_ARG_VALUE', "Field 'name' is required");
			const r = core.store.insert('crmCategory', { ENTITY_TYPE_ID: typeId, NAME: fields.name, SORT: fields.sort ?? 500, IS_DEFAULT: 'N' });
			if (typeId === 2) addStages(core, `DEAL_STAGE_${r.ID}`, Number(r.ID), `C${r.ID}`);
			else if (typeId >= 128) addStages(core, `DYNAMIC_${typeId}_STAGE_${r.ID}`, Number(r.ID), `DT${typeId}_${r.ID}`);
			return { result: { category: catOut(r) }, cost: core.cost.add };
		},
		'crm.category.get': (ctx, core) => ({ result: { category: find(core, ctx).cat } }),
		'crm.category.list': (ctx, core) => {
			const typeId = checkEntityType(core, ctx);
			const start = parseStart(p(ctx, 'start'));
			const pg = pageArray(categories(core, typeId), start);
			return { result: { categories: pg.rows }, total: start === -1 ? 0 : pg.total, next: pg.next };
		},
		'crm.category.update': (ctx, core) => {
			const { cat } = find(core, ctx);
			const fields = objParam(ctx, 'fields');
			const r = core.store.get('crmCategory', Number(cat.id));
			if (!r) throw new B24Error(400, 'ACCESS_DENIED', 'The default pipeline cannot be changed here');
			if (fields.name !== undefined) r.NAME = fields.name;
			if (fields.sort !== undefined) r.SORT = fields.sort;
			return { result: { category: catOut(r) } };
		},
		'crm.category.delete': (ctx, core) => {
			const { cat } = find(core, ctx);
			if (cat.isDefault === 'Y') throw new B24Error(400, 'ACCESS_DENIED', 'The default pipeline cannot be deleted');
			core.store.remove('crmCategory', Number(cat.id));
			return { result: [] };
		},
		'crm.category.fields': () => ({
			result: { fields: { id: { type: 'integer', isReadOnly: true, title: 'ID' }, name: { type: 'string', title: 'Name' }, sort: { type: 'integer', title: 'Sort' }, entityTypeId: { type: 'integer', title: 'Entity type' }, isDefault: { type: 'char', title: 'Default' } } },
		}),
	};
}

// ---------- crm.status ----------

function statusOut(r: Rec): Rec {
	const out: Rec = { ID: String(r.ID), ENTITY_ID: r.ENTITY_ID, STATUS_ID: r.STATUS_ID, NAME: r.NAME, NAME_INIT: r.SYSTEM === 'Y' ? r.NAME : '', SORT: String(r.SORT), SYSTEM: r.SYSTEM ?? 'N', CATEGORY_ID: r.CATEGORY_ID === undefined ? null : String(r.CATEGORY_ID), COLOR: r.COLOR ?? null, SEMANTICS: r.SEMANTICS ?? null };
	return out;
}

const STATUS_RESOLVE = (name: string): string | null => {
	const up = name.toUpperCase();
	return ['ID', 'ENTITY_ID', 'STATUS_ID', 'NAME', 'SORT', 'SYSTEM', 'CATEGORY_ID', 'SEMANTICS'].includes(up) ? up : null;
};

function statusHandlers(): HandlerMap {
	const find = (core: Core, ctx: CallContext): Rec => {
		const id = idParam(ctx, 'id', 'ID is not defined or invalid.');
		const r = core.store.get('crmStatus', id);
		if (!r) throw new B24Error(400, '', 'Not found');
		return r;
	};
	return {
		'crm.status.list': (ctx, core) => {
			const conds: Cond[] = parseFilter(p(ctx, 'filter'), STATUS_RESOLVE);
			const order = parseOrder(p(ctx, 'order'), STATUS_RESOLVE);
			const rows = sortRows(core.store.all('crmStatus').filter((r) => matches(r, conds)), order.length ? order : [['SORT', 'ASC']]);
			return { result: rows.map(statusOut) };
		},
		'crm.status.get': (ctx, core) => ({ result: statusOut(find(core, ctx)) }),
		'crm.status.fields': () => ({
			result: Object.fromEntries(['ID', 'ENTITY_ID', 'STATUS_ID', 'NAME', 'NAME_INIT', 'SORT', 'SYSTEM', 'CATEGORY_ID', 'COLOR', 'SEMANTICS'].map((k) => [k, { type: k === 'ID' || k === 'SORT' ? 'integer' : 'string', isRequired: ['ENTITY_ID', 'STATUS_ID', 'NAME'].includes(k), isReadOnly: k === 'ID' || k === 'SYSTEM', isMultiple: false, title: k }])),
		}),
		'crm.status.entity.types': (_ctx, core) => {
			const ids = [...new Set(core.store.all('crmStatus').map((r) => String(r.ENTITY_ID)))];
			return { result: ids.map((id) => ({ ID: id, NAME: id, ...(id.startsWith('DEAL_STAGE') ? { ENTITY_TYPE_ID: 2 } : {}) })) };
		},
		'crm.status.entity.items': (ctx, core) => {
			const entityId = String(p(ctx, 'entityId'));
			const rows = sortRows(core.store.all('crmStatus').filter((r) => r.ENTITY_ID === entityId), [['SORT', 'ASC']]);
			return { result: rows.map((r) => ({ NAME: r.NAME, SORT: Number(r.SORT), STATUS_ID: r.STATUS_ID })) };
		},
		'crm.status.add': (ctx, core) => {
			const fields = objParam(ctx, 'fields');
			for (const k of ['ENTITY_ID', 'STATUS_ID', 'NAME']) if (!fields[k]) throw new B24Error(400, '', `Field '${k}' is required.`);
			if (core.store.all('crmStatus').some((r) => r.ENTITY_ID === fields.ENTITY_ID && r.STATUS_ID === fields.STATUS_ID)) throw new B24Error(400, '', 'Status already exists.');
			const r = core.store.insert('crmStatus', { ENTITY_ID: fields.ENTITY_ID, STATUS_ID: fields.STATUS_ID, NAME: fields.NAME, SORT: Number(fields.SORT ?? 500), SYSTEM: 'N', COLOR: fields.COLOR, SEMANTICS: fields.SEMANTICS });
			return { result: Number(r.ID) };
		},
		'crm.status.update': (ctx, core) => {
			const r = find(core, ctx);
			const fields = objParam(ctx, 'fields');
			for (const k of ['NAME', 'SORT', 'COLOR', 'SEMANTICS']) if (fields[k] !== undefined) r[k] = fields[k];
			return { result: true };
		},
		'crm.status.delete': (ctx, core) => {
			const r = find(core, ctx);
			const params = (p(ctx, 'params') as Rec) || {};
			if (r.SYSTEM === 'Y' && !yes(params.FORCED)) throw new B24Error(400, '', 'System status can be deleted only with FORCED=Y.');
			core.store.remove('crmStatus', Number(r.ID));
			return { result: true };
		},
	};
}

export function crmHandlers(): HandlerMap {
	return {
		...Object.keys(LEGACY).reduce((acc, e) => ({ ...acc, ...legacyHandlers(e) }), {} as HandlerMap),
		...itemHandlers(),
		...typeHandlers(),
		...categoryHandlers(),
		...statusHandlers(),
	};
}

export function crmInitialData(core: Core): void {
	for (const [entityId, list] of Object.entries(DEFAULT_STATUSES)) {
		list.forEach(([id, name, sem], i) => core.store.insert('crmStatus', { ENTITY_ID: entityId, STATUS_ID: id, NAME: name, SORT: (i + 1) * 10, SYSTEM: 'Y', SEMANTICS: sem ?? null, ...(entityId === 'DEAL_STAGE' ? { CATEGORY_ID: 0 } : {}) }));
	}
}

// ---------- seeding ----------

const FIRST = ['Anna', 'Boris', 'Clara', 'Dmitry', 'Elena', 'Fedor', 'Galina', 'Igor', 'Julia', 'Kirill', 'Lena', 'Maxim', 'Nina', 'Oleg', 'Pavel', 'Rita'];
const LAST = ['Ivanova', 'Petrov', 'Smirnova', 'Kuznetsov', 'Popova', 'Sokolov', 'Lebedeva', 'Kozlov', 'Novikova', 'Morozov'];
const WORDS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Orion', 'Vega', 'Nova', 'Atlas', 'Zenit', 'Polar'];

export function crmSeeder(entity: string): (store: import('../store').Store, n: number, rnd: () => number) => void {
	return (store, n, rnd) => {
		const t = store.table(entity);
		const users = Math.max(1, store.count('user'));
		const base = Date.UTC(2025, 0, 1) / 1000;
		for (let i = 0; i < n; i++) {
			const k = t.nextId;
			const created = new Date((base + k * 600) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
			const rec: Rec = { DATE_CREATE: created, DATE_MODIFY: created, CREATED_BY_ID: 1, MODIFY_BY_ID: 1, ASSIGNED_BY_ID: 1 + Math.floor(rnd() * users), OPENED: 'Y', SOURCE_ID: pick(rnd, ['CALL', 'EMAIL', 'WEB', 'OTHER']) };
			const first = pick(rnd, FIRST);
			const last = pick(rnd, LAST);
			const phone = { ID: multifieldSeq++, VALUE_TYPE: 'WORK', VALUE: `+1555${String(1000000 + Math.floor(rnd() * 8999999))}`, TYPE_ID: 'PHONE' };
			const email = { ID: multifieldSeq++, VALUE_TYPE: 'WORK', VALUE: `${first}.${last}.${k}@example.com`.toLowerCase(), TYPE_ID: 'EMAIL' };
			switch (entity) {
				case 'deal':
					Object.assign(rec, { TITLE: `Deal #${k} ${pick(rnd, WORDS)}`, STAGE_ID: pick(rnd, ['NEW', 'PREPARATION', 'EXECUTING', 'WON', 'LOSE']), CATEGORY_ID: 0, OPPORTUNITY: Math.round(rnd() * 100000) / 10, CURRENCY_ID: 'USD' });
					break;
				case 'lead':
					Object.assign(rec, { TITLE: `Lead #${k}`, NAME: first, LAST_NAME: last, STATUS_ID: pick(rnd, ['NEW', 'IN_PROCESS', 'PROCESSED']), OPPORTUNITY: 0, CURRENCY_ID: 'USD', PHONE: [phone], EMAIL: [email] });
					break;
				case 'contact':
					Object.assign(rec, { NAME: first, LAST_NAME: last, TYPE_ID: pick(rnd, ['CLIENT', 'SUPPLIER', 'PARTNER']), PHONE: [phone], EMAIL: [email] });
					break;
				case 'company':
					Object.assign(rec, { TITLE: `${pick(rnd, WORDS)} ${pick(rnd, ['LLC', 'Inc', 'Group', 'Ltd'])} ${k}`, COMPANY_TYPE: 'CUSTOMER', INDUSTRY: pick(rnd, ['IT', 'TELECOM', 'FINANCE']), PHONE: [phone] });
					break;
				case 'quote':
					Object.assign(rec, { TITLE: `Quote #${k}`, STATUS_ID: 'DRAFT', OPPORTUNITY: Math.round(rnd() * 5000), CURRENCY_ID: 'USD' });
					break;
				default:
					Object.assign(rec, { TITLE: `Item #${k}`, OPPORTUNITY: Math.round(rnd() * 1000), CURRENCY_ID: 'USD' });
			}
			if (entity === 'deal' || entity === 'invoice' || entity.startsWith('dynamic_')) {
				const etid = entity === 'deal' ? 2 : entity === 'invoice' ? 31 : Number(entity.slice(8));
				stageDefaults(entity, rec, etid, store);
			}
			if (entity === 'lead') stageDefaults('lead', rec, 1);
			t.insert(rec);
		}
	};
}
