import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJson } from '../../params';
import { callBatch, callMethod } from '../../transport/request';
import type { Command } from '../../transport/request';
import { toQueryString } from '../../transport/encode';
import type { ItemOutcome, OperationSpec, ResourceSpec } from '../../types';
import { forEachItem } from '../../handlers/items';
import { restV3Of } from '../../methods/methodSearch';
import { eventLog } from './eventLog';
import { str } from '../shared';

function resultItems(result: unknown): IDataObject[] {
	if (Array.isArray(result)) return result.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry }));
	if (result && typeof result === 'object') return [result as IDataObject];
	return [{ result: result as IDataObject[keyof IDataObject] }];
}

/** Version 2's method input: the documented methods, searchable, or any name or expression typed By Name. */
const methodLocator: INodeProperties = {
	displayName: 'Method',
	name: 'methodName',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The REST method to call; the list holds every documented method with its scope and docs page',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Search by name, scope or title…',
			typeOptions: { searchListMethod: 'searchMethods', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. crm.deal.list',
			validation: [{ type: 'regex', properties: { regex: '^\\s*(api/)?[a-zA-Z][a-zA-Z0-9_]*(\\.[a-zA-Z0-9_]+)*\\s*$', errorMessage: 'Not a method name; enter one such as crm.deal.list' } }],
		},
	],
};

const METHOD_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/i;

/**
 * Which API a call goes to: the API option, else an `api/` prefix on the name, else REST 3.0 for
 * methods that exist only there (they are unknown at the classic address) and classic for the rest,
 * so methods with both versions (tasks.task.get) keep calling the classic one saved workflows used.
 */
function apiFor(name: string, choice: unknown): { method: string; api?: 'v3' } {
	const prefixed = /^api\//i.test(name);
	const method = prefixed ? name.slice(4) : name;
	if (choice === 'v3') return { method, api: 'v3' };
	if (choice === 'classic') return { method };
	return prefixed || restV3Of(method) === 'only' ? { method, api: 'v3' } : { method };
}

async function callAnyMethod(this: IExecuteFunctions, _op: OperationSpec, itemCount: number): Promise<ItemOutcome[]> {
	return await forEachItem(itemCount, async (i) => {
		// version 2 saves a locator ({ mode, value }), version 1 the plain name
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const { method, api } = apiFor(String(this.getNodeParameter('methodName', i, '', { extractValue: true })).trim().replace(/\.json$/i, ''), options.api);
		if (!METHOD_NAME.test(method)) {
			throw new NodeOperationError(this.getNode(), `"${method}" is not a Bitrix24 method name [item ${i}]`, {
				itemIndex: i,
				description: 'Enter a method name such as crm.deal.list or user.current, without the portal URL.',
			});
		}
		const params = parseJson(this, this.getNodeParameter('parameters', i, '{}'), 'Parameters (JSON)', i, 'any', 'a JSON object, e.g. {"id": 1}') ?? {};
		if (typeof params !== 'object' || params === null) {
			throw new NodeOperationError(this.getNode(), `Parameters (JSON) must be a JSON object or array [item ${i}]`, {
				itemIndex: i,
				description: 'Enter a JSON object, e.g. {"id": 1}, or an array for positional methods.',
			});
		}
		if (api === 'v3' && Array.isArray(params)) {
			throw new NodeOperationError(this.getNode(), `Parameters (JSON) must be a JSON object for the REST 3.0 method ${method} [item ${i}]`, {
				itemIndex: i,
				description: 'REST 3.0 takes a JSON object body only, e.g. {"id": 1}. Set API to "Classic" for positional methods.',
			});
		}
		const envelope = await callMethod(this, method, params as IDataObject, {
			itemIndex: i,
			idempotent: options.safeToRetry === true ? true : undefined,
			api,
		});
		return {
			json: options.fullResponse
				? [{ result: envelope.result as IDataObject, ...(envelope.next !== undefined ? { next: envelope.next } : {}), ...(envelope.total !== undefined ? { total: envelope.total } : {}), ...(envelope.time ? { time: envelope.time } : {}) }]
				: resultItems(envelope.result),
		};
	});
}

function toCommandString(this: IExecuteFunctions, value: unknown, key: string, itemIndex: number): string {
	if (typeof value === 'string' && value.trim()) return value.trim();
	if (value && typeof value === 'object' && typeof (value as IDataObject).method === 'string') {
		const { method, params } = value as { method: string; params?: IDataObject };
		const query = toQueryString(params ?? {});
		return query ? `${method}?${query}` : method;
	}
	throw new NodeOperationError(this.getNode(), `Batch command "${key}" is neither a "method?query" string nor {"method": ..., "params": {...}} [item ${itemIndex}]`, {
		itemIndex,
		description: 'Example: {"deal": "crm.deal.get?id=1", "contact": {"method": "crm.contact.get", "params": {"id": "$result[deal][CONTACT_ID]"}}}',
	});
}

