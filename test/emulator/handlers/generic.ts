// Every catalogued method without a dedicated handler: validated by the
// dispatcher, then answered in the result shape its doc page documents
// (catalog/result-shapes.json, derived from the "Response Handling" examples of
// bitrix24/b24restdocs by tools/derive-shapes.js). Records are kept per method
// family (`generic:<method without its last segment>`, e.g. generic:catalog.product),
// so create -> get -> list -> update -> delete round-trip.
//
// A shape's `result` is a typed skeleton: objects keep the documented keys,
// arrays their first element, scalars are tags (int, intString, float, bool, yn,
// string, datetime, date, null). How a skeleton is read:
//   scalar                       create: the new id (int / intString) or true; delete/update: that value
//   { key: [record] }            list wrapped in `key` (catalog.product.list -> products)
//   { key: { <id>: record } }    list keyed by id inside `key` (documentgenerator templates)
//   [record]                     bare list
//   { key: record }              one record wrapped in `key` (catalog.product.add -> element)
//   record                       one record, unwrapped
// `literal` shapes (*.fields, *.types) are answered as documented, values included.
import * as fs from 'fs';
import * as path from 'path';
import type { Core, Handler, HandlerMap } from '../core';
import { p } from '../core';
import { compare, Cond, matches, pageArray, parseFilter, parseStart } from '../query';
import type { Rec } from '../store';
import { B24Error, CallContext, MethodResult } from '../types';

export interface ResultShape {
	method: string;
	doc?: string;
	source: 'example' | 'manual';
	result: unknown;
	literal?: boolean;
	total?: boolean;
	notFound?: { code: string; description: string; status?: number };
}

let shapes: Map<string, ResultShape> | undefined;

/** catalog/result-shapes.json, keyed by lowercase method name. */
export function resultShapes(): Map<string, ResultShape> {
	if (!shapes) {
		const file = path.join(__dirname, '..', 'catalog', 'result-shapes.json');
		const raw = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ResultShape>) : {};
		shapes = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
	}
	return shapes;
}

const TAGS = new Set(['int', 'intString', 'float', 'bool', 'yn', 'string', 'datetime', 'date', 'null']);
const isTag = (v: unknown): v is string => typeof v === 'string' && TAGS.has(v);
const isObj = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);

/** The table a method's records live in: the method without its last segment. */
export function family(method: string): string {
	const m = method.toLowerCase().replace(/\.get\.nearest$/, '.nearest');
	return m.split('.').slice(0, -1).join('.') || m;
}

type Form =
	| { type: 'scalar'; tag: string }
	| { type: 'list'; wrap?: string; keyed?: boolean; record?: unknown; aux?: Rec }
	| { type: 'record'; wrap?: string; record: Rec; aux?: Rec }
	| { type: 'other'; value: unknown };

/**
 * Reads a skeleton as one of the forms in the header comment. With several
 * top-level keys ({ bot: {...}, users: [...] }), the key named after the
 * method's noun (bot, bots) holds the record(s) and the rest is `aux`.
 */
export function formOf(skel: unknown, method = ''): Form {
	if (isObj(skel) && Object.keys(skel).length > 1 && method) {
		const seg = method.toLowerCase().split('.');
		const noun = norm(seg[seg.length - 2] || seg[0]);
		const key = Object.keys(skel).find((k) => [noun, `${noun}s`, noun.replace(/y$/, 'ies')].includes(norm(k)));
		if (key && (isObj(skel[key]) || Array.isArray(skel[key]))) {
			const { [key]: main, ...aux } = skel;
			const f = formOf({ [key]: main });
			if (f.type === 'list' || f.type === 'record') return { ...f, aux };
		}
	}
	if (isTag(skel)) return { type: 'scalar', tag: skel };
	if (skel === undefined) return { type: 'scalar', tag: 'bool' };
	if (Array.isArray(skel)) return { type: 'list', record: skel[0] };
	if (!isObj(skel)) return { type: 'other', value: skel };
	const keys = Object.keys(skel);
	if (keys.length === 1) {
		const [k] = keys;
		const v = skel[k];
		if (Array.isArray(v)) return { type: 'list', wrap: k, record: v[0] };
		if (isObj(v)) {
			const inner = Object.keys(v);
			if (inner.length && inner.every((x) => /^\d+$/.test(x))) return { type: 'list', wrap: k, keyed: true, record: v[inner[0]] };
			if (inner.length > 1 || isObj(v[inner[0]]) === false) return { type: 'record', wrap: k, record: v };
		}
	}
	if (keys.length && keys.every((x) => /^\d+$/.test(x))) return { type: 'list', keyed: true, record: skel[keys[0]] };
	return { type: 'record', record: skel };
}

