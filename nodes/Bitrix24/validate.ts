import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LOCATORS } from './locators';
import { callMethod } from './transport/request';
import type { OperationSpec, ParamSpec } from './types';

/**
 * Checks made before anything is sent, so a bad item never reaches the portal: Bitrix24 reads the
 * leading digits of an ID ("1 OR 1=1" is deal 1), and drops filter keys it does not know (a typo
 * lists every record).
 */

function refuse(ctx: IExecuteFunctions, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, { itemIndex, description });
}

const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : value === null ? 'null' : typeof value === 'number' ? String(value) : JSON.stringify(value));

/** Whether this input holds a record ID of a whole-number type (the `id()` inputs and numeric locators). */
function integerKind(spec: ParamSpec): boolean {
	if (spec.integer !== undefined) return spec.integer !== false;
	return !!spec.locator && LOCATORS[spec.locator].id.source === '^\\d+$';
}

/**
 * A record ID must be what the method's ID is: a positive whole number for numeric IDs (a string
 * such as `chat12` where the locator allows it). Empty values are left to the required check.
 */
export function checkId(ctx: IExecuteFunctions, spec: ParamSpec, label: string, value: unknown, itemIndex: number, method: string): void {
	if (value === undefined || value === '' || (value === null && !spec.required)) return;
	const kind = spec.locator ? LOCATORS[spec.locator] : undefined;
	if (!kind && !spec.integer) return;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	const numeric = text !== undefined && /^\d+$/.test(text);
	const whole = integerKind(spec) || !kind;
	const valid = text !== undefined && (whole ? numeric : kind.id.test(text)) && (!numeric || Number(text) > 0 || spec.integer === 'orZero');
	if (valid) return;
	const example = kind ? kind.idExample : '42';
	refuse(
		ctx,
		itemIndex,
		`${label}: ${shown(value)} is not a valid ${kind ? `${kind.noun} ID` : 'ID'}`,
		`${method} takes ${whole ? `a whole number${spec.integer === 'orZero' ? '' : ' greater than 0'}` : 'an ID'} here, e.g. ${example}. Nothing was sent for this item: correct the value or the expression that gives it.`,
	);
}

/** A required input whose value (often an expression's result) is empty. */
export function requiredMissing(ctx: IExecuteFunctions, label: string, value: unknown, itemIndex: number, method: string): never {
	const why = value === null ? ' (its expression resolved to null)' : typeof value === 'string' && value !== '' ? ' (only spaces)' : '';
	return refuse(
		ctx,
		itemIndex,
		`${label} is required`,
		`"${label}" is empty for this item${why}. Enter a value, or make its expression give one for every item; nothing was sent to ${method} for this item.`,
	);
}

/** Whether a required input's value counts as not given. */
export const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (typeof value === 'number' && Number.isNaN(value));

/** Get Many's Limit: a whole number of 1 or more (an expression can give anything). */
export function checkLimit(ctx: IExecuteFunctions, value: unknown, itemIndex: number, method: string): number {
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1) return limit;
	return refuse(
		ctx,
		itemIndex,
		`Limit must be a whole number of 1 or more, not ${shown(value)}`,
		`Set Limit to how many records to return, e.g. 50, or turn on Return All. Nothing was sent to ${method} for this item.`,
	);
}

/** Levenshtein distance, for naming the closest real field. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, k) => k);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

/** The real field nearest to a misspelt one: custom fields only for a custom name, and only a near miss. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
	const custom = (field: string) => /^uf/i.test(field);
	let best: string | undefined;
	let bestScore = Math.max(2, Math.floor(name.length / 3)) + 1;
	for (const candidate of candidates) {
		if (custom(candidate) !== custom(name)) continue;
		const score = distance(name.toUpperCase(), candidate.toUpperCase());
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	return best;
}

/** Bitrix24's filter operators before a field name: =, !=, !, >, >=, <, <=, %, !%, =%, %=, @, !@, ><, !><, ?, *. */
export const filterField = (key: string) => key.replace(/^[!=<>%@?*]+/, '');

/**
 * Filter keys the docs allow besides the entity's fields: tasks.task.list's extra filters
 * (tasks-task-list.md) and sort keys; `::SUBFILTER-…` keys pass as they are.
 */
