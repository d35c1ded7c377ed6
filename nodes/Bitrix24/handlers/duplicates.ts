import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readParams } from '../params';
import type { CommandOutcome } from '../transport/bulk';
import { forItem, runCommands } from '../transport/bulk';
import type { Command } from '../transport/request';
import type { CustomExecute, ItemOutcome } from '../types';
import { readBack } from './generic';
import { forEachItem } from './items';

type Entry = { itemIndex: number; command: Command };

/** crm.duplicate.findbycomm takes up to 20 values per call. */
const MAX_VALUES = 20;

/** Commands of any number per item, 50 to a batch call; each outcome is pinned to its own item. */
async function runAll(ctx: IExecuteFunctions, entries: Entry[]): Promise<CommandOutcome[]> {
	const results = await runCommands(
		ctx,
		entries.map((entry, k) => ({ itemIndex: k, command: entry.command })),
	);
	return entries.map((entry, k) => {
		const outcome = results.get(k)!;
		return outcome.ok ? outcome : { ok: false, error: forItem(outcome.error, entry.itemIndex) };
	});
}

/** `{CONTACT: [ids]}`; nothing found comes back as an empty list. */
function foundIds(result: unknown, entityType: string): number[] {
	const ids = result && typeof result === 'object' && !Array.isArray(result) ? (result as IDataObject)[entityType] : undefined;
	return Array.isArray(ids) ? ids.map(Number).filter((id) => id > 0) : [];
}

