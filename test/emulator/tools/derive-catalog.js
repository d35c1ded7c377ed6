#!/usr/bin/env node
// Writes catalog/documented.json, the emulator's base catalog, from the documented
// method index (bitrix24-methods-all.json, generated from bitrix24/b24restdocs).
// Only facts the emulator reads are kept: names, scopes, parameter names, flags, doc path.
// Usage: node test/emulator/tools/derive-catalog.js [path to bitrix24-methods-all.json]
'use strict';
const fs = require('fs');
const path = require('path');

const src = process.argv[2] || path.join(__dirname, '..', '..', '..', '..', 'shared', 'reference', 'bitrix24-methods-all.json');
const out = path.join(__dirname, '..', 'catalog', 'documented.json');
const FIELDS = ['method', 'scope', 'kind', 'required', 'optional', 'auth', 'deprecated', 'restV3', 'paged', 'doc'];

const index = JSON.parse(fs.readFileSync(src, 'utf8'));
const lines = index
	.map((e) => {
		const o = {};
		for (const f of FIELDS) if (e[f] !== undefined) o[f] = e[f];
		if (e.restV3Variant) o.restV3Variant = { required: e.restV3Variant.required, optional: e.restV3Variant.optional };
		return o;
	})
	.sort((a, b) => a.method.localeCompare(b.method))
	.map((o) => JSON.stringify(o));
fs.writeFileSync(out, `[\n${lines.join(',\n')}\n]\n`);
process.stdout.write(`${lines.length} methods -> ${path.relative(process.cwd(), out)}\n`);