const norm = (k: string): string => k.replace(/[_\s-]/g, '').toLowerCase();

/** Default of a tag when the record has no value for the field. */
function defaultFor(tag: string, key: string, ctx: CallContext, core: Core, rec: Rec): unknown {
	if (/^id$/i.test(key)) return tag === 'int' ? Number(rec.ID) : String(rec.ID);
	if (tag === 'bool' && /^(result|success)$/i.test(key)) return true;
	if (/^(created_?by|createdby|author_?id|modified_?by|updated_?by|owner_?id)$/i.test(key) && /int/i.test(tag)) {
		return tag === 'int' ? ctx.caller.userId : String(ctx.caller.userId);
	}
	if (tag === 'datetime' && /date|time|created|updated|modified|timestamp/i.test(key)) return rec._created ?? core.clock.isoDate();
	return null;
}

function coerce(tag: string, v: unknown): unknown {
	if (v === null || v === undefined) return v;
	switch (tag) {
		case 'int':
			return v !== '' && Number.isFinite(Number(v)) && typeof v !== 'boolean' ? Number(v) : v;
		case 'float':
			return v !== '' && Number.isFinite(Number(v)) && typeof v !== 'boolean' ? Number(v) : v;
		case 'intString':
			return typeof v === 'number' ? String(v) : v;
		case 'yn':
			return v === true ? 'Y' : v === false ? 'N' : v;
		case 'bool':
			return v === 'Y' ? true : v === 'N' ? false : v;
		default:
			return v;
	}
}

/** Finds the stored value for a documented key: exact, then case/underscore-insensitive. */
function lookup(rec: Rec, key: string): { found: boolean; value?: unknown } {
	if (key in rec) return { found: true, value: rec[key] };
	// PROPERTY_<CODE> reads the item's PROPERTY_VALUES (entity-item-get.md: filter as PROPERTY_<PROPERTY_CODE>)
	const prop = /^PROPERTY_(.+)$/i.exec(key);
	if (prop && !/^VALUES$/i.test(prop[1]) && isObj(rec.PROPERTY_VALUES)) {
		const values = rec.PROPERTY_VALUES;
		const code = Object.keys(values).find((k) => k.toLowerCase() === prop[1].toLowerCase());
		if (code !== undefined) return { found: true, value: values[code] };
	}
	const n = norm(key);
	for (const [k, v] of Object.entries(rec)) if (!k.startsWith('_') && norm(k) === n) return { found: true, value: v };
	// request names that carry the object's kind: ELEMENT_CODE -> CODE, SECTION_NAME -> NAME, IBLOCK_CODE -> CODE
	for (const [k, v] of Object.entries(rec)) if (!k.startsWith('_') && norm(k.replace(/^(ELEMENT|SECTION|IBLOCK|FIELD)_/i, '')) === n) return { found: true, value: v };
	// calendar's from/to are DATE_FROM/DATE_TO in the record
	for (const [k, v] of Object.entries(rec)) if (!k.startsWith('_') && `date${norm(k)}` === n) return { found: true, value: v };
	// top-level parameters of the create call (IBLOCK_TYPE_ID, ENTITY, entityTypeId...)
	const scope = rec._scope;
	if (isObj(scope)) for (const [k, v] of Object.entries(scope)) if (norm(k) === n || `date${norm(k)}` === n || norm(k.replace(/^(ELEMENT|SECTION|IBLOCK|FIELD)_/i, '')) === n) return { found: true, value: v };
	return { found: false };
}

/** Seeds written in the wrapped shape ({ product: {...} }) are read as the record inside. */
function flatten(rec: Rec, wrap?: string): Rec {
	if (wrap && isObj(rec[wrap])) {
		const { [wrap]: inner, ...rest } = rec;
		return { ...rest, ...(inner as Rec), ID: rest.ID };
	}
	return rec;
}

