// REST 3.0 at /rest/api/ (api-reference/rest-v3.md): POST with a JSON body only (query strings are
// not read), webhook /rest/api/USER_ID/CODE/METHOD or an app's `auth` in the body (or Bearer),
// answers {result, time}, errors {error: {code, message, validation}} with a 4xx status, lists page
// with `pagination`, filters are lists of conditions, and an Idempotency-Key replays a write's
// stored answer for 24 h (Idempotent-Replayed: true) or refuses a different body with 422.
import * as http from 'http';
import { URL } from 'url';
import type { CatalogEntry } from './catalog';
import { missingRequired } from './catalog';
import type { Core, Handler, HandlerMap } from './core';
import { p } from './core';
import { resultShapes, synth } from './handlers/generic';
import { taskHandlers } from './handlers/tasks';
import type { Rec } from './store';
import type { RequestState } from './server';
import { B24Error, CallContext, Caller, Fault, MethodResult, Params } from './types';

/** What RestV3 needs from the server (kept narrow so the classic dispatch stays as it is). */
interface Host {
	readonly catalog: Map<string, CatalogEntry>;
	readonly core: Core;
	readonly bucket: { take(): boolean };
	readonly clock: { now(): number };
	readonly faults: { takeRequest(method: string): Fault | undefined };
	nextSeq(): number;
	applyFault(f: Fault, req: http.IncomingMessage, res: http.ServerResponse, st: RequestState): void;
	authenticate(req: http.IncomingMessage, segs: string[], params: Params, query: Params, body: Params): { caller: Caller; params: Params };
	invoke(ctx: CallContext): Promise<{ res: MethodResult; time: Record<string, unknown> }>;
	record(e: Rec & { method: string; params: unknown; status: number; auth: Caller['kind'] | 'none'; encoding: 'json'; api: 'v3' }): unknown;
}

const PREFIX = 'BITRIX_REST_V3_EXCEPTION_';
const DAY = 86_400;
/** Documented page maxima (tasks-task-list-rest-v3.md: 1000; call-followup-list.md: 200); others default 50. */
/** Lists whose handler pages by cursor and answers `nextCursor` (note-collection-list.md). */
const SELF_PAGED = new Set(['note.collection.list']);
const MAX_PAGE: Record<string, number> = { 'tasks.task.list': 1000, 'call.followup.list': 200 };

class V3Error extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly validation?: Array<{ field: string; message: string }>,
	) {
		super(message);
	}
}

/** Classic errors raised by shared code, in REST 3.0's form. */
function fromClassic(e: B24Error): V3Error {
	if (e.code === 'insufficient_scope') return new V3Error(403, `${PREFIX}INSUFFICIENTSCOPEEXCEPTION`, e.description);
	if (e.code === 'ACCESS_DENIED') return new V3Error(403, `${PREFIX}ACCESSDENIEDEXCEPTION`, e.description);
	if (e.status === 400 && /not found/i.test(e.description)) return new V3Error(400, `${PREFIX}ENTITYNOTFOUNDEXCEPTION`, e.description);
	return new V3Error(e.status, e.code, e.description);
}

