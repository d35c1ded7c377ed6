import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The Filters rows of Get Many (node version 2): field / operator / value, turned into Bitrix24's
 * prefixed filter keys (crm/universal/crm-item-list.md: =, !=, >, >=, <, <=, %, !%, @, !@).
 */
const OPERATORS: Record<string, { name: string; prefix: string; value?: 'list' | 'empty' }> = {
	equals: { name: 'Equals', prefix: '' },
	notEquals: { name: 'Not Equals', prefix: '!=' },
	greater: { name: 'Greater Than', prefix: '>' },
	greaterOrEqual: { name: 'Greater Than or Equal', prefix: '>=' },
	less: { name: 'Less Than', prefix: '<' },
	lessOrEqual: { name: 'Less Than or Equal', prefix: '<=' },
	contains: { name: 'Contains', prefix: '%' },
	notContains: { name: 'Does Not Contain', prefix: '!%' },
	in: { name: 'In List', prefix: '@', value: 'list' },
	notIn: { name: 'Not In List', prefix: '!@', value: 'list' },
	// the docs' own example filters "not empty" as {"!=name": ""}
	isEmpty: { name: 'Is Empty', prefix: '=', value: 'empty' },
	isNotEmpty: { name: 'Is Not Empty', prefix: '!=', value: 'empty' },
};

/** The Filters option of Get Many; its fields come from the entity's own `*.fields` method. */
export const filterRowsOption: INodeProperties = {
	displayName: 'Filters',
	name: 'conditions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Condition',
	default: {},
	description: 'Conditions that all must hold; combined with Filter (JSON) when both are set',
	options: [
		{
			displayName: 'Condition',
			name: 'condition',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'field',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getFilterFields', loadOptionsDependsOn: ['entityTypeId', 'options.useOriginalUfNames'] },
					default: '',
					description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Operator',
					name: 'operator',
					type: 'options',
					options: Object.entries(OPERATORS).map(([value, { name, prefix }]) => ({ name, value, description: prefix ? `Bitrix24 prefix ${prefix}` : 'No prefix' })),
					// the options are built from OPERATORS, which the rule cannot read
					// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options
					default: 'equals',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'For In List and Not In List: comma-separated values',
					displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
				},
			],
		},
	],
};

/** Filter (JSON) plus the Filters rows; a key both give, or two rows give, is an error naming both. */
export function mergeFilter(ctx: IExecuteFunctions, json: IDataObject, conditions: unknown, itemIndex: number): IDataObject {
	const rows = ((conditions as IDataObject | undefined)?.condition ?? []) as IDataObject[];
	if (!rows.length) return json;
	const filter: IDataObject = { ...json };
	const from = new Map<string, string>(Object.keys(json).map((key) => [key, 'Filter (JSON)']));
	rows.forEach((row, k) => {
		const where = `Filters row ${k + 1}`;
		const fail = (message: string, description: string) =>
			new NodeOperationError(ctx.getNode(), `${where} ${message} [item ${itemIndex}]`, { itemIndex, description });
		const field = String(row.field ?? '').trim();
		if (!field) throw fail('has no field', 'Pick a field from the list, or remove the row.');
		const operator = OPERATORS[String(row.operator ?? 'equals')];
		if (!operator) {
			throw fail(`has an unknown operator "${String(row.operator)}"`, `Use one of: ${Object.keys(OPERATORS).join(', ')}.`);
		}
		const key = `${operator.prefix}${field}`;
		if (from.has(key)) {
			throw fail(`and ${from.get(key)} both filter on "${key}"`, 'Keep the condition in one place: remove it from the rows or from Filter (JSON).');
		}
		from.set(key, where);
		const raw = row.value ?? '';
		filter[key] =
			operator.value === 'empty'
				? ''
				: operator.value === 'list'
					? String(raw)
							.split(',')
							.map((part) => part.trim())
							.filter(Boolean)
					: (raw as string);
	});
	return filter;
}
