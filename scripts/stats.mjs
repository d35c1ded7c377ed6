// npm run stats — counts what the built node offers in n8n's UI: resources and operations per area, and how
// much of the documented method index it covers (--families: per family).
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Bitrix24 } = require('../dist/nodes/Bitrix24/Bitrix24.node.js');
const { resources } = require('../dist/nodes/Bitrix24/resources/index.js');

// the newest node version, as the editor adds it
const { properties } = new Bitrix24().getNodeType().description;
const resourceOptions = properties.find((p) => p.name === 'resource').options;
const areaOf = new Map(resources.map((r) => [r.value, r.group]));
const areas = new Map();
let total = 0;
const methods = new Set();
for (const { value } of resourceOptions) {
	const operations = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value))?.options ?? [];
	const area = areaOf.get(value) ?? '?';
	const entry = areas.get(area) ?? { resources: 0, operations: 0 };
	entry.resources += 1;
	entry.operations += operations.length;
	areas.set(area, entry);
	total += operations.length;
	for (const op of resources.find((r) => r.value === value).operations) methods.add(op.method);
}
const rows = [...areas.entries()].sort((a, b) => b[1].operations - a[1].operations);
const width = Math.max(4, ...rows.map(([area]) => area.length));
console.log(`${'Area'.padEnd(width)}  Resources  Operations`);
for (const [area, { resources: r, operations: o }] of rows) console.log(`${area.padEnd(width)}  ${String(r).padStart(9)}  ${String(o).padStart(10)}`);
console.log(`${'Total'.padEnd(width)}  ${String(resourceOptions.length).padStart(9)}  ${String(total).padStart(10)}`);
console.log(`Distinct Bitrix24 methods: ${methods.size - (methods.has('*') ? 1 : 0)} (plus Call Method for any other)`);

// Coverage of the documented method index (the emulator's copy: test/emulator/catalog/documented.json)
const documented = JSON.parse(fs.readFileSync(new URL('../test/emulator/catalog/documented.json', import.meta.url), 'utf8'));
const used = new Set([...methods].map((m) => m.toLowerCase()));
const current = documented.filter((m) => !m.deprecated);
const covered = current.filter((m) => used.has(m.method.toLowerCase()));
const v3 = documented.filter((m) => m.restV3);
console.log(`Current documented methods covered: ${covered.length} of ${current.length}; deprecated ones still offered: ${documented.filter((m) => m.deprecated && used.has(m.method.toLowerCase())).length}; REST 3.0: ${v3.filter((m) => used.has(m.method.toLowerCase())).length} of ${v3.length}`);
if (process.argv.includes('--families')) {
	const families = new Map();
	for (const m of current) {
		const parts = m.method.split('.');
		const family = parts.length > 2 && ['crm', 'catalog', 'sale', 'tasks', 'im', 'imbot', 'imopenlines', 'disk'].includes(parts[0]) ? `${parts[0]}.${parts[1]}` : parts[0];
		const entry = families.get(family) ?? { all: 0, covered: 0 };
		entry.all += 1;
		if (used.has(m.method.toLowerCase())) entry.covered += 1;
		families.set(family, entry);
	}
	console.log('\nFamily | covered | current');
	for (const [family, { all, covered: c }] of [...families].sort((a, b) => b[1].all - a[1].all)) console.log(`${family} | ${c} | ${all}`);
}