const EXTRA = /^(UF_|PROPERTY_|property\d+)/i;

const familySkels = new Map<string, Rec>();
/**
 * The union of the record skeletons documented for a family's methods: a list
 * example printed with a narrow `select` (catalog.section.list: id, name, sort)
 * still shows the fields the family's get/add document.
 */
function familySkeleton(method: string): Rec {
	const fam = family(method);
	let u = familySkels.get(fam);
	if (!u) {
		u = {};
		for (const [m, sh] of resultShapes()) {
			if (family(m) !== fam || sh.literal) continue;
			const f = formOf(sh.result, m);
			const rec = f.type === 'record' ? f.record : f.type === 'list' && isObj(f.record) ? f.record : undefined;
			if (rec) for (const [k, t] of Object.entries(rec)) if (!(k in u)) u[k] = t;
		}
		familySkels.set(fam, u);
	}
	return u;
}

/** A stored record in the documented shape. */
export function present(rec: Rec, skel: unknown, ctx: CallContext, core: Core, wrap?: string): unknown {
	const r = flatten(rec, wrap);
	if (isObj(skel)) {
		// fields the family documents elsewhere are shown when the record has them
		const extra: Rec = {};
		for (const [k, t] of Object.entries(familySkeleton(ctx.method))) if (!(k in skel) && lookup(r, k).found) extra[k] = t;
		if (Object.keys(extra).length) skel = { ...skel, ...extra };
	}
	if (!isObj(skel)) {
		const { _created, _scope, ...rest } = r;
		void _created;
		void _scope;
		return rest;
	}
	const out: Rec = {};
	for (const [k, t] of Object.entries(skel)) {
		if (/^\d+$/.test(k) || EXTRA.test(k)) continue;
		const got = lookup(r, k);
		if (got.found) out[k] = isTag(t) ? coerce(t, got.value) : got.value;
		else out[k] = isTag(t) ? defaultFor(t, k, ctx, core, r) : /^id$/i.test(k) ? Number(r.ID) : null;
	}
	for (const [k, v] of Object.entries(r)) if (EXTRA.test(k) && !(k in out)) out[k] = v;
	return out;
}

/** A value for a skeleton with no record behind it (actions, counters...); id keys take the addressed id. */
export function synth(skel: unknown, ctx: CallContext, core: Core, id?: unknown): unknown {
	if (isObj(skel) && id !== undefined) {
		const out = synth(skel, ctx, core) as Rec;
		for (const [k, t] of Object.entries(skel)) if (/^id$/i.test(k)) out[k] = t === 'int' && /^\d+$/.test(String(id)) ? Number(id) : String(id);
		return out;
	}
	if (isTag(skel)) {
		switch (skel) {
			case 'int':
				return 1;
			case 'intString':
				return '1';
			case 'float':
				return 0;
			case 'bool':
				return true;
			case 'yn':
				return 'Y';
			case 'datetime':
				return core.clock.isoDate();
			case 'date':
				return core.clock.isoDate().slice(0, 10);
			case 'null':
				return null;
			default:
				return '';
		}
	}
	if (Array.isArray(skel)) return [];
	if (isObj(skel)) {
		const out: Rec = {};
		for (const [k, v] of Object.entries(skel)) out[k] = synth(v, ctx, core);
		return out;
	}
	return skel ?? true;
}

/** Parameters that address or page records rather than describe them. */
const CONTROL = new Set(['start', 'filter', 'order', 'sort', 'select', 'limit', 'offset', 'navigation', 'fields', 'params', 'id', 'auth']);

/** The record fields of a create/update request: `fields` when given, else the top-level params. */
function requestFields(ctx: CallContext): Rec {
	for (const k of ['fields', 'field', 'data', 'params']) {
		const v = p(ctx, k);
		if (isObj(v)) return v;
	}
	const out: Rec = {};
	if (isObj(ctx.params)) for (const [k, v] of Object.entries(ctx.params)) if (!CONTROL.has(k.toLowerCase())) out[k] = v;
	return out;
}

/** The rows of a *.set call (rows, items, productRows). */
function rowsParam(ctx: CallContext): Rec[] | undefined {
	for (const k of ['rows', 'items', 'productRows']) {
		const v = p(ctx, k);
		if (Array.isArray(v)) return v.filter(isObj);
		if (isObj(v)) return Object.values(v).filter(isObj);
	}
	return undefined;
}

