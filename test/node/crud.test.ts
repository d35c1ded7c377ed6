/** The CRUD factory (resources/crud.ts): one family description in, the operations the registry runs out. */
import { buildProperties } from '../../nodes/Bitrix24/registry';
import { resources } from '../../nodes/Bitrix24/resources';
import { crud } from '../../nodes/Bitrix24/resources/crud';
import { id, num, str } from '../../nodes/Bitrix24/resources/shared';
import type { OperationSpec } from '../../nodes/Bitrix24/types';

const recordId = id('id', 'Widget ID');
const name = str('NAME', 'Name', { required: true, to: 'fields.NAME' });
const sort = num('SORT', 'Sort', { to: 'fields.SORT' });

const summary = (ops: OperationSpec[]) => ops.map((op) => [op.value, op.name, op.kind, op.method, op.action]);

describe('crud()', () => {
	it('spells out the five CRUD verbs from one description', () => {
		const widget = crud({
			value: 'widget',
			name: 'Widget',
			group: 'CRM',
			prefix: 'crm.widget',
			noun: 'widget',
			key: [recordId],
			create: [name],
			fields: [sort],
			updateFirst: [{ ...name, required: false }],
			updateFixed: { fields: {} },
			paging: { mode: 'start', filterKey: 'filter' },
		});
		expect({ value: widget.value, name: widget.name, group: widget.group }).toEqual({ value: 'widget', name: 'Widget', group: 'CRM' });
		expect(summary(widget.operations)).toEqual([
			['create', 'Create', 'create', 'crm.widget.add', 'Create a widget'],
			['get', 'Get', 'get', 'crm.widget.get', 'Get a widget'],
			['getMany', 'Get Many', 'getMany', 'crm.widget.list', 'Get many widgets'],
			['update', 'Update', 'update', 'crm.widget.update', 'Update a widget'],
			['delete', 'Delete', 'delete', 'crm.widget.delete', 'Delete a widget'],
		]);
		const [create, get, getMany, update, remove] = widget.operations;
		// create: the required inputs as params, the fields as Additional Fields
		expect(create.params).toEqual([name]);
		expect(create.params!.every((p) => p.required)).toBe(true);
		expect(create.optional).toEqual([sort]);
		expect(create.fixed).toBeUndefined();
		// the record's ID on get, update and delete
		for (const op of [get, update, remove]) expect(op.params).toEqual([recordId]);
		expect(getMany.params).toBeUndefined();
		expect(getMany.paging).toEqual({ mode: 'start', filterKey: 'filter' });
		// update: the optional name first, then the fields, under Update Fields, with `fields` always sent
		expect(update.optional!.map((p) => [p.name, p.required])).toEqual([
			['NAME', false],
			['SORT', undefined],
		]);
		expect(update.optionalName).toBe('updateFields');
		expect(update.fixed).toEqual({ fields: {} });
		expect(remove.optional).toBeUndefined();
	});

	it('keeps the order of verbs and whole operations, applies overrides, every and more', () => {
		const special: OperationSpec = { value: 'archive', name: 'Archive', action: 'Archive an item', method: 'x.item.archive', kind: 'action', params: [recordId] };
		const extra: OperationSpec = { value: 'restore', name: 'Restore', action: 'Restore an item', method: 'x.item.restore', kind: 'action', params: [recordId] };
		const item = crud({
			value: 'item',
			name: 'Item',
			group: 'Lists',
			prefix: 'x.item',
			noun: 'item',
			key: [recordId],
			create: [name],
			unwrap: 'item',
			every: { appOnly: true },
			verbs: ['getMany', special, 'create', 'update', 'fields'],
			override: { getMany: { method: 'x.item.get', action: 'Get the items of a list' } },
			more: [extra],
		});
		expect(summary(item.operations)).toEqual([
			['getMany', 'Get Many', 'getMany', 'x.item.get', 'Get the items of a list'],
			['archive', 'Archive', 'action', 'x.item.archive', 'Archive an item'],
			['create', 'Create', 'create', 'x.item.add', 'Create an item'],
			['update', 'Update', 'update', 'x.item.update', 'Update an item'],
			['getFields', 'Get Fields', 'fields', 'x.item.fields', 'Get item fields'],
			['restore', 'Restore', 'action', 'x.item.restore', 'Restore an item'],
		]);
		const [, archive, create, update, fields, restore] = item.operations;
		// `every` reaches the generated verbs only; whole operations stay as given
		expect([create, update, fields].map((op) => op.appOnly)).toEqual([true, true, true]);
		expect([archive, restore]).toEqual([special, extra]);
		expect(create.unwrap).toBe('item');
		expect(update.unwrap).toBe('item');
		// nothing optional given: no Update Fields collection
		expect(update.optional).toBeUndefined();
		expect(update.optionalName).toBeUndefined();
		expect(item.operations.find((op) => op.value === 'get')).toBeUndefined();
	});

	it('takes the article and plural the noun needs', () => {
		const sms = crud({ value: 'sms', name: 'SMS', group: 'System', prefix: 'sms', noun: 'SMS provider', article: 'an', plural: 'SMS providers' });
		expect(sms.operations.map((op) => op.action)).toEqual([
			'Create an SMS provider',
			'Get an SMS provider',
			'Get many SMS providers',
			'Update an SMS provider',
			'Delete an SMS provider',
		]);
	});

	it('builds registered families the node shows and runs (requisite)', () => {
		const requisite = resources.find((r) => r.value === 'requisite')!;
		expect(requisite.operations.map((op) => op.method)).toEqual([
			'crm.requisite.add',
			'crm.requisite.get',
			'crm.requisite.list',
			'crm.requisite.update',
			'crm.requisite.delete',
			'crm.requisite.fields',
		]);
		const create = requisite.operations[0];
		expect(create.params!.map((p) => [p.name, p.to, p.required])).toEqual([
			['ENTITY_TYPE_ID', 'fields.ENTITY_TYPE_ID', true],
			['ENTITY_ID', 'fields.ENTITY_ID', true],
			['PRESET_ID', 'fields.PRESET_ID', true],
			['NAME', 'fields.NAME', true],
		]);
		for (const version of [1, 2]) {
			const shown = buildProperties(version).filter((p) => p.displayOptions?.show?.resource?.[0] === 'requisite' && p.displayOptions.show.operation?.[0] === 'create');
			expect(shown.filter((p) => p.required).map((p) => p.name)).toEqual(['ENTITY_TYPE_ID', 'ENTITY_ID', 'PRESET_ID', 'NAME']);
		}
	});
});
