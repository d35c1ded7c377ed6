import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PagingSpec } from '../types';
import type { B24Context } from './connection';
import type { Command } from './request';
import { callBatch, callMethod } from './request';
import { bitrixApiError } from './errors';

export const PAGE_SIZE = 50;
export const BATCH_SIZE = 50;

export interface ListRequest {
	method: string;
	/** REST 3.0 list: one call per page (`pagination`), no batch. */
	api?: 'v3';
	paging: PagingSpec;
	/** Parameters other than filter/order/select/start. */
	params: IDataObject;
	/** A classic filter object; on REST 3.0 lists also the documented list of conditions. */
	filter?: IDataObject | unknown[];
	sort?: IDataObject;
	select?: string[];
	/** Max records; undefined = all. */
	limit?: number;
	itemIndex: number;
}

function getPath(value: unknown, path?: string): unknown {
	if (!path) return value;
	return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as IDataObject)[key] : undefined), value);
}

function rowsOf(result: unknown, paging: PagingSpec): IDataObject[] {
	const rows = getPath(result, paging.itemsPath);
	if (Array.isArray(rows)) return rows as IDataObject[];
	// some lists answer with an object keyed by ID
	if (rows && typeof rows === 'object') return Object.values(rows as IDataObject) as IDataObject[];
	return [];
}

/** Sorting only by ID ascending (or not at all) lets the read use the keyset fast path. */
function isIdAscending(sort: IDataObject | undefined, orderField: string): boolean {
	const keys = Object.keys(sort ?? {});
	if (keys.length === 0) return true;
	return keys.length === 1 && keys[0].toLowerCase() === orderField.toLowerCase() && String(sort![keys[0]]).toUpperCase() === 'ASC';
}

function listParams(request: ListRequest, extra: { filter?: IDataObject | unknown[]; order?: IDataObject; start?: number }): IDataObject {
	const { paging } = request;
	const params: IDataObject = { ...request.params };
	const filter = extra.filter ?? request.filter;
	if (paging.filterKey && filter && Object.keys(filter).length) params[paging.filterKey] = filter as IDataObject;
	const order = extra.order ?? request.sort;
	if (order && Object.keys(order).length) {
		if (paging.orderPair) {
			const [field, direction] = Object.entries(order)[0];
			params[paging.orderPair[0]] = field;
			params[paging.orderPair[1]] = direction;
		} else if (paging.orderKey) {
			params[paging.orderKey] = order;
		}
	}
	if (paging.selectKey && request.select?.length) params[paging.selectKey] = request.select;
	if (extra.start !== undefined) params[paging.startKey ?? 'start'] = extra.start;
	return params;
}

/** Classic key prefixes with a REST 3.0 operator (rest-v3.md#operators: =, !=, >, >=, <, <=, in, between). */
const V3_OPERATOR: Record<string, string> = { '': '=', '=': '=', '!': '!=', '!=': '!=', '>': '>', '>=': '>=', '<': '<', '<=': '<=', '@': 'in', '><': 'between' };

/** Why a classic key has no REST 3.0 form, and the form to write instead. */
function unmappable(prefix: string, field: string, value: unknown): string | undefined {
	const name = field || 'field';
	if (!field || /^\d+$/.test(field) || field.toLowerCase() === 'logic') {
		return 'Groups are written in the list form: [{"logic": "or", "conditions": [["id", "=", 1], ["id", "=", 2]]}].';
	}
	if (prefix.includes('%') || prefix === '?' || prefix === '*') {
		return `REST 3.0 has no "contains" (LIKE) operator, only =, !=, >, >=, <, <=, in and between. Filter on an exact value, e.g. [["${name}", "=", ${JSON.stringify(value)}]], or read the records and filter them in n8n.`;
	}
	if (prefix === '!@' || prefix === '!><' || ((prefix === '!' || prefix === '!=') && Array.isArray(value))) {
		return `REST 3.0 has no "not in" or "not between" operator. Write one condition per value, e.g. [["${name}", "!=", 1], ["${name}", "!=", 2]].`;
	}
	if (prefix === '><' && !(Array.isArray(value) && value.length === 2)) return `"between" takes [from, to], e.g. [["${name}", "between", ["2026-01-01", "2026-12-31"]]].`;
	if (!(prefix in V3_OPERATOR)) return `REST 3.0 operators are =, !=, >, >=, <, <=, in and between, e.g. [["${name}", ">=", 100]].`;
	return undefined;
}

