import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationSpec, ParamSpec } from './types';

/** The n8n property for a parameter spec (without display options) in node version `version`. */
export function toProperty(spec: ParamSpec, version = 2): INodeProperties {
	void version;
	const base = {
		displayName: spec.label,
		name: spec.name,
		description: spec.description,
		placeholder: spec.placeholder,
		required: spec.required || undefined,
	};
	switch (spec.type) {
		case 'number':
			return { ...base, type: 'number', default: spec.default ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: spec.default ?? false };
		case 'json':
			return { ...base, type: 'json', default: spec.default ?? (spec.shape === 'array' ? '[]' : '{}') };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: spec.default ?? '' };
		case 'options':
			if (spec.loadOptions) {
				return {
					...base,
					type: 'options',
					typeOptions: { loadOptionsMethod: spec.loadOptions },
					default: spec.default ?? '',
					description: `${spec.description ? `${spec.description}. ` : ''}Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
				};
			}
			return { ...base, type: 'options', options: spec.options ?? [], default: spec.default ?? spec.options?.[0]?.value ?? '' };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: spec.options ?? [], default: spec.default ?? [] };
		default:
			return { ...base, type: 'string', default: spec.default ?? '' };
	}
}

export function setPath(target: IDataObject, path: string, value: unknown) {
	if (path === '') {
		Object.assign(target, value as IDataObject);
		return;
	}
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (!node[key] || typeof node[key] !== 'object') node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}

const EXAMPLES: Record<string, string> = {
	object: 'a JSON object, e.g. {"TITLE": "New deal"}',
	array: 'a JSON array, e.g. [1, 2, 3]',
	any: 'valid JSON, e.g. {"ID": 1}',
};

/** Parses a JSON parameter and checks its shape; the error names the parameter, the item and valid input. */
export function parseJson(
	ctx: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	shape: 'object' | 'array' | 'any' = 'object',
	example?: string,
): unknown {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return shape === 'array' ? [] : shape === 'object' ? {} : undefined;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `${displayName} is not valid JSON [item ${itemIndex}]`, {
				itemIndex,
				description: `${(error as Error).message}. Enter ${example ?? EXAMPLES[shape]}.`,
			});
		}
	}
	const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
	if ((shape === 'object' && !isObject) || (shape === 'array' && !Array.isArray(parsed))) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${displayName} must be a JSON ${shape}, not ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed} [item ${itemIndex}]`,
			{ itemIndex, description: `Enter ${example ?? EXAMPLES[shape]}.` },
		);
	}
	return parsed;
}

/** Converts an n8n value to what Bitrix24 expects for this spec; `undefined` means "leave out". */
export function convertValue(ctx: IExecuteFunctions, spec: ParamSpec, value: unknown, itemIndex: number): unknown {
	if (value === undefined || value === null) return undefined;
	switch (spec.type) {
		case 'boolean':
			return spec.yn ? (value ? 'Y' : 'N') : Boolean(value);
		case 'json':
			return parseJson(ctx, value, spec.label, itemIndex, spec.shape ?? 'object');
		case 'list':
			return typeof value === 'string'
				? value
						.split(',')
						.map((part) => part.trim())
						.filter(Boolean)
				: value;
		case 'string':
		case 'dateTime':
			if (value === '' && !spec.required) return undefined;
			return value;
		default:
			return value;
	}
}

/** Reads an operation's inputs for one item and maps them into request parameters. */
export function readParams(ctx: IExecuteFunctions, op: OperationSpec, itemIndex: number): IDataObject {
	const params: IDataObject = JSON.parse(JSON.stringify(op.fixed ?? {}));
	for (const spec of op.params ?? []) {
		const raw = ctx.getNodeParameter(spec.name, itemIndex, spec.default) as unknown;
		if (spec.required && (raw === '' || raw === undefined)) {
			throw new NodeOperationError(ctx.getNode(), `${spec.label} is required [item ${itemIndex}]`, {
				itemIndex,
				description: `Enter a value for "${spec.label}".`,
			});
		}
		const value = convertValue(ctx, spec, raw, itemIndex);
		if (value !== undefined) setPath(params, spec.to ?? spec.name, value);
	}
	if (op.optional?.length) {
		const collection = ctx.getNodeParameter(op.optionalName ?? 'additionalFields', itemIndex, {}) as IDataObject;
		for (const spec of op.optional) {
			if (!(spec.name in collection)) continue;
			const value = convertValue(ctx, spec, collection[spec.name], itemIndex);
			if (value !== undefined) setPath(params, spec.to ?? spec.name, value);
		}
	}
	for (const { property, apply } of op.extra ?? []) {
		apply(ctx.getNodeParameter(property.name, itemIndex, property.default) as unknown, params, ctx, itemIndex);
	}
	return params;
}
