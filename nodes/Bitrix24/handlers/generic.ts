import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mergeFilter } from '../filters';
import { parseJson, readParams } from '../params';
import { authKindOf } from '../transport/connection';
import { runCommands } from '../transport/bulk';
import { readList } from '../transport/paging';
import { checkLimit, checkListKeys } from '../validate';
import type { Command } from '../transport/request';
import type { ItemOutcome, OperationSpec } from '../types';
import { runCreates } from './idempotency';
import { forEachItem } from './items';
import { finishRecords } from './labels';

export function getPath(value: unknown, path?: string): unknown {
	if (!path) return value;
	return path
		.split('.')
		.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as IDataObject)[key] : undefined), value);
}

const isObject = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value);

function requestId(request: IDataObject | unknown[]): unknown {
	if (Array.isArray(request)) return request[0];
	return request.id ?? request.ID ?? request.taskId ?? request.TASK_ID;
}

/** Turns a method's result into output records the way n8n users expect (Delete → {deleted: true}). */
export function shapeOutput(op: OperationSpec, result: unknown, request: IDataObject | unknown[]): IDataObject[] {
	if (op.output) {
		const out = op.output(result, request);
		return Array.isArray(out) ? out : [out];
	}
	const value = getPath(result, op.unwrap);
	const id = requestId(request);
	if (op.kind === 'delete') return [{ ...(id !== undefined ? { id: id as string } : {}), deleted: value !== false }];
	if (Array.isArray(value)) return value.map((entry) => (isObject(entry) ? entry : { value: entry }));
	if (isObject(value)) return [value];
	if (op.kind === 'create') return [{ id: value as string }];
	if (op.kind === 'update') return [{ ...(id !== undefined ? { id: id as string } : {}), updated: value !== false }];
	if (value === true) return [{ success: true }];
	return [{ result: value as IDataObject[keyof IDataObject] }];
}

function toPositional(op: OperationSpec, params: IDataObject): unknown[] {
	const values = op.positional!.map((key) => params[key]);
	while (values.length && values[values.length - 1] === undefined) values.pop();
	return values.map((value) => (value === undefined ? '' : value));
}

export function appOnlyError(ctx: IExecuteFunctions, op: OperationSpec, itemIndex: number) {
	return new NodeOperationError(ctx.getNode(), `${op.method} works only with a Bitrix24 OAuth2 credential [item ${itemIndex}]`, {
		itemIndex,
		description:
			'Bitrix24 allows this method only for applications. Set Authentication to "OAuth2" and use a Bitrix24 OAuth2 credential (a local application on your portal).',
	});
}

/** One item's request parameters; app-only methods are refused before anything is sent. */
async function requestFor(ctx: IExecuteFunctions, op: OperationSpec, itemIndex: number): Promise<IDataObject | unknown[]> {
	if (op.appOnly && authKindOf(ctx) !== 'oAuth2') throw appOnlyError(ctx, op, itemIndex);
	const params = await readParams(ctx, op, itemIndex);
	return op.prepare ? await op.prepare.call(ctx, params, itemIndex) : params;
}

const V3_FILTER_EXAMPLE = 'REST 3.0 conditions, e.g. [["status", "=", "NEW"], ["id", "in", [1, 2]]], or an object, e.g. {"status": "NEW", ">=id": 100}';

async function executeGetMany(this: IExecuteFunctions, op: OperationSpec, itemCount: number): Promise<ItemOutcome[]> {
	const requests = new Map<number, IDataObject>();
	const outcomes = await forEachItem(itemCount, async (i) => {
		const prepared = await requestFor(this, op, i);
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : checkLimit(this, this.getNodeParameter('limit', i, 50), i, op.method);
		const options = this.getNodeParameter('listOptions', i, {}) as IDataObject;
		// REST 3.0 lists also take their documented list of conditions (transport/paging.ts toConditions)
		const v3 = op.paging!.conditions === true;
		const json = parseJson(this, options.filter || (v3 ? '[]' : '{}'), 'Filter (JSON)', i, v3 ? 'any' : 'object', v3 ? V3_FILTER_EXAMPLE : 'a JSON object, e.g. {"STAGE_ID": "NEW", ">OPPORTUNITY": 1000}') as IDataObject | unknown[];
		if (json === null || typeof json !== 'object') {
			throw new NodeOperationError(this.getNode(), `Filter (JSON) must be a JSON array or object [item ${i}]`, { itemIndex: i, description: `Enter ${V3_FILTER_EXAMPLE}.` });
		}
		const filter = Array.isArray(json) ? json : mergeFilter(this, json, options.conditions, i);
		const sort = parseJson(this, options.sort ?? '{}', 'Sort (JSON)', i, 'object', 'a JSON object, e.g. {"ID": "DESC"}') as IDataObject;
		for (const [field, direction] of Object.entries(sort)) {
			if (!['ASC', 'DESC'].includes(String(direction).toUpperCase())) {
				throw new NodeOperationError(this.getNode(), `Sort (JSON) has an invalid direction "${String(direction)}" for "${field}" [item ${i}]`, {
					itemIndex: i,
					description: 'Each field must map to "ASC" or "DESC", e.g. {"DATE_CREATE": "DESC"}.',
				});
			}
		}
		const select = typeof options.select === 'string' ? options.select.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
		await checkListKeys(this, op, prepared as IDataObject, [
			{ label: (key) => (key in json ? 'Filter (JSON)' : 'Filters'), keys: Object.keys(filter) },
			{ label: () => 'Sort (JSON)', keys: Object.keys(sort), sort: true },
		], i);
		requests.set(i, { ...(prepared as IDataObject), select });
		const rows: IDataObject[] = [];
		await readList(
			this,
			{ method: op.method, api: op.api, paging: op.paging!, params: prepared as IDataObject, filter, sort, select, limit, itemIndex: i },
			(page) => {
				for (const row of page) rows.push(row);
			},
		);
		return { json: rows };
	});
	await finishRecords(this, op, outcomes, requests);
	return outcomes;
}

