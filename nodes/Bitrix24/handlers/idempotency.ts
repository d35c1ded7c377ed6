import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CommandOutcome } from '../transport/bulk';
import { forItem, runCommands } from '../transport/bulk';
import type { Command } from '../transport/request';
import type { IdempotencySpec, OperationSpec } from '../types';

/** What ORIGINATOR_ID says when the user sets none: the record came from n8n. */
export const ORIGINATOR = 'n8n';

/**
 * Lead, deal, contact and company keep the external source (ORIGINATOR_ID) and the record's ID there
 * (ORIGIN_ID), and their list filters by any field (crm/deals/crm-deal-add.md, crm-deal-list.md).
 */
export const legacyKey = (prefix: string): IdempotencySpec => ({ list: `${prefix}.list`, originator: 'ORIGINATOR_ID', origin: 'ORIGIN_ID', id: 'ID' });

/** crm.item.add documents originatorId/originId for leads, deals, contacts and companies only (crm/universal/crm-item-add.md). */
export const itemKey: IdempotencySpec = {
	list: 'crm.item.list',
	originator: 'originatorId',
	origin: 'originId',
	id: 'id',
	itemsPath: 'items',
	wrap: 'item',
	carry: ['entityTypeId', 'useOriginalUfNames'],
	entityTypes: [1, 2, 3, 4],
};

/** Node version 2: the key and Skip on Create. */
export function idempotencyProperty(): INodeProperties {
	return {
		displayName: 'Idempotency',
		name: 'idempotency',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Idempotency Key',
				name: 'key',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.orderId }}',
				description:
					'What marks this item\'s record in Bitrix24 (written to ORIGIN_ID, with ORIGINATOR_ID "n8n"). Empty: derived from the workflow, this node, the fields sent and, unless Skip is on, the execution; with Skip on, running the same items again gives the same key. An ORIGIN_ID in the fields is the key.',
			},
			{
				displayName: 'Skip If a Record With This Key Exists',
				name: 'skipExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether to look each key up first and return the existing record (with skipped: true) instead of creating another; one extra batch call per 50 items',
			},
		],
	};
}

type Outcomes = Map<number, CommandOutcome>;
type Entry = { itemIndex: number; command: Command };

interface Keyed extends Entry {
	originator: string;
	key: string;
	skip: boolean;
}

const isObject = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value);

const codeOf = (error: Error) => (error as NodeApiError).context?.bitrixCode;

/** JSON with sorted keys: the same request always hashes the same. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isObject(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
	return JSON.stringify(value ?? null);
}

/** The spec's key fields, when this request's entity keeps them. */
function specFor(op: OperationSpec, request: IDataObject | unknown[]): IdempotencySpec | undefined {
	const spec = op.idempotency;
	if (!spec || Array.isArray(request) || !isObject(request.fields)) return undefined;
	if (spec.entityTypes && !spec.entityTypes.includes(Number(request.entityTypeId))) return undefined;
	return spec;
}

/**
 * Writes the key into the create's fields and returns it. A user's own ORIGIN_ID (or originId) is the
 * key; otherwise the Idempotency Key option, otherwise a hash of the workflow, this node, the execution
 * (unless Skip is on), the request and how many identical requests came before it in this run (so two
 * identical items get two records).
 */