const isObj = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** JSON with sorted keys: "the same request body" regardless of key order. */
function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (isObj(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
	return JSON.stringify(v ?? null);
}

/** REST 3.0 filter operators (rest-v3.md#operators); anything else is UNKNOWNFILTEROPERATOREXCEPTION. */
const FILTER_OPS = new Set(['=', '!=', '>', '>=', '<', '<=', 'in', 'between']);
/** The task object's fields (tasks/fields-rest-v3.md#taskdto): a condition on anything else is an unknown field. */
const TASK_FIELDS = new Set(
	('id title description creatorId creator created responsibleId responsible deadline needsControl startPlan endPlan checklist groupId group stageId stage epicId storyPoints flowId flow ' +
		'priority status statusChanged accomplices auditors parentId parent containsChecklist containsSubTasks containsRelatedTasks containsGanttLinks containsPlacements containsResults ' +
		'numberOfReminders chatId chat plannedDuration actualDuration durationType started estimatedTime replicate changed changedById changedBy statusChangedById statusChangedBy closedById ' +
		'closedBy closed activity guid xmlId exchangeId exchangeModified outlookVersion mark allowsChangeDeadline allowsTimeTracking matchesWorkTime addInReport isMultitask siteId ' +
		'forkedByTemplateId forkedByTemplate maxDeadlineChangeDate maxDeadlineChanges requireDeadlineChangeReason link rights archiveLink crmItemIds emailId email elapsedTime requireResult ' +
		'matchesSubTasksTime autocompleteSubTasks allowsChangeDatePlan inFavorite inPin inGroupPin inMute source dependsOn scenarios').split(' '),
);

/** The entry's fields, filterable "similar to those in select" (main-eventlog-list.md). */
const EVENTLOG_FIELDS = new Set(['id', 'timestampX', 'severity', 'auditTypeId', 'moduleId', 'itemId', 'remoteAddr', 'userAgent', 'requestUri', 'siteId', 'userId', 'guestId', 'description']);

/** The fields a REST 3.0 list filters on, where its page lists them all; other lists are not checked. */
function filterFields(method: string): Set<string> | undefined {
	if (method === 'tasks.task.list') return TASK_FIELDS;
	if (method === 'main.eventlog.list' || method === 'main.eventlog.tail') return EVENTLOG_FIELDS;
	return undefined;
}

const invalid = (field: string, message: string) => new V3Error(400, `${PREFIX}VALIDATION_REQUESTVALIDATIONEXCEPTION`, 'Error validating request object', [{ field, message }]);
const asNumber = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined);
const asTime = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : undefined);

/** Numbers as numbers, ISO dates as instants (any offset), the rest as text. */
function compareValues(a: unknown, b: unknown): number {
	const [na, nb] = [asNumber(a), asNumber(b)];
	if (na !== undefined && nb !== undefined) return na - nb;
	const [ta, tb] = [asTime(a), asTime(b)];
	if (ta !== undefined && tb !== undefined) return ta - tb;
	return String(a).localeCompare(String(b));
}

/**
 * A REST 3.0 filter (rest-v3.md#filter) checked as Bitrix24 checks it, as a test on REST 3.0 items:
 * conditions [field, op, value] or [field, value] (= or, for a list, in) joined by AND, and
 * {logic: "or", conditions: [...]} groups; an unknown operator or field is refused.
 */
export function v3Filter(filter: unknown, fields: Set<string> | undefined): (row: Rec) => boolean {
	if (!Array.isArray(filter)) throw invalid('filter', 'filter must be a list of conditions');
	const tests = filter.map((c): ((row: Rec) => boolean) => {
		if (isObj(c)) {
			const logic = String(c.logic ?? 'and').toLowerCase();
			if (!['and', 'or'].includes(logic) || !Array.isArray(c.conditions)) throw invalid('filter', 'a group is {"logic": "or", "conditions": [...]}');
			const inner = c.conditions.map((x) => v3Filter([x], fields));
			return logic === 'or' ? (row) => inner.some((t) => t(row)) : (row) => inner.every((t) => t(row));
		}
		if (!Array.isArray(c) || c.length < 2 || c.length > 3 || typeof c[0] !== 'string') throw invalid('filter', 'a condition is [field, operator, value] or [field, value]');
		const [field, op, value] = c.length === 2 ? [c[0], Array.isArray(c[1]) ? 'in' : '=', c[1]] : (c as [string, unknown, unknown]);
		if (typeof op !== 'string' || !FILTER_OPS.has(op)) throw new V3Error(400, `${PREFIX}UNKNOWNFILTEROPERATOREXCEPTION`, `Unknown filter operator \`${String(op)}\``);
		if (fields && !fields.has(field)) throw new V3Error(400, `${PREFIX}UNKNOWNDTOPROPERTYEXCEPTION`, `Unknown field \`${field}\``);
		if (op === 'in' && !Array.isArray(value)) throw invalid(field, 'in takes a list of values');
		if (op === 'between' && !(Array.isArray(value) && value.length === 2)) throw invalid(field, 'between takes [from, to]');
		return (row) => {
			const actual = row[field] ?? (field === 'id' ? row.ID : undefined);
			if (op === 'in') return (value as unknown[]).some((v) => actual !== undefined && actual !== null && compareValues(actual, v) === 0);
			if (actual === undefined || actual === null) return op === '!=' ? value !== null : value === null && op === '=';
			if (op === 'between') return compareValues(actual, (value as unknown[])[0]) >= 0 && compareValues(actual, (value as unknown[])[1]) <= 0;
			const d = compareValues(actual, value);
			return op === '=' ? d === 0 : op === '!=' ? d !== 0 : op === '>' ? d > 0 : op === '>=' ? d >= 0 : op === '<' ? d < 0 : d <= 0;
		};
	});
	return (row) => tests.every((t) => t(row));
}

