import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { callMethod } from '../transport/request';

async function options(
	ctx: ILoadOptionsFunctions,
	method: string,
	params: IDataObject,
	map: (row: IDataObject) => INodePropertyOptions,
	path?: string,
): Promise<INodePropertyOptions[]> {
	const envelope = await callMethod(ctx, method, params, { idempotent: true });
	const result = path ? (envelope.result as IDataObject)?.[path] : envelope.result;
	const rows = Array.isArray(result) ? (result as IDataObject[]) : Object.values((result ?? {}) as IDataObject) as IDataObject[];
	return rows.map(map).sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = {
	async getDealPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const list = await options(this, 'crm.category.list', { entityTypeId: 2 }, (row) => ({
			name: String(row.name),
			value: Number(row.id),
		}), 'categories');
		return [{ name: 'General', value: 0 }, ...list.filter((o) => o.value !== 0)];
	},

	async getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, 'user.get', { FILTER: { ACTIVE: true } }, (row) => ({
			name: [row.NAME, row.LAST_NAME].filter(Boolean).join(' ') || String(row.EMAIL ?? row.ID),
			value: String(row.ID),
		}));
	},

	async getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await options(this, 'crm.currency.list', {}, (row) => ({ name: String(row.CURRENCY), value: String(row.CURRENCY) }));
	},
};