/** The same phone or email written differently (case, spaces, punctuation, extension) is one value. */
function matchKey(type: string, value: string): string {
	if (type === 'PHONE') return value.split(/ext|#|,|;/i)[0].replace(/\D/g, '');
	return value.trim().toLowerCase();
}

/** Find by Phone or Email: the records whose phone or email is one of the values, read in batches. */
export function findByComm(prefix: string, entityType: string): CustomExecute {
	return async function (this: IExecuteFunctions, op, itemCount): Promise<ItemOutcome[]> {
		const lookups: Entry[] = [];
		const outcomes = await forEachItem(itemCount, async (i) => {
			const { type, values } = (await readParams(this, op, i)).match as { type: string; values: string[] };
			const unique = [...new Set(values)];
			if (!unique.length || unique.length > MAX_VALUES) {
				throw new NodeOperationError(this.getNode(), `Emails or Phones holds ${unique.length} values; ${op.method} looks up 1 to ${MAX_VALUES} [item ${i}]`, {
					itemIndex: i,
					description: `Enter between 1 and ${MAX_VALUES} comma-separated values, or split them over several items.`,
				});
			}
			lookups.push({ itemIndex: i, command: { method: op.method, params: { entity_type: entityType, type, values: unique } } });
		});
		const reads: Entry[] = [];
		(await runAll(this, lookups)).forEach((outcome, k) => {
			const { itemIndex } = lookups[k];
			outcomes[itemIndex] = outcome.ok ? { json: [] } : { error: outcome.error };
			if (outcome.ok) for (const id of foundIds(outcome.result, entityType)) reads.push({ itemIndex, command: { method: `${prefix}.get`, params: { id } } });
		});
		(await runAll(this, reads)).forEach((outcome, k) => {
			const current = outcomes[reads[k].itemIndex];
			if (current.error) return;
			if (outcome.ok) current.json.push(outcome.result as IDataObject);
			// deleted since the lookup: no longer a match
			else if ((outcome.error as NodeApiError).context?.bitrixCode !== 'NOT_FOUND') outcomes[reads[k].itemIndex] = { error: outcome.error };
		});
		return outcomes;
	};
}

interface UpsertItem {
	itemIndex: number;
	type: string;
	value: string;
	key: string;
	params: IDataObject;
}

/** A new record carries the value it was matched by, unless the item's own fields already have it. */
function withMatchValue(item: UpsertItem): IDataObject {
	const fields = { ...((item.params.fields ?? {}) as IDataObject) };
	const entries = (Array.isArray(fields[item.type]) ? fields[item.type] : []) as IDataObject[];
	if (!entries.some((entry) => matchKey(item.type, String(entry.VALUE ?? '')) === item.key)) {
		fields[item.type] = [...entries, { VALUE: item.value, VALUE_TYPE: 'WORK' }];
	}
	return { ...item.params, fields };
}

/** The found record has the value already: sending it again would add a second copy. */
function withoutMatchValue(item: UpsertItem, id: number): IDataObject {
	const fields = { ...((item.params.fields ?? {}) as IDataObject) };
	if (Array.isArray(fields[item.type])) {
		fields[item.type] = (fields[item.type] as IDataObject[]).filter((entry) => matchKey(item.type, String(entry.VALUE ?? '')) !== item.key);
		if (!(fields[item.type] as IDataObject[]).length) delete fields[item.type];
	}
	return { ...item.params, id, fields };
}

/**
 * Create or Update: one findbycomm per item (50 to a batch call), then one batch of adds and updates.
 * Items of one run that share a value not yet in the portal create one record: the first adds it, the
 * others update it in one more batch.
 */
export function upsert(prefix: string, entityType: string): CustomExecute {
	return async function (this: IExecuteFunctions, op, itemCount): Promise<ItemOutcome[]> {
		const items: UpsertItem[] = [];
		const outcomes = await forEachItem(itemCount, async (i) => {
			const params = await readParams(this, op, i);
			const { type, value } = params.match as { type: string; value: string };
			delete params.match;
			const text = String(value ?? '').trim();
			const key = matchKey(type, text);
			if (!key) {
				throw new NodeOperationError(this.getNode(), `Email or Phone "${text}" holds no ${type === 'PHONE' ? 'digits' : 'address'} to match [item ${i}]`, {
					itemIndex: i,
					description: `Enter the ${type === 'PHONE' ? 'phone number' : 'email address'} to look for, e.g. ${type === 'PHONE' ? '+1 555 010 2030' : 'name@example.com'}.`,
				});
			}
			items.push({ itemIndex: i, type, value: text, key, params });
		});
		const found = await runAll(
			this,
			items.map(({ itemIndex, type, value }) => ({ itemIndex, command: { method: op.method, params: { entity_type: entityType, type, values: [value] } } })),
		);

		const written: Entry[] = [];
		const actions = new Map<number, IDataObject>();
		const writes: Entry[] = [];
		const creatorOf = new Map<string, number>();
		const repeats: Array<{ item: UpsertItem; creator: number }> = [];
		items.forEach((item, k) => {
			const outcome = found[k];
			if (!outcome.ok) {
				outcomes[item.itemIndex] = { error: outcome.error };
				return;
			}
			// several matches: the oldest record is the one to keep up to date
			const [id, ...others] = foundIds(outcome.result, entityType).sort((a, b) => a - b);
			if (id !== undefined) {
				writes.push({ itemIndex: item.itemIndex, command: { method: `${prefix}.update`, params: withoutMatchValue(item, id) } });
				actions.set(item.itemIndex, { id, action: 'updated', ...(others.length ? { otherMatches: others } : {}) });
				return;
			}
			const creator = creatorOf.get(`${item.type}:${item.key}`);
			if (creator !== undefined) {
				repeats.push({ item, creator });
				return;
			}
			creatorOf.set(`${item.type}:${item.key}`, item.itemIndex);
			writes.push({ itemIndex: item.itemIndex, command: { method: `${prefix}.add`, params: withMatchValue(item) } });
			actions.set(item.itemIndex, { action: 'created' });
		});

		const record = (entries: Entry[], results: CommandOutcome[]) =>
			results.forEach((outcome, k) => {
				const { itemIndex } = entries[k];
				const action = actions.get(itemIndex)!;
				if (!outcome.ok) {
					outcomes[itemIndex] = { error: outcome.error };
					return;
				}
				if (action.action === 'created') action.id = Number(outcome.result);
				outcomes[itemIndex] = { json: [{ ...action }] };
				written.push(entries[k]);
			});
		record(writes, await runAll(this, writes));

		const later: Entry[] = [];
		for (const { item, creator } of repeats) {
			const created = actions.get(creator)!;
			if (outcomes[creator].error) {
				outcomes[item.itemIndex] = {
					error: new NodeOperationError(this.getNode(), `No record has ${item.value}, and item ${creator}, which was to create it, failed [item ${item.itemIndex}]`, {
						itemIndex: item.itemIndex,
						description: `Fix item ${creator} and run both again.`,
					}),
				};
				continue;
			}
			later.push({ itemIndex: item.itemIndex, command: { method: `${prefix}.update`, params: withoutMatchValue(item, created.id as number) } });
			actions.set(item.itemIndex, { id: created.id, action: 'updated' });
		}
		record(later, await runAll(this, later));

		if (op.readBack) {
			// Return Whole Record replaces an item's outcome with the record read back: keep saying what happened
			const plain = written.map(({ itemIndex }) => outcomes[itemIndex]);
			await readBack(this, op, written, outcomes);
			written.forEach(({ itemIndex }, k) => {
				const outcome = outcomes[itemIndex];
				if (outcome !== plain[k] && !outcome.error) outcome.json[0] = { action: actions.get(itemIndex)!.action, ...outcome.json[0] };
			});
		}
		return outcomes;
	};
}