const upperSnake = (k: string): string => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
/** REST 3.0 task field names that the classic task keeps under another name (fields-rest-v3.md). */
const TASK_V3_TO_CLASSIC: Record<string, string> = { CREATOR_ID: 'CREATED_BY' };

function classicTaskFields(fields: Rec): Rec {
	const out: Rec = {};
	for (const [k, v] of Object.entries(fields)) {
		const up = upperSnake(k);
		out[TASK_V3_TO_CLASSIC[up] ?? up] = v;
	}
	return out;
}

/** A classic task answer (string numbers, createdBy) as REST 3.0's item (numbers, creatorId). */
function v3Task(task: Rec): Rec {
	const out: Rec = {};
	for (const [k, v] of Object.entries(task)) out[k] = typeof v === 'string' && /^(id|responsibleId|createdBy|groupId|parentId|changedBy|closedBy)$/.test(k) && /^\d+$/.test(v) ? Number(v) : v;
	if (out.createdBy !== undefined) out.creatorId = out.createdBy;
	return out;
}

export class RestV3 {
	/** Replays by webhook/app + user + method + key (rest-v3.md#idempotency). */
	private replays = new Map<string, { body: string; at: number; result: unknown }>();
	private tasks: HandlerMap = taskHandlers();

	constructor(private readonly host: Host) {}

	/** The catalog entry as REST 3.0 documents it: the variant's parameters when both versions exist. */
	static entry(entry: CatalogEntry | undefined): CatalogEntry | undefined {
		if (!entry?.restV3Variant) return entry;
		return { ...entry, required: entry.restV3Variant.required, optional: entry.restV3Variant.optional };
	}

