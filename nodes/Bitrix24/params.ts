import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorLabel, locatorParameter, locatorProperty, resolveLocator } from './locators';
import { readMapper } from './mapper';
import type { OperationSpec, ParamSpec } from './types';
import { checkId, isBlank, requiredMissing } from './validate';

/** The n8n property for a parameter spec (without display options) in node version `version`. */
export function toProperty(spec: ParamSpec, version = 2): INodeProperties {
	if (version >= 2 && spec.v2Property) return { ...spec.v2Property };
	if (version >= 2 && spec.locator) return locatorProperty(spec.locator, { displayName: locatorLabel(spec, version), description: spec.description, required: spec.required });
	const base = {
		displayName: spec.label,
		name: spec.name,
		description: spec.description,
		placeholder: spec.placeholder,
		required: spec.required || undefined,
	};
	const method = spec.loadOptions ?? (version >= 2 ? spec.dropdown : undefined);
	if (method && (spec.type === 'options' || spec.dropdown)) return dropdownProperty(spec, method, base, version);
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
			return { ...base, type: 'options', options: spec.options ?? [], default: spec.default ?? spec.options?.[0]?.value ?? '' };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: spec.options ?? [], default: spec.default ?? [] };
		default:
			return { ...base, type: 'string', default: spec.default ?? '', ...(spec.password ? { typeOptions: { password: true } } : {}) };
	}
}

/**
 * A dropdown listed by a methods/loadOptions method. Version 2 also accepts any ID the list does not
 * hold (an expression's value, a stage of another pipeline) and reloads when `dependsOn` changes.
 */
function dropdownProperty(spec: ParamSpec, method: string, base: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'placeholder' | 'required'>, version: number): INodeProperties {
	const property: INodeProperties = {
		...base,
		// n8n's convention for dynamic options: "<Thing> Name or ID"
		displayName: spec.loadOptions ? spec.label : `${spec.label.replace(/ (ID|Code)$/, '')} Name or ID`,
		type: 'options',
		typeOptions: { loadOptionsMethod: method },
		default: spec.default ?? '',
		description: `${spec.description ? `${spec.description}. ` : ''}Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
	if (version < 2) return property;
	// 0 was the number input's empty value; no list holds it
	if (!spec.loadOptions && spec.default === 0) property.default = '';
	if (spec.dependsOn?.length) property.typeOptions = { ...property.typeOptions, loadOptionsDependsOn: spec.dependsOn };
	delete property.placeholder;
	return { ...property, allowArbitraryValues: true };
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

/**
 * An input's value; from node version 2 a record-naming input is a resource locator, resolved to the
 * record's ID (`entityTypeId`: the CRM type its URL must name, for crm.item inputs).
 */
export async function readLocated(ctx: IExecuteFunctions, spec: ParamSpec, itemIndex: number, entityTypeId?: unknown): Promise<unknown> {
	const version = ctx.getNode().typeVersion;
	const raw = ctx.getNodeParameter(locatorParameter(spec, version), itemIndex, spec.default) as unknown;
	if (!spec.locator || version < 2) return raw;
	const id = await resolveLocator(ctx, spec.locator, locatorLabel(spec, version), raw, itemIndex, entityTypeId === undefined ? undefined : Number(entityTypeId));
	// a number (a plain saved value or an expression's result) is sent as the number it was
	return id !== undefined && (spec.type === 'number' || typeof raw === 'number') ? Number(id) : id;
}

/** Whether node version `version` has this input. */
export const inputInVersion = (spec: ParamSpec, version: number) => (spec.since ?? 1) <= version && version <= (spec.until ?? Infinity);

/**
 * Whether an input exists in the node's version and its either/or choice (`showWhen`) selects it:
 * a hidden input is neither required nor sent, whatever value it kept.
 */
export function inputShown(ctx: IExecuteFunctions, op: OperationSpec, spec: ParamSpec, itemIndex: number): boolean {
	const version = ctx.getNode().typeVersion;
	if (!inputInVersion(spec, version)) return false;
	for (const [name, values] of Object.entries(spec.showWhen ?? {})) {
		const control = op.params?.find((p) => p.name === name);
		// a choice this version does not have leaves the input as that version showed it
		if (!control || !inputInVersion(control, version)) continue;
		if (!values.includes(ctx.getNodeParameter(name, itemIndex, control.default) as string)) return false;
	}
	return true;
}

/** Reads an operation's inputs for one item and maps them into request parameters. */
export async function readParams(ctx: IExecuteFunctions, op: OperationSpec, itemIndex: number): Promise<IDataObject> {
	const params: IDataObject = JSON.parse(JSON.stringify(op.fixed ?? {}));
	for (const spec of op.params ?? []) {
		if (!inputShown(ctx, op, spec, itemIndex)) continue;
		const raw = await readLocated(ctx, spec, itemIndex, params.entityTypeId);
		const label = locatorLabel(spec, ctx.getNode().typeVersion);
		if (spec.required && isBlank(raw)) requiredMissing(ctx, label, raw, itemIndex, op.method);
		checkId(ctx, spec, label, raw, itemIndex, op.method);
		const value = convertValue(ctx, spec, raw, itemIndex);
		// an either/or choice only picks the input; Bitrix24 does not take it
		const choice = op.params?.some((other) => other.showWhen && spec.name in other.showWhen);
		if (value !== undefined && !choice) setPath(params, spec.to ?? spec.name, value);
	}
	if (op.optional?.length) {
		const collection = ctx.getNodeParameter(op.optionalName ?? 'additionalFields', itemIndex, {}) as IDataObject;
		for (const spec of op.optional) {
			if (!(spec.name in collection) || !inputInVersion(spec, ctx.getNode().typeVersion)) continue;
			const value = convertValue(ctx, spec, collection[spec.name], itemIndex);
			if (value !== undefined) setPath(params, spec.to ?? spec.name, value);
		}
	}
	for (const { property, apply } of op.extra ?? []) {
		apply(ctx.getNodeParameter(property.name, itemIndex, property.default) as unknown, params, ctx, itemIndex);
	}
	// read last, so a field set in the mapper wins over the same field in Additional Fields or the JSON
	if (op.mapper && ctx.getNode().typeVersion >= 2) {
		for (const [key, value] of Object.entries(await readMapper(ctx, op, itemIndex, params.entityTypeId))) setPath(params, `fields.${key}`, value);
	}
	return params;
}