/** Top-level scalar params that scope a record (IBLOCK_ID, ENTITY, entityTypeId...). */
function scopeOf(ctx: CallContext): Rec {
	const out: Rec = {};
	if (!isObj(ctx.params)) return out;
	for (const [k, v] of Object.entries(ctx.params)) {
		if (CONTROL.has(k.toLowerCase()) || isObj(v) || Array.isArray(v)) continue;
		out[k.toLowerCase()] = v;
	}
	return out;
}

/** The id a get/update/delete addresses. */
function idOf(ctx: CallContext): unknown {
	const seg = ctx.method.split('.');
	const noun = (seg[seg.length - 2] || '').toLowerCase();
	const names = ['id', `${noun}Id`, `${noun}_id`, 'itemId', 'ELEMENT_ID', 'elementId', 'eventId', 'messageId', 'MESSAGE_ID', 'taskId', 'CONFIG_ID', 'GROUP_ID', 'SECTION_ID', 'FIELD_ID', 'botId', 'chatId', 'code', 'CODE'];
	// chats are addressed by dialog id (`chat5`) in the im and imbot.v2 chat methods
	if (noun === 'chat') {
		const dialog = /^chat(\d+)$/.exec(String(p(ctx, 'dialogId') ?? p(ctx, 'DIALOG_ID') ?? ''));
		if (dialog) return Number(dialog[1]);
	}
	for (const k of names) {
		const v = p(ctx, k);
		if (v === undefined || v === null || v === '' || isObj(v)) continue;
		const property = /^PROPERTY_(\d+)$/.exec(String(v));
		return property && ctx.method.startsWith('lists.field.') ? Number(property[1]) : v;
	}
	const f = p(ctx, 'filter');
	if (isObj(f)) for (const k of ['ID', 'id', '=ID', '=id']) if (f[k] !== undefined && !Array.isArray(f[k])) return f[k];
	return undefined;
}

function find(core: Core, table: string, id: unknown): Rec | undefined {
	if (id === undefined) return undefined;
	if (/^\d+$/.test(String(id))) {
		const r = core.store.get(table, Number(id));
		if (r) return r;
	}
	const s = String(id);
	// records keyed by text: currencies, codes, sale.status ids ("N")
	return core.store.all(table).find((r) => ['CURRENCY', 'CODE', 'code', 'ENTITY', 'FIELD_NAME', 'fieldName', 'id'].some((k) => r[k] !== undefined && String(r[k]) === s));
}

let dedicated: HandlerMap | undefined;
/** Families where a dedicated handler writes records the generic store never sees (crm.*.userfield...). */
function sharedWithDedicated(method: string): boolean {
	if (!dedicated) {
		// eslint-disable-next-line @typescript-eslint/no-var-requires
		dedicated = (require('./index') as { allHandlers(): HandlerMap }).allHandlers();
	}
	const fam = family(method);
	// handlers that only complete a generic answer (handlers/imbot.ts) leave the family generic
	return Object.entries(dedicated).some(([m, h]) => family(m) === fam && !(h as { wrapsGeneric?: boolean }).wrapsGeneric);
}

/** Whether the family can be created through the generic store (a catalogued create method exists). */
function creatable(core: Core, method: string): boolean {
	const fam = family(method);
	for (const [m, e] of core.catalog) if (e.kind === 'create' && family(m) === fam) return !sharedWithDedicated(method);
	return false;
}

/** The documented not-found error, when it is about the addressed record itself. */
function documentedNotFound(shape: ResultShape | undefined, method: string): boolean {
	const nf = shape?.notFound;
	if (!nf) return false;
	const seg = method.toLowerCase().split('.');
	const noun = (seg[seg.length - 2] || seg[0]).replace(/s$/, '');
	const d = nf.description.toLowerCase();
	return d.includes(noun) || /\b(element|item|entry|record|entity with id|object|identifier)\b/.test(d);
}

function notFound(shape: ResultShape | undefined, id: unknown): B24Error {
	const nf = shape?.notFound;
	if (nf) return new B24Error(nf.status ?? 400, nf.code, nf.description.replace(/\bX\b/, String(id)));
	// the doc page names no code: Bitrix's common one
	return new B24Error(400, 'NOT_FOUND', `Record with ID ${String(id)} not found`);
}