/**
 * The filter a REST 3.0 list sends (rest-v3.md#filter): the documented list of conditions and
 * {logic, conditions} groups as given, or a classic object ({">=id": 5, "status": "NEW", "@id": [1, 2]})
 * turned into [["id", ">=", 5], ["status", "=", "NEW"], ["id", "in", [1, 2]]]. A prefix REST 3.0 has no
 * operator for (%, !@ …) is refused: sent as part of the field name it fails as an unknown field.
 */
export function toConditions(ctx: B24Context, filter: IDataObject | unknown[], method: string, itemIndex: number): unknown[] {
	if (Array.isArray(filter)) return filter;
	return Object.entries(filter).map(([key, value]) => {
		const [, prefix, field] = /^([^A-Za-z0-9_]*)(.*)$/.exec(key) as RegExpExecArray;
		const why = unmappable(prefix, field, value);
		if (why) {
			throw new NodeOperationError(ctx.getNode(), `Filter (JSON) key "${key}" has no REST 3.0 equivalent in ${method} [item ${itemIndex}]`, { itemIndex, description: why });
		}
		const operator = V3_OPERATOR[prefix];
		if (operator === 'in') return [field, 'in', Array.isArray(value) ? value : [value]];
		return [field, operator === '=' && Array.isArray(value) ? 'in' : operator, value];
	});
}

/**
 * REST 3.0 lists: `pagination: {limit, offset}` pages until a short page, or `pagination.afterCursor`
 * while the answer says `hasMore` (call.followup.list) or names the next cursor (`nextCursorKey`,
 * note.collection.list). There is no next/total and no batch paging.
 */
async function readByPagination(ctx: B24Context, request: ListRequest, take: (rows: IDataObject[]) => void, full: () => boolean, remaining: () => number): Promise<void> {
	const { paging } = request;
	const pageSize = paging.pageSize ?? PAGE_SIZE;
	let offset = 0;
	let cursor: unknown;
	while (!full()) {
		const size = Math.min(pageSize, remaining());
		const pagination: IDataObject = { limit: size };
		if (!paging.cursorKey) pagination.offset = offset;
		else if (cursor !== undefined) pagination[paging.cursorKey] = cursor as IDataObject;
		const envelope = await callMethod(ctx, request.method, { ...listParams(request, {}), pagination }, { itemIndex: request.itemIndex, idempotent: true, api: request.api });
		const page = rowsOf(envelope.result, paging);
		take(page);
		if (paging.cursorKey) {
			const result = (envelope.result ?? {}) as IDataObject;
			if (paging.nextCursorKey) {
				// null after the last page; a cursor that does not move would read the same page forever
				const next = result[paging.nextCursorKey];
				if (!page.length || !next || typeof next !== 'object' || JSON.stringify(next) === JSON.stringify(cursor)) return;
				cursor = next;
				continue;
			}
			// the server may shorten pages (heavy fields): only hasMore ends the list
			if (result.hasMore !== true || !result[paging.cursorKey]) return;
			cursor = result[paging.cursorKey];
			continue;
		}
		if (page.length < size) return;
		offset += page.length;
	}
}

/**
 * Reads a list at Bitrix24's physical limit: `start=-1` keyset pages ordered by ID, chained 50 to a
 * batch with `$result[...]` references, so one HTTP call brings up to 2,500 records. Other sort
 * orders fall back to counted offset pages, still packed 50 to a batch.
 */
