import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJson, setPath } from '../params';
import type { OperationSpec, PagingSpec, ParamSpec } from '../types';

/** Small builders so a resource reads as data. */
export const str = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, label, type: 'string', ...extra });
export const num = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, label, type: 'number', ...extra });
export const bool = (name: string, label: string, description: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({
	name,
	label,
	type: 'boolean',
	description,
	...extra,
});
/** A boolean Bitrix24 wants as Y/N. */
export const yn = (name: string, label: string, description: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
	bool(name, label, description, { yn: true, ...extra });
export const json = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, label, type: 'json', ...extra });
export const date = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, label, type: 'dateTime', ...extra });
export const list = (name: string, label: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, label, type: 'list', ...extra });

/** A required ID input: a whole number > 0, as the methods these inputs feed document it. */
export const id = (name: string, label: string, to?: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
	str(name, label, { required: true, to, integer: true, description: `The ${label.replace(/ ID$/, '').toLowerCase()}'s ID`, ...extra });

/** An action whose inputs are all listed in `params`. */
export const act = (value: string, name: string, action: string, method: string, params: ParamSpec[], extra: Partial<OperationSpec> = {}): OperationSpec => ({
	value,
	name,
	action,
	method,
	kind: 'action',
	params,
	...extra,
});

/** Methods that answer `true` for a change: report which record changed. */
export const changed =
	(key: string, flag: 'success' | 'updated' | 'deleted' = 'success') =>
	(result: unknown, request: IDataObject | unknown[]) => ({
		id: (request as IDataObject)[key] as string,
		[flag]: result !== false,
	});

/** Like `changed()`, for records named by `code` instead of an ID. */
export const changedCode =
	(flag: 'success' | 'updated' | 'deleted' = 'success') =>
	(result: unknown, request: IDataObject | unknown[]) => ({
		code: (request as IDataObject).code as string,
		[flag]: result !== false,
	});

/** Operations added in node version 2: version 1 does not list them, so its saved workflows read the same. */
export const V2: Partial<OperationSpec> = { since: 2 };
export const since2 = (ops: OperationSpec[]): OperationSpec[] => ops.map((op) => ({ ...op, ...V2 }));

/** An input sent inside `fields` under its own name. */
export const toFields = (spec: ParamSpec): ParamSpec => ({ ...spec, to: `fields.${spec.name}` });
/** A Y/N boolean sent inside `fields`. */
export const yesNo = (name: string, label: string, description: string, extra: Partial<ParamSpec> = {}): ParamSpec =>
	toFields(yn(name, label, description, extra));
/** A Yes/No dropdown that sends Y or N (default Y). */
export const yesNoOptions = (name: string, label: string, description: string): ParamSpec => ({
	name,
	label,
	type: 'options',
	default: 'Y',
	description,
	options: [
		{ name: 'Yes', value: 'Y' },
		{ name: 'No', value: 'N' },
	],
});

/** A Sort Direction dropdown for methods that take the direction as its own parameter. */
export const sortDirection = (name: string, defaultValue: 'ASC' | 'DESC'): ParamSpec => ({
	name,
	label: 'Sort Direction',
	type: 'options',
	default: defaultValue,
	options: [
		{ name: 'Ascending', value: 'ASC' },
		{ name: 'Descending', value: 'DESC' },
	],
});

/** Standard `start`-paged list with filter/order/select (legacy CRM style UPPER_CASE ID). */
export const startPaging = (overrides: Partial<PagingSpec> = {}): PagingSpec => ({
	mode: 'start',
	idField: 'ID',
	idFilter: '>ID',
	filterKey: 'filter',
	orderKey: 'order',
	selectKey: 'select',
	...overrides,
});

/** `*.fields` results are keyed by field name: one output item per field reads better in n8n. */
export function fieldsOutput(result: unknown): IDataObject[] {
	const fields = (result ?? {}) as IDataObject;
	return Object.entries(fields).map(([field, meta]) => ({ field, ...((meta ?? {}) as IDataObject) }));
}

/** `*.getFields` answers `{ <wrap>: { <field>: {...} } }`: one output item per field. */
export const fieldsOf = (wrap: string) => (result: unknown) => fieldsOutput((result as IDataObject)?.[wrap]);

export const fieldsOp = (method: string, entity: string, extra: Partial<OperationSpec> = {}): OperationSpec => ({
	value: 'getFields',
	name: 'Get Fields',
	action: `Get ${entity} fields`,
	method,
	kind: 'fields',
	output: fieldsOutput,
	...extra,
});

/** Custom (UF_*) field values as name/value pairs. */
export function customFieldsProperty(target = 'fields', prefix = 'UF_'): NonNullable<OperationSpec['extra']>[number] {
	const property: INodeProperties = {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Field Name', name: 'name', type: 'string', default: '', placeholder: `e.g. ${prefix}CRM_1700000000` },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'A text value, or JSON for lists and files (e.g. ["a", "b"])',
					},
				],
			},
		],
	};
	return {
		property,
		apply: (value, params, ctx: IExecuteFunctions, itemIndex) => {
			const entries = ((value as IDataObject)?.field ?? []) as Array<{ name: string; value: string }>;
			for (const entry of entries) {
				const name = (entry.name ?? '').trim();
				if (!name.toUpperCase().startsWith(prefix.toUpperCase()) && !/^uf/i.test(name)) {
					throw new NodeOperationError(ctx.getNode(), `Custom field "${name}" is not a custom field name [item ${itemIndex}]`, {
						itemIndex,
						description: `Custom field names start with ${prefix}, e.g. ${prefix}CRM_1700000000. Use Additional Fields for standard fields.`,
					});
				}
				const raw = entry.value ?? '';
				const parsed = /^\s*[[{]/.test(raw) ? parseJson(ctx, raw, `Custom field ${name}`, itemIndex, 'any') : raw;
				setPath(params, `${target}.${name}`, parsed);
			}
		},
	};
}

const MULTIFIELD_TYPES: Record<string, string[]> = {
	PHONE: ['WORK', 'MOBILE', 'FAX', 'HOME', 'PAGER', 'MAILING', 'OTHER'],
	EMAIL: ['WORK', 'HOME', 'MAILING', 'OTHER'],
	WEB: ['WORK', 'HOME', 'VK', 'LIVEJOURNAL', 'TWITTER', 'OTHER'],
	IM: ['TELEGRAM', 'VK', 'SKYPE', 'VIBER', 'BITRIX24', 'OPENLINE', 'IMOL', 'ICQ', 'MSN', 'JABBER', 'OTHER'],
};
const MULTIFIELD_NAMES: Record<string, string> = { PHONE: 'Phone', EMAIL: 'Email', WEB: 'Website', IM: 'Messenger' };

/** Phones, emails, websites and messengers: Bitrix24's multifields as fixed collections. */
export function multifieldsProperty(forUpdate: boolean): NonNullable<OperationSpec['extra']>[number] {
	const property: INodeProperties = {
		displayName: 'Phones, Emails, Websites, Messengers',
		name: 'multifields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact Detail',
		default: {},
		description: forUpdate
			? 'Values without an existing Value ID are added; with one they replace that value; "Delete" removes it'
			: undefined,
		options: Object.keys(MULTIFIELD_TYPES).map((key) => ({
			displayName: MULTIFIELD_NAMES[key],
			name: key.toLowerCase(),
			values: [
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- default is the first type, computed per multifield
				{
					displayName: 'Type',
					name: 'valueType',
					type: 'options',
					options: MULTIFIELD_TYPES[key].map((t) => ({ name: t.charAt(0) + t.slice(1).toLowerCase(), value: t })),
					default: MULTIFIELD_TYPES[key][0],
				},
				...(forUpdate
					? ([
							{ displayName: 'Existing Value ID', name: 'id', type: 'string', default: '', description: 'ID of the value to replace or delete' },
							{ displayName: 'Delete', name: 'delete', type: 'boolean', default: false, description: 'Whether to remove the value with this ID' },
						] as INodeProperties[])
					: []),
			],
		})),
	};
	return {
		property,
		apply: (value, params) => {
			for (const key of Object.keys(MULTIFIELD_TYPES)) {
				const entries = ((value as IDataObject)?.[key.toLowerCase()] ?? []) as IDataObject[];
				if (!entries.length) continue;
				setPath(
					params,
					`fields.${key}`,
					entries.map((entry) => ({
						...(entry.id ? { ID: entry.id } : {}),
						...(entry.delete ? { DELETE: 'Y' } : { VALUE: entry.value, VALUE_TYPE: entry.valueType }),
					})),
				);
			}
		},
	};
}
