/** Saved workflows omit a default value: a resource that gains operations keeps the default it had. */
import type { INodeProperties } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';

const operationDefault = (version: number, resource: string) =>
	new Bitrix24()
		.getNodeType(version)
		.description.properties.find((p: INodeProperties) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))?.default;

test.each([1, 2])('version %i: warehouses, price types and catalogs still default to Get Many', (version) => {
	for (const resource of ['store', 'priceType', 'catalog']) expect({ resource, default: operationDefault(version, resource) }).toEqual({ resource, default: 'getMany' });
});

test('other resources default to their alphabetically first operation', () => {
	// Unit of Measure: Create, Delete, Get, Get Fields, Get Many, Update
	expect(operationDefault(2, 'unitOfMeasure')).toBe('create');
});