async function runBatch(this: IExecuteFunctions, _op: OperationSpec, itemCount: number): Promise<ItemOutcome[]> {
	return await forEachItem(itemCount, async (i) => {
		const raw = parseJson(this, this.getNodeParameter('commands', i), 'Commands (JSON)', i, 'any', 'an object of named commands, e.g. {"deal": "crm.deal.get?id=1"}');
		const entries = Array.isArray(raw)
			? raw.map((value, index) => [String(index), value] as const)
			: raw && typeof raw === 'object'
				? Object.entries(raw as IDataObject)
				: [];
		if (!entries.length || entries.length > 50) {
			throw new NodeOperationError(this.getNode(), `Commands (JSON) must hold 1 to 50 commands, not ${entries.length} [item ${i}]`, {
				itemIndex: i,
				description: 'Bitrix24 runs at most 50 commands in one batch. Split larger jobs over several items.',
			});
		}
		const commands: Record<string, Command> = {};
		for (const [key, value] of entries) {
			const [method, query = ''] = toCommandString.call(this, value, key, i).split(/\?(.*)/s);
			commands[key] = { method, params: {}, query };
		}
		const halt = this.getNodeParameter('halt', i, false) as boolean;
		const batch = await callBatch(this, commands, { itemIndex: i, halt });
		return {
			json: entries.map(([key]) => ({
				command: key,
				...(key in batch.errors ? { error: { ...batch.errors[key], method: commands[key].method } } : {}),
				...(key in batch.result ? { result: batch.result[key] as IDataObject } : {}),
				...(key in batch.total ? { total: batch.total[key] } : {}),
				...(key in batch.next ? { next: batch.next[key] } : {}),
			})),
		};
	});
}

export const system: ResourceSpec = {
	value: 'system',
	name: 'System',
	group: 'System',
	description: 'Any method, batches, and portal information',
	operations: [
		{
			value: 'callMethod',
			name: 'Call Method',
			action: 'Call any Bitrix24 method',
			description: 'Call any documented REST method with JSON parameters, through the same auth, limits, retries and errors',
			method: '*',
			kind: 'action',
			params: [
				{ ...str('methodName', 'Method', { required: true, placeholder: 'e.g. crm.deal.list' }), v2Property: methodLocator },
				{ name: 'parameters', label: 'Parameters (JSON)', type: 'json', default: '{}', description: 'Method parameters as JSON, e.g. {"filter": {"STAGE_ID": "NEW"}}' },
			],
			optional: [
				{ name: 'fullResponse', label: 'Full Response', type: 'boolean', description: 'Whether to return the whole envelope (result, next, total, time) instead of the result' },
				{ name: 'safeToRetry', label: 'Safe to Retry', type: 'boolean', description: 'Whether the method only reads, so it may be sent again after a network error or 5xx' },
				{
					name: 'api',
					label: 'API',
					type: 'options',
					default: 'auto',
					since: 2,
					description: 'Which Bitrix24 REST API to call. Auto: REST 3.0 (/rest/api/) for methods that exist only there or names written api/METHOD, classic for the rest.',
					options: [
						{ name: 'Auto', value: 'auto' },
						{ name: 'Classic', value: 'classic', description: 'Calls https://portal/rest/…' },
						{ name: 'REST 3.0', value: 'v3', description: 'Calls https://portal/rest/api/…: JSON object body, Idempotency-Key on writes' },
					],
				},
			],
			optionalName: 'options',
			execute: callAnyMethod,
		},
		{
			value: 'batch',
			name: 'Batch',
			action: 'Run up to 50 commands in one call',
			method: 'batch',
			kind: 'action',
			params: [
				{
					name: 'commands',
					label: 'Commands (JSON)',
					type: 'json',
					default: '{\n  "deal": "crm.deal.get?id=1",\n  "contact": "crm.contact.get?id=$result[deal][CONTACT_ID]"\n}',
					description: 'Named commands as "method?query" strings or {"method", "params"} objects; later commands can use $result[name][field]',
				},
				{ name: 'halt', label: 'Halt on Error', type: 'boolean', description: 'Whether to stop at the first failing command' },
			],
			execute: runBatch,
		},
	],
};

export const systemResources: ResourceSpec[] = [system, eventLog];
