/**
 * The referee's word on deprecation: every operation whose method the documented catalog
 * (test/emulator/catalog/documented.json, from the docs) flags deprecated says so in its
 * description, in both node versions; no other operation does.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Bitrix24 } from '../../nodes/Bitrix24/Bitrix24.node';
import { operationValue } from '../../nodes/Bitrix24/registry';
import { resources } from '../../nodes/Bitrix24/resources';

const documented = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'emulator', 'catalog', 'documented.json'), 'utf8')) as Array<{ method: string; deprecated?: boolean }>;
const deprecated = new Set(documented.filter((d) => d.deprecated).map((d) => d.method.toLowerCase()));

test.each([1, 2])('node version %i: deprecated methods are named so in the operation description', (version) => {
	const { properties } = new Bitrix24().getNodeType(version).description;
	const said: string[] = [];
	const unsaid: string[] = [];
	let flagged = 0;
	for (const resource of resources) {
		const options = (properties.find((p: INodeProperties) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value))?.options ?? []) as INodePropertyOptions[];
		for (const op of resource.operations.filter((o) => (o.since ?? 1) <= version)) {
			const description = options.find((o) => o.value === operationValue(op, version))?.description ?? '';
			const says = description.includes(`Deprecated: Bitrix24`) && description.includes(op.method);
			if (deprecated.has(op.method.toLowerCase())) {
				flagged++;
				if (!says) unsaid.push(`${resource.value}.${op.value} (${op.method})`);
			} else if (/Deprecated/.test(description)) said.push(`${resource.value}.${op.value} (${op.method})`);
		}
	}
	expect({ unsaid, said }).toEqual({ unsaid: [], said: [] });
	expect(flagged).toBeGreaterThan(0);
});