function tag(ctx: IExecuteFunctions, spec: IdempotencySpec, entry: Entry, seen: Map<string, number>): Keyed {
	const request = entry.command.params as IDataObject;
	const fields = request.fields as IDataObject;
	const options = ctx.getNodeParameter('idempotency', entry.itemIndex, {}) as IDataObject;
	const own = (name: string) => {
		// crm.item also takes the UPPER_CASE names (originId → ORIGIN_ID)
		const value = fields[name] ?? fields[name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()];
		return value === undefined || value === null || value === '' ? undefined : String(value);
	};
	const originator = own(spec.originator) ?? ORIGINATOR;
	let key = own(spec.origin) ?? (typeof options.key === 'string' && options.key.trim() ? options.key.trim() : undefined);
	if (key === undefined) {
		const body = canonical({ ...request, fields: { ...fields, [spec.originator]: undefined, [spec.origin]: undefined } });
		// Skip makes a re-run (a new execution) find its records, so its key leaves the execution out; without
		// Skip the key is this execution's, so a lost create is never matched to an identical earlier record
		const execution = options.skipExisting === true ? '' : ctx.getExecutionId();
		const basis = canonical([ctx.getWorkflow().id ?? '', ctx.getNode().id ?? ctx.getNode().name, execution, entry.command.method, body]);
		const occurrence = seen.get(basis) ?? 0;
		seen.set(basis, occurrence + 1);
		key = `n8n-${createHash('sha256').update(`${basis}#${occurrence}`).digest('hex').slice(0, 40)}`;
	}
	const tagged = { ...fields };
	if (own(spec.originator) === undefined) tagged[spec.originator] = originator;
	if (own(spec.origin) === undefined) tagged[spec.origin] = key;
	entry.command.params = { ...request, fields: tagged };
	return { ...entry, originator, key, skip: options.skipExisting === true };
}

/** One list command per key, 50 to a batch: the oldest record with that key, as the create would have answered. */
async function lookUp(ctx: IExecuteFunctions, spec: IdempotencySpec, keyed: Keyed[]): Promise<Map<number, unknown>> {
	const found = new Map<number, unknown>();
	if (!keyed.length) return found;
	const lookups = keyed.map(({ itemIndex, command, originator, key }) => {
		const params: IDataObject = { filter: { [`=${spec.originator}`]: originator, [`=${spec.origin}`]: key }, order: { [spec.id]: 'ASC' } };
		if (!spec.wrap) params.select = [spec.id];
		for (const name of spec.carry ?? []) {
			const value = (command.params as IDataObject)[name];
			if (value !== undefined) params[name] = value;
		}
		return { itemIndex, command: { method: spec.list, params } };
	});
	const results = await runCommands(ctx, lookups);
	for (const { itemIndex } of keyed) {
		const result = results.get(itemIndex)!;
		if (!result.ok) throw result.error;
		const rows = spec.itemsPath ? (result.result as IDataObject)?.[spec.itemsPath] : result.result;
		const row = Array.isArray(rows) ? (rows[0] as IDataObject | undefined) : undefined;
		if (!isObject(row)) continue;
		// answered the way the create answers: the ID (legacy), or the record under `item` (crm.item.add)
		found.set(itemIndex, spec.wrap ? { [spec.wrap]: row } : Number(row[spec.id]));
	}
	return found;
}

function setHint(error: Error, hint: string): void {
	(error as NodeApiError).description = hint;
}

function keyHint(spec: IdempotencySpec, item: Keyed): string {
	return `Bitrix24 may hold this record: look it up with Get Many, filter {"${spec.origin}": "${item.key}"} (${spec.list}). Running the item again with Idempotency → "Skip If a Record With This Key Exists" on cannot create it twice.`;
}

/**
 * Creates, run so that none is made twice (node version 2, entities with a documented key): each create
 * carries its key; with Skip, keys already on the portal are not created again; after an ambiguous
 * failure (OUTCOME_UNKNOWN) the keys are looked up: found → that record (reconciled), missing → sent
 * once more (resent). Other creates keep OUTCOME_UNKNOWN with a hint on how to check.
 */