/** Create, Get, Update, Delete, Fields and actions: one command per item, batched across items. */
export async function executeGeneric(this: IExecuteFunctions, op: OperationSpec, itemCount: number): Promise<ItemOutcome[]> {
	if (op.kind === 'getMany' && op.paging) return await executeGetMany.call(this, op, itemCount);
	const entries: Array<{ itemIndex: number; command: Command }> = [];
	const outcomes = await forEachItem(itemCount, async (i) => {
		const prepared = await requestFor(this, op, i);
		const request = op.positional && !Array.isArray(prepared) ? toPositional(op, prepared) : prepared;
		entries.push({ itemIndex: i, command: { method: op.method, params: request, ...(op.api ? { api: op.api } : {}) } });
	});
	// creates carry an idempotency key and are reconciled after an ambiguous failure (handlers/idempotency.ts)
	const { results, flags } = op.kind === 'create' ? await runCreates(this, op, entries) : { results: await runCommands(this, entries, op.batchable !== false), flags: undefined };
	for (const { itemIndex, command } of entries) {
		const outcome = results.get(itemIndex)!;
		outcomes[itemIndex] = outcome.ok ? { json: shapeOutput(op, outcome.result, command.params) } : { error: outcome.error };
	}
	if (op.kind === 'get') await finishRecords(this, op, outcomes, new Map(entries.map(({ itemIndex, command }) => [itemIndex, command.params as IDataObject])));
	if (op.readBack && this.getNode().typeVersion >= 2) await readBack(this, op, entries, outcomes);
	for (const [itemIndex, flag] of flags ?? []) {
		const outcome = outcomes[itemIndex];
		if (outcome.json?.length) outcome.json[0] = { ...outcome.json[0], ...flag };
	}
	return outcomes;
}

/**
 * Return Whole Record: one `*.get` per written record, all in one batch per 50 items. The write has
 * already happened, so a failed read says so instead of inviting a second write.
 */
export async function readBack(
	ctx: IExecuteFunctions,
	op: OperationSpec,
	written: Array<{ itemIndex: number; command: Command }>,
	outcomes: ItemOutcome[],
): Promise<void> {
	const spec = op.readBack!;
	const reads: Array<{ itemIndex: number; command: Command }> = [];
	const ids = new Map<number, unknown>();
	for (const { itemIndex, command } of written) {
		const outcome = outcomes[itemIndex];
		if (outcome.error || !ctx.getNodeParameter('returnWholeRecord', itemIndex, false)) continue;
		const request = Array.isArray(command.params) ? {} : command.params;
		const id = requestId(request) ?? outcome.json[0]?.id ?? outcome.json[0]?.ID;
		const params: IDataObject = { [spec.idKey]: id as string };
		for (const key of spec.carry ?? []) if (request[key] !== undefined) params[key] = request[key];
		ids.set(itemIndex, id);
		reads.push({ itemIndex, command: { method: spec.method, params, ...(op.api ? { api: op.api } : {}) } });
	}
	if (!reads.length) return;
	const results = await runCommands(ctx, reads);
	for (const { itemIndex } of reads) {
		const result = results.get(itemIndex)!;
		const record = result.ok ? getPath(result.result, spec.unwrap) : undefined;
		if (isObject(record)) {
			outcomes[itemIndex] = { json: [record] };
			continue;
		}
		const reason = result.ok ? 'it answered no record' : result.error.message;
		outcomes[itemIndex] = {
			error: new NodeOperationError(ctx.getNode(), `The record was saved (ID ${String(ids.get(itemIndex))}), but ${spec.method} could not read it back [item ${itemIndex}]: ${reason}`, {
				itemIndex,
				description: `Do not run this item again: the ${op.kind === 'create' ? 'record would be created twice' : 'update is done'}. Read the record with Get, or turn off Return Whole Record.`,
			}),
		};
	}
}