export async function readList(ctx: B24Context, request: ListRequest, emit: (rows: IDataObject[]) => void): Promise<number> {
	const { paging } = request;
	const want = request.limit ?? Number.POSITIVE_INFINITY;
	let count = 0;
	const take = (rows: IDataObject[]) => {
		const room = want - count;
		const kept = rows.length > room ? rows.slice(0, room) : rows;
		count += kept.length;
		if (kept.length) emit(kept);
	};

	if (paging.mode === 'pagination') {
		const filter = paging.conditions && request.filter ? toConditions(ctx, request.filter, request.method, request.itemIndex) : request.filter;
		await readByPagination(ctx, { ...request, filter }, take, () => count >= want, () => want - count);
		return count;
	}

	if (paging.mode === 'offset' || paging.mode === 'cursor') {
		await readByLimit(ctx, request, take, () => count >= want, () => want - count);
		return count;
	}

	if (paging.mode === 'all') {
		const envelope = await callMethod(ctx, request.method, listParams(request, {}), { itemIndex: request.itemIndex, idempotent: true, api: request.api });
		take(rowsOf(envelope.result, paging));
		return count;
	}

	const orderField = paging.idFilter?.replace(/^[^A-Za-z]+/, '') ?? '';
	if (paging.idField && paging.idFilter && isIdAscending(request.sort, orderField)) {
		return await readByKeyset(ctx, request, orderField, take, () => count >= want, () => want - count);
	}
	return await readByOffset(ctx, request, take, () => count >= want, () => want - count, () => count);
}

async function readByKeyset(
	ctx: B24Context,
	request: ListRequest,
	orderField: string,
	take: (rows: IDataObject[]) => void,
	full: () => boolean,
	remaining: () => number,
): Promise<number> {
	const { paging } = request;
	const idField = paging.idField!;
	const idFilter = paging.idFilter!;
	const userFilter = { ...((request.filter as IDataObject | undefined) ?? {}) };
	let lastId = Number(userFilter[idFilter] ?? 0) || 0;
	delete userFilter[idFilter];
	const pageParams = (after: number | string) =>
		listParams(request, { filter: { ...userFilter, [idFilter]: after }, order: { [orderField]: 'ASC' }, start: -1 });
	// The highest matching ID, read in the same batch: it sizes the next batch so no command is
	// wasted on pages past the end, and it ends the read without an empty page.
	const probe: Command = {
		method: request.method,
		params: {
			...listParams(request, { filter: userFilter, order: { [orderField]: 'DESC' }, start: -1 }),
			...(paging.selectKey ? { [paging.selectKey]: [orderField] } : {}),
		},
	};
	const rowRef = (key: string) => `$result[${key}]${paging.itemsPath ? `[${paging.itemsPath}]` : ''}[${PAGE_SIZE - 1}][${idField}]`;
	let total = 0;
	let maxId = Number.POSITIVE_INFINITY;
	let pages = 1;

	while (!full() && pages > 0) {
		// the probe rides along whenever the batch has room: always in the first call and the last ones
		const commands: Record<string, Command> = pages < BATCH_SIZE ? { top: probe } : {};
		for (let page = 0; page < pages; page++) {
			commands[`p${page}`] = { method: request.method, params: pageParams(page === 0 ? lastId : rowRef(`p${page - 1}`)) };
		}
		const batch = await callBatch(ctx, commands, { itemIndex: request.itemIndex, idempotent: true });
		let done = false;
		for (const key of Object.keys(commands)) {
			const error = batch.errors[key];
			if (error) {
				throw bitrixApiError(ctx.getNode(), { code: error.error, description: error.error_description, method: commands[key].method, commandKey: key, itemIndex: request.itemIndex }, []);
			}
			const rows = rowsOf(batch.result[key], paging);
			if (key === 'top') {
				maxId = rows.length ? Number(rows[0][idField]) : 0;
				continue;
			}
			const first = Number(rows[0]?.[idField]);
			if (rows.length && !(first > lastId)) {
				throw new NodeOperationError(ctx.getNode(), `Bitrix24 returned records out of ID order while reading ${request.method}`, {
					itemIndex: request.itemIndex,
					description: 'The read stopped to avoid an endless loop. Remove ID conditions from the Filter (JSON) and try again.',
				});
			}
			if (rows.length) lastId = Number(rows[rows.length - 1][idField]);
			total += rows.length;
			take(rows);
			// a short page ends the list; later pages in this batch referenced rows that do not exist
			if (rows.length < PAGE_SIZE || full()) {
				done = true;
				break;
			}
		}
		if (done || lastId >= maxId) break;
		pages = Math.min(BATCH_SIZE, Math.ceil(remaining() / PAGE_SIZE), Math.ceil((maxId - lastId) / PAGE_SIZE));
	}
	return total;
}