function listRows(ctx: CallContext, core: Core, table: string): Rec[] {
	let rows = core.store.all(table).filter((r) => !Array.isArray(r._rows));
	// a list read of one record by its own id (lists.element.get with ELEMENT_ID)
	const seg = ctx.method.toLowerCase().split('.');
	const noun = seg[seg.length - 2] || '';
	for (const k of ['ELEMENT_ID', `${noun}Id`, `${noun}_ID`]) {
		const v = p(ctx, k);
		if (v !== undefined && v !== '' && !isObj(v) && !Array.isArray(v)) rows = rows.filter((r) => String(r.ID) === String(v) || (r.FIELD_ID !== undefined && String(r.FIELD_ID) === String(v)));
	}
	const scope = scopeOf(ctx);
	// calendar.event.get: `from`/`to` bound the period to select (calendar-event-get.md), events
	// that overlap it are listed; without them no period applies (the documented default window,
	// a month back to three months ahead, is not applied)
	if (/^calendar\.event\.get$/i.test(ctx.method)) {
		const from = when(scope.from, false);
		const to = when(scope.to, true);
		delete scope.from;
		delete scope.to;
		rows = rows.filter((r) => {
			const start = when(lookup(r, 'DATE_FROM').value, false);
			const end = when(lookup(r, 'DATE_TO').value, true) ?? start;
			if (from !== undefined && end !== undefined && end < from) return false;
			if (to !== undefined && start !== undefined && start > to) return false;
			return true;
		});
	}
	rows = rows.filter((r) => {
		const s = r._scope as Rec | undefined;
		if (!s) return true;
		return Object.entries(scope).every(([k, v]) => !(k in s) || String(s[k]) === String(v));
	});
	const filter = p(ctx, 'filter') ?? p(ctx, 'FILTER');
	if (isObj(filter)) {
		const conds: Cond[] = parseFilter(filter, (name) => name);
		rows = rows.filter((r) =>
			matches(
				Object.fromEntries(conds.map((c) => [c.field, /^id$/i.test(c.field) ? r.ID : lookup(flattenAny(r), c.field).value])),
				conds,
			),
		);
	}
	const order = p(ctx, 'order') ?? p(ctx, 'ORDER') ?? p(ctx, 'sort');
	if (isObj(order)) {
		const keys = Object.entries(order);
		rows = [...rows].sort((a, b) => {
			for (const [k, d] of keys) {
				const c = compare(lookup(flattenAny(a), k).value ?? (/^id$/i.test(k) ? a.ID : undefined), lookup(flattenAny(b), k).value ?? (/^id$/i.test(k) ? b.ID : undefined));
				if (c) return String(d).toUpperCase() === 'DESC' ? -c : c;
			}
			return 0;
		});
	}
	return rows;
}

/** A date or date-time as epoch ms; a bare date ends the period at the end of that day when `endOfDay`. */
function when(v: unknown, endOfDay: boolean): number | undefined {
	if (v === undefined || v === null || v === '') return undefined;
	let s = String(v).trim();
	const ru = /^(\d{2})\.(\d{2})\.(\d{4})(.*)$/.exec(s);
	if (ru) s = `${ru[3]}-${ru[2]}-${ru[1]}${ru[4]}`;
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
	const t = Date.parse(dateOnly ? `${s}T00:00:00Z` : s.replace(' ', 'T').replace(/(T\d{2}:\d{2}(:\d{2})?)$/, '$1Z'));
	if (Number.isNaN(t)) return undefined;
	return dateOnly && endOfDay ? t + 86_400_000 - 1 : t;
}

/** Looks through one wrapper level, for filters over seeds written in the wrapped shape. */
function flattenAny(r: Rec): Rec {
	const objs = Object.entries(r).filter(([k, v]) => !k.startsWith('_') && isObj(v));
	return objs.length === 1 && Object.keys(r).filter((k) => !k.startsWith('_')).length <= 2 ? { ...r, ...(objs[0][1] as Rec) } : r;
}