export async function runCreates(
	ctx: IExecuteFunctions,
	op: OperationSpec,
	entries: Entry[],
): Promise<{ results: Outcomes; flags: Map<number, IDataObject> }> {
	const flags = new Map<number, IDataObject>();
	const keyed = new Map<number, Keyed>();
	const spec = op.idempotency;
	if (spec && ctx.getNode().typeVersion >= 2) {
		const seen = new Map<string, number>();
		for (const entry of entries) if (specFor(op, entry.command.params)) keyed.set(entry.itemIndex, tag(ctx, spec, entry, seen));
	}
	const results: Outcomes = new Map();
	if (spec && ctx.getNode().typeVersion >= 2) {
		for (const { itemIndex, command } of entries) {
			if (keyed.has(itemIndex)) continue;
			const options = ctx.getNodeParameter('idempotency', itemIndex, {}) as IDataObject;
			if (!options.key && !options.skipExisting) continue;
			// asked for, but this type keeps no key: refused rather than silently unprotected
			results.set(itemIndex, {
				ok: false,
				error: new NodeOperationError(ctx.getNode(), `Idempotency is set, but ${op.method} keeps no idempotency key for entity type ${String((command.params as IDataObject).entityTypeId)} [item ${itemIndex}]`, {
					itemIndex,
					description: 'Bitrix24 keeps originatorId/originId only for leads (1), deals (2), contacts (3) and companies (4). Remove the Idempotency options for this type, or look records up with Get Many before creating them.',
				}),
			});
		}
	}

	// Skip: existing keys are answered from the portal; a key repeated in this run is created once
	const skipping = [...keyed.values()].filter((item) => item.skip);
	const followers = new Map<number, number>();
	if (spec && skipping.length) {
		const first = new Map<string, number>();
		for (const item of skipping) {
			const id = `${item.originator}\n${item.key}`;
			if (first.has(id)) followers.set(item.itemIndex, first.get(id)!);
			else first.set(id, item.itemIndex);
		}
		const leaders = skipping.filter((item) => !followers.has(item.itemIndex));
		try {
			const found = await lookUp(ctx, spec, leaders);
			for (const [itemIndex, result] of found) {
				results.set(itemIndex, { ok: true, result });
				flags.set(itemIndex, { skipped: true });
			}
		} catch (error) {
			// nothing was written yet: the items fail with the lookup's error and can simply run again
			for (const item of skipping) results.set(item.itemIndex, { ok: false, error: forItem(error as Error, item.itemIndex) });
		}
	}

	const toSend = entries.filter(({ itemIndex }) => !results.has(itemIndex) && !followers.has(itemIndex));
	for (const [itemIndex, outcome] of await runCommands(ctx, toSend, op.batchable !== false)) results.set(itemIndex, outcome);

	const unknown = toSend.filter(({ itemIndex }) => {
		const outcome = results.get(itemIndex)!;
		return !outcome.ok && codeOf(outcome.error) === 'OUTCOME_UNKNOWN';
	});
	const ambiguous = unknown.map(({ itemIndex }) => keyed.get(itemIndex)).filter((item): item is Keyed => !!item);
	if (spec && ambiguous.length) {
		let found: Map<number, unknown> | undefined;
		try {
			found = await lookUp(ctx, spec, ambiguous);
		} catch {
			// the lookup failed too: the items keep OUTCOME_UNKNOWN, with the key to check by
		}
		if (found) {
			const missing: Entry[] = [];
			for (const item of ambiguous) {
				const result = found.get(item.itemIndex);
				if (result === undefined) {
					missing.push(item);
					continue;
				}
				results.set(item.itemIndex, { ok: true, result });
				flags.set(item.itemIndex, { reconciled: true });
			}
			// the lookup found no record with these keys: the creates did not happen, so sending them once more is safe
			for (const [itemIndex, outcome] of await runCommands(ctx, missing, op.batchable !== false)) {
				results.set(itemIndex, outcome);
				if (outcome.ok) flags.set(itemIndex, { resent: true });
			}
		}
	}
	for (const { itemIndex } of unknown) {
		const outcome = results.get(itemIndex)!;
		if (outcome.ok || codeOf(outcome.error) !== 'OUTCOME_UNKNOWN') continue;
		const item = keyed.get(itemIndex);
		setHint(
			outcome.error,
			spec && item
				? keyHint(spec, item)
				: 'The request was not sent again, so nothing is created twice; this create carried no key to look the record up by. Before running this item again, check whether Bitrix24 has it (Get Many sorted by ID, newest first, or the list in Bitrix24 sorted by creation date).',
		);
	}

	for (const [itemIndex, leader] of followers) {
		const outcome = results.get(leader)!;
		results.set(itemIndex, outcome.ok ? outcome : { ok: false, error: forItem(outcome.error, itemIndex) });
		if (outcome.ok) flags.set(itemIndex, { skipped: true });
	}
	return { results, flags };
}