const TASK_FILTER_EXTRA = ['TAG', 'REAL_STATUS', 'STATUS', 'SITE_ID', 'ADD_IN_REPORT', 'ACCOMPLICE', 'AUDITOR', 'DEPENDS_ON', 'ONLY_ROOT_TASKS', 'SPRINT_ID', 'BACKLOG_ID', 'MEMBER', 'DOER', 'FAVORITE'];
const TASK_SORT_EXTRA = ['TIME_SPENT_IN_LOGS', 'ACTIVITY_DATE', 'REAL_STATUS', 'STATUS_COMPLETE', 'CREATED_BY_LAST_NAME', 'RESPONSIBLE_LAST_NAME', 'FAVORITE', 'SORTING', 'IS_PINNED', 'IS_PINNED_IN_GROUP'];

interface FieldNames {
	/** Names as the fields method gives them (crm.item: camelCase; legacy CRM and tasks: UPPER_CASE). */
	names: string[];
	/** Every accepted spelling, upper-cased: the names and crm.item's `upperName`s. */
	accepted: Set<string>;
}

/** One fields call per entity per execution: the node's execution context keys the cache. */
const cache = new WeakMap<object, Map<string, Promise<FieldNames | undefined>>>();

async function fieldNames(ctx: IExecuteFunctions, op: OperationSpec, request: IDataObject, itemIndex: number): Promise<FieldNames | undefined> {
	const spec = op.record!;
	const params: IDataObject = {};
	for (const key of spec.fieldsParams ?? []) if (request[key] !== undefined && request[key] !== null && request[key] !== '') params[key] = request[key];
	const key = `${spec.fieldsMethod} ${JSON.stringify(params)}`;
	let perRun = cache.get(ctx);
	if (!perRun) cache.set(ctx, (perRun = new Map()));
	if (!perRun.has(key)) {
		perRun.set(
			key,
			callMethod(ctx, spec.fieldsMethod, params, { itemIndex, idempotent: true }).then(
				(envelope) => {
					const result = (spec.fieldsPath ? (envelope.result as IDataObject)?.[spec.fieldsPath] : envelope.result) as IDataObject | undefined;
					if (!result || typeof result !== 'object') return undefined;
					const names = Object.keys(result);
					const accepted = new Set(names.map((name) => name.toUpperCase()));
					for (const meta of Object.values(result)) {
						const upper = (meta as IDataObject | null)?.upperName;
						if (typeof upper === 'string') accepted.add(upper.toUpperCase());
					}
					return { names, accepted };
				},
				// without the metadata the list call goes out unchecked and reports its own error
				() => undefined,
			),
		);
	}
	return await perRun.get(key)!;
}

/**
 * Filter and sort keys of a Get Many checked against the entity's fields (`record.fieldsMethod`):
 * an unknown key is refused, naming it and the closest real field, before the list is read.
 */
export async function checkListKeys(
	ctx: IExecuteFunctions,
	op: OperationSpec,
	request: IDataObject,
	lists: Array<{ label: (key: string) => string; keys: string[]; sort?: boolean }>,
	itemIndex: number,
): Promise<void> {
	if (!op.record || !lists.some((list) => list.keys.length)) return;
	const fields = await fieldNames(ctx, op, request, itemIndex);
	if (!fields) return;
	const tasks = op.record.camelKeys === true;
	for (const { label, keys, sort } of lists) {
		for (const key of keys) {
			const field = sort ? key : filterField(key);
			if (field.startsWith('::') || /^\d+$/.test(field) || (!tasks && field.toUpperCase() === 'LOGIC')) continue;
			if (fields.accepted.has(field.toUpperCase()) || fields.names.includes(field)) continue;
			if (tasks && (sort ? TASK_SORT_EXTRA : TASK_FILTER_EXTRA).includes(field.toUpperCase())) continue;
			const near = closest(field, fields.names);
			refuse(
				ctx,
				itemIndex,
				`${label(key)}: "${field}" is not a field of ${op.method}`,
				`${near ? `The closest field is "${near}". ` : `No field of ${op.record.fieldsMethod} is close to it. `}Bitrix24 ignores ${sort ? 'a sort' : 'a filter'} on a field it does not know${sort ? '' : ' and would list every record'}, so nothing was sent for this item. Use a field name from ${op.record.fieldsMethod} (the Get Fields operation)${field === field.toUpperCase() || tasks ? '' : ', spelled as it gives it'}.`,
			);
		}
	}
}
