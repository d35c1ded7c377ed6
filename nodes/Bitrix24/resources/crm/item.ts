import type { IDataObject } from 'n8n-workflow';

import type { OperationSpec, ResourceSpec } from '../../types';
import { bool, fieldsOutput, json, num, str, startPaging } from '../shared';

const entityTypeId = num('entityTypeId', 'Entity Type ID', {
	required: true,
	default: 2,
	description: '1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 invoice, 128+ smart processes (see Smart Process Type → Get Many)',
});
const itemId = str('id', 'Item ID', { required: true });
const originalNames = bool('useOriginalUfNames', 'Use Original Custom Field Names', 'Whether custom fields keep their UF_CRM_* names instead of camelCase', {
	yn: true,
});
const itemFields = json('fields', 'Fields (JSON)', {
	required: true,
	description: 'Item fields in camelCase, e.g. {"title": "New item", "assignedById": 1}',
});

/**
 * crm.item.* for one entity type: `fixed` pins the type (smart invoices: 31); without it the user picks
 * any entityTypeId, smart processes included.
 */
export function itemOperations(label: string, fixed?: IDataObject): OperationSpec[] {
	const typeParams = fixed ? [] : [entityTypeId];
	const lower = label.toLowerCase();
	return [
		{ value: 'create', name: 'Create', action: `Create ${lower === 'item' ? 'an item' : `a ${lower}`}`, method: 'crm.item.add', kind: 'create', fixed, params: [...typeParams, itemFields], optional: [originalNames], optionalName: 'options', unwrap: 'item' },
		{ value: 'get', name: 'Get', action: `Get ${lower === 'item' ? 'an item' : `a ${lower}`}`, method: 'crm.item.get', kind: 'get', fixed, params: [...typeParams, itemId], optional: [originalNames], optionalName: 'options', unwrap: 'item' },
		{
			value: 'getMany',
			name: 'Get Many',
			action: `Get many ${lower}s`,
			method: 'crm.item.list',
			kind: 'getMany',
			fixed,
			params: typeParams,
			optional: [originalNames],
			optionalName: 'options',
			paging: startPaging({ itemsPath: 'items', idField: 'id', idFilter: '>id' }),
		},
		{ value: 'update', name: 'Update', action: `Update ${lower === 'item' ? 'an item' : `a ${lower}`}`, method: 'crm.item.update', kind: 'update', fixed, params: [...typeParams, itemId, itemFields], optional: [originalNames], optionalName: 'options', unwrap: 'item' },
		{ value: 'delete', name: 'Delete', action: `Delete ${lower === 'item' ? 'an item' : `a ${lower}`}`, method: 'crm.item.delete', kind: 'delete', fixed, params: [...typeParams, itemId] },
		{
			value: 'getFields',
			name: 'Get Fields',
			action: `Get ${lower} fields`,
			method: 'crm.item.fields',
			kind: 'fields',
			fixed,
			params: typeParams,
			optional: [originalNames],
			optionalName: 'options',
			output: (result) => fieldsOutput((result as IDataObject)?.fields),
		},
	];
}

export const crmItem: ResourceSpec = {
	value: 'crmItem',
	name: 'CRM Item',
	group: 'CRM',
	description: 'Any CRM entity through crm.item.*, smart processes included',
	operations: itemOperations('Item'),
};

export const invoice: ResourceSpec = {
	value: 'invoice',
	name: 'Invoice',
	group: 'CRM',
	description: 'Smart invoices (crm.item.* with entityTypeId 31)',
	operations: itemOperations('Invoice', { entityTypeId: 31 }),
};
