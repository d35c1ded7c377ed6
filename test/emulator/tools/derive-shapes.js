#!/usr/bin/env node
// Derives catalog/result-shapes.json from a local checkout of the documentation
// (bitrix24/b24restdocs): for every catalogued method it reads the doc page's
// "Response Handling" example and records a typed skeleton of `result` (field
// names with type tags, never the example values) and the documented
// "not found" error, if the page lists one.
// Usage: node test/emulator/tools/derive-shapes.js <git-dir-or-checkout> [--only-missing]
// Entries marked "source": "manual" in the existing file are kept as they are.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const JSON5 = require('json5');

const repo = process.argv[2];
if (!repo) {
	console.error('usage: derive-shapes.js <b24restdocs git dir>');
	process.exit(2);
}
const catDir = path.join(__dirname, '..', 'catalog');
const out = path.join(catDir, 'result-shapes.json');

function readDoc(doc) {
	try {
		return execFileSync('git', ['--git-dir', repo, 'show', `HEAD:${doc}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	} catch {
		const f = path.join(repo, doc);
		return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined;
	}
}

/** Type tag of an example value. */
function tag(key, v) {
	if (v === null) return 'null';
	if (typeof v === 'boolean') return 'bool';
	if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
	if (typeof v === 'string') {
		if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return 'datetime';
		if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'date';
		if (/^\d+$/.test(v)) return 'intString';
		if (v === 'Y' || v === 'N') return 'yn';
		return 'string';
	}
	return undefined;
}

/** Typed skeleton: objects keep their keys, arrays their first element, scalars become tags. */
function skeleton(v, key = '') {
	if (Array.isArray(v)) return v.length ? [skeleton(v[0], key)] : [];
	if (v && typeof v === 'object') {
		const o = {};
		for (const [k, x] of Object.entries(v)) o[k] = skeleton(x, k);
		return o;
	}
	return tag(key, v);
}

function section(text, re) {
	const m = re.exec(text);
	if (!m) return '';
	const rest = text.slice(m.index + m[0].length);
	const end = rest.search(/\n## /);
	return end === -1 ? rest : rest.slice(0, end);
}

function exampleResult(text) {
	// most pages say "Response Handling"; the sale.shipment* and sale.property* pages "Successful Response"
	const sec = section(text, /\n##\s+Response Handling[^\n]*\n/i) || section(text, /\n##\s+(Successful )?Response[^\n]*\n/i);
	const blocks = [...sec.matchAll(/```(?:json|js|javascript)?\s*\n([\s\S]*?)```/g)].map((m) => m[1]);
	for (const b of blocks) {
		const cleaned = b
			.replace(/^\s*(\.\.\.|…)[,\s]*$/gm, '')
			.replace(/,\s*(\.\.\.|…)\s*(?=[\]}])/g, '')
			.replace(/\[\s*(\.\.\.|…)\s*\]/g, '[]')
			.replace(/\{\s*(\.\.\.|…)\s*\}/g, '{}');
		// second try: the missing commas some pages have between members
		const repaired = cleaned.replace(/([}\]"0-9a-z])(\s*\n\s*)(?=["{])/g, '$1,$2');
		for (const text of [cleaned, repaired]) try {
			const j = JSON5.parse(text);
			if (j && typeof j === 'object' && 'result' in j) return { ok: true, result: j.result, total: 'total' in j, next: 'next' in j };
			// a few pages print the body without its `result` envelope ({ sections: [...], total, time })
			if (j && typeof j === 'object' && !Array.isArray(j) && 'time' in j && !('error' in j)) {
				const { time, total, next, ...rest } = j;
				void time;
				void next;
				if (Object.keys(rest).length) return { ok: true, result: rest, total: total !== undefined, next: false, envelopeless: true };
			}
		} catch {
			/* try the repair, then the next block */
		}
	}
	return { ok: false };
}

/**
 * The documented error for a record that does not exist: among the rows of
 * "Possible Error Codes" that say "not found"/"does not exist", the one about
 * the record itself (not its information block, owner or parent).
 */
function notFoundError(text, method) {
	const sec = section(text, /\n##\s+Error Handling[^\n]*\n/i);
	const parts = method.toLowerCase().split('.');
	const noun = parts.length > 2 ? parts[parts.length - 2] : parts[0];
	let best;
	for (const row of sec.split('||')) {
		const m = /`([A-Za-z0-9_]+)`\s*\|([^|]*)\|?([^|]*)/.exec(row);
		if (!m) continue;
		const desc = `${m[2]} ${m[3]}`;
		if (!/not found|does not exist|doesn't exist|no such|not exist|not been found/i.test(desc)) continue;
		let code = m[1];
		let text = m[2];
		// some tables lead with the HTTP status: || 400 | CODE | description ||
		if (/^\d{3}$/.test(code)) {
			code = m[2].replace(/`/g, '').trim();
			text = m[3];
			if (!/^[A-Z][A-Z0-9_]+$/.test(code)) continue;
		}
		if (/^0+$/.test(code)) continue;
		let score = 0;
		if (/\b(user|created by|who created)\b/i.test(desc) && noun !== 'user') score -= 3;
		if (desc.toLowerCase().includes(noun.replace(/s$/, ''))) score += 2;
		if (/\b(id|identifier)\b/i.test(desc)) score += 1;
		if (/iblock|information block|owner|parent|entityTypeId|catalog|currency|user|chat|dialog|type/i.test(desc) && !desc.toLowerCase().includes(noun)) score -= 3;
		if (!best || score > best.score) best = { score, code, description: text.replace(/`/g, '').trim() };
	}
	return best && best.score >= 0 ? { code: best.code, description: best.description } : undefined;
}

const entries = [];
for (const f of ['methods.json', 'methods-extra.json', 'methods-handled.json', 'documented.json']) {
	const p = path.join(catDir, f);
	if (fs.existsSync(p)) entries.push(...JSON.parse(fs.readFileSync(p, 'utf8')));
}
const prev = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
const result = {};
let derived = 0;
let missing = [];
for (const e of entries) {
	const key = e.method.toLowerCase();
	if (result[key]) continue;
	if (prev[key] && prev[key].source === 'manual') {
		result[key] = prev[key];
		continue;
	}
	const text = e.doc ? readDoc(e.doc) : undefined;
	if (!text) {
		missing.push(`${e.method} (no doc page)`);
		continue;
	}
	const ex = exampleResult(text);
	if (!ex.ok) {
		missing.push(`${e.method} (no parsable example)`);
		continue;
	}
	// *.fields / *.types describe the API itself: their example is kept with its values
	const literal = /(\.fields|\.getfields|\.types|\.fields\.get)$/i.test(e.method);
	const s = { method: e.method, doc: e.doc, source: 'example', result: literal ? ex.result : skeleton(ex.result) };
	if (literal) s.literal = true;
	if (ex.total) s.total = true;
	if (ex.envelopeless) s.note = 'the example prints the body without its result envelope';
	const nf = notFoundError(text, e.method);
	if (nf) s.notFound = nf;
	result[key] = s;
	derived++;
}
fs.writeFileSync(out, JSON.stringify(result, null, '\t') + '\n');
console.log(`derived ${derived}, kept ${Object.keys(result).length - derived} manual, ${missing.length} without an example`);
if (missing.length) console.log(missing.join('\n'));
