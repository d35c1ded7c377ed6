import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getPath } from '../handlers/generic';
import { findOperation } from '../registry';
import { callMethod } from '../transport/request';

/**
 * The fields a Get Many can filter on, from the entity's own `*.fields` method (the operation's
 * record spec): the filter key as value, the portal's label as name.
 */
export async function getFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const op = findOperation(this.getCurrentNodeParameter('resource') as string, this.getCurrentNodeParameter('operation') as string, this.getNode().typeVersion);
	const spec = op?.record;
	if (!spec) return [];
	const params: IDataObject = {};
	for (const key of spec.fieldsParams ?? []) {
		const value = op.fixed?.[key] ?? this.getCurrentNodeParameter(key) ?? this.getCurrentNodeParameter(`options.${key}`);
		if (value === undefined || value === null || value === '') continue;
		params[key] = typeof value === 'boolean' ? (value ? 'Y' : 'N') : (value as IDataObject[string]);
	}
	const envelope = await callMethod(this, spec.fieldsMethod, params, { idempotent: true });
	const fields = (getPath(envelope.result, spec.fieldsPath) ?? {}) as IDataObject;
	return Object.entries(fields)
		.map(([key, meta]) => {
			const info = (meta ?? {}) as IDataObject;
			// custom fields carry their label in listLabel/formLabel/filterLabel; their title is the code
			const label = [info.filterLabel, info.listLabel, info.formLabel, info.title].map((text) => String(text ?? '')).find((text) => text && text !== key) ?? key;
			return { name: label === key ? key : `${label} (${key})`, value: key };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