	/** REST 3.0 task methods keep their records in the classic task table, so both versions see one task. */
	handlerFor(method: string): Handler | undefined {
		const classic = (name: string, ctx: CallContext, core: Core, params: Params) => this.tasks[name]({ ...ctx, params }, core);
		switch (method) {
			case 'tasks.task.add':
				return async (ctx, core) => {
					const fields = isObj(p(ctx, 'fields')) ? (p(ctx, 'fields') as Rec) : {};
					// title, creatorId and responsibleId are required (tasks-task-add-rest-v3.md, "Request Validation Errors")
					const missing = ['title', 'creatorId', 'responsibleId'].filter((k) => fields[k] === undefined || fields[k] === null || fields[k] === '');
					if (missing.length) throw new V3Error(400, `${PREFIX}VALIDATION_REQUESTVALIDATIONEXCEPTION`, 'Error during request object validation', missing.map((field) => ({ field, message: `Required field \`${field}\` is missing` })));
					const r = await classic(method, ctx, core, { fields: classicTaskFields(fields) });
					return { ...r, result: { item: v3Task((r.result as Rec).task as Rec) } };
				};
			case 'tasks.task.get':
				return async (ctx, core) => {
					const r = await classic(method, ctx, core, { taskId: p(ctx, 'id') });
					const item = v3Task((r.result as Rec).task as Rec);
					const select = p(ctx, 'select');
					// an unknown field of the task itself is left out, not an error (rest-v3.md#connection)
					const shown = Array.isArray(select) && select.length ? Object.fromEntries(Object.entries(item).filter(([k]) => k === 'id' || select.includes(k))) : item;
					return { ...r, result: { item: shown } };
				};
			case 'tasks.task.update':
				return async (ctx, core) => {
					const r = await classic(method, ctx, core, { taskId: p(ctx, 'id'), fields: classicTaskFields(isObj(p(ctx, 'fields')) ? (p(ctx, 'fields') as Rec) : {}) });
					return { ...r, result: { result: true } };
				};
			case 'tasks.task.delete':
				return async (ctx, core) => {
					const r = await classic(method, ctx, core, { taskId: p(ctx, 'id') });
					return { ...r, result: { result: true } };
				};
			case 'tasks.task.list':
				return async (ctx, core) => {
					// serve() applies the REST 3.0 filter to the items
					const order = isObj(p(ctx, 'order')) ? Object.fromEntries(Object.entries(p(ctx, 'order') as Rec).map(([k, v]) => [upperSnake(k), v])) : undefined;
					// every matching task; serve() cuts the page out of `items`
					const rows: Rec[] = [];
					for (let start = 0; ; ) {
						const r = await classic(method, ctx, core, { ...(order ? { order } : {}), start });
						rows.push(...((r.result as Rec).tasks as Rec[]));
						if (r.next === undefined) break;
						start = r.next;
					}
					return { result: { items: rows.map(v3Task) } };
				};
			case 'main.eventlog.tail':
				// entries after cursor.value of cursor.field, in cursor.order, cursor.limit of them (main-eventlog-tail.md)
				return (ctx, core) => {
					const cursor = isObj(p(ctx, 'cursor')) ? (p(ctx, 'cursor') as Rec) : {};
					const field = String(cursor.field ?? 'id');
					const desc = String(cursor.order ?? 'ASC').toUpperCase() === 'DESC';
					const value = Number(cursor.value ?? 0);
					const of = (r: Rec) => Number(r[field]);
					const keep = p(ctx, 'filter') === undefined ? () => true : v3Filter(p(ctx, 'filter'), filterFields(method));
					const rows = core.store
						.all('generic:main.eventlog')
						.map(({ ID, _created, _scope, ...rest }): Rec => ({ id: ID, ...rest }))
						.filter((r) => (desc ? value === 0 || of(r) < value : of(r) > value))
						.filter(keep)
						.sort((a, b) => (desc ? of(b) - of(a) : of(a) - of(b)))
						.slice(0, Number(cursor.limit ?? 50) || 50);
					return { result: { items: rows } };
				};
			case 'call.followup.get':
				return (ctx, core) => {
					const row = core.store.all('generic:call.followup').find((r) => String(r.callId) === String(p(ctx, 'callId')));
					if (!row) throw new V3Error(400, `${PREFIX}ENTITYNOTFOUNDEXCEPTION`, `Follow-up for call ${String(p(ctx, 'callId'))} not found`);
					const { ID, _created, _scope, ...rest } = row;
					return { result: { item: rest } };
				};
			case 'call.followup.list':
				// calls that began in filter.startDate (and had filter.participantId), newest first by default
				return (ctx, core) => {
					const filter = isObj(p(ctx, 'filter')) ? (p(ctx, 'filter') as Rec) : {};
					const period = isObj(filter.startDate) ? filter.startDate : {};
					if (period.from === undefined || period.to === undefined) throw new V3Error(400, `${PREFIX}VALIDATION_REQUESTVALIDATIONEXCEPTION`, 'Error validating request object', [{ field: 'filter.startDate', message: 'from and to are required' }]);
					const [from, to] = [Date.parse(String(period.from)), Date.parse(String(period.to))];
					const asc = isObj(p(ctx, 'order')) && String((p(ctx, 'order') as Rec).startDate).toLowerCase() === 'asc';
					const rows = core.store
						.all('generic:call.followup')
						.filter((r) => Date.parse(String(r.startDate)) >= from && Date.parse(String(r.startDate)) <= to)
						.filter((r) => filter.participantId === undefined || (Array.isArray(r.participants) && (r.participants as Rec[]).some((u) => String(u.userId) === String(filter.participantId))))
						.sort((a, b) => (Date.parse(String(a.startDate)) - Date.parse(String(b.startDate))) * (asc ? 1 : -1))
						.map(({ ID, _created, _scope, ...rest }) => rest);
					return { result: { items: rows, hasMore: false, afterCursor: null } };
				};
			default:
				// *.field.list / *.field.get describe the object's fields, not stored records: the documented answer
				if (/\.field\.(list|get)$/.test(method)) {
					return (ctx, core) => {
						const skel = resultShapes().get(method)?.result;
						// synth keeps a list empty: the documented field, once
						if (isObj(skel) && Array.isArray(skel.items)) return { result: { items: skel.items.map((f) => synth(f, ctx, core)) } };
						return { result: synth(skel, ctx, core) };
					};
				}
				// writes documented as {result: true} answer just that (rest-v3.md#response)
				if (canonical(resultShapes().get(method)?.result) === '{"result":"bool"}') {
					return (ctx, core) => {
						const kind = core.catalog.get(method)?.kind;
						if (kind === 'delete' || kind === 'update') {
							const table = core.store.all(`generic:${method.split('.').slice(0, -1).join('.')}`);
							const rec = table.find((r) => String(r.ID) === String(p(ctx, 'id')));
							if (!rec) throw new V3Error(400, `${PREFIX}ENTITYNOTFOUNDEXCEPTION`, `Object with id ${String(p(ctx, 'id'))} not found`);
							if (kind === 'delete') core.store.remove(`generic:${method.split('.').slice(0, -1).join('.')}`, Number(rec.ID));
							else if (isObj(p(ctx, 'fields'))) Object.assign(rec, p(ctx, 'fields'));
						}
						return { result: { result: true } };
					};
				}
				return undefined;
		}
	}

