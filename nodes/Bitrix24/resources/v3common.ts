import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getPath } from '../handlers/generic';
import { setPath } from '../params';
import type { OperationSpec, PagingSpec, ParamSpec } from '../types';
import { list, str } from './shared';

/**
 * REST 3.0 validates IDs as integers, while the node's ID inputs are text (a name keeps one type across
 * the node): the ID inputs' values go out as numbers.
 */
function withIntegerIds(op: OperationSpec): OperationSpec['prepare'] {
	const paths = (op.params ?? []).filter((spec) => spec.integer && spec.type === 'string').map((spec) => spec.to ?? spec.name);
	const inner = op.prepare;
	if (!paths.length) return inner;
	return async function (this: IExecuteFunctions, params: IDataObject, itemIndex: number) {
		for (const path of paths) {
			const value = getPath(params, path);
			if (typeof value === 'string' && /^\d+$/.test(value.trim())) setPath(params, path, Number(value));
		}
		return inner ? await inner.call(this, params, itemIndex) : params;
	};
}

/** REST 3.0 families: every operation is new in node version 2 and goes to /rest/api/. */
export const restV3 = (ops: OperationSpec[]): OperationSpec[] => ops.map((op) => ({ ...op, api: 'v3', since: 2, prepare: withIntegerIds(op) }));

/** A record ID: a whole number > 0, refused before sending otherwise (sent as a number, see withIntegerIds). */
export const intId = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
	str(name, label, { required: true, integer: true, description: `The ${label.replace(/ ID$/, '').toLowerCase()}'s ID`, ...extra });

/** Comma-separated IDs, sent as an array of integers (REST 3.0 validates the element type). */
export const intList = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
	list(name, label, { placeholder: 'e.g. 7, 12', description: 'Comma-separated IDs', ...extra });

/** Turns the comma-separated ID lists at these paths into integers; names the input when a part is not one. */
export const integersAt =
	(labels: Record<string, string>) =>
	function (this: IExecuteFunctions, params: IDataObject, itemIndex: number): IDataObject {
		for (const [path, label] of Object.entries(labels)) {
			const keys = path.split('.');
			const parent = keys.slice(0, -1).reduce<IDataObject | undefined>((node, key) => node?.[key] as IDataObject | undefined, params);
			const value = parent?.[keys[keys.length - 1]];
			if (!Array.isArray(value)) continue;
			const numbers = value.map((part) => Number(part));
			const bad = value.find((_, i) => !Number.isInteger(numbers[i]) || numbers[i] <= 0);
			if (bad !== undefined) {
				throw new NodeOperationError(this.getNode(), `${label} has "${String(bad)}", which is not an ID [item ${itemIndex}]`, {
					itemIndex,
					description: `Enter whole numbers greater than 0, separated by commas, e.g. 7, 12.`,
				});
			}
			setPath(params, path, numbers);
		}
		return params;
	};

/** `select` of the *.field.* methods: which parts of a field description to return. */
const describeSelect = list('select', 'Select', {
	placeholder: 'e.g. name, type, title',
	description: 'Comma-separated parts of the field description to return (name, type, title, description, filterable, sortable …); empty for all',
});

/** The `<prefix>.field.list` / `.field.get` pair every REST 3.0 entity has. */
export function fieldOps(prefix: string, entity: string, value = 'Field', label = ''): OperationSpec[] {
	const spaced = label ? `${label} ` : '';
	return [
		{
			value: `get${value}s`,
			name: `Get ${spaced}Fields`,
			action: `Get the ${spaced.toLowerCase()}fields of ${entity}`,
			description: `Describe every field ${entity} has (${prefix}.field.list)`,
			method: `${prefix}.field.list`,
			kind: 'fields',
			optional: [describeSelect],
			optionalName: 'options',
			unwrap: 'items',
		},
		{
			value: `get${value}`,
			name: `Get ${spaced}Field`,
			action: `Get one ${spaced.toLowerCase()}field of ${entity}`,
			description: `Describe one field of ${entity} by its name (${prefix}.field.get)`,
			method: `${prefix}.field.get`,
			kind: 'get',
			params: [str('name', 'Field Name', { required: true, placeholder: 'e.g. id', description: 'The field to describe, as Get Fields names it' })],
			optional: [describeSelect],
			optionalName: 'options',
			unwrap: 'item',
		},
	];
}

/** REST 3.0 lists with a `pagination` object (limit/offset): rows in `items`, at the largest page the method allows. */
export const pagePaging = (pageSize: number): PagingSpec => ({ mode: 'pagination', pageSize, itemsPath: 'items' });