function answerList(ctx: CallContext, core: Core, shape: ResultShape | undefined, form: Extract<Form, { type: 'list' }>, table: string, paged: boolean): MethodResult {
	const rows = listRows(ctx, core, table);
	const shown = (rs: Rec[]): unknown[] => rs.map((r) => (form.record === undefined || isTag(form.record) ? scalarOf(r, form.record) : present(r, form.record, ctx, core, form.wrap)));
	const wrapUp = (rs: Rec[]): unknown => {
		const list = shown(rs);
		let body: unknown = list;
		if (form.keyed) body = Object.fromEntries(list.map((x, i) => [String(rs[i].ID), x]));
		return form.wrap ? { [form.wrap]: body, ...auxOf(form, ctx, core) } : body;
	};
	if (paged) {
		const start = parseStart(p(ctx, 'start'));
		const pg = pageArray(rows, start);
		const res: MethodResult = { result: wrapUp(pg.rows) };
		if (start !== -1) res.total = pg.total;
		if (pg.next !== undefined) res.next = pg.next;
		return res;
	}
	const res: MethodResult = { result: wrapUp(rows) };
	if (shape?.total) res.total = rows.length;
	return res;
}

function auxOf(form: Form, ctx: CallContext, core: Core): Rec {
	return 'aux' in form && form.aux ? (synth(form.aux, ctx, core) as Rec) : {};
}

function wrapped(form: Form, body: unknown, ctx: CallContext, core: Core): unknown {
	const wrap = form.type === 'record' || form.type === 'list' ? form.wrap : undefined;
	return wrap ? { [wrap]: body, ...auxOf(form, ctx, core) } : body;
}

/** Lists of scalars (messageservice.sender.list: provider codes) show the record's key value. */
function scalarOf(r: Rec, tag: unknown): unknown {
	for (const k of ['CODE', 'code', 'ID', 'id']) if (r[k] !== undefined) return tag === 'int' ? Number(r[k]) : r[k];
	return r.ID;
}

function scalarResult(tag: string, rec: Rec | undefined, id: unknown): unknown {
	switch (tag) {
		case 'int':
			return rec ? Number(rec.ID) : Number(id) || 1;
		case 'intString':
			return rec ? String(rec.ID) : String(id ?? '1');
		case 'string':
			return rec ? String(rec.FIELD_ID ?? rec.CURRENCY ?? rec.CODE ?? rec.code ?? rec.ID) : String(id ?? '');
		case 'null':
			return null;
		case 'bool':
			return true;
		default:
			return true;
	}
}

/**
 * The answer's skeleton for a documented method without a result shape (none of the node's methods,
 * shapes.test.ts): by kind, create → the new id, get → a record with its id, list → records, else true.
 */
function byKind(kind: string): unknown {
	if (kind === 'create') return 'int';
	if (kind === 'get') return { ID: 'int' };
	if (kind === 'getAll') return [{ ID: 'int' }];
	return undefined;
}