async function readByOffset(
	ctx: B24Context,
	request: ListRequest,
	take: (rows: IDataObject[]) => void,
	full: () => boolean,
	remaining: () => number,
	count: () => number,
): Promise<number> {
	const { paging } = request;
	const first = await callMethod(ctx, request.method, listParams(request, { start: 0 }), { itemIndex: request.itemIndex, idempotent: true });
	take(rowsOf(first.result, paging));
	let next = first.next;
	const total = first.total ?? 0;
	while (next !== undefined && next !== null && !full()) {
		const commands: Record<string, Command> = {};
		const pages = Math.min(BATCH_SIZE, Math.ceil(remaining() / PAGE_SIZE), Math.ceil((total - next) / PAGE_SIZE) || 1);
		for (let page = 0; page < pages; page++) {
			commands[`o${page}`] = { method: request.method, params: listParams(request, { start: next + page * PAGE_SIZE }) };
		}
		const batch = await callBatch(ctx, commands, { itemIndex: request.itemIndex, idempotent: true });
		let last: number | undefined;
		for (let page = 0; page < pages; page++) {
			const key = `o${page}`;
			const error = batch.errors[key];
			if (error) {
				throw bitrixApiError(ctx.getNode(), { code: error.error, description: error.error_description, method: commands[key].method, commandKey: key, itemIndex: request.itemIndex }, []);
			}
			const rows = rowsOf(batch.result[key], paging);
			take(rows);
			if (rows.length === 0 || full()) {
				last = undefined;
				break;
			}
			last = batch.next[key];
		}
		next = last;
	}
	return count();
}

/**
 * Messenger-style lists page by OFFSET/LIMIT or by a LAST_ID cursor: full pages until a short one.
 * Offset pages can overlap when rows move up meanwhile (recent chats), so repeated IDs are dropped.
 */
async function readByLimit(
	ctx: B24Context,
	request: ListRequest,
	take: (rows: IDataObject[]) => void,
	full: () => boolean,
	remaining: () => number,
): Promise<void> {
	const { paging } = request;
	const { offsetKey = 'OFFSET', limitKey = 'LIMIT', cursorKey = 'LAST_ID', idField = 'id', pageSize = PAGE_SIZE } = paging;
	const seen = new Set<string>();
	let offset = Number(request.params[offsetKey] ?? 0);
	let cursor = request.params[cursorKey];
	while (!full()) {
		const size = Math.min(pageSize, remaining());
		const params = listParams(request, {});
		params[limitKey] = size;
		if (paging.mode === 'offset') params[offsetKey] = offset;
		else if (cursor !== undefined) params[cursorKey] = cursor;
		const envelope = await callMethod(ctx, request.method, params, { itemIndex: request.itemIndex, idempotent: true });
		const page = rowsOf(envelope.result, paging);
		const fresh = page.filter((row) => {
			const key = String(row[idField] ?? '');
			if (!key) return true;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		take(fresh);
		if (page.length < size) return;
		offset += page.length;
		cursor = page[page.length - 1][idField] as IDataObject[keyof IDataObject];
	}
}
