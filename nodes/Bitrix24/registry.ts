import type { INodeProperties } from 'n8n-workflow';

import { filterRowsOption } from './filters';
import { idempotencyProperty } from './handlers/idempotency';
import { recordProperties } from './handlers/labels';
import { mapperProperty } from './mapper';
import { actionText, operationDescription, resourceDisplayName } from './describe';
import { inputInVersion, toProperty } from './params';
import { resources } from './resources';
import type { OperationSpec, ResourceSpec } from './types';

const show = (resource: string, operation: string) => ({ show: { resource: [resource], operation: [operation] } });

/** Return All / Limit / Filter / Sort / Select: the same on every list operation. */
function getManyProperties(resource: string, op: OperationSpec, version: number): INodeProperties[] {
	const displayOptions = show(resource, operationValue(op, version));
	const properties: INodeProperties[] = [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
	if (op.paging?.filterKey !== undefined || op.paging?.orderKey !== undefined || op.paging?.selectKey !== undefined) {
		const options: INodeProperties[] = [];
		if (op.paging.filterKey !== undefined) {
			options.push({
				displayName: 'Filter (JSON)',
				name: 'filter',
				type: 'json',
				default: '{}',
				description: op.paging.conditions
					? // REST 3.0 filters (rest-v3.md#filter): no LIKE and no "not in"
						'REST 3.0 filter on camelCase fields: a list of conditions [["field", "operator", value], …] with =, !=, &gt;, &gt;=, &lt;, &lt;=, in, between, and {"logic": "or", "conditions": […]} groups, e.g. [["status", "=", "NEW"], ["id", "between", [100, 200]]]. An object also works: {"status": "NEW", "&gt;=id": 100, "@id": [1, 2]}. There is no "contains" (%) or "not in" (!@).'
					: 'Bitrix24 filter as a JSON object; prefix a field with an operator (=, !=, &gt;, &gt;=, &lt;, &lt;=, %, @, !@), e.g. {"&gt;OPPORTUNITY": 1000, "STAGE_ID": "NEW"}',
			});
			// rows of field / operator / value where the entity describes its fields (*.fields)
			if (version >= 2 && op.record) options.push(filterRowsOption);
		}
		if (op.paging.orderKey !== undefined) {
			options.push({
				displayName: 'Sort (JSON)',
				name: 'sort',
				type: 'json',
				default: '{}',
				description:
					'Sort order as a JSON object of field: "ASC" or "DESC", e.g. {"DATE_CREATE": "DESC"}. Sorting by anything but ID reads page by page with counting, which is slower on big portals.',
			});
		}
		if (op.paging.selectKey !== undefined) {
			options.push({
				displayName: 'Select Fields',
				name: 'select',
				type: 'string',
				default: '',
				placeholder: 'e.g. ID, TITLE, UF_*',
				description: 'Comma-separated fields to return; "*" for all standard fields and "UF_*" for custom fields',
			});
		}
		properties.push({
			displayName: 'Options',
			name: 'listOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions,
			options,
		});
	}
	return properties;
}

/** The value an operation is saved under in a node version (version 1 saved some lists as `getAll`). */
export const operationValue = (op: OperationSpec, version: number) => (version < 2 && op.v1Value) || op.value;

function operationProperties(resource: ResourceSpec, op: OperationSpec, version: number): INodeProperties[] {
	const displayOptions = show(resource.value, operationValue(op, version));
	const properties: INodeProperties[] = [];
	if (op.appOnly) {
		properties.push({
			displayName:
				'This operation works only with a Bitrix24 OAuth2 credential (application authorization); Bitrix24 refuses it for webhooks and API keys.',
			name: 'appOnlyNotice',
			type: 'notice',
			default: '',
			displayOptions,
		});
	}
	for (const spec of op.params ?? []) {
		if (!inputInVersion(spec, version)) continue;
		// either/or inputs: version 1 showed both and keeps its description
		const shown = version >= 2 && spec.showWhen ? { show: { ...displayOptions.show, ...spec.showWhen } } : displayOptions;
		properties.push({ ...toProperty(spec, version), displayOptions: shown });
	}
	if (op.mapper && version >= 2) properties.push({ ...mapperProperty(op), displayOptions });
	for (const { property } of op.extra ?? []) {
		const shown = version >= 2 && property.displayOptions?.show ? { show: { ...displayOptions.show, ...property.displayOptions.show } } : displayOptions;
		properties.push({ ...property, displayOptions: shown });
	}
	if (op.readBack && version >= 2) {
		properties.push({
			displayName: 'Return Whole Record',
			name: 'returnWholeRecord',
			type: 'boolean',
			default: false,
			description: `Whether to read the record back after the write and return all its fields (${op.readBack.method}, one extra batch call per 50 items)`,
			displayOptions,
		});
	}
	if (op.idempotency && version >= 2) properties.push({ ...idempotencyProperty(), displayOptions });
	if (op.optional?.length) {
		properties.push({
			displayName: op.optionalName === 'options' ? 'Options' : 'Additional Fields',
			name: op.optionalName ?? 'additionalFields',
			type: 'collection',
			placeholder: op.optionalName === 'options' ? 'Add Option' : 'Add Field',
			default: {},
			displayOptions,
			options: op.optional.filter((spec) => inputInVersion(spec, version)).map((spec) => toProperty(spec, version)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	if (op.kind === 'getMany' && op.paging) properties.push(...getManyProperties(resource.value, op, version));
	if (op.record && version >= 2) {
		// the toggles sit after Return All / Limit and before the last collection (Options), as in n8n's own nodes
		const collections = properties.filter((property) => property.type === 'collection');
		const at = collections.length ? properties.lastIndexOf(collections[collections.length - 1]) : properties.length;
		properties.splice(at, 0, ...recordProperties().map((property) => ({ ...property, displayOptions })));
	}
	return properties;
}

/** The operations node version `version` has. */
const operationsIn = (operations: OperationSpec[], version: number) => operations.filter((op) => (op.since ?? 1) <= version);

/** The node's properties as node version `version` describes them. */
export function buildProperties(version: number, list: ResourceSpec[] = resources): INodeProperties[] {
	// sorted by the displayed name, which leads with the area, so each area's resources sit together
	// a resource whose operations all came later than this version is not offered in it
	const sorted = list.filter((r) => operationsIn(r.operations, version).length).sort((a, b) => resourceDisplayName(a).localeCompare(resourceDisplayName(b)));
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: sorted.map((r) => ({ name: resourceDisplayName(r), value: r.value, description: r.description })),
			// the options are built from the registry, which the rule cannot read
			// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-options
			default: 'deal',
		},
	];
	for (const resource of sorted) {
		const ops = operationsIn(resource.operations, version).sort((a, b) => a.name.localeCompare(b.name));
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- default is the first operation, computed below
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: ops.map((op) => ({
				name: op.name,
				value: operationValue(op, version),
				action: actionText(resource, op),
				description: operationDescription(resource, op, version),
			})),
			default: ops.length ? operationValue(ops.find((op) => op.value === resource.defaultOperation) ?? ops[0], version) : '',
		});
	}
	for (const resource of sorted) {
		for (const op of operationsIn(resource.operations, version)) properties.push(...operationProperties(resource, op, version));
	}
	return properties;
}

export function findOperation(resource: string, operation: string, version = 2): OperationSpec | undefined {
	const operations = resources.find((r) => r.value === resource)?.operations ?? [];
	return operationsIn(operations, version).find((op) => operationValue(op, version) === operation);
}

export function allOperations(): Array<{ resource: ResourceSpec; op: OperationSpec }> {
	return resources.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));
}
