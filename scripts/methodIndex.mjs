// node scripts/methodIndex.mjs [index.json] [b24restdocs git dir]
//
// Writes nodes/Bitrix24/methods/methodIndex.json, the bundled list behind Call Method's method search and
// the deprecation notes of the operations. Inputs: the method index generated from bitrix24/b24restdocs
// (default ../shared/reference/bitrix24-methods-all.json) and, for the replacements of deprecated methods,
// a git copy of bitrix24/b24restdocs at the index's commit. The output is committed: building the
// package never needs either input. Only facts are kept: names, scopes, short title labels, doc paths.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const indexPath = process.argv[2] ?? join(root, '..', 'shared', 'reference', 'bitrix24-methods-all.json');
const docsGit = process.argv[3] ?? '/work/.mirror/bitrix24+b24restdocs/repo';
const commit = '5988ed13'; // the b24restdocs commit bitrix24-methods-all.json was generated from (its .md)

const index = JSON.parse(readFileSync(indexPath, 'utf8'));
const byDoc = new Map(index.map((m) => [m.doc, m.method]));
const METHOD = /^[a-z][\w]*(\.[\w]+)*(\.\*)?$/i;

// A replacement page that documents a family of methods rather than one (api-reference/crm/universal/invoice.md:
// invoices are crm.item.* with entityTypeId 31).
const FAMILY_PAGES = { 'api-reference/crm/universal/invoice.md': 'crm.item.* (entityTypeId 31)' };

function page(doc) {
	return execFileSync('git', ['--git-dir', docsGit, 'show', `${commit}:${doc}`], { encoding: 'utf8', maxBuffer: 1 << 24 });
}

/** The methods the page's deprecation note points to; '' when the note names none. */
function replacementOf(entry) {
	const note = /\{% note [a-z]+ "[^"]*deprecat[^"]*" %\}([\s\S]*?)\{% endnote %\}/i.exec(page(entry.doc));
	if (!note) return '';
	const names = [];
	for (const [, text, target] of note[1].matchAll(/\[([^\]]+)\]\(([^)#\s]+)[^)]*\)/g)) {
		const doc = posix.normalize(posix.join(posix.dirname(entry.doc), target));
		const name = byDoc.get(doc) ?? FAMILY_PAGES[doc] ?? (METHOD.test(text.replace(/`/g, '')) ? text.replace(/`/g, '') : undefined);
		if (name && name !== entry.method && !names.includes(name)) names.push(name);
	}
	return names.join(' and ');
}

const methods = index
	.map((m) => [m.method, [m.scope].flat().join(', '), m.title ?? '', m.doc.replace(/\.md$/, '')])
	.sort((a, b) => a[0].localeCompare(b[0]));
const deprecated = {};
for (const entry of index.filter((m) => m.deprecated).sort((a, b) => a.method.localeCompare(b.method))) deprecated[entry.method] = replacementOf(entry);

// REST 3.0 (/rest/api/): `only` there, or `both` when the classic method of that name has a REST 3.0 variant
const restV3 = {};
for (const entry of index.filter((m) => m.restV3 || m.restV3Variant).sort((a, b) => a.method.localeCompare(b.method))) restV3[entry.method] = entry.restV3 ? 'only' : 'both';

const out = {
	source: `bitrix24/b24restdocs@${commit}`,
	docs: 'https://apidocs.bitrix24.com/',
	fields: ['method', 'scope', 'title', 'doc'],
	methods,
	deprecated,
	restV3,
};
const file = join(root, 'nodes', 'Bitrix24', 'methods', 'methodIndex.json');
writeFileSync(file, `{\n${Object.entries(out)
	.map(([key, value]) =>
		Array.isArray(value) && Array.isArray(value[0])
			? `"${key}": [\n${value.map((row) => JSON.stringify(row)).join(',\n')}\n]`
			: typeof value === 'object' && !Array.isArray(value)
				? `"${key}": {\n${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`
				: `"${key}": ${JSON.stringify(value)}`,
	)
	.join(',\n')}\n}\n`);
const withReplacement = Object.values(deprecated).filter(Boolean).length;
process.stdout.write(`${methods.length} methods, ${Object.keys(deprecated).length} deprecated (${withReplacement} with a replacement), ${Object.keys(restV3).length} on REST 3.0 → ${file}\n`);
