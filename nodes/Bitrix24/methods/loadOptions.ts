import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readList } from '../transport/paging';
import { callMethod } from '../transport/request';
import type { PagingSpec } from '../types';

/**
 * Every dropdown's value has the type its parameter saves: pipeline, entity type and open line IDs
 * are numbers (number inputs, and version 1's pipeline list), everything else is a string ID.
 */
type Option = INodePropertyOptions;

const byName = (a: Option, b: Option) => a.name.localeCompare(b.name);

/** All rows of a list method, page after page, through the fast list reader. */
async function readAll(ctx: ILoadOptionsFunctions, method: string, paging: PagingSpec, params: IDataObject = {}, filter?: IDataObject): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	await readList(ctx, { method, paging, params, filter, itemIndex: 0 }, (page) => rows.push(...page));
	return rows;
}

/** A parameter the list depends on, wherever the operation keeps it (top level or a collection). */
function current(ctx: ILoadOptionsFunctions, ...paths: string[]): unknown {
	for (const path of paths) {
		const value = ctx.getCurrentNodeParameter(path);
		if (value !== undefined && value !== '' && value !== null) return value;
	}
	return undefined;
}

/** Pipelines of an entity type (crm/universal/category/crm-category-list.md): the default one comes with its own name. */
async function pipelines(ctx: ILoadOptionsFunctions, entityTypeId: number): Promise<Option[]> {
	const rows = await readAll(ctx, 'crm.category.list', { mode: 'start', itemsPath: 'categories' }, { entityTypeId });
	const option = (row: IDataObject): Option => ({ name: String(row.name), value: Number(row.id) });
	const first = rows.filter((row) => row.isDefault === 'Y').map((row) => ({ ...option(row), description: 'The default pipeline' }));
	return [...first, ...rows.filter((row) => row.isDefault !== 'Y').map(option).sort(byName)];
}

/** One crm.status reference list (crm/status/crm-status-list.md), in the portal's order, STATUS_ID as value. */
async function statuses(ctx: ILoadOptionsFunctions, entityId: string): Promise<Option[]> {
	const envelope = await callMethod(ctx, 'crm.status.list', { filter: { ENTITY_ID: entityId }, order: { SORT: 'ASC' } }, { idempotent: true });
	return ((envelope.result ?? []) as IDataObject[]).map((row) => ({ name: String(row.NAME), value: String(row.STATUS_ID) }));
}

const SYSTEM_TYPES: Option[] = [
	{ name: 'Lead', value: 1 },
	{ name: 'Deal', value: 2 },
	{ name: 'Contact', value: 3 },
	{ name: 'Company', value: 4 },
	{ name: 'Quote', value: 7 },
	{ name: 'Invoice', value: 31 },
];

export const loadOptions = {
	async getDealPipelines(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await pipelines(this, 2);
	},

	/** Stages of the deal pipeline chosen beside it: DEAL_STAGE for the default pipeline, DEAL_STAGE_<id> for the others (crm/status/index.md). */
	async getDealStages(this: ILoadOptionsFunctions): Promise<Option[]> {
		const category = Number(current(this, 'additionalFields.CATEGORY_ID', 'updateFields.CATEGORY_ID') ?? 0);
		return await statuses(this, Number.isInteger(category) && category > 0 ? `DEAL_STAGE_${category}` : 'DEAL_STAGE');
	},

	async getLeadStatuses(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await statuses(this, 'STATUS');
	},

	async getQuoteStatuses(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await statuses(this, 'QUOTE_STATUS');
	},

	async getSources(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await statuses(this, 'SOURCE');
	},

	async getDealTypes(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await statuses(this, 'DEAL_TYPE');
	},

	async getContactTypes(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await statuses(this, 'CONTACT_TYPE');
	},

	async getCompanyTypes(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await statuses(this, 'COMPANY_TYPE');
	},

	async getIndustries(this: ILoadOptionsFunctions): Promise<Option[]> {
		return await statuses(this, 'INDUSTRY');
	},

	/** Active users, all pages (user.get answers 50 per page), by name. */
	async getUsers(this: ILoadOptionsFunctions): Promise<Option[]> {
		const paging: PagingSpec = { mode: 'start', filterKey: 'FILTER', idField: 'ID', idFilter: '>ID', orderPair: ['sort', 'order'] };
		const rows = await readAll(this, 'user.get', paging, {}, { ACTIVE: true });
		return rows
			.map((row) => ({ name: [row.NAME, row.LAST_NAME].filter(Boolean).join(' ') || String(row.EMAIL || row.ID), value: String(row.ID) }))
			.sort(byName);
	},

	/** Currencies, the base currency first (crm/currency/crm-currency-list.md: one answer, no paging). */
	async getCurrencies(this: ILoadOptionsFunctions): Promise<Option[]> {
		const envelope = await callMethod(this, 'crm.currency.list', {}, { idempotent: true });
		const rows = (envelope.result ?? []) as IDataObject[];
		const option = (row: IDataObject) => ({
			name: row.FULL_NAME ? `${String(row.FULL_NAME)} (${String(row.CURRENCY)})` : String(row.CURRENCY),
			value: String(row.CURRENCY),
		});
		return [...rows.filter((row) => row.BASE === 'Y').map(option), ...rows.filter((row) => row.BASE !== 'Y').map(option).sort(byName)];
	},

	/** CRM entity types: the system ones, then the portal's smart processes (crm.type.list). */
	async getEntityTypes(this: ILoadOptionsFunctions): Promise<Option[]> {
		const rows = await readAll(this, 'crm.type.list', { mode: 'start', itemsPath: 'types' });
		const smart = rows.map((row) => ({ name: String(row.title), value: Number(row.entityTypeId) })).sort(byName);
		return [...SYSTEM_TYPES, ...smart];
	},

	async getOpenLines(this: ILoadOptionsFunctions): Promise<Option[]> {
		const envelope = await callMethod(this, 'imopenlines.config.list.get', { PARAMS: { select: ['ID', 'LINE_NAME'] } }, { idempotent: true });
		return ((envelope.result ?? []) as IDataObject[]).map((row) => ({ name: String(row.LINE_NAME), value: Number(row.ID) })).sort(byName);
	},

	async getWorkgroups(this: ILoadOptionsFunctions): Promise<Option[]> {
		const rows = await readAll(this, 'sonet_group.get', { mode: 'start', filterKey: 'FILTER', orderKey: 'ORDER' });
		return rows.map((row) => ({ name: String(row.NAME), value: String(row.ID) })).sort(byName);
	},
};
