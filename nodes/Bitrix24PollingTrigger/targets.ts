import type { IDataObject } from 'n8n-workflow';

import type { PagingSpec } from '../Bitrix24/types';

/** What the polling trigger can watch and how to read it. */
export interface WatchTarget {
	value: string;
	name: string;
	method: string;
	/** Fixed request parameters (e.g. entityTypeId); smart processes add the user's type. */
	params: IDataObject;
	paging: PagingSpec;
	/** Filter keys (without operator) and the row fields holding the same times. */
	createdKey: string;
	updatedKey: string;
	createdField: string;
	updatedField: string;
	idField: string;
}

const crmPaging: PagingSpec = {
	mode: 'start',
	itemsPath: 'items',
	idField: 'id',
	idFilter: '>id',
	filterKey: 'filter',
	orderKey: 'order',
	selectKey: 'select',
};

function crm(value: string, name: string, entityTypeId?: number): WatchTarget {
	return {
		value,
		name,
		method: 'crm.item.list',
		params: entityTypeId ? { entityTypeId } : {},
		paging: crmPaging,
		createdKey: 'createdTime',
		updatedKey: 'updatedTime',
		createdField: 'createdTime',
		updatedField: 'updatedTime',
		idField: 'id',
	};
}

export const TARGETS: WatchTarget[] = [
	crm('lead', 'Lead', 1),
	crm('deal', 'Deal', 2),
	crm('contact', 'Contact', 3),
	crm('company', 'Company', 4),
	crm('quote', 'Quote', 7),
	crm('smartProcessItem', 'Smart Process Item'),
	{
		// crm.activity.list: UPPER_CASE fields, CREATED / LAST_UPDATED as ATOM times
		value: 'activity',
		name: 'Activity',
		method: 'crm.activity.list',
		params: {},
		paging: { mode: 'start', idField: 'ID', idFilter: '>ID', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
		createdKey: 'CREATED',
		updatedKey: 'LAST_UPDATED',
		createdField: 'CREATED',
		updatedField: 'LAST_UPDATED',
		idField: 'ID',
	},
	{
		value: 'task',
		name: 'Task',
		method: 'tasks.task.list',
		params: {},
		paging: { mode: 'start', itemsPath: 'tasks', idField: 'id', idFilter: '>ID', filterKey: 'filter', orderKey: 'order', selectKey: 'select' },
		createdKey: 'CREATED_DATE',
		updatedKey: 'CHANGED_DATE',
		createdField: 'createdDate',
		updatedField: 'changedDate',
		idField: 'id',
	},
];

export function targetOf(value: string): WatchTarget {
	const target = TARGETS.find((t) => t.value === value);
	if (!target) throw new Error(`Unknown record type "${value}"`);
	return target;
}