export const genericHandler: Handler = (ctx: CallContext, core: Core) => {
	const entry = core.catalog.get(ctx.method);
	const shape = resultShapes().get(ctx.method.toLowerCase());
	const table = `generic:${family(ctx.method)}`;
	if (shape?.literal) return { result: JSON.parse(JSON.stringify(shape.result)) as unknown };
	let kind = entry?.kind || 'action';
	const form = formOf(shape ? shape.result : byKind(kind), ctx.method);
	// a "get" whose documented result is a list (lists.element.get, entity.item.get...) is a list
	if ((kind === 'get' || kind === 'getAll') && form.type === 'list') kind = 'getAll';
	const paged = entry?.pagination === 'start' || (entry?.paged === true && entry?.pagination !== 'all');
	switch (kind) {
		case 'create': {
			const fields = requestFields(ctx);
			const rec = core.store.insert(table, { ...fields, _scope: scopeOf(ctx), _created: core.clock.isoDate() });
			// universal-list fields are identified as PROPERTY_<n> (lists-field-add.md answers "PROPERTY_1151")
			if (ctx.method === 'lists.field.add') rec.FIELD_ID = `PROPERTY_${String(rec.ID)}`;
			if (form.type === 'scalar') return { result: scalarResult(form.tag, rec, undefined) };
			if (form.type === 'record') {
				return { result: wrapped(form, present(rec, form.record, ctx, core), ctx, core) };
			}
			if (form.type === 'list') return { result: wrapped(form, [present(rec, form.record, ctx, core)], ctx, core) };
			return { result: synth(shape?.result, ctx, core) };
		}
		case 'getAll': {
			if (form.type === 'list') {
				// rows written by the family's *.set (productrows.get, contact.items.get) for that owner
				const owner = /\.get$/i.test(ctx.method) ? find(core, table, idOf(ctx)) : undefined;
				if (owner && Array.isArray(owner._rows)) {
					const rows = (owner._rows as Rec[]).map((r, i) => present({ ID: i + 1, ...r }, form.record, ctx, core, form.wrap));
					return { result: wrapped(form, rows, ctx, core) };
				}
				return answerList(ctx, core, shape, form, table, paged);
			}
			// one record addressed by its id inside a keyed answer (lists.field.get with FIELD_ID)
			const addressed = form.type === 'record' ? find(core, table, idOf(ctx)) : undefined;
			if (addressed && form.type === 'record') return { result: wrapped(form, present(addressed, form.record, ctx, core), ctx, core) };
			// documented as one object (counters, settings...): the documented skeleton
			return { result: synth(shape?.result, ctx, core) };
		}
		case 'get': {
			const id = idOf(ctx);
			if (form.type !== 'record') return { result: shape ? synth(shape.result, ctx, core) : {} };
			const rec = find(core, table, id);
			if (!rec) {
				// an unknown id: the documented error; the common NOT_FOUND when the page names none
				if (id !== undefined && documentedNotFound(shape, ctx.method) && creatable(core, ctx.method)) throw notFound(shape, id);
				if (id !== undefined && creatable(core, ctx.method)) throw notFound(undefined, id);
				// nothing addresses a record (profile, app.info, server.time), or its records are
				// written by another module's handler: the documented skeleton
				return { result: wrapped(form, synth(form.record, ctx, core, id), ctx, core) };
			}
			// records stored flat (not under the wrap key) are presented as they are
			const stored = form.wrap && isObj(rec[form.wrap]) ? form.wrap : undefined;
			return { result: wrapped(form, present(rec, form.record, ctx, core, stored), ctx, core) };
		}
		case 'update':
		case 'delete': {
			const id = idOf(ctx) ?? (/\.set$/i.test(ctx.method) ? p(ctx, 'ownerId') : undefined);
			let rec = find(core, table, id);
			if (!rec && id !== undefined && !/\.set$/i.test(ctx.method) && documentedNotFound(shape, ctx.method) && creatable(core, ctx.method)) throw notFound(shape, id);
			// *.set replaces a record's rows (productrows.set, contact.items.set): kept for the matching *.get
			if (kind === 'update' && /\.set$/i.test(ctx.method) && id !== undefined) {
				const rows = rowsParam(ctx);
				if (rows) {
					rec = rec || core.store.insert(table, /^\d+$/.test(String(id)) ? { ID: Number(id) } : { CODE: id });
					// crm-deal-contact-items-set.md & co.: SORT defaults to (i + 1) * 10
					rec._rows = /\.contact\.items\.set$/i.test(ctx.method) ? rows.map((r, i) => ({ ...r, SORT: r.SORT === undefined || r.SORT === '' ? (i + 1) * 10 : r.SORT })) : rows;
				}
			}
			if (rec) {
				if (kind === 'delete') core.store.remove(table, Number(rec.ID));
				else {
					const fields = requestFields(ctx);
					const wrapKey = form.type === 'record' ? form.wrap : undefined;
					if (wrapKey && isObj(rec[wrapKey])) Object.assign(rec[wrapKey] as Rec, fields);
					else Object.assign(rec, fields);
				}
			}
			if (form.type === 'scalar') return { result: scalarResult(form.tag, rec, id) };
			if (form.type === 'record') {
				const body = rec ? present(rec, form.record, ctx, core, form.wrap) : synth(form.record, ctx, core, id);
				return { result: wrapped(form, body, ctx, core) };
			}
			if (form.type === 'list') {
				const rows = rec && Array.isArray(rec._rows) ? (rec._rows as Rec[]) : rec ? [rec] : [];
				return { result: wrapped(form, rows.map((r, i) => present({ ID: i + 1, ...r }, form.record, ctx, core, form.wrap)), ctx, core) };
			}
			return { result: synth(shape?.result, ctx, core) };
		}
		default:
			return { result: shape ? synth(shape.result, ctx, core) : true };
	}
};
