import type { IDataObject } from 'n8n-workflow';

import { itemKey } from '../../handlers/idempotency';
import type { OperationSpec, RecordSpec, ResourceSpec } from '../../types';
import { bool, fieldsOf, json, num, str, startPaging } from '../shared';

const entityTypeId = num('entityTypeId', 'Entity Type ID', {
	required: true,
	default: 2,
	description: '1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 invoice, 128+ smart processes (see Smart Process Type → Get Many)',
	dropdown: 'getEntityTypes',
});
const crmItemId = str('id', 'Item ID', { required: true, locator: 'crmItem' });
const originalNames = bool('useOriginalUfNames', 'Use Original Custom Field Names', 'Whether custom fields keep their UF_CRM_* names instead of camelCase', {
	yn: true,
});
/** Return Whole Record reads with the same type and custom-field naming as the write. */
const readBack = { method: 'crm.item.get', idKey: 'id', unwrap: 'item', carry: ['entityTypeId', 'useOriginalUfNames'] };
const itemFields = json('fields', 'Fields (JSON)', {
	required: true,
	description: 'Item fields in camelCase, e.g. {"title": "New item", "assignedById": 1}',
});

/** Simplify's fields of any type's items: each type has those that apply (crm/universal/crm-item-fields.md). */
const ITEM_FIELDS = ['id', 'title', 'name', 'lastName', 'categoryId', 'stageId', 'opportunity', 'currencyId', 'companyId', 'contactId', 'assignedById', 'createdTime', 'updatedTime'];
const INVOICE_FIELDS = ['id', 'accountNumber', 'title', 'stageId', 'opportunity', 'currencyId', 'companyId', 'contactId', 'assignedById', 'closedate', 'createdTime', 'updatedTime'];

/**
 * crm.item.* for one entity type: `fixed` pins the type (smart invoices: 31); without it the user picks
 * any entityTypeId, smart processes included.
 */
export function itemOperations(label: string, fixed?: IDataObject): OperationSpec[] {
	const typeParams = fixed ? [] : [entityTypeId];
	// invoices (31) have their own locator; any other type lists the items of the chosen Entity Type ID
	const itemId = fixed ? { ...crmItemId, locator: 'invoice' as const } : crmItemId;
	const lower = label.toLowerCase();
	const mapper = fixed ? 'invoice' : 'item';
	const record: RecordSpec = {
		simplify: fixed?.entityTypeId === 31 ? INVOICE_FIELDS : ITEM_FIELDS,
		fieldsMethod: 'crm.item.fields',
		fieldsParams: ['entityTypeId', 'useOriginalUfNames'],
		fieldsPath: 'fields',
		users: ['assignedById', 'createdBy', 'updatedBy', 'movedBy', 'lastActivityBy'],
		crm: { entityTypeId: 'request', categoryField: 'categoryId' },
	};
	return [
		{ value: 'create', name: 'Create', action: `Create ${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`, method: 'crm.item.add', kind: 'create', fixed, params: [...typeParams, itemFields], optional: [originalNames], optionalName: 'options', unwrap: 'item', readBack, mapper, idempotency: fixed ? undefined : itemKey },
		{ value: 'get', name: 'Get', action: `Get ${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`, method: 'crm.item.get', kind: 'get', fixed, params: [...typeParams, itemId], optional: [originalNames], optionalName: 'options', unwrap: 'item', record },
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
			record,
		},
		{ value: 'update', name: 'Update', action: `Update ${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`, method: 'crm.item.update', kind: 'update', fixed, params: [...typeParams, itemId, itemFields], optional: [originalNames], optionalName: 'options', unwrap: 'item', readBack, mapper },
		{ value: 'delete', name: 'Delete', action: `Delete ${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`, method: 'crm.item.delete', kind: 'delete', fixed, params: [...typeParams, itemId] },
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
			output: fieldsOf('fields'),
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