	async serve(req: http.IncomingMessage, res: http.ServerResponse, u: URL): Promise<void> {
		const segs = u.pathname.slice('/rest/api/'.length).split('/').filter(Boolean);
		const method = (segs.length === 3 ? segs[2] : segs.length === 1 ? segs[0] : segs.join('/')).toLowerCase();
		let caller: Caller | undefined;
		let params: Params = {};
		const fail = (e: V3Error): void => {
			this.host.record({ method, params, status: e.status, error: e.code, auth: caller?.kind ?? 'none', authVia: caller?.via, encoding: 'json', api: 'v3' });
			send(res, e.status, { error: { code: e.code, message: e.message, ...(e.validation ? { validation: e.validation } : {}) } }, idemKey ? { 'Idempotency-Key': idemKey } : {});
		};
		const rawKey = req.headers['idempotency-key'];
		const idemKey = typeof rawKey === 'string' ? rawKey : undefined;
		try {
			const text = await new Promise<string>((resolve, reject) => {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
				req.on('error', reject);
			});
			if (segs.length !== 1 && segs.length !== 3) throw new V3Error(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
			// JSON only; a form body is refused, a query string is not read (rest-v3.md#call)
			if (text.trim()) {
				if (!/application\/json/i.test(String(req.headers['content-type'] ?? ''))) throw new V3Error(400, `${PREFIX}INVALIDJSONEXCEPTION`, 'The request body is not valid JSON');
				let parsed: unknown;
				try {
					parsed = JSON.parse(text);
				} catch {
					throw new V3Error(400, `${PREFIX}INVALIDJSONEXCEPTION`, 'The request body is not valid JSON');
				}
				if (!isObj(parsed)) throw new V3Error(400, `${PREFIX}INVALIDJSONEXCEPTION`, 'The request body must be a JSON object');
				params = parsed;
			}
			if (idemKey !== undefined && !/^[\x20-\x7e]{1,255}$/.test(idemKey)) {
				throw new V3Error(400, `${PREFIX}INVALIDIDEMPOTENCYKEYEXCEPTION`, 'The Idempotency-Key must be 1 to 255 printable ASCII characters');
			}
			try {
				const auth = this.host.authenticate(req, segs, params, {}, params);
				caller = auth.caller;
				params = auth.params;
			} catch (e) {
				if (e instanceof B24Error) throw new V3Error(e.status, e.code, e.description);
				throw e;
			}
			const entry = this.host.catalog.get(method);
			if (!entry || (!entry.restV3 && !entry.restV3Variant)) throw new V3Error(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
			const documented = RestV3.entry(entry)!;
			const missing = missingRequired(documented, params, method);
			if (missing.length) {
				throw new V3Error(400, `${PREFIX}VALIDATION_REQUESTVALIDATIONEXCEPTION`, 'Error validating request object', missing.map((field) => ({ field, message: `Required field \`${field}\` is not specified` })));
			}
			// a write's stored answer, for the same caller, method and key (reads ignore the header)
			const replayKey = idemKey !== undefined && documented.kind !== 'get' && documented.kind !== 'getAll' && documented.kind !== 'getMany' ? `${caller.credentialKey}|${caller.userId}|${method}|${idemKey}` : undefined;
			const body = canonical(params);
			// the same injected faults as the classic address: before the call, or after it ran (commit)
			const fault = this.host.faults.takeRequest(method);
			const st: RequestState = { seq: this.host.nextSeq(), method, encoding: 'json', params, start: this.host.clock.now(), caller };
			if (replayKey) {
				const stored = this.replays.get(replayKey);
				if (stored && this.host.clock.now() - stored.at < DAY) {
					if (stored.body !== body) throw new V3Error(422, `${PREFIX}IDEMPOTENCYKEYREUSEDEXCEPTION`, 'The Idempotency-Key was already used with a different request body');
					// a replayed answer can be lost on the way as well; nothing runs again either way
					if (fault && ['status', 'html', 'reset', 'stall'].includes(fault.kind)) return this.host.applyFault(fault, req, res, st);
					this.host.record({ method, params, status: 200, auth: caller.kind, authVia: caller.via, encoding: 'json', api: 'v3', replayed: true });
					return send(res, 200, stored.result, { 'Idempotency-Key': idemKey!, 'Idempotent-Replayed': 'true' });
				}
			}
			if (fault && !fault.commit && ['status', 'html', 'reset'].includes(fault.kind)) return this.host.applyFault(fault, req, res, st);
			if (!this.host.bucket.take()) throw new V3Error(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests');
			const pagination = isObj(params.pagination) ? params.pagination : {};
			const invoked: Params = { ...params };
			// lists paged by a `nextCursor` answer page themselves (handlers read `pagination`); the rest are cut here
			if (!SELF_PAGED.has(method)) delete invoked.pagination;
			// a list's REST 3.0 filter is checked before the call and applied to its items (the tail applies its own
			// before its limit); handlers read only classic filter objects, so the list stays for required-field checks
			const keep = Array.isArray(invoked.filter) ? v3Filter(invoked.filter, filterFields(method)) : undefined;
			let out: { res: MethodResult; time: Record<string, unknown> };
			try {
				out = await this.host.invoke({ method, params: invoked, caller, inBatch: false, api: 'v3' });
			} catch (e) {
				if (e instanceof B24Error) throw fromClassic(e);
				throw e;
			}
			const listed = out.res.result;
			let kept = listed;
			if (keep && method !== 'main.eventlog.tail' && isObj(listed) && Array.isArray(listed.items)) {
				// the filter sees the whole record: an item's stored fields (left out by select or the answer's shape) under its own
				const stored = new Map(this.host.core.store.all(`generic:${method.split('.').slice(0, -1).join('.')}`).map((r) => [String(r.ID), r]));
				kept = { ...listed, items: (listed.items as Rec[]).filter((item) => keep({ ...(stored.get(String(item.id)) ?? {}), ...item })) };
			}
			const result = this.page(method, kept, pagination);
			const answer = { result, time: out.time };
			if (replayKey) this.replays.set(replayKey, { body, at: this.host.clock.now(), result: answer });
			if (fault && (fault.commit || fault.kind === 'stall') && ['status', 'html', 'reset', 'stall'].includes(fault.kind)) return this.host.applyFault(fault, req, res, st);
			this.host.record({ method, params, status: 200, auth: caller.kind, authVia: caller.via, encoding: 'json', api: 'v3' });
			send(res, 200, answer, idemKey ? { 'Idempotency-Key': idemKey } : {});
		} catch (e) {
			if (e instanceof V3Error) return fail(e);
			throw e;
		}
	}

	/** Cuts a list's page: `limit` (default 50, capped at the documented maximum) from `offset` or `page`, or after `afterCursor`. */
	private page(method: string, result: unknown, pagination: Rec): unknown {
		if (!isObj(result) || !Array.isArray(result.items) || SELF_PAGED.has(method)) return result;
		const limit = Math.max(1, Math.min(Number(pagination.limit ?? 50) || 50, MAX_PAGE[method] ?? Number.POSITIVE_INFINITY));
		const items = result.items as Rec[];
		if ('hasMore' in result) {
			const after = isObj(pagination.afterCursor) ? Number(pagination.afterCursor.id) : undefined;
			const from = after === undefined ? 0 : items.findIndex((r) => Number(r.id ?? r.callId) === after) + 1;
			const rows = items.slice(from, from + limit);
			const last = rows[rows.length - 1];
			const hasMore = from + limit < items.length;
			return { ...result, items: rows, hasMore, afterCursor: hasMore && last ? { startDate: last.startDate ?? null, id: Number(last.id ?? last.callId) } : null };
		}
		const offset = pagination.offset !== undefined ? Number(pagination.offset) || 0 : (Math.max(1, Number(pagination.page ?? 1) || 1) - 1) * limit;
		return { ...result, items: items.slice(offset, offset + limit) };
	}
}
